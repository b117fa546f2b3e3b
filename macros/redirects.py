"""Redirect pages: a board's "current plan" address, and addresses of pages that moved.

A static host has no server-side redirects we can rely on, so each old address
gets a small HTML page that forwards at once (keeping the #anchor), and that
also works without JavaScript through meta refresh and a plain link.
"""

from __future__ import annotations

import html
from pathlib import Path

from . import urls
from .model import Corpus, Plan


def current_plans(corpus: Corpus) -> dict[str, Plan]:
    """Address of each board's "current plan" → its newest plan."""
    newest: dict[tuple[str, str], Plan] = {}
    for plan in corpus.plans():
        key = (plan.region_id, plan.body_id)
        if key not in newest or (plan.period.end, plan.period.start) > (newest[key].period.end,
                                                                        newest[key].period.start):
            newest[key] = plan
    return {urls.current_plan_url(region, body): plan for (region, body), plan in newest.items()}


def page(from_url: str, to_url: str, title: str) -> str:
    target = html.escape(urls.relative_url(from_url, to_url), quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="sv"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f'<meta http-equiv="refresh" content="0; url={target}">'
        f'<link rel="canonical" href="{target}">'
        '<meta name="robots" content="noindex">'
        f"<script>location.replace({target!r} + location.hash)</script>"
        "</head><body>"
        f'<main><p>Sidan finns på <a href="{target}">{html.escape(title)}</a>.</p></main>'
        "</body></html>\n"
    )


def write(site_dir: str, from_url: str, to_url: str, title: str) -> None:
    path = Path(site_dir) / from_url / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page(from_url, to_url, title), encoding="utf-8")
