"""Drill-down links from a figure to the register list it counts (CONTRACT.md's URL names).

A list that does not exist (yet) gives no link rather than an error, so a dashboard never
breaks because another app has not shipped a page.
"""

from __future__ import annotations

from functools import lru_cache

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode


@lru_cache(maxsize=256)
def _path(url_name: str) -> str | None:
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def drilldown(url_name: str, *, year: int | None = None, **query) -> str | None:
    if not url_name:
        return None
    path = _path(url_name)
    if path is None:
        return None
    params = {
        key: value for key, value in {"year": year, **query}.items() if value not in (None, "")
    }
    return f"{path}?{urlencode(params)}" if params else path
