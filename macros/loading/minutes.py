"""Reading a minutes file (protokoll): attendance, information items and every §."""

from __future__ import annotations

from .. import model as m
from .. import urls
from .blocks import parse_blocks
from .documents import parse_changed, parse_original
from .reading import Fields, label, valid_date


def _people(group: Fields, key: str, kind: str) -> list[m.Person]:
    people = []
    for person in group.maps(key, lambda p, i: label(p, kind, i, "namn")):
        person.check("protokoll#person")
        people.append(m.Person(person.text("namn", True), person.text("parti"), person.text("roll"),
                               person.text("titel"), person.text("not")))
    return people


def _information(fields: Fields) -> m.InformationItem:
    fields.check("protokoll#informationItem")
    return m.InformationItem(
        heading=fields.text("rubrik", True), presenter=fields.text("föredragande"),
        items=[_information(p) for p in fields.maps("punkter", lambda p, i: label(p, "punkt", i, "rubrik"))],
        date=fields.date("datum"))


def _paragraph(fields: Fields) -> m.MinutesParagraph:
    fields.check("protokoll#paragraph")
    decision = fields.sub("beslut")
    parsed_decision = m.ParagraphDecision("", "", "", [])
    if decision is not None:
        decision.check("protokoll#decision")
        bodies = decision.errors.region.bodies
        parsed_decision = m.ParagraphDecision(
            decision.choice("typ", "protokoll#decision"),
            decision.reference("till", decision.identifier("till", required=False), bodies, "organet"),
            decision.text("inledning", True), decision.texts("att", required=True))
        if parsed_decision.kind == "förslag" and not decision.has("till"):
            decision.error(None, "ett förslag saknar 'till'",
                           expected="id för organet som förslaget går till, till exempel 'till: hsn'")
    sections = []
    anchors: dict[str, int] = {}  # a section's address within its §, from its heading → its line
    headings: dict[str, str] = {}
    for section in fields.maps("avsnitt", lambda s, i: label(s, "avsnitt", i, "rubrik")):
        section.check("protokoll#section")
        heading = section.text("rubrik", True)
        anchor = urls.slug(heading)
        if heading and not anchor:
            section.error("rubrik", f"rubriken '{heading}' ger ingen adress",
                          expected="en rubrik med bokstäver eller siffror")
        elif anchor in urls.PARAGRAPH_PARTS:
            section.error("rubrik", f"rubriken '{heading}' får samma adress som paragrafens "
                                    f"del '{urls.PARAGRAPH_PARTS[anchor]}'",
                          expected="en annan rubrik för avsnittet")
        elif anchor in anchors:
            section.error("rubrik", f"rubriken '{heading}' får samma adress som avsnittet på rad "
                                    f"{anchors[anchor]}",
                          expected="rubriker som skiljer sig åt i mer än stora bokstäver och skiljetecken")
        anchors.setdefault(anchor, section.location_of("rubrik").line)
        headings.setdefault(anchor, heading)
        sections.append(m.Section(heading, parse_blocks(section, "innehåll")))
    motions = []
    for motion in fields.maps("yrkanden", lambda y, i: label(y, "yrkande", i, "namn")):
        motion.check("protokoll#motion")
        motions.append(m.Motion(motion.text("namn", True), motion.text("parti"),
                                motion.text("yrkande", True)))
    notes = []
    for note in fields.maps("anteckningar", lambda n, i: f"anteckning {i + 1}"):
        note.check("protokoll#note")
        notes.append(m.MinutesNote(note.text("text", True), note.texts("avstår")))
    number = fields.integer("nummer", required=True)
    # What has an address made from the §'s: no other § may have that address as its own.
    line = fields.location.line
    which = f"§ {number} (rad {line})" if number is not None else f"§ på rad {line}"
    parts = {part: f"delen '{title}' i {which}" for part, title in urls.PARAGRAPH_PARTS.items()}
    parts.update({anchor: f"avsnittet '{headings[anchor]}' (rad {at}) i {which}"
                  for anchor, at in anchors.items() if anchor})
    fields.claim("paragraf", "id", fields.mapping.get("id"), parts=parts)
    fields.claim("paragrafnummer", "nummer", number, f"§ {number}",
                 "varje paragrafnummer en gång i protokollet")
    return m.MinutesParagraph(
        id=fields.identifier("id"), number=number or 0,
        title=fields.text("rubrik", True), case_number=fields.text("diarienummer"),
        responsible=fields.text("ärendeansvarig"), officers=fields.texts("handläggare"),
        decision=parsed_decision, sections=sections, basis=parse_blocks(fields, "beslutsunderlag"),
        deliberations=parse_blocks(fields, "överläggningar"), motions=motions, notes=notes)


def parse_meeting(doc: Fields) -> m.Meeting:
    doc.check("protokoll")
    dates = doc.texts("datum", required=True)
    if not dates and "datum" in doc.mapping:
        doc.error("datum", "'datum' är en tom lista", expected='sammanträdets datum, till exempel ["2023-12-07"]')
    for date in dates:
        if not valid_date(date):
            doc.error("datum", f'"{date}" är inget datum',
                      expected='datum skrivna "ÅÅÅÅ-MM-DD", till exempel ["2023-12-07"]')
    present = doc.sub("närvarande", required=False)
    members = substitutes = officials = []
    if present is not None:
        present.check("protokoll#attendance")
        members = _people(present, "ledamöter", "ledamot")
        substitutes = _people(present, "ersättare", "ersättare")
        officials = _people(present, "tjänstepersoner", "tjänsteperson")
    adjusting = doc.sub("justering", required=False)
    chair = secretary = ""
    adjusters = []
    if adjusting is not None:
        adjusting.check("protokoll#approval")
        chair, secretary = adjusting.text("ordförande"), adjusting.text("sekreterare")
        signatories = list(adjusting.maps("justerare", lambda p, i: label(p, "justerare", i, "namn")))
        for person in signatories:
            person.check("protokoll#signatory")
            adjusters.append(m.Signatory(person.text("namn", True), person.texts("paragrafer", True)))
    region = doc.errors.region
    meeting = m.Meeting(
        id=doc.page_identifier("id", lambda ident: urls.meeting_source(region.id, ident), "hsu-2023-12-07"),
        region_id=region.id,
        body_id=doc.reference("organ", doc.identifier("organ"), region.bodies, "organet"),
        title=doc.text("titel", True), dates=dates, time=doc.text("tid"), place=doc.text("plats"),
        case_number=doc.text("diarienummer"), office=doc.text("tjänsteställe"),
        officer=doc.text("handläggare"),
        members=members, substitutes=substitutes, officials=officials,
        information=[_information(i) for i in doc.maps("information", lambda i, n: label(i, "information", n, "rubrik"))],
        information_intro=doc.text("information_inledning"),
        chair=chair, adjusters=adjusters, secretary=secretary,
        paragraphs=[_paragraph(p) for p in doc.maps("paragrafer", lambda p, i: label(p, "§", i, "nummer", "id"), True)],
        original=parse_original(doc), changed=parse_changed(doc))
    known = {p.id for p in meeting.paragraphs}
    for person, signatory in zip(signatories if adjusting else [], adjusters):
        for paragraph_id in signatory.paragraph_ids:
            person.reference("paragrafer", paragraph_id, known, "paragrafen")
    return meeting
