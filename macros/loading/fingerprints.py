"""Digests of data files, kept with each file's size and times so that a file not changed
since the last run is not read again to find its digest (as git's index does).

A file counts as unchanged only when its size, inode, modification and status-change
times (in nanoseconds) are all those recorded. A file changed shortly before its digest
was taken could change again within the same tick of a coarse file system clock without
any of them changing, so such a file is not recorded: it is read and hashed every run
until it is older. The index is a sealed file in the cache (sealed.py), and a file is read
as yamlfile reads it (regular.py): never through a link, and never past the size limit.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from . import regular
from .cache import digest
from .sealed import Seal
from .yamlfile import MAX_FILE_BYTES

_RACY_NS = 2_000_000_000  # the coarsest file system clock (FAT: 2 s)
_FORMAT = 1


class Fingerprints:
    def __init__(self, directory: Path, seal: Seal):
        self.file = directory / "fingerprints.pickle"
        self.seal = seal
        self.started = time.time_ns()
        form, self.known = seal.read(self.file, (None, {}))
        if form != _FORMAT:
            self.known = {}
        self.now: dict[str, tuple] = {}  # what is recorded for the next run
        self.taken: dict[str, bytes] = {}  # this run's digests: each file is read once a run

    def digest(self, path: Path) -> bytes:
        """The digest of the file's bytes (of a marker when it cannot be read)."""
        name = str(path)
        if name in self.taken:
            return self.taken[name]
        try:
            st = os.lstat(path)
        except OSError:
            return b"\0unreadable"
        stamp = (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
        known = self.known.get(name)
        if known is not None and known[0] == stamp:
            self.now[name] = known
        else:
            try:
                value = digest(regular.read(path, MAX_FILE_BYTES)).encode()
            except OSError:
                return b"\0unreadable"
            if self.started - max(st.st_mtime_ns, st.st_ctime_ns) > _RACY_NS:
                self.now[name] = (stamp, value)
            known = (stamp, value)
        self.taken[name] = known[1]
        return known[1]

    def found(self, paths: list[Path]) -> dict[str, tuple]:
        """What this process found of these files, for another to add (a forked worker's)."""
        return {name: (self.now.get(name), self.taken[name]) for name in map(str, paths)
                if name in self.taken}

    def add(self, found: dict[str, tuple]) -> None:
        for name, (recorded, value) in found.items():
            self.taken[name] = value
            if recorded is not None:
                self.now[name] = recorded

    def save(self) -> None:
        """Keep the digests of this run's files (of no others: deleted files drop out)."""
        self.seal.write(self.file, (_FORMAT, self.now))
