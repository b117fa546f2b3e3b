"""Reading a plan file: its header and its chapters in the source's order."""

from __future__ import annotations

from .. import model as m
from .blocks import footnote_map, parse_blocks
from .documents import parse_changed, parse_original
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
        meeting_id = d.identifier("protokoll")
        if meeting_id not in meetings and meeting_id in doc.errors.unreadable:
            meeting_id = ""  # the minutes' own file error is reported; its §§ cannot be checked
        meeting_id = d.reference("protokoll", meeting_id, meetings, "protokollet")
        paragraph_id = d.identifier("paragraf")
        if meeting_id:
            known = {p.id: p for p in meetings[meeting_id].paragraphs}
            paragraph_id = d.reference("paragraf", paragraph_id, known, "paragrafen",
                                       f"i protokollet {meeting_id}")
        decisions.append(m.PlanDecision(meeting_id, paragraph_id, d.text("åtgärd", True)))
    plan = m.Plan(
        id=doc.identifier("id"), region_id=region.id, body_id=body_id,
        kind=doc.text("typ", True), title=doc.text("titel", True), period=period,
        status=doc.choice("status", "plan", required=False),
        decision_date=doc.date("beslutsdatum"),
        decided_by=doc.reference("beslutad_av", doc.identifier("beslutad_av", False), region.bodies,
                                 "organet"),
        case_number=doc.text("diarienummer"), framework_id=framework_id,
        decisions=decisions, footnotes=doc.errors.footnotes,
        chapters=[_chapter(c) for c in doc.maps("kapitel", _chapter_label, True)],
        original=parse_original(doc), changed=parse_changed(doc),
    )
    return plan
