from __future__ import annotations

import csv
import json

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.access import (
    COUNCIL,
    ENTERPRISE_HR,
    EVERYONE,
    PUBLIC,
    SCHOOL_COORDINATOR,
    SECRETARIAT,
    acting_organization,
    allow,
)
from members.models import OrganizationKind

from . import selectors, services
from .forms import RunForm, TargetForm, YearForm
from .indicators import ALLIANCE_SCOPE, BY_CODE, ENTERPRISE, INDICATORS, SCHOOL, Scope
from .links import drilldown
from .models import AnnualReport, ReportStatus
from .permissions import scorecard_organizations
from .sources import DataSet


def _year(request) -> int:
    form = YearForm(request.GET)
    return (
        form.cleaned_data["year"]
        if form.is_valid() and form.cleaned_data.get("year")
        else selectors.default_year()
    )


def _with_links(figures, year: int, user):
    for figure in figures:
        figure.url = drilldown(figure.url_name, user=user, year=year, **figure.query)
    return figures


def _indicator_cards(rows, year: int, user, **query):
    return [
        {
            "row": row,
            "url": drilldown(
                row.indicator.drilldown,
                user=user,
                year=year,
                **{**query, **row.indicator.drilldown_query},
            ),
        }
        for row in rows
    ]


def _chart_data(rows, year: int) -> dict:
    """Plain numbers for ECharts (passed with json_script; the page's JS only draws them)."""
    return {
        "year": year,
        "bars": [
            {
                "code": row.indicator.code,
                "label": str(row.indicator.label),
                "value": float(row.value) if row.value is not None else None,
                "target": float(row.target.value)
                if row.target.value is not None and row.target.comparison == "gte"
                else None,
                "met": row.met,
            }
            for row in rows
            if row.indicator.unit == "%"
        ],
    }


def _trend_data(trend: dict) -> list[dict]:
    return [
        {
            "code": code,
            "label": str(BY_CODE[code].label),
            "unit": BY_CODE[code].unit,
            "years": [y for y, _v in points],
            "values": [float(v) if v is not None else None for _y, v in points],
        }
        for code, points in trend.items()
    ]


def _trend_fragment(request, year: int, scope: Scope):
    """The five-year trend, fetched by the page with htmx once it is shown: the trend reads five
    years of records, and the page's figures should not wait for it."""
    data = DataSet()
    trend = selectors.trend(year, scope, data=data)
    return render(request, "reports/_trend.html", {"trend_data": _trend_data(trend)})


def _wants_trend(request) -> bool:
    return bool(request.htmx) and request.GET.get("part") == "trend"


@allow(EVERYONE)
def dashboard(request):
    """The alliance overview: every indicator this year, five-year trends, register counts."""
    year = _year(request)
    if _wants_trend(request):
        return _trend_fragment(request, year, ALLIANCE_SCOPE)
    data = DataSet()
    rows = selectors.indicator_rows(year, ALLIANCE_SCOPE, data=data)
    context = {
        "year": year,
        "years": selectors.year_choices(),
        "cards": _indicator_cards(rows, year, request.user),
        "figures": _with_links(selectors.register_counts(data.year(year)), year, request.user),
        "chart_data": _chart_data(rows, year),
        "own_scorecard": acting_organization(request.user),
    }
    return render(request, "reports/dashboard.html", context)


@allow(SECRETARIAT, COUNCIL)
def scorecards(request):
    """Compact scorecards of every member school and enterprise (secretariat and council)."""
    year = _year(request)
    data = DataSet()
    targets = selectors.applied_targets(year)
    school_columns, school_lines = selectors.scorecard_lines(
        year, SCHOOL, data=data, targets=targets
    )
    enterprise_columns, enterprise_lines = selectors.scorecard_lines(
        year, ENTERPRISE, data=data, targets=targets
    )
    return render(
        request,
        "reports/scorecards.html",
        {
            "year": year,
            "years": selectors.year_choices(),
            "school_columns": school_columns,
            "school_lines": school_lines,
            "enterprise_columns": enterprise_columns,
            "enterprise_lines": enterprise_lines,
        },
    )


