"""The rows of every CSV file, and a Table Schema for each kind of table.

A table is defined once, as a `TableKind`: its columns with their types and Swedish
titles. The CSV writer takes the header from it and the data package takes the
Table Schema from it, so the files and their description cannot disagree. Values are
machine values: numbers as plain decimals with a point ("0.29", "-628"), dates as
"2023-12-07", years as integers, units in a column of their own; text as the reader
sees it (Markdown emphasis removed). The Swedish presentation is the pages' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Iterator, Optional

from .. import model as m
from ..rendering.text import plain


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, integer, number, boolean, date
    title: str  # Swedish
    description: str = ""
    required: bool = False


@dataclass(frozen=True)
class TableKind:
    name: str  # the file's name without .csv
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name, type_, title, description="", required=False) -> Column:
    return Column(name, type_, title, description, required)


_PLAN = (
    _c("region", "string", "Region", "Regionens id", True),
    _c("plan", "string", "Plan", "Planens id", True),
)

INDICATORS = TableKind(
    "indikatorer", "Indikatorer",
    "En rad per indikator, år, slag (utfall eller målnivå) och serie. En kvalitativ indikator "
    "utan värden har en rad utan år.",
    _PLAN + (
        _c("chapter_id", "string", "Kapitel", "Id för kapitlet (målet) i planen där indikatorn står", True),
        _c("region_goal_id", "string", "Regionplanens mål", "Id för regionplanens mål som kapitlet tjänar"),
        _c("sub_goal_id", "string", "Delmål", "Id för delmålet som indikatorn hör till"),
        _c("indicator_id", "string", "Indikator", "Indikatorns id i planen", True),
        _c("indicator_name", "string", "Indikatorns namn", "", True),
        _c("indicator_kind", "string", "Slag av indikator", "kvantitativ eller kvalitativ", True),
        _c("unit", "string", "Enhet", "Värdets enhet, till exempel % eller mnkr"),
        _c("periodicity", "string", "Periodicitet", "Hur ofta indikatorn följs upp, som i källan"),
        _c("year", "integer", "År"),
        _c("kind", "string", "Slag av värde", "utfall eller målnivå"),
        _c("series", "string", "Serie", "Id för serien (organisationen) när raden har flera, "
                                         "till exempel RVN"),
        _c("series_name", "string", "Seriens namn"),
        _c("value", "number", "Värde", "Talet, med decimalpunkt och utan enhet"),
        _c("value_text", "string", "Värde i text", "Ett mål i ord, till exempel Positiv utveckling"),
        _c("note", "string", "Anteckning", "Till exempel Ny indikator 2024 eller (feb-22)"),
    ))

TABLES = TableKind(
    "tabeller", "Tabeller",
    "Planens tabeller (till exempel ekonomiska ramar), en rad per cell: tabell, rad och kolumn.",
    _PLAN + (
        _c("table_id", "string", "Tabell", "Tabellens id i planen", True),
        _c("table_caption", "string", "Tabellens rubrik", "", True),
        _c("unit", "string", "Enhet", "Enhet för tabellens tal, till exempel mnkr"),
        _c("row_number", "integer", "Radnummer", "Radens plats i tabellen, från 1", True),
        _c("row_name", "string", "Rad", "", True),
        _c("row_bold", "boolean", "Fet rad", "Källan sätter raden i fetstil (en summa)", True),
        _c("row_of_which", "boolean", "Varav-rad", "En rad ”varav …” under raden ovanför", True),
        _c("row_footnote", "string", "Fotnot", "Fotnotens text för raden"),
        _c("column_number", "integer", "Kolumnnummer", "Kolumnens plats, från 1", True),
        _c("column", "string", "Kolumn", "Kolumnens rubrik, till exempel Budget 2025", True),
        _c("value", "number", "Värde", "Talet, med decimalpunkt och utan enhet; tom cell i källan ger tomt värde"),
    ),
    primary_key=("region", "plan", "table_id", "row_number", "column_number"))

MEASURES = TableKind(
    "atgarder", "Åtgärder",
    "Åtgärder i planens handlingsplaner med belopp, och deras summa.",
    _PLAN + (
        _c("list_number", "integer", "Lista", "Åtgärdslistans plats i planen, från 1", True),
        _c("heading", "string", "Rubrik", "Åtgärdslistans rubrik"),
        _c("unit", "string", "Enhet", "Beloppets enhet, till exempel mnkr"),
        _c("row_number", "integer", "Radnummer", "Åtgärdens plats i listan, från 1; summan sist", True),
        _c("text", "string", "Åtgärd", "", True),
        _c("amount", "number", "Belopp", "Talet, med decimalpunkt och utan enhet", True),
        _c("is_total", "boolean", "Summa", "Raden är listans summa", True),
    ),
    primary_key=("region", "plan", "list_number", "row_number"))

ASSIGNMENTS = TableKind(
    "uppdrag", "Uppdrag",
    "Uppdrag som ett organ gett ett annat, med status och slutdatum.",
    _PLAN + (
        _c("assignment_id", "string", "Uppdrag", "Uppdragets id i planen", True),
        _c("giver", "string", "Givet av", "Id för organet som gav uppdraget", True),
        _c("giver_name", "string", "Givet av (namn)", "", True),
        _c("receiver", "string", "Givet till", "Id för organet som fick uppdraget", True),
        _c("receiver_name", "string", "Givet till (namn)", "", True),
        _c("status", "string", "Status", "Till exempel Pågående"),
        _c("text", "string", "Uppdrag", "", True),
        _c("directed_to", "string", "Riktas till", "Id för organen, åtskilda med semikolon; alla = alla nämnder och styrelser"),
        _c("directed_to_text", "string", "Riktas till (text)", "Som i källan"),
        _c("periodicity", "string", "Periodicitet", "När uppdraget följs upp"),
        _c("end_date", "date", "Slutdatum"),
    ),
    primary_key=("region", "plan", "assignment_id"))

DECISIONS = TableKind(
    "beslut", "Beslut",
    "Protokollets paragrafer (§) med sina beslut: en rad per att-sats.",
    (
        _c("region", "string", "Region", "Regionens id", True),
        _c("meeting", "string", "Protokoll", "Protokollets id", True),
        _c("body", "string", "Organ", "Id för organet som sammanträdde", True),
        _c("meeting_date", "date", "Sammanträdesdag", "Sammanträdets första dag", True),
        _c("paragraph_id", "string", "Paragraf", "Paragrafens id", True),
        _c("paragraph_number", "integer", "Paragrafnummer", "Numret efter §", True),
        _c("title", "string", "Rubrik", "Paragrafens rubrik", True),
        _c("case_number", "string", "Diarienummer", "Ärendets diarienummer"),
        _c("decision_kind", "string", "Slag av beslut", "eget (organet beslutar) eller förslag (till ett annat organ)"),
        _c("to_body", "string", "Förslag till", "Id för organet som förslaget går till"),
        _c("intro", "string", "Inledning", "Beslutets inledning, till exempel … föreslår att … beslutar"),
        _c("clause_number", "integer", "Att-sats", "Att-satsens plats i beslutet, från 1", True),
        _c("clause", "string", "Att-sats", "Att-satsens text, utan inledande ”att”", True),
    ),
    primary_key=("region", "meeting", "paragraph_id", "clause_number"))

PLAN_TABLES = (INDICATORS, TABLES, MEASURES, ASSIGNMENTS)
MEETING_TABLES = (DECISIONS,)


# --- values -------------------------------------------------------------------------

def decimal_text(value: Optional[Decimal]) -> str:
    """A number as a machine reads it: "0.29", "-628", "15.0"; empty for no value."""
    return "" if value is None else format(value, "f")


def _text(value: str) -> str:
    return plain(value) if value else ""


# --- rows ---------------------------------------------------------------------------

def _indicator_places(plan: m.Plan) -> Iterator[tuple[m.Chapter, Optional[m.SubGoal], m.Indicator, list[m.Column], list[m.Indicator]]]:
    """Each indicator with its chapter, sub-goal, the table's columns and the table's rows."""
    for chapter in plan.all_chapters():
        for block in chapter.blocks:
            if isinstance(block, m.IndicatorTable):
                for row in block.rows:
                    yield chapter, None, row, block.columns, block.rows
            elif isinstance(block, m.SubGoalTable):
                rows = [i for s in block.rows for i in s.indicators]
                for sub_goal in block.rows:
                    for row in sub_goal.indicators:
                        yield chapter, sub_goal, row, block.columns, rows


def _targets(row: m.Indicator, rows: list[m.Indicator]) -> dict[int, m.Value]:
    """A row's target levels; those of the row above when the source merges the cells."""
    seen = set()
    while row.targets_merged_with and row.id not in seen:
        seen.add(row.id)
        row = next((r for r in rows if r.id == row.targets_merged_with), row)
    return row.targets


