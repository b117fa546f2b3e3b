"""Reading a plan file: its header and its chapters in the source's order."""

from __future__ import annotations

from .. import model as m
from .. import urls
from .blocks import footnote_map, parse_blocks
from .documents import parse_changed, parse_original
from .errors import did_you_mean
from .reading import Fields, label
from .regions import parse_period


def _chapter(fields: Fields, area: m.GoalArea | None = None) -> m.Chapter:
    fields.check("plan#chapter")
    fields.claim("kapitel", "id", fields.mapping.get("id"))
    framework = fields.errors.framework
    area_id = fields.identifier("målområde", required=False)
    areas = {a.id: a for a in framework.areas} if framework else {}
    area_id = fields.reference("målområde", area_id, areas, "målområdet") if framework else area_id
    goal_id = fields.identifier("mål", required=False)
    goals = {g.id: g for g in framework.goals} if framework else {}
    goal_id = fields.reference("mål", goal_id, goals, "regionplanens mål") if framework else goal_id
    if goal_id in goals and area and goals[goal_id].area is not area:
        fields.error("mål", f"målet '{goal_id}' hör inte till målområdet '{area.id}' i regionplanen",
                     expected="ett mål i det målområde som kapitlet står under")
    if area_id:
        fields.claim("målområde", "målområde", area_id, f"målområdet '{area_id}'",
                     "ett kapitel per målområde i planen (målområdet är en adress på sidan)")
    inner_area = areas.get(area_id, area)
    chapter = m.Chapter(
        id=fields.identifier("id"), number=fields.text("nummer"),
        heading=fields.text("rubrik", True), blocks=parse_blocks(fields, "innehåll"),
        chapters=[_chapter(c, inner_area) for c in fields.maps("kapitel", _chapter_label)],
        goal_area_id=area_id, goal_id=goal_id,
    )
    if chapter.goal_area_id and chapter.goal_id:
        fields.error("mål", "ett kapitel kan inte vara både målområde och mål",
                     expected="antingen 'målområde:' eller 'mål:'")
    return chapter


def _chapter_label(chapter, index: int) -> str:
    if chapter.get("mål"):
        return label(chapter, "mål", index, "rubrik", "id")
    if chapter.get("målområde"):
        return label(chapter, "målområde", index, "rubrik", "id")
    return label(chapter, "kapitel", index, "rubrik", "id")


def parse_plan(doc: Fields) -> m.Plan:
    doc.check("plan")
    region = doc.errors.region
    body_id = doc.reference("organ", doc.identifier("organ"), region.bodies, "organet")
    framework_id = doc.reference("målstruktur", doc.identifier("målstruktur"), region.frameworks,
                                 "målstrukturen")
    doc.errors.framework = region.frameworks.get(framework_id)
    doc.errors.footnotes = footnote_map(doc, "fotnoter")
    # Table columns are checked against the period where they are written (blocks.parse_columns).
    period = doc.errors.period = parse_period(doc)
    decisions = []
    meetings = {meeting.id: meeting for meeting in region.meetings}
    for d in doc.maps("beslut", lambda d, i: label(d, "beslut", i, "paragraf")):
        d.check("plan#planDecision")
        meeting_id, paragraph_id = _paragraph_reference(d, meetings)
        decisions.append(m.PlanDecision(meeting_id, paragraph_id, d.text("åtgärd", True)))
    minutes_facts = _minutes_facts(doc, meetings)
    plan = m.Plan(
        id=doc.page_identifier("id", lambda ident: urls.plan_source(region.id, ident),
                               "hsn-verksamhetsplan-2024-2026"),
        region_id=region.id, body_id=body_id,
        kind=doc.text("typ", True), title=doc.text("titel", True), period=period,
        status=doc.choice("status", "plan", required=False),
        decision_date=doc.date("beslutsdatum"),
        decided_by=doc.reference("beslutad_av", doc.identifier("beslutad_av", False), region.bodies,
                                 "organet"),
        case_number=doc.text("diarienummer"), framework_id=framework_id,
        decisions=decisions, footnotes=doc.errors.footnotes,
        chapters=[_chapter(c) for c in doc.maps("kapitel", _chapter_label, True)],
        minutes_facts=minutes_facts,
        original=parse_original(doc), changed=parse_changed(doc),
    )
    plan.statements = _indicator_statements(doc, plan)
    notes = doc.sub("fotnoter", required=False)
    for number in plan.footnotes:
        if number not in doc.errors.placed and "" not in doc.errors.placed and notes is not None:
            written = next((key for key in notes.mapping if str(key) == number), number)  # 4 or "4"
            notes.error(written,
                        f"fotnot {number} placeras aldrig i texten och skulle inte publiceras",
                        expected=f"'- fotnot: {number}' i kapitlets innehåll där fotnoten ska stå, "
                                 "eller ta bort fotnoten")
    return plan


