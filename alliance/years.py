"""The one parser of a year named in a request (``?year=`` of dashboards, lists and pickers).

A year outside the range the portal keeps records for is a bad request (400 with a message),
never a silent fallback and never a 500 from ``datetime.date(99999, 1, 1)``.
"""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django import forms
from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

FIRST_YEAR = 2000
LAST_YEAR = 2100


class YearOutOfRange(BadRequest):
    """A 400 whose message is meant for the user (``alliance.views.bad_request`` shows it)."""


def check_year(value, *, first: int = FIRST_YEAR, last: int = LAST_YEAR) -> int:
    """``value`` as a year between ``first`` and ``last``, or :class:`YearOutOfRange`."""
    try:
        year = int(str(value).strip())
    except ValueError:
        year = None
    if year is None or not first <= year <= last:
        raise YearOutOfRange(
            _("The year must be a whole number from %(first)s to %(last)s.")
            % {"first": first, "last": last}
        )
    return year


def parse_year(
    request,
    *,
    default: int | Callable[[], int],
    first: int = FIRST_YEAR,
    last: int = LAST_YEAR,
    from_post: bool = False,
) -> int:
    """The ``year`` of the query string (of the form with ``from_post``), or ``default`` when it
    is absent or empty; :class:`YearOutOfRange` (400) for anything else outside ``first``–``last``."""
    value = (request.POST if from_post else request.GET).get("year", "").strip()
    if not value:
        return default() if callable(default) else default
    return check_year(value, first=first, last=last)


class YearField(forms.IntegerField):
    """A form field for a year filter: out of range is a bad request, like ``parse_year``."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return check_year(value)


class YearFilter(django_filters.NumberFilter):
    field_class = YearField
