"""Pickled files that only this user's own runs can have written.

Unpickling runs code, so the cache must never unpickle a file someone else could have
put there (a pull request could commit one, were the cache in the checkout). Each file
starts with an HMAC-SHA256 tag of the pickle after it, made with a secret key that only
this user holds (see cacheplace.py): a file whose tag does not verify is treated as
absent and never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
from pathlib import Path

_TAG_BYTES = hashlib.sha256().digest_size


class Seal:
    def __init__(self, key: bytes):
        self._key = key

    def _tag(self, data: bytes) -> bytes:
        return hmac.new(self._key, data, hashlib.sha256).digest()

    def write(self, path: Path, value) -> bytes:
        """Write `value` pickled, with its tag; the pickle's bytes."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes(path, self._tag(data) + data)
        return data

    def read(self, path: Path, absent):
        """The value in the file, or `absent` when there is none, or its tag does not verify."""
        try:
            with open(path, "rb") as f:
                sealed = f.read()
        except OSError:
            return absent
        tag, data = sealed[:_TAG_BYTES], sealed[_TAG_BYTES:]
        if len(tag) != _TAG_BYTES or not hmac.compare_digest(tag, self._tag(data)):
            return absent
        try:
            return pickle.loads(data)
        except Exception:  # noqa: BLE001 - our own file, of code since changed: as if absent
            return absent


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (another run may be reading it)."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder: validation works without one