def _value_cells(value: m.Value, unit: str) -> dict:
    return {"unit": value.unit or unit, "value": decimal_text(value.number),
            "value_text": _text(value.text), "note": _text(value.note)}


def indicator_rows(plan: m.Plan) -> Iterator[dict]:
    for chapter, sub_goal, row, columns, rows in _indicator_places(plan):
        base = {"region": plan.region_id, "plan": plan.id, "chapter_id": chapter.id,
                "region_goal_id": chapter.goal_id, "sub_goal_id": sub_goal.id if sub_goal else "",
                "indicator_id": row.id, "indicator_name": _text(row.name), "indicator_kind": row.kind,
                "unit": row.unit, "periodicity": _text(row.periodicity)}
        series_names = {s.id: s.name for s in row.series}
        by_kind = {"utfall": row.outcomes, "målnivå": _targets(row, rows)}
        order = [(c.kind, c.year) for c in columns]
        order += sorted(((k, y) for k, values in by_kind.items() for y in values
                         if (k, y) not in order), key=lambda ky: (ky[0] != "utfall", ky[1]))
        written = 0
        for kind, year in order:
            value = by_kind[kind].get(year)
            if value is None:
                continue
            parts = value.by_series or (("", value),)
            for series, part in parts:
                written += 1
                yield {**base, "year": year, "kind": kind, "series": series,
                       "series_name": series_names.get(series, ""), **_value_cells(part, row.unit)}
        if not written:
            yield {**base, "year": "", "kind": "", "series": "", "series_name": "", "value": "",
                   "value_text": "", "note": ""}


