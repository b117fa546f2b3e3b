"""Markdown for whole pages and embeddable pieces: region, plan, minutes.

Headings are Markdown (so MkDocs puts them in the table of contents and the
search index); everything else is HTML from render_blocks. Links between pages
are computed relative to the page being written.
"""

from __future__ import annotations

import re
import unicodedata

from . import html as h
from . import model as m
from . import render_blocks as rb
from . import urls
from .formatting import date_range_text, date_text, period_text

STATUS_TEXT = {"utkast": "Utkast", "föreslagen": "Föreslagen", "beslutad": "Beslutad"}


class Renderer:
    """Renders pieces of the corpus for the page at `page_source`."""

    def __init__(self, corpus: m.Corpus, page_source: str):
        self.corpus = corpus
        self.page = page_source

    # --- links ------------------------------------------------------------

    def link(self, source: str, fragment: str, label: str) -> str:
        return f'<a href="{h.attr(urls.relative(self.page, source, fragment))}">{h.text(label)}</a>'

    def body_name(self, region: m.Region, body_id: str) -> str:
        body = region.bodies.get(body_id)
        return body.name if body else body_id

    def plan_label(self, plan: m.Plan) -> str:
        region = self.corpus.regions[plan.region_id]
        return f"{self.body_name(region, plan.body_id)}: {plan.title}"

    def plan_link(self, plan: m.Plan, fragment: str = "", label: str = "") -> str:
        return self.link(urls.plan_source(plan.region_id, plan.id), fragment, label or self.plan_label(plan))

    def meeting_link(self, meeting: m.Meeting, fragment: str = "", label: str = "") -> str:
        return self.link(urls.meeting_source(meeting.region_id, meeting.id), fragment,
                         label or meeting.title)

    def region_goal_link(self, region: m.Region, goal: m.RegionGoal) -> str:
        label = f"Mål {goal.number}: {goal.name}" if goal.number else goal.name
        return self.link(urls.region_source(region.id), urls.anchor("mal", goal.id), label)

    def previous_indicator_link(self, region: m.Region):
        """The same indicator in an earlier plan: a link, and the values decided there."""
        def render(reference: str) -> str:
            plan_id, _, indicator_id = reference.partition("/")
            plan = self.corpus.plan(region.id, plan_id)
            earlier = next(i for i in plan.indicators() if i.id == indicator_id)
            values = [f"utfall {year} {rb.value_html(v)}" for year, v in sorted(earlier.outcomes.items())]
            values += [f"målnivå {year} {rb.value_html(v)}" for year, v in sorted(earlier.targets.items())]
            history = f": {'; '.join(values)}" if values else ""
            return ("Tidigare i " + self.plan_link(plan, urls.anchor("indikator", indicator_id)) + history)
        return render

    # --- blocks -----------------------------------------------------------

    def blocks(self, blocks: list[m.Block], region: m.Region, footnotes: dict[str, str],
               level: int) -> list[str]:
        out = []
        previous = self.previous_indicator_link(region)
        for block in blocks:
            if isinstance(block, m.Paragraphs):
                out.append(f'<div class="op-text">{h.block(block.text)}</div>')
            elif isinstance(block, m.BulletList):
                out.append(rb.bullet_list(block.items, block.numbered))
            elif isinstance(block, m.SubHeading):
                out.append(f'<p class="op-subheading"><strong>{h.inline(block.text)}</strong></p>')
            elif isinstance(block, m.FootnoteRefs):
                out.append(rb.footnotes(block, footnotes))
            elif isinstance(block, m.LegalEntities):
                out.append(rb.legal_entities(block))
            elif isinstance(block, m.Commitments):
                out.append(rb.commitments(block))
            elif isinstance(block, m.IndicatorTable):
                out.append(rb.indicator_table(block, previous))
            elif isinstance(block, m.SubGoalTable):
                out.append(rb.sub_goal_table(block, previous))
            elif isinstance(block, m.AssignmentTable):
                out.append(rb.assignment_table(block, lambda b: self.body_name(region, b)))
            elif isinstance(block, m.Table):
                out.append(rb.data_table(block))
            elif isinstance(block, m.Measures):
                out.append(rb.measures(block))
            elif isinstance(block, m.Risks):
                out.append(rb.bullet_list(block.items, css="op-risks"))
            elif isinstance(block, m.Annexes):
                for annex in block.annexes:
                    out.append(h.heading(level, annex.name, urls.anchor("bilaga", annex.id)))
                    if annex.items:
                        out.append(rb.bullet_list(annex.items))
            elif isinstance(block, m.GoalOverview):
                out.append(self.framework_overview(region, region.frameworks[block.framework_id]))
            elif isinstance(block, m.Figure):
                out.append(rb.figure(block))
        return out

    def framework_overview(self, region: m.Region, framework: m.GoalFramework) -> str:
        def goals(items):
            return "<ul>" + "".join(f"<li>{self.region_goal_link(region, g)}</li>" for g in items) + "</ul>"
        if framework.areas:
            inner = "".join(f"<li><strong>{h.text(a.name)}</strong>{goals(a.goals)}</li>" for a in framework.areas)
            return f'<ul class="op-overview">{inner}</ul>'
        return goals(framework.goals)

    # --- plans ------------------------------------------------------------

    def chapter(self, plan: m.Plan, chapter: m.Chapter, level: int) -> list[str]:
        region = self.corpus.regions[plan.region_id]
        title = f"{chapter.number} {chapter.heading}" if chapter.number else chapter.heading
        ident = chapter.goal_area_id if chapter.kind == "malomrade" else chapter.id
        out = [h.heading(level, title, urls.anchor(chapter.kind, ident))]
        if chapter.goal_id:
            goal = region.goal(chapter.goal_id)
            out.append(f'<p class="op-serves">Bidrar till regionplanens mål: '
                       f"{self.region_goal_link(region, goal)}</p>")
        out += self.blocks(chapter.blocks, region, plan.footnotes, level + 1)
        for child in chapter.chapters:
            out += self.chapter(plan, child, level + 1)
        return out

    def plan_facts(self, plan: m.Plan) -> str:
        region = self.corpus.regions[plan.region_id]
        facts = [
            ("Region", self.link(urls.region_source(region.id), "", region.name)),
            ("Organ", h.text(self.body_name(region, plan.body_id))),
            ("Typ av plan", h.text(plan.kind.capitalize())),
            ("Period", h.text(period_text(plan.period.start, plan.period.end))),
        ]
        if plan.status:
            facts.append(("Status", h.text(STATUS_TEXT[plan.status])))
        if plan.decision_date:
            by = f" av {self.body_name(region, plan.decided_by).lower()}" if plan.decided_by else ""
            facts.append(("Beslutad", h.text(f"{date_text(plan.decision_date)}{by}")))
        if plan.case_number:
            facts.append(("Diarienummer", h.text(plan.case_number)))
        for decision in plan.decisions:
            meeting = self.corpus.meeting(plan.region_id, decision.meeting_id)
            paragraph = meeting.paragraph(decision.paragraph_id)
            label = (f"{self.body_name(region, meeting.body_id)} § {paragraph.number}, "
                     f"{date_range_text(meeting.dates)}")
            facts.append(("Beredning och beslut",
                          f"{self.meeting_link(meeting, urls.anchor('paragraf', paragraph.id), label)}"
                          f" – {h.text(decision.action)}"))
        framework = region.frameworks[plan.framework_id]
        facts.append(("Följer", self.link(urls.region_source(region.id),
                                          urls.anchor("malstruktur", framework.id),
                                          f"{framework.heading} {period_text(framework.period.start, framework.period.end)}")))
        rows = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
        return f'<dl class="op-facts">{rows}</dl>'

    def plan_page(self, plan: m.Plan) -> str:
        region = self.corpus.regions[plan.region_id]
        out = [h.heading(1, f"{self.body_name(region, plan.body_id)}: {plan.title}"),
               self.plan_facts(plan)]
        for chapter in plan.chapters:
            out += self.chapter(plan, chapter, 2)
        return "\n\n".join(out)

    def find_chapter(self, plan: m.Plan, goal_id: str) -> m.Chapter:
        for chapter in plan.all_chapters():
            if chapter.id == goal_id or chapter.goal_area_id == goal_id:
                return chapter
        raise LookupError(f"planen '{plan.id}' har inget mål eller kapitel med id '{goal_id}'")

    # --- minutes ----------------------------------------------------------

    def people_table(self, caption: str, people: list[m.Person]) -> str:
        if not people:
            return ""
        rows = "".join(
            f'<tr><th scope="row">{h.text(p.name)}</th><td>{h.text(p.party)}</td>'
            f"<td>{h.text(', '.join(x for x in (p.role, p.title, p.note) if x))}</td></tr>" for p in people)
        return rb.scroll_wrap(f"<table><caption>{h.text(caption)}</caption><thead><tr>"
                              '<th scope="col">Namn</th><th scope="col">Parti</th>'
                              '<th scope="col">Roll och anteckning</th></tr></thead>'
                              f"<tbody>{rows}</tbody></table>", caption)

    def information(self, items: list[m.InformationItem]) -> str:
        def item(i: m.InformationItem) -> str:
            presenter = f'<br><span class="op-presenter">{h.text(i.presenter)}</span>' if i.presenter else ""
            sub = "<ul>" + "".join(item(x) for x in i.items) + "</ul>" if i.items else ""
            return f"<li>{h.text(i.heading)}{presenter}{sub}</li>"
        out, current = [], None
        for i in items:
            if i.date != current:
                if current is not None:
                    out.append("</ul>")
                current = i.date
                if i.date:
                    out.append(f'<p class="op-subheading"><strong>{h.text(date_text(i.date))}</strong></p>')
                out.append("<ul>")
            out.append(item(i))
        if items:
            out.append("</ul>")
        return "".join(out)

    def adjuster_of(self, meeting: m.Meeting, paragraph: m.MinutesParagraph) -> list[str]:
        return [s.name for s in meeting.adjusters if paragraph.id in s.paragraph_ids]

    def paragraph(self, meeting: m.Meeting, paragraph: m.MinutesParagraph, level: int) -> list[str]:
        region = self.corpus.regions[meeting.region_id]
        out = [h.heading(level, f"§ {paragraph.number} {paragraph.title}",
                         urls.anchor("paragraf", paragraph.id))]
        facts = []
        if paragraph.case_number:
            facts.append(("Diarienummer", h.text(paragraph.case_number)))
        if paragraph.responsible:
            facts.append(("Ärendeansvarig", h.text(paragraph.responsible)))
        if paragraph.officers:
            facts.append(("Handläggare", h.text(", ".join(paragraph.officers))))
        kind = ("Eget beslut" if paragraph.decision.kind == "eget" else
                f"Förslag till {self.body_name(region, paragraph.decision.to_body_id).lower()}")
        facts.append(("Typ av beslut", h.text(kind)))
        adjusters = self.adjuster_of(meeting, paragraph)
        if adjusters:
            facts.append(("Justerare", h.text(", ".join([meeting.chair] + adjusters if meeting.chair else adjusters))))
        for plan, decision in self.corpus.decisions_on(meeting, paragraph):
            facts.append(("Gäller plan", f"{self.plan_link(plan)} – {h.text(decision.action)}"))
        out.append('<dl class="op-facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
        clauses = "".join(f"<li>att {h.inline(c)}</li>" for c in paragraph.decision.clauses)
        out.append(f'<div class="op-decision"><p><strong>Beslut</strong></p>'
                   f"<p>{h.inline(paragraph.decision.intro)}</p>"
                   f'<ul class="op-att">{clauses}</ul></div>')
        for section in paragraph.sections:
            out.append(h.heading(level + 1, section.heading,
                                 f"{urls.anchor('paragraf', paragraph.id)}-{_slug(section.heading)}"))
            out += self.blocks(section.blocks, region, {}, level + 2)
        for title, blocks, suffix in (("Beslutsunderlag", paragraph.basis, "beslutsunderlag"),
                                      ("Överläggningar", paragraph.deliberations, "overlaggningar")):
            if blocks:
                out.append(h.heading(level + 1, title, f"{urls.anchor('paragraf', paragraph.id)}-{suffix}"))
                out += self.blocks(blocks, region, {}, level + 2)
        if paragraph.motions:
            out.append(h.heading(level + 1, "Yrkanden", f"{urls.anchor('paragraf', paragraph.id)}-yrkanden"))
            out.append("<ul>" + "".join(
                f"<li>{h.text(mo.name)}{' (' + h.text(mo.party) + ')' if mo.party else ''} yrkar "
                f"{h.inline(mo.text)}</li>" for mo in paragraph.motions) + "</ul>")
        if paragraph.notes:
            out.append(h.heading(level + 1, "Noteras till protokollet",
                                 f"{urls.anchor('paragraf', paragraph.id)}-noteras"))
            out.append("".join(f"<p>{h.inline(n.text)}</p>" for n in paragraph.notes))
        return out

    def meeting_page(self, meeting: m.Meeting) -> str:
        region = self.corpus.regions[meeting.region_id]
        facts = [("Organ", h.text(self.body_name(region, meeting.body_id))),
                 ("Datum", h.text(date_range_text(meeting.dates)))]
        for label, value in (("Tid", meeting.time), ("Plats", meeting.place),
                             ("Diarienummer", meeting.case_number), ("Tjänsteställe", meeting.office)):
            if value:
                facts.append((label, h.text(value)))
        facts.append(("Region", self.link(urls.region_source(region.id), "", region.name)))
        out = [h.heading(1, meeting.title),
               '<dl class="op-facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>",
               h.heading(2, "Närvarande", "narvarande"),
               self.people_table("Ledamöter", meeting.members),
               self.people_table("Övriga ersättare", meeting.substitutes),
               self.people_table("Tjänstepersoner", meeting.officials)]
        if meeting.information:
            out += [h.heading(2, "Information", "information"), self.information(meeting.information)]
        out.append(h.heading(2, "Paragrafer", "paragrafer"))
        out.append("<ul class=\"op-paragraph-index\">" + "".join(
            f'<li><a href="#{urls.anchor("paragraf", p.id)}">§ {p.number} {h.text(p.title)}</a></li>'
            for p in meeting.paragraphs) + "</ul>")
        for paragraph in meeting.paragraphs:
            out += self.paragraph(meeting, paragraph, 3)
        out.append(h.heading(2, "Justering", "justering"))
        signers = []
        if meeting.chair:
            signers.append(f"<li>{h.text(meeting.chair)}, ordförande</li>")
        for s in meeting.adjusters:
            numbers = [p.number for p in meeting.paragraphs if p.id in s.paragraph_ids]
            signers.append(f"<li>{h.text(s.name)}, justerare för {h.text(_paragraph_list(numbers))}</li>")
        if meeting.secretary:
            signers.append(f"<li>{h.text(meeting.secretary)}, vid protokollet</li>")
        out.append("<ul>" + "".join(signers) + "</ul>")
        return "\n\n".join(x for x in out if x)

    # --- regions ----------------------------------------------------------

    def region_page(self, region: m.Region) -> str:
        out = [h.heading(1, region.name)]
        if region.vision:
            out.append(f'<p class="op-vision">Vision: <em>{h.inline(region.vision)}</em></p>')
        if region.vision_text:
            out.append(f'<div class="op-text">{h.block(region.vision_text)}</div>')
        out.append(h.heading(2, "Planer", "planer"))
        out.append("<ul>" + "".join(
            f"<li>{self.plan_link(p)} ({h.text(period_text(p.period.start, p.period.end))})</li>"
            for p in region.plans) + "</ul>")
        out.append(h.heading(2, "Protokoll", "protokoll"))
        out.append("<ul>" + "".join(
            f"<li>{self.meeting_link(mt)} ({len(mt.paragraphs)} paragrafer)</li>" for mt in region.meetings)
            + "</ul>" if region.meetings else "<p>Inga protokoll publicerade.</p>")
        for framework in sorted(region.frameworks.values(), key=lambda f: -f.period.start):
            out += self.framework_section(region, framework)
        out.append(h.heading(2, "Organ", "organ"))
        out.append(self.body_tree(region))
        return "\n\n".join(out)

    def framework_section(self, region: m.Region, framework: m.GoalFramework) -> list[str]:
        out = [h.heading(2, f"{framework.heading} {period_text(framework.period.start, framework.period.end)}",
                         urls.anchor("malstruktur", framework.id))]
        if framework.description:
            out.append(f'<div class="op-text">{h.block(framework.description)}</div>')
        groups = [(a, a.goals) for a in framework.areas] + (
            [(None, [g for g in framework.goals if g.area is None])]
            if any(g.area is None for g in framework.goals) else [])
        for area, goals in groups:
            if area:
                title = f"Målområde {area.number}: {area.name}" if area.number else area.name
                out.append(h.heading(3, title, urls.anchor("malomrade", area.id)))
            items = []
            for goal in goals:
                serving = self.corpus.board_goals_serving(region, goal)
                served = "".join(
                    f"<li>{self.plan_link(plan, urls.anchor('mal', chapter.id), self.plan_label(plan))}</li>"
                    for plan, chapter in serving)
                served_html = (f'<p class="op-served-by">Nämndernas och styrelsens mål som bidrar:</p>'
                               f"<ul>{served}</ul>") if served else (
                    '<p class="op-served-by">Inget publicerat nämndmål bidrar ännu till målet.</p>')
                number = f"Mål {goal.number}: " if goal.number else ""
                items.append(f'<li id="{urls.anchor("mal", goal.id)}" class="op-region-goal">'
                             f"<strong>{h.text(number + goal.name)}</strong> "
                             f"{rb.permalink(urls.anchor('mal', goal.id), goal.name)}{served_html}</li>")
            out.append('<ul class="op-region-goals">' + "".join(items) + "</ul>")
        return out

    def body_tree(self, region: m.Region) -> str:
        children: dict[str, list[m.Body]] = {}
        for body in region.bodies.values():
            children.setdefault(body.parent_id, []).append(body)

        with_plans = {p.body_id for p in region.plans}

        def current(body: m.Body) -> str:
            if body.id not in with_plans:
                return ""
            link = urls.relative_url(urls.url_of(self.page), urls.current_plan_url(region.id, body.id))
            return f' – <a href="{h.attr(link)}">aktuell plan</a>'

        def tree(parent: str) -> str:
            items = children.get(parent, [])
            if not items:
                return ""
            return "<ul>" + "".join(
                f"<li>{h.text(b.name)}{' (' + h.text(b.short_name) + ')' if b.short_name else ''}"
                f" <span class=\"op-kind\">{h.text(b.kind)}</span>{current(b)}{tree(b.id)}</li>" for b in items) + "</ul>"
        return tree("")

    def region_list(self) -> str:
        items = []
        for region in sorted(self.corpus.regions.values(), key=lambda r: r.name):
            plans = len(region.plans)
            meetings = len(region.meetings)
            items.append(f"<li>{self.link(urls.region_source(region.id), '', region.name)} – "
                         f"{plans} {'plan' if plans == 1 else 'planer'}, "
                         f"{meetings} protokoll</li>")
        return '<ul class="op-regions">' + "".join(items) + "</ul>"


def _paragraph_list(numbers: list[int]) -> str:
    return ("§ " if len(numbers) == 1 else "§§ ") + ", ".join(str(n) for n in sorted(numbers))


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
