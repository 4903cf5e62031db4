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

from alliance import glossary
from alliance.numbers import NO_VALUE, format_number

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
    # What the numerator and the denominator count (organisation ids, (school, semester) pairs
    # or record ids, as the indicator's ``lists`` says): the drill-down lists these, nothing else.
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
    # What the keys of Measure.counted and Measure.population are (reports/listings.py LISTINGS).
    lists: tuple[str, str] = ("organisations", "organisations")

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


def _union(groups: dict, keys: Iterable[int], field_name: str | None = None) -> frozenset:
    """The records of ``groups`` (organisation id -> record ids, or -> a tuple of them) under the
    organisations ``keys``; ``field_name`` picks one set of the tuple."""
    records: set = set()
    for key in keys:
        group = groups.get(key)
        if group is not None:
            records |= getattr(group, field_name) if field_name else group
    return frozenset(records)


def _secondment_rate(data: YearData, scope: Scope) -> Measure:
    """Seconded professional teachers (each once, however many secondments) ÷ the professional
    teachers the member schools reported."""
    schools = _members(data, scope, SCHOOL)
    figures = data.school_figures
    seconded = _union(data.seconded_teachers, schools)
    reporting = frozenset(s for s in schools if s in figures)
    teachers = sum(figures[s].professional_teachers for s in reporting)
    return Measure(
        share(len(seconded), teachers),
        len(seconded),
        teachers,
        counted=seconded,
        population=reporting,
    )


def _training_ratio(data: YearData, scope: Scope) -> Measure:
    schools = _members(data, scope, SCHOOL)
    figures = data.school_figures
    person_times = sum(data.training_person_times.get(s, 0) for s in schools)
    reporting = frozenset(s for s in schools if s in figures)
    enrolled = sum(figures[s].enrolled_students for s in reporting)
    return Measure(
        ratio(person_times, enrolled),
        person_times,
        enrolled,
        counted=_union(data.training_programmes, schools),
        population=reporting,
    )


def _order_class_hire_rate(data: YearData, scope: Scope) -> Measure:
    """Students of order classes graduating this year, and those of them hired by one of their
    class's enterprises that was a member that year; by the class's school, or at enterprise
    scope by the ordering enterprise."""
    if scope.kind == ENTERPRISE:
        groups, keys = data.order_class_records_by_enterprise, _members(data, scope, ENTERPRISE)
    else:
        groups, keys = data.order_class_records, _members(data, scope, SCHOOL)
    graduates = _union(groups, keys, "graduates")
    hired = _union(groups, keys, "hired")
    return Measure(
        share(len(hired), len(graduates)),
        len(hired),
        len(graduates),
        counted=hired,
        population=graduates,
    )


def _apprentices(field_name: str) -> Callable[[YearData, Scope], Measure]:
    """One of the three apprentice figures, over the member enterprises of the scope."""

    def compute(data: YearData, scope: Scope) -> Measure:
        records = _union(data.apprentice_records, _members(data, scope, ENTERPRISE), field_name)
        return Measure(len(records), len(records), None, counted=records)

    return compute


def _craftsmen_teaching(data: YearData, scope: Scope) -> Measure:
    enterprises = list(_members(data, scope, ENTERPRISE))
    craftsmen = _union(data.craftsmen_in_pool, enterprises)
    hours = sum(
        (Decimal(data.teaching_hours_by_enterprise.get(e, 0)) for e in enterprises), Decimal(0)
    )
    return Measure(
        len(craftsmen),
        len(craftsmen),
        None,
        extra={"teaching_hours": hours.quantize(Decimal("0.1"))},
        counted=craftsmen,
    )


def _employment(field_name: str) -> Callable[[YearData, Scope], Measure]:
    """Share of employed graduates of member schools: working in the county / at members."""

    def compute(data: YearData, scope: Scope) -> Measure:
        schools = _members(data, scope, SCHOOL)
        employed = _union(data.employment_records, schools, "employed")
        part = _union(data.employment_records, schools, field_name)
        return Measure(
            share(len(part), len(employed)),
            len(part),
            len(employed),
            counted=part,
            population=employed,
        )

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
    first_half, second_half = data.regular_meetings_held
    first, second = len(first_half), len(second_half)
    held = first + second
    halves = (first > 0) + (second > 0)
    return Measure(
        held,
        held,
        None,
        compared=halves,
        extra={"half_years": halves, "first_half": first, "second_half": second},
        counted=first_half | second_half,
    )


# ---------------------------------------------------------------------------------------------
# Co-building: majors, co-built institutions, services and research, teacher teams (issue 15)


def _majors(part: str) -> Callable[[YearData, Scope], Measure]:
    """Share of the enrolling majors of member schools that have ``part`` (a partner enterprise,
    or both a school and an enterprise lead)."""

    def compute(data: YearData, scope: Scope) -> Measure:
        schools = list(_members(data, scope, SCHOOL))
        majors = _union(data.enrolling_majors, schools, "majors")
        having = _union(data.enrolling_majors, schools, part)
        return Measure(
            share(len(having), len(majors)),
            len(having),
            len(majors),
            counted=having,
            population=majors,
        )

    return compute


