"""Open-data work on several cores: forked processes that share the loaded model.

The model is read by the children as it lies in memory (copy-on-write), so nothing is
sent to them but the item to work on; each writes its files into the store and sends
back their descriptions, which are small. The collector is frozen meanwhile, so that a
child's garbage collection does not touch (and so copy) the whole model.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from typing import Callable, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_FUNCTION: Callable | None = None  # what the children run, set before they are forked


def _call(item):
    return _FUNCTION(item)


def map_forked(function: Callable[[T], R], items: list[T], processes: int) -> list[R]:
    """[function(item) for item in items], in `processes` forked processes when more than one."""
    global _FUNCTION
    if processes < 2 or len(items) < 2 or not hasattr(os, "fork"):
        return [function(item) for item in items]
    _FUNCTION = function
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(min(processes, len(items))) as pool:
            return pool.map(_call, items, chunksize=1)
    finally:
        gc.unfreeze()
        _FUNCTION = None
