"""Reads of the training app reused by its pages and by ``reports`` (``reports/sources.py``).

Every function takes a calendar year and runs one to three queries whatever the row count.
"In the year" means a record dated in, or with a period overlapping, 1 Jan–31 Dec of the year.
Mappings omit organisations with nothing: callers use ``.get(id, 0)``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from members.models import Organization

from .models import (
    COUNTED_SECONDMENTS,
    AssignmentKind,
    Certification,
    CoBuiltInstitution,
    Craftsman,
    EquipmentDirection,
    InSchoolWorkshop,
    InstitutionKind,
    InstitutionYear,
    PartnerExchange,
    PartnerInstitution,
    Patent,
    PatentStatus,
    ProjectKind,
    ProjectStatus,
    QualityEvaluationSurvey,
    Secondment,
    ServiceProject,
    SharedEquipment,
    StationPost,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    Term,
    TrainingBase,
    TrainingProgramme,
    TwoWayAppointment,
    WorkshopContribution,
)


def _grouped(pairs) -> dict[int, frozenset[int]]:
    """(organisation id, record id) pairs as organisation id -> record ids."""
    groups: dict[int, set[int]] = defaultdict(set)
    for organisation, record in pairs:
        groups[organisation].add(record)
    return {organisation: frozenset(records) for organisation, records in groups.items()}


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _open_in(year: int, start: str, end: str) -> Q:
    """Established on/before 31 Dec and not closed before 1 Jan."""
    first, last = year_bounds(year)
    return Q(**{f"{start}__lte": last}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": first})
    )


def _overlapping(year: int) -> Q:
    first, last = year_bounds(year)
    return Q(start_on__lte=last, end_on__gte=first)


def enterprises_with_active_base(year: int) -> set[int]:
    rows = TrainingBase.objects.filter(_open_in(year, "established_on", "closed_on"))
    return set(rows.values_list("enterprise_id", flat=True).distinct())


def enterprises_with_station(year: int) -> set[int]:
    rows = TeacherStation.objects.filter(_open_in(year, "established_on", "closed_on"))
    return set(rows.values_list("enterprise_id", flat=True).distinct())


def counted_secondments(year: int) -> QuerySet[Secondment]:
    """Secondments that count for ``year``: ongoing or completed, the period overlapping it."""
    return Secondment.objects.filter(_overlapping(year), status__in=COUNTED_SECONDMENTS)


def school_secondments_counted(year: int, school_id: int) -> QuerySet[Secondment]:
    """The secondments of a school's professional teachers that count for ``year``."""
    return (
        counted_secondments(year)
        .filter(teacher__school_id=school_id, teacher__is_professional=True)
        .select_related("teacher", "enterprise")
        .order_by("start_on", "pk")
    )


def seconded_teachers(year: int) -> dict[int, frozenset[int]]:
    """School id -> the professional teachers with a counted secondment overlapping ``year``
    (the numerator of the secondment rate: teachers, not secondments). One query."""
    rows = (
        counted_secondments(year)
        .filter(teacher__is_professional=True)
        .values_list("teacher__school_id", "teacher_id")
        .distinct()
        .order_by()
    )
    return _grouped(rows)


def seconded_professional_teachers(year: int) -> dict[int, int]:
    return {school: len(teachers) for school, teachers in seconded_teachers(year).items()}


def secondment_person_times(year: int) -> dict[int, int]:
    """School id -> secondments (ongoing or completed) overlapping the year, any teacher."""
    rows = counted_secondments(year).values("teacher__school_id").annotate(n=Count("pk"))
    return {r["teacher__school_id"]: r["n"] for r in rows}


def secondments_by_enterprise(year: int) -> dict[int, int]:
    """Enterprise id -> secondments it hosted (ongoing or completed, period overlapping the year)."""
    rows = counted_secondments(year).values("enterprise_id").annotate(n=Count("pk"))
    return {r["enterprise_id"]: r["n"] for r in rows}


def programmes_starting(year: int) -> QuerySet[TrainingProgramme]:
    """Programmes whose person-times count for ``year``: those starting in it."""
    first, last = year_bounds(year)
    return TrainingProgramme.objects.filter(start_on__range=(first, last))


