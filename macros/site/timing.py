"""Where a build spends its time, by phase: printed at the end of a build when the
environment variable OPPNA_TIMINGS is set (as one line `OPPNA_TIMINGS {json}` on stderr,
which tests/bench_national.py reads).

Phases are measured between MkDocs events (see hooks): they add up to the build's own
time; start-up (imports, reading mkdocs.yml) is the rest of the wall time.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from contextlib import contextmanager

ENABLED = bool(os.environ.get("OPPNA_TIMINGS"))

totals: dict[str, float] = defaultdict(float)
_marks: dict[str, float] = {}


def now() -> float:
    return time.perf_counter()


def add(phase: str, seconds: float) -> None:
    totals[phase] += seconds


@contextmanager
def phase(name: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        totals[name] += time.perf_counter() - started


def mark(name: str) -> None:
    _marks[name] = time.perf_counter()


def since(name: str) -> float:
    started = _marks.pop(name, None)
    return time.perf_counter() - started if started is not None else 0.0


def report(extra: dict | None = None) -> None:
    if not ENABLED:
        return
    values = {k: round(v, 3) for k, v in totals.items()}
    values.update(extra or {})
    print("OPPNA_TIMINGS " + json.dumps(values), file=sys.stderr, flush=True)
    totals.clear()
