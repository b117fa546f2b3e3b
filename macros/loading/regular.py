"""Only regular files and real folders inside the project are read.

A pull request can carry a symbolic link (to /etc/passwd, to a file elsewhere on the CI
machine, to a folder), a device (/dev/zero never ends) or a FIFO (opening it waits for
ever). None of them is ever followed or opened: what an entry is comes from os.lstat,
which looks at the entry itself, and a file is opened with O_NOFOLLOW | O_NONBLOCK and
checked again on what was opened, so an entry swapped for a link between the two is
refused as well.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator

FILE, FOLDER = "file", "folder"
UNLISTED = "en mapp som inte kunde läsas"

# What an entry that is neither is, as a message says it (by its lstat type).
_KINDS = (
    (stat.S_ISLNK, "en symbolisk länk (en genväg till en annan fil eller mapp)"),
    (stat.S_ISFIFO, "en namngiven pipe (FIFO)"),
    (stat.S_ISCHR, "en enhetsfil"),
    (stat.S_ISBLK, "en enhetsfil"),
    (stat.S_ISSOCK, "en socket"),
)


def kind(path: Path) -> str:
    """FILE, FOLDER, or in Swedish what else the entry is; never follows a link."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return "en fil som inte kunde läsas"
    if stat.S_ISREG(mode):
        return FILE
    if stat.S_ISDIR(mode):
        return FOLDER
    return next((said for test, said in _KINDS if test(mode)), "inte en vanlig fil")


def walk(directory: Path) -> Iterator[tuple[Path, str]]:
    """(path, kind) of every entry under a folder but its folders (a folder that cannot be
    listed is given as UNLISTED), in order, links never followed; a loop, not recursion,
    since nothing bounds how deep folders nest."""
    stack = [directory]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            yield folder, UNLISTED
            continue
        for path in entries:
            said = kind(path)
            if said == FOLDER:
                stack.append(path)
            else:
                yield path, said


def what_to_do(said: str) -> str:
    """What an editor does about an entry that is neither a file nor a folder."""
    if said.startswith("en symbolisk länk"):
        return ("ersätt länken med själva filen (eller mappen): kopiera in innehållet; "
                "länkar följs inte")
    return "ta bort den och spara en vanlig fil i stället"


class NotRegular(OSError):
    """What was to be read is not a regular file (said in Swedish, as kind() says it)."""


class TooLarge(OSError):
    def __init__(self, size: int):
        super().__init__(f"{size} bytes")
        self.size = size


def read(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Raises NotRegular for anything
    else (never opening a link, never waiting on a FIFO or reading a device), TooLarge, or
    OSError."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        said = kind(path)
        if said not in (FILE, FOLDER):  # ELOOP for a link, ENXIO for a socket …
            raise NotRegular(said) from None
        raise error
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            said = "en mapp" if stat.S_ISDIR(st.st_mode) else kind(path)
            raise NotRegular(said if said != FILE else "inte en vanlig fil")
        if st.st_size > limit:
            raise TooLarge(st.st_size)
        data = f.read(limit + 1)  # (a file that grows while it is read stops at the limit)
    if len(data) > limit:
        raise TooLarge(len(data))
    return data
