"""How the portal writes a number: one rule for pages, tables, files and the report."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

NO_VALUE = "—"


def format_number(value, digits: int = 1) -> str:
    """Thousands separators, at most ``digits`` decimals, and no ".0" on a whole number.

    12345 → '12,345'; 600.0 → '600'; 2.345 → '2.3'; 1234.5 → '1,234.5'; None or '' → '—'.
    """
    if value is None or value == "":
        return NO_VALUE
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    rounded = round(number, digits)
    if rounded == rounded.to_integral_value():
        return f"{int(rounded):,}"
    text = f"{rounded:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
