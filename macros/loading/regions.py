"""Reading a region file: its bodies and the region plan's goal structures."""

from __future__ import annotations

from .. import model as m
from .errors import DataError, did_you_mean
from .documents import valid_url
from .reading import Fields, describe, label


def parse_period(fields: Fields, key: str = "period") -> m.Period | None:
    period = fields.sub(key, f"{fields.place} → {key}")
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
    goal_ids: set[str] = set()
    for fw in doc.maps("målstrukturer", lambda f, i: label(f, "målstruktur", i, "rubrik", "id"), True):
        fw.check("region#goalFramework")
        areas, goals = [], []

        def add_goals(parent: Fields, area: m.GoalArea | None) -> None:
            for goal in parent.maps("mål", lambda g, i: label(g, "mål", i, "namn", "id")):
                goal.check("region#goal")
                item = m.RegionGoal(goal.identifier("id"), goal.text("nummer"), goal.text("namn", True), area)
                if item.id in goal_ids:
                    goal.error("id", f"målet '{item.id}' finns redan i regionen",
                               expected="ett id som är unikt bland regionens mål")
                goal_ids.add(item.id)
                goals.append(item)
                if area:
                    area.goals.append(item)

        for area_fields in fw.maps("målområden", lambda a, i: label(a, "målområde", i, "namn", "id")):
            area_fields.check("region#goalArea")
            area = m.GoalArea(area_fields.identifier("id"), area_fields.text("nummer"),
                              area_fields.text("namn", True))
            areas.append(area)
            add_goals(area_fields, area)
        add_goals(fw, None)
        if not goals:
            fw.error(None, "målstrukturen har inga mål", expected="'målområden' med mål, eller 'mål'")
        framework = m.GoalFramework(fw.identifier("id"), fw.text("rubrik", True), parse_period(fw),
                                    fw.text("beskrivning"), areas, goals)
        if framework.id in frameworks:
            fw.error("id", f"målstrukturen '{framework.id}' finns redan", expected="ett unikt id")
        frameworks[framework.id] = framework
    geography = []
    for iri, where, index in doc.items("geografi"):
        if isinstance(iri, str) and valid_url(iri.strip()):
            geography.append(iri.strip())
        else:
            doc.errors.add(DataError(where, f"punkt {index + 1} i 'geografi' är ingen webbadress",
                                     place=doc.place, found=describe(iri),
                                     expected="en adress som börjar med http:// eller https://, "
                                              "till exempel http://data.europa.eu/nuts/code/SE321"))
    return m.Region(doc.identifier("id"), doc.text("namn", True), doc.text("kortnamn"),
                    doc.text("vision"), doc.text("visionstext"), bodies, frameworks,
                    geography=tuple(geography))
