"""Reading the content blocks (`innehåll`) of plan chapters and minutes sections."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from .. import model as m
from .. import urls
from .errors import DataError
from .numbers import Unbounded
from .reading import Fields, describe, label
from .values import parse_value, swedish_number, unbounded
from .yamlfile import Location, YamlList, YamlMap


def parse_blocks(parent: Fields, key: str) -> list[m.Block]:
    blocks = []
    for index, item in parent.items(key):
        if not isinstance(item, YamlMap) or len(item) != 1:
            parent.item_error(
                key, index, f"block {index + 1} i '{key}' ska ha exakt en nyckel",
                found=describe(item) if not isinstance(item, YamlMap)
                else "nycklarna " + ", ".join(map(str, item)),
                expected="till exempel '- text: …', '- lista: […]' eller '- indikatorer: {…}'")
            continue
        block = _parse_block(parent.here(item))
        if block is not None:
            blocks.append(block)
    return blocks


def _parse_block(block: Fields) -> Optional[m.Block]:
    (kind,) = block.mapping.keys()
    block.check_keys(optional=block.errors.schema.block_kinds())
    if kind not in _PARSERS:
        return None  # reported by check_keys as an unknown key, with 'menade du'
    return _PARSERS[kind](block, kind)


def _text(block: Fields, key: str):
    text = block.text(key, required=True)
    return m.Paragraphs(text) if text else None


def _list(block: Fields, key: str):
    return m.BulletList(block.texts(key, required=True), numbered=key == "numrerad_lista")


def _heading(block: Fields, key: str):
    text = block.text(key, required=True)
    return m.SubHeading(text) if text else None


def _footnotes(block: Fields, key: str):
    raw = block.mapping[key]
    numbers = raw if isinstance(raw, YamlList) else [raw]
    if not all(isinstance(n, (int, str)) and not isinstance(n, bool) for n in numbers):
        block.error(key, "'fotnot' ska vara ett fotnotsnummer eller en lista av nummer",
                    found=describe(raw), expected="till exempel 'fotnot: 4' eller 'fotnot: [4, 5]'")
        return None
    refs = [str(n) for n in numbers]
    placed = block.errors.placed
    for ref in refs:
        if not block.reference(key, ref, block.errors.footnotes, "fotnoten"):
            placed[""] = block.location_of(key)  # a misspelt reference: "never placed" would only echo it
            continue
        if ref in placed:
            block.error(key, f"fotnot {ref} placeras redan på rad {placed[ref].line}",
                        expected="varje fotnot på ett ställe i texten")
        else:
            placed[ref] = block.location_of(key)
    return m.FootnoteRefs(refs)


def _legal_entities(block: Fields, key: str):
    entities = []
    for entity in block.maps(key, lambda e, i: label(e, "juridisk person", i, "namn"), True):
        entity.check("common#legalEntity")
        entities.append(m.LegalEntity(entity.text("namn", True), entity.text("typ")))
    return m.LegalEntities(entities)


def _commitments(block: Fields, key: str):
    sub = block.sub(key, "åtaganden")
    if sub is None:
        return None
    sub.check("common#commitments")
    return m.Commitments(sub.text("inledning", True), sub.texts("punkter", True))


def _risks(block: Fields, key: str):
    return m.Risks(block.texts(key, required=True))


def _overview(block: Fields, key: str):
    framework = block.identifier(key)
    region = block.errors.region
    framework = block.reference(key, framework, region.frameworks if region else {}, "målstrukturen")
    return m.GoalOverview(framework) if framework else None


def _figure(block: Fields, key: str):
    caption = block.text(key, required=True)
    return m.MissingFigure(caption) if caption else None


def _annexes(block: Fields, key: str):
    annexes = []
    for annex in block.maps(key, lambda a, i: label(a, "bilaga", i, "namn", "id"), True):
        annex.check("common#annex")
        annex.claim("bilaga", "id", annex.mapping.get("id"))
        annexes.append(m.Annex(annex.identifier("id"), annex.text("namn", True),
                               annex.texts("innehåll")))
    return m.Annexes(annexes)


# --- indicators -----------------------------------------------------------

def parse_columns(table: Fields) -> Optional[list[m.Column]]:
    """The table's columns, or None when they could not all be read (and that is reported):
    the rows' years are then not checked against them, which would only repeat the error."""
    columns, complete = [], isinstance(table.mapping.get("kolumner"), YamlList)
    period = table.errors.period  # of the plan being read; None in minutes
    seen = set()
    for column in table.maps("kolumner", lambda c, i: f"kolumn {i + 1}", True):
        column.check("common#column")
        kind = column.choice("typ", "common#column")
        year = column.year("år")
        if not (kind and year):
            complete = False
            continue
        heading = column.text("rubrik") or f"{'Utfall' if kind == 'utfall' else 'Målnivå'} {year}"
        columns.append(m.Column(kind, year, heading))
        if (kind, year) in seen:
            column.error("år", f"kolumnen {heading} står två gånger",
                         expected="varje år en gång per typ (utfall, målnivå)")
        seen.add((kind, year))
        if period and kind == "målnivå" and year not in period:
            column.error("år", f"kolumnen '{heading}' ligger utanför planens period "
                               f"{period}",
                         expected="målnivåer för år inom planperioden")
        if period and kind == "utfall" and year > period.end:
            column.error("år", f"kolumnen '{heading}' ligger efter planens period",
                         expected=f"utfall för år till och med {period.end}")
    return columns if complete else None


