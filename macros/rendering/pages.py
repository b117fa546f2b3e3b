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
from ..model.history import NO_OUTCOME, RULES
from . import charts
from .text import plain
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
    region: str = ""  # the region's name, for search results ("Region Västerbotten")
    kind: str = ""    # what the page is, for search results: Region, Plan, Protokoll


@dataclass(frozen=True)
class Published:
    """What the adapter knows beyond the corpus: the open-data files (a
    macros.downloads.Downloads), the repository's change log and the data's licence."""

    downloads: object = None
    changelog: m.ChangeLog = field(default_factory=m.ChangeLog)
    licence_url: str = ""
    licence_name: str = ""


class PageContext:
    """Addresses and names as seen from the page at `source` (a docs-relative .md path)."""

    def __init__(self, corpus: m.Corpus, source: str, published: Published | None = None):
        self.corpus = corpus
        self.source = source
        self._charts = 0  # numbers the charts of the page, for their ids
        self.published = published or Published()

    def file_href(self, path: str) -> str:
        return urls.relative_file(self.source, path)

    def page_href(self, source: str) -> str:
        return self.href(source)

    def downloads_of(self, item) -> list:
        downloads = self.published.downloads
        if downloads is None:
            return []
        if isinstance(item, m.History):
            found = downloads.for_indicator(item.definition.region_id, item.definition.id)
            return [found] if found else []
        return downloads.for_plan(item) if isinstance(item, m.Plan) else downloads.for_meeting(item)

    def changed(self, item) -> str:
        return self.published.changelog.changed(item)

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

    def plan_label(self, plan: m.Plan) -> str:
        return plan_title(self.corpus, plan)

    def meeting(self, region_id: str, meeting_id: str) -> m.Meeting:
        return self.corpus.meeting(region_id, meeting_id)

    def plan(self, region_id: str, plan_id: str) -> m.Plan:
        return self.corpus.plan(region_id, plan_id)

    def indicator_href(self, region_id: str, indicator_id: str, fragment: str = "") -> str:
        return self.href(urls.indicator_source(region_id, indicator_id), fragment)

    def indicators_href(self, region: m.Region) -> str:
        return self.href(urls.indicators_source(region.id))

    def rules_href(self, rule: str = "") -> str:
        return self.href(urls.RULES_SOURCE, rule)

    def rule_href(self, rule: str) -> str:
        """The rule on "Så bedöms måluppfyllelse" that made a judgement (history.RULES)."""
        if rule not in RULES:
            raise ValueError(f"no rule '{rule}' on {urls.RULES_SOURCE}")
        return self.rules_href(rule)

    # --- indicators: history, status, charts ---------------------------------

    def chart(self, history: m.History, compact: bool = False, axes: charts.TableAxes | None = None) -> Markup:
        self._charts += 1
        chart = charts.line_chart(history, compact, axes)
        return Markup(render("charts/line.svg", chart=chart, chart_id=f"diagram-{self._charts}"))

    def small_charts(self, plan: m.Plan, rows: list[m.Indicator]) -> dict[str, Markup]:
        """The small charts of one table's rows (by row id) that have numbers to draw, on the years and
        value axes they share (charts.shared_axes): rows compare by height and by year."""
        drawn = {row.id: self.corpus.history(plan, row) for row in rows}
        drawn = {row_id: h for row_id, h in drawn.items() if h.chartable()}
        axes = charts.shared_axes(list(drawn.values()))
        return {row_id: self.chart(h, compact=True, axes=axes) for row_id, h in drawn.items()}

    def legend(self, history: m.History) -> Markup:
        return Markup(render("charts/legend.html", chart=charts.line_chart(history), history=history))

    def row_judgements(self, plan: m.Plan, row: m.Indicator, year: int) -> list[m.Judgement]:
        """The judged targets of one plan row and year (those with a reported outcome)."""
        return [j for j in self.corpus.history(plan, row).judgements_of(plan, year)
                if j.target.source.row is row and j.status != NO_OUTCOME]

    def summaries(self, rows: list[tuple[m.Plan, m.Indicator]]) -> tuple[list[m.Summary], list[int]]:
        """Per target year: how the rows' indicators did, and the years with no outcome yet."""
        by_row = [[j for j in self.corpus.history(plan, row).judgements() if j.target.source.row is row]
                  for plan, row in rows]
        years = sorted({j.target.year for judgements in by_row for j in judgements})
        reported, pending = [], []
        for year in years:
            summary = m.summarise(by_row, year)
            (pending if summary.no_outcome == summary.judged else reported).append(
                summary if summary.no_outcome != summary.judged else year)
        return reported, pending

    def goal_of(self, plan: m.Plan, row: m.Indicator) -> m.Chapter | None:
        """The goal chapter (or else the chapter) whose tables hold an indicator row."""
        return self.corpus.goal_of(plan, row)

    def plan_rows(self, plan: m.Plan, chapter: m.Chapter | None = None) -> list[tuple[m.Plan, m.Indicator]]:
        rows = self.corpus.indicator_rows(plan, chapter) if chapter else list(plan.indicators())
        return [(plan, row) for row in rows]


def plan_title(corpus: m.Corpus, plan: m.Plan) -> str:
    """"Hälso- och sjukvårdsnämnden: Reviderad verksamhetsplan 2024–2026": page title and link text."""
    return f"{corpus.regions[plan.region_id].body_name(plan.body_id)}: {plan.title}"


