"""Drill-down links from a figure to the register list it counts (the registers' URL names).

A list that does not exist (yet), or that the user may not open, gives no link rather than an
error page, so a dashboard never leads somewhere it should not.
"""

from __future__ import annotations

from functools import lru_cache

from django.urls import NoReverseMatch, resolve, reverse
from django.utils.http import urlencode

from alliance.access import has_access, view_access


@lru_cache(maxsize=256)
def _route(url_name: str) -> tuple[str, object] | None:
    try:
        path = reverse(url_name)
    except NoReverseMatch:
        return None
    return path, view_access(resolve(path).func)


def drilldown(url_name: str, *, user=None, year: int | None = None, **query) -> str | None:
    if not url_name:
        return None
    route = _route(url_name)
    if route is None:
        return None
    path, audience = route
    if user is not None and (audience is None or not has_access(user, audience)):
        return None
    params = {
        key: value for key, value in {"year": year, **query}.items() if value not in (None, "")
    }
    return f"{path}?{urlencode(params)}" if params else path


def indicator_links(rows, year: int, user, **query) -> list[dict]:
    """Each indicator row with the link to the records its numerator counts and, where the
    indicator lists them, to those of its denominator (``base_url``), for ``user``."""
    links = []
    for row in rows:
        indicator = row.indicator
        params = {**query, **indicator.drilldown_query}
        links.append(
            {
                "row": row,
                "url": drilldown(indicator.drilldown, user=user, year=year, **params),
                "base_url": drilldown(
                    indicator.drilldown, user=user, year=year, part="denominator", **params
                )
                if row.measure.population is not None
                else None,
            }
        )
    return links