def _of_organisation(records: dict, organisation: int, field_name: str) -> frozenset:
    """The ids of ``records`` (id -> fields) whose ``field_name`` is ``organisation`` or, for a
    set of partners, holds it."""
    found = set()
    for pk, record in records.items():
        value = record[field_name]
        if organisation in value if isinstance(value, frozenset) else organisation == value:
            found.add(pk)
    return frozenset(found)


def _co_built_institutions(data: YearData, scope: Scope) -> Measure:
    """Institutions open in the year; for the alliance, every one of the register, per kind in
    ``extra``."""
    institutions = data.open_institutions
    if scope.kind == ALLIANCE:
        counted = frozenset(institutions)
        by_kind: dict[str, int] = {}
        for pk in counted:
            kind = institutions[pk]["kind"]
            by_kind[kind] = by_kind.get(kind, 0) + 1
        return Measure(
            len(counted), len(counted), None, extra=dict(sorted(by_kind.items())), counted=counted
        )
    if scope.id not in _members(data, scope, scope.kind):
        return Measure(None)
    field_name = "school" if scope.kind == SCHOOL else "enterprises"
    counted = _of_organisation(institutions, scope.id, field_name)
    return Measure(len(counted), len(counted), None, counted=counted)


def _service_projects(data: YearData, scope: Scope) -> Measure:
    """Projects running in the year (their contract value in ``extra``)."""
    projects = data.running_projects
    if scope.kind == ENTERPRISE:
        counted = (
            _of_organisation(projects, scope.id, "enterprises")
            if scope.id in _members(data, scope, ENTERPRISE)
            else frozenset()
        )
        return Measure(len(counted), len(counted), None, counted=counted)
    schools = frozenset(_members(data, scope, SCHOOL))
    counted = frozenset(pk for pk, p in projects.items() if p["school"] in schools)
    value = sum((projects[pk]["value"] for pk in counted), Decimal(0))
    return Measure(len(counted), len(counted), None, extra={"value": value}, counted=counted)


def _patents_granted(data: YearData, scope: Scope) -> Measure:
    """Patents granted in the year (filed, transferred, and granted from co-built institutions
    such as innovation workshops in ``extra``)."""
    schools = list(_members(data, scope, SCHOOL))
    granted = _union(data.patent_records, schools, "granted")
    extra = {
        k: len(_union(data.patent_records, schools, k))
        for k in ("filed", "transferred", "from_institutions")
    }
    return Measure(len(granted), len(granted), None, extra=extra, counted=granted)


def _dual_qualified_share(data: YearData, scope: Scope) -> Measure:
    schools = list(_members(data, scope, SCHOOL))
    teachers = _union(data.professional_teacher_records, schools, "professional")
    dual = _union(data.professional_teacher_records, schools, "dual_qualified")
    return Measure(
        share(len(dual), len(teachers)),
        len(dual),
        len(teachers),
        counted=dual,
        population=teachers,
    )


def _member_rows(data: YearData, scope: Scope, kind: str, name: str, key) -> list:
    """The rows of selector ``name`` (a dict's items) of the scope's members of ``kind``, whose
    id ``key`` gives: for the alliance a scan, for one member its group (built once a year:
    the 5,000 enterprises of a province each scanning every row was quadratic)."""
    if scope.kind == ALLIANCE:
        members = frozenset(_members(data, scope, kind))
        found = data.get(name)
        return [
            r for r in (found.items() if isinstance(found, dict) else found) if key(r) in members
        ]
    groups = data.grouped(name, kind, key)
    return [r for m in _members(data, scope, kind) for r in groups.get(m, ())]


def _station_rows(data: YearData, scope: Scope) -> list[dict]:
    return _member_rows(data, scope, ENTERPRISE, "station_posts", lambda r: r["enterprise_id"])


def _stations_offering_posts(data: YearData, scope: Scope) -> Measure:
    """Open stations of member enterprises offering practice posts this year ÷ open stations."""
    rows = _station_rows(data, scope)
    stations = frozenset(r["station_id"] for r in rows)
    offering = frozenset(r["station_id"] for r in rows if not r["no_posts"])
    return Measure(
        share(len(offering), len(stations)),
        len(offering),
        len(stations),
        counted=offering,
        population=stations,
    )


def _practice_posts_filled(data: YearData, scope: Scope) -> Measure:
    """Practice places filled by seconded teachers ÷ places offered, over the stations; the
    lists name the stations with places filled, and with places offered."""
    rows = _station_rows(data, scope)
    offered = sum(r["offered"] for r in rows)
    filled = sum(r["places_filled"] for r in rows)
    return Measure(
        share(filled, offered),
        filled,
        offered,
        counted=frozenset(r["station_id"] for r in rows if r["places_filled"]),
        population=frozenset(r["station_id"] for r in rows if r["offered"]),
    )


def _two_way_appointments(data: YearData, scope: Scope) -> Measure:
    appointments = data.running_appointments
    if scope.kind == ALLIANCE:
        counted = frozenset(appointments)
        by_direction: dict[str, int] = {}
        for pk in counted:
            direction = appointments[pk]["direction"]
            by_direction[direction] = by_direction.get(direction, 0) + 1
        return Measure(
            len(counted),
            len(counted),
            None,
            extra=dict(sorted(by_direction.items())),
            counted=counted,
        )
    if scope.id not in _members(data, scope, scope.kind):
        return Measure(None)
    counted = _of_organisation(appointments, scope.id, scope.kind)
    return Measure(len(counted), len(counted), None, counted=counted)


