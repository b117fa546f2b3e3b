"""Öppna planer's macros for mkdocs-macros-plugin: a thin layer over the model.

Every macro returns Markdown/HTML for one piece of the corpus; a hand-written
page can embed any of them, e.g. {{ indicator_table("vasternorrland",
"hsn-verksamhetsplan-2024-2026", "kariesfria-6-aringar") }}. An unknown id
raises, and with `on_error_fail: true` the build fails instead of publishing.
"""

from __future__ import annotations

from pathlib import Path


def define_env(env):
    from . import model as m
    from . import site
    from .render_pages import Renderer

    def corpus() -> m.Corpus:
        return site.load(Path(env.conf.config_file_path).parent / "data")

    def renderer() -> Renderer:
        return Renderer(corpus(), env.page.file.src_uri)

    def region(region_id: str) -> m.Region:
        found = corpus().regions.get(region_id)
        if found is None:
            raise LookupError(f"regionen '{region_id}' finns inte i data/regioner/")
        return found

    def plan(region_id: str, plan_id: str) -> m.Plan:
        found = corpus().plan(region(region_id).id, plan_id)
        if found is None:
            raise LookupError(f"planen '{plan_id}' finns inte i data/planer/{region_id}/")
        return found

    def meeting(region_id: str, meeting_id: str) -> m.Meeting:
        found = corpus().meeting(region(region_id).id, meeting_id)
        if found is None:
            raise LookupError(f"protokollet '{meeting_id}' finns inte i data/protokoll/{region_id}/")
        return found

    @env.macro
    def region_list() -> str:
        return renderer().region_list()

    @env.macro
    def region_page(region_id: str) -> str:
        return renderer().region_page(region(region_id))

    @env.macro
    def plan_page(region_id: str, plan_id: str) -> str:
        return renderer().plan_page(plan(region_id, plan_id))

    @env.macro
    def meeting_page(region_id: str, meeting_id: str) -> str:
        return renderer().meeting_page(meeting(region_id, meeting_id))

    @env.macro
    def plan_goal(region_id: str, plan_id: str, goal_id: str, level: int = 2) -> str:
        """One goal (or goal area) of a plan, with its text, indicators and commitments."""
        the_plan = plan(region_id, plan_id)
        r = renderer()
        return "\n\n".join(r.chapter(the_plan, r.find_chapter(the_plan, goal_id), level))

    @env.macro
    def indicator_table(region_id: str, plan_id: str, indicator_id: str) -> str:
        """The table (indicator or sub-goal table) that holds one indicator."""
        the_plan = plan(region_id, plan_id)
        r = renderer()
        for block in the_plan.blocks((m.IndicatorTable, m.SubGoalTable)):
            rows = block.rows if isinstance(block, m.IndicatorTable) else [
                i for s in block.rows for i in s.indicators]
            if any(i.id == indicator_id for i in rows):
                return "\n\n".join(r.blocks([block], region(region_id), the_plan.footnotes, 3))
        raise LookupError(f"planen '{plan_id}' har ingen indikator '{indicator_id}'")

    @env.macro
    def paragraph(region_id: str, meeting_id: str, paragraph_id: str, level: int = 2) -> str:
        """One § of a set of minutes, whole."""
        the_meeting = meeting(region_id, meeting_id)
        found = the_meeting.paragraph(paragraph_id)
        if found is None:
            raise LookupError(f"protokollet '{meeting_id}' har ingen paragraf '{paragraph_id}'")
        return "\n\n".join(renderer().paragraph(the_meeting, found, level))
