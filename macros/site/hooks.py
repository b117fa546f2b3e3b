"""MkDocs hooks: check the data before anything is built, add the pages made from data.

A data error stops the build in on_config, before a single file is written,
with the Swedish messages of DataErrors and no traceback. Pages made from data
go straight from our templates to the theme: no Markdown pass and no macro
rendering, so their text is never read as Markdown or as a Jinja template.
The open-data files (macros/downloads) and the history of data/ are made in
on_config too, after validation, and join the build as generated files.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import gc
import hashlib
import logging
import os
import tempfile
import types
from pathlib import Path
from urllib.parse import urlparse

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs.utils import copy_file

from macros import forked, urls
from macros.downloads import FileStore, remake_regions
from macros.downloads import build as build_downloads
from macros.loading import DataErrors
from macros.loading.changes import read_changes
from macros.rendering.pages import Published, plan_title
from macros.site import checks, opendata, pages, parallel, redirects, sandbox, searchindex, timing

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


def on_startup(command, dirty):
    _state["dirty_serve"] = command == "serve" and dirty
    _state["serving"] = command == "serve"


def on_serve(server, config, builder):
    """Edits in data/ rebuild the site (with --dirty, only the pages of the edited region)."""
    server.watch(str(Path(config.config_file_path).parent / "data"))
    return server


def on_config(config):
    timing.mark("build")
    _warn_about_site_url(config)
    if "macros" in config.plugins:  # (its on_config has run: hooks come after plugins)
        sandbox.sandbox(config.plugins["macros"], config)
    project = Path(config.config_file_path).parent
    data_dir = project / "data"
    try:
        with timing.phase("loading and validation"):
            corpus = pages.load(data_dir)
    except DataErrors as errors:
        raise PluginError(str(errors)) from None
    with timing.phase("checks of docs/ and mkdocs.yml"):
        errors = checks.check(corpus, config.extra, Path(config.docs_dir))
    if errors:
        raise PluginError("\n".join(errors))
    _state["corpus"] = corpus
    _state["regions"] = set(corpus.regions)
    _state["part"] = _part(config, corpus)
    _state["quick"] = False
    changed = pages.changed_regions(data_dir) if _state.get("dirty_serve") else None
    if changed is not None and _state["part"] is None and _state.get("store") is not None:
        # `mkdocs serve --dirty` after an edit: only the pages and open data of the regions
        # whose data changed are made and written again; the rest stay as the last build made them.
        _state["part"] = changed & _state["regions"]
        _state["quick"] = True
    # Open data: made from the validated model here, before anything is written; the
    # files join the build in on_files, so a data error above publishes none of them.
    with timing.phase("open data (downloads, catalogue)"):
        settings = opendata.settings(config, read_changes(project))
        if _state["quick"]:
            downloads = remake_regions(_state["downloads"], corpus, settings, _state["store"], _state["part"])
        else:
            # Written to a folder of their own as they are made (MkDocs copies them into
            # the site), since at national scale they do not fit in the build's memory.
            _remove_store()
            _state["store"] = FileStore(Path(tempfile.mkdtemp(prefix="oppna-planer-data-")))
            downloads = build_downloads(corpus, settings, _state["store"], forked.processes())
    _state["downloads"] = downloads
    published = Published(downloads, settings.changelog, settings.licence, settings.licence_name)
    if not _state.get("serving"):
        # The corpus lives as long as the build: keep the cyclic garbage collector from
        # walking it again at every full collection while pages are rendered (which made
        # rendering grow faster than the page count). Not in `mkdocs serve`, where each
        # rebuild's corpus must be freed.
        gc.collect()
        gc.freeze()
    _state["generated"] = pages.generated_pages(corpus, published)
    _state["pages"] = len(_state["generated"])
    _state["shown_before"] = _state.get("shown", {})
    _state["shown"] = pages.titles_in_navigation(corpus, _state["generated"]) if _state.get("dirty_serve") else {}
    _state["writes"] = None
    _state["written"] = 0  # pages written by this build (OPPNA_TIMINGS)
    _state.setdefault("fingerprints", {})
    # Pages that moved, from mkdocs.yml: extra.flyttade_sidor maps old address → new source file.
    _state["moved"] = config.extra.get("flyttade_sidor") or {}
    nav = list(config.nav or [])
    # Data-made sections go right after the start page; the rest of mkdocs.yml's nav follows.
    config.nav = nav[:1] + pages.navigation(corpus) + nav[1:]
    return config


def _part(config, corpus) -> set[str] | None:
    """The regions this build writes pages for (OPPNA_REGION=a,b or extra.bygg_regioner),
    or None for all. Every region's pages stay in the navigation and the sitemap, so that
    the parts of a per-region build are the same files a whole build writes."""
    chosen = os.environ.get("OPPNA_REGION") or config.extra.get("bygg_regioner") or ""
    ids = {i.strip() for i in (chosen if isinstance(chosen, list) else chosen.split(",")) if i.strip()}
    if not ids:
        return None
    unknown = sorted(ids - set(corpus.regions))
    if unknown:
        raise PluginError(f"OPPNA_REGION: regionen {', '.join(repr(u) for u in unknown)} finns inte")
    return ids


def _in_part(source: str) -> bool:
    """In this build's part: a page of one of its regions, or a site-wide page (changes,
    catalogue, open data: outside every region's folder), which every part writes."""
    part = _state["part"]
    return part is None or _site_wide(source) or source.split("/", 1)[0] in part


