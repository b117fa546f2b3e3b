"""Data errors, worded for the people who edit the YAML files."""

from __future__ import annotations

import difflib
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
        loc = self.location
        head = f"{loc.file}, rad {loc.line}, kolumn {loc.column}"
        lines = [f"{head}: {self.problem}"]
        if self.place:
            lines.append(f"  plats: {self.place}")
        if self.found:
            lines.append(f"  hittade: {self.found}")
        if self.expected:
            lines.append(f"  förväntade: {self.expected}")
        if self.suggestion:
            lines.append(f"  {self.suggestion}")
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


def visible(text) -> str:
    """Text with invisible characters (zero-width or no-break spaces, pasted from Word)
    spelt out, so that 'rubrik' and 'rubrik' + a zero-width space do not look alike."""
    return "".join(f"[osynligt tecken {ord(c):#06x}]"
                   if c != " " and unicodedata.category(c) in ("Cf", "Zs") else c for c in str(text))


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
