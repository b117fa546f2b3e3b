"""Line charts of an indicator's history, as numbers for an SVG template (charts/line.svg).

Our own small chart rather than a charting package: it is drawn at build time
into the page (no script, no request), in a few hundred bytes per chart, with
the accessibility the site needs (a title and a description that states every
value, series told apart by marker shape, line style and a direct label, not by
colour alone) and Swedish number format. The packages that draw SVG charts in
Python (matplotlib, pygal, plotly) either need a script to view, write
kilobytes of inline styles per chart, or cannot be given a text alternative.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from ..model import History
from ..model.history import OUTCOME, TARGET
from .formatting import number, quantity
from .text import plain

MARKERS = ("circle", "triangle", "square", "diamond")


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


def _nice_step(span: float, count: int) -> float:
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _y_range(values: list[Decimal], ticks: int) -> tuple[float, float, float]:
    low, high = float(min(values)), float(max(values))
    # Start at zero when that does not flatten the changes into a line; otherwise a tight range.
    if low >= 0 and low <= high * 0.5:
        low = 0.0
    if high == low:
        high, low = high + (abs(high) or 1) * 0.1, low - (abs(low) or 1) * 0.1
    step = _nice_step(high - low, ticks)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def line_chart(history: History, compact: bool = False) -> Chart:
    definition = history.definition
    # A small drawing area, so that its 14-unit labels are about 12 px on a phone and 16 px at most.
    width, height = (160, 44) if compact else (400, 232)
    left, top, right, bottom = (4, 4, 156, 40) if compact else (64, 12, 380, 196)
    series = history.series
    raw = [(s, kind, history.numeric_points(kind, s)) for s in series for kind in (OUTCOME, TARGET)]
    raw = [r for r in raw if r[2]]
    values = [v for _, _, points in raw for _, v in points]
    years = sorted({year for _, _, points in raw for year, _ in points})
    chart = Chart(width, height, compact, f"{plain(definition.name)}: utfall och målnivåer",
                  _description(history, raw), plot=(left, top, right, bottom))
    if not values:
        return chart
    y_low, y_high, step = _y_range(values, 3 if compact else 5)
    first, last = years[0], years[-1]

    def x(year: int) -> float:
        return left + (right - left) * ((year - first) / (last - first) if last > first else 0.5)

    def y(value: Decimal) -> float:
        return bottom - (bottom - top) * (float(value) - y_low) / (y_high - y_low)

    for s, kind, points in raw:
        index = series.index(s)
        name = ("Utfall" if kind == OUTCOME else "Målnivå") + (f" {s}" if s else "")
        chart.lines.append(Line(name, kind, MARKERS[index % len(MARKERS)],
                                [Point(x(year), y(v), year, number(v)) for year, v in points], index))
    chart.x_ticks = [(x(year), str(year)) for year in range(first, last + 1)]
    ticks, value = [], y_low
    while value <= y_high + step / 2:
        ticks.append((y(Decimal(str(value))), number(Decimal(str(round(value, 6))).normalize())))
        value += step
    chart.y_ticks = ticks
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