def _site_wide(source: str) -> bool:
    """A page outside every region's folder (changes, catalogue, open data)."""
    return source.split("/", 1)[0] not in _state["regions"]


def _written(source: str) -> bool:
    """Whether this build writes the page: in a quick rebuild of `serve --dirty`, whether its
    content or the navigation it shows changed; otherwise, whether it is in the part."""
    writes = _state["writes"]
    return source in writes if writes is not None else _in_part(source)


def _fingerprint(source: str, rendered) -> bytes:
    """What a page's file is made of besides the theme: its title, HTML and the other
    titles its navigation shows."""
    made = _state["generated"][source]
    return hashlib.blake2b(repr((made.title, str(rendered.html), _state["shown"].get(source))).encode(),
                           digest_size=16).digest()


def on_files(files, config):
    for source in _state["generated"]:
        files.append(File.generated(config, source, content=""))
    for path, download in _state["downloads"].files.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} finns redan men skapas från data (öppna data); ta bort filen i docs/")
        files.append(File.generated(config, path, abs_src_path=str(download.stored)))
    if _state["quick"]:
        with timing.phase("rendering (our templates)"):
            _find_changed(files)
    if _state["part"] is not None:
        _quiet_skipped_pages()
    return files


def _find_changed(files) -> None:
    """A quick rebuild (`serve --dirty` after an edit) renders, on every core, the pages that
    may have changed: the edited regions', the site-wide ones, and any whose navigation
    titles changed. MkDocs then reads and writes only those whose fingerprint changed, after
    a typical edit a few dozen, and leaves every other page as the last build wrote it.
    Hand-written pages are always made again: their macros may show data."""
    generated, shown, shown_before = _state["generated"], _state["shown"], _state["shown_before"]
    candidates = [source for source in generated
                  if _in_part(source) or shown.get(source) != shown_before.get(source)]
    # The site-wide pages first: at national scale the open-data page alone takes a second,
    # which a worker spends while the other renders the regions' pages.
    candidates.sort(key=_site_wide, reverse=True)
    _state["ready"], _state["writes"] = {}, set()
    for source, fingerprint, rendered in forked.imap(_rendered_if_changed, candidates, forked.processes()):
        _state["fingerprints"][source] = fingerprint
        if rendered is not None:
            _state["writes"].add(source)
            # Kept for the theme, up to a hundred pages' HTML (after a region's new name
            # every page changes): the rest are rendered again as they are written.
            if len(_state["ready"]) < _KEPT:
                _state["ready"][source] = rendered
    for file in files.documentation_pages():
        if file.src_uri not in generated:
            file.is_modified = _always
        elif file.src_uri not in _state["writes"]:
            file.is_modified = _never


_KEPT = 100  # pages; a typical edit at national scale changes about 80


def _always() -> bool:
    return True


def _never() -> bool:
    return False


def _rendered_if_changed(source: str):
    """(source, fingerprint, the rendered page if its fingerprint changed, else None)."""
    rendered = _state["generated"][source].render()
    fingerprint = _fingerprint(source, rendered)
    return source, fingerprint, rendered if _state["fingerprints"].get(source) != fingerprint else None


def on_nav(nav, config, files):
    """In a quick rebuild MkDocs reads only the pages that changed, but the navigation of
    those shows other pages' titles: those are given here. Only to pages that are not read:
    on a page MkDocs reads, mkdocs-macros would evaluate a title holding "{{" as Jinja, so
    those get theirs after it has run (on_page_markdown)."""
    if _state["quick"]:
        generated = _state["generated"]
        for source in generated.keys() - _state["writes"]:
            page = files.get_file_from_path(source).page
            if page is not None:  # None: not in the navigation, so no other page shows its title
                page.title = escape(generated[source].title)
    return nav


