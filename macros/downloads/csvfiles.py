"""CSV files: UTF-8, a header row, comma-separated, RFC 4180 quoting and line ends.

Text from data must never become a spreadsheet formula when a file is opened in
Excel or LibreOffice (OWASP "CSV injection"): a text cell that starts with =, +, -,
@, a tab or a carriage return gets a leading apostrophe. Number, integer, date and
boolean columns are written by us from numbers and dates, so they stay as they are
(a negative value stays -628, readable as a number).
"""

from __future__ import annotations

import csv
import io
from typing import Iterable

from .tables import TableKind

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """A text cell that no spreadsheet evaluates as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "string":
        return safe_text(str(value))
    return str(value)


def csv_bytes(table: TableKind, rows: Iterable[dict]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.header)
    for row in rows:
        writer.writerow([_cell(row.get(c.name), c.type) for c in table.columns])
    return out.getvalue().encode("utf-8")
