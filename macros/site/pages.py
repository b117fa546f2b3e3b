"""Which pages the data makes, their place in the navigation, and one corpus per build.

The navigation is made of ids only: a page made from data is listed under its
source path and gets its real title after it is rendered (see hooks), so no
text from data ever passes through mkdocs-macros, which evaluates Jinja in page
titles. Section titles (region names) are handed to the theme escaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from markupsafe import escape

from .. import urls
from ..loading import load_corpus
from ..model import Corpus
from ..rendering import pages
from ..rendering.pages import Published, RenderedPage

_cache: dict[str, tuple[tuple, Corpus]] = {}


def _signature(data_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in data_dir.rglob("*") if p.is_file()))


def load(data_dir: Path) -> Corpus:
    """The corpus, read again only when a file under data/ changed (for `mkdocs serve`)."""
    data_dir = Path(data_dir).resolve()
    signature = _signature(data_dir)
    cached = _cache.get(str(data_dir))
    if cached and cached[0] == signature:
        return cached[1]
    corpus = load_corpus(data_dir)
    _cache[str(data_dir)] = (signature, corpus)
    return corpus


def generated_pages(corpus: Corpus, published: Published | None = None) -> dict[str, Callable[[], RenderedPage]]:
    """Source path → how to render it, for every page made from data; with `published`
    (the open-data files and the history) also the Öppna data, Datakatalog and Ändringar pages."""
    made: dict[str, Callable[[], RenderedPage]] = {}
    for region in corpus.regions.values():
        made[urls.region_source(region.id)] = lambda r=region: pages.region_page(corpus, r, published)
        for plan in region.plans:
            made[urls.plan_source(region.id, plan.id)] = lambda p=plan: pages.plan_page(corpus, p, published)
        for meeting in region.meetings:
            made[urls.meeting_source(region.id, meeting.id)] = \
                lambda mt=meeting: pages.meeting_page(corpus, mt, published)
        if region.indicators:
            made[urls.indicators_source(region.id)] = lambda r=region: pages.indicators_page(corpus, r, published)
        for ident in region.indicators:
            made[urls.indicator_source(region.id, ident)] = (
                lambda r=region, i=ident: pages.indicator_page(corpus, r, corpus.histories(r)[i], published))
    if published is not None:
        made[urls.OPEN_DATA_SOURCE] = lambda: pages.open_data_page(corpus, published)
        made[urls.CATALOGUE_SOURCE] = lambda: pages.catalogue_page(corpus, published)
        made[urls.CHANGES_SOURCE] = lambda: pages.changes_page(corpus, published)
    return made


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
