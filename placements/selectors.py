"""Reads of the placements app reused by views and by ``reports`` (``reports/sources.py``).

Every function takes a calendar ``year`` and runs a fixed number of queries (one to three),
whatever the number of rows: counting happens in the database (``values`` + ``Count``) or, where
a rule spans two tables that SQL would join awkwardly (order-class enterprises × hires), over
two flat value lists in Python. Mappings leave out organisations with nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Sum,
    Value,
    When,
)

from members.models import major_label
from members.selectors import member_on_q

from .models import (
    MENTOR_EVENT_KINDS,
    AlignmentStatus,
    Apprenticeship,
    ApprenticeshipPath,
    ApprenticeshipStatus,
    Aspect,
    CareerMentor,
    CoDevelopedMaterial,
    FollowUpMilestone,
    GraduatePlacement,
    HireStatus,
    Internship,
    MaterialKind,
    OrderClass,
    OrderClassEnrolment,
    OutreachEvent,
    OutreachKind,
    PreferentialMeasure,
    RetentionFollowUp,
    Student,
    TalentDemand,
    local_q,
    milestone_date,
    working_q,
)


class EmploymentCounts(NamedTuple):
    graduates: int
    employed: int
    local: int
    at_member: int


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _at_member_q(year: int) -> Q:
    """Employed by an organisation that was a member in the graduation year (the record has no
    finer date than its year: a member at the end of it, as the indicators' denominators)."""
    return Q(employer__isnull=False) & member_on_q(dt.date(year, 12, 31), prefix="employer__")


class EmploymentRecords(NamedTuple):
    """The placements behind :class:`EmploymentCounts` (placement ids)."""

    graduates: frozenset[int]
    employed: frozenset[int]
    local: frozenset[int]
    at_member: frozenset[int]


def _flag(condition: Q) -> Case:
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def employment_records(year: int) -> dict[int, EmploymentRecords]:
    """School id → the placements of graduates of ``year`` with a recorded destination: all,
    employed (incl. self-employed), employed in the county, employed at an organisation that was
    a member that year. One query."""
    rows = (
        GraduatePlacement.objects.filter(graduation_year=year)
        .annotate(
            is_employed=_flag(working_q()),
            is_local=_flag(local_q()),
            is_at_member=_flag(working_q() & _at_member_q(year)),
        )
        .values_list("student__school", "pk", "is_employed", "is_local", "is_at_member")
        .order_by()
    )
    groups: dict[int, tuple[set, set, set, set]] = defaultdict(lambda: (set(), set(), set(), set()))
    for school, pk, employed, local, at_member in rows:
        graduates, employed_set, local_set, member_set = groups[school]
        graduates.add(pk)
        for flag, bucket in ((employed, employed_set), (local, local_set), (at_member, member_set)):
            if flag:
                bucket.add(pk)
    return {
        school: EmploymentRecords(*(frozenset(bucket) for bucket in buckets))
        for school, buckets in groups.items()
    }


def employment_counts(year: int) -> dict[int, EmploymentCounts]:
    """School id → the sizes of :func:`employment_records`. One query."""
    return {
        school: EmploymentCounts(*(len(bucket) for bucket in records))
        for school, records in employment_records(year).items()
    }


def _hires(year: int):
    """Placements of ``year`` at a member employer that the employer has not declined."""
    return GraduatePlacement.objects.filter(
        working_q(), graduation_year=year, employer__isnull=False
    ).exclude(hire_status=HireStatus.DECLINED)


def hires_by_enterprise(year: int) -> dict[int, int]:
    """Enterprise id → graduates of ``year`` employed there (confirmed or not declined). One query."""
    rows = _hires(year).values("employer").annotate(n=Count("pk")).order_by()
    return {r["employer"]: r["n"] for r in rows}


def _order_hires(year: int):
    """Hires of ``year`` by an employer that was a member that year (the record has no finer date
    than its year: a member at the end of it, the rule of every member figure)."""
    return _hires(year).filter(member_on_q(dt.date(year, 12, 31), prefix="employer__"))


def _order_class_pairs(year: int) -> tuple[list[tuple[int, int, int | None]], set[tuple[int, int]]]:
    """(school, student, order enterprise) for students of order classes graduating in ``year``,
    and the (employer, student) hires of ``year`` by member employers. Two queries."""
    enrolments = list(
        OrderClassEnrolment.objects.filter(order_class__graduation_year=year)
        .values_list("order_class__school", "student", "order_class__enterprises")
        .order_by()
    )
    hires = set(_order_hires(year).values_list("employer", "student").order_by())
    return enrolments, hires


class OrderClassRecords(NamedTuple):
    """Students (ids) of order classes graduating in a year, and those of them hired."""

    graduates: frozenset[int]
    hired: frozenset[int]


def _order_class_records(year: int, by_enterprise: bool) -> dict[int, OrderClassRecords]:
    enrolments, hires = _order_class_pairs(year)
    graduates: dict[int, set[int]] = defaultdict(set)
    hired: dict[int, set[int]] = defaultdict(set)
    for school, student, enterprise in enrolments:
        key = enterprise if by_enterprise else school
        if key is None:
            continue
        graduates[key].add(student)
        if (enterprise, student) in hires:
            hired[key].add(student)
    return {
        key: OrderClassRecords(frozenset(students), frozenset(hired[key]))
        for key, students in graduates.items()
    }


def order_class_records(year: int) -> dict[int, OrderClassRecords]:
    """School id → its order-class graduates of ``year`` and those hired by one of their order
    class's enterprises (a member that year). Two queries."""
    return _order_class_records(year, by_enterprise=False)


def order_class_records_by_enterprise(year: int) -> dict[int, OrderClassRecords]:
    """Enterprise id → the graduates of ``year`` of the order classes it orders, and those it
    hired while a member. Two queries."""
    return _order_class_records(year, by_enterprise=True)


def order_class_hires(year: int) -> dict[int, tuple[int, int]]:
    """School id → (order-class graduates of ``year``, of whom hired by an order enterprise)."""
    return {s: (len(r.graduates), len(r.hired)) for s, r in order_class_records(year).items()}


def order_class_hires_by_enterprise(year: int) -> dict[int, tuple[int, int]]:
    """Enterprise id → (graduates of its order classes in ``year``, of whom hired by it)."""
    return {
        e: (len(r.graduates), len(r.hired))
        for e, r in order_class_records_by_enterprise(year).items()
    }


class ApprenticeCounts(NamedTuple):
    new: int
    in_training: int
    completed: int


class ApprenticeRecords(NamedTuple):
    """The apprenticeships (ids) behind :class:`ApprenticeCounts`."""

    new: frozenset[int]
    in_training: frozenset[int]
    completed: frozenset[int]


def apprentice_records(year: int) -> dict[int, ApprenticeRecords]:
    """Enterprise id → apprenticeships of ``year``, three figures (Linqu §(三)7):

    - new: contracts starting in the year;
    - in training: the contract period overlaps the year and the apprenticeship did not end
      (withdrawn or completed) before the year began;
    - completed: completed in the year.

    One query.
    """
    first, last = _year_bounds(year)
    ended_before = Q(
        status__in=[ApprenticeshipStatus.WITHDRAWN, ApprenticeshipStatus.COMPLETED],
        ended_on__lt=first,
    )
    new = Q(contract_start__range=(first, last))
    in_training = Q(contract_start__lte=last, contract_end__gte=first) & ~ended_before
    completed = Q(status=ApprenticeshipStatus.COMPLETED, ended_on__range=(first, last))
    rows = (
        Apprenticeship.objects.filter(new | in_training | completed)
        .annotate(is_new=_flag(new), is_in_training=_flag(in_training), is_done=_flag(completed))
        .values_list("enterprise", "pk", "is_new", "is_in_training", "is_done")
        .order_by()
    )
    groups: dict[int, tuple[set, set, set]] = defaultdict(lambda: (set(), set(), set()))
    for enterprise, pk, *flags in rows:
        for flag, bucket in zip(flags, groups[enterprise], strict=True):
            if flag:
                bucket.add(pk)
    return {
        enterprise: ApprenticeRecords(*(frozenset(bucket) for bucket in buckets))
        for enterprise, buckets in groups.items()
    }


def apprentice_counts(year: int) -> dict[int, ApprenticeCounts]:
    """Enterprise id → the sizes of :func:`apprentice_records`. One query."""
    return {
        enterprise: ApprenticeCounts(*(len(bucket) for bucket in records))
        for enterprise, records in apprentice_records(year).items()
    }


def mentors_active_q(year: int) -> Q:
    first, last = _year_bounds(year)
    return (Q(appointed_on__isnull=True) | Q(appointed_on__lte=last)) & (
        Q(ended_on__isnull=True) | Q(ended_on__gte=first)
    )


def enterprises_with_mentor(year: int) -> set[int]:
    """Enterprises with a career mentor serving at some time in ``year``. One query."""
    return set(
        CareerMentor.objects.filter(mentors_active_q(year))
        .values_list("enterprise", flat=True)
        .distinct()
    )


def _participations(year: int):
    """(event, enterprise) pairs of outreach events dated in ``year``."""
    first, last = _year_bounds(year)
    return OutreachEvent.enterprises.through.objects.filter(
        outreachevent__date__range=(first, last)
    )


def enterprises_with_chairman_visit(year: int) -> set[int]:
    """Enterprises that took part in a 董事长进校园 event dated in ``year``. One query."""
    return set(
        _participations(year)
        .filter(outreachevent__kind=OutreachKind.CHAIRMAN_VISIT)
        .values_list("organization", flat=True)
        .distinct()
    )


def outreach_by_semester(year: int) -> dict[tuple[int, str], dict[str, int]]:
    """(school id, semester key) → {event kind: count} for the two semesters starting in ``year``:
    ``"YYYY-1"`` (1 Feb–31 Jul) and ``"YYYY-2"`` (1 Aug–31 Jan of the next year). One query."""
    spring, autumn = f"{year}-1", f"{year}-2"
    rows = (
        OutreachEvent.objects.filter(date__range=(dt.date(year, 2, 1), dt.date(year + 1, 1, 31)))
        .annotate(
            semester=Case(
                When(date__lt=dt.date(year, 8, 1), then=Value(spring)),
                default=Value(autumn),
                output_field=CharField(),
            )
        )
        .values("school", "semester", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    result: dict[tuple[int, str], dict[str, int]] = defaultdict(dict)
    for r in rows:
        result[(r["school"], r["semester"])][r["kind"]] = r["n"]
    return dict(result)


def recommendation_events(year: int) -> dict[int, int]:
    """School id → graduate recommendation fairs (就业推荐会) held in ``year``. One query."""
    first, last = _year_bounds(year)
    rows = (
        OutreachEvent.objects.filter(
            kind=OutreachKind.RECOMMENDATION_FAIR, date__range=(first, last)
        )
        .values("school")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {r["school"]: r["n"] for r in rows}


def events_by_enterprise(year: int) -> dict[int, int]:
    """Enterprise id → outreach events dated in ``year`` it took part in. One query."""
    rows = (
        _participations(year).values("organization").annotate(n=Count("outreachevent")).order_by()
    )
    return {r["organization"]: r["n"] for r in rows}


def retention_summary(year: int) -> dict:
    """Follow-ups of the local-talent archive dated in ``year``: {"followups", "still_employed",
    "problems_open", "graduates" (distinct graduates followed)}. One query."""
    first, last = _year_bounds(year)
    open_problems = ~Q(problems="") & Q(resolved=False)
    totals = RetentionFollowUp.objects.filter(contacted_on__range=(first, last)).aggregate(
        followups=Count("pk"),
        still_employed=Count("pk", filter=Q(still_employed=True)),
        problems_open=Count("pk", filter=open_problems),
        graduates=Count("placement", distinct=True),
    )
    return totals


def order_class_hired_students(order_class) -> dict[int, str]:
    """Student id → name of the order enterprise that hired them, for the students of one order
    class graduating in its graduation year (declined hires and non-members excluded, as in the
    hire rate). One query."""
    rows = (
        _order_hires(order_class.graduation_year)
        .filter(
            student__order_class_enrolments__order_class=order_class,
            employer__ordered_classes=order_class,
        )
        .values_list("student", "employer__name")
    )
    return dict(rows)


# --- every form of training (Linqu §(三)6-7, Qufu 三(二)) -------------------------------------------


def _apprentices_in_training_q(year: int) -> Q:
    first, last = _year_bounds(year)
    ended_before = Q(
        status__in=[ApprenticeshipStatus.WITHDRAWN, ApprenticeshipStatus.COMPLETED],
        ended_on__lt=first,
    )
    return Q(contract_start__lte=last, contract_end__gte=first) & ~ended_before


def classes_running(year: int) -> list[dict]:
    """Order classes of every kind (订单班, 定向培养班, 现代学徒制试点班) running in ``year``
    (cohort year ≤ year ≤ graduation year), each with its school, enterprises, students
    enrolled and pilot apprentices in training. Three queries."""
    classes = list(
        OrderClass.objects.filter(cohort_year__lte=year, graduation_year__gte=year)
        .annotate(enrolled=Count("enrolments", distinct=True))
        .values("pk", "name", "kind", "school", "school__name", "major__name", "enrolled")
        .order_by("kind", "school__name", "name")
    )
    ids = [c["pk"] for c in classes]
    partners: dict[int, list[str]] = defaultdict(list)
    for class_id, name in (
        OrderClass.enterprises.through.objects.filter(orderclass_id__in=ids)
        .values_list("orderclass_id", "organization__name")
        .order_by("organization__name")
    ):
        partners[class_id].append(name)
    apprentices = dict(
        Apprenticeship.objects.filter(
            _apprentices_in_training_q(year), order_class__in=ids, path=ApprenticeshipPath.PILOT
        )
        .values("order_class")
        .annotate(n=Count("pk"))
        .values_list("order_class", "n")
        .order_by()
    )
    return [
        {
            **c,
            "major": c.pop("major__name"),
            "enterprises": partners[c["pk"]],
            "apprentices": apprentices.get(c["pk"], 0),
        }
        for c in classes
    ]


def apprentices_by_path(year: int) -> dict[int, dict[str, frozenset[int]]]:
    """Enterprise id → the apprenticeships (ids) in training in ``year``: {"employee", "pilot",
    "new_hire", "transferred"} (the two paths, and the employees by category: 新招用 / 转岗).
    One query."""
    rows = (
        Apprenticeship.objects.filter(_apprentices_in_training_q(year))
        .values_list("enterprise", "pk", "path", "employee_category")
        .order_by()
    )
    result: dict[int, dict[str, set[int]]] = defaultdict(
        lambda: {"employee": set(), "pilot": set(), "new_hire": set(), "transferred": set()}
    )
    for enterprise, pk, path, category in rows:
        groups = result[enterprise]
        groups[path].add(pk)
        if category:
            groups[category].add(pk)
    return {
        enterprise: {key: frozenset(ids) for key, ids in groups.items()}
        for enterprise, groups in result.items()
    }


def internships_by_base(year: int) -> dict[int, dict[str, frozenset[int]]]:
    """Training base id → {stage: the internships (ids) running in ``year`` at the base}.
    One query."""
    first, last = _year_bounds(year)
    rows = (
        Internship.objects.filter(
            training_base__isnull=False, start_date__lte=last, end_date__gte=first
        )
        .values_list("training_base", "stage", "pk")
        .order_by()
    )
    result: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for base, stage, pk in rows:
        result[base][stage].add(pk)
    return {
        base: {stage: frozenset(ids) for stage, ids in stages.items()}
        for base, stages in result.items()
    }


def internships_by_stage(year: int) -> dict[int, dict[str, int]]:
    """School id → {stage: internships running in ``year``}. One query."""
    first, last = _year_bounds(year)
    rows = (
        Internship.objects.filter(start_date__lte=last, end_date__gte=first)
        .values("student__school", "stage")
        .annotate(n=Count("pk"))
        .order_by()
    )
    result: dict[int, dict[str, int]] = defaultdict(dict)
    for r in rows:
        result[r["student__school"]][r["stage"]] = r["n"]
    return dict(result)


# --- employment guidance (Linqu §(四)10-11) ----------------------------------------------------------


def mentor_events(year: int) -> dict[int, dict]:
    """Career mentor id → {"person", "enterprise", "enterprise_name", kind: event ids} for the
    career classes and enterprise lectures (企业进校园) the mentor gave in ``year``; mentors
    serving in the year who gave none are listed with no events. Two queries."""
    first, last = _year_bounds(year)
    mentors = {
        m["pk"]: {
            "person": m["person"],
            "enterprise": m["enterprise"],
            "enterprise_name": m["enterprise__name"],
        }
        for m in CareerMentor.objects.filter(mentors_active_q(year))
        .values("pk", "person", "enterprise", "enterprise__name")
        .order_by("enterprise__name", "person")
    }
    rows = (
        OutreachEvent.objects.filter(
            mentor__isnull=False, kind__in=MENTOR_EVENT_KINDS, date__range=(first, last)
        )
        .values(
            "pk",
            "mentor",
            "mentor__person",
            "mentor__enterprise",
            "mentor__enterprise__name",
            "kind",
        )
        .order_by()
    )
    for r in rows:
        entry = mentors.setdefault(
            r["mentor"],
            {
                "person": r["mentor__person"],
                "enterprise": r["mentor__enterprise"],
                "enterprise_name": r["mentor__enterprise__name"],
            },
        )
        entry[r["kind"]] = entry.get(r["kind"], frozenset()) | {r["pk"]}
    return mentors


def preference_areas(year: int) -> dict[int, set[str]]:
    """Enterprise id → areas (招工, 薪酬, 晋升) of its preferential measures for the county's
    vocational graduates in force at some time in ``year``. One query."""
    first, last = _year_bounds(year)
    rows = (
        PreferentialMeasure.objects.filter(since__lte=last)
        .filter(Q(until__isnull=True) | Q(until__gte=first))
        .values_list("enterprise", "area")
        .distinct()
    )
    result: dict[int, set[str]] = defaultdict(set)
    for enterprise, area in rows:
        result[enterprise].add(area)
    return dict(result)


def local_graduates_to_follow(year: int):
    """Placements of graduates working in the county whom the local-talent archive follows in
    ``year``: graduated by then, and not recorded as having left before the year."""
    first, _last = _year_bounds(year)
    left = RetentionFollowUp.objects.filter(still_employed=False, contacted_on__lt=first)
    return GraduatePlacement.objects.filter(local_q(), graduation_year__lte=year).exclude(
        pk__in=left.values("placement")
    )


def local_graduates_not_followed(year: int):
    """Those of :func:`local_graduates_to_follow` with no follow-up dated in ``year``."""
    first, last = _year_bounds(year)
    followed = RetentionFollowUp.objects.filter(contacted_on__range=(first, last))
    return local_graduates_to_follow(year).exclude(pk__in=followed.values("placement"))


class FollowUpRecords(NamedTuple):
    """Placements (ids) of county-employed graduates the archive follows in a year, and those of
    them followed up in the year."""

    graduates: frozenset[int]
    followed: frozenset[int]


def followup_records(year: int) -> dict[int, FollowUpRecords]:
    """School id → :class:`FollowUpRecords` of ``year``. One query."""
    first, last = _year_bounds(year)
    in_year = RetentionFollowUp.objects.filter(
        placement=OuterRef("pk"), contacted_on__range=(first, last)
    )
    rows = (
        local_graduates_to_follow(year)
        .annotate(followed=Exists(in_year))
        .values_list("student__school", "pk", "followed")
        .order_by()
    )
    groups: dict[int, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for school, pk, followed in rows:
        graduates, followed_up = groups[school]
        graduates.add(pk)
        if followed:
            followed_up.add(pk)
    return {
        school: FollowUpRecords(frozenset(graduates), frozenset(followed_up))
        for school, (graduates, followed_up) in groups.items()
    }


# --- talent demand and joint order classes (Linqu §(四)11, §(三)6) ---------------------------------

#: the lookup from a graduate placement to the name of the student's major
STUDENT_MAJOR_NAME = "student__major__name"


def demand_by_major(year: int) -> dict[str, dict]:
    """Major name → {"headcount", "demands", "enterprises", "wage_min", "wage_max"} of the talent
    demands of the ``year`` survey; the same major at several schools is one need. One query."""
    rows = (
        TalentDemand.objects.filter(survey_year=year)
        .values("major__name")
        .annotate(
            headcount=Sum("headcount"),
            demands=Count("pk"),
            enterprises=Count("enterprise", distinct=True),
            wage_min=Min("wage_min"),
            wage_max=Max("wage_max"),
        )
        .order_by("major__name")
    )
    return {r.pop("major__name"): r for r in rows}


def demand_by_enterprise(year: int) -> dict[int, dict[int, int]]:
    """Enterprise id → {demand id: headcount} of its demands in the ``year`` survey (the figure
    is the sum of the headcounts). One query."""
    result: dict[int, dict[int, int]] = defaultdict(dict)
    for enterprise, pk, headcount in (
        TalentDemand.objects.filter(survey_year=year)
        .values_list("enterprise", "pk", "headcount")
        .order_by()
    ):
        result[enterprise][pk] = headcount
    return dict(result)


def graduates_by_major(year: int) -> dict[str, dict[str, int]]:
    """Major name → {"graduates", "employed", "local"} of the graduates of ``year``. One query."""
    rows = (
        GraduatePlacement.objects.filter(graduation_year=year)
        .values(STUDENT_MAJOR_NAME)
        .annotate(graduates=Count("pk"), employed=Count("pk", filter=working_q()))
        .order_by()
    )
    return {
        r[STUDENT_MAJOR_NAME]: {"graduates": r["graduates"], "employed": r["employed"]}
        for r in rows
    }


def demand_against_graduates(year: int) -> list[dict]:
    """Per major demanded in the ``year`` survey: the demand beside the graduates of that major in
    the same year (the supply the schools have). Two queries."""
    graduates = graduates_by_major(year)
    return [
        {
            "major": major,
            **demand,
            "graduates": graduates.get(major, {}).get("graduates", 0),
            "employed": graduates.get(major, {}).get("employed", 0),
            "gap": demand["headcount"] - graduates.get(major, {}).get("graduates", 0),
        }
        for major, demand in demand_by_major(year).items()
    ]


def joint_class_proposals(year: int) -> list[dict]:
    """Demands of the ``year`` survey not yet formed into a class, grouped by major: a group in
    which two or more enterprises need the same major is a proposed joint order class (相同需求的
    多个企业联合组班). Each: {"major", "demands" (rows), "enterprises" (names), "headcount"}.
    One query."""
    rows = (
        TalentDemand.objects.filter(survey_year=year, order_class__isnull=True)
        .select_related("enterprise", "major")
        .order_by("major__name", "enterprise__name", "post")
    )
    groups: dict[str, list[TalentDemand]] = defaultdict(list)
    for demand in rows:
        groups[demand.major.name].append(demand)
    proposals = []
    for major, demands in groups.items():
        enterprises = sorted({d.enterprise.name for d in demands})
        if len(enterprises) < 2:
            continue
        proposals.append(
            {
                "major": major,
                "demands": demands,
                "enterprises": enterprises,
                "headcount": sum(d.headcount for d in demands),
            }
        )
    return proposals


# --- co-developed materials and the five alignments (Linqu §(一)1, §(三)6; Qufu 三(一)(二)) ---------


def materials_by_kind(year: int) -> dict[int, dict[str, frozenset[int]]]:
    """School id → {kind: the co-developed materials (ids) completed in ``year``}. One query."""
    first, last = _year_bounds(year)
    rows = (
        CoDevelopedMaterial.objects.filter(completed_on__range=(first, last))
        .values_list("school", "kind", "pk")
        .order_by()
    )
    result: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for school, kind, pk in rows:
        result[school][kind].add(pk)
    return {
        school: {kind: frozenset(ids) for kind, ids in kinds.items()}
        for school, kinds in result.items()
    }


class AlignmentRecords(NamedTuple):
    """Order classes (ids) running in a year, and those of them with all five alignments."""

    running: frozenset[int]
    aligned: frozenset[int]


def order_class_alignment(year: int) -> dict[int, AlignmentRecords]:
    """School id → the order classes running in ``year`` and those of them with all five
    alignments (五融通) aligned. One query."""
    aligned = Count(
        "alignments",
        filter=Q(alignments__status=AlignmentStatus.ALIGNED),
        distinct=True,
    )
    rows = (
        OrderClass.objects.filter(cohort_year__lte=year, graduation_year__gte=year)
        .annotate(aligned=aligned)
        .values_list("school", "pk", "aligned")
        .order_by()
    )
    result: dict[int, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for school, pk, aligned in rows:
        running, full = result[school]
        running.add(pk)
        if aligned >= len(Aspect.values):
            full.add(pk)
    return {
        school: AlignmentRecords(frozenset(running), frozenset(full))
        for school, (running, full) in result.items()
    }


# ---------------------------------------------------------------------------------------------
# The records a figure counted, described for its drill-down list (ids from the selectors above)


def placements_described(ids) -> list[dict]:
    """Graduate placements: school, graduate, employer and where it is. One query."""
    rows = (
        GraduatePlacement.objects.filter(pk__in=ids)
        .select_related("student__school", "employer")
        .order_by()
    )
    return [
        {
            "pk": p.pk,
            "organisation": p.student.school.name,
            "record": p.student.name,
            "detail": " · ".join(
                str(part)
                for part in (
                    p.employer.name if p.employer else p.employer_name,
                    p.get_employer_location_display(),
                )
                if part
            ),
        }
        for p in rows
    ]


def order_class_students_described(ids, year: int) -> list[dict]:
    """Order-class graduates of ``year``: school, name, their order classes. Two queries."""
    classes: dict[int, set[str]] = defaultdict(set)
    for student, name in OrderClassEnrolment.objects.filter(
        student__in=ids, order_class__graduation_year=year
    ).values_list("student", "order_class__name"):
        classes[student].add(name)
    rows = Student.objects.filter(pk__in=ids).values_list("pk", "school__name", "name")
    return [
        {
            "pk": pk,
            "organisation": school,
            "record": name,
            "detail": "、".join(sorted(classes[pk])),
        }
        for pk, school, name in rows
    ]


def apprenticeships_described(ids) -> list[dict]:
    """Apprenticeships: enterprise, apprentice, contract period. One query."""
    rows = Apprenticeship.objects.filter(pk__in=ids).values_list(
        "pk", "enterprise__name", "student__name", "contract_start", "contract_end"
    )
    return [
        {
            "pk": pk,
            "organisation": enterprise,
            "record": name,
            "detail": f"{start.isoformat()} – {end.isoformat()}",
        }
        for pk, enterprise, name, start, end in rows
    ]


def materials_described(ids) -> list[dict]:
    """Co-developed materials: school, title, kind and completion date. One query."""
    rows = CoDevelopedMaterial.objects.filter(pk__in=ids).select_related("school").order_by()
    return [
        {
            "pk": m.pk,
            "organisation": m.school.name,
            "record": m.title,
            "detail": f"{m.get_kind_display()} · {m.completed_on.isoformat()}",
        }
        for m in rows
    ]


def order_classes_described(ids) -> list[dict]:
    """Order classes: school, name, the enterprises it trains for. Two queries."""
    rows = (
        OrderClass.objects.filter(pk__in=ids)
        .select_related("school")
        .prefetch_related(Prefetch("enterprises", to_attr="partners"))
        .order_by()
    )
    return [
        {
            "pk": c.pk,
            "organisation": c.school.name,
            "record": c.name,
            "detail": "、".join(sorted(e.name for e in c.partners)),
        }
        for c in rows
    ]


def demands_described(ids) -> list[dict]:
    """Talent demands: enterprise, post, major, and the headcount the row counts for. One
    query."""
    rows = TalentDemand.objects.filter(pk__in=ids).values_list(
        "pk", "enterprise__name", "post", "major__name", "headcount"
    )
    return [
        {"pk": pk, "organisation": enterprise, "record": post, "detail": major, "amount": n}
        for pk, enterprise, post, major, n in rows
    ]


def internships_described(ids) -> list[dict]:
    """Internships: school, student, host enterprise, stage and period. One query."""
    rows = (
        Internship.objects.filter(pk__in=ids)
        .select_related("student__school", "enterprise")
        .order_by()
    )
    return [
        {
            "pk": i.pk,
            "organisation": i.student.school.name,
            "record": i.student.name,
            "detail": " · ".join(
                (
                    i.enterprise.name,
                    str(i.get_stage_display()),
                    f"{i.start_date.isoformat()} – {i.end_date.isoformat()}",
                )
            ),
        }
        for i in rows
    ]


def mentors_described(ids) -> list[dict]:
    """Career mentors: enterprise, name, title. One query."""
    rows = CareerMentor.objects.filter(pk__in=ids).values_list(
        "pk", "enterprise__name", "person", "title"
    )
    return [
        {"pk": pk, "organisation": enterprise, "record": person, "detail": title}
        for pk, enterprise, person, title in rows
    ]


def mentor_events_described(ids) -> list[dict]:
    """Career classes and lectures given by mentors: school, title, date, kind and mentor. One
    query."""
    rows = OutreachEvent.objects.filter(pk__in=ids).select_related("school", "mentor").order_by()
    return [
        {
            "pk": e.pk,
            "organisation": e.school.name,
            "record": e.title,
            "detail": f"{e.date.isoformat()} · {e.get_kind_display()} · {e.mentor.person}",
        }
        for e in rows
    ]


# --- the MoE status-data table (产学合作), per school and academic year (reports.status_data) ---
# Each answers {(major, enterprise id): count} for one school and the academic year from
# ``first`` (1 September) to ``last`` (31 August); the major is the student's, the class's or
# the material's, as its name with its catalogue code where known (members.models.major_label).


def _by_major_label(rows, major: str, enterprise: str) -> dict[tuple[str, int], int]:
    """``{(major label, enterprise id): n}`` from rows read with ``<major>__name`` and
    ``<major>__code``; a row without a major has the empty label, one without an enterprise none."""
    return {
        (
            major_label(r[f"{major}__name"], r[f"{major}__code"]) if r[f"{major}__name"] else "",
            r[enterprise],
        ): r["n"]
        for r in rows
        if r[enterprise] is not None and r["n"]
    }


def order_class_students_by_major(
    school_id: int, first: dt.date, last: dt.date
) -> dict[tuple[str, int], int]:
    """Students of the school's order classes in training during the academic year (cohort
    enrolled by its September, graduating in its summer or later), per class major and order enterprise
    (订单培养人数). A joint class (联合组班) counts its students for each of its enterprises."""
    rows = (
        OrderClassEnrolment.objects.filter(
            order_class__school_id=school_id,
            order_class__cohort_year__lte=first.year,
            order_class__graduation_year__gte=last.year,
        )
        .values("order_class__major__name", "order_class__major__code", "order_class__enterprises")
        .annotate(n=Count("student", distinct=True))
        .order_by()
    )
    return _by_major_label(rows, "order_class__major", "order_class__enterprises")


def interns_by_major(school_id: int, first: dt.date, last: dt.date) -> dict[tuple[str, int], int]:
    """The school's students on an internship (岗位实习) overlapping the academic year, per
    student major and host enterprise, each student once (接受顶岗实习学生数)."""
    rows = (
        Internship.objects.filter(
            student__school_id=school_id, start_date__lte=last, end_date__gte=first
        )
        .values("student__major__name", "student__major__code", "enterprise_id")
        .annotate(n=Count("student", distinct=True))
        .order_by()
    )
    return _by_major_label(rows, "student__major", "enterprise_id")


def hired_graduates_by_major(
    school_id: int, first: dt.date, last: dt.date
) -> dict[tuple[str, int], int]:
    """The school's graduates of the summer ending the academic year employed by a member
    enterprise, per major and employer, hires the employer declined left out (接受毕业生就业数)."""
    rows = (
        GraduatePlacement.objects.filter(
            working_q(),
            student__school_id=school_id,
            graduation_year=last.year,
            employer__isnull=False,
        )
        .exclude(hire_status=HireStatus.DECLINED)
        .values("student__major__name", "student__major__code", "employer_id")
        .annotate(n=Count("student", distinct=True))
        .order_by()
    )
    return _by_major_label(rows, "student__major", "employer_id")


#: The kinds of co-developed material the platform counts as courses (共同开发课程数) and as
#: teaching materials (共同开发教材数); programmes, standards of teaching or posts and
#: resources are in neither column.
COURSE_KINDS = (MaterialKind.CURRICULUM, MaterialKind.COURSE_STANDARD)
TEXTBOOK_KINDS = (MaterialKind.TEXTBOOK, MaterialKind.LOOSE_LEAF, MaterialKind.WORKBOOK)


def _materials_by_major(
    kinds, school_id: int, first: dt.date, last: dt.date
) -> dict[tuple[str, int], int]:
    rows = (
        CoDevelopedMaterial.objects.filter(
            school_id=school_id, kind__in=kinds, completed_on__range=(first, last)
        )
        .values("major__name", "major__code", "enterprises")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    return _by_major_label(rows, "major", "enterprises")


def courses_codeveloped_by_major(
    school_id: int, first: dt.date, last: dt.date
) -> dict[tuple[str, int], int]:
    """Curricula and course standards the school completed with enterprises in the academic
    year, per major (none: a whole-school item) and enterprise; one written with several
    enterprises counts for each (共同开发课程数)."""
    return _materials_by_major(COURSE_KINDS, school_id, first, last)


def textbooks_codeveloped_by_major(
    school_id: int, first: dt.date, last: dt.date
) -> dict[tuple[str, int], int]:
    """Textbooks, loose-leaf and workbook textbooks completed with enterprises in the academic
    year, per major and enterprise, as :func:`courses_codeveloped_by_major` (共同开发教材数)."""
    return _materials_by_major(TEXTBOOK_KINDS, school_id, first, last)


# --- the retention funnel and the follow-ups due (留临人才档案, Linqu §(四)11) -----------------

MILESTONES = tuple(m.value for m in FollowUpMilestone)
# A follow-up is still asked for this long after its date; later, the contact is lost.
FOLLOWUP_GRACE_MONTHS = 6


class FunnelRow(NamedTuple):
    """One cell of a graduation cohort's funnel: school × major (its name) × employer (None: not
    hired by a member), with the placements (ids) at each step; ``followed_placements`` and
    ``retained_placements`` are per milestone (6, 12, 24 months). The counts are their sizes."""

    school: int
    major: str
    enterprise: int | None
    placements: frozenset[int]
    hired_placements: frozenset[int]
    followed_placements: tuple[frozenset[int], ...]
    retained_placements: tuple[frozenset[int], ...]

    @property
    def graduates(self) -> int:
        return len(self.placements)

    @property
    def hired(self) -> int:
        return len(self.hired_placements)

    @property
    def followed(self) -> tuple[int, ...]:
        return tuple(len(ids) for ids in self.followed_placements)

    @property
    def retained(self) -> tuple[int, ...]:
        return tuple(len(ids) for ids in self.retained_placements)


def _in_pipeline_q() -> Q:
    """The graduate was in an order class or an apprenticeship (订单班 / 学徒制).

    One IN over the union of both lists of students, not two EXISTS joined by OR: PostgreSQL
    cannot estimate the OR, and at province scale planned the funnel as a hash of all
    2,000,000 students (2.7 s); the union it reads as a semi-join of the ~40,000 students in
    the pipeline (0.16 s)."""
    return Q(
        student__in=OrderClassEnrolment.objects.order_by()
        .values("student")
        .union(Apprenticeship.objects.order_by().values("student"))
    )


def _followup_q(months: int, **extra) -> Q:
    return Q(
        Exists(
            RetentionFollowUp.objects.filter(placement=OuterRef("pk"), milestone=months, **extra)
        )
    )


def retention_funnel(year: int) -> list[FunnelRow]:
    """The funnel of the graduation cohort ``year``: graduates who were in an order class or an
    apprenticeship → hired by a member (working there, hire not declined) → still working in
    the county at the 6, 12 and 24-month follow-ups. One query, one row per placement, grouped
    here by school, major and employer."""
    hired = working_q() & _at_member_q(year) & ~Q(hire_status=HireStatus.DECLINED)
    flags = {"is_hired": _flag(hired)}
    for months in MILESTONES:
        flags[f"followed_{months}"] = _flag(hired & _followup_q(months))
        flags[f"retained_{months}"] = _flag(hired & _followup_q(months, still_employed=True))
    rows = (
        GraduatePlacement.objects.filter(_in_pipeline_q(), graduation_year=year)
        .annotate(member_employer=Case(When(hired, then="employer"), default=None), **flags)
        .values("pk", "student__school", STUDENT_MAJOR_NAME, "member_employer", *flags)
        .order_by()
    )
    cells: dict[tuple, tuple[set, set, list[set], list[set]]] = defaultdict(
        lambda: (set(), set(), [set() for _m in MILESTONES], [set() for _m in MILESTONES])
    )
    for r in rows:
        key = (r["student__school"], r[STUDENT_MAJOR_NAME], r["member_employer"])
        graduates, hired_ids, followed, retained = cells[key]
        graduates.add(r["pk"])
        if r["is_hired"]:
            hired_ids.add(r["pk"])
        for i, months in enumerate(MILESTONES):
            if r[f"followed_{months}"]:
                followed[i].add(r["pk"])
            if r[f"retained_{months}"]:
                retained[i].add(r["pk"])
    return [
        FunnelRow(
            school,
            major,
            enterprise,
            frozenset(graduates),
            frozenset(hired_ids),
            tuple(map(frozenset, followed)),
            tuple(map(frozenset, retained)),
        )
        for (school, major, enterprise), (graduates, hired_ids, followed, retained) in cells.items()
    ]


class FollowUpDue(NamedTuple):
    placement: GraduatePlacement
    milestone: int
    due_on: dt.date


def followups_due(placements, *, today: dt.date) -> list[FollowUpDue]:
    """The 6/12/24-month follow-ups owed on ``placements`` (a queryset the caller has scoped):
    graduates working in the county, hire not declined, whose milestone date has come and who
    have no follow-up for it, unless an earlier answer said they left. Oldest first; a
    milestone more than ``FOLLOWUP_GRACE_MONTHS`` past is no longer asked. Two queries."""
    oldest = today.year - 3  # 24 months + the grace period, counted from 1 July
    candidates = (
        placements.filter(local_q(), graduation_year__gte=oldest)
        .exclude(hire_status=HireStatus.DECLINED)
        .select_related("student", "student__school", "student__major", "employer")
        .prefetch_related(
            Prefetch(
                "followups",
                queryset=RetentionFollowUp.objects.only(
                    "placement_id", "milestone", "still_employed", "contacted_on"
                ),
            )
        )
    )
    due = []
    for placement in candidates:
        answers = {f.milestone: f for f in placement.followups.all() if f.milestone}
        if any(not f.still_employed for f in placement.followups.all()):
            continue  # left: the archive stops following them
        for months in MILESTONES:
            day = milestone_date(placement.graduation_year, months)
            if day > today:
                break
            late = milestone_date(placement.graduation_year, months + FOLLOWUP_GRACE_MONTHS)
            if months not in answers and today < late:
                due.append(FollowUpDue(placement, months, day))
    return sorted(due, key=lambda d: (d.due_on, d.placement.student.name))


def next_milestone(placement: GraduatePlacement, *, today: dt.date) -> int | None:
    """The milestone a contact made ``today`` answers: the latest one reached and not yet
    answered (None: no milestone reached, or all answered)."""
    answered = set(placement.followups.exclude(milestone=None).values_list("milestone", flat=True))
    reached = [
        m
        for m in MILESTONES
        if milestone_date(placement.graduation_year, m) <= today and m not in answered
    ]
    return reached[-1] if reached else None


# --- plan clauses without a register of their own (Linqu 任务(四)11, Qufu 三(三)) ------------------


def schools_with_local_career_class(year: int) -> set[int]:
    """Schools that gave, in ``year``, at least one career class presenting local employment,
    local enterprises and entrepreneurs' success stories (Linqu 任务(四)11). One query."""
    first, last = _year_bounds(year)
    return set(
        OutreachEvent.objects.filter(
            kind=OutreachKind.CAREER_CLASS,
            covers_local_employment=True,
            date__range=(first, last),
        )
        .values_list("school", flat=True)
        .distinct()
    )


class EvaluationRecords(NamedTuple):
    """Internships (ids) that ended in a year, and those of them with an evaluation recorded."""

    ended: frozenset[int]
    evaluated: frozenset[int]


def internship_evaluations(year: int) -> dict[int, EvaluationRecords]:
    """School id → the internships that ended in ``year`` and those of them with an evaluation
    recorded: the quality check of the whole training process (Qufu 三(三)). One query."""
    first, last = _year_bounds(year)
    rows = (
        Internship.objects.filter(end_date__range=(first, last))
        .values_list("student__school", "pk", "evaluation")
        .order_by()
    )
    result: dict[int, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for school, pk, evaluation in rows:
        ended, evaluated = result[school]
        ended.add(pk)
        if evaluation:
            evaluated.add(pk)
    return {
        school: EvaluationRecords(frozenset(ended), frozenset(evaluated))
        for school, (ended, evaluated) in result.items()
    }
