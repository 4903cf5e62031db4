"""The table base of every register list (django-tables2), and columns the portal needs."""

from __future__ import annotations

import datetime
import functools

import django_tables2 as tables
from django.db import models
from django.utils import dateformat, timezone
from django_tables2 import columns
from django_tables2 import utils as tables_utils

from alliance.access import sees_personal_data
from alliance.numbers import format_number

_signature = tables_utils.signature


@functools.lru_cache(maxsize=4096)
def _method_signature(func) -> tuple[tuple[str, ...], str | None]:
    args, keywords = _signature(func)
    return args[1:], keywords  # a bound method is called without its first argument


def _signature_once_per_method(fn):
    """django-tables2 asks ``inspect.signature`` which arguments a cell's render method takes,
    for every cell: 300 a register page, 15 % of its time. The methods of every column and table
    of a class share their function's arguments, so each function is inspected once; a plain
    function (a lambda made on the fly, say) is inspected each time, as before."""
    func = getattr(fn, "__func__", None)
    if func is None:
        return _signature(fn)
    return _method_signature(func)


tables_utils.signature = _signature_once_per_method


class RegisterTable(tables.Table):
    """Sortable columns, pagination that keeps the filters (django-tables2's query strings), and
    the markup the phone layout relies on: a scrolling table whose first column stays put."""

    class Meta:
        template_name = "registers/_table.html"
        attrs = {
            "class": "table table-sm table-hover align-middle register-table",
            "id": "register-table",
        }
        empty_text = " "  # the template says "No records match."


class MaskedColumn(tables.Column):
    """Personal data (ID numbers, phones, wages) masked for all but the secretariat."""

    def __init__(self, *args, mask, **kwargs):
        self.mask = mask
        super().__init__(*args, **kwargs)

    def render(self, value, table=None):
        request = getattr(table, "request", None)
        if request is not None and sees_personal_data(request.user):
            return value
        return self.mask(str(value))


class NumberColumn(tables.Column):
    """A count or amount: right-aligned, with thousands separators and no ".0" when whole."""

    def __init__(self, *args, digits: int = 1, **kwargs):
        self.digits = digits
        kwargs.setdefault("attrs", {"td": {"class": "text-end"}, "th": {"class": "text-end"}})
        super().__init__(*args, **kwargs)

    def render(self, value):
        return format_number(value, self.digits)


@columns.library.register
class DateColumn(tables.Column):
    """A date as the portal writes one (``Y-m-d``), formatted in Python.

    django-tables2's DateColumn is a template column: it compiles a template for every cell
    (the career mentors table, 18 rows with two dates each, took 16 ms to draw, 11 ms without).
    Registered with django-tables2, it is also the column of a date field a table leaves
    undeclared; an export gets the ISO date, as with django-tables2's.
    """

    format = "Y-m-d"

    def __init__(self, *args, format: str | None = None, **kwargs):
        if format is not None:
            self.format = format
        super().__init__(*args, **kwargs)

    def render(self, value):
        return dateformat.format(self.shown(value), self.format)

    def shown(self, value):
        return value

    def value(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value

    @classmethod
    def from_field(cls, field, **kwargs):
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            return cls(**kwargs)
        return None


@columns.library.register
class DateTimeColumn(DateColumn):
    """A moment in the portal's time zone (``Y-m-d H:i``)."""

    format = "Y-m-d H:i"

    def shown(self, value):
        return timezone.localtime(value) if timezone.is_aware(value) else value

    @classmethod
    def from_field(cls, field, **kwargs):
        return cls(**kwargs) if isinstance(field, models.DateTimeField) else None
