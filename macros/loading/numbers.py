"""How large and how precise a figure in the data may be.

A figure has at most 15 digits, zeros before its whole part not counted (0.29 has two):
its size is then below 10^15 and, when it has decimals, at least 10^-15, and it is exact
as a binary float, so that every chart and comparison of two figures sees them as written.
No plan comes near: the largest figures are budget frames of about 12 000 mnkr (five
digits), the most precise 0.29. The bound is checked on the written digits, before they
are turned into a number: Python refuses to turn more than 4 300 digits into an integer,
and a thousand-digit figure makes later arithmetic overflow.
"""

from __future__ import annotations

MAX_DIGITS = 15

EXPECTED = f"ett tal med högst {MAX_DIGITS} siffror, till exempel 11980 eller 0.29"
# A figure that is no figure (a number or code of some kind) is text when it stands in quotes.
EXPECTED_OR_TEXT = f"{EXPECTED}; är det något annat än ett tal (ett nummer eller en kod), skriv det inom citattecken"


class Unbounded(ValueError):
    """A figure with more digits than MAX_DIGITS; its text says how many."""

    def __init__(self, count: int):
        super().__init__(f"talet har {count} siffror")
        self.count = count


def check_digits(whole: str, fraction: str = "") -> None:
    """Raise Unbounded when the digits written before and after the decimal sign are too many."""
    if len(whole) + len(fraction) > MAX_DIGITS:
        count = len(whole.lstrip("0")) + len(fraction)
        if count > MAX_DIGITS:
            raise Unbounded(count)
