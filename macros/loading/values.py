"""Reading one indicator cell (an outcome or a target level) into a Value."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from .errors import DataError, did_you_mean
from .numbers import EXPECTED as NUMBER_EXPECTED
from .numbers import Unbounded, check_digits
from ..model import Series, Value
from .reading import Collector, describe
from .yamlfile import Location, YamlMap

# "6 319", "0,29", "-1 466,5": Swedish notation typed as text is still a number.
_SWEDISH_NUMBER = re.compile(r"^([-−+]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$")


_HALF_NUMBER = re.compile(r"^[-−+]?(\d+[.,]|[.,]\d+)$")


def swedish_number(text: str) -> Optional[Decimal]:
    """The number a text such as "-1 466,5" is, or None; raises numbers.Unbounded for a
    figure with more digits than a plan's figures have."""
    match = _SWEDISH_NUMBER.match(text.strip())
    if not match:
        return None
    sign, whole, decimals = match.groups()
    digits = re.sub(r"\D", "", whole)
    check_digits(digits, decimals or "")
    literal = ("-" if sign in "-−" and sign else "") + digits + ("." + decimals if decimals else "")
    return Decimal(literal)


def unbounded(where: Location, place: str, raw, exc: Unbounded) -> DataError:
    """The message for a figure written as text with too many digits."""
    return DataError(where, str(exc), place=place, found=describe(raw), expected=NUMBER_EXPECTED)


def parse_value(raw, where: Location, place: str, unit: str, series: list[Series],
                errors: Collector) -> Optional[Value]:
    """A cell as written in YAML: number, text, {värde/not/text/enhet} or {SERIE: …}."""
    if raw is None:
        errors.add(DataError(where, "värdet är tomt", place=place,
                             expected="ett tal eller en text; ett tomt fält utelämnas helt"))
        return None
    if isinstance(raw, bool):
        errors.add(DataError(where, "värdet har fel typ", place=place, found=describe(raw),
                             expected="ett tal, en text, eller {värde: …, not: …}"))
        return None
    if isinstance(raw, (int, Decimal)):
        return Value(number=Decimal(raw), unit=unit)
    if isinstance(raw, str):
        try:
            return _parse_text(raw, where, place, unit, errors)
        except Unbounded as exc:
            errors.add(unbounded(where, place, raw, exc))
            return None
    if isinstance(raw, YamlMap):
        return _parse_mapping(raw, place, unit, series, errors)
    errors.add(DataError(where, "värdet har fel typ", place=place, found=describe(raw),
                         expected="ett tal, en text, eller {värde: …, not: …}"))
    return None


def _parse_text(raw: str, where: Location, place: str, unit: str, errors: Collector) -> Optional[Value]:
    """A cell written as text: a number in Swedish notation (with the row's unit or not), or a text."""
    number = swedish_number(raw)
    if number is not None:
        return Value(number=number, unit=unit)
    stripped = raw.strip()
    if unit and stripped.endswith(unit):
        number = swedish_number(stripped[: -len(unit)])
        if number is not None:
            return Value(number=number, unit=unit)
    if _HALF_NUMBER.match(stripped):
        # ".5" or "73." is not read as a number by YAML and would be shown as text, unitless.
        written = stripped.replace(",", ".")
        whole = ("0" + written) if written.lstrip("-−+").startswith(".") else written.rstrip(".")
        errors.add(DataError(where, f"talet '{stripped}' är inte fullständigt skrivet", place=place,
                             expected=f"{whole.replace('−', '-').replace('-.', '-0.')} (siffror på båda sidor "
                                      "om decimalpunkten, eller ingen decimalpunkt)"))
        return None
    if not stripped:
        errors.add(DataError(where, "värdet är tomt", place=place,
                             expected="ett tal eller en text; ett tomt fält utelämnas helt"))
        return None
    return Value(text=stripped)


def _parse_mapping(raw: YamlMap, place: str, unit: str, series: list[Series],
                   errors: Collector) -> Optional[Value]:
    series_ids = [s.id for s in series]
    value_keys = errors.schema.keys("common#valueDetails")[1]  # värde, not, text, enhet
    if series_ids and not set(raw) & set(value_keys):
        parts = []
        for key, item in raw.items():
            where = raw.location_of(key)
            if key not in series_ids:
                errors.add(DataError(where, f"'{key}' är ingen av radens serier", place=place,
                                     expected="en av: " + ", ".join(series_ids),
                                     suggestion=did_you_mean(key, series_ids)))
                continue
            value = parse_value(item, where, f"{place} → {key}", unit, [], errors)
            if value is not None:
                parts.append((key, value))
        return Value(by_series=tuple(parts)) if parts else None
    ok = True
    for key in raw:
        if key not in value_keys:
            ok = False
            errors.add(DataError(raw.location_of(key), f"okänd nyckel '{key}' i ett värde",
                                 place=place,
                                 expected=", ".join(value_keys) + (
                                     " eller radens serier " + ", ".join(series_ids)
                                     if series_ids else ""),
                                 suggestion=did_you_mean(key, list(value_keys) + series_ids)))
    number = raw.get("värde")
    if number is not None:
        if isinstance(number, str):
            try:
                number = swedish_number(number)
            except Unbounded as exc:
                errors.add(unbounded(raw.location_of("värde"), place, number, exc))
                return None
        if not isinstance(number, (int, Decimal)) or isinstance(number, bool):
            ok = False
            errors.add(DataError(raw.location_of("värde"), "'värde' är inget tal", place=place,
                                 found=describe(raw.get("värde")),
                                 expected="ett tal, till exempel 0.29"))
    note = raw.get("not")
    text = raw.get("text")
    for key, item in (("not", note), ("text", text), ("enhet", raw.get("enhet"))):
        if item is not None and not isinstance(item, str):
            ok = False
            errors.add(DataError(raw.location_of(key), f"'{key}' ska vara en text", place=place,
                                 found=describe(item), expected="en text"))
    if ok and number is None and not note and not text:
        ok = False
        errors.add(DataError(raw.location, "värdet saknar innehåll", place=place,
                             expected="'värde', 'text' eller 'not'"))
    if not ok:
        return None
    return Value(number=Decimal(number) if number is not None else None,
                 unit=raw.get("enhet") or unit, text=(text or "").strip(),
                 note=(note or "").strip())
