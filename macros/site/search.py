"""The search index, built while the pages are written instead of after the build.

Pagefind runs as a service (`pagefind --service`: its own process, so on the other core)
from the start of the build; every page is handed to it as MkDocs writes it, and the
HTML files written outside MkDocs' page loop (404.html, redirect pages) are added from
disk at the end, before the index is written. The index holds the same pages and
fragments as `pagefind --site` of the finished site; only the order of pages inside the
index files follows the build rather than the file names. Off by default
(OPPNA_SEARCH_STREAM=1 turns it on): the service keeps every page it was given in memory
until the index is written, about 0.8 MB a page (2.3 GB at 2 900 pages), where the
command line run once at the end stays far lower; the time it saves is a few seconds.

The protocol is Pagefind's own service protocol (base64 JSON messages ended by a comma),
spoken directly: the async client in the pagefind package polls for each answer with a
0.1 s sleep, a tenth of a second per page.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import threading
from pathlib import Path

from pagefind.service import get_executable


def streaming() -> bool:
    return os.environ.get("OPPNA_SEARCH_STREAM", "0") == "1"


class SearchError(Exception):
    pass


class StreamingIndex:
    def __init__(self, site_dir: str, exclude_selectors: list[str]):
        self.site_dir = Path(site_dir)
        self.added: set[str] = set()
        self.errors: list[str] = []
        self._next_id = 0
        self._answers: dict[int, dict] = {}
        self._answered = threading.Condition()
        self._process = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._reader = threading.Thread(target=self._read, name="pagefind", daemon=True)
        self._reader.start()
        answer = self._wait(self._send({"type": "NewIndex",
                                        "config": {"exclude_selectors": exclude_selectors}}))
        self.index_id = answer["index_id"]

    def _send(self, payload: dict) -> int:
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        self._process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        self._process.stdin.flush()
        return self._next_id

    def _read(self) -> None:
        buffer = b""
        stream = self._process.stdout
        while True:
            chunk = stream.read1(1 << 16)
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for raw in messages:
                if not raw.strip():
                    continue
                answer = json.loads(base64.b64decode(raw))
                payload = answer.get("payload") or {}
                if payload.get("type") == "Error":
                    self.errors.append(str(payload.get("message")))
                if payload.get("type") == "IndexedFile":
                    continue  # a page indexed: nobody waits for it
                with self._answered:
                    self._answers[answer.get("message_id") or 0] = payload
                    self._answered.notify_all()
        with self._answered:
            self._answered.notify_all()

    def _wait(self, message_id: int) -> dict:
        with self._answered:
            while message_id not in self._answers:
                if not self._reader.is_alive():
                    raise SearchError("Pagefind avslutades oväntat: " + "; ".join(self.errors))
                self._answered.wait(timeout=1)
            return self._answers.pop(message_id)

    def add(self, dest_uri: str, html: str) -> None:
        """A page as it is written (its path relative to the site); not waited for."""
        self.added.add(dest_uri)
        self._send({"type": "AddFile", "index_id": self.index_id, "file_path": dest_uri,
                    "url": None, "file_contents": html})

    def finish(self) -> None:
        """Add the HTML files not yet added, from disk, and write the index."""
        try:
            for path in sorted(self.site_dir.rglob("*.html")):
                relative = path.relative_to(self.site_dir).as_posix()
                if relative not in self.added and not relative.startswith("pagefind/"):
                    self.add(relative, path.read_text(encoding="utf-8"))
            answer = self._wait(self._send({"type": "WriteFiles", "index_id": self.index_id,
                                            "output_path": str(self.site_dir / "pagefind")}))
            if self.errors or answer.get("type") != "WriteFiles":
                raise SearchError("sökindexet kunde inte byggas:\n" + "\n".join(self.errors or [str(answer)]))
        finally:
            self.close()

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                self._process.stdin.close()
            except OSError:
                pass
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._reader.join(timeout=10)
