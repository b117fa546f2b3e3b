"""Redirect pages: a board's "current plan" address, and addresses of pages that moved.

A static host has no server-side redirects we can rely on, so each old address
gets a small HTML page that forwards at once (keeping the #anchor), and that
also works without JavaScript through meta refresh and a plain link.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from .. import urls
from ..model import Corpus, Plan
from ..rendering.environment import render


def current_plans(corpus: Corpus) -> dict[str, Plan]:
    """Address of each board's "current plan" → its newest plan."""
    newest: dict[tuple[str, str], Plan] = {}
    for plan in corpus.plans():
        key = (plan.region_id, plan.body_id)
        if key not in newest or (plan.period.end, plan.period.start) > (newest[key].period.end,
                                                                        newest[key].period.start):
            newest[key] = plan
    return {urls.current_plan_url(region, body): plan for (region, body), plan in newest.items()}


def check_moved(moved: dict, docs_dir: Path, generated: set[str], taken: set[str]) -> list[str]:
    """Mistakes in extra.flyttade_sidor: an old address outside the site or on a page that
    exists (or on another address in `taken`), or a new source file that does not exist. Swedish messages, one per mistake."""
    errors = []
    pages = {urls.url_of(source) for source in generated}
    pages |= {urls.url_of(p.relative_to(docs_dir).as_posix()) for p in docs_dir.rglob("*.md")}
    pages |= taken
    for old, source in moved.items():
        where = f"mkdocs.yml, extra.flyttade_sidor: '{old}'"
        address = posixpath.normpath(str(old).strip("/")) + "/"
        if not isinstance(old, str) or str(old).startswith(("/", "\\")) or ".." in str(old).split("/") \
                or "\\" in str(old) or address in ("./", "/"):
            errors.append(f"{where} ligger utanför webbplatsen; skriv en adress inom den, "
                          "till exempel 'om/adresser/'")
        elif address in pages:
            errors.append(f"{where} är adressen till en sida som finns; en vidarebefordran skulle "
                          "ersätta sidan. Ta bort raden eller ange den gamla adressen")
        if not isinstance(source, str) or (not (docs_dir / source).is_file() and source not in generated):
            errors.append(f"{where} pekar på '{source}', som inte finns; ange sidans källfil i docs/, "
                          "till exempel om/webbadresser.md")
    return errors


def write(site_dir: str, from_url: str, to_url: str, title: str) -> None:
    path = Path(site_dir) / from_url / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render("redirect.html", target=urls.relative_url(from_url, to_url), title=title),
                    encoding="utf-8")