def parse_indicator(row: Fields, kind: str, columns: Optional[list[m.Column]]) -> m.Indicator:
    if kind == "kvalitativ" and not columns:
        row.check("common#qualitativeIndicatorRow")
    else:
        row.check("common#indicatorRow")
    indicator = m.Indicator(
        id=row.identifier("id"), name=row.text("namn", True), kind=kind,
        unit=row.text("enhet"), periodicity=row.text("periodicitet"),
        targets_merged_with=row.identifier("målnivå_som", required=False),
    )
    indicator.indicator_id = _register_entry(row, row.identifier("indikator", required=False) or indicator.id)
    for index, item in row.items("serier"):
        if isinstance(item, str):
            indicator.series.append(m.Series(item, ""))  # no name the source does not write
        elif isinstance(item, YamlMap):
            series = row.here(item)
            series.check("common#seriesDefinition")
            indicator.series.append(m.Series(series.text("id", True), series.text("namn")))
        else:
            row.item_error("serier", index, f"serie {index + 1} har fel typ", found=describe(item),
                           expected="en förkortning, eller {id: RVN, namn: Region Västernorrland}")
    if indicator.targets_merged_with and row.has("målnivå"):
        row.error("målnivå", "raden har både 'målnivå' och 'målnivå_som'",
                  expected="det ena: egna målnivåer, eller samma sammanslagna celler som raden ovanför")
    row.claim("indikator", "id", indicator.id)
    for key, store in (("utfall", indicator.outcomes), ("målnivå", indicator.targets)):
        cells = row.sub(key, required=False)
        if cells is None:
            continue
        years = {c.year for c in columns or () if c.kind == key}
        seen: dict[int, Location] = {}
        for year, raw in cells.mapping.items():
            where = cells.location_of(year)
            place = f"{row.place} → {key} {year}"
            if isinstance(year, str) and re.fullmatch(r"[0-9]{4}", year.strip()):
                year = int(year)  # "2024": in quotes, as the schema allows (JSON keys are text)
            if not isinstance(year, int) or isinstance(year, bool):
                row.errors.add(DataError(where, f"'{year}' är inget årtal", place=place,
                                         expected=f"årtal som nycklar under '{key}', till exempel 2024"))
                continue
            if year in seen:  # " 2024" and 2024: the reader keeps both keys, one would be lost
                row.errors.add(DataError(where, f"året {year} står två gånger under '{key}' (första "
                                                f"gången på rad {seen[year].line})", place=place,
                                         expected="varje år en gång; ta bort eller slå ihop det ena"))
                continue
            seen[year] = where
            if columns is not None and year not in years:
                shown = ", ".join(map(str, sorted(years))) or "inga"
                row.errors.add(DataError(where, f"tabellen har ingen kolumn för {key} {year}",
                                         place=place, expected=f"ett av tabellens år för {key}: {shown}"))
                continue
            value = parse_value(raw, where, place, indicator.unit, indicator.series, row.errors)
            if value is not None:
                store[year] = value
    return indicator


def _register_entry(row: Fields, ident: str) -> str:
    """The register entry (data/indikatorer/<region>.yml) a plan row is; its history is there."""
    region = row.errors.region
    if not ident or region is None:
        return ident
    if not region.indicators:
        if region.id not in row.errors.registerless:  # said once per region, not once per row
            row.errors.registerless.add(region.id)
            row.error("indikator" if row.has("indikator") else "id",
                      f"regionen '{region.id}' har inget indikatorregister",
                      expected=f"filen data/indikatorer/{region.id}.yml med regionens indikatorer")
        return ""
    key = "indikator" if row.has("indikator") else "id"
    return row.reference(key, ident, region.indicators, "indikatorn", f"i data/indikatorer/{region.id}.yml")


