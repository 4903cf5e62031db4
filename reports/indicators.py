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
        # The selector's set is built once per year (not per enterprise: that was quadratic).
        having = members & data.as_set(selector)
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
]

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
