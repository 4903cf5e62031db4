from __future__ import annotations

from decimal import Decimal

from django import template

from alliance import glossary
from alliance.numbers import NO_VALUE, format_number

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (pagination, sorting)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.filter
def percent(value, digits: int = 1) -> str:
    """0.0523 → '5.2%'; None stays an em dash (no value, e.g. an empty denominator)."""
    if value is None or value == "":
        return NO_VALUE
    return f"{format_number(Decimal(str(value)) * 100, digits)}%"


@register.filter
def number(value, digits: int = 1) -> str:
    """A figure as the report prints it: thousands separators, and no ".0" on a whole number.

    12345 → '12,345'; 600.0 → '600'; 2.345 → '2.3' (``digits`` decimals at most); None → '—'.
    """
    return format_number(value, digits)


@register.simple_tag
def term(key: str) -> str:
    """A word of the interface's glossary (``alliance/glossary.py``): ``{% term "not_met" %}``."""
    return glossary.TERMS[key]


@register.filter
def status(row) -> str:
    """The glossary's word for an indicator result (anything with ``met`` and ``value``)."""
    if isinstance(row, dict):  # a stored row of a report run
        return glossary.status(row.get("met"), row.get("value"))
    return glossary.status(row.met, row.value)