# Governance (Linqu 保障措施(一), Qufu 四): council composition, rules, expert advice, work plan.
# The council is "企业、学校双主体，政府、科研机构、商协会共同参与": two kinds it is built on and three
# that take part. Each figure counts the kinds holding a seat; ``extra`` names the missing ones.
DUAL_SUBJECT_KINDS = ("enterprise", "school")
PARTICIPANT_KINDS = ("government", "research", "association")


def _council_kinds(kinds: tuple[str, ...]) -> Callable[[YearData, Scope], Measure]:
    def compute(data: YearData, scope: Scope) -> Measure:
        seats = data.council_seats_by_kind
        present = [k for k in kinds if seats.get(k, 0) > 0]
        return Measure(
            len(present),
            len(present),
            len(kinds),
            extra={
                "seats": {k: seats.get(k, 0) for k in kinds},
                "missing": [k for k in kinds if k not in present],
            },
            counted=frozenset(present),
            population=frozenset(kinds),
        )

    return compute


def _documents_in_force(data: YearData, scope: Scope) -> Measure:
    documents = frozenset(d.pk for d in data.documents_in_force)
    return Measure(len(documents), len(documents), None, counted=documents)


def _consultations_held(data: YearData, scope: Scope) -> Measure:
    records = data.consultation_records
    held = records.get("held", frozenset())
    return Measure(
        len(held),
        len(held),
        None,
        extra={"adopted": len(records.get("adopted", ()))},
        counted=held,
    )


def _consultation_adoption(data: YearData, scope: Scope) -> Measure:
    """Adopted advice ÷ advice decided on (adopted or not): undecided advice is not judged yet."""
    records = data.consultation_records
    adopted = records.get("adopted", frozenset())
    decided = records.get("decided", frozenset())
    return Measure(
        share(len(adopted), len(decided)),
        len(adopted),
        len(decided),
        counted=adopted,
        population=decided,
    )


def _work_plan_completion(data: YearData, scope: Scope) -> Measure:
    tasks = data.work_plan_tasks
    done, total = tasks.get("done", frozenset()), tasks.get("total", frozenset())
    return Measure(
        share(len(done), len(total)),
        len(done),
        len(total),
        extra={"overdue": len(tasks.get("overdue", ()))},
        counted=done,
        population=total,
    )


def _work_plan_on_time(data: YearData, scope: Scope) -> Measure:
    tasks = data.work_plan_tasks
    on_time, due = tasks.get("done_on_time", frozenset()), tasks.get("due", frozenset())
    return Measure(
        share(len(on_time), len(due)), len(on_time), len(due), counted=on_time, population=due
    )


def _office_budget(data: YearData, scope: Scope) -> Measure:
    # No budget recorded is 0 yuan, never "no data": the office had no money.
    lines = data.office_budget_lines
    total = sum(lines.values(), Decimal(0))
    return Measure(total, total, None, counted=frozenset(lines))


def _funnel_rows(data: YearData, scope: Scope) -> list:
    """The funnel cells of the scope: member schools' graduates; an enterprise's own hires."""
    if scope.kind == ENTERPRISE:
        return _member_rows(data, scope, ENTERPRISE, "retention_funnel", lambda r: r.enterprise)
    return _member_rows(data, scope, SCHOOL, "retention_funnel", lambda r: r.school)


def _funnel_hired(data: YearData, scope: Scope) -> Measure:
    rows = _funnel_rows(data, scope)
    graduates = frozenset().union(*(r.placements for r in rows))
    hired = frozenset().union(*(r.hired_placements for r in rows))
    return Measure(
        share(len(hired), len(graduates)),
        len(hired),
        len(graduates),
        counted=hired,
        population=graduates,
    )


def _retained(index: int) -> Callable[[YearData, Scope], Measure]:
    """Still working in the county at the ``index``-th follow-up (6, 12, 24 months) ÷ hired."""

    def compute(data: YearData, scope: Scope) -> Measure:
        rows = _funnel_rows(data, scope)
        hired = frozenset().union(*(r.hired_placements for r in rows))
        followed = sum(len(r.followed_placements[index]) for r in rows)
        retained = frozenset().union(*(r.retained_placements[index] for r in rows))
        # Before the first follow-up is recorded the figure is unknown, not 0 %.
        value = share(len(retained), len(hired)) if followed else None
        return Measure(
            value,
            len(retained),
            len(hired),
            extra={"followed": followed},
            counted=retained,
            population=hired,
        )

    return compute


# ---------------------------------------------------------------------------------------------
# Governance: assessment, incentives, publicity and model cases (Linqu 保障措施(二)–(四), §(四)9)

AMOUNT = "yuan"


def _school_coverage(selector: str) -> Callable[[YearData, Scope], Measure]:
    """Share of member schools that have what ``selector`` lists."""

    def compute(data: YearData, scope: Scope) -> Measure:
        members = frozenset(_members(data, scope, SCHOOL))
        having = members & frozenset(data.get(selector))
        return Measure(
            share(len(having), len(members)),
            len(having),
            len(members),
            counted=having,
            population=members,
        )

    return compute


