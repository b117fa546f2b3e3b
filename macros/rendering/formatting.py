"""Swedish presentation of numbers, amounts and dates.

Numbers keep the precision they were decided with: 6.9 is "6,9", 15.0 is
"15,0", 6319 is "6 319". The thousands separator is a no-break space so that
a number never breaks over two lines; the minus sign is the typographic one.
"""

from __future__ import annotations

from decimal import Decimal

NBSP = "\u00a0"
MINUS = "\u2212"
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")


def number(value: Decimal) -> str:
    sign = MINUS if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, decimals = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = NBSP.join(groups)
    if decimals:
        result += "," + decimals
    return sign + result


def quantity(value: Decimal, unit: str) -> str:
    """A number with its unit: "6,9 %", "6 319 mnkr", "77"."""
    return f"{number(value)}{NBSP}{unit}" if unit else number(value)


def date_text(iso: str) -> str:
    """"2023-12-07" → "7 december 2023", for running text."""
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def date_range_text(dates: list[str]) -> str:
    """["2023-12-07", "2023-12-08"] → "7–8 december 2023"."""
    if not dates:
        return ""
    if len(dates) == 1:
        return date_text(dates[0])
    first, last = dates[0], dates[-1]
    if first[:7] == last[:7]:
        return f"{int(first[8:])}–{date_text(last)}"
    if first[:4] == last[:4]:
        return f"{date_text(first)[:-5]} – {date_text(last)}"
    return f"{date_text(first)} – {date_text(last)}"


def period(value) -> str:
    """A model Period as text: "2024–2026", or "2025" for one year."""
    return str(value)


def signed_quantity(value: Decimal, unit: str) -> str:
    """An amount with an explicit plus for increases: "+25 mnkr", "−16 mnkr"."""
    return ("+" if value > 0 else "") + quantity(value, unit)



def file_size(size: int) -> str:
    """Bytes as a reader wants them: "850 byte", "12 kB", "1,2 MB" (1 kB = 1 000 byte)."""
    if size < 1000:
        return f"{size}{NBSP}byte"
    if size < 1_000_000:
        return f"{round(size / 1000)}{NBSP}kB"
    return f"{size / 1_000_000:.1f}".replace(".", ",") + f"{NBSP}MB"
