"""The bridge between MkDocs and the model: one corpus per build, pages and navigation.

Both the hooks (files, navigation) and the macros (page content) ask `load()`
for the corpus; it is read once per build and again only when data changes,
so `mkdocs serve` picks up edits.
"""

from __future__ import annotations

from pathlib import Path

from . import urls
from .corpus import load_corpus
from .model import Corpus

_cache: dict[str, tuple[tuple, Corpus]] = {}


def _signature(data_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in data_dir.rglob("*") if p.is_file()))


def load(data_dir: Path) -> Corpus:
    data_dir = Path(data_dir).resolve()
    signature = _signature(data_dir)
    cached = _cache.get(str(data_dir))
    if cached and cached[0] == signature:
        return cached[1]
    corpus = load_corpus(data_dir)
    _cache[str(data_dir)] = (signature, corpus)
    return corpus


def _call(macro: str, *args: str) -> str:
    quoted = ", ".join(f'"{a}"' for a in args)  # ids are [a-z0-9-]: safe inside quotes
    return f"{{{{ {macro}({quoted}) }}}}\n"


def generated_pages(corpus: Corpus) -> dict[str, str]:
    """Source path → Markdown for every page made from data."""
    pages = {}
    for region in corpus.regions.values():
        pages[urls.region_source(region.id)] = _call("region_page", region.id)
        for plan in region.plans:
            pages[urls.plan_source(region.id, plan.id)] = _call("plan_page", region.id, plan.id)
        for meeting in region.meetings:
            pages[urls.meeting_source(region.id, meeting.id)] = _call("meeting_page", region.id, meeting.id)
    return pages


def navigation(corpus: Corpus) -> list:
    """Nested navigation: region → plans by body, minutes. Goals are anchors, not pages,
    so the navigation grows with documents, not with their contents."""
    nav = []
    for region in sorted(corpus.regions.values(), key=lambda r: r.name):
        plans = [{f"{region.bodies[p.body_id].name}: {p.title}": urls.plan_source(region.id, p.id)}
                 for p in region.plans]
        meetings = [{m.title: urls.meeting_source(region.id, m.id)} for m in region.meetings]
        section = [urls.region_source(region.id)]
        if plans:
            section.append({"Planer": plans})
        if meetings:
            section.append({"Protokoll": meetings})
        nav.append({region.name: section})
    return nav
