"""Reads of the reports app: indicator tables, trends, scorecards and data coverage.

Every function takes a :class:`~reports.sources.DataSet` (or makes one), so a page that shows the
alliance, every school and every enterprise still calls each of the other apps' selectors once
per year: the number of queries does not grow with the number of records or organisations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from alliance import glossary
from members import selectors as member_selectors

from .indicators import (
    ALLIANCE_SCOPE,
    BY_CODE,
    ENTERPRISE,
    INDICATORS,
    SCHOOL,
    AppliedTarget,
    Indicator,
    Row,
    Scope,
    default_target,
    evaluate,
    format_target,
    format_value,
    json_number,
    share,
)
from .models import AnnualReport, ReportStatus, Target
from .sources import DataSet, YearData, semesters

TREND_YEARS = 5
FIRST_YEAR = 2023  # the alliance was founded by the plan of December 2023


def default_year() -> int:
    """The year the dashboards open on: the alliance-wide rule (the latest year schools have
    reported their yearly figures for), so dashboards and obligation pages agree."""
    return member_selectors.default_year()


def year_choices() -> list[int]:
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


def target_text(code: str, target: AppliedTarget) -> str:
    return format_target(BY_CODE[code], target)


def applied_targets(year: int) -> dict[str, AppliedTarget]:
    """The target of every indicator in ``year``: the secretariat's override or the plan's default."""
    overrides = {t.indicator: t for t in Target.objects.filter(year=year)}
    applied = {}
    for indicator in INDICATORS:
        override = overrides.get(indicator.code)
        if override is None:
            applied[indicator.code] = default_target(indicator)
        else:
            applied[indicator.code] = AppliedTarget(
                override.value, override.comparison, override.source, overridden=True
            )
    return applied


def indicator_rows(
    year: int,
    scope: Scope = ALLIANCE_SCOPE,
    *,
    data: DataSet | None = None,
    targets: dict[str, AppliedTarget] | None = None,
) -> list[Row]:
    data = data or DataSet()
    targets = targets if targets is not None else applied_targets(year)
    return [
        evaluate(indicator, data, year, scope, targets[indicator.code])
        for indicator in INDICATORS
        if indicator.applies_to(scope)
    ]


def trend(
    year: int, scope: Scope = ALLIANCE_SCOPE, *, data: DataSet, years: int = TREND_YEARS
) -> dict[str, list[tuple[int, Decimal | None]]]:
    """code -> [(year, value)] over the last ``years`` years, for the rate indicators."""
    span = range(year - years + 1, year + 1)
    return {
        indicator.code: [(y, indicator.compute(data.year(y), scope).value) for y in span]
        for indicator in INDICATORS
        if indicator.has_trend and indicator.applies_to(scope)
    }


def row_payload(row: Row) -> dict:
    """One indicator row as plain JSON (kpi, the public JSON/CSV and the report's snapshot)."""
    indicator = row.indicator
    return {
        "code": indicator.code,
        "label": str(indicator.label),
        "unit": indicator.unit,
        "value": json_number(row.measure.value),
        "value_text": row.value_text,
        "target": json_number(row.target.value),
        "comparison": row.target.comparison,
        "target_text": row.target_text,
        "target_source": row.target.source,
        "target_overridden": row.target.overridden,
        "target_plan": row.target.plan,
        "met": row.met,
        "numerator": json_number(row.measure.numerator),
        "denominator": json_number(row.measure.denominator),
        "previous": json_number(row.previous),
        "extra": {key: json_number(value) for key, value in row.measure.extra.items()},
        "formula": str(indicator.formula),
    }


def kpi_payload(year: int, scope: Scope = ALLIANCE_SCOPE, *, data: DataSet | None = None) -> dict:
    rows = indicator_rows(year, scope, data=data)
    return {
        "year": year,
        "scope": scope.label,
        "indicators": [row_payload(row) for row in rows],
    }


# ---------------------------------------------------------------------------------------------
# Register counts and scorecards


@dataclass
class Figure:
    """A number on a dashboard, with the register list it counts (url name + query)."""

    key: str
    label: str
    value: object
    url_name: str = ""
    query: dict = field(default_factory=dict)


def _sum(mapping: dict, keys) -> int:
    return sum(mapping.get(k, 0) for k in keys)


def register_counts(data: YearData) -> list[Figure]:
    schools, enterprises = data.schools, data.enterprises
    employment = data.employment_counts
    events = sum(sum(kinds.values()) for kinds in data.outreach_by_semester.values())
    return [
        Figure(
            "enterprises",
            _("Member enterprises"),
            len(enterprises),
            "members:organization_list",
            {"kind": "enterprise"},
        ),
        Figure(
            "schools",
            _("Member schools"),
            len(schools),
            "members:organization_list",
            {"kind": "school"},
        ),
        Figure(
            "bases",
            _("Enterprises with a training base"),
            len(enterprises & set(data.enterprises_with_active_base)),
            "reports:counted",
            {"indicator": "base_coverage"},
        ),
        Figure(
            "stations",
            _("Enterprises with a teacher station"),
            len(enterprises & set(data.enterprises_with_station)),
            "reports:counted",
            {"indicator": "station_coverage"},
        ),
        Figure(
            "secondments",
            _("Teachers seconded"),
            _sum(data.seconded_professional_teachers, schools),
            "reports:counted",
            {"indicator": "secondment_rate"},
        ),
        Figure(
            "craftsmen",
            _("Craftsmen in the pool"),
            _sum(data.craftsmen_by_enterprise, enterprises),
            "reports:counted",
            {"indicator": "craftsmen_teaching"},
        ),
        Figure(
            "training",
            _("Training person-times"),
            _sum(data.training_person_times, schools),
            "reports:counted",
            {"indicator": "training_ratio"},
        ),
        Figure(
            "graduates",
            _("Graduates with a recorded outcome"),
            sum(employment[s].graduates for s in schools if s in employment),
            "placements:placement_list",
        ),
        Figure("events", _("Outreach events"), events, "placements:event_list"),
        Figure(
            "meetings",
            _("Regular council meetings"),
            sum(data.regular_meetings_by_half),
            "reports:counted",
            {"indicator": "council_meetings"},
        ),
    ]


def school_figures_of(data: YearData, school_id: int) -> list[Figure]:
    figures = data.school_figures.get(school_id)
    employment = data.employment_counts.get(school_id)
    candidates, passed = data.certification_totals.get(school_id, (0, 0))
    q = {"school": school_id}
    return [
        Figure(
            "enrolled",
            _("Enrolled students"),
            figures.enrolled_students if figures else None,
            "reports:counted",
            {**q, "indicator": "training_ratio", "part": "denominator"},
        ),
        Figure(
            "teachers",
            _("Professional teachers"),
            figures.professional_teachers if figures else None,
            "reports:counted",
            {**q, "indicator": "secondment_rate", "part": "denominator"},
        ),
        Figure(
            "seconded",
            _("Teachers seconded"),
            data.seconded_professional_teachers.get(school_id, 0),
            "reports:counted",
            {**q, "indicator": "secondment_rate"},
        ),
        Figure(
            "training",
            _("Training person-times"),
            data.training_person_times.get(school_id, 0),
            "reports:counted",
            {**q, "indicator": "training_ratio"},
        ),
        Figure(
            "certified",
            _("Certification passed / candidates"),
            f"{passed} / {candidates}",
            "training:programme_list",
            q,
        ),
        Figure(
            "hours",
            _("Craftsmen teaching hours"),
            data.teaching_hours_by_school.get(school_id, 0),
            "training:assignment_list",
            q,
        ),
        Figure(
            "graduates",
            _("Graduates with a recorded outcome"),
            employment.graduates if employment else 0,
            "placements:placement_list",
            q,
        ),
        Figure(
            "employed",
            _("Employed graduates"),
            employment.employed if employment else 0,
            "reports:counted",
            {**q, "indicator": "local_employment_rate", "part": "denominator"},
        ),
        Figure(
            "recommendation",
            _("Recommendation events"),
            data.recommendation_events.get(school_id, 0),
            "placements:event_list",
            {**q, "kind": "recommendation_fair"},
        ),
    ]


def enterprise_figures_of(data: YearData, enterprise_id: int) -> list[Figure]:
    """The enterprise's obligations under the plan (base, station, mentor, chairman visit ...)."""
    q = {"enterprise": enterprise_id}
    yes, no = glossary.yes_no(True), glossary.yes_no(False)
    oc_graduates, oc_hired = data.order_class_hires_by_enterprise.get(enterprise_id, (0, 0))
    return [
        Figure(
            "base",
            _("Training base (厂中校)"),
            yes if enterprise_id in data.enterprises_with_active_base else no,
            "training:base_list",
            q,
        ),
        Figure(
            "station",
            _("Teacher station"),
            yes if enterprise_id in data.enterprises_with_station else no,
            "training:station_list",
            q,
        ),
        Figure(
            "mentor",
            _("Career mentor"),
            yes if enterprise_id in data.enterprises_with_mentor else no,
            "placements:mentor_list",
            q,
        ),
        Figure(
            "chairman",
            _("Chairman visited a school"),
            yes if enterprise_id in data.enterprises_with_chairman_visit else no,
            "placements:event_list",
            {**q, "kind": "chairman_visit"},
        ),
        Figure(
            "craftsmen",
            _("Craftsmen in the pool"),
            data.craftsmen_by_enterprise.get(enterprise_id, 0),
            "reports:counted",
            {**q, "indicator": "craftsmen_teaching"},
        ),
        Figure(
            "hours",
            _("Craftsmen teaching hours"),
            data.teaching_hours_by_enterprise.get(enterprise_id, 0),
            "training:assignment_list",
            q,
        ),
        Figure(
            "secondments",
            _("Teacher secondments hosted"),
            data.secondments_by_enterprise.get(enterprise_id, 0),
            "training:secondment_list",
            q,
        ),
        Figure(
            "order_class",
            _("Order-class graduates hired / graduates"),
            f"{oc_hired} / {oc_graduates}",
            "reports:counted",
            {**q, "indicator": "order_class_hire_rate"},
        ),
        Figure(
            "hires",
            _("Graduates hired"),
            data.hires_by_enterprise.get(enterprise_id, 0),
            "placements:placement_list",
            q,
        ),
        Figure(
            "training",
            _("Employees trained (person-times)"),
            data.training_person_times_by_enterprise.get(enterprise_id, 0),
            "training:programme_list",
            q,
        ),
        Figure(
            "events",
            _("Outreach events taken part in"),
            data.events_by_enterprise.get(enterprise_id, 0),
            "placements:event_list",
            q,
        ),
    ]


def organization_names(ids) -> dict[int, str]:
    ids = list(ids)
    found = member_selectors.organization_names(ids)
    return {i: found.get(i, f"#{i}") for i in ids}


@dataclass
class Cell:
    code: str
    text: str
    met: bool | None
    fraction: str = ""
    status: str = ""


@dataclass
class ScorecardLine:
    id: int
    name: str
    cells: list[Cell]


def scorecard_lines(
    year: int, kind: str, *, data: DataSet, targets: dict[str, AppliedTarget]
) -> tuple[list[Indicator], list[ScorecardLine]]:
    """One compact line per member school (or enterprise): the indicators of that scope."""
    year_data = data.year(year)
    ids = year_data.schools if kind == SCHOOL else year_data.enterprises
    names = organization_names(ids)
    columns = [i for i in INDICATORS if kind in i.scopes]
    lines = []
    for org_id in sorted(ids, key=lambda i: names[i]):
        rows = [evaluate(i, data, year, Scope(kind, org_id), targets[i.code]) for i in columns]
        lines.append(
            ScorecardLine(
                org_id,
                names[org_id],
                [
                    Cell(
                        r.indicator.code,
                        r.value_text,
                        r.met,
                        r.fraction_text,
                        glossary.status(r.met, r.value),
                    )
                    for r in rows
                ],
            )
        )
    return columns, lines


@dataclass
class FigureLine:
    """One member organisation's results for a few indicators (the obligation pages)."""

    id: int
    name: str
    rows: list[Row]


def figure_lines(
    year: int,
    kind: str,
    codes: list[str],
    *,
    data: DataSet,
    targets: dict[str, AppliedTarget],
    only: set[int] | None = None,
) -> list[FigureLine]:
    """The members of ``kind`` in ``year`` (those in ``only``, if given), each with the rows of
    the indicators ``codes`` at its own scope."""
    year_data = data.year(year)
    ids = year_data.schools if kind == SCHOOL else year_data.enterprises
    if only is not None:
        ids = ids & only
    names = organization_names(ids)
    return [
        FigureLine(
            org_id,
            names[org_id],
            [evaluate(BY_CODE[c], data, year, Scope(kind, org_id), targets[c]) for c in codes],
        )
        for org_id in sorted(ids, key=lambda i: names[i])
    ]


# ---------------------------------------------------------------------------------------------
# Data coverage


@dataclass
class CoverageItem:
    """An input of the indicators and the member organisations that entered nothing for it."""

    key: str
    label: str
    kind: str
    missing: list[str]
    total: int
    indicators: list[str]
    url_name: str = ""

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def missing_text(self) -> str:
        """The names, shortened for long lists (a county has hundreds of enterprises)."""
        if not self.missing:
            return str(glossary.NONE)
        if len(self.missing) <= 12:
            return "、".join(self.missing)
        return _("%(names)s and %(count)s more") % {
            "names": "、".join(self.missing[:12]),
            "count": len(self.missing) - 12,
        }

    @property
    def entered(self) -> int:
        return self.total - len(self.missing)


def coverage(year: int, *, data: DataSet) -> list[CoverageItem]:
    d = data.year(year)
    schools, enterprises = d.schools, d.enterprises
    names = organization_names(schools | enterprises)
    spring, autumn = semesters(year)

    def missing(ids, having) -> list[str]:
        return sorted(names[i] for i in ids if i not in having)

    def held(semester: str) -> set[int]:
        return {
            school
            for (school, sem), kinds in d.outreach_by_semester.items()
            if sem == semester and sum(kinds.values())
        }

    employment = {s for s, c in d.employment_counts.items() if c.graduates}
    items = [
        CoverageItem(
            "school_figures",
            _("School yearly figures (enrolment, professional teachers)"),
            SCHOOL,
            missing(schools, set(d.school_figures)),
            len(schools),
            ["secondment_rate", "training_ratio"],
            "members:school_figures_list",
        ),
        CoverageItem(
            "secondments",
            _("Teacher secondments"),
            SCHOOL,
            missing(schools, {s for s, n in d.seconded_professional_teachers.items() if n}),
            len(schools),
            ["secondment_rate"],
            "training:secondment_list",
        ),
        CoverageItem(
            "training",
            _("In-service training programmes"),
            SCHOOL,
            missing(schools, {s for s, n in d.training_person_times.items() if n}),
            len(schools),
            ["training_ratio"],
            "training:programme_list",
        ),
        CoverageItem(
            "graduates",
            _("Graduate outcomes"),
            SCHOOL,
            missing(schools, employment),
            len(schools),
            ["local_employment_rate", "alliance_employment_rate", "order_class_hire_rate"],
            "placements:placement_list",
        ),
        CoverageItem(
            "outreach_spring",
            _("Outreach events, spring semester %(semester)s") % {"semester": spring},
            SCHOOL,
            missing(schools, held(spring)),
            len(schools),
            ["outreach_per_semester"],
            "placements:event_list",
        ),
        CoverageItem(
            "outreach_autumn",
            _("Outreach events, autumn semester %(semester)s") % {"semester": autumn},
            SCHOOL,
            missing(schools, held(autumn)),
            len(schools),
            ["outreach_per_semester"],
            "placements:event_list",
        ),
        CoverageItem(
            "recommendation",
            _("Graduate recommendation events"),
            SCHOOL,
            missing(schools, {s for s, n in d.recommendation_events.items() if n}),
            len(schools),
            ["recommendation_events"],
            "placements:event_list",
        ),
        CoverageItem(
            "bases",
            _("In-plant training bases"),
            ENTERPRISE,
            missing(enterprises, d.enterprises_with_active_base),
            len(enterprises),
            ["base_coverage"],
            "training:base_list",
        ),
        CoverageItem(
            "stations",
            _("Teacher stations"),
            ENTERPRISE,
            missing(enterprises, d.enterprises_with_station),
            len(enterprises),
            ["station_coverage"],
            "training:station_list",
        ),
        CoverageItem(
            "mentors",
            _("Career mentors"),
            ENTERPRISE,
            missing(enterprises, d.enterprises_with_mentor),
            len(enterprises),
            ["mentor_coverage"],
            "placements:mentor_list",
        ),
        CoverageItem(
            "chairman",
            _("Chairman school visits"),
            ENTERPRISE,
            missing(enterprises, d.enterprises_with_chairman_visit),
            len(enterprises),
            ["chairman_visits"],
            "placements:event_list",
        ),
        CoverageItem(
            "craftsmen",
            _("Craftsmen in the pool"),
            ENTERPRISE,
            missing(enterprises, {e for e, n in d.craftsmen_by_enterprise.items() if n}),
            len(enterprises),
            ["craftsmen_teaching"],
            "training:craftsman_list",
        ),
    ]
    for item in items:
        item.indicators = [str(BY_CODE[code].label) for code in item.indicators]
    return items


# ---------------------------------------------------------------------------------------------
# Report runs


def published_reports():
    return AnnualReport.objects.filter(is_published=True).order_by("-year", "-published_at")


#: The columns of the open data (the public CSV and JSON files and the open API).
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
    "target_plan",
    "met",
    "formula",
]