def _assessment_coverage(data: YearData, scope: Scope) -> Measure:
    """Member schools and enterprises (the members that are assessed) with an approved grade."""
    members = frozenset(data.schools | data.enterprises)
    grades = data.assessment_summary["grades"]
    graded = frozenset(m for m in members if grades.get(m))
    per_grade: dict[str, int] = {}
    for member in graded:
        per_grade[grades[member]] = per_grade.get(grades[member], 0) + 1
    return Measure(
        share(len(graded), len(members)),
        len(graded),
        len(members),
        extra=per_grade,
        counted=graded,
        population=members,
    )


def _incentive_amount(data: YearData, scope: Scope) -> Measure:
    """Support granted this year (yuan); the alliance figure sums every grant of the register."""
    summary = data.incentive_summary
    recipients = list(summary["by_recipient"]) if scope.kind == ALLIANCE else [scope.id]
    per_kind: dict[str, Decimal] = {}
    for recipient in recipients:
        for kind, amount in summary["by_recipient"].get(recipient, {}).items():
            per_kind[kind] = per_kind.get(kind, Decimal(0)) + amount
    grants = _union(summary["ids"], recipients)
    total = sum(per_kind.values(), Decimal(0)).quantize(Decimal("0.01"))
    return Measure(total, len(grants), None, extra=per_kind, counted=grants)


def _media_reports(data: YearData, scope: Scope) -> Measure:
    coverage = data.media_coverage
    reports = coverage["ids"]
    return Measure(
        len(reports), len(reports), None, extra=dict(coverage["by_kind"]), counted=reports
    )


