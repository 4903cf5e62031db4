"""The register tables' date columns: formatted in Python, the same text as before."""

from __future__ import annotations

import datetime as dt

import django_tables2 as tables
import pytest

from alliance.registers import DateColumn, DateTimeColumn, RegisterTable
from members.models import Organization, User


class _OrganizationTable(RegisterTable):
    joined_on = DateColumn()

    class Meta(RegisterTable.Meta):
        model = Organization
        fields = ("joined_on",)


class _UndeclaredDates(tables.Table):
    class Meta:
        model = User
        fields = ("date_joined",)


def _cells(table, name):
    return [row.get_cell(name) for row in table.rows]


def test_a_date_is_written_year_month_day_and_an_empty_one_as_the_default():
    organizations = [Organization(joined_on=dt.date(2025, 3, 7)), Organization(joined_on=None)]
    table = _OrganizationTable(organizations)
    assert _cells(table, "joined_on") == ["2025-03-07", "—"]
    # The export keeps the ISO date, as django-tables2's column does.
    assert [row.get_cell_value("joined_on") for row in table.rows] == ["2025-03-07", None]


def test_a_moment_is_shown_in_the_portals_time_zone():
    # 2025-03-07 16:30 UTC is 2025-03-08 00:30 in Asia/Shanghai (UTC+8).
    joined = dt.datetime(2025, 3, 7, 16, 30, tzinfo=dt.UTC)
    table = _UndeclaredDates([User(date_joined=joined)])
    assert _cells(table, "date_joined") == ["2025-03-08 00:30"]


def test_undeclared_date_fields_get_the_portals_columns():
    assert type(_UndeclaredDates.base_columns["date_joined"]) is DateTimeColumn

    class _Organizations(tables.Table):
        class Meta:
            model = Organization
            fields = ("joined_on",)

    assert type(_Organizations.base_columns["joined_on"]) is DateColumn


@pytest.mark.parametrize("value", [dt.date(2025, 1, 2), dt.date(1999, 12, 31)])
def test_no_template_is_compiled_per_cell(value, monkeypatch):
    from django.template import base

    def refuse(*args, **kwargs):
        raise AssertionError("a template was compiled")

    monkeypatch.setattr(base.Template, "__init__", refuse)
    assert _cells(_OrganizationTable([Organization(joined_on=value)]), "joined_on") == [
        value.isoformat()
    ]
