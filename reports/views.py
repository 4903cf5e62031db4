from __future__ import annotations

import csv
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
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
    SCHOOL_STAFF,
    SECRETARIAT,
    acting_organization,
    allow,
)
from alliance.registers.views import confirm
from alliance.xlsx import neutralise
from alliance.years import parse_year
from members.models import OrganizationKind
from training import permissions as training_permissions
from training import selectors as training_selectors

from . import figures, plans, selectors, services
from .document import OUTREACH_KINDS as OUTREACH_LABELS
from .forms import FIRST_YEAR, NarrativeForm, RunForm, TargetForm
from .indicators import ALLIANCE_SCOPE, BY_CODE, ENTERPRISE, INDICATORS, SCHOOL, Scope, evaluate
from .links import drilldown, indicator_links
from .listings import listed
from .models import AnnualReport, ReportNarrative, ReportStatus
from .permissions import scorecard_organizations, sees_all_scorecards
from .sources import DataSet, semesters


def _year(request) -> int:
    return parse_year(request, default=selectors.default_year, first=FIRST_YEAR)


def _with_links(figures, year: int, user):
    for figure in figures:
        figure.url = drilldown(figure.url_name, user=user, year=year, **figure.query)
    return figures


def _chart_data(rows, year: int) -> dict:
    """Plain numbers for ECharts (passed with json_script; the page's JS only draws them)."""
    return {
        "year": year,
        "labels": {"value": _("Value this year"), "target": _("Target")},
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
    stored = figures.StoredFigures()
    if scope == ALLIANCE_SCOPE:
        trend = stored.alliance_trend(year)
    else:
        trend = stored.member_trend(year, scope)
    return render(
        request,
        "reports/_trend.html",
        {"trend_data": _trend_data(trend), "figures_notice": stored.notice()},
    )


#: member lines per page on the per-organisation pages (a province has thousands)
LINES_PER_PAGE = 50


@dataclass
class LinePage:
    """One page of a per-organisation table: ``param`` names its page in the query string."""

    param: str
    number: int
    total: int
    query: str = ""

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // LINES_PER_PAGE))

    @property
    def offset(self) -> int:
        return (self.number - 1) * LINES_PER_PAGE

    def url(self, number: int) -> str:
        return f"?{self.query}&{self.param}={number}" if self.query else f"?{self.param}={number}"

    @property
    def previous_url(self) -> str:
        return self.url(self.number - 1) if self.number > 1 else ""

    @property
    def next_url(self) -> str:
        return self.url(self.number + 1) if self.number < self.num_pages else ""


def _line_page(request, param: str) -> LinePage:
    raw = request.GET.get(param, "1")
    number = int(raw) if raw.isdigit() and int(raw) > 0 else 1
    query = request.GET.copy()
    query.pop(param, None)
    return LinePage(param, number, 0, query.urlencode())


def _paged_lines(stored, request, year: int, kind: str, param: str, ids=None):
    """(page, lines of the page) of the members of ``kind``; a page past the end shows the last."""
    page = _line_page(request, param)
    page.total, lines = stored.lines(year, kind, ids=ids, offset=page.offset, limit=LINES_PER_PAGE)
    if not lines and page.number > page.num_pages:
        page.number = page.num_pages
        page.total, lines = stored.lines(
            year, kind, ids=ids, offset=page.offset, limit=LINES_PER_PAGE
        )
    return page, lines


def _wants_trend(request) -> bool:
    return bool(request.htmx) and request.GET.get("part") == "trend"


@allow(EVERYONE)
def dashboard(request):
    """The alliance overview: every indicator this year, five-year trends, register counts."""
    year = _year(request)
    if _wants_trend(request):
        return _trend_fragment(request, year, ALLIANCE_SCOPE)
    stored = figures.StoredFigures()
    alliance = stored.alliance(year)
    rows = alliance.rows
    context = {
        "year": year,
        "years": selectors.year_choices(),
        "cards": indicator_links(rows, year, request.user),
        "figures": _with_links(alliance.counts, year, request.user),
        "chart_data": _chart_data(rows, year),
        "funnel_data": _funnel_chart(alliance.funnel),
        "own_scorecard": acting_organization(request.user),
        "plan": plans.current(),
        "figures_notice": stored.notice(),
    }
    return render(request, "reports/dashboard.html", context)


@allow(SECRETARIAT, COUNCIL)
def scorecards(request):
    """Compact scorecards of every member school and enterprise (secretariat and council), a
    page of each at a time, from the stored figures."""
    year = _year(request)
    stored = figures.StoredFigures()
    context = {"year": year, "years": selectors.year_choices()}
    for kind, prefix in ((SCHOOL, "school"), (ENTERPRISE, "enterprise")):
        page, lines = _paged_lines(stored, request, year, kind, f"{prefix}_page")
        context[f"{prefix}_columns"] = [i for i in INDICATORS if kind in i.scopes]
        context[f"{prefix}_lines"] = figures.scorecard(lines)
        context[f"{prefix}_page"] = page
    context["figures_notice"] = stored.notice()
    return render(request, "reports/scorecards.html", context)


def _scorecard(request, pk: int, kind: str):
    organization = get_object_or_404(scorecard_organizations(request.user).filter(kind=kind), pk=pk)
    year = _year(request)
    scope = Scope(kind, organization.pk)
    if _wants_trend(request):
        return _trend_fragment(request, year, scope)
    query = {kind: organization.pk}
    stored = figures.StoredFigures()
    line = stored.member(year, kind, organization.pk)
    member = line is not None
    if member:
        rows, shown = line.rows, line.figure_list(kind)
    else:
        # Not a member that year: nothing is stored for it; its (empty) figures are computed.
        data = DataSet()
        rows = selectors.indicator_rows(year, scope, data=data)
        figures_of = (
            selectors.school_figures_of if kind == SCHOOL else selectors.enterprise_figures_of
        )
        shown = figures_of(data.year(year), organization.pk)
    return render(
        request,
        "reports/scorecard.html",
        {
            "organization": organization,
            "kind": kind,
            "year": year,
            "years": selectors.year_choices(),
            "is_member": member,
            "cards": indicator_links(rows, year, request.user, **query),
            "figures": _with_links(shown, year, request.user),
            "chart_data": _chart_data(rows, year),
            "figures_notice": stored.notice(),
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
    """Targets of a year: the deployment plan's defaults and the secretariat's overrides."""
    year = _year(request)
    applied = selectors.applied_targets(year)
    if request.method == "POST":
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
        {"year": year, "years": selectors.year_choices(), "rows": rows, "plan": plans.current()},
    )


@allow(SECRETARIAT)
def coverage(request):
    """Which members entered nothing for each input, so it is chased before the report is built."""
    year = _year(request)
    stored = figures.StoredFigures()
    items = stored.alliance(year).coverage()
    for item in items:
        item.url = drilldown(item.url_name, user=request.user, year=year)
    return render(
        request,
        "reports/coverage.html",
        {
            "year": year,
            "years": selectors.year_choices(),
            "items": items,
            "figures_notice": stored.notice(),
        },
    )


# ---------------------------------------------------------------------------------------------
# The plan's obligations of schools and enterprises: indicator results, per member

SCHOOL_OBLIGATIONS = ["secondment_rate", "training_ratio"]
ENTERPRISE_OBLIGATIONS = ["base_coverage", "station_coverage"]


def _school_ids(user) -> set[int]:
    return set(scorecard_organizations(user).filter(kind=SCHOOL).values_list("pk", flat=True))


@allow(SECRETARIAT, COUNCIL, SCHOOL_COORDINATOR)
def obligations(request):
    """Each member school's secondment rate and training ratio, each member enterprise's base
    and station, against the plan's targets; a coordinator sees the alliance and their school."""
    year = _year(request)
    stored = figures.StoredFigures()
    codes = SCHOOL_OBLIGATIONS + ENTERPRISE_OBLIGATIONS
    alliance = [r for r in stored.alliance(year).rows if r.indicator.code in codes]
    ids = None if sees_all_scorecards(request.user) else _school_ids(request.user)
    school_page, schools = _paged_lines(stored, request, year, SCHOOL, "school_page", ids=ids)
    page, enterprises = _paged_lines(stored, request, year, ENTERPRISE, "page")
    return render(
        request,
        "reports/obligations.html",
        {
            "year": year,
            "years": selectors.year_choices(),
            "plan": plans.current(),
            "alliance": indicator_links(alliance, year, request.user),
            "schools": [
                (
                    line,
                    indicator_links(
                        line.only(SCHOOL_OBLIGATIONS), year, request.user, school=line.id
                    ),
                )
                for line in schools
            ],
            "enterprises": [
                (
                    line,
                    indicator_links(
                        line.only(ENTERPRISE_OBLIGATIONS), year, request.user, enterprise=line.id
                    ),
                )
                for line in enterprises
            ],
            "school_page": school_page,
            "enterprise_page": page,
            "figures_notice": stored.notice(),
        },
    )


def _only(rows, codes: list[str]):
    """The rows of ``codes``, in that order."""
    by_code = {row.indicator.code: row for row in rows}
    return [by_code[code] for code in codes if code in by_code]


@allow(SECRETARIAT, COUNCIL, SCHOOL_COORDINATOR)
def school_obligations(request, pk: int):
    """One school's secondment rate and training ratio over three years, with the records
    counted this year (teachers' names only for those who may read the teacher register)."""
    school = get_object_or_404(scorecard_organizations(request.user).filter(kind=SCHOOL), pk=pk)
    year = _year(request)
    span = range(year - 2, year + 1)
    stored = figures.StoredFigures()
    found = stored.over_years(span, SCHOOL, ids=[school.pk])
    trend = []
    for y in span:
        line = found.get((y, school.pk))
        if line is None:
            # Not a member that year: nothing stored; its (empty) figures are computed.
            targets = selectors.applied_targets(y)
            scope = Scope(SCHOOL, school.pk)
            rows = [
                evaluate(BY_CODE[c], DataSet(), y, scope, targets[c]) for c in SCHOOL_OBLIGATIONS
            ]
        else:
            rows = line.only(SCHOOL_OBLIGATIONS)
        trend.append(rows)
    # Names of seconded teachers are personal data: only for readers of the teacher register.
    seconded = None
    if training_permissions.teachers_visible_to(request.user).filter(school=school).exists():
        seconded = training_selectors.school_secondments_counted(year, school.pk)
    return render(
        request,
        "reports/school_obligations.html",
        {
            "school": school,
            "year": year,
            "years": selectors.year_choices(),
            "plan": plans.current(),
            "cards": indicator_links(trend[-1], year, request.user, school=school.pk),
            "trend": list(zip(range(year - 2, year + 1), trend, strict=True)),
            "seconded": seconded,
            "programmes": training_selectors.school_programmes_counted(year, school.pk),
            "can_record": training_permissions.can_create(request.user, SCHOOL_STAFF),
            "figures_notice": stored.notice(),
        },
    )


# ---------------------------------------------------------------------------------------------
# Local employment and outreach: indicator results per member school and enterprise

OUTREACH_KINDS = ["parents_visit", "promotion_week"]


@allow(EVERYONE)
def local_employment(request):
    """留临就业率 per member school and for the alliance over five years, each year judged by the
    target of that year (the Linqu plan: it rises every year)."""
    year = _year(request)
    years = list(range(year - selectors.TREND_YEARS + 1, year + 1))
    indicator = BY_CODE["local_employment_rate"]
    stored = figures.StoredFigures()
    alliance = {y: found.rows for y, found in stored.alliance_years(years).items()}
    # A page of the schools that were members in any of the years, by name.
    members = stored.names_over_years(years, SCHOOL)
    page = _line_page(request, "page")
    page.total = len(members)
    page.number = min(page.number, page.num_pages)
    shown = members[page.offset : page.offset + LINES_PER_PAGE]
    lines = stored.over_years(years, SCHOOL, ids=[school for school, _name in shown])
    school_rows: dict[int, dict[int, object]] = {school: {} for school, _name in shown}
    for (y, school), line in lines.items():
        school_rows[school][y] = line.only([indicator.code])[0]

    def series(rows_by_year: dict, **query) -> list[dict]:
        # A year the school was no member of shows no figure ("—").
        return [
            indicator_links([rows_by_year[y]], y, request.user, **query)[0]
            if y in rows_by_year
            else {"row": None, "url": None}
            for y in years
        ]

    return render(
        request,
        "reports/local_employment.html",
        {
            "year": year,
            "years": selectors.year_choices(),
            "span": years,
            "indicator": indicator,
            "target": _only(alliance[year], [indicator.code])[0].target,
            "plan": plans.current(),
            "rows": [(name, series(school_rows[s], school=s)) for s, name in shown],
            "page": page,
            "alliance": series({y: _only(alliance[y], [indicator.code])[0] for y in years}),
            "figures_notice": stored.notice(),
        },
    )


@allow(EVERYONE)
def retention_funnel(request):
    """The graduation cohort's retention funnel (留临人才档案, Linqu §(四)11): order class or
    apprenticeship → hired by a member → in the county at 6, 12 and 24 months, by school,
    major and enterprise. Counts only: no graduate is named, so every role reads it."""
    year = _year(request)
    data = DataSet()
    targets = selectors.applied_targets(year)
    rows = [
        evaluate(BY_CODE[code], data, year, ALLIANCE_SCOPE, targets[code])
        for code in selectors.FUNNEL_CODES
    ]
    breakdown = selectors.funnel_breakdown(year, data=data)
    # The cohort's line over all member schools (None: nobody in the funnel).
    total = breakdown["total"][0] if breakdown["total"] else None
    return render(
        request,
        "reports/retention_funnel.html",
        {
            "year": year,
            "years": selectors.year_choices(),
            "cards": indicator_links(rows, year, request.user),
            "breakdown": breakdown,
            "total": total,
            "chart_data": _funnel_chart(
                [0, 0, 0, 0, 0]
                if total is None
                else [total.graduates, total.hired, *total.retained]
            ),
            "plan": plans.current(),
        },
    )


def _funnel_chart(counts: list[int]) -> dict:
    """The funnel's stages as plain numbers for ECharts (the page's table shows the same)."""
    labels = [
        _("Order class or apprenticeship"),
        _("Hired by a member"),
        _("In the county after 6 months"),
        _("In the county after 12 months"),
        _("In the county after 24 months"),
    ]
    return {"stages": [{"name": str(n), "value": v} for n, v in zip(labels, counts, strict=True)]}


@allow(EVERYONE)
def outreach_overview(request):
    """Per member school: outreach every semester and recommendation events; per member
    enterprise: a career mentor and the chairman's school visit (Linqu §(四)9–11)."""
    year = _year(request)
    stored = figures.StoredFigures()
    school_page, schools = _paged_lines(stored, request, year, SCHOOL, "school_page")
    page, enterprises = _paged_lines(stored, request, year, ENTERPRISE, "page")
    halves = semesters(year)
    school_codes = ["outreach_per_semester", "recommendation_events"]
    enterprise_codes = ["mentor_coverage", "chairman_visits"]
    return render(
        request,
        "reports/outreach_overview.html",
        {
            "year": year,
            "years": selectors.year_choices(),
            "semesters": halves,
            "kinds": [OUTREACH_LABELS[kind] for kind in OUTREACH_KINDS],
            "schools": [
                (
                    line,
                    [
                        [
                            line.figures["outreach"].get(sem, {}).get(kind, 0)
                            for kind in OUTREACH_KINDS
                        ]
                        for sem in halves
                    ],
                    indicator_links(line.only(school_codes), year, request.user, school=line.id),
                )
                for line in schools
            ],
            "enterprises": [
                (
                    line,
                    indicator_links(
                        line.only(enterprise_codes), year, request.user, enterprise=line.id
                    ),
                )
                for line in enterprises
            ],
            "school_page": school_page,
            "enterprise_page": page,
            "figures_notice": stored.notice(),
        },
    )


# ---------------------------------------------------------------------------------------------
# Drill-down: exactly what a figure counted


@allow(EVERYONE)
def counted(request):
    """The records (organisations, school-semesters, teachers, graduates, …) an indicator's
    numerator — or, with ``part=denominator``, its denominator — counted for the year and scope
    asked (``reports.listings``)."""
    if "indicator" not in request.GET:
        # Reached without a figure: the figures are on the dashboard.
        return redirect("reports:dashboard")
    indicator = BY_CODE.get(request.GET["indicator"])
    if indicator is None:
        raise Http404
    year = _year(request)
    scope, organization = ALLIANCE_SCOPE, None
    for kind in (SCHOOL, ENTERPRISE):
        if request.GET.get(kind, "").isdigit():
            organization = get_object_or_404(
                scorecard_organizations(request.user).filter(kind=kind), pk=request.GET[kind]
            )
            scope = Scope(kind, organization.pk)
    if not indicator.applies_to(scope):
        raise Http404
    target = selectors.applied_targets(year)[indicator.code]
    row = evaluate(indicator, DataSet(), year, scope, target)
    denominator = request.GET.get("part") == "denominator"
    keys = row.measure.population if denominator else row.measure.counted
    if keys is None:
        raise Http404
    listing = indicator.lists[1 if denominator else 0]
    return render(
        request,
        "reports/counted.html",
        {
            "row": row,
            "year": year,
            "years": selectors.year_choices(),
            "organization": organization,
            "denominator": denominator,
            "listed": listed(listing, keys, year, request.user),
        },
    )


# ---------------------------------------------------------------------------------------------
# Report runs (secretariat)


@allow(SECRETARIAT)
def runs(request):
    # No stale check here: a GET changes nothing (the beat task ``fail_stale_reports`` does it).
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
    report = get_object_or_404(AnnualReport.objects.select_related("requested_by"), pk=pk)
    template = "reports/run_detail.html#progress" if request.htmx else "reports/run_detail.html"
    return render(request, template, {"report": report})


@allow(SECRETARIAT)
def run_publish(request, pk: int):
    """Publishing cannot be undone (the public page keeps the file): asked first, done on POST."""
    report = get_object_or_404(AnnualReport, pk=pk)
    detail_url = reverse("reports:run_detail", args=[pk])

    def perform():
        if not report.can_publish:
            raise ValidationError(_("Only a finished, unpublished run can be published."))
        services.report_publish(report=report, by=request.user)
        return _("The report is published on the public page.")

    return confirm(
        request,
        question=_("Publish the %(year)s annual quality report?") % {"year": report.year},
        detail=_(
            "Anyone can then download it from the public page. A published report is never "
            "changed or withdrawn; a later correction is published as a new report."
        ),
        button=_("Publish"),
        danger=False,
        perform=perform,
        cancel_url=detail_url,
        done_url=detail_url,
    )


@allow(SECRETARIAT)
def narrative(request):
    """The texts the secretariat writes for a year's report before building it."""
    year = parse_year(request, default=selectors.default_year, first=FIRST_YEAR)
    instance = ReportNarrative.objects.filter(year=year).first() or ReportNarrative(year=year)
    narrative_form = NarrativeForm(request.POST or None, instance=instance)
    if request.method == "POST" and narrative_form.is_valid():
        services.narrative_save(year=year, **narrative_form.cleaned_data)
        messages.success(
            request,
            _("Saved. The next report built for %(year)s carries these texts.") % {"year": year},
        )
        return redirect(f"{reverse('reports:narrative')}?year={year}")
    return render(request, "reports/narrative.html", {"form": narrative_form, "year": year})


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


ANNEX_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "application/zip",
}


@allow(SECRETARIAT)
def run_annex_xlsx(request, pk: int):
    report = get_object_or_404(AnnualReport.objects.filter(status=ReportStatus.DONE), pk=pk)
    return _annex_response(report, "xlsx")


@allow(SECRETARIAT)
def run_annex_csv(request, pk: int):
    report = get_object_or_404(AnnualReport.objects.filter(status=ReportStatus.DONE), pk=pk)
    return _annex_response(report, "csv")


def _annex_response(report: AnnualReport, extension: str):
    """The annex built with the run's PDF (none for a run built before it): the workbook, or
    the zip of its sheets as CSV files."""
    stored = getattr(report, f"annex_{extension}")
    if not stored:
        raise Http404
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=report.public_annex_name(extension),
        content_type=ANNEX_TYPES[extension],
    )


def _pdf_response(report: AnnualReport):
    if not report.pdf:
        raise Http404
    return FileResponse(
        report.pdf.open("rb"),
        as_attachment=False,
        filename=report.public_file_name,
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


@allow(PUBLIC)
def published_annex_xlsx(request, pk: int):
    return _annex_response(_published(pk), "xlsx")


@allow(PUBLIC)
def published_annex_csv(request, pk: int):
    return _annex_response(_published(pk), "csv")


OPEN_DATA_FIELDS = selectors.OPEN_DATA_FIELDS


def _open_rows(report: AnnualReport) -> list[dict]:
    return selectors.open_data_rows(report)


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
        # Neutralised: a cell starting with = + - @ would run as a formula in a spreadsheet.
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, bool) else neutralise(v)
                for k, v in row.items()
            }
        )
    return response
