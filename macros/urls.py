"""The site's URL scheme: every address derives from ids, never titles or positions.

    /<region>/                              region: bodies, plans, minutes, region-plan goals
    /<region>/#malomrade-<id>, #mal-<id>    a goal area / goal of the region plan
    /<region>/planer/<plan>/                a plan, whole, in the source's order
        #kapitel-<id> #malomrade-<id> #mal-<id> #delmal-<id>
        #indikator-<id> #uppdrag-<id> #tabell-<id> #bilaga-<id>
    /<region>/protokoll/<protokoll>/        minutes: attendance and every §
        #paragraf-<id>
    /<region>/indikatorer/                  the region's indicators
    /<region>/indikatorer/<indikator>/      one indicator: its history, status and chart
    /<region>/organ/<organ>/aktuell-plan/   forwards to the body's newest plan

Pages are generated as Markdown files at the matching source paths; with
`use_directory_urls` MkDocs turns `x/planer/y.md` into `x/planer/y/`.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

ANCHOR_PREFIX = {
    "kapitel": "kapitel",
    "malomrade": "malomrade",
    "mal": "mal",
    "delmal": "delmal",
    "indikator": "indikator",
    "uppdrag": "uppdrag",
    "tabell": "tabell",
    "bilaga": "bilaga",
    "paragraf": "paragraf",
    "malstruktur": "malstruktur",
}


# Addresses at the top of the site that are not regions: a region id must not take them.
RESERVED_TOP_LEVEL = frozenset({
    "om", "assets", "pagefind", "search", "katalog", "data", "andringar", "sitemap.xml",
    "404.html", "index.html", "robots.txt",
})


def anchor(kind: str, ident: str) -> str:
    return f"{ANCHOR_PREFIX[kind]}-{ident}"


def region_source(region_id: str) -> str:
    return f"{region_id}/index.md"


def plan_source(region_id: str, plan_id: str) -> str:
    return f"{region_id}/planer/{plan_id}.md"


def meeting_source(region_id: str, meeting_id: str) -> str:
    return f"{region_id}/protokoll/{meeting_id}.md"


def indicators_source(region_id: str) -> str:
    return f"{region_id}/indikatorer/index.md"


def indicator_source(region_id: str, indicator_id: str) -> str:
    return f"{region_id}/indikatorer/{indicator_id}.md"


# The hand-written page that states how a target is judged (see model/history.py).
RULES_SOURCE = "om/maluppfyllelse.md"


def current_plan_url(region_id: str, body_id: str) -> str:
    return f"{region_id}/organ/{body_id}/aktuell-plan/"


def url_of(source: str) -> str:
    """The directory URL (relative to the site root) of a generated source path."""
    if source == "index.md" or source.endswith("/index.md"):  # not "hse-overgripande-index.md"
        return source[: -len("index.md")]
    return source[: -len(".md")] + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link between two directory URLs (relative to the site root)."""
    return posixpath.relpath(to_url or ".", from_url or ".") + "/"


def relative(from_source: str, to_source: str, fragment: str = "") -> str:
    """A link from one page to another (and an anchor on it), relative as MkDocs writes them."""
    start = url_of(from_source) or "."
    target = url_of(to_source) or "./"
    link = posixpath.relpath(target, start)
    link = "./" if link == "." else link + "/"
    if from_source == to_source:
        link = ""
    return f"{link}#{fragment}" if fragment else (link or "./")


def slug(text: str) -> str:
    """An anchor part from a heading, for the sections of a § (which have no id of their own)."""
    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