def _model_cases_published(data: YearData, scope: Scope) -> Measure:
    summary = data.model_cases_summary
    published = summary["published"]
    return Measure(
        len(published),
        len(published),
        None,
        extra={
            "people": summary["people"],
            "cases": summary["cases"],
            "nominated": summary["nominated"],
        },
        counted=published,
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "secondment_rate"},
        lists=("teachers", "professional_teachers"),
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "training_ratio"},
        lists=("programmes", "enrolled_students"),
    ),
    Indicator(
        code="order_class_hire_rate",
        label=_("Order-class hire rate"),
        unit=PERCENT,
        formula=_("Order-class graduates hired by an order enterprise ÷ order-class graduates"),
        scopes=ALL,
        compute=_order_class_hire_rate,
        drilldown="reports:counted",
        drilldown_query={"indicator": "order_class_hire_rate"},
        lists=("order_class_students", "order_class_students"),
    ),
    Indicator(
        code="apprentices_new",
        label=_("Apprentices: new contracts"),
        unit=COUNT,
        formula=_("Apprenticeship contracts starting this year"),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_apprentices("new"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "apprentices_new"},
        lists=("apprenticeships", ""),
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "apprentices_in_training"},
        lists=("apprenticeships", ""),
    ),
    Indicator(
        code="apprentices_completed",
        label=_("Apprentices: completed"),
        unit=COUNT,
        formula=_("Apprenticeships completed this year"),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_apprentices("completed"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "apprentices_completed"},
        lists=("apprenticeships", ""),
    ),
    Indicator(
        code="craftsmen_teaching",
        label=_("Craftsmen teaching in schools"),
        unit=COUNT,
        formula=_("Craftsmen in the pool (teaching hours delivered)"),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_craftsmen_teaching,
        drilldown="reports:counted",
        drilldown_query={"indicator": "craftsmen_teaching"},
        lists=("craftsmen", ""),
    ),
    Indicator(
        code="local_employment_rate",
        label=_("Local employment rate"),
        unit=PERCENT,
        formula=_("Employed graduates working in the county ÷ employed graduates"),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_employment("local"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "local_employment_rate"},
        lists=("placements", "placements"),
    ),
    Indicator(
        code="alliance_employment_rate",
        label=_("Employment at member enterprises"),
        unit=PERCENT,
        formula=_("Employed graduates working at member enterprises ÷ employed graduates"),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_employment("at_member"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "alliance_employment_rate"},
        lists=("placements", "placements"),
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "council_meetings"},
        lists=("meetings", ""),
        target_text=_("one in each half-year"),
    ),
    # --- The retention funnel (issue 16, Linqu §(四)11 留临人才档案): for the graduation cohort
    # of the year, graduates of order classes and apprenticeships → hired by a member → still
    # working in the county at the 6, 12 and 24-month follow-ups.
    Indicator(
        code="funnel_hired",
        label=_("Order-class and apprentice graduates hired by members"),
        unit=PERCENT,
        formula=_(
            "Graduates of the year who were in an order class or an apprenticeship and work at a "
            "member enterprise (hire not declined) ÷ those graduates"
        ),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_funnel_hired,
        drilldown="reports:counted",
        drilldown_query={"indicator": "funnel_hired"},
        lists=("placements", "placements"),
    ),
    *[
        Indicator(
            code=f"retained_{months}m",
            label=label,
            unit=PERCENT,
            formula=_(
                "Of the graduates of the year hired by a member from an order class or an "
                "apprenticeship, those still working in the county at the %(months)s-month "
                "follow-up ÷ those hired (no figure before any follow-up is recorded)"
            )
            % {"months": months},
            scopes=ALL,
            compute=_retained(index),
            drilldown="reports:counted",
            drilldown_query={"indicator": f"retained_{months}m"},
            lists=("placements", "placements"),
        )
        for index, (months, label) in enumerate(
            [
                (6, _("Still in the county after 6 months")),
                (12, _("Still in the county after 12 months")),
                (24, _("Still in the county after 24 months")),
            ]
        )
    ],
    # --- governance: assessment, incentives, publicity and model cases ------------------------
    Indicator(
        code="assessment_coverage",
        label=_("Members assessed"),
        unit=PERCENT,
        formula=_(
            "Member schools and enterprises with a grade approved by the council for the year ÷ "
            "member schools and enterprises"
        ),
        scopes=frozenset({ALLIANCE}),
        compute=_assessment_coverage,
        drilldown="reports:counted",
        drilldown_query={"indicator": "assessment_coverage"},
    ),
    Indicator(
        code="incentive_amount",
        label=_("Support granted"),
        unit=AMOUNT,
        formula=_(
            "Support granted to members this year in yuan (equipment, training bases, transfer "
            "of research results, other), with the number of grants"
        ),
        scopes=ALL,
        compute=_incentive_amount,
        drilldown="reports:counted",
        drilldown_query={"indicator": "incentive_amount"},
        lists=("incentives", ""),
    ),
    Indicator(
        code="media_reports",
        label=_("Media reports"),
        unit=COUNT,
        formula=_("Reports on the alliance in the press, radio, television and online this year"),
        scopes=frozenset({ALLIANCE}),
        compute=_media_reports,
        drilldown="reports:counted",
        drilldown_query={"indicator": "media_reports"},
        lists=("media_reports", ""),
    ),
    Indicator(
        code="model_cases_published",
        label=_("Model workers and cases published"),
        unit=COUNT,
        formula=_("Model skilled workers and model cooperation cases of the year published"),
        scopes=frozenset({ALLIANCE}),
        compute=_model_cases_published,
        drilldown="reports:counted",
        drilldown_query={"indicator": "model_cases_published"},
        lists=("model_cases", ""),
    ),
    Indicator(
        code="corridor_coverage",
        label=_("Schools with a culture corridor"),
        unit=PERCENT,
        formula=_(
            "Member schools whose enterprise culture corridor was set up by the end of the year ÷ "
            "member schools"
        ),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_school_coverage("schools_with_corridor"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "corridor_coverage"},
    ),
    Indicator(
        code="culture_profile_completeness",
        label=_("Complete enterprise culture profiles"),
        unit=PERCENT,
        formula=_(
            "Member enterprises whose profile shows development status, future plans, wages, main "
            "leaders and a photo ÷ member enterprises"
        ),
        scopes=ALLIANCE_AND_ENTERPRISE,
        compute=_coverage("enterprises_with_complete_profile"),
        drilldown="reports:counted",
        drilldown_query={"indicator": "culture_profile_completeness"},
    ),
    # --- governance (issue 14, items 1–4): Linqu 保障措施(一), Qufu 四(一)(二) ----------------------
    Indicator(
        code="council_dual_subjects",
        label=_("Council: enterprise and school seats"),
        unit=COUNT,
        formula=_(
            "Of the two kinds the council is built on (enterprise, school), those holding at "
            "least one council seat this year"
        ),
        scopes=frozenset({ALLIANCE}),
        compute=_council_kinds(DUAL_SUBJECT_KINDS),
        drilldown="reports:counted",
        drilldown_query={"indicator": "council_dual_subjects"},
        lists=("council_kinds", "council_kinds"),
        target_text=_("both kinds"),
    ),
    Indicator(
        code="council_participants",
        label=_("Council: government, research and association seats"),
        unit=COUNT,
        formula=_(
            "Of the three kinds that take part in the council (government, research institute, "
            "association), those holding at least one council seat this year"
        ),
        scopes=frozenset({ALLIANCE}),
        compute=_council_kinds(PARTICIPANT_KINDS),
        drilldown="reports:counted",
        drilldown_query={"indicator": "council_participants"},
        lists=("council_kinds", "council_kinds"),
        target_text=_("all three kinds"),
    ),
    Indicator(
        code="documents_in_force",
        label=_("Rules and documents in force"),
        unit=COUNT,
        formula=_(
            "Rules and documents (charter, management rules, plans) in force at the end of the "
            "year, or today for the current year"
        ),
        scopes=frozenset({ALLIANCE}),
        compute=_documents_in_force,
        drilldown="reports:counted",
        drilldown_query={"indicator": "documents_in_force"},
        lists=("documents", ""),
    ),
    Indicator(
        code="consultations_held",
        label=_("Expert consultations"),
        unit=COUNT,
        formula=_("Questions put to the expert committee this year"),
        scopes=frozenset({ALLIANCE}),
        compute=_consultations_held,
        drilldown="reports:counted",
        drilldown_query={"indicator": "consultations_held"},
        lists=("consultations", ""),
    ),
    Indicator(
        code="consultation_adoption",
        label=_("Expert advice adopted"),
        unit=PERCENT,
        formula=_(
            "Consultations of this year whose advice was adopted ÷ consultations decided on "
            "(adopted or not adopted)"
        ),
        scopes=frozenset({ALLIANCE}),
        compute=_consultation_adoption,
        drilldown="reports:counted",
        drilldown_query={"indicator": "consultation_adoption"},
        lists=("consultations", "consultations"),
    ),
    Indicator(
        code="work_plan_completion",
        label=_("Work plan: tasks completed"),
        unit=PERCENT,
        formula=_(
            "Tasks of the year's work plan done ÷ tasks of the plan (cancelled ones left out)"
        ),
        scopes=frozenset({ALLIANCE}),
        compute=_work_plan_completion,
        drilldown="reports:counted",
        drilldown_query={"indicator": "work_plan_completion"},
        lists=("work_tasks", "work_tasks"),
    ),
    Indicator(
        code="work_plan_on_time_rate",
        label=_("Work plan: tasks completed on time"),
        unit=PERCENT,
        formula=_(
            "Tasks of the year's work plan done by their deadline ÷ tasks due by the end of the "
            "year (or by today, for the current year)"
        ),
        scopes=frozenset({ALLIANCE}),
        compute=_work_plan_on_time,
        drilldown="reports:counted",
        drilldown_query={"indicator": "work_plan_on_time_rate"},
        lists=("work_tasks", "work_tasks"),
    ),
    Indicator(
        code="office_budget",
        label=_("Operating office budget (yuan)"),
        unit=COUNT,
        formula=_("The operating office's budget for the year, all sources of funds together"),
        scopes=frozenset({ALLIANCE}),
        compute=_office_budget,
        drilldown="reports:counted",
        drilldown_query={"indicator": "office_budget"},
        lists=("office_budgets", ""),
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "majors_with_partner"},
        lists=("majors", "majors"),
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "majors_with_both_leads"},
        lists=("majors", "majors"),
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "co_built_institutions"},
        lists=("institutions", ""),
    ),
    Indicator(
        code="service_projects",
        label=_("Technical service and research projects"),
        unit=COUNT,
        formula=_("Technical service, joint R&D and research projects running this year"),
        scopes=ALL,
        compute=_service_projects,
        drilldown="reports:counted",
        drilldown_query={"indicator": "service_projects"},
        lists=("projects", ""),
    ),
    Indicator(
        code="patents_granted",
        label=_("Patents granted"),
        unit=COUNT,
        formula=_("Patents of member schools granted this year (filed and transferred alongside)"),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_patents_granted,
        drilldown="reports:counted",
        drilldown_query={"indicator": "patents_granted"},
        lists=("patents", ""),
    ),
    Indicator(
        code="dual_qualified_share",
        label=_("Dual-qualified teachers"),
        unit=PERCENT,
        formula=_("Dual-qualified (双师型) professional teachers ÷ professional teachers"),
        scopes=ALLIANCE_AND_SCHOOL,
        compute=_dual_qualified_share,
        drilldown="reports:counted",
        drilldown_query={"indicator": "dual_qualified_share"},
        lists=("register_teachers", "register_teachers"),
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "stations_offering_posts"},
        lists=("stations", "stations"),
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "practice_posts_filled"},
        lists=("places_filled", "places_offered"),
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
        drilldown="reports:counted",
        drilldown_query={"indicator": "two_way_appointments"},
        lists=("appointments", ""),
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