class _SkippedPages(logging.Filter):
    def filter(self, record) -> bool:
        return not str(record.msg).startswith("Page skipped:")


def _quiet_skipped_pages() -> None:
    """Pages of regions outside this build's part are not written (an empty page is not);
    MkDocs would say so once per page."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _SkippedPages) for f in logger.filters):
        logger.addFilter(_SkippedPages())


def _search_enabled() -> bool:
    return os.environ.get("OPPNA_SEARCH", "1") != "0"


def on_build_error(error):
    _close_prerender()
    downloads = _state.get("downloads")
    if downloads is not None and downloads.catalogue_files is not None:
        downloads.catalogue_files.cancel()
    _remove_store()


@event_priority(100)
def on_pre_page(page, config, files):
    if timing.ENABLED:
        timing.mark("page")
    return page


def _no_markdown(page, config, files) -> None:
    """Page.render for a page made from data: there is no Markdown to convert."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    if timing.ENABLED:
        timing.add("reading, mkdocs-macros", timing.since("page"))
        timing.mark("markdown")
    made = _state["generated"].get(page.file.src_uri)
    if made is None:
        return markdown  # a hand-written page: Markdown and macros as usual
    # Pages made from data go straight from our templates to the theme: no Markdown pass.
    # Their title is known now (for the navigation of every other page); their HTML is
    # rendered when the page is written (on_page_context), so that only one page's HTML
    # is in memory at a time.
    # Escaped once here; the theme writes titles as they are (and <title> is escaped in
    # overrides/main.html, since Material's `striptags` would undo the escaping).
    page.title = escape(made.title)
    page.render = types.MethodType(_no_markdown, page)
    return markdown


@event_priority(100)
def on_page_content(html, page, config, files):
    if timing.ENABLED:
        timing.add("markdown", timing.since("markdown"))
    return html


@event_priority(-100)
def on_page_context(context, page, config, nav):
    made = _state["generated"].get(page.file.src_uri)
    if made is not None and _written(page.file.src_uri):
        if page.file.src_uri == urls.CATALOGUE_SOURCE:
            _wait_for_catalogue()  # the page lists its files
        with timing.phase("rendering (our templates)"):
            rendered = _state["ready"].pop(page.file.src_uri, None) or _render(page.file.src_uri)
        if _state.get("dirty_serve") and not _state["quick"]:  # (a quick rebuild has them: _find_changed)
            _state["fingerprints"][page.file.src_uri] = _fingerprint(page.file.src_uri, rendered)
        page.content = str(rendered.html)
        page.toc = get_toc(_toc_tokens(rendered.toc))
        page.present_anchor_ids = rendered.anchors  # so that MkDocs can check links to them
        # For search results (overrides/main.html): which region, and what kind of document.
        page.meta["op_region"] = rendered.region
        page.meta["op_kind"] = rendered.kind
    if timing.ENABLED:
        timing.mark("theme")
    return context


@event_priority(100)
def on_post_page(output, page, config):
    if timing.ENABLED:
        timing.add("theme templates (Material)", timing.since("theme"))
    if page.file.src_uri in _state["generated"]:
        # Written: its HTML and table of contents need not stay in memory (the anchors do,
        # for MkDocs' check of links after the build).
        page.content = None
        page.toc = get_toc([])
        if not _written(page.file.src_uri):
            return ""  # another region's part: MkDocs writes no file for an empty page
    _state["written"] += 1
    return output


def _render(source: str):
    prerender = _state.get("prerender")
    return prerender.render(source) if prerender else _state["generated"][source].render()


def on_env(env, config, files):
    """Pages are about to be written: start the worker that renders pages ahead, and in a
    per-region build let the theme skip other regions' pages."""
    _close_prerender()
    # The search script merges one Pagefind bundle per region (see _index_for_search); every
    # region, not only this part's, since the parts are merged into one site.
    env.globals["op_search_regions"] = sorted(_state["regions"])
    if _state["quick"]:
        return env  # the pages to write are rendered (on_files), and the others are not built
    # Not the catalogue page: it waits for the catalogue, made in the background, and so is
    # rendered here, among the last pages (the site-wide pages come after the regions').
    order = [f.src_uri for f in files.documentation_pages()
             if f.src_uri in _state["generated"] and _in_part(f.src_uri) and f.src_uri != urls.CATALOGUE_SOURCE]
    if parallel.workers():
        _state["prerender"] = parallel.Prerender(_state["generated"], order, parallel.workers())
    _state["ready"] = {}
    if _state.get("part") is None:
        return env
    from jinja2 import Template

    empty = Template("")
    get_template = env.get_template

    def template_for(name, *args, **kwargs):
        page = getattr(config, "_current_page", None)
        if page is not None and page.file.src_uri in _state["generated"] and not _written(page.file.src_uri):
            return empty
        return get_template(name, *args, **kwargs)

    env.get_template = template_for
    return env


