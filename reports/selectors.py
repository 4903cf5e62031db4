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
from django.utils.translation import gettext_lazy

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


# Each figure list is declared once (key, label, register list, query) and filled with values;
# stored figures (``reports.figures``) keep the values only and are labelled here when read.
COUNT_FIGURES = [
    (
        "enterprises",
        gettext_lazy("Member enterprises"),
        "members:organization_list",
        {"kind": "enterprise"},
    ),
    ("schools", gettext_lazy("Member schools"), "members:organization_list", {"kind": "school"}),
    (
        "bases",
        gettext_lazy("Enterprises with a training base"),
        "reports:counted",
        {"indicator": "base_coverage"},
    ),
    (
        "stations",
        gettext_lazy("Enterprises with a teacher station"),
        "reports:counted",
        {"indicator": "station_coverage"},
    ),
    (
        "secondments",
        gettext_lazy("Teachers seconded"),
        "reports:counted",
        {"indicator": "secondment_rate"},
    ),
    (
        "craftsmen",
        gettext_lazy("Craftsmen in the pool"),
        "reports:counted",
        {"indicator": "craftsmen_teaching"},
    ),
    (
        "training",
        gettext_lazy("Training person-times"),
        "reports:counted",
        {"indicator": "training_ratio"},
    ),
    (
        "graduates",
        gettext_lazy("Graduates with a recorded outcome"),
        "placements:placement_list",
        {},
    ),
    ("events", gettext_lazy("Outreach events"), "placements:event_list", {}),
    (
        "meetings",
        gettext_lazy("Regular council meetings"),
        "reports:counted",
        {"indicator": "council_meetings"},
    ),
]

SCHOOL_FIGURES = [
    (
        "enrolled",
        gettext_lazy("Enrolled students"),
        "reports:counted",
        {"indicator": "training_ratio", "part": "denominator"},
    ),
    (
        "teachers",
        gettext_lazy("Professional teachers"),
        "reports:counted",
        {"indicator": "secondment_rate", "part": "denominator"},
    ),
    (
        "seconded",
        gettext_lazy("Teachers seconded"),
        "reports:counted",
        {"indicator": "secondment_rate"},
    ),
    (
        "training",
        gettext_lazy("Training person-times"),
        "reports:counted",
        {"indicator": "training_ratio"},
    ),
    ("certified", gettext_lazy("Certification passed / candidates"), "training:programme_list", {}),
    ("hours", gettext_lazy("Craftsmen teaching hours"), "training:assignment_list", {}),
    (
        "graduates",
        gettext_lazy("Graduates with a recorded outcome"),
        "placements:placement_list",
        {},
    ),
    (
        "employed",
        gettext_lazy("Employed graduates"),
        "reports:counted",
        {"indicator": "local_employment_rate", "part": "denominator"},
    ),
    (
        "recommendation",
        gettext_lazy("Recommendation events"),
        "placements:event_list",
        {"kind": "recommendation_fair"},
    ),
]

ENTERPRISE_FIGURES = [
    ("base", gettext_lazy("Training base (厂中校)"), "training:base_list", {}),
    ("station", gettext_lazy("Teacher station"), "training:station_list", {}),
    ("mentor", gettext_lazy("Career mentor"), "placements:mentor_list", {}),
    (
        "chairman",
        gettext_lazy("Chairman visited a school"),
        "placements:event_list",
        {"kind": "chairman_visit"},
    ),
    (
        "craftsmen",
        gettext_lazy("Craftsmen in the pool"),
        "reports:counted",
        {"indicator": "craftsmen_teaching"},
    ),
    ("hours", gettext_lazy("Craftsmen teaching hours"), "training:assignment_list", {}),
    ("secondments", gettext_lazy("Teacher secondments hosted"), "training:secondment_list", {}),
    (
        "order_class",
        gettext_lazy("Order-class graduates hired / graduates"),
        "reports:counted",
        {"indicator": "order_class_hire_rate"},
    ),
    ("hires", gettext_lazy("Graduates hired"), "placements:placement_list", {}),
    ("training", gettext_lazy("Employees trained (person-times)"), "training:programme_list", {}),
    ("events", gettext_lazy("Outreach events taken part in"), "placements:event_list", {}),
]


