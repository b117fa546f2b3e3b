"""A region: its bodies (organ) and the region plan's goal structures (målstrukturer)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .values import Period

if TYPE_CHECKING:
    from .indicators import FollowUp, IndicatorDefinition
    from .minutes import Meeting
    from .plan import Plan


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
class FrameworkSource:
    """Where a region plan's facts (period, status, goal wording) are read from: the region
    plans themselves are not published here, the board plan that follows one quotes it."""

    plan_id: str
    chapter_ids: list[str] = field(default_factory=list)


@dataclass
class GoalFramework:
    """One region plan's goal structure (målstruktur): its period, status and the wording
    of its goal areas and goals. A goal area or goal with the same id in two region plans
    of a region is the same area or goal (its wording may differ): see `same_goals_as`."""

    id: str
    heading: str
    period: Period
    description: str
    areas: list[GoalArea]
    goals: list[RegionGoal]  # every goal, in order, with or without an area
    status: str = ""  # as the source says, e.g. "preliminär"; empty when it says nothing
    case_number: str = ""
    source: Optional[FrameworkSource] = None
    former_ids: list[str] = field(default_factory=list)  # ids it was published under before
    same_goals_as: str = ""  # id of a region plan whose areas and goals it shares by id

    def goal_groups(self) -> list[tuple[Optional[GoalArea], list[RegionGoal]]]:
        """The goals by area, and last the goals that stand in no area."""
        groups = [(area, area.goals) for area in self.areas]
        loose = [g for g in self.goals if g.area is None]
        return groups + [(None, loose)] if loose else groups

    def goal(self, goal_id: str) -> Optional[RegionGoal]:
        """The goal as this region plan words it."""
        return next((g for g in self.goals if g.id == goal_id), None)

    def area(self, area_id: str) -> Optional[GoalArea]:
        return next((a for a in self.areas if a.id == area_id), None)


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
    geography: tuple[str, ...] = ()  # IRIs of the region's area (NUTS, GeoNames) for the catalogue
    meetings: list["Meeting"] = field(default_factory=list)
    indicators: dict[str, "IndicatorDefinition"] = field(default_factory=dict)
    follow_ups: list["FollowUp"] = field(default_factory=list)

    def body_name(self, body_id: str) -> str:
        body = self.bodies.get(body_id)
        return body.name if body else body_id

    def wordings(self, goal_id: str) -> list[tuple[GoalFramework, RegionGoal]]:
        """Each region plan that has the goal, with the goal as that plan words it,
        newest plan first."""
        found = [(f, f.goal(goal_id)) for f in self.frameworks.values() if f.goal(goal_id)]
        return sorted(found, key=lambda pair: -pair[0].period.start)


