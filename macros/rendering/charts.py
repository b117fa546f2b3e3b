"""Line charts of an indicator's history, as numbers for an SVG template (charts/line.svg).

Our own small chart rather than a charting package: it is drawn at build time
into the page (no script, no request), in a few hundred bytes per chart, with
the accessibility the site needs (a title and a description that states every
value, series told apart by marker shape, line style and a direct label, not by
colour alone) and Swedish number format. The packages that draw SVG charts in
Python (matplotlib, pygal, plotly) either need a script to view, write
kilobytes of inline styles per chart, or cannot be given a text alternative.

Charts in proportion (the rule on "Så bedöms måluppfyllelse"): the value axis
always reaches zero, so that the drawn height of a change is its size against
the whole value; only where every change would be under a hundredth of that
axis, and the values are not shares, the axis is broken, the break drawn on it
and named in the chart's description. The scale is computed in Decimal with a
bounded number of ticks, so any finite value (equal, nearly equal at 10^15,
10^400, tiny, negative) gives a finite chart at once.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..model import History
from ..model.history import OUTCOME, TARGET
from .formatting import number, quantity
from .text import plain

MARKERS = ("circle", "triangle", "square", "diamond")
SHARE = "%"
NICE = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
# A change under this part of an axis from zero is under 2 px of a chart: invisible.
INVISIBLE = Decimal("0.01")
# Digits a scale may need beyond the values' own: more and a break could not be drawn exactly.
MAX_DIGITS = 120
MAX_YEAR_TICKS = 12
DRAWABLE_DIGITS = 10**6
COMPACT_TICKS = 2  # a small chart labels only its two ends


@dataclass(frozen=True)
class Scale:
    """A value axis: from `low` to `high`, labelled at `ticks`. A broken axis starts at zero
    below a drawn break and goes on from `low`; an unbroken one has zero among its ticks."""

    low: Decimal
    high: Decimal
    ticks: tuple[Decimal, ...]
    unit: str = ""
    broken: bool = False

    def ratio(self, value: Decimal) -> float:
        """Where a value stands on the axis: 0 at `low`, 1 at `high`."""
        with _exact(value, self.low, self.high):
            return float(min(max((value - self.low) / (self.high - self.low), Decimal(0)), Decimal(1)))

    def label(self, value: Decimal) -> str:
        return quantity(value, self.unit) if self.unit == SHARE else number(value)

    @property
    def description(self) -> str:
        """The axis in words, for a chart's text alternative."""
        if self.broken:
            return (f"Värdeaxeln är bruten: den börjar på 0 och fortsätter efter brottet från "
                    f"{self.label(self.low)} till {self.label(self.high)}.")
        return f"Värdeaxeln går från {self.label(self.low)} till {self.label(self.high)}."


def _exact(*values: Decimal):
    """A context in which sums and quotients of these values keep every digit that tells them apart."""
    digits = max((v.adjusted() for v in values if v), default=0) - min(
        (v.as_tuple().exponent for v in values if v), default=0)
    return decimal.localcontext(decimal.Context(prec=min(max(int(digits) + 10, 28), MAX_DIGITS + 20),
                                                Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN))


def _nice_step(span: Decimal, count: int) -> Decimal:
    """The round step (1, 2, 2.5 or 5 times a power of ten) that divides `span` into at most `count` parts."""
    raw = span / count
    power = raw.adjusted()
    mantissa = raw.scaleb(-power)
    factor = next(f for f in NICE if mantissa <= f)
    return (factor * Decimal(1).scaleb(power)).normalize()


def scale_of(values: list[Decimal], unit: str = "", ticks: int = 5) -> Scale:
    """The value axis for `values` (at least one, each drawable) in `unit`, with at most `ticks` + 2 labels."""
    with _exact(*values):
        low, high = min(values), max(values)
        spread, size = high - low, max(abs(low), abs(high))
        broken = (unit != SHARE and (low > 0 or high < 0) and 0 < spread < INVISIBLE * size
                  and size.adjusted() - spread.adjusted() < MAX_DIGITS)
        if not broken:
            low, high = min(low, Decimal(0)), max(high, Decimal(0))
        if low == high:  # every value zero
            high = Decimal(1)
        step = _nice_step(high - low, ticks)
    with _exact(low, high, step):
        first = (low / step).to_integral_value(ROUND_FLOOR)
        last = (high / step).to_integral_value(ROUND_CEILING)
        count = min(int(last - first), ticks + 1)  # span / step <= ticks, plus one for rounding out
        marks = tuple(_plain(step * (first + i)) for i in range(count + 1))
    return Scale(marks[0], marks[-1], marks, unit, broken)


def _plain(value: Decimal) -> Decimal:
    """1E+2 as 100, and zero without a sign: the form a tick is labelled in."""
    return value.normalize() if value else Decimal(0)


def chart_unit(history: History) -> str:
    """The unit of an indicator's figures: the register's, or the one every number was given in."""
    units = {f.value.unit for f in history.figures if f.value.number is not None}
    return history.definition.unit or (units.pop() if len(units) == 1 else "")


def _lines(history: History) -> list[tuple[str, str, list[tuple[int, Decimal]]]]:
    raw = [(s, kind, [(year, v) for year, v in history.numeric_points(kind, s) if _drawable(v)])
           for s in history.series for kind in (OUTCOME, TARGET)]
    return [r for r in raw if r[2]]


