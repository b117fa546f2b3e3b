"""A region: its bodies (organ) and the region plan's goal structures (målstrukturer)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .values import Period

if TYPE_CHECKING:
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
class GoalFramework:
    """The region plan's goal structure for one period (målstruktur)."""

    id: str
    heading: str
    period: Period
    description: str
    areas: list[GoalArea]
    goals: list[RegionGoal]  # every goal, in order, with or without an area

    def goal_groups(self) -> list[tuple[Optional[GoalArea], list[RegionGoal]]]:
        """The goals by area, and last the goals that stand in no area."""
        groups = [(area, area.goals) for area in self.areas]
        loose = [g for g in self.goals if g.area is None]
        return groups + [(None, loose)] if loose else groups


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

    def body_name(self, body_id: str) -> str:
        body = self.bodies.get(body_id)
        return body.name if body else body_id

    def goal(self, goal_id: str) -> Optional[RegionGoal]:
        for framework in self.frameworks.values():
            for goal in framework.goals:
                if goal.id == goal_id:
                    return goal
        return None


