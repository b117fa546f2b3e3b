"""Reading a region file: its bodies and the region plan's goal structures."""

from __future__ import annotations

from .. import model as m
from .. import urls
from .addresses import fault
from .errors import did_you_mean
from .reading import ID_PATTERN, Fields, describe, label


def parse_period(fields: Fields, key: str = "period") -> m.Period | None:
    period = fields.sub(key)
    if period is None:
        return None
    period.check("common#period")
    start, end = period.year("från"), period.year("till")
    if start is None or end is None:
        return None
    if end < start:
        period.error("till", "perioden slutar före den börjar",
                     found=f"från {start} till {end}", expected=f"'till' {start} eller senare")
        return None
    return m.Period(start, end)


def parse_region(doc: Fields) -> m.Region:
    doc.check("region")
    bodies: dict[str, m.Body] = {}
    body_fields = []
    for body in doc.maps("organ", lambda b, i: label(b, "organ", i, "namn", "id"), True):
        body.check("region#body")
        item = m.Body(body.identifier("id"), body.text("namn", True), body.choice("typ", "region#body"),
                      body.text("kortnamn"), body.identifier("under", required=False))
        if item.id in bodies:
            body.error("id", f"organet '{item.id}' finns redan", expected="ett unikt id")
        bodies[item.id] = item
        body_fields.append((body, item))
    for body, item in body_fields:  # after all bodies: 'under' may name one further down
        if item.parent_id and item.parent_id not in bodies:
            body.error("under", f"organet '{item.id}' ligger under '{item.parent_id}', som inte finns",
                       expected="id för ett av regionens organ",
                       suggestion=did_you_mean(item.parent_id, bodies))
    frameworks: dict[str, m.GoalFramework] = {}
    framework_fields: list[tuple[Fields, m.GoalFramework]] = []
    sources: list[tuple[Fields, m.FrameworkSource]] = []
    goal_ids: dict[str, m.RegionGoal] = {}  # every goal id of the region → its first goal
    area_ids: dict[str, m.GoalArea] = {}
    for fw in doc.maps("målstrukturer", lambda f, i: label(f, "målstruktur", i, "id", "rubrik")):
        fw.check("region#goalFramework")
        areas, goals = [], []
        # A region plan that says it has the same goals as an earlier one may use their ids.
        shared_id = fw.identifier("samma_mål_som", required=False)
        shared_id = fw.reference("samma_mål_som", shared_id, frameworks,
                                 "målstrukturen", "längre upp i filen")
        shared = frameworks.get(shared_id)
        unresolved = fw.has("samma_mål_som") and shared is None  # reported once, above

        def same_or_new(fields: Fields, kind: str, plural: str, ident: str, known: dict,
                        in_shared) -> None:
            """An id already used in the region: the same goal (area) as in the region plan
            named by 'samma_mål_som', or a mistake."""
            if ident not in known or unresolved:
                return
            if shared is None:
                fields.error("id", f"{kind} '{ident}' finns redan i regionen",
                             expected=f"ett id som är unikt bland regionens {plural}, eller "
                                      "'samma_mål_som: <målstruktur>' om det är samma "
                                      f"{plural} som i en tidigare regionplan")
            elif in_shared is None:
                fields.error("id", f"{kind} '{ident}' finns redan i regionen men inte i "
                                   f"målstrukturen '{shared.id}' (samma_mål_som)",
                             expected=f"ett nytt id, eller ett av id:na i '{shared.id}'")

        def add_goals(parent: Fields, area: m.GoalArea | None) -> None:
            for goal in parent.maps("mål", lambda g, i: label(g, "mål", i, "namn", "id")):
                goal.check("region#goal")
                item = m.RegionGoal(goal.identifier("id"), goal.text("nummer"), goal.text("namn", True), area)
                same = shared.goal(item.id) if shared else None
                if any(g.id == item.id for g in goals):
                    goal.error("id", f"målet '{item.id}' finns redan i regionen",
                               expected="ett id som är unikt bland regionens mål")
                else:
                    same_or_new(goal, "målet", "mål", item.id, goal_ids, same)
                if same and (same.area.id if same.area else "") != (area.id if area else ""):
                    goal.error("id", f"målet '{item.id}' står under ett annat målområde i "
                                     f"målstrukturen '{shared.id}'",
                               expected=f"samma målområde som i '{shared.id}', eller ett nytt id")
                goal_ids.setdefault(item.id, item)
                goals.append(item)
                if area:
                    area.goals.append(item)

        for area_fields in fw.maps("målområden", lambda a, i: label(a, "målområde", i, "namn", "id")):
            area_fields.check("region#goalArea")
            area = m.GoalArea(area_fields.identifier("id"), area_fields.text("nummer"),
                              area_fields.text("namn", True))
            same_or_new(area_fields, "målområdet", "målområden", area.id, area_ids,
                        shared.area(area.id) if shared else None)
            area_ids.setdefault(area.id, area)
            areas.append(area)
            add_goals(area_fields, area)
        add_goals(fw, None)
        if not goals:
            fw.error(None, "målstrukturen har inga mål", expected="'målområden' med mål, eller 'mål'")
        framework = m.GoalFramework(
            fw.identifier("id"), fw.text("rubrik", True), parse_period(fw), fw.text("beskrivning"),
            areas, goals, status=fw.choice("status", "region#goalFramework", required=False),
            case_number=fw.text("diarienummer"), source=_framework_source(fw, sources),
            former_ids=_ids(fw, "tidigare_id"), same_goals_as=shared_id)
        if framework.id in frameworks:
            fw.error("id", f"målstrukturen '{framework.id}' finns redan", expected="ett unikt id")
        frameworks[framework.id] = framework
        framework_fields.append((fw, framework))
    _check_former_ids(framework_fields, frameworks)
    region_id = doc.identifier("id")
    if region_id in urls.RESERVED_REGION_IDS:
        taken = urls.RESERVED_REGION_IDS[region_id]
        doc.error("id", f"id '{region_id}' är upptaget av webbplatsen själv: regionens adresser "
                        f"skulle ta webbplatsens egen adress {taken}",
                  expected="ett annat id, till exempel regionens namn med a–z (å, ä, ö skrivs a, a, o), "
                           "och inget av: " + ", ".join(sorted(urls.RESERVED_REGION_IDS)))
    geography = []
    for index, iri in doc.items("geografi"):
        wrong = fault(iri.strip()) if isinstance(iri, str) else None
        if isinstance(iri, str) and not wrong:
            geography.append(iri.strip())
        else:
            doc.item_error("geografi", index, f"punkt {index + 1} i 'geografi' är ingen giltig webbadress"
                           + (f": {wrong.problem}" if wrong else ""), found=describe(iri),
                           expected=(wrong and wrong.corrected) or "en adress som börjar med http:// eller "
                                    "https://, till exempel http://data.europa.eu/nuts/code/SE321")
    region = m.Region(region_id, doc.text("namn", True), doc.text("kortnamn"),
                      doc.text("vision"), doc.text("visionstext"), bodies, frameworks,
                      geography=tuple(geography))
    for fields, source in sources:
        doc.errors.deferred.append(lambda f=fields, s=source: _check_source(f, s, region))
    return region


