"""Data errors, worded for the people who edit the YAML files."""

from __future__ import annotations

import difflib


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
        count = len(self.errors)
        noun = "fel" if count == 1 else "fel"
        body = "\n\n".join(str(e) for e in self.errors)
        return f"Data i data/ innehåller {count} {noun}; webbplatsen byggs inte.\n\n{body}"


def did_you_mean(word: str, candidates) -> str:
    """A 'menade du …?' hint for a misspelt key or id, or ''."""
    match = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f"menade du '{match[0]}'?" if match else ""