def _indicator_table(block: Fields, key: str):
    table = block.sub(key, "indikatortabell")
    if table is None:
        return None
    table.check("common#indicatorTable")
    kind = table.choice("typ", "common#indicatorTable")
    columns = parse_columns(table) if table.has("kolumner") else []
    if kind == "kvantitativ" and not table.has("kolumner"):
        columns = None  # the rows' years cannot be checked; the missing columns are reported once
        if "kolumner" not in table.misspelt:
            table.error(None, "en kvantitativ indikatortabell saknar 'kolumner'",
                        expected="kolumner: [{typ: utfall, år: 2022}, {typ: målnivå, år: 2025}, …]")
    row_fields = list(table.maps("rader", lambda r, i: label(r, "indikator", i, "namn", "id"), True))
    rows = [parse_indicator(row, kind, columns) for row in row_fields]
    for index, (fields, row) in enumerate(zip(row_fields, rows)):
        above = rows[index - 1] if index else None
        if row.targets_merged_with and (above is None or above.id != row.targets_merged_with):
            fields.error("målnivå_som", f"indikatorn '{row.id}' delar målnivå med "
                                        f"'{row.targets_merged_with}', som inte står på raden direkt ovanför",
                         expected="'målnivå_som' med id för raden ovanför",
                         suggestion=f"menade du '{above.id}'?" if above and above.id else "")
    return m.IndicatorTable(kind, table.text("rubrik"), columns or [], rows, table.text("bedömning"))


def _sub_goals(block: Fields, key: str):
    table = block.sub(key, "delmålstabell")
    if table is None:
        return None
    table.check("common#subGoalTable")
    columns = parse_columns(table)
    rows = []
    for row in table.maps("rader", lambda r, i: label(r, "delmål", i, "text", "id"), True):
        row.check("common#subGoal")
        indicators = [parse_indicator(ind, "kvantitativ", columns) for ind in
                      row.maps("indikatorer", lambda r, i: label(r, "indikator", i, "namn", "id"), True)]
        row.claim("delmål", "id", row.mapping.get("id"))
        rows.append(m.SubGoal(row.identifier("id"), row.text("text", True), indicators))
    return m.SubGoalTable(columns or [], table.flag("periodicitet"), rows)


def _assignments(block: Fields, key: str):
    table = block.sub(key, "uppdragstabell")
    if table is None:
        return None
    table.check("common#assignmentTable")
    rows = []
    bodies = table.errors.region.bodies if table.errors.region else {}
    for row in table.maps("rader", lambda r, i: label(r, "uppdrag", i, "text", "id"), True):
        row.check("common#assignmentRow")
        row.claim("uppdrag", "id", row.mapping.get("id"))
        directed = []
        for index, item in row.items("riktas_till"):
            if isinstance(item, str):
                directed.append(row.reference("riktas_till", item, {*bodies, "alla"}, "organet"))
            else:
                row.item_error("riktas_till", index, "'riktas_till' ska lista organens id",
                               found=describe(item), expected="till exempel [hsn, rs] eller [alla]")
        rows.append(m.Assignment(
            id=row.identifier("id"), status=row.text("status", True), text=row.text("text", True),
            directed_to=directed, directed_to_text=row.text("riktas_till_text"),
            periodicity=row.text("periodicitet"), end_date=row.date("slutdatum")))
    return m.AssignmentTable(table.reference("från", table.identifier("från"), bodies, "organet"),
                             table.reference("till", table.identifier("till"), bodies, "organet"),
                             rows)


def _numbers(fields: Fields, key: str, count: int) -> list[Optional[Decimal]]:
    values = []
    items = list(fields.items(key, required=True))
    for index, item in items:
        if item is None or (isinstance(item, (int, Decimal)) and not isinstance(item, bool)):
            values.append(None if item is None else Decimal(item))
        else:
            try:
                number = swedish_number(item) if isinstance(item, str) else None
                with_unit = _number_and_unit(item) if isinstance(item, str) and number is None else None
                written = swedish_number(with_unit[0]) if with_unit else None
            except Unbounded as exc:
                fields.errors.add(unbounded(fields.mapping[key].location_at(index), fields.place, item, exc))
                values.append(None)
                continue
            if written is not None:
                # "6 319 kr" pasted from Word: the unit belongs in the table's 'enhet', once.
                fields.item_error(
                    key, index, f"cell {index + 1} är inget tal: enheten '{with_unit[1]}' står i cellen",
                    found=describe(item),
                    expected=f"bara talet, {written}; tabellens enhet skrivs en gång, i 'enhet:'")
            elif number is None:
                fields.item_error(key, index, f"cell {index + 1} är inget tal", found=describe(item),
                                  expected="ett tal, eller null för en tom cell")
            values.append(number)
    if items and len(items) != count:
        fields.error(key, f"raden har {len(items)} värden men tabellen har {count} kolumner",
                     expected=f"{count} värden; skriv null för en tom cell")
    return values