def _paragraph_reference(d: Fields, meetings: dict) -> tuple[str, str]:
    """`protokoll:` and `paragraf:` of a mapping, checked against the region's minutes."""
    meeting_id = d.identifier("protokoll")
    if meeting_id not in meetings and meeting_id in d.errors.unreadable_minutes:
        meeting_id = ""  # the minutes' own file error is reported; its §§ cannot be checked
    meeting_id = d.reference("protokoll", meeting_id, meetings, "protokollet")
    paragraph_id = d.identifier("paragraf")
    if meeting_id:
        known = {p.id: p for p in meetings[meeting_id].paragraphs}
        paragraph_id = d.reference("paragraf", paragraph_id, known, "paragrafen",
                                   f"i protokollet {meeting_id}")
    return meeting_id, paragraph_id


def _minutes_facts(doc: Fields, meetings: dict) -> m.MinutesFacts | None:
    """`uppgifter_från_protokoll`: which facts of the plan a § gives, and figures it gives otherwise."""
    facts = doc.sub("uppgifter_från_protokoll", required=False)
    if facts is None:
        return None
    facts.check("plan#minutesFacts")
    meeting_id, paragraph_id = _paragraph_reference(facts, meetings)
    choices = doc.errors.schema.definition("plan#minutesFacts")["properties"]["uppgifter"]["items"]["enum"]
    keys = []
    for key in facts.texts("uppgifter", required=True):
        if key not in choices:
            facts.error("uppgifter", f"'{key}' är ingen av planens uppgifter som kan komma från ett protokoll",
                        expected="några av: " + ", ".join(choices), suggestion=did_you_mean(key, choices))
        elif not doc.has(key) and key not in doc.missing and not doc.misspelt:
            # (a missing or misspelt key is reported where it is; this would only repeat it)
            facts.error("uppgifter", f"planen har ingen '{key}' som kan komma från protokollet",
                        expected=f"'{key}: …' i planen, eller ta bort '{key}' ur listan")
        else:
            keys.append(key)
    figures = None
    table = facts.sub("belopp", required=False)
    if table is not None:
        table.check("plan#comparedFigures")
        rows = []
        for row in table.maps("rader", lambda r, i: label(r, "rad", i, "namn"), True):
            row.check("plan#comparedFigure")
            in_plan, in_minutes = row.number("plan", required=True), row.number("protokoll", required=True)
            if in_plan is not None and in_minutes is not None:
                rows.append(m.ComparedFigure(row.text("namn", True), in_plan, in_minutes))
        figures = m.ComparedFigures(table.text("rubrik", True), table.text("enhet"), rows,
                                    table.text("citat"))
        if figures.quote and meeting_id and paragraph_id:
            paragraph = meetings[meeting_id].paragraph(paragraph_id)
            if _words(figures.quote) not in _words(" ".join(_texts(paragraph))):
                table.error("citat", f"citatet står inte ordagrant i § {paragraph.number}",
                            expected="paragrafens egna ord, kopierade ur protokollet")
    return m.MinutesFacts(meeting_id, paragraph_id, keys, figures)


def _indicator_statements(doc: Fields, plan: m.Plan) -> m.IndicatorStatements:
    """`om_indikatorerna`: what the plan's text says about its indicators, each quote checked
    against the chapter it names, so that the site says it only where the plan does."""
    statements = doc.sub("om_indikatorerna", required=False)
    if statements is None:
        return m.IndicatorStatements()
    statements.check("plan#indicatorStatements")
    found = {}
    for key, attribute in (("bedömning", "scale"), ("källor", "sources")):
        statement = statements.sub(key, required=False)
        if statement is None:
            continue
        statement.check("plan#planStatement")
        chapter_id, quote = statement.identifier("kapitel"), statement.text("citat", True)
        chapter = next((c for c in plan.all_chapters() if c.id == chapter_id), None)
        if chapter is None:
            if chapter_id:
                statement.error("kapitel", f"planen har inget kapitel '{chapter_id}'",
                                expected="id för kapitlet där planen säger det, till exempel inledning")
            continue
        if quote and _words(quote) not in _words(" ".join(_block_texts(chapter.blocks))):
            statement.error("citat", f"citatet står inte ordagrant i kapitlet '{chapter.heading}'",
                            expected="planens egna ord, kopierade ur kapitlets text")
            continue
        found[attribute] = m.PlanStatement(chapter.id, quote)
    return m.IndicatorStatements(**found)


def _texts(paragraph: m.MinutesParagraph) -> list[str]:
    """The running text of a §: its sections' paragraphs and list items."""
    return [text for section in paragraph.sections for text in _block_texts(section.blocks)]


def _block_texts(blocks: list) -> list[str]:
    """The running text of blocks: paragraphs and list items."""
    texts = []
    for block in blocks:
        if isinstance(block, m.Paragraphs):
            texts.append(block.text)
        elif isinstance(block, m.BulletList):
            texts.extend(block.items)
    return texts


def _words(text: str) -> str:
    return " ".join(text.split())
