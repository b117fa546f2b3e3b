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
    # Look-ups by id, built once per region on first use (the corpus does not change after
    # loading), so that a page's look-ups do not scan every plan or meeting of its region.
    _indexes: dict[str, "_RegionIndex"] = field(default_factory=dict, repr=False, compare=False)

    def _index(self, region_id: str) -> "_RegionIndex":
        index = self._indexes.get(region_id)
        if index is None:
            index = self._indexes[region_id] = _RegionIndex(self.regions[region_id])
        return index

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
        return self._index(region_id).plans.get(plan_id) if region_id in self.regions else None

    def meeting(self, region_id: str, meeting_id: str) -> Optional[Meeting]:
        return self._index(region_id).meetings.get(meeting_id) if region_id in self.regions else None

    def decisions_on(self, meeting: Meeting, paragraph: MinutesParagraph) -> list[tuple[Plan, PlanDecision]]:
        """The plans whose data names this § as preparing or adopting them."""
        return list(self._index(meeting.region_id).decisions.get((meeting.id, paragraph.id), ()))

    def plans_following(self, region: Region, framework_id: str) -> list[Plan]:
        """The board plans that follow a region plan (their `målstruktur`)."""
        return list(self._index(region.id).following.get(framework_id, ()))

    def board_goals_serving(self, region: Region, goal: RegionGoal) -> list[tuple[Plan, Chapter]]:
        return list(self._index(region.id).serving.get(goal.id, ()))

    def goal_of(self, plan: Plan, row: Indicator) -> Optional[Chapter]:
        """The innermost chapter whose tables hold an indicator row."""
        return self._index(plan.region_id).goal_of(self, plan).get(id(row))


class _RegionIndex:
    """A region's plans and minutes by id, and the relations between them, in the order
    the scans over `region.plans` gave them."""

    def __init__(self, region: Region):
        self.plans: dict[str, Plan] = {}
        for plan in region.plans:
            self.plans.setdefault(plan.id, plan)
        self.meetings: dict[str, Meeting] = {}
        for meeting in region.meetings:
            self.meetings.setdefault(meeting.id, meeting)
        self.decisions: dict[tuple[str, str], list[tuple[Plan, PlanDecision]]] = {}
        self.following: dict[str, list[Plan]] = {}
        self.serving: dict[str, list[tuple[Plan, Chapter]]] = {}
        for plan in region.plans:
            for d in plan.decisions:
                self.decisions.setdefault((d.meeting_id, d.paragraph_id), []).append((plan, d))
            self.following.setdefault(plan.framework_id, []).append(plan)
            for chapter in plan.goal_chapters():
                self.serving.setdefault(chapter.goal_id, []).append((plan, chapter))
        self._goals: dict[int, dict[int, Chapter]] = {}

    def goal_of(self, corpus: "Corpus", plan: Plan) -> dict[int, Chapter]:
        """id(row) → the innermost chapter holding it; all_chapters walks outside in."""
        found = self._goals.get(id(plan))
        if found is None:
            found = self._goals[id(plan)] = {}
            for chapter in plan.all_chapters():
                for row in corpus.indicator_rows(plan, chapter):
                    found[id(row)] = chapter
        return found
