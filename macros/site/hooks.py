"""MkDocs hooks: check the data before anything is built, add the pages made from data.

A data error stops the build in on_config, before a single file is written,
with the Swedish messages of DataErrors and no traceback. Pages made from data
go straight from our templates to the theme: no Markdown pass and no macro
rendering, so their text is never read as Markdown or as a Jinja template.
The open-data files (macros/downloads) and the history of data/ are made in
on_config too, after validation, and join the build as generated files.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from macros import urls
from macros.downloads import build as build_downloads
from macros.loading import DataErrors
from macros.loading.changes import read_changes
from macros.rendering.pages import Published, plan_title
from macros.site import checks, opendata, pages, redirects

_state: dict = {}
log = logging.getLogger("mkdocs.hooks.oppna_planer")


def example_site_url(site_url: str | None) -> bool:
    """True while site_url is unset or still the placeholder of the example installation
    (any host under the reserved .example top-level domain)."""
    host = (urlparse(site_url or "").hostname or "").lower()
    return not host or host == "example" or host.endswith(".example")


def _warn_about_site_url(config) -> None:
    # INFO, not WARNING: the build is strict, so a WARNING would fail every build of the
    # example installation, the test suite's included. .ci/publish refuses the example
    # domain outright; the build only makes sure nobody can miss it.
    if not example_site_url(config.site_url):
        return
    line = "!" * 78
    log.info(line)
    log.info("VARNING: site_url i mkdocs.yml är %s, exempeldomänen.", config.site_url or "inte satt")
    log.info("Kopierade och utskrivna adresser pekar då på en webbplats som inte finns.")
    log.info("Sätt site_url till webbplatsens riktiga adress (se README.md, Installera) innan publicering.")
    log.info(line)


def on_config(config):
    _warn_about_site_url(config)
    project = Path(config.config_file_path).parent
    try:
        corpus = pages.load(project / "data")
    except DataErrors as errors:
        raise PluginError(str(errors)) from None
    errors = checks.check(corpus, config.extra, Path(config.docs_dir))
    if errors:
        raise PluginError("\n".join(errors))
    _state["corpus"] = corpus
    # Open data: made from the validated model here, before anything is written; the
    # files join the build in on_files, so a data error above publishes none of them.
    settings = opendata.settings(config, read_changes(project))
    downloads = build_downloads(corpus, settings)
    _state["downloads"] = downloads
    published = Published(downloads, settings.changelog, settings.licence, settings.licence_name)
    _state["generated"] = pages.generated_pages(corpus, published)
    # Pages that moved, from mkdocs.yml: extra.flyttade_sidor maps old address → new source file.
    _state["moved"] = config.extra.get("flyttade_sidor") or {}
    nav = list(config.nav or [])
    # Data-made sections go right after the start page; the rest of mkdocs.yml's nav follows.
    config.nav = nav[:1] + pages.navigation(corpus) + nav[1:]
    return config


def on_serve(server, config, builder):
    """`mkdocs serve` rebuilds when anything under data/ changes, not only docs/ and mkdocs.yml."""
    server.watch(str(Path(config.config_file_path).parent / "data"))
    return server


def on_files(files, config):
    for source in _state["generated"]:
        files.append(File.generated(config, source, content=""))
    for path, download in _state["downloads"].files.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} finns redan men skapas från data (öppna data); ta bort filen i docs/")
        files.append(File.generated(config, path, content=download.content))
    return files


def on_page_content(html, page, config, files):
    render = _state["generated"].get(page.file.src_uri)
    if render is None:
        return html  # a hand-written page: Markdown and macros as usual
    rendered = render()
    # Escaped once here; the theme writes titles as they are (and <title> is escaped in
    # overrides/main.html, since Material's `striptags` would undo the escaping).
    page.title = escape(rendered.title)
    page.toc = get_toc(_toc_tokens(rendered.toc))
    page.present_anchor_ids = rendered.anchors  # so that MkDocs can check links to them
    # For search results (overrides/main.html): which region, and what kind of document.
    page.meta["op_region"] = rendered.region
    page.meta["op_kind"] = rendered.kind
    return str(rendered.html)


def _toc_tokens(headings) -> list[dict]:
    """The flat list of headings as the nested tokens MkDocs' table of contents is made from."""
    root: list[dict] = []
    stack: list[dict] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": Markup(heading.title), "children": []}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


# Helpers that are not content: permalink signs, empty-cell labels for screen readers.
_NOT_INDEXED = ".headerlink, .op-permalink, .op-empty"


def on_post_build(config):
    _write_redirects(config)
    _index_for_search(config)


def _write_redirects(config) -> None:
    corpus = _state["corpus"]
    for address, plan in redirects.current_plans(corpus).items():
        target = urls.url_of(urls.plan_source(plan.region_id, plan.id))
        redirects.write(config.site_dir, address, target, plan_title(corpus, plan))
    for old, source in _state["moved"].items():
        redirects.write(config.site_dir, old.strip("/") + "/", urls.url_of(source), source)


def _index_for_search(config) -> None:
    """Index the built site with Pagefind: Swedish stemming, an index loaded in chunks."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent",
         "--exclude-selectors", _NOT_INDEXED],
        capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"sökindexet kunde inte byggas:\n{result.stdout}{result.stderr}")
