"""Data errors, worded for the people who edit the YAML files."""

from __future__ import annotations

import difflib
import re
import unicodedata


class DataError(Exception):
    """One mistake in the data: where it is, what is wrong, what was expected."""

    def __init__(self, location, problem: str, *, place: str = "", found: str = "",
                 expected: str = "", suggestion: str = ""):
        super().__init__(problem)
        self.location = location
        self.problem = problem
        self.place = place
        self.found = found
        self.expected = expected
        self.suggestion = suggestion

    def __reduce__(self):
        # Exception pickles only its message; errors come back from forked readers whole.
        return type(self), (self.location, self.problem), self.__dict__

    def __str__(self) -> str:
        # Each part on one line of its own: a value from the data (or a file's name) with a
        # line break in it could otherwise start a line of the CI log, such as "::error …".
        loc = self.location
        head = f"{one_line(loc.file)}, rad {loc.line}, kolumn {loc.column}"
        lines = [f"{head}: {one_line(self.problem)}"]
        if self.place:
            lines.append(f"  plats: {one_line(self.place)}")
        if self.found:
            lines.append(f"  hittade: {one_line(self.found, MAX_FOUND)}")
        if self.expected:
            lines.append(f"  förväntade: {one_line(self.expected)}")
        if self.suggestion:
            lines.append(f"  {one_line(self.suggestion)}")
        return "\n".join(lines)


class DataErrors(Exception):
    """All mistakes found in one run, reported together."""

    def __init__(self, errors: list[DataError]):
        super().__init__(f"{len(errors)} fel i data")
        self.errors = sorted(errors, key=lambda e: (e.location.file, e.location.line,
                                                    e.location.column))

    def __str__(self) -> str:
        body = "\n\n".join(str(e) for e in self.errors)
        return f"Data i data/ innehåller {len(self.errors)} fel; webbplatsen byggs inte.\n\n{body}"


MAX_FOUND = 200  # characters of a value shown after "hittade:"
MAX_SHOWN = 100  # characters of a key or an id quoted in a message
MAX_PART = 2000  # characters of any other part of a message (a place 40 levels deep has about as many)

# Line breaks and control characters, which no part of a message may hold as they are.
_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def code_point(char: str) -> str:
    """'U+202E', as Unicode names a character."""
    return f"U+{ord(char):04X}"


def _spelt(char: str) -> str:
    return "[radbrytning]" if char == "\n" else f"[osynligt tecken {code_point(char)}]"


def one_line(text: str, limit: int = MAX_PART) -> str:
    """Text shortened to `limit` characters, with its line breaks and control characters spelt out."""
    return _BREAKING.sub(lambda found: _spelt(found.group()), shortened(text, limit))


def shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def visible(text) -> str:
    """Text as a message shows it: invisible characters (zero-width or no-break spaces, pasted
    from Word), line breaks and control characters spelt out, so that 'rubrik' and 'rubrik' +
    a zero-width space do not look alike and the message stays on its line."""
    return "".join(_spelt(c) if c != " " and unicodedata.category(c) in _INVISIBLE else c
                   for c in shortened(str(text), MAX_SHOWN))


_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Zs", "Zl", "Zp"))


def closest(word, candidates) -> str:
    """The candidate most like a misspelt key or id, or ''."""
    word, names = str(word), [str(c) for c in candidates]
    # Two letters typed in the wrong order ("p29" for "p92") is the commonest slip, and
    # difflib scores it no better than any other near miss.
    for name in names:
        if len(name) == len(word) and sorted(name) == sorted(word):
            differ = [i for i, (a, b) in enumerate(zip(name, word)) if a != b]
            if len(differ) == 2 and differ[1] == differ[0] + 1:
                return name
    match = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return match[0] if match else ""


def did_you_mean(word, candidates) -> str:
    """A 'menade du …?' hint for a misspelt key or id, or ''."""
    match = closest(word, candidates)
    return f"menade du '{match}'?" if match else ""