def open_data_rows(report: AnnualReport) -> list[dict]:
    """The published indicator table of a run, as open data (values with their definitions)."""
    return [{key: row.get(key) for key in OPEN_DATA_FIELDS} for row in report.indicators]


def published_years() -> list[AnnualReport]:
    """The latest published run of each year, newest year first."""
    latest: dict[int, AnnualReport] = {}
    for report in published_reports():
        latest.setdefault(report.year, report)
    return list(latest.values())


def latest_runs(limit: int = 30):
    return AnnualReport.objects.select_related("requested_by").order_by("-requested_at", "-pk")[
        :limit
    ]


def active_run(year: int) -> AnnualReport | None:
    return (
        AnnualReport.objects.filter(
            year=year, status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING]
        )
        .order_by("-pk")
        .first()
    )


def value_text(code: str, value) -> str:
    return format_value(BY_CODE[code], value)


# ---------------------------------------------------------------------------------------------
# The retention funnel (issue 16): a graduation cohort from order class or apprenticeship to
# 24 months in the county, by school, major and enterprise.

FUNNEL_CODES = ("funnel_hired", "retained_6m", "retained_12m", "retained_24m")


@dataclass
class FunnelLine:
    """One line of a breakdown: counts summed over the funnel cells of one key, each retained
    count with its share of the hired (``indicators.share``: the same arithmetic as the
    indicators; None before any follow-up of that milestone)."""

    key: object
    label: str
    graduates: int = 0
    hired: int = 0
    followed: list[int] = field(default_factory=lambda: [0, 0, 0])
    retained: list[int] = field(default_factory=lambda: [0, 0, 0])

    @property
    def stages(self) -> list[tuple[int, int, Decimal | None]]:
        return [
            (f, r, share(r, self.hired) if f else None)
            for f, r in zip(self.followed, self.retained, strict=True)
        ]


def funnel_breakdown(year: int, *, data: DataSet) -> dict[str, list[FunnelLine]]:
    """The cohort's funnel cells of member schools summed by school, by major and by member
    enterprise (graduates not hired by a member are in no enterprise line), plus the total."""
    d = data.year(year)
    rows = [r for r in d.retention_funnel if r.school in d.schools]
    names = organization_names(
        {r.school for r in rows} | {r.enterprise for r in rows if r.enterprise}
    )
    groups: dict[str, dict] = {"school": {}, "major": {}, "enterprise": {}, "total": {}}
    for r in rows:
        keys = {
            "school": (r.school, names[r.school]),
            "major": (r.major, r.major),
            "total": (None, _("All member schools")),
        }
        if r.enterprise:
            keys["enterprise"] = (r.enterprise, names[r.enterprise])
        for group, (key, label) in keys.items():
            line = groups[group].setdefault(key, FunnelLine(key, label))
            line.graduates += r.graduates
            line.hired += r.hired
            for i in range(3):
                line.followed[i] += r.followed[i]
                line.retained[i] += r.retained[i]
    return {
        group: sorted(lines.values(), key=lambda line: (-line.graduates, line.label))
        for group, lines in groups.items()
    }
