"""The indicator catalogue: every target of the county plan (DESIGN §4) as a small declared object.

Each indicator has ONE compute function for (year data, scope); the dashboards, the scorecards,
the ``kpi`` command and the annual report all call :func:`evaluate`, so a figure never differs
between two places. Scopes: the alliance, one school, one enterprise (``Scope``).

An empty denominator gives the value ``None`` ("no data"), and then ``met`` is ``None`` too:
never a division by zero, never a misleading 0 %.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _

from . import plans
from .plans import Comparison
from .sources import DataSet, YearData, semesters

ALLIANCE = "alliance"
SCHOOL = "school"
ENTERPRISE = "enterprise"

PERCENT = "%"
RATIO = "×"
COUNT = "count"


class Scope(NamedTuple):
    kind: str
    id: int | None = None

    @property
    def label(self) -> str:
        return self.kind if self.id is None else f"{self.kind}:{self.id}"


ALLIANCE_SCOPE = Scope(ALLIANCE)


@dataclass(frozen=True)
class Measure:
    value: Decimal | int | None
    numerator: int | Decimal | None = None
    denominator: int | Decimal | None = None
    # Figure compared with the target when it differs from the headline value (e.g. the weakest
    # school for "every school holds one event"); None: compare ``value``.
    compared: Decimal | int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # What the numerator and the denominator count (organisation ids, or (school, semester)
    # pairs), for the indicators whose drill-down lists them: the list is these, nothing else.
    counted: frozenset | None = None
    population: frozenset | None = None


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    formula: str
    scopes: frozenset[str]
    compute: Callable[[YearData, Scope], Measure]
    drilldown: str = ""
    drilldown_query: dict[str, str] = field(default_factory=dict)
    target_text: str = ""

    @property
    def has_trend(self) -> bool:
        return self.unit in (PERCENT, RATIO)

    def applies_to(self, scope: Scope) -> bool:
        return scope.kind in self.scopes


# ---------------------------------------------------------------------------------------------
# Arithmetic


def share(numerator: int | Decimal, denominator: int | Decimal) -> Decimal | None:
    """numerator / denominator in per cent, one decimal; None for an empty denominator."""
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def ratio(numerator: int | Decimal, denominator: int | Decimal) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _members(data: YearData, scope: Scope, kind: str) -> Iterable[int]:
    """The member organisations a scope covers: all members for the alliance, or the one id."""
    members = data.schools if kind == SCHOOL else data.enterprises
    if scope.kind == ALLIANCE:
        return members
    return [scope.id] if scope.id in members else []


# ---------------------------------------------------------------------------------------------
# Compute functions (one per indicator; each reads only YearData)


def _coverage(selector: str) -> Callable[[YearData, Scope], Measure]:
    """Share of member enterprises that have at least one record of a kind."""

    def compute(data: YearData, scope: Scope) -> Measure:
        members = frozenset(_members(data, scope, ENTERPRISE))
        having = members & frozenset(data.get(selector))
        return Measure(
            share(len(having), len(members)),
            len(having),
            len(members),
            counted=having,
            population=members,
        )

    return compute


def _secondment_rate(data: YearData, scope: Scope) -> Measure:
    schools = _members(data, scope, SCHOOL)
    figures = data.school_figures
    seconded = sum(data.seconded_professional_teachers.get(s, 0) for s in schools)
    teachers = sum(figures[s].professional_teachers for s in schools if s in figures)
    return Measure(share(seconded, teachers), seconded, teachers)


def _training_ratio(data: YearData, scope: Scope) -> Measure:
    schools = _members(data, scope, SCHOOL)
    figures = data.school_figures
    person_times = sum(data.training_person_times.get(s, 0) for s in schools)
    enrolled = sum(figures[s].enrolled_students for s in schools if s in figures)
    return Measure(ratio(person_times, enrolled), person_times, enrolled)


def _order_class_hire_rate(data: YearData, scope: Scope) -> Measure:
    if scope.kind == ENTERPRISE:
        pairs = [
            data.order_class_hires_by_enterprise.get(e, (0, 0))
            for e in _members(data, scope, ENTERPRISE)
        ]
    else:
        pairs = [data.order_class_hires.get(s, (0, 0)) for s in _members(data, scope, SCHOOL)]
    graduates = sum(p[0] for p in pairs)
    hired = sum(p[1] for p in pairs)
    return Measure(share(hired, graduates), hired, graduates)


def _apprentices(field_name: str) -> Callable[[YearData, Scope], Measure]:
    """One of the three apprentice figures, summed over the member enterprises of the scope."""

    def compute(data: YearData, scope: Scope) -> Measure:
        counts = data.apprentice_counts
        total = sum(
            getattr(counts[e], field_name) for e in _members(data, scope, ENTERPRISE) if e in counts
        )
        return Measure(total, total, None)

    return compute


def _craftsmen_teaching(data: YearData, scope: Scope) -> Measure:
    enterprises = list(_members(data, scope, ENTERPRISE))
    craftsmen = sum(data.craftsmen_by_enterprise.get(e, 0) for e in enterprises)
    hours = sum(
        (Decimal(data.teaching_hours_by_enterprise.get(e, 0)) for e in enterprises), Decimal(0)
    )
    return Measure(
        craftsmen, craftsmen, None, extra={"teaching_hours": hours.quantize(Decimal("0.1"))}
    )


def _employment(field_name: str) -> Callable[[YearData, Scope], Measure]:
    """Share of employed graduates of member schools: working in the county / at members."""

    def compute(data: YearData, scope: Scope) -> Measure:
        counts = [
            data.employment_counts[s]
            for s in _members(data, scope, SCHOOL)
            if s in data.employment_counts
        ]
        employed = sum(c.employed for c in counts)
        part = sum(getattr(c, field_name) for c in counts)
        return Measure(share(part, employed), part, employed)

    return compute


def _outreach_per_semester(data: YearData, scope: Scope) -> Measure:
    """School-semesters with both 家长企业行 and 企业宣传周 ÷ school-semesters of the year."""
    held = data.outreach_by_semester
    expected = frozenset(
        (school, semester)
        for school in _members(data, scope, SCHOOL)
        for semester in semesters(data.year)
    )
    done = frozenset(
        pair
        for pair in expected
        if held.get(pair, {}).get("parents_visit", 0) >= 1
        and held.get(pair, {}).get("promotion_week", 0) >= 1
    )
    return Measure(
        share(len(done), len(expected)),
        len(done),
        len(expected),
        counted=done,
        population=expected,
    )


def _recommendation_events(data: YearData, scope: Scope) -> Measure:
    """Events held; the target ("every school, every year") is checked on the weakest school."""
    schools = frozenset(_members(data, scope, SCHOOL))
    counts = [data.recommendation_events.get(s, 0) for s in schools]
    if not counts:
        return Measure(None, 0, 0)
    holding = frozenset(s for s in schools if data.recommendation_events.get(s, 0) >= 1)
    return Measure(
        sum(counts),
        len(holding),
        len(counts),
        compared=min(counts),
        counted=holding,
        population=schools,
    )


def _council_meetings(data: YearData, scope: Scope) -> Measure:
    """Regular meetings held; the target is checked on the half-years that had one (0, 1 or 2)."""
    first, second = data.regular_meetings_by_half
    held = first + second
    halves = (first > 0) + (second > 0)
    return Measure(
        held,
        held,
        None,
        compared=halves,
        extra={"half_years": halves, "first_half": first, "second_half": second},
    )


# ---------------------------------------------------------------------------------------------
# Co-building: majors, co-built institutions, services and research, teacher teams (issue 15)


def _majors(part: str) -> Callable[[YearData, Scope], Measure]:
    """Share of the enrolling majors of member schools that have ``part`` (a partner enterprise,
    or both a school and an enterprise lead)."""

    def compute(data: YearData, scope: Scope) -> Measure:
        counts = [
            data.majors_by_school[s]
            for s in _members(data, scope, SCHOOL)
            if s in data.majors_by_school
        ]
        majors = sum(c["majors"] for c in counts)
        having = sum(c[part] for c in counts)
        return Measure(share(having, majors), having, majors)

    return compute


def _co_built_institutions(data: YearData, scope: Scope) -> Measure:
    """Institutions open in the year; for the alliance, per kind in ``extra``."""
    if scope.kind == ALLIANCE:
        by_kind = data.institutions_by_kind
        total = sum(k["active"] for k in by_kind.values())
        return Measure(
            total, total, None, extra={kind: k["active"] for kind, k in sorted(by_kind.items())}
        )
    source = (
        data.institutions_by_school if scope.kind == SCHOOL else data.institutions_by_enterprise
    )
    total = source.get(scope.id, 0) if scope.id in _members(data, scope, scope.kind) else None
    return Measure(total, total, None)


def _service_projects(data: YearData, scope: Scope) -> Measure:
    """Projects running in the year (their contract value in ``extra``)."""
    if scope.kind == ENTERPRISE:
        total = sum(
            data.service_projects_by_enterprise.get(e, 0) for e in _members(data, scope, ENTERPRISE)
        )
        return Measure(total, total, None)
    pairs = [
        data.service_projects_by_school.get(s, (0, Decimal(0)))
        for s in _members(data, scope, SCHOOL)
    ]
    total = sum(p[0] for p in pairs)
    value = sum((p[1] for p in pairs), Decimal(0))
    return Measure(total, total, None, extra={"value": value})


def _patents_granted(data: YearData, scope: Scope) -> Measure:
    """Patents granted in the year (filed, transferred, and granted from co-built institutions
    such as innovation workshops in ``extra``)."""
    counts = [
        data.patents_by_school[s]
        for s in _members(data, scope, SCHOOL)
        if s in data.patents_by_school
    ]
    granted = sum(c["granted"] for c in counts)
    extra = {k: sum(c[k] for c in counts) for k in ("filed", "transferred", "from_institutions")}
    return Measure(granted, granted, None, extra=extra)


def _dual_qualified_share(data: YearData, scope: Scope) -> Measure:
    pairs = [
        data.dual_qualified_by_school[s]
        for s in _members(data, scope, SCHOOL)
        if s in data.dual_qualified_by_school
    ]
    teachers = sum(p[0] for p in pairs)
    dual = sum(p[1] for p in pairs)
    return Measure(share(dual, teachers), dual, teachers)


def _station_rows(data: YearData, scope: Scope) -> list[dict]:
    enterprises = frozenset(_members(data, scope, ENTERPRISE))
    return [r for r in data.station_posts if r["enterprise_id"] in enterprises]


def _stations_offering_posts(data: YearData, scope: Scope) -> Measure:
    """Open stations of member enterprises offering practice posts this year ÷ open stations."""
    rows = _station_rows(data, scope)
    offering = sum(1 for r in rows if not r["no_posts"])
    return Measure(share(offering, len(rows)), offering, len(rows))


def _practice_posts_filled(data: YearData, scope: Scope) -> Measure:
    """Practice places filled by seconded teachers ÷ places offered, over the stations."""
    rows = _station_rows(data, scope)
    offered = sum(r["offered"] for r in rows)
    filled = sum(min(r["filled"], r["offered"]) for r in rows)
    return Measure(share(filled, offered), filled, offered)


def _two_way_appointments(data: YearData, scope: Scope) -> Measure:
    if scope.kind == ALLIANCE:
        by_direction = data.appointments_by_direction
        total = sum(by_direction.values())
        return Measure(total, total, None, extra=dict(sorted(by_direction.items())))
    if scope.id not in _members(data, scope, scope.kind):
        return Measure(None)
    total = data.appointments_by_organization.get(scope.id, 0)
    return Measure(total, total, None)


# ---------------------------------------------------------------------------------------------
# The catalogue (order = the order of the report's indicator table)

ALL = frozenset({ALLIANCE, SCHOOL, ENTERPRISE})
ALLIANCE_AND_SCHOOL = frozenset({ALLIANCE, SCHOOL})
ALLIANCE_AND_ENTERPRISE = frozenset({ALLIANCE, ENTERPRISE})

INDICATORS: list[Indicator] = [
    Indicator(
        code="base_coverage",
        label=_("In-plant training base coverage"),
        unit=PERCENT,
        formula=_(
            "Member enterprises with at least one active in-plant training base (厂中校) ÷ member enterprises"
        ),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_coverage("enterprises_with_active_base"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "base_coverage"},
    ),
    Indicator(
        code="station_coverage",
        label=_("Teacher station coverage"),
        unit=PERCENT,
        formula=_(
            "Member enterprises with at least one teacher station (教师活动站) ÷ member enterprises"
        ),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_coverage("enterprises_with_station"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "station_coverage"},
    ),
    Indicator(
        code="secondment_rate",
        label=_("Teacher secondment rate"),
        unit=PERCENT,
        formula=_(
            "Professional teachers seconded to enterprises this year ÷ professional teachers"
        ),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_secondment_rate,
        drilldown="training:secondment_list",
    ),
    Indicator(
        code="training_ratio",
        label=_("Social training ratio"),
        unit=RATIO,
        formula=_(
            "Social training person-times ÷ enrolled students (social training: participants of "
            "the training programmes the school ran for employees and the public, counted in the "
            "year a programme starts)"
        ),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_training_ratio,
        drilldown="training:programme_list",
    ),
    Indicator(
        code="order_class_hire_rate",
        label=_("Order-class hire rate"),
        unit=PERCENT,
        formula=_("Order-class graduates hired by an order enterprise ÷ order-class graduates"),
        scopes=ALL,
        compute=_order_class_hire_rate,
        drilldown="placements:orderclass_list",
    ),
    Indicator(
        code="apprentices_new",
        label=_("Apprentices: new contracts"),
        unit=COUNT,
        formula=_("Apprenticeship contracts starting this year"),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_apprentices("new"),
        drilldown="placements:apprenticeship_list",
    ),
    Indicator(
        code="apprentices_in_training",
        label=_("Apprentices in training"),
        unit=COUNT,
        formula=_(
            "Apprentices in training at any time this year (contract running, not ended before "
            "the year)"
        ),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_apprentices("in_training"),
        drilldown="placements:apprenticeship_list",
    ),
    Indicator(
        code="apprentices_completed",
        label=_("Apprentices: completed"),
        unit=COUNT,
        formula=_("Apprenticeships completed this year"),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_apprentices("completed"),
        drilldown="placements:apprenticeship_list",
    ),
    Indicator(
        code="craftsmen_teaching",
        label=_("Craftsmen teaching in schools"),
        unit=COUNT,
        formula=_("Craftsmen in the pool (teaching hours delivered)"),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_craftsmen_teaching,
        drilldown="training:craftsman_list",
    ),
    Indicator(
        code="local_employment_rate",
        label=_("Local employment rate"),
        unit=PERCENT,
        formula=_("Employed graduates working in the county ÷ employed graduates"),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_employment("local"),
        drilldown="placements:placement_list",
    ),
    Indicator(
        code="alliance_employment_rate",
        label=_("Employment at member enterprises"),
        unit=PERCENT,
        formula=_("Employed graduates working at member enterprises ÷ employed graduates"),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_employment("at_member"),
        drilldown="placements:placement_list",
    ),
    Indicator(
        code="mentor_coverage",
        label=_("Career mentor coverage"),
        unit=PERCENT,
        formula=_("Member enterprises with a career mentor ÷ member enterprises"),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_coverage("enterprises_with_mentor"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "mentor_coverage"},
    ),
    Indicator(
        code="chairman_visits",
        label=_("Chairman school visits"),
        unit=PERCENT,
        formula=_(
            "Member enterprises whose chairman visited a school this year ÷ member enterprises"
        ),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_coverage("enterprises_with_chairman_visit"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "chairman_visits"},
    ),
    Indicator(
        code="outreach_per_semester",
        label=_("Outreach every semester"),
        unit=PERCENT,
        formula=_(
            "School semesters with both a parents' enterprise visit and an enterprise promotion week ÷ school semesters"
        ),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_outreach_per_semester,
        drilldown="reports:counted",
        drilldown_query={"indicator": "outreach_per_semester"},
        target_text=_("at least one of each per semester"),
    ),
    Indicator(
        code="recommendation_events",
        label=_("Graduate recommendation events"),
        unit=COUNT,
        formula=_(
            "Graduate recommendation events held this year (target checked for every school)"
        ),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_recommendation_events,
        drilldown="reports:counted",
        drilldown_query={"indicator": "recommendation_events"},
        target_text=_("at least one per school"),
    ),
    Indicator(
        code="council_meetings",
        label=_("Council meetings"),
        unit=COUNT,
        formula=_(
            "Regular council meetings held this year (target checked on the half-years with one)"
        ),
        scopes=frozenset({ALLIANCE}),
        compute=_council_meetings,
        drilldown="members:meeting_list",
        drilldown_query={"kind": "regular", "status": "held"},
        target_text=_("one in each half-year"),
    ),
    # --- co-building: majors, institutions, services and research, teacher teams (issue 15) ---
    Indicator(
        code="majors_with_partner",
        label=_("Majors with an enterprise partner"),
        unit=PERCENT,
        formula=_(
            "Enrolling majors of member schools with a partner enterprise ÷ enrolling majors"
        ),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_majors("with_partner"),
        drilldown="members:major_list",
        drilldown_query={"has_partner": "true"},
    ),
    Indicator(
        code="majors_with_both_leads",
        label=_("Majors with both leads"),
        unit=PERCENT,
        formula=_(
            "Enrolling majors with a school lead and an enterprise lead (双带头人) ÷ enrolling majors"
        ),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_majors("with_both_leads"),
        drilldown="members:major_list",
    ),
    Indicator(
        code="co_built_institutions",
        label=_("Co-built institutions"),
        unit=COUNT,
        formula=_(
            "Co-built institutions open this year (industry colleges, studios, innovation "
            "workshops, teams, committees, enterprise-run schooling), by kind"
        ),
        scopes=ALL,
        compute=_co_built_institutions,
        drilldown="training:institution_list",
    ),
    Indicator(
        code="service_projects",
        label=_("Technical service and research projects"),
        unit=COUNT,
        formula=_("Technical service, joint R&D and research projects running this year"),
        scopes=ALL,
        compute=_service_projects,
        drilldown="training:project_list",
    ),
    Indicator(
        code="patents_granted",
        label=_("Patents granted"),
        unit=COUNT,
        formula=_("Patents of member schools granted this year (filed and transferred alongside)"),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_patents_granted,
        drilldown="training:patent_list",
        drilldown_query={"status": "granted"},
    ),
    Indicator(
        code="dual_qualified_share",
        label=_("Dual-qualified teachers"),
        unit=PERCENT,
        formula=_("Dual-qualified (双师型) professional teachers ÷ professional teachers"),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_dual_qualified_share,
        drilldown="training:teacher_list",
        drilldown_query={"is_professional": "true", "is_dual_qualified": "true"},
    ),
    Indicator(
        code="stations_offering_posts",
        label=_("Stations offering practice posts"),
        unit=PERCENT,
        formula=_(
            "Open teacher stations of member enterprises offering practice posts this year ÷ "
            "open teacher stations"
        ),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_stations_offering_posts,
        drilldown="training:practice_posts",
    ),
    Indicator(
        code="practice_posts_filled",
        label=_("Practice places filled"),
        unit=PERCENT,
        formula=_(
            "Practice places filled by teachers seconded to the station this year ÷ places "
            "offered (at most the places offered count per station)"
        ),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_practice_posts_filled,
        drilldown="training:practice_posts",
    ),
    Indicator(
        code="two_way_appointments",
        label=_("Two-way appointments"),
        unit=COUNT,
        formula=_(
            "Teachers appointed by enterprises and enterprise talent appointed by schools, "
            "terms running this year"
        ),
        scopes=ALL,
        compute=_two_way_appointments,
        drilldown="training:appointment_list",
    ),
]

# ---------------------------------------------------------------------------------------------
# Issue 15 (part b): co-developed materials, talent demand and joint order classes, every form
# of training, employment guidance, external cooperation. Report-only figures (neither plan
# sets a number); they reach the dashboards, scorecards, kpi, the PDF and the open data.


def _sum_by_school(selector: str) -> Callable[[YearData, Scope], Measure]:
    """A count per school and kind, summed over the schools of the scope; ``extra`` by kind."""

    def compute(data: YearData, scope: Scope) -> Measure:
        by_kind: dict[str, int] = {}
        for school in _members(data, scope, SCHOOL):
            for kind, n in data.get(selector).get(school, {}).items():
                by_kind[kind] = by_kind.get(kind, 0) + n
        total = sum(by_kind.values())
        return Measure(total, total, None, extra={"by_kind": by_kind})

    return compute


def _order_classes_aligned(data: YearData, scope: Scope) -> Measure:
    pairs = [data.order_class_alignment.get(s, (0, 0)) for s in _members(data, scope, SCHOOL)]
    running = sum(p[0] for p in pairs)
    aligned = sum(p[1] for p in pairs)
    return Measure(share(aligned, running), aligned, running)


def _talent_demand(data: YearData, scope: Scope) -> Measure:
    demand = data.demand_by_enterprise
    headcount = sum(demand.get(e, 0) for e in _members(data, scope, ENTERPRISE))
    return Measure(headcount, headcount, None)


def _running_classes(data: YearData, scope: Scope) -> list[dict]:
    schools = frozenset(_members(data, scope, SCHOOL))
    return [c for c in data.classes_running if c["school"] in schools]


def _joint_order_classes(data: YearData, scope: Scope) -> Measure:
    joint = sum(1 for c in _running_classes(data, scope) if len(c["enterprises"]) >= 2)
    return Measure(joint, joint, None)


def _pilot_apprentices(data: YearData, scope: Scope) -> Measure:
    paths = data.apprentices_by_path
    enterprises = [e for e in _members(data, scope, ENTERPRISE) if e in paths]
    pilot = sum(paths[e]["pilot"] for e in enterprises)
    classes = sum(1 for c in _running_classes(data, scope) if c["kind"] == "apprenticeship_pilot")
    return Measure(
        pilot,
        pilot,
        None,
        extra={
            "pilot_classes": classes,
            "employees": sum(paths[e]["employee"] for e in enterprises),
            "new_hire": sum(paths[e]["new_hire"] for e in enterprises),
            "transferred": sum(paths[e]["transferred"] for e in enterprises),
        },
    )


def _scope_bases(data: YearData, scope: Scope) -> dict[int, dict]:
    enterprises = frozenset(_members(data, scope, ENTERPRISE))
    return {b: base for b, base in data.active_bases.items() if base["enterprise"] in enterprises}


def _bases_with_masters(data: YearData, scope: Scope) -> Measure:
    bases = _scope_bases(data, scope)
    with_masters = sum(1 for base in bases.values() if base["masters"] > 0)
    return Measure(share(with_masters, len(bases)), with_masters, len(bases))


def _internships_at_bases(data: YearData, scope: Scope) -> Measure:
    by_stage: dict[str, int] = {}
    for base in _scope_bases(data, scope):
        for stage, n in data.internships_by_base.get(base, {}).items():
            by_stage[stage] = by_stage.get(stage, 0) + n
    total = sum(by_stage.values())
    return Measure(total, total, None, extra={"by_stage": by_stage})


def _training_for(audience: str) -> Callable[[YearData, Scope], Measure]:
    """Training person-times of one audience, with the breakdown by funding department."""

    def compute(data: YearData, scope: Scope) -> Measure:
        by_department: dict[str, int] = {}
        for school in _members(data, scope, SCHOOL):
            for (department, aud), n in data.training_person_times_by_kind.get(school, {}).items():
                if aud == audience:
                    by_department[department] = by_department.get(department, 0) + n
        total = sum(by_department.values())
        return Measure(total, total, None, extra={"by_department": by_department})

    return compute


def _mentor_class_frequency(data: YearData, scope: Scope) -> Measure:
    """Career classes and enterprise lectures given by mentors ÷ mentors serving in the year."""
    enterprises = frozenset(_members(data, scope, ENTERPRISE))
    mentors = [m for m in data.mentor_events.values() if m["enterprise"] in enterprises]
    given = sum(m.get("career_class", 0) + m.get("expert_lecture", 0) for m in mentors)
    idle = sum(1 for m in mentors if not m.get("career_class") and not m.get("expert_lecture"))
    return Measure(ratio(given, len(mentors)), given, len(mentors), extra={"idle_mentors": idle})


def _followup_rate(data: YearData, scope: Scope) -> Measure:
    pairs = [data.followup_counts.get(s, (0, 0)) for s in _members(data, scope, SCHOOL)]
    graduates = sum(p[0] for p in pairs)
    followed = sum(p[1] for p in pairs)
    return Measure(share(followed, graduates), followed, graduates)


ALLIANCE_ONLY = frozenset({ALLIANCE})

INDICATORS.extend(
    [
        Indicator(
            code="materials_codeveloped",
            label=_("Co-developed teaching materials"),
            unit=COUNT,
            formula=_(
                "Programmes, curricula, textbooks, standards, post specifications and teaching "
                "resources schools completed with enterprises this year"
            ),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_sum_by_school("materials_by_kind"),
            drilldown="placements:material_list",
        ),
        Indicator(
            code="order_classes_aligned",
            label=_("Order classes with all five alignments"),
            unit=PERCENT,
            formula=_(
                "Order classes running this year with all five alignments (五融通) aligned ÷ "
                "order classes running this year"
            ),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_order_classes_aligned,
            drilldown="placements:orderclass_list",
        ),
        Indicator(
            code="talent_demand",
            label=_("Talent demand (headcount)"),
            unit=COUNT,
            formula=_(
                "People member enterprises said they need in this year's talent-demand survey"
            ),
            scopes=ALLIANCE_ONLY,
            compute=_talent_demand,
            drilldown="placements:demand_list",
        ),
        Indicator(
            code="joint_order_classes",
            label=_("Joint order classes"),
            unit=COUNT,
            formula=_("Order classes running this year trained for two or more enterprises"),
            scopes=ALLIANCE_ONLY,
            compute=_joint_order_classes,
            drilldown="placements:orderclass_list",
        ),
        Indicator(
            code="pilot_apprentices",
            label=_("Modern apprenticeship pilot students"),
            unit=COUNT,
            formula=_(
                "Full-time students in training this year as modern apprenticeship pilots on a "
                "tripartite agreement"
            ),
            scopes=ALLIANCE_ONLY,
            compute=_pilot_apprentices,
            drilldown="placements:apprenticeship_list",
            drilldown_query={"path": "pilot"},
        ),
        Indicator(
            code="bases_with_masters",
            label=_("Training bases with masters"),
            unit=PERCENT,
            formula=_(
                "Active training bases with at least one master (师傅) ÷ active training bases"
            ),
            scopes=ALLIANCE_AND_ENTERPRISE,
            compute=_bases_with_masters,
            drilldown="training:base_list",
        ),
        Indicator(
            code="internships_at_bases",
            label=_("Internships at training bases"),
            unit=COUNT,
            formula=_(
                "Cognitive, shadowing and placement internships running this year at the "
                "training bases"
            ),
            scopes=ALLIANCE_ONLY,
            compute=_internships_at_bases,
            drilldown="placements:internship_list",
        ),
        Indicator(
            code="training_employees",
            label=_("Training person-times: employees"),
            unit=COUNT,
            formula=_(
                "Person-times of the training programmes for enterprise employees starting this "
                "year"
            ),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_training_for("employees"),
            drilldown="training:programme_list",
            drilldown_query={"audience": "employees"},
        ),
        Indicator(
            code="training_public",
            label=_("Training person-times: the public"),
            unit=COUNT,
            formula=_(
                "Person-times of the social training programmes for the public starting this year"
            ),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_training_for("public"),
            drilldown="training:programme_list",
            drilldown_query={"audience": "public"},
        ),
        Indicator(
            code="mentor_class_frequency",
            label=_("Career classes per mentor"),
            unit=RATIO,
            formula=_(
                "Career classes and enterprise lectures given by career mentors this year ÷ "
                "career mentors serving"
            ),
            scopes=ALLIANCE_AND_ENTERPRISE,
            compute=_mentor_class_frequency,
            drilldown="placements:event_list",
            drilldown_query={"kind": "career_class"},
        ),
        Indicator(
            code="preference_coverage",
            label=_("Enterprises preferring county graduates"),
            unit=PERCENT,
            formula=_(
                "Member enterprises with a preferential measure for the county's vocational "
                "graduates in force (recruitment, pay, promotion) ÷ member enterprises"
            ),
            scopes=ALLIANCE_AND_ENTERPRISE,
            compute=_coverage("preference_areas"),
            drilldown="placements:preference_list",
        ),
        Indicator(
            code="followup_rate",
            label=_("Local talent followed up"),
            unit=PERCENT,
            formula=_(
                "Graduates working in the county followed up this year ÷ graduates working in "
                "the county that the local-talent archive follows"
            ),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_followup_rate,
            drilldown="placements:not_followed_list",
        ),
        Indicator(
            code="external_exchanges",
            label=_("Exchanges with external partners"),
            unit=COUNT,
            formula=_("Dated exchanges this year with partner institutions outside the city"),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_sum_by_school("exchanges_by_area"),
            drilldown="training:exchange_list",
        ),
    ]
)

BY_CODE: dict[str, Indicator] = {indicator.code: indicator for indicator in INDICATORS}


# ---------------------------------------------------------------------------------------------
# Evaluation against the target that applies


@dataclass(frozen=True)
class AppliedTarget:
    value: Decimal | None
    comparison: str
    source: str
    overridden: bool
    #: the plan whose target this is (its title); "" for a secretariat's override
    plan: str = ""


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    scope: Scope
    year: int
    measure: Measure
    target: AppliedTarget
    met: bool | None
    previous: Decimal | int | None = None

    @property
    def value(self):
        return self.measure.value

    @property
    def value_text(self) -> str:
        return format_value(self.indicator, self.measure.value)

    @property
    def target_text(self) -> str:
        return format_target(self.indicator, self.target)

    @property
    def fraction_text(self) -> str:
        """ "numerator / denominator", shown beside a rate; "" for a plain count."""
        measure = self.measure
        if measure.denominator is None:
            return ""
        return f"{format_number(measure.numerator)} / {format_number(measure.denominator)}"


def default_target(indicator: Indicator) -> AppliedTarget:
    """The target the deployment's plan sets for ``indicator`` (report only when it sets none)."""
    plan = plans.current()
    target = plan.target(indicator.code)
    return AppliedTarget(
        target.value, target.comparison, str(target.clause), overridden=False, plan=plan.title
    )


