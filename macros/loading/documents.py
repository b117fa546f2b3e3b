"""What plans and minutes share about the document itself: its original and its last change."""

from __future__ import annotations

import re
from typing import Optional
from urllib.parse import urlsplit

from .. import model as m
from .reading import Fields, describe

# An address a reader can open: http or https, a host, no spaces or quotes.
_URL = re.compile(r"^https?://[^\s\"'<>]+$")


def valid_url(text: str) -> bool:
    if not _URL.match(text):
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def parse_original(doc: Fields) -> Optional[m.Original]:
    """`original: {titel, url, diarienummer}`: the adopted document, by address, diarium entry or both."""
    original = doc.sub("original", required=False)
    if original is None:
        return None
    original.check("common#original")
    title = original.text("titel", True)
    url = original.text("url")
    if url and not valid_url(url):
        original.error("url", "'url' är ingen webbadress", found=describe(url),
                       expected="en adress som börjar med https:// eller http://, till exempel "
                                "https://www.regionvasternorrland.se/…/verksamhetsplan.pdf")
        url = ""
    case_number = original.text("diarienummer")
    if not original.has("url") and not original.has("diarienummer"):
        original.error(None, "originalet saknar både 'url' och 'diarienummer'",
                       expected="'url:' (dokumentets webbadress), 'diarienummer:' eller båda")
    return m.Original(title, url, case_number) if title else None


def parse_changed(doc: Fields) -> str:
    """`ändrad: "ÅÅÅÅ-MM-DD"`: shown where the repository's history cannot say."""
    return doc.date("ändrad")
