"""Öppna planer: from YAML in data/ to a static site and its open data, in five layers.

    loading/    reading and validating data/      → model.Corpus, or Swedish DataErrors
    model/      the domain model (plain Python)    regions, plans, indicators, minutes
    rendering/  HTML from Jinja2 templates          autoescaped; Markdown fields sanitised
    downloads/  open data from the model            CSV, JSON, data package, DCAT-AP-SE catalogue
    site/       the MkDocs adapter                  hooks, generated pages and files, navigation, redirects

This module is also mkdocs-macros' entry point (`module_name: macros`): the
macros below let a hand-written page in docs/ embed a piece of the corpus, for
example {{ indicator_table("vasternorrland", "hsn-verksamhetsplan-2024-2026",
"kariesfria-6-aringar") }}. An unknown id raises, and with `on_error_fail: true`
the build fails instead of publishing.
"""

from __future__ import annotations

from pathlib import Path


def define_env(env):
    from . import model as m
    from .rendering import pages
    from .site.pages import load

    def corpus() -> m.Corpus:
        return load(Path(env.conf.config_file_path).parent / "data")

    def here() -> str:
        return env.page.file.src_uri

    def plan(region_id: str, plan_id: str) -> m.Plan:
        found = corpus().plan(region_id, plan_id)
        if found is None:
            raise LookupError(f"planen '{plan_id}' finns inte i data/planer/{region_id}/")
        return found

    def meeting(region_id: str, meeting_id: str) -> m.Meeting:
        found = corpus().meeting(region_id, meeting_id)
        if found is None:
            raise LookupError(f"protokollet '{meeting_id}' finns inte i data/protokoll/{region_id}/")
        return found

    @env.macro
    def region_list() -> str:
        return pages.region_list(corpus(), here())

    @env.macro
    def document_list() -> str:
        """Every plan and set of minutes with what it is, as its data says (status, decision)."""
        return pages.document_list(corpus(), here())

    @env.macro
    def plan_goal(region_id: str, plan_id: str, goal_id: str, level: int = 2) -> str:
        """One goal (or goal area) of a plan, with its text, indicators and commitments."""
        the_plan = plan(region_id, plan_id)
        chapter = the_plan.chapter(goal_id)
        if chapter is None:
            raise LookupError(f"planen '{plan_id}' har inget mål eller kapitel med id '{goal_id}'")
        return pages.chapter(corpus(), here(), the_plan, chapter, level)

    @env.macro
    def indicator_table(region_id: str, plan_id: str, indicator_id: str) -> str:
        """The table (indicator or sub-goal table) that holds one indicator."""
        the_plan = plan(region_id, plan_id)
        table = the_plan.table_of(indicator_id)
        if table is None:
            raise LookupError(f"planen '{plan_id}' har ingen indikator '{indicator_id}'")
        return pages.blocks(corpus(), here(), the_plan, [table], 3)

    @env.macro
    def paragraph(region_id: str, meeting_id: str, paragraph_id: str, level: int = 2) -> str:
        """One § of a set of minutes, whole."""
        the_meeting = meeting(region_id, meeting_id)
        found = the_meeting.paragraph(paragraph_id)
        if found is None:
            raise LookupError(f"protokollet '{meeting_id}' har ingen paragraf '{paragraph_id}'")
        return pages.paragraph(corpus(), here(), the_meeting, found, level)