def judge(value, target: AppliedTarget, previous=None, compared=None) -> bool | None:
    """Met (True), not met (False), or no judgement (None: report-only or no data)."""
    if value is None:
        return None
    if target.comparison == Comparison.AT_LEAST and target.value is not None:
        return (compared if compared is not None else value) >= target.value
    if target.comparison == Comparison.RISES:
        return None if previous is None else value > previous
    return None


def evaluate(
    indicator: Indicator,
    data: DataSet,
    year: int,
    scope: Scope,
    target: AppliedTarget | None = None,
) -> Row:
    target = target or default_target(indicator)
    measure = indicator.compute(data.year(year), scope)
    previous = None
    if target.comparison == Comparison.RISES:
        previous = indicator.compute(data.year(year - 1), scope).value
    met = judge(measure.value, target, previous=previous, compared=measure.compared)
    return Row(indicator, scope, year, measure, target, met, previous)


def format_number(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
    return str(value)


def format_value(indicator: Indicator, value) -> str:
    """The one textual form of a value (dashboards, kpi --format table and the PDF agree)."""
    if value is None:
        return "—"
    if indicator.unit == PERCENT:
        return f"{value:.1f}%"
    if indicator.unit == RATIO:
        return f"{value:.2f}"
    return format_number(value)


def format_target(indicator: Indicator, target: AppliedTarget) -> str:
    if target.comparison == Comparison.REPORT:
        return str(_("report only"))
    if target.comparison == Comparison.RISES:
        return str(_("rises every year"))
    if target.value is None:
        return "—"
    unit = "%" if indicator.unit == PERCENT else ""
    text = f"≥ {format_number(target.value)}{unit}"
    if indicator.target_text and not target.overridden:
        text = f"{text} ({indicator.target_text})"
    return text


def json_number(value):
    if value is None:
        return None
    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral() and value.as_tuple().exponent >= 0
            else float(value)
        )
    return value