def _close_prerender() -> None:
    prerender = _state.pop("prerender", None)
    if prerender is not None:
        prerender.close()


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


def _remove_store() -> None:
    store = _state.pop("store", None)
    if store is not None:
        store.remove()


def on_shutdown():
    _wait_for_indexing()
    _remove_store()


def on_post_build(config):
    _close_prerender()
    if not _state["quick"]:  # (a quick rebuild leaves the last build's catalogue in the site)
        for download in _wait_for_catalogue():
            copy_file(str(download.stored), str(Path(config.site_dir) / download.path))
    if not _state.get("dirty_serve"):
        _remove_store()  # MkDocs copied the other open-data files before it wrote the pages
    with timing.phase("redirects"):
        _write_redirects(config)
    if not _state.get("serving"):
        _release_model()
    if timing.ENABLED:
        _state["rss_at_search"] = searchindex.process_memory() // 2**20
    if _search_enabled():
        with timing.phase("search index (Pagefind)"):
            _index_for_search(config)
    if timing.ENABLED:
        import resource

        search = _state.pop("pagefind", None) or searchindex.Result()
        timing.report({"build (from on_config)": round(timing.since("build"), 3),
                       "pages": _state["pages"],
                       "pages written": _state["written"],
                       "peak RSS of the build, MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                       "peak RSS of one Pagefind run, MB": search.peak // 2**20,
                       "Pagefind runs at once, at most": search.most_at_once,
                       "RSS of the build while Pagefind runs, MB": _state.get("rss_at_search", 0),
                       # Forked workers count the memory they share with the build as theirs.
                       "peak RSS of the largest child process, MB":
                           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024})


def _wait_for_catalogue() -> list:
    """The catalogue's files (katalog.ttl, .rdf): made in the background since on_config, while
    the pages were written; MkDocs does not know them, so they are copied in on_post_build."""
    with timing.phase("waiting for the catalogue (made in the background)"):
        return _state["downloads"].catalogue


def _release_model() -> None:
    """Every page is written: free the model before Pagefind runs (it needs as much memory
    again), and hand the freed memory back to the system (glibc keeps it otherwise)."""
    for key in ("corpus", "generated", "downloads", "ready"):
        _state.pop(key, None)
    pages.forget()
    gc.unfreeze()
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: the memory is freed all the same, only kept by the process


def _write_redirects(config) -> None:
    corpus = _state["corpus"]
    for address, plan in redirects.current_plans(corpus).items():
        if not _in_part(urls.plan_source(plan.region_id, plan.id)):
            continue
        target = urls.url_of(urls.plan_source(plan.region_id, plan.id))
        redirects.write(config.site_dir, address, target, plan_title(corpus, plan))
    for old, source in _state["moved"].items():
        redirects.write(config.site_dir, old.strip("/") + "/", urls.url_of(source), source)


def _index_for_search(config) -> None:
    """Index the built site (see searchindex): every region's bundle and the site-wide one; a
    per-region part its own regions' bundles and the site-wide one (the same in every part),
    so that merged parts need no Pagefind run; a quick rebuild (serve --dirty) only those of
    the regions it wrote again, in the background."""
    _wait_for_indexing()
    site = Path(config.site_dir)
    regions = _state["regions"]
    written = regions if _state["part"] is None else _state["part"]
    runs = searchindex.runs_for(site, regions, written, site_wide=not _state["quick"])
    if _state["quick"]:
        # The preview shows the edit at once; the edited regions' search catches up a few
        # seconds later, in the background (waited for before the next rebuild indexes).
        _state["indexing"] = concurrent.futures.ThreadPoolExecutor(1).submit(
            searchindex.run, site, runs, forked.processes())
        return
    result = searchindex.run(site, runs, forked.processes())
    _state["pagefind"] = result
    if result.failure:
        raise PluginError(f"sökindexet kunde inte byggas:\n{result.failure}")


def _wait_for_indexing() -> None:
    indexing = _state.pop("indexing", None)
    if indexing is not None and indexing.result().failure:
        log.warning("sökindexet för förhandsvisningen kunde inte byggas om; sök kan visa den förra "
                    "versionen:\n%s", indexing.result().failure)
