"""The domain model: regions, their bodies and goals, plans and minutes.

Plain data, no knowledge of YAML or MkDocs. Glossary (see DESIGN.md):
goal area = målområde, goal = mål, sub-goal = delmål, assignment = uppdrag,
outcome = utfall, target level = målnivå, minutes = protokoll, paragraph = §,
att-clause = att-sats, commitments = the "… ska regionstyrelsen:" lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator, Optional, Union


@dataclass(frozen=True)
class Period:
    start: int
    end: int

    def __contains__(self, year: int) -> bool:
        return self.start <= year <= self.end


# --- Region ---------------------------------------------------------------

@dataclass
class Body:
    id: str
    name: str
    kind: str
    short_name: str = ""
    parent_id: str = ""


@dataclass
class RegionGoal:
    id: str
    number: str
    name: str
    area: Optional["GoalArea"] = None


@dataclass
class GoalArea:
    id: str
    number: str
    name: str
    goals: list[RegionGoal] = field(default_factory=list)


@dataclass
class GoalFramework:
    """The region plan's goal structure for one period (målstruktur)."""

    id: str
    heading: str
    period: Period
    description: str
    areas: list[GoalArea]
    goals: list[RegionGoal]  # every goal, in order, with or without an area


@dataclass
class Region:
    id: str
    name: str
    short_name: str
    vision: str
    vision_text: str
    bodies: dict[str, Body]
    frameworks: dict[str, GoalFramework]
    plans: list["Plan"] = field(default_factory=list)
    meetings: list["Meeting"] = field(default_factory=list)

    def goal(self, goal_id: str) -> Optional[RegionGoal]:
        for framework in self.frameworks.values():
            for goal in framework.goals:
                if goal.id == goal_id:
                    return goal
        return None


# --- Values ---------------------------------------------------------------

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
    name: str


@dataclass(frozen=True)
class Column:
    kind: str  # "utfall" | "målnivå"
    year: int
    heading: str


# --- Plan blocks ----------------------------------------------------------

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
    previous: str = ""  # "<plan-id>/<indicator-id>" of the same indicator in an earlier plan


@dataclass
class IndicatorTable:
    kind: str
    heading: str
    columns: list[Column]
    rows: list[Indicator]


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


@dataclass
class Paragraphs:
    text: str  # Markdown, paragraphs separated by blank lines


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
class Figure:
    caption: str


Block = Union[Paragraphs, BulletList, SubHeading, FootnoteRefs, LegalEntities, Commitments,
              IndicatorTable, SubGoalTable, AssignmentTable, Table, Measures, Risks, Annexes,
              GoalOverview, Figure]


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

    def sub_goals(self) -> Iterator[SubGoal]:
        for block in self.blocks(SubGoalTable):
            yield from block.rows

    def assignments(self) -> Iterator[Assignment]:
        for block in self.blocks(AssignmentTable):
            yield from block.rows


# --- Minutes --------------------------------------------------------------

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
    members: list[Person]
    substitutes: list[Person]
    officials: list[Person]
    information: list[InformationItem]
    chair: str
    adjusters: list[Signatory]
    secretary: str
    paragraphs: list[MinutesParagraph]

    def paragraph(self, paragraph_id: str) -> Optional[MinutesParagraph]:
        return next((p for p in self.paragraphs if p.id == paragraph_id), None)


@dataclass
class Corpus:
    """Everything in data/, validated and cross-referenced."""

    regions: dict[str, Region]

    def plans(self) -> Iterator[Plan]:
        for region in self.regions.values():
            yield from region.plans

    def meetings(self) -> Iterator[Meeting]:
        for region in self.regions.values():
            yield from region.meetings

    def plan(self, region_id: str, plan_id: str) -> Optional[Plan]:
        region = self.regions.get(region_id)
        return next((p for p in region.plans if p.id == plan_id), None) if region else None

    def meeting(self, region_id: str, meeting_id: str) -> Optional[Meeting]:
        region = self.regions.get(region_id)
        return next((m for m in region.meetings if m.id == meeting_id), None) if region else None

    def decisions_on(self, meeting: Meeting, paragraph: MinutesParagraph) -> list[tuple[Plan, PlanDecision]]:
        """The plans whose data names this § as preparing or adopting them."""
        region = self.regions[meeting.region_id]
        return [(plan, d) for plan in region.plans for d in plan.decisions
                if d.meeting_id == meeting.id and d.paragraph_id == paragraph.id]

    def board_goals_serving(self, region: Region, goal: RegionGoal) -> list[tuple[Plan, Chapter]]:
        return [(plan, chapter) for plan in region.plans for chapter in plan.goal_chapters()
                if chapter.goal_id == goal.id]