def _materials_codeveloped(data: YearData, scope: Scope) -> Measure:
    """Materials completed at the scope's schools; ``extra`` counts them by kind."""
    by_kind: dict[str, set[int]] = {}
    for school in _members(data, scope, SCHOOL):
        for kind, ids in data.materials_by_kind.get(school, {}).items():
            by_kind.setdefault(kind, set()).update(ids)
    materials = frozenset().union(*by_kind.values())
    return Measure(
        len(materials),
        len(materials),
        None,
        extra={"by_kind": {kind: len(ids) for kind, ids in by_kind.items()}},
        counted=materials,
    )


def _order_classes_aligned(data: YearData, scope: Scope) -> Measure:
    schools = list(_members(data, scope, SCHOOL))
    running = _union(data.order_class_alignment, schools, "running")
    aligned = _union(data.order_class_alignment, schools, "aligned")
    return Measure(
        share(len(aligned), len(running)),
        len(aligned),
        len(running),
        counted=aligned,
        population=running,
    )


def _talent_demand(data: YearData, scope: Scope) -> Measure:
    """Headcount asked for: the demands counted, each for its headcount."""
    demands: dict[int, int] = {}
    for enterprise in _members(data, scope, ENTERPRISE):
        demands.update(data.demand_by_enterprise.get(enterprise, {}))
    headcount = sum(demands.values())
    return Measure(headcount, headcount, None, counted=frozenset(demands))


def _running_classes(data: YearData, scope: Scope) -> list[dict]:
    schools = frozenset(_members(data, scope, SCHOOL))
    return [c for c in data.classes_running if c["school"] in schools]


def _joint_order_classes(data: YearData, scope: Scope) -> Measure:
    joint = frozenset(c["pk"] for c in _running_classes(data, scope) if len(c["enterprises"]) >= 2)
    return Measure(len(joint), len(joint), None, counted=joint)


def _pilot_apprentices(data: YearData, scope: Scope) -> Measure:
    paths = data.apprentices_by_path
    enterprises = [e for e in _members(data, scope, ENTERPRISE) if e in paths]

    def apprentices(key: str) -> frozenset[int]:
        return frozenset().union(*(paths[e][key] for e in enterprises))

    pilot = apprentices("pilot")
    classes = sum(1 for c in _running_classes(data, scope) if c["kind"] == "apprenticeship_pilot")
    return Measure(
        len(pilot),
        len(pilot),
        None,
        extra={
            "pilot_classes": classes,
            "employees": len(apprentices("employee")),
            "new_hire": len(apprentices("new_hire")),
            "transferred": len(apprentices("transferred")),
        },
        counted=pilot,
    )


