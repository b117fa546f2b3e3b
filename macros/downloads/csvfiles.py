"""CSV files: UTF-8, a header row, comma-separated, RFC 4180 quoting and line ends.

Text from data must never become a spreadsheet formula when a file is opened in
Excel or LibreOffice (OWASP "CSV injection"), whatever separator the program splits
on: Swedish Excel splits on ';', others on ',' or a tab, and a newline ends a row.
So every cell but a number (or an empty one) is quoted, and in a text cell an
apostrophe goes before =, +, - or @ at its start and after each of those separators
(after any spaces and quotes there, which a program may drop): 'Vård; =HYPERLINK(…)'
is written 'Vård; '=HYPERLINK(…)'. Number and integer columns are written by us from
numbers, so they stay as they are (a negative value stays -628, readable as a number).
"""

from __future__ import annotations

import io
import re
from typing import Iterable

from .tables import TableKind

# A part of a text that a spreadsheet may take as a cell of its own, starting like a formula.
# (Full-width ＝＋－＠ too: a spreadsheet may read them as their ASCII forms.)
_FORMULA_PART = re.compile(r'(^|[;,\t\r\n])([\s"]*)(?=[=+\-@＝＋－＠])')


def safe_text(text: str) -> str:
    """A text cell no part of which a spreadsheet evaluates as a formula."""
    return _FORMULA_PART.sub(r"\1\2'", text)


def _cell(value, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind in ("number", "integer"):
        return str(value)  # made by us from a number: digits, "-" and "."
    if kind == "boolean":
        value = "true" if value else "false"
    elif kind == "string":
        value = safe_text(str(value))
    return '"' + str(value).replace('"', '""') + '"'


def csv_bytes(table: TableKind, rows: Iterable[dict]) -> bytes:
    # Written by hand: the csv module of Python 3.11 quotes a cell by what it holds, not by
    # its column, and would leave 'Vård; =1+1' bare.
    out = io.StringIO()
    out.write(",".join(table.header) + "\r\n")  # plain names
    for row in rows:
        out.write(",".join(_cell(row.get(c.name), c.type) for c in table.columns) + "\r\n")
    return out.getvalue().encode("utf-8")