# Our own templates write every heading as <hN id="…">title<a class="headerlink" …>;
# the table of contents is read back from them rather than kept in step by hand.
_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)<a class="headerlink"', re.S)
_ID = re.compile(r' id="([^"]+)"')
# Search (Pagefind) reads text from the HTML, not from the layout: adjacent table cells and
# fact labels would run together ("Diarienummer23HSN1782"). A space after each closing cell,
# caption, term and description keeps words apart; browsers ignore white space there.
_CELL_END = re.compile(r"(</(?:th|td|caption|dt|dd)>)")


def _separated(html: str) -> str:
    return _CELL_END.sub(r"\1 ", html)


def _page(template: str, title: str, context: PageContext, region: m.Region | None, kind: str,
          **values) -> RenderedPage:
    """A page of one region, or (region None) of the whole site; `kind` names it in search."""
    html = Markup(_separated(render(template, site=context, region=region, **values)))
    toc = [Heading(int(level), ident, title_html) for level, ident, title_html in _HEADING.findall(html)]
    return RenderedPage(title, html, toc, set(_ID.findall(html)), region.name if region else "", kind)


def region_page(corpus: m.Corpus, region: m.Region, published: Published | None = None) -> RenderedPage:
    context = PageContext(corpus, urls.region_source(region.id), published)
    return _page("pages/region.html", region.name, context, region, "Region")


def plan_page(corpus: m.Corpus, plan: m.Plan, published: Published | None = None) -> RenderedPage:
    context = PageContext(corpus, urls.plan_source(plan.region_id, plan.id), published)
    return _page("pages/plan.html", plan_title(corpus, plan), context, corpus.regions[plan.region_id],
                 "Plan", plan=plan)


def indicator_page(corpus: m.Corpus, region: m.Region, history: m.History,
                   published: Published | None = None) -> RenderedPage:
    context = PageContext(corpus, urls.indicator_source(region.id, history.definition.id), published)
    return _page("pages/indicator.html", plain(history.definition.name), context, region, "Indikator",
                 history=history)


def indicators_page(corpus: m.Corpus, region: m.Region, published: Published | None = None) -> RenderedPage:
    context = PageContext(corpus, urls.indicators_source(region.id), published)
    histories = sorted(corpus.histories(region).values(), key=lambda h: h.definition.name.lower())
    return _page("pages/indicators.html", f"Indikatorer: {region.name}", context, region, "Indikatorer",
                 histories=histories)


def meeting_page(corpus: m.Corpus, meeting: m.Meeting, published: Published | None = None) -> RenderedPage:
    context = PageContext(corpus, urls.meeting_source(meeting.region_id, meeting.id), published)
    return _page("pages/minutes.html", meeting.title, context, corpus.regions[meeting.region_id],
                 "Protokoll", meeting=meeting)


def open_data_page(corpus: m.Corpus, published: Published) -> RenderedPage:
    context = PageContext(corpus, urls.OPEN_DATA_SOURCE, published)
    return _page("pages/open_data.html", "Öppna data", context, None, "Öppna data", downloads=published.downloads,
                 regions=sorted(corpus.regions.values(), key=lambda r: r.name))


def catalogue_page(corpus: m.Corpus, published: Published) -> RenderedPage:
    context = PageContext(corpus, urls.CATALOGUE_SOURCE, published)
    return _page("pages/catalogue.html", "Datakatalog", context, None, "Öppna data", downloads=published.downloads,
                 regions=sorted(corpus.regions.values(), key=lambda r: r.name))


def changes_page(corpus: m.Corpus, published: Published, limit: int = 50) -> RenderedPage:
    context = PageContext(corpus, urls.CHANGES_SOURCE, published)
    changes = [(change, [_affected(corpus, name) for name in change.files])
               for change in published.changelog.changes[:limit]]
    return _page("pages/changes.html", "Ändringar", context, None, "Ändringar", changes=changes,
                 total=len(published.changelog.changes), limit=limit)


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
    html = _separated(render(template, site=PageContext(corpus, source), **values))
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def region_list(corpus: m.Corpus, source: str) -> Markup:
    return _piece("pieces/region_list.html", corpus, source,
                  regions=sorted(corpus.regions.values(), key=lambda r: r.name))


def document_list(corpus: m.Corpus, source: str) -> Markup:
    return _piece("pieces/document_list.html", corpus, source,
                  regions=sorted(corpus.regions.values(), key=lambda r: r.name))


def chapter(corpus: m.Corpus, source: str, plan: m.Plan, chapter: m.Chapter, level: int) -> Markup:
    return _piece("pieces/chapter.html", corpus, source, plan=plan, chapter=chapter, level=level,
                  region=corpus.regions[plan.region_id])


def blocks(corpus: m.Corpus, source: str, plan: m.Plan, items: list[m.Block], level: int) -> Markup:
    return _piece("pieces/blocks.html", corpus, source, blocks=items, level=level, plan=plan,
                  region=corpus.regions[plan.region_id], footnotes=plan.footnotes)


def paragraph(corpus: m.Corpus, source: str, meeting: m.Meeting, item: m.MinutesParagraph,
              level: int) -> Markup:
    return _piece("pieces/paragraph.html", corpus, source, meeting=meeting, paragraph=item,
                  level=level, region=corpus.regions[meeting.region_id])
