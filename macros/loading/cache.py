"""A cache of read and checked plans and minutes, so that validating after one edit is quick.

A plan or minutes file that was read without a single error is kept, as its model,
in `.cache/oppna-planer/` next to data/ (gitignored), under a key made of:

- the file's bytes and its name,
- what reading it checks it against: the bytes of its region's file and indicator
  register, and (for a plan) of every minutes file of the region,
- the code that reads and checks (macros/loading, macros/model), the schemas in
  data/schema and the versions of Python and PyYAML.

Any change to one of those reads the file again, so a cached model is always the
one reading the file now would give. Files with errors are never cached (their
messages are made afresh), and the checks across files (ids used twice, references
checked after everything is read) run on every load. OPPNA_CACHE=0 turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

import yaml

_CODE = Path(__file__).resolve().parent.parent
VERSION = "1"


def enabled() -> bool:
    return os.environ.get("OPPNA_CACHE", "1") != "0"


def digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def code_version(schema_dir: Path) -> bytes:
    parts = [VERSION.encode(), sys.version.encode(), yaml.__version__.encode()]
    for folder in (_CODE / "loading", _CODE / "model"):
        for path in sorted(folder.glob("*.py")):
            parts += [path.name.encode(), path.read_bytes()]
    if schema_dir.is_dir():
        for path in sorted(schema_dir.rglob("*")):
            if path.is_file():
                parts += [path.name.encode(), path.read_bytes()]
    return digest(*parts).encode()


# The models of the last load in this process, by key: `mkdocs serve` loads again after
# an edit, and then reads only the changed files (and what depends on them) at all.
_MEMORY: dict[str, object] = {}


class Cache:
    def __init__(self, data_dir: Path, schema_dir: Path):
        self.directory = Path(data_dir).resolve().parent / ".cache" / "oppna-planer"
        self.version = code_version(schema_dir)
        self.used: dict[str, object] = {}

    def done(self) -> None:
        """Keep in memory what this load used, and only that."""
        _MEMORY.clear()
        _MEMORY.update(self.used)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def key(self, *parts: bytes) -> str:
        return digest(self.version, *parts)

    def has(self, key: str) -> bool:
        return key in _MEMORY or self._path(key).exists()

    def get(self, key: str):
        if key in _MEMORY:
            self.used[key] = _MEMORY[key]
            return _MEMORY[key]
        try:
            with open(self._path(key), "rb") as f:
                value = pickle.load(f)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
            return None
        self.used[key] = value
        return value

    def put(self, key: str, value) -> None:
        self.used[key] = value
        write_pickle(self._path(key), value)


def write_pickle(path: Path, value) -> None:
    """Write `value` to `path` whole or not at all (another run may be reading it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only checkout validates without a cache