def _scorecard(request, pk: int, kind: str):
    organization = get_object_or_404(scorecard_organizations(request.user).filter(kind=kind), pk=pk)
    year = _year(request)
    scope = Scope(kind, organization.pk)
    if _wants_trend(request):
        return _trend_fragment(request, year, scope)
    data = DataSet()
    rows = selectors.indicator_rows(year, scope, data=data)
    query = {kind: organization.pk}
    if kind == SCHOOL:
        figures = selectors.school_figures_of(data.year(year), organization.pk)
        member = organization.pk in data.year(year).schools
    else:
        figures = selectors.enterprise_figures_of(data.year(year), organization.pk)
        member = organization.pk in data.year(year).enterprises
    return render(
        request,
        "reports/scorecard.html",
        {
            "organization": organization,
            "kind": kind,
            "year": year,
            "years": selectors.year_choices(),
            "is_member": member,
            "cards": _indicator_cards(rows, year, request.user, **query),
            "figures": _with_links(figures, year, request.user),
            "chart_data": _chart_data(rows, year),
        },
    )


# HR accounts never see a school's scorecard (403); coordinators see only their own (404 otherwise).
@allow(SECRETARIAT, COUNCIL, SCHOOL_COORDINATOR)
def school_scorecard(request, pk: int):
    return _scorecard(request, pk, SCHOOL)


@allow(SECRETARIAT, COUNCIL, ENTERPRISE_HR)
def enterprise_scorecard(request, pk: int):
    return _scorecard(request, pk, ENTERPRISE)


@allow(ENTERPRISE_HR, SCHOOL_COORDINATOR)
def my_scorecard(request):
    organization = request.user.organization
    if organization is None:
        raise Http404
    name = (
        "reports:school_scorecard"
        if organization.kind == OrganizationKind.SCHOOL
        else "reports:enterprise_scorecard"
    )
    query = request.GET.urlencode()
    return redirect(reverse(name, args=[organization.pk]) + (f"?{query}" if query else ""))


@allow(SECRETARIAT)
def targets(request):
    """Targets of a year: the plan's defaults, the secretariat's overrides, and the Qufu preset."""
    year = _year(request)
    applied = selectors.applied_targets(year)
    if request.method == "POST":
        if "preset" in request.POST:
            services.target_preset_apply(year=year, preset="qufu")
            messages.success(
                request, _("The Qufu plan's targets apply to %(year)s now.") % {"year": year}
            )
            return redirect(f"{request.path}?year={year}")
        code = request.POST.get("indicator", "")
        if code not in BY_CODE:
            raise Http404
        if "reset" in request.POST:
            services.target_reset(year=year, indicator=code)
            messages.success(request, _("The plan's default target applies again."))
            return redirect(f"{request.path}?year={year}")
        form = TargetForm(request.POST, prefix=code)
        if form.is_valid():
            services.target_set(year=year, indicator=code, **form.cleaned_data)
            messages.success(request, _("Target saved."))
            return redirect(f"{request.path}?year={year}")
        forms = {code: form}
    else:
        forms = {}
    rows = []
    for indicator in INDICATORS:
        target = applied[indicator.code]
        form = forms.get(indicator.code) or TargetForm(
            prefix=indicator.code,
            initial={
                "value": target.value,
                "comparison": target.comparison,
                "source": target.source,
            },
        )
        rows.append(
            {
                "indicator": indicator,
                "target": target,
                "form": form,
                "text": selectors.target_text(indicator.code, target),
            }
        )
    return render(
        request,
        "reports/targets.html",
        {"year": year, "years": selectors.year_choices(), "rows": rows},
    )


@allow(SECRETARIAT)
def coverage(request):
    """Which members entered nothing for each input, so it is chased before the report is built."""
    year = _year(request)
    data = DataSet()
    items = selectors.coverage(year, data=data)
    for item in items:
        item.url = drilldown(item.url_name, user=request.user, year=year)
    return render(
        request,
        "reports/coverage.html",
        {
            "year": year,
            "years": selectors.year_choices(),
            "items": items,
        },
    )


# ---------------------------------------------------------------------------------------------
# Report runs (secretariat)