def _ids(fields: Fields, key: str) -> list[str]:
    ids = []
    for text in fields.texts(key):
        if ID_PATTERN.match(text):
            ids.append(text)
        else:
            fields.error(key, f"'{text}' i '{key}' är inte ett giltigt id",
                         expected="små bokstäver a–z, siffror och bindestreck, till exempel "
                                  "'regionplan-2024-2027'")
    return ids


def _framework_source(fw: Fields, sources: list) -> m.FrameworkSource | None:
    """`källa: {plan, kapitel}`: the plan and its chapters are checked once all plans are read."""
    source = fw.sub("källa", required=False)
    if source is None:
        return None
    source.check("region#frameworkSource")
    item = m.FrameworkSource(source.identifier("plan"), _ids(source, "kapitel"))
    sources.append((source, item))
    return item


def _check_source(source: Fields, item: m.FrameworkSource, region: m.Region) -> None:
    plans = {p.id: p for p in region.plans}
    errors = source.errors
    if not item.plan_id or (item.plan_id not in plans and (
            errors.unreadable or region.id in errors.unchecked_regions)):
        # A missing id is reported already. A plan file that could not be read, or a region
        # whose plans were not read, has its own error: "finns inte" would only add noise.
        return
    if item.plan_id not in plans:
        source.error("plan", f"planen '{item.plan_id}' finns inte",
                     expected="id för en plan i regionen som följer regionplanen",
                     suggestion=did_you_mean(item.plan_id, plans))
        return
    chapters = {c.id for c in plans[item.plan_id].all_chapters()}
    for chapter_id in item.chapter_ids:
        if chapter_id not in chapters:
            source.error("kapitel", f"planen '{item.plan_id}' har inget kapitel '{chapter_id}'",
                         expected="id för ett kapitel i planen",
                         suggestion=did_you_mean(chapter_id, chapters))


def _check_former_ids(framework_fields: list, frameworks: dict[str, m.GoalFramework]) -> None:
    """An old id leads to one goal structure, and is no current one's id."""
    seen: dict[str, str] = {}
    for fw, framework in framework_fields:
        for former in framework.former_ids:
            if former in frameworks:
                fw.error("tidigare_id", f"det tidigare id:t '{former}' är id för en målstruktur som finns",
                         expected="bara id som inte längre används")
            elif former in seen:
                fw.error("tidigare_id", f"det tidigare id:t '{former}' står redan under '{seen[former]}'",
                         expected="varje tidigare id under en enda målstruktur")
            seen.setdefault(former, framework.id)
