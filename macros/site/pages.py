"""Which pages the data makes, their place in the navigation, and one corpus per build.

The navigation is made of ids only: a page made from data is listed under its
source path and gets its real title after it is rendered (see hooks), so no
text from data ever passes through mkdocs-macros, which evaluates Jinja in page
titles. Section titles (region names) are handed to the theme escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from markupsafe import escape

from .. import forked, urls
from ..loading import load_corpus
from ..model import Corpus
from ..rendering import pages
from ..rendering.pages import Published, RenderedPage
from ..rendering.text import plain

_cache: dict[str, tuple[tuple, Corpus]] = {}


def _signature(data_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in data_dir.rglob("*") if p.is_file()))


_regions_seen: dict[str, dict[str, tuple]] = {}


def changed_regions(data_dir: Path) -> set[str] | None:
    """The regions whose data changed since the last call for this data/ (for `mkdocs serve
    --dirty`), or None the first time or when anything but a region's own files changed
    (a file directly in data/)."""
    data_dir = Path(data_dir).resolve()
    by_region: dict[str, list] = {}
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        parts = path.relative_to(data_dir).parts
        if len(parts) == 3:
            region = parts[1]
        elif len(parts) == 2 and parts[0] in ("regioner", "indikatorer"):
            region = path.stem
        else:
            region = ""  # a change here may concern every region
        stat = path.stat()
        by_region.setdefault(region, []).append((str(path), stat.st_mtime_ns, stat.st_size))
    now = {region: tuple(files) for region, files in by_region.items()}
    before = _regions_seen.get(str(data_dir))
    _regions_seen[str(data_dir)] = now
    if before is None or before.get("") != now.get(""):
        return None
    return {r for r in set(before) | set(now) if before.get(r) != now.get(r)}


def load(data_dir: Path) -> Corpus:
    """The corpus, read again only when a file under data/ changed (for `mkdocs serve`)."""
    data_dir = Path(data_dir).parent.resolve() / Path(data_dir).name  # (data/ a link is refused, not followed)
    signature = _signature(data_dir)
    cached = _cache.get(str(data_dir))
    if cached and cached[0] == signature:
        return cached[1]
    corpus = load_corpus(data_dir, forked.processes())
    _cache[str(data_dir)] = (signature, corpus)
    return corpus


def forget() -> None:
    """Drop the corpus kept for the next load (when no next build will ask for it)."""
    _cache.clear()


@dataclass(frozen=True)
class Generated:
    """A page made from data: its title (known without rendering it, for the navigation)
    and how to render it."""

    title: str
    render: Callable[[], RenderedPage]


def generated_pages(corpus: Corpus, published: Published | None = None) -> dict[str, Generated]:
    """Source path → title and how to render it, for every page made from data; with
    `published` (the open-data files and the change log) also the Öppna data, Datakatalog
    and Ändringar pages."""
    made: dict[str, Generated] = {}
    for region in corpus.regions.values():
        made[urls.region_source(region.id)] = Generated(
            region.name, lambda r=region: pages.region_page(corpus, r, published))
        for plan in region.plans:
            made[urls.plan_source(region.id, plan.id)] = Generated(
                pages.plan_title(corpus, plan), lambda p=plan: pages.plan_page(corpus, p, published))
        for meeting in region.meetings:
            made[urls.meeting_source(region.id, meeting.id)] = Generated(
                meeting.title, lambda mt=meeting: pages.meeting_page(corpus, mt, published))
        if region.indicators:
            made[urls.indicators_source(region.id)] = Generated(
                f"Indikatorer: {region.name}", lambda r=region: pages.indicators_page(corpus, r, published))
        for ident, definition in region.indicators.items():
            made[urls.indicator_source(region.id, ident)] = Generated(
                plain(definition.name),
                lambda r=region, i=ident: pages.indicator_page(corpus, r, corpus.histories(r)[i], published))
    if published is not None:
        made[urls.OPEN_DATA_SOURCE] = Generated("Öppna data", lambda: pages.open_data_page(corpus, published))
        made[urls.CATALOGUE_SOURCE] = Generated("Datakatalog", lambda: pages.catalogue_page(corpus, published))
        made[urls.CHANGES_SOURCE] = Generated("Ändringar", lambda: pages.changes_page(corpus, published))
    return made


def titles_in_navigation(corpus: Corpus, generated: dict[str, Generated]) -> dict[str, tuple]:
    """For each page made from data, the titles of other pages its navigation shows. With
    Material's navigation.prune that is its region's own entries and, for a plan or a set
    of minutes, the list of plans or minutes it is in (as navigation() lays them out), and
    for every page the regions' names."""
    shown: dict[str, tuple] = {}
    regions = tuple(region.name for region in corpus.regions.values())
    for region in corpus.regions.values():
        own = (urls.region_source(region.id), urls.indicators_source(region.id))
        region_titles = regions + tuple(generated[s].title for s in own if s in generated)
        plans = [urls.plan_source(region.id, p.id) for p in region.plans]
        meetings = [urls.meeting_source(region.id, m.id) for m in region.meetings]
        for group in (plans, meetings):
            titles = region_titles + tuple(generated[s].title for s in group)
            shown.update(dict.fromkeys(group, titles))
        for source in own:
            shown[source] = region_titles
    for source in generated:  # the rest (indicators, site-wide pages) are in no list
        shown.setdefault(source, regions)
    return shown


def navigation(corpus: Corpus) -> list:
    """Nested navigation: region → plans, minutes. Goals are anchors, not pages, so the
    navigation grows with documents, not with their contents."""
    nav = []
    for region in sorted(corpus.regions.values(), key=lambda r: r.name):
        section: list = [urls.region_source(region.id)]
        plans = [urls.plan_source(region.id, p.id) for p in region.plans]
        meetings = [urls.meeting_source(region.id, m.id) for m in region.meetings]
        if plans:
            section.append({"Planer": plans})
        if meetings:
            section.append({"Protokoll": meetings})
        if region.indicators:
            # The index only: a page per indicator in every page's navigation would not scale.
            section.append(urls.indicators_source(region.id))
        nav.append({escape(region.name): section})
    return nav
