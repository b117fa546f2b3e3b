"""The Jinja2 environment that turns the model into HTML.

Autoescaping is on for every template, so a value from data is always text:
a forgotten escape is impossible by construction. Only the filters below mark
their output safe, and each of them is code of ours (Markdown sanitised by
`text`, numbers and dates formatted by `formatting`). Data never reaches Jinja
as template source: templates are files in `templates/`, and data only ever
arrives as the values they are given.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import urls
from . import formatting, text

TEMPLATES = Path(__file__).parent / "templates"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt variable fails the build instead of vanishing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=["jinja2.ext.do"],
        # Templates are part of the code, not edited while a build runs: no check of each
        # file's time every time a template is used (a hundred per page).
        auto_reload=False,
    )
    env.filters.update(
        markdown=text.block,
        inline=text.inline,
        plain=text.plain,
        number=formatting.number,
        quantity=formatting.quantity,
        signed=formatting.signed_quantity,
        date=formatting.date_text,
        dates=formatting.date_range_text,
        period=formatting.period,
        filesize=formatting.file_size,
    )
    env.globals.update(anchor=urls.anchor, part_anchor=urls.part_anchor, footnote_part=urls.footnote_part,
                       paragraph_parts=urls.PARAGRAPH_PARTS, slug=urls.slug, changes_source=urls.CHANGES_SOURCE,
                       open_data_source=urls.OPEN_DATA_SOURCE, catalogue_source=urls.CATALOGUE_SOURCE)
    return env


ENV = _environment()


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)