def figures_from(spec, values: dict, **query) -> list[Figure]:
    """The figures of ``spec`` with their ``values`` (yes/no for a boolean), linked with ``query``."""
    figures = []
    for key, label, url_name, extra in spec:
        value = values.get(key)
        if isinstance(value, bool):
            value = glossary.yes_no(value)
        figures.append(Figure(key, str(label), value, url_name, {**query, **extra}))
    return figures


def register_count_values(data: YearData) -> dict[str, object]:
    schools, enterprises = data.schools, data.enterprises
    employment = data.employment_counts
    return {
        "enterprises": len(enterprises),
        "schools": len(schools),
        "bases": len(enterprises & data.as_set("enterprises_with_active_base")),
        "stations": len(enterprises & data.as_set("enterprises_with_station")),
        "secondments": _sum(data.seconded_professional_teachers, schools),
        "craftsmen": _sum(data.craftsmen_by_enterprise, enterprises),
        "training": _sum(data.training_person_times, schools),
        "graduates": sum(employment[s].graduates for s in schools if s in employment),
        "events": sum(sum(kinds.values()) for kinds in data.outreach_by_semester.values()),
        "meetings": sum(data.regular_meetings_by_half),
    }


def register_counts(data: YearData) -> list[Figure]:
    return figures_from(COUNT_FIGURES, register_count_values(data))


def school_figure_values(data: YearData, school_id: int) -> dict[str, object]:
    figures = data.school_figures.get(school_id)
    employment = data.employment_counts.get(school_id)
    candidates, passed = data.certification_totals.get(school_id, (0, 0))
    return {
        "enrolled": figures.enrolled_students if figures else None,
        "teachers": figures.professional_teachers if figures else None,
        "seconded": data.seconded_professional_teachers.get(school_id, 0),
        "training": data.training_person_times.get(school_id, 0),
        "certified": f"{passed} / {candidates}",
        "hours": data.teaching_hours_by_school.get(school_id, 0),
        "graduates": employment.graduates if employment else 0,
        "employed": employment.employed if employment else 0,
        "recommendation": data.recommendation_events.get(school_id, 0),
    }


def school_figures_of(data: YearData, school_id: int) -> list[Figure]:
    return figures_from(SCHOOL_FIGURES, school_figure_values(data, school_id), school=school_id)


def enterprise_figure_values(data: YearData, enterprise_id: int) -> dict[str, object]:
    """The enterprise's obligations under the plan (base, station, mentor, chairman visit ...)."""
    oc_graduates, oc_hired = data.order_class_hires_by_enterprise.get(enterprise_id, (0, 0))
    return {
        "base": enterprise_id in data.as_set("enterprises_with_active_base"),
        "station": enterprise_id in data.as_set("enterprises_with_station"),
        "mentor": enterprise_id in data.as_set("enterprises_with_mentor"),
        "chairman": enterprise_id in data.as_set("enterprises_with_chairman_visit"),
        "craftsmen": data.craftsmen_by_enterprise.get(enterprise_id, 0),
        "hours": data.teaching_hours_by_enterprise.get(enterprise_id, 0),
        "secondments": data.secondments_by_enterprise.get(enterprise_id, 0),
        "order_class": f"{oc_hired} / {oc_graduates}",
        "hires": data.hires_by_enterprise.get(enterprise_id, 0),
        "training": data.training_person_times_by_enterprise.get(enterprise_id, 0),
        "events": data.events_by_enterprise.get(enterprise_id, 0),
    }


def enterprise_figures_of(data: YearData, enterprise_id: int) -> list[Figure]:
    return figures_from(
        ENTERPRISE_FIGURES, enterprise_figure_values(data, enterprise_id), enterprise=enterprise_id
    )


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

    @classmethod
    def of(cls, row) -> Cell:
        """The cell of an indicator row (computed now or stored)."""
        return cls(
            row.indicator.code,
            row.value_text,
            row.met,
            row.fraction_text,
            glossary.status(row.met, row.value),
        )


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
        lines.append(ScorecardLine(org_id, names[org_id], [Cell.of(r) for r in rows]))
    return columns, lines


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