def school_programmes_counted(year: int, school_id: int) -> QuerySet[TrainingProgramme]:
    """The programmes whose person-times count for a school in ``year``."""
    return (
        programmes_starting(year)
        .filter(school_id=school_id)
        .prefetch_related(Prefetch("enterprises", queryset=Organization.objects.order_by("name")))
        .order_by("start_on", "pk")
    )


def training_programmes(year: int) -> dict[int, frozenset[int]]:
    """School id -> the programmes whose participants count for ``year`` (those starting in it).
    One query."""
    return _grouped(programmes_starting(year).values_list("school_id", "pk").order_by())


def training_person_times(year: int) -> dict[int, int]:
    rows = programmes_starting(year).values("school_id").annotate(n=Sum("participants"))
    return {r["school_id"]: r["n"] for r in rows if r["n"]}


def training_person_times_by_enterprise(year: int) -> dict[int, int]:
    """Enterprise id -> participants of the programmes it took part in.

    A programme with several enterprises counts in full for each (the register does not say how
    many of its participants came from which enterprise), so the values do not add up to the
    schools' total.
    """
    through = TrainingProgramme.enterprises.through
    first, last = year_bounds(year)
    rows = (
        through.objects.filter(trainingprogramme__start_on__range=(first, last))
        .values("organization_id")
        .annotate(n=Sum("trainingprogramme__participants"))
    )
    return {r["organization_id"]: r["n"] for r in rows if r["n"]}


def _craftsmen_in_pool(year: int):
    first, last = year_bounds(year)
    joined = Q(joined_on__isnull=True) | Q(joined_on__lte=last)
    # Still in the pool (active, no leaving date) or left during/after the year.
    stayed = Q(left_on__isnull=True, active=True) | Q(left_on__gte=first)
    return Craftsman.objects.filter(joined & stayed)


def craftsmen_in_pool(year: int) -> dict[int, frozenset[int]]:
    """Enterprise id -> its craftsmen in the pool at some time in ``year``. One query."""
    return _grouped(_craftsmen_in_pool(year).values_list("enterprise_id", "pk").order_by())


def craftsmen_by_enterprise(year: int) -> dict[int, int]:
    return {e: len(craftsmen) for e, craftsmen in craftsmen_in_pool(year).items()}


def teaching_hours_by_school(year: int) -> dict[int, Decimal]:
    rows = TeachingAssignment.objects.filter(year=year).values("school_id").annotate(h=Sum("hours"))
    return {r["school_id"]: r["h"] for r in rows if r["h"]}


def teaching_hours_by_enterprise(year: int) -> dict[int, Decimal]:
    rows = (
        TeachingAssignment.objects.filter(year=year)
        .values("craftsman__enterprise_id")
        .annotate(h=Sum("hours"))
    )
    return {r["craftsman__enterprise_id"]: r["h"] for r in rows if r["h"]}


def certification_totals(year: int) -> dict[int, tuple[int, int]]:
    rows = (
        Certification.objects.filter(assessed_on__year=year)
        .values("school_id")
        .annotate(c=Sum("candidates"), p=Sum("passed"))
    )
    return {r["school_id"]: (r["c"] or 0, r["p"] or 0) for r in rows}


def _names(values: list[str]) -> str:
    return "、".join(sorted(values))


