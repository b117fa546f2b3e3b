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

Open data (macros/downloads), at addresses made the same way:

    /data/                                  the "Öppna data" page: every file listed
    /data/<region>/planer/<plan>/<fil>      a plan's files: plan.json, indikatorer.csv,
                                            tabeller.csv, atgarder.csv, uppdrag.csv
    /data/<region>/protokoll/<protokoll>/<fil>   minutes: protokoll.json, beslut.csv
    /data/oppna-planer.json                 everything, one JSON file
    /data/oppna-planer-csv.zip              every CSV and datapackage.json, one zip
    /data/datapackage.json                  Frictionless Data Package of every CSV
    /data/schema/<namn>.json                JSON Schemas of the JSON files
    /katalog/                               the catalogue page; katalog.ttl, katalog.rdf (DCAT-AP-SE)
    /andringar/                             the latest changes to the published data
    /pagefind/, /pagefind/<region>/         the search bundles: the site-wide pages', each region's

Pages are generated as Markdown files at the matching source paths; with
`use_directory_urls` MkDocs turns `x/planer/y.md` into `x/planer/y/`.

No id may take an address the site makes itself (see `RESERVED_REGION_IDS`,
`RESERVED_PAGE_IDS`, and `part_anchor` for anchors made from an id and a suffix).
Every other anchor made from an id starts with its kind's prefix (`ANCHOR_PREFIX`), and
no fixed anchor of a page (#sidrubrik, #planer, #paragrafer, #justering, #fotnot-<n>,
#diagram-<n>-titel …, or the theme's #__search, #top …) starts with one, so those
cannot collide.
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


def anchor(kind: str, ident: str) -> str:
    return f"{ANCHOR_PREFIX[kind]}-{ident}"


# The parts of a § with an anchor of their own, besides its sections (whose anchors are
# made from their headings by `slug`), and their headings.
PARAGRAPH_PARTS = {"beslutsunderlag": "Beslutsunderlag", "overlaggningar": "Överläggningar",
                   "yrkanden": "Yrkanden", "noteras": "Noteras till protokollet"}


def part_anchor(kind: str, ident: str, part: str) -> str:
    """The anchor of a part of an item: `paragraf-p92-beslutsunderlag`, `tabell-t1-fotnot-2`.
    Another item of the kind on the page must not have the id `p92-beslutsunderlag`."""
    return f"{anchor(kind, ident)}-{part}"


def footnote_part(number: str) -> str:
    """A table's footnote, as a part of the table (see part_anchor)."""
    return f"fotnot-{number}"


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


# --- open data, the catalogue and the changes page ----------------------------------

DATA_DIR = "data"
SITE_JSON = "data/oppna-planer.json"
CSV_ZIP = "data/oppna-planer-csv.zip"
DATA_PACKAGE = "data/datapackage.json"
CATALOGUE_TURTLE = "katalog/katalog.ttl"
CATALOGUE_RDFXML = "katalog/katalog.rdf"
OPEN_DATA_SOURCE = "data/index.md"
CATALOGUE_SOURCE = "katalog/index.md"
CHANGES_SOURCE = "andringar/index.md"

SCHEMA_FOLDER = "schema"
SCHEMA_DIR = f"{DATA_DIR}/{SCHEMA_FOLDER}"  # the JSON Schemas of the JSON files
SEARCH_DIR = "pagefind"  # the site-wide search bundle; a region's is SEARCH_DIR/<region>/
SEARCH_BUNDLE_FOLDERS = ("fragment", "index", "filter")  # what Pagefind writes into every bundle


def _top(path: str) -> str:
    return path.split("/")[0]


# Words a region id cannot be, each with the address of the site's own that the region
# would take: the region's page is /<id>/ beside the site's own folders (hand-written ones
# in docs/ are checked against the data by site/checks.py), its open data /data/<id>/
# beside the JSON Schemas, and its search bundle /pagefind/<id>/ beside the folders of the
# site-wide bundle (which the region's would replace).
RESERVED_REGION_IDS = {
    "om": "/om/", "assets": "/assets/", "search": "/search/",
    **{folder: f"/{folder}/" for folder in (DATA_DIR, _top(CATALOGUE_SOURCE), _top(CHANGES_SOURCE), SEARCH_DIR)},
    SCHEMA_FOLDER: f"/{SCHEMA_DIR}/",
    **{folder: f"/{SEARCH_DIR}/{folder}/" for folder in SEARCH_BUNDLE_FOLDERS},
}

# Words the id of a page in a folder of its kind (plan, minutes, indicator) cannot be:
# <folder>/index.md is the folder's own page (/x/indikatorer/, the indicator overview).
RESERVED_PAGE_IDS = frozenset({"index"})


def plan_data(region_id: str, plan_id: str, name: str) -> str:
    return f"{DATA_DIR}/{region_id}/planer/{plan_id}/{name}"


def meeting_data(region_id: str, meeting_id: str, name: str) -> str:
    return f"{DATA_DIR}/{region_id}/protokoll/{meeting_id}/{name}"


def json_schema(name: str) -> str:
    return f"{SCHEMA_DIR}/{name}.json"


def relative_file(from_source: str, path: str) -> str:
    """A link from a page to a file of the site (a path relative to the site root)."""
    return posixpath.relpath(path, url_of(from_source) or ".")


def absolute(site_url: str, path: str) -> str:
    """The full address of a page URL or file path (relative to the site root)."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")