def coverage_gaps(year: int, *, data: DataSet) -> dict[str, tuple[list[str], int]]:
    """Input key -> (names of the member organisations that entered nothing, members counted)."""
    d = data.year(year)
    schools, enterprises = d.schools, d.enterprises
    names = organization_names(schools | enterprises)
    spring, autumn = semesters(year)

    def gap(ids, having) -> tuple[list[str], int]:
        return sorted(names[i] for i in ids if i not in having), len(ids)

    def held(semester: str) -> set[int]:
        return {
            school
            for (school, sem), kinds in d.outreach_by_semester.items()
            if sem == semester and sum(kinds.values())
        }

    return {
        "school_figures": gap(schools, set(d.school_figures)),
        "secondments": gap(schools, {s for s, n in d.seconded_professional_teachers.items() if n}),
        "training": gap(schools, {s for s, n in d.training_person_times.items() if n}),
        "graduates": gap(schools, {s for s, c in d.employment_counts.items() if c.graduates}),
        "outreach_spring": gap(schools, held(spring)),
        "outreach_autumn": gap(schools, held(autumn)),
        "recommendation": gap(schools, {s for s, n in d.recommendation_events.items() if n}),
        "bases": gap(enterprises, d.as_set("enterprises_with_active_base")),
        "stations": gap(enterprises, d.as_set("enterprises_with_station")),
        "mentors": gap(enterprises, d.as_set("enterprises_with_mentor")),
        "chairman": gap(enterprises, d.as_set("enterprises_with_chairman_visit")),
        "craftsmen": gap(enterprises, {e for e, n in d.craftsmen_by_enterprise.items() if n}),
    }


def coverage_items(year: int, gaps: dict) -> list[CoverageItem]:
    """The data-coverage lines of ``year`` from its gaps (computed now or stored)."""
    spring, autumn = semesters(year)
    spec = [
        (
            "school_figures",
            _("School yearly figures (enrolment, professional teachers)"),
            SCHOOL,
            ["secondment_rate", "training_ratio"],
            "members:school_figures_list",
        ),
        (
            "secondments",
            _("Teacher secondments"),
            SCHOOL,
            ["secondment_rate"],
            "training:secondment_list",
        ),
        (
            "training",
            _("In-service training programmes"),
            SCHOOL,
            ["training_ratio"],
            "training:programme_list",
        ),
        (
            "graduates",
            _("Graduate outcomes"),
            SCHOOL,
            ["local_employment_rate", "alliance_employment_rate", "order_class_hire_rate"],
            "placements:placement_list",
        ),
        (
            "outreach_spring",
            _("Outreach events, spring semester %(semester)s") % {"semester": spring},
            SCHOOL,
            ["outreach_per_semester"],
            "placements:event_list",
        ),
        (
            "outreach_autumn",
            _("Outreach events, autumn semester %(semester)s") % {"semester": autumn},
            SCHOOL,
            ["outreach_per_semester"],
            "placements:event_list",
        ),
        (
            "recommendation",
            _("Graduate recommendation events"),
            SCHOOL,
            ["recommendation_events"],
            "placements:event_list",
        ),
        (
            "bases",
            _("In-plant training bases"),
            ENTERPRISE,
            ["base_coverage"],
            "training:base_list",
        ),
        (
            "stations",
            _("Teacher stations"),
            ENTERPRISE,
            ["station_coverage"],
            "training:station_list",
        ),
        ("mentors", _("Career mentors"), ENTERPRISE, ["mentor_coverage"], "placements:mentor_list"),
        (
            "chairman",
            _("Chairman school visits"),
            ENTERPRISE,
            ["chairman_visits"],
            "placements:event_list",
        ),
        (
            "craftsmen",
            _("Craftsmen in the pool"),
            ENTERPRISE,
            ["craftsmen_teaching"],
            "training:craftsman_list",
        ),
    ]
    return [
        CoverageItem(
            key,
            label,
            kind,
            list(gaps[key][0]),
            gaps[key][1],
            [str(BY_CODE[code].label) for code in codes],
            url_name,
        )
        for key, label, kind, codes, url_name in spec
    ]


def coverage(year: int, *, data: DataSet) -> list[CoverageItem]:
    return coverage_items(year, coverage_gaps(year, data=data))


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