def _number_and_unit(text: str) -> Optional[tuple[str, str]]:
    """("6 319", "kr") for "6 319 kr": what stands up to the last digit, and the rest. (Found
    without a regular expression: one that splits so backtracks over a run of spaces, and a
    cell of 20 000 of them took seconds.)"""
    text = text.strip()
    last = max(map(text.rfind, "0123456789"))
    unit = text[last + 1:].strip()
    return (text[: last + 1], unit) if last >= 0 and unit else None


def footnote_map(fields: Fields, key: str) -> dict[str, str]:
    notes = fields.sub(key, "fotnoter", required=False)
    if notes is None:
        return {}
    result = {}
    pattern = re.compile(fields.errors.schema.definition("common#footnotes")["propertyNames"]["pattern"])
    for number, text in notes.mapping.items():
        if isinstance(number, bool) or not pattern.match(str(number)):
            # The number becomes part of an address (#fotnot-4) and is shown as "4)".
            notes.error(number, f"'{number}' är inget fotnotsnummer", expected="ett nummer, till exempel 4: …")
            continue
        if not isinstance(text, str):
            notes.error(number, f"fotnot {number} ska vara en text", found=describe(text))
            continue
        result[str(number)] = text.strip()
    return result


def _table(block: Fields, key: str):
    table = block.sub(key, "tabell")
    if table is None:
        return None
    table.check("common#table")
    table.place = f"{block.place} → tabell \"{table.text('rubrik')}\""
    columns = table.texts("kolumner", required=True)
    rows = []
    footnotes = footnote_map(table, "fotnoter")
    table.claim("tabell", "id", table.mapping.get("id"),
                parts={urls.footnote_part(number): f"fotnot {number} i tabellen på rad {table.location.line}"
                       for number in footnotes})
    for row in table.maps("rader", lambda r, i: label(r, "rad", i, "namn"), True):
        row.check("common#tableRow")
        rows.append(m.TableRow(row.text("namn", True), _numbers(row, "värden", len(columns)),
                               bold=row.flag("fet"), of_which=row.flag("varav"),
                               footnote=row.text("fotnot")))
        if rows[-1].footnote and rows[-1].footnote not in footnotes:
            row.error("fotnot", f"raden '{rows[-1].name}' hänvisar till fotnot {rows[-1].footnote}, "
                                "som saknas under tabellens 'fotnoter'",
                      expected=("ett av: " + ", ".join(footnotes)) if footnotes
                      else "fotnotens text under tabellens 'fotnoter:'")
    return m.Table(table.identifier("id"), table.text("rubrik"), table.text("enhet"),
                   table.text("radrubrik"), columns, rows, footnotes)


def _measure(fields: Fields) -> Optional[m.Measure]:
    fields.check("common#measure")
    amount = fields.number("belopp", required=True)
    text = fields.text("text", True)
    return m.Measure(text, amount) if amount is not None else None


def _measures(block: Fields, key: str):
    sub = block.sub(key, "åtgärder")
    if sub is None:
        return None
    sub.check("common#measures")
    rows = [_measure(r) for r in sub.maps("rader", lambda r, i: label(r, "åtgärd", i, "text"), True)]
    total_fields = sub.sub("summa", required=False)
    total = _measure(total_fields) if total_fields else None
    measures = m.Measures(sub.text("rubrik", True), sub.text("enhet"),
                          [r for r in rows if r], total)
    if total and all(r is not None for r in rows):
        computed = sum((r.amount for r in measures.rows), Decimal(0))
        if computed != total.amount:
            sub.error("summa", f"summan {total.amount} stämmer inte med åtgärdernas belopp",
                      expected=f"summan av raderna, {computed}")
    return measures


_PARSERS = {
    "text": _text,
    "lista": _list,
    "numrerad_lista": _list,
    "rubrik": _heading,
    "fotnot": _footnotes,
    "juridiska_personer": _legal_entities,
    "åtaganden": _commitments,
    "indikatorer": _indicator_table,
    "delmål": _sub_goals,
    "uppdrag": _assignments,
    "tabell": _table,
    "åtgärder": _measures,
    "risker": _risks,
    "bilagor": _annexes,
    "målöversikt": _overview,
    "bild": _figure,
}


