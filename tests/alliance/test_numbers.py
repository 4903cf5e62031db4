"""One way to write a number everywhere (pages, tables, files, the report)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from alliance.numbers import format_number


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (12345, 1, "12,345"),
        (600.0, 1, "600"),  # "600.0学时" is how a typed report never reads
        (Decimal("600.00"), 2, "600"),
        (2.345, 1, "2.3"),
        (1234.5, 1, "1,234.5"),
        (Decimal("0.05"), 2, "0.05"),
        (Decimal("2.50"), 2, "2.5"),
        (None, 1, "—"),
        ("", 1, "—"),
        (0, 1, "0"),
    ],
)
def test_numbers_read_as_a_report_prints_them(value, digits, expected):
    assert format_number(value, digits) == expected
