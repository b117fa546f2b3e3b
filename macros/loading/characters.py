"""Characters that no plan text needs, and that hide or change what a text says.

Control characters make the catalogue ill-formed XML, bidirectional overrides show a
region's name reversed, zero-width characters make two equal words differ, and a lone
surrogate (written as an escape, "\\ud800") cannot be written to any file. Plan text is
typed or pasted from Word, a PDF or the web, and needs none of them; tab and line break
are text, and so are the soft hyphen and the no-break spaces that Swedish text uses.
YAML's reader refuses control characters in a file itself; the rest are looked for in the
file's text once, and in each text in double quotes once more, since an escape there
("\\x01", "\\u202e") makes any character.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .errors import code_point

# Every format character (Unicode category Cf) but the soft hyphen U+00AD, grouped.
_FORMAT = ("\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
           "\u200b-\u200f\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"
           "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
           "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
_DIRECTION = "\u202a-\u202e\u2066-\u2069"
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # tab, line feed and carriage return are text
_NONCHARACTER = "\ufdd0-\ufdef" + "".join(f"{chr(plane + 0xfffe)}{chr(plane + 0xffff)}"
                                           for plane in range(0, 0x110000, 0x10000))
_SURROGATE = "\ud800-\udfff"
_HIDDEN_BREAKS = "\u2028\u2029\x85"  # line breaks to YAML, not to an editor

# In the file as read (YAML's reader refuses its control characters; a carriage return ends a
# line there, as in a Windows file), and in a text once read, where YAML has made every line
# break a line feed.
IN_FILE = re.compile(f"[{_FORMAT}{_DIRECTION}{_NONCHARACTER}{_HIDDEN_BREAKS}]")
IN_TEXT = re.compile(f"[\r{_CONTROL}{_FORMAT}{_DIRECTION}{_NONCHARACTER}{_SURROGATE}{_HIDDEN_BREAKS}]")


class _Found(Exception):
    def __init__(self, position: int):
        super().__init__(position)
        self.position = position


def _beyond_latin1(error: UnicodeEncodeError):
    found = IN_FILE.search(error.object, error.start, error.end)
    if found:
        raise _Found(found.start())
    return b"", error.end


codecs.register_error("oppna-planer-refused-characters", _beyond_latin1)


def refused_in_file(text: str) -> int:
    """Where the first refused character stands in a file's text, or -1.

    Every refused character but U+0085 lies beyond Latin-1, and beyond Latin-1 a plan has
    only a dash or a quotation mark in about 2 500 characters. Encoding the text as Latin-1
    runs in C at memory speed and hands each run of other characters to the search: four
    times faster than searching the whole text (0,8 s instead of 3,2 s in 325 MB)."""
    line_break = text.find("\x85")
    try:
        text.encode("latin-1", "oppna-planer-refused-characters")
    except _Found as found:
        return min(found.position, line_break) if line_break >= 0 else found.position
    return line_break


def named(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': the code point, and the character's name if it has one."""
    name = unicodedata.name(char, "")
    return f"{code_point(char)} {name}" if name else code_point(char)


# What each kind of character is, and what to write instead.
_KINDS = [(re.compile(f"[{chars}]"), kind, instead) for chars, kind, instead in (
    (_HIDDEN_BREAKS, "en osynlig radbrytning",
     "ett mellanslag eller en vanlig radbrytning i stället för tecknet"),
    (_SURROGATE, "en halv teckenkod (en ensam surrogat, som inte är något tecken)",
     "tecknet självt, till exempel 😀, i stället för koderna"),
    (_NONCHARACTER, "ett icke-tecken", "ta bort tecknet"),
    (_DIRECTION, "ett osynligt tecken som vänder textens läsriktning",
     "ta bort tecknet; texten visas då i den ordning den är skriven"),
    (_FORMAT, "ett osynligt tecken",
     "ta bort tecknet (det syns inte, men gör att ord som ser lika ut skiljer sig)"),
    (f"\r{_CONTROL}", "ett styrtecken", "ta bort tecknet; är det rätt fil, sparad som text (UTF-8)?"),
)]


def refusal(char: str, escaped: bool) -> tuple[str, str]:
    """(problem, expected) for a refused character; `escaped` when it was written as a code
    ("\\u202e") in a text in double quotes."""
    kind, instead = next((kind, instead) for pattern, kind, instead in _KINDS if pattern.match(char))
    if escaped:
        return (f"texten innehåller koden för {kind} ({named(char)})",
                instead if "\ud800" <= char <= "\udfff" else
                "ta bort koden för tecknet (den börjar med \\) ur texten")
    if kind == "ett styrtecken":
        return f"filen innehåller ett styrtecken ({named(char)}) som inte hör hemma i en text", instead
    return f"texten innehåller {kind} ({named(char)}, ofta inklistrat från Word, en pdf eller webben)", instead
