"""Where the made files go: a folder on disk, not memory.

A national site's open data (every plan and set of minutes as JSON and CSV, the
whole site in one JSON file, the zip) is larger than the memory a build may use,
so each file is written out as it is made and only its address, size and place on
disk are kept. The MkDocs adapter copies the files into the site and removes the
folder after the build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .publication import Download


class FileStore:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def target(self, path: str) -> Path:
        """Where the file for site path `path` is written (its folder made)."""
        target = self.directory / path
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def saved(self, path: str, title: str, format: str, media_type: str, description: str = "") -> Download:
        """The download of a file already written to `target(path)`."""
        stored = self.directory / path
        return Download(path, title, format, media_type, stored.stat().st_size, description, stored)

    def save(self, path: str, title: str, format: str, media_type: str, content: bytes,
             description: str = "") -> Download:
        target = self.target(path)
        # Written only when its bytes change: after an edit in a preview (serve --dirty) the
        # region's files are made again, and a file left as it was keeps its time, so that
        # MkDocs does not copy it into the site again.
        if not _holds(target, content):
            target.write_bytes(content)
        return self.saved(path, title, format, media_type, description)

    def remove(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


def _holds(target: Path, content: bytes) -> bool:
    try:
        return target.stat().st_size == len(content) and target.read_bytes() == content
    except FileNotFoundError:
        return False
