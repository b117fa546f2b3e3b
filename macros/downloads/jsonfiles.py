"""JSON files: a plan, a set of minutes, and everything, made from the model by json.dumps.

The model's dataclasses become JSON objects with the model's own (English) field
names; blocks carry a "type" ("indicator_table", "table", …). Numbers are JSON
numbers (exact decimals from the source: 0.29, 6319, -628), years are object keys
("2024"), empty texts and absent values are left out, text fields are Markdown as in
the data. Each file names its JSON Schema in "$schema" (see jsonschemas.py), and the
whole is checked against it in the test suite.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import BinaryIO

from .. import model as m
from .. import urls
from .publication import Settings

_SKIP = {m.Region: {"plans", "meetings"}, m.Plan: {"source", "changed", "original"},
         m.Meeting: {"source", "changed", "original"}, m.RegionGoal: {"area"}}


def _type_name(item) -> str:
    if isinstance(item, m.MissingFigure):
        return "figure"  # the name the published schema gives it
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(item).__name__).lower()


def to_json(item):
    """A model object as JSON-ready data (dicts, lists, str, int, float, bool)."""
    if isinstance(item, m.Value):
        data = {"number": to_json(item.number), "unit": item.unit if item.number is not None else "",
                "text": item.text, "note": item.note,
                "by_series": [{"series": s, **to_json(v)} for s, v in item.by_series]}
        return {k: v for k, v in data.items() if v not in ("", None, [])}
    if isinstance(item, m.Paragraphs):  # no dataclass: it keeps its text compressed
        return {"type": _type_name(item), "text": item.text}
    if dataclasses.is_dataclass(item):
        skip = _SKIP.get(type(item), set())
        data = {f.name: to_json(getattr(item, f.name)) for f in dataclasses.fields(item)
                if f.name not in skip}
        data = {k: v for k, v in data.items() if v not in ("", None)}
        if isinstance(item, m.GoalArea):
            data["goals"] = [g.id for g in item.goals]
        if isinstance(item, m.RegionGoal) and item.area is not None:
            data["area_id"] = item.area.id
        if isinstance(item, _BLOCKS):
            return {"type": _type_name(item), **data}
        return data
    if isinstance(item, Decimal):
        return int(item) if item == item.to_integral_value() and item.as_tuple().exponent >= 0 else float(item)
    if isinstance(item, dict):
        return {str(k): to_json(v) for k, v in item.items()}
    if isinstance(item, (list, tuple)):
        return [to_json(v) for v in item]
    return item


_BLOCKS = (m.Paragraphs, m.BulletList, m.SubHeading, m.FootnoteRefs, m.LegalEntities, m.Commitments,
           m.IndicatorTable, m.SubGoalTable, m.AssignmentTable, m.Table, m.Measures, m.Risks,
           m.Annexes, m.GoalOverview, m.MissingFigure)


def _original(original) -> dict | None:
    if original is None:
        return None
    data = {"title": original.title, "url": original.url, "case_number": original.case_number}
    return {k: v for k, v in data.items() if v}


def _document(settings: Settings, item, page_source: str, downloads: list) -> dict:
    """What plans and minutes share: address, original, last change, files."""
    data = {"url": urls.absolute(settings.site_url, urls.url_of(page_source)),
            "original": _original(item.original),
            "changed": settings.changelog.changed(item),
            "downloads": [{"title": d.title, "url": urls.absolute(settings.site_url, d.path),
                           "media_type": d.media_type} for d in downloads]}
    return {k: v for k, v in data.items() if v not in ("", None)}


def plan_data(corpus: m.Corpus, plan: m.Plan, settings: Settings, downloads: list) -> dict:
    region = corpus.regions[plan.region_id]
    data = to_json(plan)
    data["body_name"] = region.body_name(plan.body_id)
    data["region_name"] = region.name
    data.update(_document(settings, plan, urls.plan_source(plan.region_id, plan.id), downloads))
    return data


def meeting_data(corpus: m.Corpus, meeting: m.Meeting, settings: Settings, downloads: list) -> dict:
    region = corpus.regions[meeting.region_id]
    data = to_json(meeting)
    data["body_name"] = region.body_name(meeting.body_id)
    data["region_name"] = region.name
    for paragraph, item in zip(meeting.paragraphs, data["paragraphs"]):
        item["url"] = urls.absolute(settings.site_url, urls.url_of(
            urls.meeting_source(meeting.region_id, meeting.id)) + "#" + urls.anchor("paragraf", paragraph.id))
        item["plans"] = [{"plan": plan.id, "action": decision.action}
                         for plan, decision in corpus.decisions_on(meeting, paragraph)]
    data.update(_document(settings, meeting, urls.meeting_source(meeting.region_id, meeting.id), downloads))
    return data


def site_data(corpus: m.Corpus, settings: Settings, plans: Iterable[bytes], meetings: Iterable[bytes]) -> dict:
    """The whole site's JSON, for write_json: its plans and meetings are the JSON texts of
    their own files."""
    regions = []
    for region in sorted(corpus.regions.values(), key=lambda r: r.id):
        item = to_json(region)
        item["bodies"] = list(item["bodies"].values())
        item["frameworks"] = list(item["frameworks"].values())
        item["indicators"] = list(item["indicators"].values())
        item["url"] = urls.absolute(settings.site_url, urls.url_of(urls.region_source(region.id)))
        regions.append(item)
    return {"$schema": urls.absolute(settings.site_url, urls.json_schema("oppna-planer")),
            "title": settings.site_name, "url": settings.site_url, "licence": settings.licence,
            "regions": regions, "plans": Streamed(plans), "meetings": Streamed(meetings)}


def json_bytes(data: dict) -> bytes:
    """Readable, stable output: indented, keys in the order made, non-ASCII as itself."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class Streamed:
    """A JSON array given as the json_bytes of each item, written one at a time."""

    def __init__(self, items: Iterable[bytes]):
        self.items = items


def write_json(out: BinaryIO, data: dict) -> None:
    """Write `json_bytes(data)` piece by piece: a top-level value that is Streamed is written
    item by item and never held whole (the site's JSON repeats every plan's and minutes'
    file, the data package describes every CSV: more than a build may keep in memory at
    national scale)."""
    out.write(b"{")
    for n, (key, value) in enumerate(data.items()):
        out.write(b",\n" if n else b"\n")
        if not isinstance(value, Streamed):
            out.write(json_bytes({key: value})[len(b"{\n"):-len(b"\n}\n")])
            continue
        out.write(b"  " + json.dumps(key, ensure_ascii=False).encode("utf-8") + b": ")
        first = True
        for item in value.items:
            out.write(b"[\n" if first else b",\n")
            # An item's lines are indented two levels deeper inside the whole; a JSON text
            # has no line breaks inside its strings, so this is exact.
            out.write(b"\n".join(b"    " + line for line in item.rstrip(b"\n").split(b"\n")))
            first = False
        out.write(b"[]" if first else b"\n  ]")
    out.write(b"\n}\n" if data else b"}\n")
