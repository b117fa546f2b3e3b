"""Indicators as entities with a history, and the follow-up documents that report outcomes.

An indicator is defined once per region (data/indikatorer/<region>.yml): what it
measures, which direction is better, where its figures come from. Plan rows
refer to it and keep their own wording as decided. Outcomes reported after a
plan was adopted live in follow-ups of their own (data/uppfoljning/), so that
a decided plan is never rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from .values import Series, Value

HIGHER, LOWER, BAND = "högre", "lägre", "intervall"


@dataclass(frozen=True)
class KeptApart:
    """A look-alike that is deliberately another indicator, and why."""

    indicator_id: str
    reason: str


@dataclass
class IndicatorDefinition:
    id: str
    region_id: str
    name: str
    unit: str = ""
    description: str = ""
    direction: str = ""  # HIGHER, LOWER, BAND, or "" where the sources do not show it
    direction_basis: str = ""
    band: Optional[tuple[Decimal, Decimal]] = None  # with BAND: the good interval, inclusive
    qualitative: bool = False  # placed under "Indikator - kvalitativ" in a plan (set on loading)
    periodicity: str = ""
    source: str = ""
    series: list[Series] = field(default_factory=list)
    kept_apart: list[KeptApart] = field(default_factory=list)

    @property
    def series_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.series}


@dataclass(frozen=True)
class ReportedOutcome:
    indicator_id: str
    year: int
    value: Value


@dataclass
class FollowUp:
    """A document that reports outcomes after the plans were adopted (delårsrapport, …)."""

    id: str
    region_id: str
    title: str
    kind: str  # "delårsrapport" | "årsredovisning" | "uppföljning"
    body_id: str
    date: str
    outcomes: list[ReportedOutcome] = field(default_factory=list)
