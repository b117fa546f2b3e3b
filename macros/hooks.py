"""MkDocs hooks: validate data before anything is built, add generated pages and navigation.

A data error stops the build here, in on_config, before a single file is
written, with the Swedish messages of DataErrors and no traceback.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from macros import redirects, site, urls
from macros.errors import DataErrors

_state: dict = {}


def on_config(config):
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        corpus = site.load(data_dir)
    except DataErrors as errors:
        raise PluginError(str(errors)) from None
    _state["corpus"] = corpus
    _state["moved"] = _moved_pages(config, corpus)
    nav = list(config.nav or [])
    # Data-made sections go right after the start page; the rest of mkdocs.yml's nav follows.
    config.nav = nav[:1] + site.navigation(corpus) + nav[1:]
    return config


def on_files(files, config):
    for source, content in site.generated_pages(_state["corpus"]).items():
        if files.get_file_from_path(source) is not None:
            raise PluginError(f"docs/{source} finns redan men skapas från data; ta bort filen i docs/")
        files.append(File.generated(config, source, content=content))
    return files


# Helpers that are not content: permalink signs, empty-cell labels for screen readers.
_NOT_INDEXED = ".headerlink, .op-permalink, .op-empty"


def on_post_build(config):
    _write_redirects(config)
    _index_for_search(config)


def _write_redirects(config) -> None:
    corpus = _state["corpus"]
    for address, plan in redirects.current_plans(corpus).items():
        target = urls.url_of(urls.plan_source(plan.region_id, plan.id))
        body = corpus.regions[plan.region_id].bodies[plan.body_id]
        redirects.write(config.site_dir, address, target, f"{body.name}: {plan.title}")
    for old, source in _state["moved"].items():
        redirects.write(config.site_dir, old.strip("/") + "/", urls.url_of(source), source)


def _moved_pages(config, corpus) -> dict[str, str]:
    """Pages that moved, from mkdocs.yml: extra.flyttade_sidor maps old address → new source
    file. Checked here, before the build writes anything, so a wrong entry publishes nothing."""
    moved = config.extra.get("flyttade_sidor") or {}
    generated = site.generated_pages(corpus)
    for old, source in moved.items():
        if not (Path(config.docs_dir) / source).is_file() and source not in generated:
            raise PluginError(f"flyttade_sidor: '{old}' pekar på '{source}', som inte finns")
    return moved


def _index_for_search(config) -> None:
    """Index the built site with Pagefind: Swedish stemming, an index loaded in chunks."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent",
         "--exclude-selectors", _NOT_INDEXED],
        capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"sökindexet kunde inte byggas:\n{result.stdout}{result.stderr}")
