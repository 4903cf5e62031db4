"""The table base of every register list (django-tables2), and columns the portal needs."""

from __future__ import annotations

import django_tables2 as tables

from alliance.access import sees_personal_data
from alliance.numbers import format_number


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
