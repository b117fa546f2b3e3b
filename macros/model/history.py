"""An indicator's history: every figure any document gave it, and whether targets were met.

Targets come only from plans (what was decided); outcomes from plans' outcome
columns and from follow-ups (what was reported), each figure with its source.
A plan's target for a year is judged against the outcome reported for that
year, by the rule on the site's page "Så bedöms måluppfyllelse"
(docs/om/maluppfyllelse.md), which this module implements: never a status that
the figures and the indicator's stated direction do not support.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .indicators import BAND, HIGHER, LOWER, FollowUp, IndicatorDefinition
from .plan import Indicator, Plan
from .values import Value

OUTCOME, TARGET = "utfall", "målnivå"
MET, NOT_MET, NO_OUTCOME, NOT_JUDGED = "nådd", "ej nådd", "utfall saknas", "kan inte bedömas"
QUALITATIVE = ("ja", "delvis", "nej")

# The rules of "Så bedöms måluppfyllelse", by the anchor each has on that page
# (docs/om/maluppfyllelse.md): every judgement names the rule that made it.
RULES = {
    "hogre-battre": "Ett högre värde är bättre",
    "lagre-battre": "Ett lägre värde är bättre",
    "intervall": "Ett värde inom ett intervall är bättre",
    "riktning-anges-inte": "Riktningen anges inte",
    "olika-enheter": "Olika enheter",
    "utfall-inget-tal": "Utfallet är inget tal",
    "text-jamfors-med-foregaende": "Målnivåer i ord som jämförs med föregående utfall",
    "text-jamfors-med-tal": "Målnivåer i ord som jämförs med ett tal",
    "annan-text": "Annan text",
    "ja-delvis-nej": "Ja, Delvis eller Nej",
    "utfall-saknas": "Utfall saknas",
    "kan-inte-bedomas": "Kan inte bedömas",
    "anteckningar": "Anteckningar i utfallets cell",
    "streck": "Ett streck i målnivåns cell",
    "gemensam-malniva": "En målnivå för två rader",
    "sammanfattningar": "Sammanfattningar",
}


@dataclass(frozen=True)
class Source:
    """Where a figure stands: a plan's indicator row (decided) or a follow-up (reported)."""

    plan: Optional[Plan] = None
    row: Optional[Indicator] = None
    follow_up: Optional[FollowUp] = None

    @property
    def order(self) -> tuple:
        """Older documents first: plans by period, follow-ups by date after the plans they report on."""
        if self.plan is not None:
            return (self.plan.period.start, 0, self.plan.decision_date, self.plan.id)
        return (int(self.follow_up.date[:4]), 1, self.follow_up.date, self.follow_up.id)


@dataclass(frozen=True)
class Figure:
    year: int
    kind: str  # OUTCOME or TARGET
    series: str  # a series id, or "" for an indicator without series
    value: Value  # one value, never split by series
    source: Source
    shared_from: Optional[Indicator] = None  # the row above whose merged target cell this is

    @property
    def is_note(self) -> bool:
        """Only a note ("Ny indikator 2024", "Svar saknas", "(40 % 2024)"): shown, never a figure."""
        return is_note(self.value)


@dataclass(frozen=True)
class Judgement:
    """Whether one decided target was reached."""

    target: Figure
    status: str  # MET, NOT_MET, NO_OUTCOME or NOT_JUDGED
    outcome: Optional[Figure] = None
    compared_with: Optional[Figure] = None  # the previous outcome, for "Öka" and the like
    share: Optional[int] = None  # outcome as whole per cent of the target (higher is better)
    excess: Optional[int] = None  # per cent above the target (lower is better)
    reason: str = ""  # why it cannot be judged, in Swedish
    rule: str = ""  # the anchor of the rule on "Så bedöms måluppfyllelse" that made it (RULES)


@dataclass(frozen=True)
class YearRow:
    year: int
    series: str
    outcomes: list[Figure]  # notes among them too, shown as the source shows them
    targets: list[Judgement]
    no_targets: list[Figure]  # a dash in the target cell: the plan sets no target that year


def split(value: Value, series: list[str] | tuple = ()) -> list[tuple[str, Value]]:
    """A cell's values per series: [("RVN", 77), ("RLF", 74)], or [("", 75)]. A single value in a
    row with series ("Bibehålla/öka" for RVN and RLF alike) holds for each of them."""
    if value.by_series:
        return list(value.by_series)
    return [(s, value) for s in series] or [("", value)]