def platform_summary(year: int) -> dict:
    """Workshops open in the year with their orders and rotations in it; bases open in the year.

    Four queries: workshops with their order aggregates, rotation headcounts, partner
    enterprises, bases.
    """
    first, last = year_bounds(year)
    orders_in_year = Q(orders__start_on__lte=last, orders__end_on__gte=first)
    rotations_in_year = Q(rotations__start_on__lte=last, rotations__end_on__gte=first)
    workshops = list(
        InSchoolWorkshop.objects.filter(Q(opened_on__isnull=True) | Q(opened_on__lte=last))
        .annotate(
            order_count=Count("orders", filter=orders_in_year),
            order_value=Sum("orders__value", filter=orders_in_year),
        )
        .values("pk", "name", "school__name", "order_count", "order_value")
        .order_by("school__name", "name")
    )
    ids = [w["pk"] for w in workshops]
    # Summing rotations in the same query would multiply the order rows: aggregate apart.
    headcounts = dict(
        InSchoolWorkshop.objects.filter(pk__in=ids)
        .annotate(h=Sum("rotations__headcount", filter=rotations_in_year))
        .values_list("pk", "h")
    )
    partners = defaultdict(list)
    through = InSchoolWorkshop.enterprises.through
    for workshop_id, name in through.objects.filter(inschoolworkshop_id__in=ids).values_list(
        "inschoolworkshop_id", "organization__name"
    ):
        partners[workshop_id].append(name)
    bases = TrainingBase.objects.filter(_open_in(year, "established_on", "closed_on")).values(
        "name", "enterprise__name", "capacity", "masters_count", "majors"
    )
    return {
        "workshops": [
            {
                "name": w["name"],
                "school": w["school__name"],
                "enterprises": _names(partners[w["pk"]]),
                "orders": w["order_count"],
                "order_value": w["order_value"] or Decimal("0"),
                "rotation_headcount": headcounts.get(w["pk"]) or 0,
            }
            for w in workshops
        ],
        "bases": [
            {
                "name": b["name"],
                "enterprise": b["enterprise__name"],
                "capacity": b["capacity"],
                "masters": b["masters_count"],
                "majors": b["majors"],
            }
            for b in bases.order_by("enterprise__name", "name")
        ],
    }


# --- co-building (issue 15) ----------------------------------------------------------------------


def institutions_by_kind(year: int) -> dict[str, dict]:
    """Kind -> {"active": institutions open in the year, "founded": founded in it, "logged":
    with a yearly log for it, "events", "people_trained"} (kinds with none omitted)."""
    first = year_bounds(year)[0]
    open_rows = _institutions_open(year)
    result: dict[str, dict] = {}
    for row in open_rows.values("kind").annotate(
        n=Count("pk"), founded=Count("pk", filter=Q(founded_on__gte=first))
    ):
        result[row["kind"]] = {
            "active": row["n"],
            "founded": row["founded"],
            "logged": 0,
            "events": 0,
            "people_trained": 0,
        }
    for row in (
        InstitutionYear.objects.filter(year=year)
        .values("institution__kind")
        .annotate(n=Count("pk"), events=Sum("events"), people=Sum("people_trained"))
    ):
        entry = result.setdefault(
            row["institution__kind"],
            {"active": 0, "founded": 0, "logged": 0, "events": 0, "people_trained": 0},
        )
        entry.update(logged=row["n"], events=row["events"] or 0, people_trained=row["people"] or 0)
    return result


def _institutions_open(year: int) -> QuerySet[CoBuiltInstitution]:
    return CoBuiltInstitution.objects.filter(_open_in(year, "founded_on", "closed_on"))


def open_institutions(year: int) -> dict[int, dict]:
    """Institution id -> {"kind", "school", "enterprises": partner ids} for the co-built
    institutions open in the year (the co-built institutions figure counts these). One query."""
    result: dict[int, dict] = {}
    for pk, kind, school, enterprise in (
        _institutions_open(year).values_list("pk", "kind", "school_id", "enterprises").order_by()
    ):
        row = result.setdefault(pk, {"kind": kind, "school": school, "enterprises": set()})
        if enterprise is not None:
            row["enterprises"].add(enterprise)
    return {pk: {**row, "enterprises": frozenset(row["enterprises"])} for pk, row in result.items()}


def institution_register(year: int) -> list[dict]:
    """The institutions open in the year with that year's log, for the annual report."""
    logs = {log.institution_id: log for log in InstitutionYear.objects.filter(year=year).order_by()}
    rows = (
        _institutions_open(year)
        .select_related("school")
        .prefetch_related(Prefetch("enterprises", queryset=Organization.objects.order_by("name")))
        .order_by("kind", "school__name", "name")
    )
    labels = dict(InstitutionKind.choices)
    return [
        {
            "name": i.name,
            "kind": str(labels.get(i.kind, i.kind)),
            "school": i.school.name,
            "enterprises": [e.name for e in i.enterprises.all()],
            "founded_on": i.founded_on,
            "outputs": logs[i.pk].outputs if i.pk in logs else "",
        }
        for i in rows
    ]


def _projects_in(year: int) -> QuerySet[ServiceProject]:
    first, last = year_bounds(year)
    return ServiceProject.objects.filter(
        Q(start_on__lte=last) & (Q(end_on__isnull=True) | Q(end_on__gte=first))
    )


