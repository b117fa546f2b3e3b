"""A cache of read and checked plans and minutes, so that validating after one edit is quick.

A plan or minutes file that was read without a single error is kept, as its model, in
the user's cache outside the project (cacheplace.py), under a key made of:

- the file's bytes and its name,
- what reading it checks it against: the bytes of its region's file and indicator
  register, and (for a plan) of every minutes file of the region,
- the code that reads and checks (macros/loading, macros/model), the schemas in
  macros/schema and the versions of Python and PyYAML.

Any change to one of those reads the file again, so a cached model is always the
one reading the file now would give. Files with errors are never cached (their
messages are made afresh), and the checks across files (ids used twice, references
checked after everything is read) run on every load. OPPNA_CACHE=0 turns the cache off.
Every cache file is authenticated before it is unpickled (sealed.py).

The models are kept in one file per group (a part of a region's plans or minutes, see
corpus.py): a file per model made writing the cache of a national corpus (9 240 files)
cost a fifth of reading it. A group's file is written again when a load used other
models of it than it holds; every model in it stands under its own key, so a file
written by another run at the same time is as good as this run's.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from .cacheplace import Place

_CODE = Path(__file__).resolve().parent.parent
VERSION = "3"


def enabled() -> bool:
    return os.environ.get("OPPNA_CACHE", "1") != "0"


def digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def code_version() -> bytes:
    parts = [VERSION.encode(), sys.version.encode(), yaml.__version__.encode()]
    for folder, pattern in ((_CODE / "loading", "*.py"), (_CODE / "model", "*.py"),
                            (_CODE / "schema", "*.json")):
        for path in sorted(folder.glob(pattern)):
            parts += [path.name.encode(), path.read_bytes()]
    return digest(*parts).encode()


# The models of the last load in this process, by group and key, as their files hold them:
# `mkdocs serve` loads again after an edit, and then reads only the changed files (and what
# depends on them) at all.
_MEMORY: dict[str, dict[str, object]] = {}


class Cache:
    def __init__(self, place: Place):
        self.directory = place.directory
        self.seal = place.seal
        self.version = code_version()
        self.stored: dict[str, dict[str, object]] = {}  # group → the models its file holds
        self.used: dict[str, dict[str, object]] = {}  # group → the models this load used

    def done(self) -> None:
        """Keep in memory what this load used, and only that."""
        _MEMORY.clear()
        _MEMORY.update(self.used)

    def _path(self, group: str) -> Path:
        return self.directory / f"{digest(self.version, group.encode())}.pickle"

    def key(self, *parts: bytes) -> str:
        return digest(self.version, *parts)

    def _stored(self, group: str) -> dict[str, object]:
        if group not in self.stored:
            self.stored[group] = _MEMORY.get(group) or self.seal.read(self._path(group), {})
        return self.stored[group]

    def holds(self, group: str) -> bool:
        """Whether the group's file holds any model (none is there before the first run)."""
        return bool(self._stored(group))

    def has(self, group: str, key: str) -> bool:
        return key in self._stored(group)

    def get(self, group: str, key: str):
        value = self._stored(group).get(key)
        if value is not None:
            self.used.setdefault(group, {})[key] = value
        return value

    def put(self, group: str, key: str, value) -> None:
        self.used.setdefault(group, {})[key] = value

    def save(self, group: str) -> bytes | None:
        """Write the group's file when this load used other models of it than it holds;
        the bytes written, or None when the file was left as it was."""
        used = self.used.get(group, {})
        if used.keys() == self._stored(group).keys():
            return None
        data = self.seal.write(self._path(group), used)
        self.stored[group] = used
        return data

    def took(self, group: str, data: bytes) -> None:
        """Take the group's models from the bytes a forked worker wrote to its file (see save).
        Unpickled unsealed: they are what our own forked worker pickled and sent down its
        pipe, not read from a file."""
        self.stored[group] = pickle.loads(data)

    def forget(self, group: str) -> None:
        """Drop the group's models from this process (a forked worker done with its part)."""
        self.stored.pop(group, None)
        self.used.pop(group, None)
