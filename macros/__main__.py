"""Command line: `python -m macros validate [data-dir]` checks everything a build checks,
without building: all data, and mkdocs.yml's moved pages and docs/ against the data."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from pathlib import Path

from .loading import DataErrors, load_corpus
from .forked import processes

USAGE = "Användning: python -m macros validate [mapp med data, standard: data]"


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "validate" or len(argv) > 2:
        print(USAGE, file=sys.stderr)
        return 2
    data_dir = Path(argv[1]) if len(argv) == 2 else Path("data")
    _show_notes()
    started = time.perf_counter()
    try:
        corpus = load_corpus(data_dir, processes())
    except DataErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    problems = _project_problems(corpus, data_dir.resolve().parent)
    if problems:
        print("Inställningarna i mkdocs.yml eller sidorna i docs/ innehåller fel; webbplatsen byggs "
              "inte.\n\n" + "\n".join(problems), file=sys.stderr)
        return 1
    plans = sum(1 for _ in corpus.plans())
    meetings = sum(1 for _ in corpus.meetings())
    elapsed = time.perf_counter() - started
    print(f"Data är giltiga: {len(corpus.regions)} regioner, {plans} planer, "
          f"{meetings} protokoll ({elapsed:.2f} s).")
    return 0


def _show_notes() -> None:
    """The INFO lines the build shows (why the cache is off …) on stderr, as MkDocs would."""
    notes = logging.getLogger("mkdocs.plugins.oppna_planer")
    if not notes.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("INFO    -  %(message)s"))
        notes.addHandler(handler)
        notes.setLevel(logging.INFO)


def _project_problems(corpus, project: Path) -> list[str]:
    """The build's own checks of mkdocs.yml and docs/, when the data sits in a project."""
    config_file = project / "mkdocs.yml"
    if not config_file.is_file():
        return []
    from .site import checks  # the MkDocs adapter's checks; only needed inside a project

    config = checks.read_config(config_file)
    docs_dir = project / config.get("docs_dir", "docs")
    return checks.check(corpus, config.get("extra") or {}, docs_dir)


def run(argv: list[str]) -> None:
    """main() as a short-lived command: with the cyclic collector off (each collection would
    walk the whole loaded corpus, and it holds no cycles worth freeing) and, once the result
    is printed, an exit that leaves freeing the corpus (about 1 GB at national scale) to the
    operating system."""
    gc.disable()
    code = main(argv)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run(sys.argv[1:])
