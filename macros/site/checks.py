"""Checks of the site's configuration against the data, run by `validate` and at the start
of every build alike, so that the two never disagree and a mistake writes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from ..loading import regular
from ..model import Corpus
from ..rendering.pages import Published
from . import pages, redirects


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` or `!ENV` tags; their values do not matter here."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Tolerant) or {}


def unreadable_entries(docs_dir: Path) -> list[str]:
    """Swedish messages for every entry in docs/ that is not a regular file or a real folder.
    MkDocs follows links and would copy what a link points at (/etc/passwd, a file elsewhere
    on the CI machine) into the site, and read a device or a FIFO for ever."""
    said = regular.kind(docs_dir)
    if said == regular.FOLDER:
        found = regular.walk(docs_dir)
    elif os.path.lexists(docs_dir):
        found = [(docs_dir, said)]
    else:
        return []  # MkDocs says so itself
    return [f"{_shown(path, docs_dir)} är {said} och läses inte; {regular.what_to_do(said)}"
            for path, said in found if said != regular.FILE]


def _shown(path: Path, docs_dir: Path) -> str:
    return "/".join(("docs", *path.relative_to(docs_dir).parts))


def check(corpus: Corpus, extra: dict, docs_dir: Path) -> list[str]:
    """Swedish messages for every entry of docs/ that is not a file or a folder (and then
    nothing else is looked at), every mistake in mkdocs.yml's `extra.flyttade_sidor` and
    every hand-written page in docs/ that a page made from data would overwrite."""
    unreadable = unreadable_entries(docs_dir)
    if unreadable:
        return unreadable
    # Every page the build makes, the site-wide ones (Öppna data, Ändringar …) included;
    # none is rendered here.
    generated = set(pages.generated_pages(corpus, Published()))
    errors = redirects.check_moved(extra.get("flyttade_sidor") or {}, docs_dir, generated,
                                   set(redirects.current_plans(corpus)))
    for source in sorted(generated):
        if (docs_dir / source).exists():
            errors.append(f"docs/{source} finns redan men skapas från data; ta bort filen i docs/")
    for region_id in corpus.regions:
        if (docs_dir / region_id).is_dir():
            errors.append(f"mappen docs/{region_id}/ har samma adress som regionen '{region_id}' "
                          f"(/{region_id}/); byt namn på mappen")
    return errors
