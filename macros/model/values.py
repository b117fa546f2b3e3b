"""Periods and the values of table cells: numbers with units, texts, notes, series."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional


@dataclass(frozen=True)
class Period:
    start: int
    end: int

    def __contains__(self, year: int) -> bool:
        return self.start <= year <= self.end

    def __str__(self) -> str:
        """"2024–2026", or "2025" for one year (never "2025–2025")."""
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"


@dataclass(frozen=True)
class Value:
    """One cell: a number with unit, a text, a note, or values per organisation."""

    number: Optional[Decimal] = None
    unit: str = ""
    text: str = ""
    note: str = ""
    by_series: tuple[tuple[str, "Value"], ...] = ()


@dataclass(frozen=True)
class Series:
    id: str
    name: str  # "" where the source gives only the abbreviation


@dataclass(frozen=True)
class Column:
    kind: str  # "utfall" | "målnivå"
    year: int
    heading: str




@dataclass(frozen=True)
class Original:
    """The adopted document itself (originaldokument): a link to it, its diarium entry, or both."""

    title: str
    url: str = ""  # http(s) address of the adopted PDF or Word file, or of its diarium entry
    case_number: str = ""  # diarienummer under which the document is registered
