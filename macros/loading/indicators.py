"""Reading a region's indicator register (data/indikatorer/<region>.yml) and its
follow-ups (data/uppfoljning/<region>/<id>.yml)."""

from __future__ import annotations

from decimal import Decimal

from .. import model as m
from ..model.history import split
from ..model.indicators import BAND
from .errors import DataError
from .reading import Fields, label
from .values import parse_value


def _series(fields: Fields) -> list[m.Series]:
    found = []
    for series in fields.maps("serier", lambda s, i: label(s, "serie", i, "id")):
        series.check("common#seriesDefinition")
        found.append(m.Series(series.text("id", True), series.text("namn")))
    return found


def parse_register(doc: Fields, region: m.Region) -> dict[str, m.IndicatorDefinition]:
    doc.check("indikatorer")
    definitions: dict[str, m.IndicatorDefinition] = {}
    apart: list[tuple[Fields, m.IndicatorDefinition]] = []
    for item in doc.maps("indikatorer", lambda d, i: label(d, "indikator", i, "namn", "id"), True):
        item.check("indikatorer#indicator")
        item.claim("indikator", "id", item.mapping.get("id"))
        definition = m.IndicatorDefinition(
            id=item.identifier("id"), region_id=region.id, name=item.text("namn", True),
            unit=item.text("enhet"), description=item.text("beskrivning"),
            direction=item.choice("riktning", "indikatorer#indicator", required=False),
            direction_basis=item.text("riktning_grund"),
            periodicity=item.text("periodicitet"), source=item.text("källa"), series=_series(item))
        if definition.direction == BAND:
            definition.band = _band(item)
        elif item.has("intervall"):
            item.error("intervall", "'intervall' anges bara när riktning är intervall",
                       expected="riktning: intervall, eller ta bort 'intervall'")
        if definition.id:
            definitions[definition.id] = definition
            apart.append((item, definition))
    for item, definition in apart:
        for other in item.maps("skild_från", lambda s, i: label(s, "skild från", i, "indikator")):
            other.check("indikatorer#keptApart")
            ident = other.reference("indikator", other.identifier("indikator"), definitions, "indikatorn",
                                    "i registret")
            if ident == definition.id:
                other.error("indikator", "en indikator kan inte hållas isär från sig själv",
                            expected="id för en annan indikator i registret")
            elif ident:
                definition.kept_apart.append(m.KeptApart(ident, other.text("skäl", True)))
    return definitions


def _band(item: Fields):
    band = item.sub("intervall", required=False)
    if band is None:
        item.error(None, "riktning är intervall men 'intervall' saknas",
                   expected="intervall: {från: 90, till: 110}")
        return None
    band.check("indikatorer#band")
    low, high = band.number("från", True), band.number("till", True)
    if low is not None and high is not None and low > high:
        band.error("till", f"intervallet slutar ({high}) före det börjar ({low})",
                   expected="'till' större än eller lika med 'från'")
        return None
    return (Decimal(low), Decimal(high)) if low is not None and high is not None else None


def parse_follow_up(doc: Fields) -> m.FollowUp:
    doc.check("uppfoljning")
    region = doc.errors.region
    follow_up = m.FollowUp(
        id=doc.identifier("id"), region_id=region.id, title=doc.text("titel", True),
        kind=doc.choice("typ", "uppfoljning"),
        body_id=doc.reference("organ", doc.identifier("organ", required=False), region.bodies, "organet"),
        date=doc.date("datum", required=True))
    for item in doc.maps("utfall", lambda o, i: label(o, "utfall", i, "indikator"), True):
        item.check("uppfoljning#outcome")
        ident = item.reference("indikator", item.identifier("indikator"), region.indicators, "indikatorn",
                               f"i data/indikatorer/{region.id}.yml")
        year = item.year("år")
        if not (ident and year) or "värde" not in item.mapping:
            continue
        definition = region.indicators[ident]
        value = parse_value(item.mapping["värde"], item.location_of("värde"), f"{item.place} → värde",
                            definition.unit, definition.series, item.errors)
        if value is None:
            continue
        follow_up.outcomes.append(m.ReportedOutcome(ident, year, value))
        item.errors.deferred.append(lambda item=item, reported=follow_up.outcomes[-1]:
                                    _check_against_plans(item, reported, region))
    return follow_up


def _check_against_plans(item: Fields, reported: m.ReportedOutcome, region: m.Region) -> None:
    """A follow-up reports outcomes; it may not contradict an outcome a plan already states."""
    for plan in region.plans:
        for row in plan.indicators():
            stated = row.outcomes.get(reported.year) if row.indicator_id == reported.indicator_id else None
            if stated is None:
                continue
            ours, theirs = dict(split(reported.value)), dict(split(stated))
            for series in ours.keys() & theirs.keys():
                if not _same(ours[series], theirs[series]):
                    where = f" för {series}" if series else ""
                    item.errors.add(DataError(
                        item.location_of("värde"),
                        f"utfallet{where} {reported.year} motsäger planen {plan.id}, som anger "
                        f"{_shown(theirs[series])}", place=item.place, found=_shown(ours[series]),
                        expected="samma utfall som planen; ett beslutat dokument skrivs inte om. Är det "
                                 "rätt år eller indikator?"))


def _same(a: m.Value, b: m.Value) -> bool:
    return (a.number, a.text.strip().lower()) == (b.number, b.text.strip().lower())


def _shown(value: m.Value) -> str:
    return str(value.number) if value.number is not None else f'"{value.text or value.note}"'