def table_rows(plan: m.Plan) -> Iterator[dict]:
    for table in plan.blocks(m.Table):
        for number, row in enumerate(table.rows, 1):
            for column_number, (column, value) in enumerate(zip(table.columns, row.values), 1):
                yield {"region": plan.region_id, "plan": plan.id, "table_id": table.id,
                       "table_caption": _text(table.caption), "unit": table.unit,
                       "row_number": number, "row_name": _text(row.name), "row_bold": row.bold,
                       "row_of_which": row.of_which,
                       "row_footnote": _text(table.footnotes.get(row.footnote, "")) if row.footnote else "",
                       "column_number": column_number, "column": _text(column),
                       "value": decimal_text(value)}


def measure_rows(plan: m.Plan) -> Iterator[dict]:
    for list_number, measures in enumerate(plan.blocks(m.Measures), 1):
        items = [(row, False) for row in measures.rows] + ([(measures.total, True)] if measures.total else [])
        for number, (row, total) in enumerate(items, 1):
            yield {"region": plan.region_id, "plan": plan.id, "list_number": list_number,
                   "heading": _text(measures.heading), "unit": measures.unit, "row_number": number,
                   "text": _text(row.text), "amount": decimal_text(row.amount), "is_total": total}


def assignment_rows(corpus: m.Corpus, plan: m.Plan) -> Iterator[dict]:
    region = corpus.regions[plan.region_id]
    for table in plan.blocks(m.AssignmentTable):
        for row in table.rows:
            yield {"region": plan.region_id, "plan": plan.id, "assignment_id": row.id,
                   "giver": table.giver_id, "giver_name": region.body_name(table.giver_id),
                   "receiver": table.receiver_id, "receiver_name": region.body_name(table.receiver_id),
                   "status": row.status, "text": _text(row.text), "directed_to": ";".join(row.directed_to),
                   "directed_to_text": _text(row.directed_to_text), "periodicity": _text(row.periodicity),
                   "end_date": row.end_date}


