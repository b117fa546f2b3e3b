"""Web addresses given in the data (an original's `url`, a region's `geografi`).

They are published as links and as IRIs in the data catalogue, which refuses any character
outside those RFC 3986 allows ("{", "|", a space …), so every address is checked here as
strictly: http or https, a host, only RFC 3986's characters, each '%' starting a code.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional
from urllib.parse import quote, urlsplit

MAX_LENGTH = 2000  # characters; the longest address in the data has under 100

# The characters RFC 3986 allows in an address (unreserved, reserved and '%').
_ALLOWED = "A-Za-z0-9" + re.escape("-._~:/?#[]@!$&'()*+,;=%")
_OUTSIDE = re.compile(f"[^{_ALLOWED}]")
_STRAY_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")
_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?")
_SAFE = "-._~:/?#[]@!$&'()*+,;="


class Fault(NamedTuple):
    problem: str  # what is wrong, to follow "… är ingen giltig webbadress: "
    corrected: str  # the address as it should probably be written, or ""


def _named(char: str) -> str:
    return "ett mellanslag" if char == " " else f"tecknet '{char}'"


def _encoded(text: str) -> str:
    """The address with each character outside RFC 3986 written as its %-code, a backslash
    (typed for '/') as '/', and a host of letters such as 'å' in its ASCII form."""
    text = text.replace("\\", "/")
    scheme, _, rest = text.partition("://")
    host, slash, path = rest.partition("/")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return ""
    return f"{scheme}://{host}{slash}{quote(path, safe=_SAFE + '%')}"


def fault(text: str) -> Optional[Fault]:
    """What is wrong with a web address, or None when it is one."""
    if len(text) > MAX_LENGTH:
        return Fault(f"adressen är {len(text)} tecken lång (högst {MAX_LENGTH})", "")
    scheme, separator, _ = text.partition("://")
    if separator == "" or scheme.lower() not in ("http", "https"):
        corrected = f"https://{text}" if text.startswith("www.") else ""
        return Fault("den börjar inte med https:// eller http://", corrected)
    outside = _OUTSIDE.search(text)
    if outside:
        corrected = _encoded(text)
        return Fault(f"{_named(outside.group())} får inte stå i en webbadress",
                     corrected if not _OUTSIDE.search(corrected) and fault(corrected) is None else "")
    if _STRAY_PERCENT.search(text):
        return Fault("ett procenttecken (%) som inte följs av två siffror eller bokstäver A–F",
                     _STRAY_PERCENT.sub("%25", text))
    try:
        parts = urlsplit(text)
        parts.port  # (a port that is no number raises here)
    except ValueError:
        return Fault("värdnamnet efter // kan inte läsas (en hakparentes [ eller ] eller ett "
                     "portnummer efter : som inte stämmer)", "")
    if "@" in parts.netloc:
        return Fault("den innehåller ett användarnamn före @ (en länk i en plan behöver inget)",
                     text.replace(parts.netloc, parts.netloc.rpartition("@")[2], 1))
    if not parts.hostname or not (_HOST.fullmatch(parts.hostname) or parts.netloc.startswith("[")):
        return Fault("värdnamnet efter // saknas eller är inget värdnamn", "")
    return None
