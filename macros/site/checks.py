"""Checks of the site's configuration against the data, run by `validate` and at the start
of every build alike, so that the two never disagree and a mistake writes nothing."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model import Corpus
from ..rendering.pages import Published
from . import pages, redirects


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` or `!ENV` tags; their values do not matter here."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Tolerant) or {}


def check(corpus: Corpus, extra: dict, docs_dir: Path) -> list[str]:
    """Swedish messages for every mistake in mkdocs.yml's `extra.flyttade_sidor` and every
    hand-written page in docs/ that a page made from data would overwrite."""
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