def running_projects(year: int) -> dict[int, dict]:
    """Project id -> {"school", "enterprises": partner ids, "value": contract value} for the
    projects running in the year (the service projects figure counts these). One query."""
    result: dict[int, dict] = {}
    for pk, school, enterprise, value in (
        _projects_in(year).values_list("pk", "school_id", "enterprises", "value").order_by()
    ):
        row = result.setdefault(
            pk, {"school": school, "enterprises": set(), "value": value or Decimal(0)}
        )
        if enterprise is not None:
            row["enterprises"].add(enterprise)
    return {pk: {**row, "enterprises": frozenset(row["enterprises"])} for pk, row in result.items()}


def service_projects_by_school(year: int) -> dict[int, tuple[int, Decimal]]:
    """School id -> (projects running in the year, their contract value)."""
    totals: dict[int, tuple[int, Decimal]] = {}
    for project in running_projects(year).values():
        n, value = totals.get(project["school"], (0, Decimal(0)))
        totals[project["school"]] = (n + 1, value + project["value"])
    return totals


GRANTED = (PatentStatus.GRANTED, PatentStatus.TRANSFERRED)


class PatentRecords(NamedTuple):
    """A school's patents filed, granted, transferred in the year, and granted in it from a
    co-built institution (patent ids)."""

    filed: frozenset[int]
    granted: frozenset[int]
    transferred: frozenset[int]
    from_institutions: frozenset[int]


def patent_records(year: int) -> dict[int, PatentRecords]:
    """School id -> its patents of the year by event (the patents figure counts ``granted``).
    One query."""
    first, last = year_bounds(year)
    groups: dict[int, tuple[set, set, set, set]] = defaultdict(lambda: (set(), set(), set(), set()))
    for pk, school, filed_on, granted_on, transferred_on, status, institution in (
        Patent.objects.filter(
            Q(filed_on__range=(first, last))
            | Q(granted_on__range=(first, last))
            | Q(transferred_on__range=(first, last))
        )
        .values_list(
            "pk", "school_id", "filed_on", "granted_on", "transferred_on", "status", "institution"
        )
        .order_by()
    ):
        filed, granted, transferred, from_institutions = groups[school]
        if filed_on is not None and first <= filed_on <= last:
            filed.add(pk)
        # A lapsed patent keeps its grant date but is no longer a granted patent.
        if granted_on is not None and first <= granted_on <= last and status in GRANTED:
            granted.add(pk)
            if institution is not None:
                from_institutions.add(pk)
        if transferred_on is not None and first <= transferred_on <= last:
            transferred.add(pk)
    return {
        school: PatentRecords(*(frozenset(ids) for ids in sets)) for school, sets in groups.items()
    }


def patents_by_school(year: int) -> dict[int, dict[str, int]]:
    """School id -> {"filed", "granted", "transferred", "from_institutions"}: the sizes of
    :func:`patent_records`."""
    return {
        school: {field: len(ids) for field, ids in records._asdict().items()}
        for school, records in patent_records(year).items()
    }


def patent_register(year: int) -> list[dict]:
    """Patents filed, granted or transferred in the year, for the annual report."""
    first, last = year_bounds(year)
    rows = (
        Patent.objects.filter(
            Q(filed_on__range=(first, last))
            | Q(granted_on__range=(first, last))
            | Q(transferred_on__range=(first, last))
        )
        .select_related("school", "institution", "transferred_to")
        .order_by("school__name", "filed_on", "pk")
    )
    return [
        {
            "title": p.title,
            "kind": p.get_kind_display(),
            "number": p.number,
            "status": p.get_status_display(),
            "school": p.school.name,
            "institution": p.institution.name if p.institution_id else "",
            "institution_kind": p.institution.get_kind_display() if p.institution_id else "",
            "transferred_to": p.transferred_to.name if p.transferred_to_id else "",
        }
        for p in rows
    ]


def shared_equipment_by_school(year: int) -> dict[int, tuple[int, Decimal]]:
    """School id -> (equipment items in use in the year, their value)."""
    rows = (
        SharedEquipment.objects.filter(_open_in(year, "since", "until"))
        .values("school_id")
        .annotate(n=Sum("quantity"), value=Sum("value"))
    )
    return {r["school_id"]: (r["n"] or 0, r["value"] or Decimal(0)) for r in rows}


