"""A zip file that is the same, byte for byte, for the same content.

Names sorted, one fixed timestamp (1980-01-01, the earliest a zip can hold), fixed
permissions, no extra fields: building the site twice gives the same file, so a
changed zip means changed data.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_zip(target: Path, files: dict[str, Path]) -> None:
    """The zip of `files` (name in the zip → file on disk), one file in memory at a time."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.create_system = 3  # Unix, whatever system builds it
            archive.writestr(info, files[name].read_bytes(), compresslevel=9)
