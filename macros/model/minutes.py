"""Minutes (protokoll): a meeting, its attendance and its paragraphs (§)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .plan import Block
from .values import Original


@dataclass
class Person:
    name: str
    party: str = ""
    role: str = ""
    title: str = ""
    note: str = ""


@dataclass
class InformationItem:
    heading: str
    presenter: str = ""
    items: list["InformationItem"] = field(default_factory=list)
    date: str = ""


@dataclass
class Signatory:
    name: str
    paragraph_ids: list[str]


@dataclass
class Section:
    heading: str
    blocks: list[Block]


@dataclass
class Motion:
    name: str
    party: str
    text: str


@dataclass
class MinutesNote:
    text: str
    abstaining: list[str]


@dataclass
class ParagraphDecision:
    kind: str  # "eget": the body decides; "förslag": proposes to another body
    to_body_id: str
    intro: str
    clauses: list[str]


@dataclass
class MinutesParagraph:
    id: str
    number: int
    title: str
    case_number: str
    responsible: str
    officers: list[str]
    decision: ParagraphDecision
    sections: list[Section]
    basis: list[Block]  # beslutsunderlag
    deliberations: list[Block]  # överläggningar, after the supporting documents in minutes
    motions: list[Motion]
    notes: list[MinutesNote]


@dataclass
class Meeting:
    id: str
    region_id: str
    body_id: str
    title: str
    dates: list[str]
    time: str
    place: str
    case_number: str
    office: str
    officer: str  # handläggare in the head ("Tjänsteställe, handläggare")
    members: list[Person]
    substitutes: list[Person]
    officials: list[Person]
    information: list[InformationItem]
    information_intro: str  # the sentence before the information items, as in the minutes
    chair: str
    adjusters: list[Signatory]
    secretary: str
    paragraphs: list[MinutesParagraph]
    original: Optional[Original] = None
    changed: str = ""  # the data's own "ändrad" date, used where the repository has no history
    source: str = ""  # the data file, relative to the project: "data/protokoll/<region>/<id>.yml"

    def paragraph(self, paragraph_id: str) -> Optional[MinutesParagraph]:
        return next((p for p in self.paragraphs if p.id == paragraph_id), None)

    def adjusters_of(self, paragraph: MinutesParagraph) -> list[str]:
        return [s.name for s in self.adjusters if paragraph.id in s.paragraph_ids]

    def paragraph_numbers(self, paragraph_ids: list[str]) -> list[int]:
        return sorted(p.number for p in self.paragraphs if p.id in paragraph_ids)

    def information_by_date(self) -> list[tuple[str, list[InformationItem]]]:
        """Information items grouped by the day they were given, in the minutes' order."""
        groups: list[tuple[str, list[InformationItem]]] = []
        for item in self.information:
            if not groups or groups[-1][0] != item.date:
                groups.append((item.date, []))
            groups[-1][1].append(item)
        return groups


