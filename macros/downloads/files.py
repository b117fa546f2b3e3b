"""Every open-data file of the site, made from the model in one pass.

`build(corpus, settings)` returns a `Downloads`: each file's path (relative to the
site root), Swedish title, media type and bytes, and which files belong to which
plan or set of minutes, so that pages can link them. Nothing here knows MkDocs; an
adapter writes the files (see macros/site/hooks.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import forked, urls
from .. import model as m
from . import archive, catalogue, csvfiles, datapackage, jsonfiles, jsonschemas, tables
from .publication import Download, Settings
from .store import FileStore

CSV, JSON, ZIP = "text/csv", "application/json", "application/zip"
SCHEMA_MEDIA_TYPE = JSON  # what static hosts serve .json as; application/schema+json is not registered


@dataclass
class Downloads:
    files: dict[str, Download] = field(default_factory=dict)  # path → file, every file
    plans: dict[tuple[str, str], list[Download]] = field(default_factory=dict)  # (region, plan) → files
    meetings: dict[tuple[str, str], list[Download]] = field(default_factory=dict)
    indicators: dict[tuple[str, str], Download] = field(default_factory=dict)  # (region, indicator) → its history
    site_wide: list[Download] = field(default_factory=list)
    schemas: list[Download] = field(default_factory=list)
    # katalog.ttl and katalog.rdf describe every other file, so they are made last, in a
    # process of their own while the build goes on; not in `files` (see `catalogue`).
    catalogue_files: forked.Later[list[Download]] | None = None

    kinds: dict[str, tables.TableKind] = field(default_factory=dict)  # CSV path → its columns

    def add(self, download: Download, kind: tables.TableKind | None = None) -> Download:
        assert download.path not in self.files, download.path
        self.files[download.path] = download
        if kind is not None:
            self.kinds[download.path] = kind
        return download

    def merge(self, part: Downloads) -> None:
        """Add the files of `part` (made apart, for example one region's), keeping their order."""
        for path, download in part.files.items():
            self.add(download, part.kinds.get(path))
        self.plans.update(part.plans)
        self.meetings.update(part.meetings)
        self.indicators.update(part.indicators)

    @staticmethod
    def region_of(path: str) -> str | None:
        """The region whose file `path` is, None for the files of the whole site."""
        parts = path.split("/")
        return parts[1] if len(parts) > 3 and parts[0] == urls.DATA_DIR else None

    def of_region(self, region_id: str) -> Downloads:
        """The files of one region (as _region_files made them)."""
        part = Downloads()
        for path, download in self.files.items():
            if self.region_of(path) == region_id:
                part.add(download, self.kinds.get(path))
        part.plans = {k: v for k, v in self.plans.items() if k[0] == region_id}
        part.meetings = {k: v for k, v in self.meetings.items() if k[0] == region_id}
        part.indicators = {k: v for k, v in self.indicators.items() if k[0] == region_id}
        return part

    @property
    def catalogue(self) -> list[Download]:
        """The catalogue's files, once they are made (waited for here)."""
        return self.catalogue_files.result() if self.catalogue_files is not None else []

    def for_plan(self, plan: m.Plan) -> list[Download]:
        return self.plans.get((plan.region_id, plan.id), [])

    def for_meeting(self, meeting: m.Meeting) -> list[Download]:
        return self.meetings.get((meeting.region_id, meeting.id), [])

    def for_indicator(self, region_id: str, indicator_id: str) -> Download | None:
        return self.indicators.get((region_id, indicator_id))

    def table_kinds(self) -> list[tables.TableKind]:
        """The kinds of CSV published, each once: plans' tables, minutes', then any others."""
        present = {kind.name: kind for kind in self.kinds.values()}
        known = [k.name for k in tables.PLAN_TABLES + tables.MEETING_TABLES + (tables.HISTORY,)]
        return sorted(present.values(), key=lambda k: (known.index(k.name) if k.name in known else len(known), k.name))

    def csv_files(self) -> list[tuple[Download, tables.TableKind]]:
        """Every CSV file with its columns, sorted by path."""
        return [(self.files[path], kind) for path, kind in sorted(self.kinds.items())]


def _csv(store: FileStore, path: str, kind: tables.TableKind, rows: list[dict], what: str) -> Download:
    return store.save(path, kind.title, "CSV", CSV, csvfiles.csv_bytes(kind, rows),
                      f"{kind.title} ur ”{what}”. {kind.description}")


def build(corpus: m.Corpus, settings: Settings, store: FileStore, processes: int = 1) -> Downloads:
    """Every file, written to `store`: per plan, per set of minutes, per indicator, and for
    the whole site. The regions' files are made in `processes` processes side by side, and
    with two or more the catalogue in the background (`Downloads.catalogue` waits for it)."""
    downloads = Downloads()
    for part in forked.imap(lambda region_id: _region_files(corpus, settings, store, region_id),
                            sorted(corpus.regions), processes):
        downloads.merge(part)

    for name, (_, title) in jsonschemas.SCHEMAS.items():
        downloads.schemas.append(downloads.add(store.save(
            urls.json_schema(name), f"JSON Schema: {title.split(': ', 1)[1]}", "JSON", SCHEMA_MEDIA_TYPE,
            jsonfiles.json_bytes(jsonschemas.schema(name, settings.site_url)))))

    with store.target(urls.DATA_PACKAGE).open("wb") as out:
        jsonfiles.write_json(out, datapackage.package(downloads.csv_files(), settings))
    package_file = downloads.add(store.saved(urls.DATA_PACKAGE, "Databeskrivning (Frictionless Data Package)",
                                             "JSON", JSON, "Beskriver varje CSV-fil och dess kolumner (Table Schema)."))
    with store.target(urls.SITE_JSON).open("wb") as out:  # it holds every plan's and minutes' JSON file
        jsonfiles.write_json(out, jsonfiles.site_data(
            corpus, settings, (files[0].content for files in downloads.plans.values()),
            (files[0].content for files in downloads.meetings.values())))
    everything = downloads.add(store.saved(urls.SITE_JSON, "Allt i en JSON-fil", "JSON", JSON,
                                           "Alla regioner, planer och protokoll i en fil."))
    archive.write_zip(store.target(urls.CSV_ZIP),
                      {**{_in_package(d.path): d.stored for d, _ in downloads.csv_files()},
                       "datapackage.json": package_file.stored})
    zipped = downloads.add(store.saved(urls.CSV_ZIP, "Alla CSV-filer i en zip-fil", "ZIP", ZIP,
                                       "Alla CSV-filer med databeskrivningen datapackage.json."))
    downloads.site_wide = [everything, zipped, package_file]
    downloads.catalogue_files = forked.Later(lambda: catalogue.files(corpus, settings, downloads, store),
                                             processes)
    return downloads


def remake_regions(previous: Downloads, corpus: m.Corpus, settings: Settings, store: FileStore,
                   region_ids: set[str]) -> Downloads:
    """`previous` (made into `store`) with the files of the regions `region_ids` made again
    from `corpus`, for a preview after an edit: the whole site's files (its JSON, the zip,
    the catalogue) stay as they were until the next full build."""
    downloads = Downloads()
    for region_id in sorted(corpus.regions):
        downloads.merge(_region_files(corpus, settings, store, region_id) if region_id in region_ids
                        else previous.of_region(region_id))
    for path, download in previous.files.items():
        if path not in downloads.files and previous.region_of(path) is None:
            downloads.add(download, previous.kinds.get(path))
    downloads.site_wide, downloads.catalogue_files, downloads.schemas = \
        previous.site_wide, previous.catalogue_files, previous.schemas
    return downloads


def _region_files(corpus: m.Corpus, settings: Settings, store: FileStore, region_id: str) -> Downloads:
    """A region's files: each plan's and minutes', and each indicator's history."""
    downloads = Downloads()
    region = corpus.regions[region_id]
    for plan in region.plans:
        what = plan_name(corpus, plan)
        downloads.plans[(region.id, plan.id)] = _document_files(
            downloads, store, settings, lambda name, p=plan: urls.plan_data(region.id, p.id, name), "plan",
            tables.plan_tables(corpus, plan), what, "Hela planen",
            f"Hela ”{what}”: kapitel, mål, indikatorer, tabeller och uppdrag.",
            lambda listed, p=plan: jsonfiles.plan_data(corpus, p, settings, listed))
    for meeting in region.meetings:
        downloads.meetings[(region.id, meeting.id)] = _document_files(
            downloads, store, settings, lambda name, mt=meeting: urls.meeting_data(region.id, mt.id, name),
            "protokoll", tables.meeting_tables(meeting), meeting.title, "Hela protokollet",
            f"{meeting.title}: närvaro, information och varje paragraf med beslut.",
            lambda listed, mt=meeting: jsonfiles.meeting_data(corpus, mt, settings, listed))
    for history in corpus.histories(region).values():
        downloads.indicators[(region.id, history.definition.id)] = downloads.add(
            indicator_history_file(corpus, region, history, store), tables.HISTORY)
    return downloads


def _document_files(downloads: Downloads, store: FileStore, settings: Settings, path_of, name: str,
                    table_rows, what: str, title: str, description: str, to_data) -> list[Download]:
    """A plan's or minutes' CSV files and the whole document as JSON (named `name`.json and
    described by the JSON Schema of that name), which lists them all: the JSON file first."""
    files = [downloads.add(_csv(store, path_of(f"{kind.name}.csv"), kind, rows, what), kind)
             for kind, rows in table_rows]
    path = path_of(f"{name}.json")
    listed = [Download(path, title, "JSON", JSON)] + files
    data = {"$schema": urls.absolute(settings.site_url, urls.json_schema(name)), **to_data(listed)}
    whole = downloads.add(store.save(path, title, "JSON", JSON, jsonfiles.json_bytes(data), description))
    return [whole] + files


def _in_package(path: str) -> str:
    """A file's path inside the data package (relative to /data/)."""
    return path[len(urls.DATA_DIR) + 1:]


def plan_name(corpus: m.Corpus, plan: m.Plan) -> str:
    """"Hälso- och sjukvårdsnämnden: Reviderad verksamhetsplan 2024–2026", as on its page."""
    return f"{corpus.regions[plan.region_id].body_name(plan.body_id)}: {plan.title}"


def indicator_history_file(corpus: m.Corpus, region: m.Region, history: m.History, store: FileStore) -> Download:
    """/data/<region>/indikatorer/<id>/historik.csv: every figure of the indicator's page,
    each with the plan or follow-up it comes from."""
    definition = history.definition
    points = []
    for figure in history.figures:
        source = figure.source
        if source.plan is not None:
            origin = ("plan", source.plan.id, plan_name(corpus, source.plan), source.plan.decision_date)
        else:
            origin = (source.follow_up.kind, source.follow_up.id, source.follow_up.title, source.follow_up.date)
        value = m.Value(by_series=((figure.series, figure.value),)) if figure.series else figure.value
        points.append(tables.HistoryPoint(figure.year, figure.kind, value, *origin))
    path = f"{urls.DATA_DIR}/{region.id}/indikatorer/{definition.id}/historik.csv"
    rows = list(tables.history_rows(region.id, definition.id, definition.name, definition.unit, points,
                                    definition.series))
    return _csv(store, path, tables.HISTORY, rows, f"regionens uppföljning av indikatorn {definition.name}")
