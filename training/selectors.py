"""Reads of the training app reused by its pages and by ``reports`` (``reports/sources.py``).

Every function takes a calendar year and runs one to three queries whatever the row count.
"In the year" means a record dated in, or with a period overlapping, 1 Jan–31 Dec of the year.
Mappings omit organisations with nothing: callers use ``.get(id, 0)``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from members.models import Organization

from .models import (
    COUNTED_SECONDMENTS,
    Certification,
    Craftsman,
    InSchoolWorkshop,
    PartnerExchange,
    PartnerInstitution,
    Secondment,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
)


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


def seconded_professional_teachers(year: int) -> dict[int, int]:
    rows = (
        counted_secondments(year)
        .filter(teacher__is_professional=True)
        .values("teacher__school_id")
        .annotate(n=Count("teacher_id", distinct=True))
    )
    return {r["teacher__school_id"]: r["n"] for r in rows}


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


def craftsmen_by_enterprise(year: int) -> dict[int, int]:
    rows = _craftsmen_in_pool(year).values("enterprise_id").annotate(n=Count("pk"))
    return {r["enterprise_id"]: r["n"] for r in rows}


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


# --- every form of training (Qufu 三(二)(七), Linqu §(三)8) ------------------------------------------


def training_person_times_by_kind(year: int) -> dict[int, dict[tuple[str, str], int]]:
    """School id → {(funding department, audience): person-times} of the programmes starting in
    ``year`` — the training figure broken down as the plans count it (one query)."""
    rows = (
        programmes_starting(year)
        .values("school_id", "funding_department", "audience")
        .annotate(n=Sum("participants"))
        .order_by()
    )
    result: dict[int, dict[tuple[str, str], int]] = defaultdict(dict)
    for r in rows:
        if r["n"]:
            result[r["school_id"]][(r["funding_department"], r["audience"])] = r["n"]
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


def exchanges_by_area(year: int) -> dict[int, dict[str, int]]:
    """School id → {area: exchanges with external partners dated in ``year``}. One query."""
    first, last = year_bounds(year)
    rows = (
        PartnerExchange.objects.filter(date__range=(first, last))
        .values("partner__school", "area")
        .annotate(n=Count("pk"))
        .order_by()
    )
    result: dict[int, dict[str, int]] = defaultdict(dict)
    for r in rows:
        result[r["partner__school"]][r["area"]] = r["n"]
    return dict(result)


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
