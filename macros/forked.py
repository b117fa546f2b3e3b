"""Work spread over forked processes, one per core: reading many files, making the open data,
and one task done in the background while the build goes on (the data catalogue).

Forked workers start with the parent's memory as it is (the model read so far), so a
task is sent nothing but its item; only its result is pickled back. The collector is
frozen meanwhile, so that a worker's garbage collection does not touch (and so copy)
all of that memory.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import traceback
from typing import Callable, Generic, Iterable, Iterator, TypeVar

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


class Later(Generic[R]):
    """task() in a forked process of its own while this process goes on; result() waits for
    it. Run here at once with fewer than two processes (or no fork). A plain fork and a pipe,
    not a multiprocessing pool: a pool's threads would live on in the build while it forks
    its other workers."""

    def __init__(self, task: Callable[[], R], processes: int):
        self._pid: int | None = None
        if processes < 2 or not hasattr(os, "fork"):
            self._done, self._value = True, task()
            return
        read, write = os.pipe()
        gc.freeze()  # as in imap(): the child's collections leave the shared memory alone
        pid = os.fork()
        if pid == 0:
            os.close(read)
            code = 1
            try:
                try:
                    outcome = (True, task())
                except BaseException:  # a fault in our code: shown by the build that waits for it
                    outcome = (False, traceback.format_exc())
                with os.fdopen(write, "wb") as out:
                    pickle.dump(outcome, out)
                code = 0 if outcome[0] else 1
            finally:
                os._exit(code)
        gc.unfreeze()
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> R:
        if self._pid is not None:
            with os.fdopen(self._read, "rb") as pipe:
                sent = pipe.read()
            os.waitpid(self._pid, 0)
            self._pid = None
            # (what our own forked child pickled, down a pipe only it and we hold: no file, so
            # nothing a pull request could have put there)
            self._done, self._value = pickle.loads(sent) if sent else (False, "it ended without a result")
        if not self._done:
            raise RuntimeError(f"work in the background failed:\n{self._value}")
        return self._value

    def cancel(self) -> None:
        """Stop the task if it still runs (the build that wanted it has failed)."""
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            os.close(self._read)
            self._pid = None
            self._done, self._value = False, "it was stopped"