@allow(SECRETARIAT)
def runs(request):
    services.report_fail_stale()
    form = RunForm(request.POST or None, initial={"year": selectors.default_year()})
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_request(
                year=form.cleaned_data["year"], requested_by=request.user
            )
        except services.ReportQueueUnavailable:
            messages.error(
                request,
                _(
                    "The report could not be started: the task queue (Redis) is not reachable. The run is kept "
                    "as failed; restart it when the queue is back, or tell the system administrator."
                ),
            )
            return redirect("reports:runs")
        return redirect("reports:run_detail", pk=report.pk)
    runs = selectors.latest_runs()
    # While a run is under way the build button is off: a second build would only join it.
    active_run = next((run for run in runs if not run.is_finished), None)
    return render(
        request, "reports/runs.html", {"form": form, "runs": runs, "active_run": active_run}
    )


@allow(SECRETARIAT)
def run_detail(request, pk: int):
    services.report_fail_stale()
    report = get_object_or_404(AnnualReport.objects.select_related("requested_by"), pk=pk)
    template = "reports/run_detail.html#progress" if request.htmx else "reports/run_detail.html"
    return render(request, template, {"report": report})


@require_POST
@allow(SECRETARIAT)
def run_publish(request, pk: int):
    report = get_object_or_404(AnnualReport, pk=pk)
    if not report.can_publish:
        messages.error(request, _("Only a finished, unpublished run can be published."))
    else:
        services.report_publish(report=report)
        messages.success(request, _("The report is published on the public page."))
    return redirect("reports:run_detail", pk=pk)


@require_POST
@allow(SECRETARIAT)
def run_restart(request, pk: int):
    report = get_object_or_404(AnnualReport, pk=pk)
    if not report.can_restart:
        messages.error(request, _("Only a failed run can be restarted."))
        return redirect("reports:run_detail", pk=pk)
    try:
        services.report_restart(report=report)
    except services.ReportQueueUnavailable:
        messages.error(
            request, _("The task queue (Redis) is still not reachable. Try again later.")
        )
    return redirect("reports:run_detail", pk=pk)


@allow(SECRETARIAT)
def run_pdf(request, pk: int):
    report = get_object_or_404(AnnualReport.objects.filter(status=ReportStatus.DONE), pk=pk)
    return _pdf_response(report)


def _pdf_response(report: AnnualReport):
    if not report.pdf:
        raise Http404
    return FileResponse(
        report.pdf.open("rb"),
        as_attachment=False,
        filename=report.file_name,
        content_type="application/pdf",
    )


# ---------------------------------------------------------------------------------------------
# Public page and open data (aggregates only)


@allow(PUBLIC)
def public_list(request):
    """The alliance's public page: published annual quality reports."""
    return render(request, "reports/public_list.html", {"reports": selectors.published_reports()})


def _published(pk: int) -> AnnualReport:
    return get_object_or_404(selectors.published_reports(), pk=pk)


@allow(PUBLIC)
def published_pdf(request, pk: int):
    return _pdf_response(_published(pk))


OPEN_DATA_FIELDS = [
    "code",
    "label",
    "unit",
    "value",
    "numerator",
    "denominator",
    "target",
    "comparison",
    "target_text",
    "target_source",
    "met",
    "formula",
    "source",
]


def _open_rows(report: AnnualReport) -> list[dict]:
    return [{key: row.get(key) for key in OPEN_DATA_FIELDS} for row in report.indicators]


@allow(PUBLIC)
def published_json(request, pk: int):
    report = _published(pk)
    payload = {
        "alliance": settings.ALLIANCE_NAME,
        "year": report.year,
        "published_at": timezone.localtime(report.published_at).isoformat()
        if report.published_at
        else None,
        "pdf_sha256": report.sha256,
        "indicators": _open_rows(report),
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'inline; filename="indicators-{report.year}.json"'
    return response


@allow(PUBLIC)
def published_csv(request, pk: int):
    report = _published(pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="indicators-{report.year}.csv"'
    response.write("\ufeff")  # so that Excel opens the Chinese text as UTF-8
    writer = csv.DictWriter(response, fieldnames=OPEN_DATA_FIELDS)
    writer.writeheader()
    for row in _open_rows(report):
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, bool) else v
                for k, v in row.items()
            }
        )
    return response
