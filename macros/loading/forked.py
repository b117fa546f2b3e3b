"""Work spread over forked processes, for reading many files on every core.

Forked workers start with the parent's memory as it is (the regions, the minutes already
read), so a task needs no arguments beyond its index; only its result is pickled back.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterator

_TASK: Callable | None = None  # the task of the running imap(), as the forked workers see it


def processes() -> int:
    """Processes to read with: one per core this process may use; one with OPPNA_WORKERS=0
    (as for the build's own workers) or where there is no fork."""
    if os.environ.get("OPPNA_WORKERS") == "0" or not hasattr(os, "fork"):
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run(index: int):
    return _TASK(index)


def imap(task: Callable[[int], object], count: int, workers: int) -> Iterator:
    """task(0) … task(count - 1) in `workers` forked processes, the results in that order."""
    global _TASK
    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # One task at a time per worker: tasks differ in size, so the idle worker takes the next.
            yield from pool.imap(_run, range(count), chunksize=1)
    finally:
        _TASK = None
