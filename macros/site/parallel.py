"""Rendering pages made from data on the second core while MkDocs writes pages on the first.

A forked worker process (it shares the loaded corpus with the build, copy-on-write)
renders a share of the pages ahead, in the order MkDocs will write them; the build
renders the rest itself, and also runs the theme, so the worker takes the larger share.
Rendering is deterministic and does not depend on what was rendered before, so the
pages are the same whichever process rendered them. OPPNA_WORKERS sets the number of
worker processes (0: none; by default one when the machine has two cores or more).
"""

from __future__ import annotations

import multiprocessing
import os
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
    # Of every 5 pages in writing order, the worker renders 3 (the build also runs the theme).
    SHARE = (3, 5)

    def __init__(self, generated: dict, order: list[str], processes: int):
        global _PAGES
        _PAGES = generated
        self.generated = generated
        share, out_of = self.SHARE
        theirs = [s for i, s in enumerate(order) if i % out_of < share]
        self.theirs = set(theirs)
        self.received: dict[str, object] = {}
        self.pool = multiprocessing.get_context("fork").Pool(processes)
        self.results = self.pool.imap(_render, theirs, chunksize=2)

    def render(self, source: str):
        if source in self.theirs:
            self.theirs.discard(source)
            while source not in self.received:
                try:
                    done, page = next(self.results)
                except StopIteration:
                    break
                self.received[done] = page
            if source in self.received:
                return self.received.pop(source)
        return self.generated[source].render()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()
