"""Work spread over forked processes, one per core: reading many files, making the open data.

Forked workers start with the parent's memory as it is (the model read so far), so a
task is sent nothing but its item; only its result is pickled back. The collector is
frozen meanwhile, so that a worker's garbage collection does not touch (and so copy)
all of that memory.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_TASK: Callable | None = None  # the task of the running imap(), as the forked workers see it


def processes() -> int:
    """Processes to work with: one per core this process may use; one with OPPNA_WORKERS=0
    (as for the build's own workers) or where there is no fork."""
    if os.environ.get("OPPNA_WORKERS") == "0" or not hasattr(os, "fork"):
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run(item):
    return _TASK(item)


def imap(task: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """task(item) for each item, in `workers` forked processes (here when fewer than two),
    the results in the items' order."""
    global _TASK
    items = list(items)
    if workers < 2 or len(items) < 2 or not hasattr(os, "fork"):
        yield from map(task, items)
        return
    _TASK = task
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(min(workers, len(items))) as pool:
            # One task at a time per worker: tasks differ in size, so the idle worker takes the next.
            yield from pool.imap(_run, items, chunksize=1)
    finally:
        gc.unfreeze()
        _TASK = None
