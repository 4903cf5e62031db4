from __future__ import annotations

from django import template

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
        return "—"
    return f"{float(value) * 100:.{digits}f}%"
