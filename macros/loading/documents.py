"""What plans and minutes share about the document itself: its original and its last change."""

from __future__ import annotations

from typing import Optional

from .. import model as m
from .addresses import fault
from .reading import Fields, describe

def parse_original(doc: Fields) -> Optional[m.Original]:
    """`original: {titel, url, diarienummer}`: the adopted document, by address, diarium entry or both."""
    original = doc.sub("original", required=False)
    if original is None:
        return None
    original.check("common#original")
    title = original.text("titel", True)
    url = original.text("url")
    wrong = fault(url) if url else None
    if wrong:
        original.error("url", f"'url' är ingen giltig webbadress: {wrong.problem}", found=describe(url),
                       expected=wrong.corrected or "en adress som börjar med https:// eller http://, till "
                                "exempel https://www.regionvasternorrland.se/…/verksamhetsplan.pdf")
        url = ""
    case_number = original.text("diarienummer")
    if not original.has("url") and not original.has("diarienummer"):
        original.error(None, "originalet saknar både 'url' och 'diarienummer'",
                       expected="'url:' (dokumentets webbadress), 'diarienummer:' eller båda")
    return m.Original(title, url, case_number) if title else None


def parse_changed(doc: Fields) -> str:
    """`ändrad: "ÅÅÅÅ-MM-DD"`: shown where the repository's history cannot say."""
    return doc.date("ändrad")