def _drawable(value: Decimal) -> bool:
    """Finite, with fewer than a million digits before or after the decimal comma (more than a
    data file can hold; the table shows it, the chart leaves it out): its scale and labels are
    then computed exactly and quickly."""
    return value.is_finite() and abs(value.adjusted()) < DRAWABLE_DIGITS


def values_of(history: History) -> list[Decimal]:
    return [v for _, _, points in _lines(history) for _, v in points]


def scale_group(history: History) -> tuple[str, int]:
    """Which small charts of a table share a value axis: those of one unit, and without a unit those
    whose largest values have the same order of magnitude (an index of 0,29 is not drawn against 5 150)."""
    unit = chart_unit(history)
    values = values_of(history)
    return (unit, 0) if unit or not values else ("", max(abs(v) for v in values).adjusted())


@dataclass(frozen=True)
class TableAxes:
    """The axes that the small charts of one table share: the value axis of each group, and the years."""

    scales: dict[tuple[str, int], Scale]
    years: tuple[int, int]

    def scale(self, history: History) -> Scale:
        return self.scales[scale_group(history)]


def shared_axes(histories: list[History]) -> TableAxes:
    """The axes of one table's small charts, so that its rows compare by height and by year."""
    groups: dict[tuple[str, int], list[Decimal]] = {}
    years = [year for history in histories for _, _, points in _lines(history) for year, _ in points]
    for history in histories:
        groups.setdefault(scale_group(history), []).extend(values_of(history))
    return TableAxes({group: scale_of(values, group[0], COMPACT_TICKS) for group, values in groups.items() if values},
                     (min(years), max(years)) if years else (0, 0))


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    year: int
    label: str  # the value as a reader sees it: "274 057"


@dataclass
class Line:
    name: str  # "Utfall", "Målnivå", or "Utfall RVN"
    kind: str  # OUTCOME or TARGET
    marker: str
    points: list[Point]
    series_index: int

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))


@dataclass
class Chart:
    width: int
    height: int
    compact: bool
    title: str
    description: str
    lines: list[Line] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    plot: tuple[float, float, float, float] = (0, 0, 0, 0)  # left, top, right, bottom
    gap: tuple[float, float] | None = None  # a broken axis: y of zero and of the drawn range's bottom
    scale: Scale | None = None


# A broken axis: zero at the bottom, the break mark above it, the values' range above that.
BREAK_GAP = {False: 22, True: 8}


def line_chart(history: History, compact: bool = False, axes: TableAxes | None = None) -> Chart:
    """The chart of an indicator's history; `axes` are those it shares with a table's other small charts."""
    definition = history.definition
    # A small drawing area, so that its 14-unit labels are about 12 px on a phone and 16 px at most.
    width, height = (172, 44) if compact else (400, 232)
    left, top, right, bottom = (4, 6, 100, 38) if compact else (64, 12, 380, 196)
    raw = _lines(history)
    values = [v for _, _, points in raw for _, v in points]
    scale = (axes.scale(history) if axes else scale_of(values, chart_unit(history), COMPACT_TICKS if compact else 5)
             ) if values else None
    description = _description(history, raw)
    chart = Chart(width, height, compact, f"{plain(definition.name)}: utfall och målnivåer"
                  + (f". {scale.description}" if scale else ""),
                  description + (f" {scale.description}" if scale and scale.broken else ""),
                  plot=(left, top, right, bottom), scale=scale)
    if not values:
        return chart
    years = sorted({year for _, _, points in raw for year, _ in points})
    first, last = (min(years[0], axes.years[0]), max(years[-1], axes.years[1])) if axes else (years[0], years[-1])
    drawn = bottom - (BREAK_GAP[compact] if scale.broken else 0)

    def x(year: int) -> float:
        return left + (right - left) * ((year - first) / (last - first) if last > first else 0.5)

    def y(value: Decimal) -> float:
        return drawn - (drawn - top) * scale.ratio(value)

    for s, kind, points in raw:
        index = history.series.index(s)
        name = ("Utfall" if kind == OUTCOME else "Målnivå") + (f" {s}" if s else "")
        chart.lines.append(Line(name, kind, MARKERS[index % len(MARKERS)],
                                [Point(x(year), y(v), year, number(v)) for year, v in points], index))
    every = -(-(last - first + 1) // MAX_YEAR_TICKS)  # at most MAX_YEAR_TICKS year labels
    chart.x_ticks = [(x(year), str(year)) for year in range(first, last + 1, every)]
    chart.y_ticks = [(y(tick), scale.label(tick)) for tick in scale.ticks]
    if scale.broken:
        chart.y_ticks.insert(0, (bottom, "0"))
        chart.gap = (bottom, drawn)
    return chart


def _description(history: History, raw) -> str:
    """Every value of the chart in words: the chart's text alternative."""
    unit = history.definition.unit
    parts = []
    for series, kind, points in raw:
        who = f"{history.series_label(series)}, " if series else ""
        what = "utfall" if kind == OUTCOME else "målnivå"
        values = ", ".join(f"{year}: {quantity(v, unit)}" for year, v in points)
        parts.append(f"{who}{what} {values}")
    return ("; ".join(parts) + ".") if parts else "Inga värden att visa."
