"""Swedish presentation of numbers and dates."""

from decimal import Decimal

import pytest

from macros.rendering.formatting import date_range_text, date_text, number, quantity

NBSP = "\u00a0"


@pytest.mark.parametrize("value, shown", [
    ("6.9", "6,9"), ("15.0", "15,0"), ("0.29", "0,29"), ("5150", f"5{NBSP}150"),
    ("1234.5", f"1{NBSP}234,5"), ("-628", "\u2212628"), ("3500000", f"3{NBSP}500{NBSP}000"),
    ("0", "0"), ("-449.7", "\u2212449,7"), ("100", "100"),
])
def test_numbers_keep_their_decided_precision(value, shown):
    assert number(Decimal(value)) == shown


def test_quantity_has_its_unit_after_a_no_break_space():
    assert quantity(Decimal("6.9"), "%") == f"6,9{NBSP}%"
    assert quantity(Decimal("6319"), "mnkr") == f"6{NBSP}319{NBSP}mnkr"
    assert quantity(Decimal("77"), "") == "77"


def test_dates_in_running_text():
    assert date_text("2023-12-07") == "7 december 2023"
    assert date_text("2022-01-31") == "31 januari 2022"
    assert date_range_text(["2023-12-07", "2023-12-08"]) == "7–8 december 2023"
    assert date_range_text(["2023-11-30", "2023-12-01"]) == "30 november – 1 december 2023"
    assert date_range_text(["2023-12-07"]) == "7 december 2023"
