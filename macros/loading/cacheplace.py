"""Where the validation cache lives, and the secret key that authenticates its files.

Never inside the project, where a pull request could put files:
`${XDG_CACHE_HOME:-~/.cache}/oppna-planer/` (or the folder OPPNA_CACHE_DIR names) holds
the key and a folder per project, named by a digest of the project's resolved path. A
cache folder that lies inside the project is refused: the cache is then off, and one
INFO line says why. The key is made by `secrets` on first use, readable by this user
only (0600); a key file that is anything else is not trusted, and the cache is off.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from .cache import digest
from .sealed import Seal

log = logging.getLogger("mkdocs.plugins.oppna_planer")

_KEY_FILE = "key"
_KEY_BYTES = 32


@dataclass(frozen=True)
class Place:
    directory: Path  # this project's cache files
    seal: Seal  # with this user's key


def root() -> Path:
    """The folder that holds every project's cache and the key."""
    chosen = os.environ.get("OPPNA_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "")
    # (the XDG specification: a relative path is invalid and is ignored)
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "oppna-planer"


def find(project: Path) -> Place | None:
    """The project's cache, or None (with an INFO line) when it cannot be had safely."""
    try:
        project, top = Path(project).resolve(), root().resolve()
    except (OSError, RuntimeError) as error:  # no home folder
        log.info("Valideringens cache används inte: ingen cachemapp (%s).", error)
        return None
    if top.is_relative_to(project):
        log.info("Valideringens cache används inte: cachemappen %s ligger i projektet, där en pull "
                 "request kan lägga filer. Sätt OPPNA_CACHE_DIR till en mapp utanför projektet.", top)
        return None
    try:
        key = _key(top)
    except OSError as error:
        log.info("Valideringens cache används inte: nyckeln %s kunde inte läsas eller skapas, eller "
                 "får läsas av andra (%s).", top / _KEY_FILE, error.strerror or error)
        return None
    return Place(top / digest(str(project).encode())[:16], Seal(key))


def _key(top: Path) -> bytes:
    path = top / _KEY_FILE
    with contextlib.suppress(FileNotFoundError):
        return _read_key(path)
    top.mkdir(mode=0o700, parents=True, exist_ok=True)
    made = top / f"{_KEY_FILE}.{os.getpid()}.tmp"
    fd = os.open(made, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(_KEY_BYTES))
        # A link is made whole and only where no key is: a run started at the same time
        # that made its key first keeps it, and this run takes that one.
        with contextlib.suppress(FileExistsError):
            os.link(made, path)
    finally:
        os.unlink(made)
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if (not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077):
            raise PermissionError("nyckeln är inte en fil som bara du får läsa")
        key = f.read(_KEY_BYTES + 1)
    if len(key) != _KEY_BYTES:
        raise PermissionError("nyckeln har fel längd")
    return key
