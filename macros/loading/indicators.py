"""Reading a region's indicator register (data/indikatorer/<region>.yml) and its
follow-ups (data/uppfoljning/<region>/<id>.yml)."""

from __future__ import annotations

from decimal import Decimal

from .. import model as m
from .. import urls
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
            id=item.page_identifier("id", lambda ident: urls.indicator_source(region.id, ident),
                                    "kariesfria-6-aringar"),
            region_id=region.id, name=item.text("namn", True),
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
        _check_reported_once(item, follow_up.outcomes[-1], follow_up, [s.id for s in definition.series])
        item.errors.deferred.append(lambda item=item, reported=follow_up.outcomes[-1]:
                                    _check_against_plans(item, reported, region))
    return follow_up


def _check_reported_once(item: Fields, reported: m.ReportedOutcome, follow_up: m.FollowUp,
                         series_ids: list[str]) -> None:
    """A follow-up gives an indicator's outcome for a year (and series) once, and no two
    follow-ups give it different values: one of them would be shown as the outcome silently.
    Two follow-ups are compared once all are read, at the later one (by date)."""
    order = (follow_up.date, follow_up.id)
    given = []
    for series, value in split(reported.value, series_ids):
        what = f"utfallet för '{reported.indicator_id}' {reported.year}" + (f" ({series})" if series else "")
        others = item.errors.reported.setdefault(
            (item.errors.region.id, reported.indicator_id, reported.year, series), [])
        here = next((where for where, _, of in others if of == order), None)
        if here is not None:
            item.error(None, f"{what} står redan på rad {here.line} i samma fil",
                       expected="varje indikator, år och serie en gång i en uppföljning: ta bort den ena "
                                "raden, eller rätta år eller indikator")
            return  # once for the item, not once per series
        others.append((item.location, value, order))
        given.append((what, value, others))
    item.errors.deferred.append(lambda: _check_against_follow_ups(item, given, order))


def _check_against_follow_ups(item: Fields, given: list, order: tuple) -> None:
    for what, value, others in given:
        earlier = next(((where, theirs) for where, theirs, of in others
                        if of < order and not _same(value, theirs)), None)
        if earlier is not None:
            where, theirs = earlier
            item.error("värde", f"{what} är {_shown(value)} här men {_shown(theirs)} i {where.file}, "
                                f"rad {where.line}",
                       found=_shown(value),
                       expected="samma utfall i båda uppföljningarna. Är det rätt år eller indikator? Har en "
                                "senare rapport rättat utfallet, skriv det bara i den senare")
            return  # once for the item


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