def _scope_bases(data: YearData, scope: Scope) -> dict[int, dict]:
    return dict(
        _member_rows(data, scope, ENTERPRISE, "active_bases", lambda item: item[1]["enterprise"])
    )


def _bases_with_masters(data: YearData, scope: Scope) -> Measure:
    bases = _scope_bases(data, scope)
    with_masters = frozenset(b for b, base in bases.items() if base["masters"] > 0)
    return Measure(
        share(len(with_masters), len(bases)),
        len(with_masters),
        len(bases),
        counted=with_masters,
        population=frozenset(bases),
    )


def _internships_at_bases(data: YearData, scope: Scope) -> Measure:
    by_stage: dict[str, set[int]] = {}
    for base in _scope_bases(data, scope):
        for stage, ids in data.internships_by_base.get(base, {}).items():
            by_stage.setdefault(stage, set()).update(ids)
    internships = frozenset().union(*by_stage.values())
    return Measure(
        len(internships),
        len(internships),
        None,
        extra={"by_stage": {stage: len(ids) for stage, ids in by_stage.items()}},
        counted=internships,
    )


def _training_for(audience: str) -> Callable[[YearData, Scope], Measure]:
    """Training person-times of one audience, with the breakdown by funding department; the list
    names the programmes, each with its participants."""

    def compute(data: YearData, scope: Scope) -> Measure:
        schools = frozenset(_members(data, scope, SCHOOL))
        programmes = {
            pk: p
            for pk, p in data.programme_records.items()
            if p.school in schools and p.audience == audience
        }
        by_department: dict[str, int] = {}
        for p in programmes.values():
            by_department[p.department] = by_department.get(p.department, 0) + p.participants
        total = sum(by_department.values())
        return Measure(
            total,
            total,
            None,
            extra={"by_department": by_department},
            counted=frozenset(programmes),
        )

    return compute


def _mentor_class_frequency(data: YearData, scope: Scope) -> Measure:
    """Career classes and enterprise lectures given by mentors ÷ mentors serving in the year."""
    mentors = {
        pk: m.get("career_class", frozenset()) | m.get("expert_lecture", frozenset())
        for pk, m in _member_rows(
            data, scope, ENTERPRISE, "mentor_events", lambda item: item[1]["enterprise"]
        )
    }
    given = frozenset().union(*mentors.values())
    idle = sum(1 for events in mentors.values() if not events)
    return Measure(
        ratio(len(given), len(mentors)),
        len(given),
        len(mentors),
        extra={"idle_mentors": idle},
        counted=given,
        population=frozenset(mentors),
    )


def _external_exchanges(data: YearData, scope: Scope) -> Measure:
    """Exchanges with external partners dated in the year, with the count per area."""
    counted: set[int] = set()
    by_kind: dict[str, int] = {}
    for school in _members(data, scope, SCHOOL):
        for area, ids in data.exchange_records.get(school, {}).items():
            by_kind[area] = by_kind.get(area, 0) + len(ids)
            counted |= ids
    return Measure(
        len(counted), len(counted), None, extra={"by_kind": by_kind}, counted=frozenset(counted)
    )


def _followup_rate(data: YearData, scope: Scope) -> Measure:
    schools = list(_members(data, scope, SCHOOL))
    graduates = _union(data.followup_records, schools, "graduates")
    followed = _union(data.followup_records, schools, "followed")
    return Measure(
        share(len(followed), len(graduates)),
        len(followed),
        len(graduates),
        counted=followed,
        population=graduates,
    )


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
            compute=_materials_codeveloped,
            drilldown="reports:counted",
            drilldown_query={"indicator": "materials_codeveloped"},
            lists=("materials", ""),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "order_classes_aligned"},
            lists=("order_classes", "order_classes"),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "talent_demand"},
            lists=("demands", ""),
        ),
        Indicator(
            code="joint_order_classes",
            label=_("Joint order classes"),
            unit=COUNT,
            formula=_("Order classes running this year trained for two or more enterprises"),
            scopes=ALLIANCE_ONLY,
            compute=_joint_order_classes,
            drilldown="reports:counted",
            drilldown_query={"indicator": "joint_order_classes"},
            lists=("order_classes", ""),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "pilot_apprentices"},
            lists=("apprenticeships", ""),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "bases_with_masters"},
            lists=("bases", "bases"),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "internships_at_bases"},
            lists=("internships", ""),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "training_employees"},
            lists=("programmes", ""),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "training_public"},
            lists=("programmes", ""),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "mentor_class_frequency"},
            lists=("mentor_events", "mentors"),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "preference_coverage"},
            lists=("organisations", "organisations"),
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
            drilldown="reports:counted",
            drilldown_query={"indicator": "followup_rate"},
            lists=("placements", "placements"),
        ),
        Indicator(
            code="external_exchanges",
            label=_("Exchanges with external partners"),
            unit=COUNT,
            formula=_("Dated exchanges this year with partner institutions outside the city"),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_external_exchanges,
            drilldown="reports:counted",
            drilldown_query={"indicator": "external_exchanges"},
            lists=("exchanges", ""),
        ),
    ]
)