def workshop_support(year: int) -> list[dict]:
    """Each in-school workshop: the school's contributions in the year, its teachers acting as
    technical managers and its uses (Linqu (一)2), for the annual report."""
    contributions = defaultdict(list)
    for c in WorkshopContribution.objects.filter(year=year).order_by("kind"):
        contributions[c.workshop_id].append(c)
    rows = (
        InSchoolWorkshop.objects.select_related("school")
        .prefetch_related(Prefetch("technical_managers", queryset=Teacher.objects.order_by("name")))
        .order_by("school__name", "name")
    )
    uses = ("for_teaching", "for_staff_training", "for_production", "for_technical_service")
    labels = {name: InSchoolWorkshop._meta.get_field(name).verbose_name for name in uses}
    return [
        {
            "name": w.name,
            "school": w.school.name,
            "contributions": [c.get_kind_display() for c in contributions[w.pk]],
            "contribution_value": sum((c.value for c in contributions[w.pk]), Decimal(0)),
            "managers": [t.name for t in w.technical_managers.all()],
            "uses": [str(labels[name]) for name in uses if getattr(w, name)],
        }
        for w in rows
    ]


class TeacherRecords(NamedTuple):
    """A school's professional teachers in the register, and those of them dual-qualified."""

    professional: frozenset[int]
    dual_qualified: frozenset[int]


