"""A board's plan: chapters in the source's order, and the blocks they hold."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator, Optional, Union

from .values import Column, Original, Period, Series, Value


@dataclass
class Indicator:
    id: str
    name: str
    kind: str  # "kvantitativ" | "kvalitativ"
    unit: str = ""
    periodicity: str = ""
    outcomes: dict[int, Value] = field(default_factory=dict)
    targets: dict[int, Value] = field(default_factory=dict)
    series: list[Series] = field(default_factory=list)
    targets_merged_with: str = ""  # id of the row above whose target cells span this row

    @property
    def series_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.series}
    indicator_id: str = ""  # the indicator in the region's register (data/indikatorer/) this row is


@dataclass
class IndicatorTable:
    kind: str
    heading: str
    columns: list[Column]
    rows: list[Indicator]
    judgement: str = ""  # how the plan itself says the indicators are judged, in its words

    def target_rowspans(self) -> dict[str, int]:
        """How many rows each row's target cells span (cells merged in the source)."""
        spans = {row.id: 1 for row in self.rows}
        owner: dict[str, str] = {}
        for row in self.rows:
            head = owner.get(row.targets_merged_with, row.targets_merged_with) if row.targets_merged_with else row.id
            owner[row.id] = head
            if head != row.id:
                spans[head] += 1
        return spans


@dataclass
class SubGoal:
    id: str
    text: str
    indicators: list[Indicator]


@dataclass
class SubGoalTable:
    columns: list[Column]
    has_periodicity: bool
    rows: list[SubGoal]


@dataclass
class Assignment:
    id: str
    status: str
    text: str
    directed_to: list[str]
    directed_to_text: str
    periodicity: str
    end_date: str


@dataclass
class AssignmentTable:
    giver_id: str
    receiver_id: str
    rows: list[Assignment]


@dataclass
class TableRow:
    name: str
    values: list[Optional[Decimal]]
    bold: bool = False
    of_which: bool = False  # a "varav" row
    footnote: str = ""


@dataclass
class Table:
    id: str
    caption: str
    unit: str
    row_heading: str
    columns: list[str]
    rows: list[TableRow]
    footnotes: dict[str, str]


@dataclass
class Measure:
    text: str
    amount: Decimal


@dataclass
class Measures:
    heading: str
    unit: str
    rows: list[Measure]
    total: Optional[Measure]


@dataclass
class Annex:
    id: str
    name: str
    items: list[str]


@dataclass
class Commitments:
    intro: str
    items: list[str]


@dataclass
class LegalEntity:
    name: str
    kind: str


class Paragraphs:
    """Running text: Markdown, paragraphs separated by blank lines.

    Kept compressed: the running text of plans and minutes was a third of a national
    build's memory, and the page and files that show it read it once each."""

    __slots__ = ("_packed",)

    def __init__(self, text: str):
        self.text = text

    @property
    def text(self) -> str:
        return zlib.decompress(self._packed).decode("utf-8")

    @text.setter
    def text(self, text: str) -> None:
        self._packed = zlib.compress(text.encode("utf-8"), 1)

    def __eq__(self, other) -> bool:
        return isinstance(other, Paragraphs) and other.text == self.text

    __hash__ = None  # mutable, as the dataclasses around it

    def __repr__(self) -> str:
        return f"Paragraphs(text={self.text!r})"


@dataclass
class BulletList:
    items: list[str]
    numbered: bool = False


@dataclass
class SubHeading:
    text: str


@dataclass
class FootnoteRefs:
    numbers: list[str]


@dataclass
class LegalEntities:
    entities: list[LegalEntity]


@dataclass
class Risks:
    items: list[str]


@dataclass
class Annexes:
    annexes: list[Annex]


@dataclass
class GoalOverview:
    framework_id: str


@dataclass
class MissingFigure:
    """A figure of the original document that the published text does not include."""

    caption: str


Block = Union[Paragraphs, BulletList, SubHeading, FootnoteRefs, LegalEntities, Commitments,
              IndicatorTable, SubGoalTable, AssignmentTable, Table, Measures, Risks, Annexes,
              GoalOverview, MissingFigure]


@dataclass
class Chapter:
    id: str
    number: str
    heading: str
    blocks: list[Block]
    chapters: list["Chapter"]
    goal_area_id: str = ""  # set when the chapter is a region-plan goal area
    goal_id: str = ""  # set when the chapter is the board's goal serving a region goal

    @property
    def kind(self) -> str:
        if self.goal_area_id:
            return "malomrade"
        if self.goal_id:
            return "mal"
        return "kapitel"

    def walk(self) -> Iterator["Chapter"]:
        yield self
        for child in self.chapters:
            yield from child.walk()