def _number(text: str) -> Optional[Decimal]:
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".").replace("−", "-")
    try:
        return Decimal(cleaned)
    except ArithmeticError:
        return None


# Text targets whose direction the words settle; anything else is not judged. The
# comparison is with the previous outcome ("previous") or with a number in the text.
_NUMBER = r"(?P<n>[−-]?\d[\d\s\u00a0]*(?:,\d+)?)"
TEXT_RULES: tuple[tuple[re.Pattern, str, str], ...] = (
    (re.compile(r"^(öka|ökning|högre än föregående år|positiv utveckling \(ökade värden\)( över tid)?)$"), ">", "previous"),
    (re.compile(r"^bibehålla ?(/|eller) ?öka$"), ">=", "previous"),
    (re.compile(r"^(minska|minskning|lägre än föregående år)$"), "<", "previous"),
    (re.compile(r"^bibehålla ?(/|eller) ?minska$"), "<=", "previous"),
    (re.compile(rf"^(högre|mer|över) än {_NUMBER}$"), ">", "number"),
    (re.compile(rf"^(lägre|mindre|under) än {_NUMBER}$"), "<", "number"),
    (re.compile(rf"^(minst|lägst) {_NUMBER}$"), ">=", "number"),
    (re.compile(rf"^(högst|max|maximalt) {_NUMBER}$"), "<=", "number"),
)
_COMPARE = {">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
            "<": lambda a, b: a < b, "<=": lambda a, b: a <= b}
NO_TARGET_TEXTS = ("-", "–", "—")  # a dash in the source's target cell: no target that year


