"""Everything in data/, validated and cross-referenced."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from .minutes import Meeting, MinutesParagraph
from .plan import Chapter, Plan, PlanDecision
from .region import Region, RegionGoal


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

    def plans_following(self, region: Region, framework_id: str) -> list[Plan]:
        """The board plans that follow a region plan (their `målstruktur`)."""
        return [plan for plan in region.plans if plan.framework_id == framework_id]

    def board_goals_serving(self, region: Region, goal: RegionGoal) -> list[tuple[Plan, Chapter]]:
        return [(plan, chapter) for plan in region.plans for chapter in plan.goal_chapters()
                if chapter.goal_id == goal.id]
