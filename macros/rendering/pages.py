"""Whole pages and embeddable pieces of the corpus, rendered from templates.

A `PageContext` knows which page is being written, so that every link it makes
is relative to that page (as MkDocs writes links) and the site works from any
folder of any host. The templates ask it for addresses and names; they never
build a URL from a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from .. import model as m
from .. import urls
from .environment import render


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str  # as HTML (escaped text), the way MkDocs keeps table-of-contents titles


@dataclass
class RenderedPage:
    title: str  # plain text; the adapter escapes it for the theme
    html: Markup
    toc: list[Heading] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Published:
    """What the adapter knows beyond the corpus: the open-data files (a
    macros.downloads.Downloads), the repository's history and the data's licence."""

    downloads: object = None
    history: m.History = field(default_factory=m.History)
    licence_url: str = ""
    licence_name: str = ""


class PageContext:
    """Addresses and names as seen from the page at `source` (a docs-relative .md path)."""

    def __init__(self, corpus: m.Corpus, source: str, published: Published | None = None):
        self.corpus = corpus
        self.source = source
        self.published = published or Published()

    def file_href(self, path: str) -> str:
        return urls.relative_file(self.source, path)

    def page_href(self, source: str) -> str:
        return self.href(source)

    def downloads_of(self, item) -> list:
        downloads = self.published.downloads
        if downloads is None:
            return []
        return downloads.for_plan(item) if isinstance(item, m.Plan) else downloads.for_meeting(item)

    def changed(self, item) -> str:
        return self.published.history.changed(item)

    def href(self, target_source: str, fragment: str = "") -> str:
        return urls.relative(self.source, target_source, fragment)

    def region_href(self, region: m.Region, fragment: str = "") -> str:
        return self.href(urls.region_source(region.id), fragment)

    def plan_href(self, plan: m.Plan, fragment: str = "") -> str:
        return self.href(urls.plan_source(plan.region_id, plan.id), fragment)

    def meeting_href(self, meeting: m.Meeting, fragment: str = "") -> str:
        return self.href(urls.meeting_source(meeting.region_id, meeting.id), fragment)

    def current_plan_href(self, region: m.Region, body: m.Body) -> str:
        return urls.relative_url(urls.url_of(self.source), urls.current_plan_url(region.id, body.id))

    def region_of(self, item) -> m.Region:
        return self.corpus.regions[item.region_id]

    def plan_label(self, plan: m.Plan) -> str:
        return plan_title(self.corpus, plan)

    def meeting(self, region_id: str, meeting_id: str) -> m.Meeting:
        return self.corpus.meeting(region_id, meeting_id)

    def plan(self, region_id: str, plan_id: str) -> m.Plan:
        return self.corpus.plan(region_id, plan_id)


def plan_title(corpus: m.Corpus, plan: m.Plan) -> str:
    """"Hälso- och sjukvårdsnämnden: Reviderad verksamhetsplan 2024–2026": page title and link text."""
    return f"{corpus.regions[plan.region_id].body_name(plan.body_id)}: {plan.title}"


# Our own templates write every heading as <hN id="…">title<a class="headerlink" …>;
# the table of contents is read back from them rather than kept in step by hand.
_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)<a class="headerlink"', re.S)
_ID = re.compile(r' id="([^"]+)"')


def _page(template: str, title: str, context: PageContext, **values) -> RenderedPage:
    html = Markup(render(template, site=context, **values))
    toc = [Heading(int(level), ident, title_html) for level, ident, title_html in _HEADING.findall(html)]
    return RenderedPage(title, html, toc, set(_ID.findall(html)))


def region_page(corpus: m.Corpus, region: m.Region, published: Published | None = None) -> RenderedPage:
    context = PageContext(corpus, urls.region_source(region.id), published)
    return _page("pages/region.html", region.name, context, region=region)


def plan_page(corpus: m.Corpus, plan: m.Plan, published: Published | None = None) -> RenderedPage:
    context = PageContext(corpus, urls.plan_source(plan.region_id, plan.id), published)
    return _page("pages/plan.html", plan_title(corpus, plan), context, plan=plan,
                 region=corpus.regions[plan.region_id])


def meeting_page(corpus: m.Corpus, meeting: m.Meeting, published: Published | None = None) -> RenderedPage:
    context = PageContext(corpus, urls.meeting_source(meeting.region_id, meeting.id), published)
    return _page("pages/minutes.html", meeting.title, context, meeting=meeting,
                 region=corpus.regions[meeting.region_id])


def open_data_page(corpus: m.Corpus, published: Published) -> RenderedPage:
    context = PageContext(corpus, urls.OPEN_DATA_SOURCE, published)
    return _page("pages/open_data.html", "Öppna data", context, downloads=published.downloads,
                 regions=sorted(corpus.regions.values(), key=lambda r: r.name))


def catalogue_page(corpus: m.Corpus, published: Published) -> RenderedPage:
    context = PageContext(corpus, urls.CATALOGUE_SOURCE, published)
    return _page("pages/catalogue.html", "Datakatalog", context, downloads=published.downloads,
                 regions=sorted(corpus.regions.values(), key=lambda r: r.name))


def changes_page(corpus: m.Corpus, published: Published, limit: int = 50) -> RenderedPage:
    context = PageContext(corpus, urls.CHANGES_SOURCE, published)
    changes = [(change, [_affected(corpus, name) for name in change.files])
               for change in published.history.changes[:limit]]
    return _page("pages/changes.html", "Ändringar", context, changes=changes,
                 total=len(published.history.changes), limit=limit)


def _affected(corpus: m.Corpus, name: str) -> tuple[str, str, str]:
    """A changed data file → (file, the page it affects or "", that page's title)."""
    parts = name.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    if len(parts) == 4 and parts[0] == "data" and parts[1] == "planer":
        plan = corpus.plan(parts[2], stem)
        if plan is not None:
            return name, urls.plan_source(plan.region_id, plan.id), plan_title(corpus, plan)
    if len(parts) == 4 and parts[0] == "data" and parts[1] == "protokoll":
        meeting = corpus.meeting(parts[2], stem)
        if meeting is not None:
            return name, urls.meeting_source(meeting.region_id, meeting.id), meeting.title
    if len(parts) == 3 and parts[0] == "data" and parts[1] == "regioner" and stem in corpus.regions:
        return name, urls.region_source(stem), corpus.regions[stem].name
    return name, "", ""


# --- pieces for hand-written pages (the macros) ----------------------------

def _piece(template: str, corpus: m.Corpus, source: str, **values) -> Markup:
    # Python-Markdown passes a raw HTML block through untouched only up to a blank line.
    html = render(template, site=PageContext(corpus, source), **values)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def region_list(corpus: m.Corpus, source: str) -> Markup:
    return _piece("pieces/region_list.html", corpus, source,
                  regions=sorted(corpus.regions.values(), key=lambda r: r.name))


def chapter(corpus: m.Corpus, source: str, plan: m.Plan, chapter: m.Chapter, level: int) -> Markup:
    return _piece("pieces/chapter.html", corpus, source, plan=plan, chapter=chapter, level=level,
                  region=corpus.regions[plan.region_id])


def blocks(corpus: m.Corpus, source: str, plan: m.Plan, items: list[m.Block], level: int) -> Markup:
    return _piece("pieces/blocks.html", corpus, source, blocks=items, level=level,
                  region=corpus.regions[plan.region_id], footnotes=plan.footnotes)


def paragraph(corpus: m.Corpus, source: str, meeting: m.Meeting, item: m.MinutesParagraph,
              level: int) -> Markup:
    return _piece("pieces/paragraph.html", corpus, source, meeting=meeting, paragraph=item,
                  level=level, region=corpus.regions[meeting.region_id])