def professional_teacher_records(year: int) -> dict[int, TeacherRecords]:
    """School id -> its professional teachers and the dual-qualified (双师型) ones (teacher ids).

    The teacher register is kept current, so every year reads today's register. One query."""
    groups: dict[int, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for pk, school, dual in (
        Teacher.objects.filter(is_professional=True)
        .values_list("pk", "school_id", "is_dual_qualified")
        .order_by()
    ):
        professional, dual_qualified = groups[school]
        professional.add(pk)
        if dual:
            dual_qualified.add(pk)
    return {
        school: TeacherRecords(frozenset(professional), frozenset(dual_qualified))
        for school, (professional, dual_qualified) in groups.items()
    }


def dual_qualified_by_school(year: int) -> dict[int, tuple[int, int]]:
    """School id -> (professional teachers, of whom dual-qualified): sizes of the records."""
    return {
        school: (len(records.professional), len(records.dual_qualified))
        for school, records in professional_teacher_records(year).items()
    }


def station_posts(year: int) -> list[dict]:
    """Every station open in the year: practice places offered in it, teachers seconded to that
    station (ongoing or completed) in the year, and the places they fill (at most those offered:
    the practice places filled figure counts these); ``no_posts`` flags a station
    that offers none (Linqu (二)4: 每年设置教师实践岗位)."""
    offered = dict(
        StationPost.objects.filter(year=year)
        .values("station_id")
        .annotate(n=Sum("places"))
        .values_list("station_id", "n")
    )
    filled = dict(
        counted_secondments(year)
        .filter(station__isnull=False)
        .values("station_id")
        .annotate(n=Count("teacher_id", distinct=True))
        .values_list("station_id", "n")
    )
    stations = (
        TeacherStation.objects.filter(_open_in(year, "established_on", "closed_on"))
        .select_related("enterprise")
        .order_by("enterprise__name", "name")
    )
    return [
        {
            "station_id": s.pk,
            "name": s.name,
            "enterprise_id": s.enterprise_id,
            "enterprise": s.enterprise.name,
            "offered": offered.get(s.pk, 0),
            "filled": filled.get(s.pk, 0),
            # More teachers than places fill the places offered, no more.
            "places_filled": min(filled.get(s.pk, 0), offered.get(s.pk, 0)),
            "no_posts": not offered.get(s.pk, 0),
        }
        for s in stations
    ]


def running_appointments(year: int) -> dict[int, dict]:
    """Appointment id -> {"direction", "school", "enterprise"} for the two-way appointments whose
    term overlaps the year (the two-way appointments figure counts these). One query."""
    return {
        pk: {"direction": direction, "school": school, "enterprise": enterprise}
        for pk, direction, school, enterprise in TwoWayAppointment.objects.filter(
            _overlapping(year)
        )
        .values_list("pk", "direction", "school_id", "enterprise_id")
        .order_by()
    }


def appointments_by_direction(year: int) -> dict[str, int]:
    """Direction -> two-way appointments whose term overlaps the year."""
    result: dict[str, int] = defaultdict(int)
    for appointment in running_appointments(year).values():
        result[appointment["direction"]] += 1
    return dict(result)


# --- every form of training (Qufu 三(二)(七), Linqu §(三)8) ------------------------------------------


class ProgrammeRecord(NamedTuple):
    school: int
    department: str
    audience: str
    participants: int


def programme_records(year: int) -> dict[int, ProgrammeRecord]:
    """Programme id -> its school, funding department, audience and participants, for the
    programmes starting in ``year`` (the training figures by audience count these). One query."""
    return {
        pk: ProgrammeRecord(*row)
        for pk, *row in programmes_starting(year)
        .values_list("pk", "school_id", "funding_department", "audience", "participants")
        .order_by()
    }


def training_person_times_by_kind(year: int) -> dict[int, dict[tuple[str, str], int]]:
    """School id → {(funding department, audience): person-times} of the programmes starting in
    ``year`` — the training figure broken down as the plans count it (one query)."""
    result: dict[int, dict[tuple[str, str], int]] = defaultdict(dict)
    for p in programme_records(year).values():
        kinds = result[p.school]
        kinds[(p.department, p.audience)] = (
            kinds.get((p.department, p.audience), 0) + p.participants
        )
    return dict(result)


def active_bases(year: int) -> dict[int, dict]:
    """Base id → {"name", "enterprise", "enterprise_name", "masters"} for the training bases open
    in ``year`` (one query)."""
    rows = (
        TrainingBase.objects.filter(_open_in(year, "established_on", "closed_on"))
        .values("pk", "name", "enterprise_id", "enterprise__name", "masters_count")
        .order_by("enterprise__name", "name")
    )
    return {
        r["pk"]: {
            "name": r["name"],
            "enterprise": r["enterprise_id"],
            "enterprise_name": r["enterprise__name"],
            "masters": r["masters_count"],
        }
        for r in rows
    }


# --- external cooperation (Qufu 三(八)) -------------------------------------------------------------


def exchange_records(year: int) -> dict[int, dict[str, frozenset[int]]]:
    """School id → {area: its exchanges with external partners dated in ``year``} (exchange ids,
    the external exchanges figure counts these). One query."""
    first, last = year_bounds(year)
    groups: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for pk, school, area in (
        PartnerExchange.objects.filter(date__range=(first, last))
        .values_list("pk", "partner__school", "area")
        .order_by()
    ):
        groups[school][area].add(pk)
    return {
        school: {area: frozenset(ids) for area, ids in areas.items()}
        for school, areas in groups.items()
    }


def exchanges_by_area(year: int) -> dict[int, dict[str, int]]:
    """School id → {area: exchanges with external partners dated in ``year``}."""
    return {
        school: {area: len(ids) for area, ids in areas.items()}
        for school, areas in exchange_records(year).items()
    }


def partners_with_agreement(year: int) -> dict[int, int]:
    """School id → external partners with a cooperation agreement in force in ``year``. One query."""
    first, last = year_bounds(year)
    rows = (
        PartnerInstitution.objects.filter(agreement_signed_on__lte=last)
        .filter(Q(agreement_until__isnull=True) | Q(agreement_until__gte=first))
        .values("school")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {r["school"]: r["n"] for r in rows}


# ---------------------------------------------------------------------------------------------
# The records a figure counted, described for its drill-down list (ids from the selectors above)


def teachers_described(ids, year: int) -> list[dict]:
    """Seconded teachers: school, name, the enterprises of their counted secondments. Two queries."""
    hosts: dict[int, set[str]] = defaultdict(set)
    for teacher, enterprise in (
        counted_secondments(year)
        .filter(teacher__in=ids)
        .values_list("teacher_id", "enterprise__name")
    ):
        hosts[teacher].add(enterprise)
    rows = Teacher.objects.filter(pk__in=ids).values_list("pk", "school__name", "name")
    return [
        {"pk": pk, "organisation": school, "record": name, "detail": _names(hosts[pk])}
        for pk, school, name in rows
    ]


def programmes_described(ids) -> list[dict]:
    """Training programmes: school, title, start, participants (the amount counted). One query."""
    rows = TrainingProgramme.objects.filter(pk__in=ids).values_list(
        "pk", "school__name", "title", "start_on", "participants"
    )
    return [
        {
            "pk": pk,
            "organisation": school,
            "record": title,
            "detail": start.isoformat(),
            "amount": participants,
        }
        for pk, school, title, start, participants in rows
    ]


def craftsmen_described(ids, year: int) -> list[dict]:
    """Craftsmen: enterprise, name, teaching hours in ``year``. One query."""
    rows = (
        Craftsman.objects.filter(pk__in=ids)
        .annotate(hours=Sum("assignments__hours", filter=Q(assignments__year=year)))
        .values_list("pk", "enterprise__name", "name", "hours")
    )
    return [
        {"pk": pk, "organisation": enterprise, "record": name, "detail": hours or Decimal(0)}
        for pk, enterprise, name, hours in rows
    ]


def institutions_described(ids) -> list[dict]:
    """Co-built institutions: school, name, kind. One query."""
    labels = dict(InstitutionKind.choices)
    rows = CoBuiltInstitution.objects.filter(pk__in=ids).values_list(
        "pk", "school__name", "name", "kind"
    )
    return [
        {"pk": pk, "organisation": school, "record": name, "detail": str(labels.get(kind, kind))}
        for pk, school, name, kind in rows
    ]


def projects_described(ids) -> list[dict]:
    """Service and research projects: school, title, start. One query."""
    rows = ServiceProject.objects.filter(pk__in=ids).values_list(
        "pk", "school__name", "title", "start_on"
    )
    return [
        {"pk": pk, "organisation": school, "record": title, "detail": start.isoformat()}
        for pk, school, title, start in rows
    ]


def patents_described(ids) -> list[dict]:
    """Patents: school, title, number. One query."""
    rows = Patent.objects.filter(pk__in=ids).values_list("pk", "school__name", "title", "number")
    return [
        {"pk": pk, "organisation": school, "record": title, "detail": number}
        for pk, school, title, number in rows
    ]


def register_teachers_described(ids) -> list[dict]:
    """Teachers of the register: school, name, department. One query."""
    rows = Teacher.objects.filter(pk__in=ids).values_list(
        "pk", "school__name", "name", "department"
    )
    return [
        {"pk": pk, "organisation": school, "record": name, "detail": department}
        for pk, school, name, department in rows
    ]


def stations_described(ids, year: int) -> list[dict]:
    """Teacher stations open in ``year``: enterprise, name, and from :func:`station_posts` the
    places offered and the places filled (the amounts the practice-place figures add up)."""
    return [
        {
            "pk": row["station_id"],
            "organisation": row["enterprise"],
            "record": row["name"],
            "offered": row["offered"],
            "places_filled": row["places_filled"],
        }
        for row in station_posts(year)
        if row["station_id"] in ids
    ]


def appointments_described(ids) -> list[dict]:
    """Two-way appointments: school, enterprise, the person appointed, position. One query."""
    rows = TwoWayAppointment.objects.filter(pk__in=ids).values_list(
        "pk", "school__name", "enterprise__name", "teacher__name", "craftsman__name", "position"
    )
    return [
        {
            "pk": pk,
            "organisation": school,
            "enterprise": enterprise,
            "record": teacher or craftsman,
            "detail": position,
        }
        for pk, school, enterprise, teacher, craftsman, position in rows
    ]


def bases_described(ids, year: int) -> list[dict]:
    """Training bases open in ``year``: enterprise, name, masters (from :func:`active_bases`)."""
    return [
        {
            "pk": pk,
            "organisation": base["enterprise_name"],
            "record": base["name"],
            "detail": base["masters"],
        }
        for pk, base in active_bases(year).items()
        if pk in ids
    ]


def exchanges_described(ids) -> list[dict]:
    """Exchanges with external partners: school, title, partner, date. One query."""
    rows = PartnerExchange.objects.filter(pk__in=ids).values_list(
        "pk", "partner__school__name", "title", "partner__name", "date"
    )
    return [
        {
            "pk": pk,
            "organisation": school,
            "record": title,
            "partner": partner,
            "detail": date.isoformat(),
        }
        for pk, school, title, partner, date in rows
    ]


def quality_surveys_described(ids) -> list[dict]:
    """Quality evaluation surveys: school, title, date held. One query."""
    rows = QualityEvaluationSurvey.objects.filter(pk__in=ids).values_list(
        "pk", "school__name", "title", "held_on"
    )
    return [
        {"pk": pk, "organisation": school, "record": title, "detail": held.isoformat()}
        for pk, school, title, held in rows
    ]


# --- the MoE status-data table (产学合作), per school and academic year (reports.status_data) ---


def part_time_teachers_by_enterprise(school_id: int, academic_year: int) -> dict[int, int]:
    """Enterprise id -> its craftsmen teaching at the school in the academic year that starts in
    September of ``academic_year`` (its autumn term and the next spring term) as part-time
    professional teachers or internship instructors (支持学校兼职教师数), each counted once."""
    rows = (
        TeachingAssignment.objects.filter(
            Q(year=academic_year, term=Term.AUTUMN) | Q(year=academic_year + 1, term=Term.SPRING),
            school_id=school_id,
            kind__in=(AssignmentKind.PART_TIME_TEACHER, AssignmentKind.INTERNSHIP_INSTRUCTOR),
        )
        .values("craftsman__enterprise_id")
        .annotate(n=Count("craftsman", distinct=True))
    )
    return {r["craftsman__enterprise_id"]: r["n"] for r in rows}


def trained_staff_by_enterprise(school_id: int, first: dt.date, last: dt.date) -> dict[int, int]:
    """Enterprise id -> participants (person-times) of the school's in-service programmes starting
    between ``first`` and ``last`` (学校为企业年培训员工数). A programme with several enterprises
    counts in full for each, as ``training_person_times_by_enterprise`` does."""
    rows = (
        TrainingProgramme.objects.filter(school_id=school_id, start_on__range=(first, last))
        .values("enterprises")
        .annotate(n=Sum("participants"))
    )
    return {r["enterprises"]: r["n"] for r in rows if r["enterprises"] is not None and r["n"]}


def _whole_yuan(rows, key: str) -> dict[int, int]:
    return {r[key]: int(r["value"].to_integral_value()) for r in rows if r[key] and r["value"]}


def donated_equipment_value_by_enterprise(
    school_id: int, first: dt.date, last: dt.date
) -> dict[int, int]:
    """Enterprise id -> value in whole yuan of the equipment it introduced into the school
    (引进, not equipment shared or lent) in use from a day between ``first`` and ``last``
    (对学校捐赠设备总值)."""
    rows = (
        SharedEquipment.objects.filter(
            school_id=school_id,
            direction=EquipmentDirection.INTRODUCED,
            since__range=(first, last),
        )
        .values("enterprise_id")
        .annotate(value=Sum("value"))
        .order_by()
    )
    return _whole_yuan(rows, "enterprise_id")


def service_income_by_enterprise(school_id: int, first: dt.date, last: dt.date) -> dict[int, int]:
    """Enterprise id -> contract value in whole yuan of the school's technical services
    (技术服务, not joint R&D or research topics) for it starting between ``first`` and ``last``,
    stopped ones left out (学校为企业技术服务年收入). A service for several enterprises counts in
    full for each, as ``trained_staff_by_enterprise`` does: the register has one contract value."""
    rows = (
        ServiceProject.objects.filter(
            school_id=school_id,
            kind=ProjectKind.TECHNICAL_SERVICE,
            start_on__range=(first, last),
        )
        .exclude(status=ProjectStatus.STOPPED)
        .values("enterprises")
        .annotate(value=Sum("value"))
        .order_by()
    )
    return _whole_yuan(rows, "enterprises")


def quality_survey_records(year: int) -> dict[int, frozenset[int]]:
    """School id → its multi-party quality evaluation surveys held in ``year`` whose report is
    uploaded (Qufu 三(三): a survey counts once it 「形成调研报告」). One query."""
    return _grouped(
        QualityEvaluationSurvey.objects.filter(held_on__year=year)
        .exclude(report_file="")
        .values_list("school", "pk")
        .order_by()
    )
