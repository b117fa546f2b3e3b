"""Everything in data/, validated and cross-referenced."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

from .minutes import Meeting, MinutesParagraph
from .history import History
from .plan import Chapter, Indicator, IndicatorTable, Plan, PlanDecision, SubGoalTable
from .region import Region, RegionGoal


@dataclass
class Corpus:
    """Everything in data/, validated and cross-referenced."""

    regions: dict[str, Region]
    _histories: dict[str, dict[str, History]] = field(default_factory=dict, repr=False, compare=False)

    def histories(self, region: Region) -> dict[str, History]:
        """Every indicator of a region with its history, built once per corpus."""
        if region.id not in self._histories:
            rows: dict[str, list[tuple[Plan, Indicator]]] = {i: [] for i in region.indicators}
            for plan in region.plans:
                for row in plan.indicators():
                    rows[row.indicator_id].append((plan, row))
            self._histories[region.id] = {
                ident: History(definition, rows[ident], region.follow_ups)
                for ident, definition in region.indicators.items()}
        return self._histories[region.id]

    def history(self, plan: Plan, row: Indicator) -> History:
        return self.histories(self.regions[plan.region_id])[row.indicator_id]

    def indicator_rows(self, plan: Plan, chapter: Chapter) -> list[Indicator]:
        """The indicator rows of a chapter and its sub-chapters."""
        return [row for c in chapter.walk() for block in c.blocks
                for row in (block.rows if isinstance(block, IndicatorTable) else
                            [i for s in block.rows for i in s.indicators] if isinstance(block, SubGoalTable)
                            else [])]

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
