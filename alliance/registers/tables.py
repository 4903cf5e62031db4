"""The table base of every register list (django-tables2), and columns the portal needs."""

from __future__ import annotations

import functools

import django_tables2 as tables
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
