"""Command line: `python -m macros validate [data-dir]` checks all data without building."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .loading import load_corpus
from .loading import DataErrors

USAGE = "Användning: python -m macros validate [mapp med data, standard: data]"


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "validate" or len(argv) > 2:
        print(USAGE, file=sys.stderr)
        return 2
    data_dir = Path(argv[1]) if len(argv) == 2 else Path("data")
    started = time.perf_counter()
    try:
        corpus = load_corpus(data_dir)
    except DataErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    plans = sum(1 for _ in corpus.plans())
    meetings = sum(1 for _ in corpus.meetings())
    elapsed = time.perf_counter() - started
    print(f"Data är giltiga: {len(corpus.regions)} regioner, {plans} planer, "
          f"{meetings} protokoll ({elapsed:.2f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