# ---------------------------------------------------------------------------------------------
# Plan clauses given a home late: new practice in class (Linqu 任务(二)5), local employment in
# career classes (任务(四)11), quality evaluation and monitoring (Qufu 三(三)), the documents the
# plans require (保障(一), 三(三)–(六), 三(八)).


def _innovations_in_class(data: YearData, scope: Scope) -> Measure:
    """Materials of the kind "new technology, process, standard or production case" completed."""
    materials = frozenset().union(
        *(
            data.materials_by_kind.get(school, {}).get("innovation", frozenset())
            for school in _members(data, scope, SCHOOL)
        )
    )
    return Measure(len(materials), len(materials), None, counted=materials)


def _internships_evaluated(data: YearData, scope: Scope) -> Measure:
    schools = list(_members(data, scope, SCHOOL))
    ended = _union(data.internship_evaluations, schools, "ended")
    evaluated = _union(data.internship_evaluations, schools, "evaluated")
    return Measure(
        share(len(evaluated), len(ended)),
        len(evaluated),
        len(ended),
        counted=evaluated,
        population=ended,
    )


def _required_documents(data: YearData, scope: Scope) -> Measure:
    kinds = data.required_documents_in_force
    in_force = frozenset(label for label, n in kinds if n)
    missing = [label for label, n in kinds if not n]
    return Measure(
        share(len(in_force), len(kinds)),
        len(in_force),
        len(kinds),
        extra={"missing": missing},
        counted=in_force,
        population=frozenset(label for label, _n in kinds),
    )


def _quality_surveys(data: YearData, scope: Scope) -> Measure:
    surveys = _union(data.quality_survey_records, _members(data, scope, SCHOOL))
    return Measure(len(surveys), len(surveys), None, counted=surveys)


INDICATORS.extend(
    [
        Indicator(
            code="innovations_in_class",
            label=_("New practice brought into class"),
            unit=COUNT,
            formula=_(
                "New technologies, processes, standards and typical production cases schools "
                "brought into class with enterprises this year (co-developed materials of that "
                "kind)"
            ),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_innovations_in_class,
            drilldown="reports:counted",
            drilldown_query={"indicator": "innovations_in_class"},
            lists=("materials", ""),
        ),
        Indicator(
            code="local_career_classes",
            label=_("Schools teaching local employment"),
            unit=PERCENT,
            formula=_(
                "Member schools that gave at least one career class on local employment, local "
                "enterprises and entrepreneurs' success stories this year ÷ member schools"
            ),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_school_coverage("schools_with_local_career_class"),
            drilldown="reports:counted",
            drilldown_query={"indicator": "local_career_classes"},
        ),
        Indicator(
            code="quality_surveys",
            label=_("Quality evaluation surveys reported"),
            unit=COUNT,
            formula=_(
                "Multi-party quality evaluation surveys schools and enterprises finished with a "
                "survey report this year"
            ),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_quality_surveys,
            drilldown="reports:counted",
            drilldown_query={"indicator": "quality_surveys"},
            lists=("quality_surveys", ""),
        ),
        Indicator(
            code="internships_evaluated",
            label=_("Internships evaluated"),
            unit=PERCENT,
            formula=_(
                "Internships that ended this year with an evaluation recorded ÷ internships that "
                "ended this year; with the order classes with all five alignments, the check of "
                "the whole training process"
            ),
            scopes=ALLIANCE_AND_SCHOOL,
            compute=_internships_evaluated,
            drilldown="reports:counted",
            drilldown_query={"indicator": "internships_evaluated"},
            lists=("internships", "internships"),
        ),
        Indicator(
            code="required_documents",
            label=_("Required documents in force"),
            unit=PERCENT,
            formula=_(
                "Document kinds the plans require (charter, management rules, quality "
                "evaluation, teacher practice, lead teachers, teacher qualification and titles, "
                "external cooperation) with a document in force at the end of the year ÷ those "
                "kinds"
            ),
            scopes=ALLIANCE_ONLY,
            compute=_required_documents,
            drilldown="reports:counted",
            drilldown_query={"indicator": "required_documents"},
            lists=("required_kinds", "required_kinds"),
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


#: decimals each unit prints at most (trailing zeros dropped: 50 %, 66.7 %, 2, 1.88)
DIGITS = {PERCENT: 1, RATIO: 2, COUNT: 1, AMOUNT: 2}


def format_value(indicator: Indicator, value) -> str:
    """The one textual form of a value (pages, kpi --format table and the PDF agree): the
    portal's number rule (``alliance.numbers.format_number``) at the unit's precision."""
    if value is None:
        return NO_VALUE
    text = format_number(value, DIGITS[indicator.unit])
    if indicator.unit == AMOUNT:
        return str(_("%(amount)s yuan") % {"amount": text})
    return f"{text}%" if indicator.unit == PERCENT else text


def format_target(indicator: Indicator, target: AppliedTarget) -> str:
    if target.comparison == Comparison.REPORT:
        return str(glossary.REPORT_ONLY)
    if target.comparison == Comparison.RISES:
        return str(_("rises every year"))
    if target.value is None:
        return NO_VALUE
    unit = "%" if indicator.unit == PERCENT else ""
    text = f"≥ {format_number(target.value, DIGITS[indicator.unit])}{unit}"
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