def decision_rows(meeting: m.Meeting) -> Iterator[dict]:
    for paragraph in meeting.paragraphs:
        decision = paragraph.decision
        for number, clause in enumerate(decision.clauses, 1):
            yield {"region": meeting.region_id, "meeting": meeting.id, "body": meeting.body_id,
                   "meeting_date": meeting.dates[0] if meeting.dates else "",
                   "paragraph_id": paragraph.id, "paragraph_number": paragraph.number,
                   "title": _text(paragraph.title), "case_number": paragraph.case_number,
                   "decision_kind": decision.kind, "to_body": decision.to_body_id,
                   "intro": _text(decision.intro), "clause_number": number, "clause": _text(clause)}


def plan_tables(corpus: m.Corpus, plan: m.Plan) -> list[tuple[TableKind, list[dict]]]:
    """A plan's tables that have rows, in a fixed order."""
    made = [(INDICATORS, list(indicator_rows(plan))), (TABLES, list(table_rows(plan))),
            (MEASURES, list(measure_rows(plan))), (ASSIGNMENTS, list(assignment_rows(corpus, plan)))]
    return [(kind, rows) for kind, rows in made if rows]


def meeting_tables(meeting: m.Meeting) -> list[tuple[TableKind, list[dict]]]:
    rows = list(decision_rows(meeting))
    return [(DECISIONS, rows)] if rows else []


# --- an indicator's history (issue 8) ------------------------------------------------

HISTORY = TableKind(
    "historik", "Indikatorns historik",
    "En rad per år, slag (utfall eller målnivå) och serie, med planen eller rapporten som "
    "värdet kommer från.",
    (
        _c("region", "string", "Region", "Regionens id", True),
        _c("indicator_id", "string", "Indikator", "Indikatorns id i regionens register", True),
        _c("indicator_name", "string", "Indikatorns namn", "", True),
        _c("unit", "string", "Enhet"),
        _c("year", "integer", "År", "", True),
        _c("kind", "string", "Slag av värde", "utfall eller målnivå", True),
        _c("series", "string", "Serie", "Id för serien (organisationen), till exempel RVN"),
        _c("series_name", "string", "Seriens namn"),
        _c("value", "number", "Värde", "Talet, med decimalpunkt och utan enhet"),
        _c("value_text", "string", "Värde i text", "Ett mål i ord, till exempel Öka"),
        _c("note", "string", "Anteckning"),
        _c("source_kind", "string", "Slag av källa", "plan, delårsrapport, årsredovisning …", True),
        _c("source_id", "string", "Källa", "Id för planen eller rapporten", True),
        _c("source_title", "string", "Källans titel"),
        _c("source_date", "date", "Källans datum"),
    ))


@dataclass(frozen=True)
class HistoryPoint:
    """One figure of an indicator's history, as the history model will hand it over:
    a year, outcome or target, the value as decided or reported, and where it comes from."""

    year: int
    kind: str  # "utfall" | "målnivå"
    value: m.Value
    source_kind: str  # "plan", "delårsrapport", "årsredovisning", …
    source_id: str
    source_title: str = ""
    source_date: str = ""


def history_rows(region_id: str, indicator_id: str, name: str, unit: str,
                 points: Iterable[HistoryPoint], series: Iterable[m.Series] = ()) -> Iterator[dict]:
    """The rows of /data/<region>/indikatorer/<id>/historik.csv, sorted by year, kind, series.

    For the lead's indicator model (issue 8): map each entry of `history` to a
    HistoryPoint and call this; `files.indicator_history_file` makes the CSV of it."""
    names = {s.id: s.name for s in series}
    ordered = sorted(points, key=lambda p: (p.year, p.kind != "utfall", p.source_date, p.source_id))
    for point in ordered:
        for series_id, part in point.value.by_series or (("", point.value),):
            yield {"region": region_id, "indicator_id": indicator_id, "indicator_name": _text(name),
                   "year": point.year, "kind": point.kind, "series": series_id,
                   "series_name": names.get(series_id, ""), **_value_cells(part, unit),
                   "source_kind": point.source_kind, "source_id": point.source_id,
                   "source_title": _text(point.source_title), "source_date": point.source_date}
