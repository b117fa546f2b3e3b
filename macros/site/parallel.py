"""Rendering pages made from data on the second core while MkDocs writes pages on the first.

A forked worker process (it shares the loaded corpus with the build, copy-on-write)
renders the pages ahead, in the order MkDocs will write them, while the build runs the
theme, which takes longer; the build renders a page itself only where MkDocs asks for
one out of that order. Rendering is deterministic and does not depend on what was rendered before, so the
pages are the same whichever process rendered them. OPPNA_WORKERS sets the number of
worker processes (0: none; by default one when the machine has two cores or more).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from multiprocessing.pool import AsyncResult
from typing import Callable

_PAGES: dict[str, Callable] = {}  # what the forked worker renders from


def workers() -> int:
    chosen = os.environ.get("OPPNA_WORKERS")
    if chosen is not None:
        return max(0, int(chosen))
    return 1 if (os.cpu_count() or 1) >= 2 and hasattr(os, "fork") else 0


def _render(source: str):
    return source, _PAGES[source].render()


class Prerender:
    # Pages the worker may render ahead of the build: it is faster than the build, and an
    # unbounded lead kept the HTML of thousands of pages waiting in memory.
    AHEAD = 32

    def __init__(self, generated: dict, order: list[str], processes: int):
        global _PAGES
        _PAGES = generated
        self.generated = generated
        self.queue = deque(order)
        self.theirs = set(self.queue)
        self.pending: dict[str, AsyncResult] = {}
        self.pool = multiprocessing.get_context("fork").Pool(processes)
        self._submit()

    def _submit(self) -> None:
        while self.queue and len(self.pending) < self.AHEAD:
            source = self.queue.popleft()
            self.pending[source] = self.pool.apply_async(_render, (source,))

    def render(self, source: str):
        if source in self.theirs:
            self.theirs.discard(source)
            while source not in self.pending and self.queue:
                # MkDocs writes in another order than was foreseen: render the skipped pages here.
                skipped = self.queue.popleft()
                self.pending[skipped] = None
            result = self.pending.pop(source, None)
            self._submit()
            if result is not None:
                return result.get()[1]
        return self.generated[source].render()

    def close(self) -> None:
        global _PAGES
        self.pool.terminate()
        self.pool.join()
        _PAGES = {}