class History:
    def __init__(self, definition: IndicatorDefinition, rows: list[tuple[Plan, Indicator]],
                 follow_ups: list[FollowUp]):
        self.definition = definition
        self.rows = sorted(rows, key=lambda pr: Source(plan=pr[0]).order)
        figures = []
        for plan, row in self.rows:
            source = Source(plan=plan, row=row)
            row_series = [s.id for s in row.series]
            target_row = plan.target_row(row)
            shared = target_row if target_row is not row else None
            for kind, cells in ((OUTCOME, row.outcomes), (TARGET, target_row.targets)):
                for year, cell in cells.items():
                    figures += [Figure(year, kind, series, value, source, shared if kind == TARGET else None)
                                for series, value in split(cell, row_series)]
        for follow_up in follow_ups:
            source = Source(follow_up=follow_up)
            for reported in follow_up.outcomes:
                if reported.indicator_id == definition.id:
                    figures += [Figure(reported.year, OUTCOME, series, value, source)
                                for series, value in split(reported.value, [s.id for s in definition.series])]
        self.figures = sorted(figures, key=lambda f: (f.year, f.series, f.source.order))

    # --- what there is --------------------------------------------------

    @property
    def years(self) -> list[int]:
        return sorted({f.year for f in self.figures})

    @property
    def series(self) -> list[str]:
        """Series ids in the order the register names them; "" for an indicator without."""
        found = {f.series for f in self.figures}
        named = [s.id for s in self.definition.series if s.id in found]
        return named + sorted(found - set(named))

    def series_name(self, series: str) -> str:
        """The series' name where the source writes it out, else its abbreviation as the source has it."""
        return self.definition.series_names.get(series) or series

    def series_label(self, series: str) -> str:
        """"Region X (RX)" where a source writes the name out, else "RX" alone."""
        name = self.definition.series_names.get(series)
        return f"{name} ({series})" if name else series

    def figures_of(self, kind: str, year: int, series: str) -> list[Figure]:
        return [f for f in self.figures if f.kind == kind and f.year == year and f.series == series]

    def outcome(self, year: int, series: str) -> Optional[Figure]:
        """The outcome reported for a year: the newest document's, when several report it."""
        found = [f for f in self.figures_of(OUTCOME, year, series) if not f.is_note]
        return found[-1] if found else None

    def numeric_points(self, kind: str, series: str) -> list[tuple[int, Decimal]]:
        """(year, number) for a chart: the newest figure of each year that is a number."""
        points: dict[int, Decimal] = {}
        for f in self.figures:
            if f.kind == kind and f.series == series and f.value.number is not None:
                points[f.year] = f.value.number
        return sorted(points.items())

    @property
    def qualitative(self) -> bool:
        """Placed under "Indikator - kvalitativ" in a plan."""
        return self.definition.qualitative

    def chartable(self) -> bool:
        """At least two numbers to draw, outcomes and targets together."""
        return not self.qualitative and sum(
            len(self.numeric_points(kind, s)) for kind in (OUTCOME, TARGET) for s in self.series) >= 2

    def target_years(self) -> list[int]:
        return sorted({f.year for f in self.figures if f.kind == TARGET and not _no_target(f.value)})

    def outcome_years(self) -> list[int]:
        """Years with an outcome: a note in an outcome cell is none."""
        return sorted({f.year for f in self.figures if f.kind == OUTCOME and not f.is_note})

    def value_years(self) -> list[int]:
        """Years with an outcome or a target: what the indicator lists count."""
        return sorted({f.year for f in self.figures if not (f.is_note or _no_target(f.value))})

    def scale_statements(self) -> list[Plan]:
        """The plans holding this indicator that state its outcomes are Ja, Delvis or Nej."""
        return _unique(plan for plan, _ in self.rows if plan.statements.scale is not None)

    def source_statements(self) -> list[Plan]:
        """The plans holding this indicator that say where their indicators' figures come from."""
        return _unique(plan for plan, _ in self.rows if plan.statements.sources is not None)

    def waiting_years(self) -> list[int]:
        """Target years whose every target can be judged once an outcome comes, and has none yet."""
        statuses: dict[int, set[str]] = {}
        for j in self.judgements():
            statuses.setdefault(j.target.year, set()).add(j.status)
        return sorted(year for year, found in statuses.items() if found == {NO_OUTCOME})

    def unjudgeable_years(self) -> list[int]:
        """Target years with a target that no rule can judge, whatever outcome comes."""
        return sorted({j.target.year for j in self.judgements() if j.status == NOT_JUDGED and j.outcome is None})

    def by_year(self) -> list["YearRow"]:
        """One row per year and series: the outcomes reported and the targets decided, judged."""
        judged = {id(j.target): j for j in self.judgements()}
        rows = []
        for year in self.years:
            for series in self.series:
                outcomes = self.figures_of(OUTCOME, year, series)
                decided = self.figures_of(TARGET, year, series)
                targets = [judged[id(f)] for f in decided if id(f) in judged]
                dashes = [f for f in decided if id(f) not in judged]
                if outcomes or decided:
                    rows.append(YearRow(year, series, outcomes, targets, dashes))
        return rows

    # --- judgements -----------------------------------------------------

    @functools.cached_property
    def _judged(self) -> list[Judgement]:
        return [self.judge(f) for f in self.figures if f.kind == TARGET and not _no_target(f.value)]

    def judgements(self) -> list[Judgement]:
        """Every decided target (a dash is none), judged; made once, asked for by every page."""
        return self._judged

    def judgements_of(self, plan: Plan, year: int) -> list[Judgement]:
        """The judgements of one plan's targets for a year, one per series."""
        return [j for j in self.judgements() if j.target.source.plan is plan and j.target.year == year]

    def judge(self, target: Figure) -> Judgement:
        """A target no rule can judge is said to be so before any outcome comes: "kan inte
        bedömas" is never put off as "utfall saknas"."""
        unjudgeable = self._unjudgeable(target)
        if unjudgeable is not None:
            rule, reason = unjudgeable
            return Judgement(target, NOT_JUDGED, self.outcome(target.year, target.series),
                             reason=reason, rule=rule)
        outcome = self.outcome(target.year, target.series)
        if outcome is None:
            return Judgement(target, NO_OUTCOME, rule="utfall-saknas")
        wanted, got = target.value, outcome.value
        if wanted.text.lower() in QUALITATIVE:
            if got.text.lower() in QUALITATIVE:
                return Judgement(target, MET if got.text.lower() == wanted.text.lower() else NOT_MET, outcome,
                                 rule="ja-delvis-nej")
            return Judgement(target, NOT_JUDGED, outcome, rule="ja-delvis-nej",
                             reason="utfallet är inte angett som Ja, Delvis eller Nej")
        if got.number is None:
            return Judgement(target, NOT_JUDGED, outcome, reason="utfallet är inget tal", rule="utfall-inget-tal")
        if wanted.number is not None:
            return self._judge_number(target, outcome)
        return self._judge_text(target, outcome)

    def _unjudgeable(self, target: Figure) -> Optional[tuple[str, str]]:
        """(rule, reason) when no outcome could ever let the rules judge this target."""
        wanted = target.value
        if wanted.number is None and wanted.text.lower() in QUALITATIVE:
            if target.source.plan is None or target.source.plan.statements.scale is None:
                return "ja-delvis-nej", "planen anger inte att utfallet bedöms Ja, Delvis eller Nej"
            return None
        if wanted.number is not None:
            if self.definition.direction in (HIGHER, LOWER) or (
                    self.definition.direction == BAND and self.definition.band):
                return None
            return "riktning-anges-inte", "det är inte angivet om ett högre eller lägre värde är bättre"
        if _text_rule(wanted.text) is None:
            return "annan-text", "målnivåns text säger inte entydigt vad som ska jämföras"
        return None

    def _judge_number(self, target: Figure, outcome: Figure) -> Judgement:
        wanted, got = target.value.number, outcome.value.number
        if target.value.unit and outcome.value.unit and target.value.unit != outcome.value.unit:
            return Judgement(target, NOT_JUDGED, outcome, reason="målnivå och utfall har olika enheter",
                             rule="olika-enheter")
        direction = self.definition.direction
        if direction == HIGHER:
            share = math.floor(got / wanted * 100) if wanted > 0 and got >= 0 else None
            return Judgement(target, MET if got >= wanted else NOT_MET, outcome,
                             share=share if got < wanted else None, rule="hogre-battre")
        if direction == LOWER:
            excess = math.ceil((got / wanted - 1) * 100) if wanted > 0 and got > wanted else None
            return Judgement(target, MET if got <= wanted else NOT_MET, outcome, excess=excess,
                             rule="lagre-battre")
        low, high = self.definition.band  # _unjudgeable let only a band through
        return Judgement(target, MET if low <= got <= high else NOT_MET, outcome, rule="intervall")

    def _judge_text(self, target: Figure, outcome: Figure) -> Judgement:
        operator, against, match = _text_rule(target.value.text)
        if against == "number":
            threshold = _number(match["n"])
            return Judgement(target, MET if _COMPARE[operator](outcome.value.number, threshold) else NOT_MET,
                             outcome, rule="text-jamfors-med-tal")
        previous = self._previous_outcome(target.year, target.series)
        if previous is None:
            return Judgement(target, NOT_JUDGED, outcome, rule="text-jamfors-med-foregaende",
                             reason="det finns inget tidigare utfall att jämföra med")
        return Judgement(target, MET if _COMPARE[operator](outcome.value.number, previous.value.number)
                         else NOT_MET, outcome, compared_with=previous, rule="text-jamfors-med-foregaende")

    def _previous_outcome(self, year: int, series: str) -> Optional[Figure]:
        earlier = [y for y in self.outcome_years() if y < year]
        for candidate in reversed(earlier):
            found = self.outcome(candidate, series)
            if found is not None and found.value.number is not None:
                return found
        return None


