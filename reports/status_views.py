"""The status-data table (产学合作) of a school and academic year: the page and its Excel file."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from alliance.access import SCHOOL_READERS, allow
from alliance.years import check_year

from .permissions import status_data_schools
from .status_data import (
    FIELDS,
    NO_SOURCE_YET,
    StatusTable,
    academic_year_label,
    status_table,
    status_workbook,
)


def default_academic_year() -> int:
    """The last academic year that has ended (the one schools report in the autumn)."""
    today = timezone.localdate()
    return today.year - 1 if today.month >= 9 else today.year - 2


def table_for(user, school: str | None, year: str | None) -> StatusTable:
    """The table the query names, for a school ``user`` may read (404 otherwise); without a
    school, the user's first (a coordinator's own)."""
    if school and not school.isdigit():
        raise Http404
    schools = status_data_schools(user)
    chosen = schools.filter(pk=school).first() if school else schools.first()
    if chosen is None:
        raise Http404
    academic_year = check_year(year) if year else default_academic_year()
    return status_table(chosen.pk, academic_year)


@allow(SCHOOL_READERS)
def status_data(request):
    table = table_for(request.user, request.GET.get("school"), request.GET.get("year"))
    return render(
        request,
        "reports/status_data.html",
        {
            "table": table,
            "fields": FIELDS,
            "no_source": {f.header: NO_SOURCE_YET[f.key] for f in FIELDS if f.key in NO_SOURCE_YET},
            "records": [[r[f.key] for f in FIELDS] for r in table.records()],
            "schools": status_data_schools(request.user),
            "label": academic_year_label(table.academic_year),
        },
    )


@allow(SCHOOL_READERS)
def status_data_export(request):
    table = table_for(request.user, request.GET.get("school"), request.GET.get("year"))
    response = HttpResponse(
        status_workbook(table),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"status-data-{table.school_id}-{academic_year_label(table.academic_year)}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