@dataclass
class PlanDecision:
    """A § that prepared or adopted a plan, and what it did."""

    meeting_id: str
    paragraph_id: str
    action: str


@dataclass
class ComparedFigure:
    name: str
    in_plan: Decimal  # as the plan's text gives it
    in_minutes: Decimal  # as the § gives it


@dataclass
class ComparedFigures:
    heading: str
    unit: str
    rows: list[ComparedFigure]
    quote: str  # the §'s own words about the figures, verbatim


@dataclass
class MinutesFacts:
    """Facts about a plan that come from a § of minutes, not from the plan's text
    (uppgifter_från_protokoll): which of the plan's keys, and figures the § gives otherwise."""

    meeting_id: str
    paragraph_id: str
    keys: list[str]  # plan keys: "titel", "status", "diarienummer" …
    figures: Optional[ComparedFigures] = None


@dataclass(frozen=True)
class PlanStatement:
    """Something the plan's own text says about all its indicators, quoted, with the chapter."""

    chapter_id: str
    quote: str  # the plan's words, verbatim (checked against the chapter's text)


@dataclass(frozen=True)
class IndicatorStatements:
    """What a plan states about its indicators (om_indikatorerna): only what its text says."""

    scale: Optional[PlanStatement] = None  # that qualitative outcomes are Ja, Delvis or Nej
    sources: Optional[PlanStatement] = None  # where the figures come from


@dataclass
class Plan:
    id: str
    region_id: str
    body_id: str
    kind: str
    title: str
    period: Period
    status: str
    decision_date: str
    decided_by: str
    case_number: str
    framework_id: str
    decisions: list[PlanDecision]
    footnotes: dict[str, str]
    chapters: list[Chapter]
    minutes_facts: Optional[MinutesFacts] = None
    statements: IndicatorStatements = field(default_factory=IndicatorStatements)

    def from_minutes(self, key: str) -> bool:
        """Whether the value of a plan key ("status") comes from the minutes, not the plan's text."""
        return bool(self.minutes_facts and key in self.minutes_facts.keys)
    original: Optional[Original] = None
    changed: str = ""  # the data's own "ändrad" date, used where the repository has no history
    source: str = ""  # the data file, relative to the project: "data/planer/<region>/<id>.yml"

    def all_chapters(self) -> Iterator[Chapter]:
        for chapter in self.chapters:
            yield from chapter.walk()

    def blocks(self, kind) -> Iterator:
        for chapter in self.all_chapters():
            for block in chapter.blocks:
                if isinstance(block, kind):
                    yield block

    def goal_chapters(self) -> list[Chapter]:
        return [c for c in self.all_chapters() if c.goal_id]

    def indicators(self) -> Iterator[Indicator]:
        for block in self.blocks((IndicatorTable, SubGoalTable)):
            if isinstance(block, IndicatorTable):
                yield from block.rows
            else:
                for sub_goal in block.rows:
                    yield from sub_goal.indicators

    def chapter(self, chapter_id: str) -> Optional[Chapter]:
        """A chapter by its id, or the chapter that is a goal area with that id."""
        return next((c for c in self.all_chapters()
                     if chapter_id in (c.id, c.goal_area_id)), None)

    def table_of(self, indicator_id: str) -> Optional[Union[IndicatorTable, SubGoalTable]]:
        """The indicator or sub-goal table that holds an indicator."""
        for table in self.blocks((IndicatorTable, SubGoalTable)):
            rows = table.rows if isinstance(table, IndicatorTable) else [
                i for s in table.rows for i in s.indicators]
            if any(i.id == indicator_id for i in rows):
                return table
        return None

    def indicator(self, indicator_id: str) -> Optional[Indicator]:
        return next((i for i in self.indicators() if i.id == indicator_id), None)

    def target_row(self, row: Indicator) -> Indicator:
        """The row whose target cells hold this row's targets: itself, or the row above whose
        cells the source merged over it ("Samma målnivå som raden ovan")."""
        seen = {row.id}
        while row.targets_merged_with and row.targets_merged_with not in seen:
            above = self.indicator(row.targets_merged_with)
            if above is None:
                break
            seen.add(above.id)
            row = above
        return row

    def sub_goals(self) -> Iterator[SubGoal]:
        for block in self.blocks(SubGoalTable):
            yield from block.rows

    def assignments(self) -> Iterator[Assignment]:
        for block in self.blocks(AssignmentTable):
            yield from block.rows