def _text_rule(text: str) -> Optional[tuple[str, str, re.Match]]:
    """(operator, "previous" or "number", match) of the text rule a target's words fall under."""
    text = re.sub(r"\s+", " ", text.strip().lower().rstrip("."))
    for pattern, operator, against in TEXT_RULES:
        match = pattern.match(text)
        if match:
            return operator, against, match
    return None


def is_note(value: Value) -> bool:
    return bool(value.note) and value.number is None and not value.text and not value.by_series


def _unique(plans) -> list[Plan]:
    found: list[Plan] = []
    for plan in plans:
        if all(plan is not other for other in found):
            found.append(plan)
    return found


def _no_target(value: Value) -> bool:
    return value.number is None and not value.by_series and value.text.strip() in NO_TARGET_TEXTS


@dataclass(frozen=True)
class Summary:
    """How a set of indicators did against their targets for one year."""

    year: int
    judged: int  # indicators with a target that year
    met: int
    not_met: int
    no_outcome: int
    not_judged: int


def summarise(judgements_by_indicator: list[list[Judgement]], year: int) -> Summary:
    """One status per indicator: met only when every series met its target."""
    counts = {MET: 0, NOT_MET: 0, NO_OUTCOME: 0, NOT_JUDGED: 0}
    total = 0
    for judgements in judgements_by_indicator:
        of_year = [j for j in judgements if j.target.year == year]
        if not of_year:
            continue
        total += 1
        statuses = {j.status for j in of_year}
        for status in (NOT_MET, NOT_JUDGED, NO_OUTCOME, MET):  # the weakest status counts
            if status in statuses:
                counts[status] += 1
                break
    return Summary(year, total, counts[MET], counts[NOT_MET], counts[NO_OUTCOME], counts[NOT_JUDGED])
