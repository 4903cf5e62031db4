"""Reads of the training app reused by its pages and by ``reports`` (see CONTRACT.md).

Every function takes a calendar year and runs one to three queries whatever the row count.
"In the year" means a record dated in, or with a period overlapping, 1 Jan–31 Dec of the year.
Mappings omit organisations with nothing: callers use ``.get(id, 0)``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from members import selectors as member_selectors
from members.models import Organization

from .models import (
    COUNTED_SECONDMENTS,
    Certification,
    Craftsman,
    InSchoolWorkshop,
    Secondment,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
)


def default_year() -> int:
    """The year the obligation pages open on: the alliance-wide rule of the members app."""
    return member_selectors.default_year()


def year_choices(selected: int) -> list[int]:
    """Years offered by the year pickers: from the alliance's first records to next year."""
    this_year = timezone.localdate().year
    return list(range(max(this_year + 1, selected), min(2023, selected) - 1, -1))


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


def _counted_secondments(year: int):
    return Secondment.objects.filter(_overlapping(year), status__in=COUNTED_SECONDMENTS)


def seconded_professional_teachers(year: int) -> dict[int, int]:
    rows = (
        _counted_secondments(year)
        .filter(teacher__is_professional=True)
        .values("teacher__school_id")
        .annotate(n=Count("teacher_id", distinct=True))
    )
    return {r["teacher__school_id"]: r["n"] for r in rows}


def secondment_person_times(year: int) -> dict[int, int]:
    """School id -> secondments (ongoing or completed) overlapping the year, any teacher."""
    rows = _counted_secondments(year).values("teacher__school_id").annotate(n=Count("pk"))
    return {r["teacher__school_id"]: r["n"] for r in rows}


def secondments_by_enterprise(year: int) -> dict[int, int]:
    """Enterprise id -> secondments it hosted (ongoing or completed, period overlapping the year)."""
    rows = _counted_secondments(year).values("enterprise_id").annotate(n=Count("pk"))
    return {r["enterprise_id"]: r["n"] for r in rows}


def _programmes_starting(year: int):
    first, last = year_bounds(year)
    return TrainingProgramme.objects.filter(start_on__range=(first, last))


def training_person_times(year: int) -> dict[int, int]:
    rows = _programmes_starting(year).values("school_id").annotate(n=Sum("participants"))
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


# --- obligations of the plan (the school and enterprise pages) ----------------------------------

# The plan's defaults (Linqu §(二)4 and §(三)8, Qufu (七)); the reports app may set other targets
# per year for the annual report.
SECONDMENT_TARGET = 0.05
TRAINING_TARGET = 2.0


@dataclass(frozen=True)
class SchoolObligation:
    school_id: int
    school_name: str
    year: int
    professional_teachers: int | None
    teachers_from_register: bool
    seconded: int
    enrolled_students: int | None
    person_times: int
    teaching_hours: Decimal = Decimal("0")

    @property
    def secondment_rate(self) -> float | None:
        if not self.professional_teachers:
            return None
        return self.seconded / self.professional_teachers

    @property
    def training_ratio(self) -> float | None:
        if not self.enrolled_students:
            return None
        return self.person_times / self.enrolled_students

    @property
    def secondment_met(self) -> bool | None:
        rate = self.secondment_rate
        return None if rate is None else rate >= SECONDMENT_TARGET

    @property
    def training_met(self) -> bool | None:
        ratio = self.training_ratio
        return None if ratio is None else ratio >= TRAINING_TARGET

    @property
    def seconded_needed(self) -> int:
        """Professional teachers still to second this year to reach the target."""
        if not self.professional_teachers:
            return 0
        return max(
            0, math.ceil(self.professional_teachers * SECONDMENT_TARGET - 1e-9) - self.seconded
        )


def _school_figures(year: int) -> dict:
    from members.selectors import school_figures

    return school_figures(year)


def school_obligations(year: int, schools=None) -> list[SchoolObligation]:
    """The 5 % and 2× obligations of each school (``schools``: a queryset, default all schools).

    Denominators come from the members' school yearly figures; when a school has no figures for
    the year, its professional teachers are counted in the teacher register instead (flagged).
    Six queries: schools, figures, seconded teachers, person-times, register counts, the
    craftsmen's teaching hours at the school.
    """
    if schools is None:
        schools = Organization.objects.schools()
    rows = list(schools.order_by("name").values_list("pk", "name"))
    figures = _school_figures(year)
    seconded = seconded_professional_teachers(year)
    person_times = training_person_times(year)
    hours = teaching_hours_by_school(year)
    register = dict(
        Teacher.objects.filter(is_professional=True, school_id__in=[pk for pk, _ in rows])
        .values("school_id")
        .annotate(n=Count("pk"))
        .values_list("school_id", "n")
    )
    result = []
    for pk, name in rows:
        fig = figures.get(pk)
        professional = fig.professional_teachers if fig and fig.professional_teachers else None
        result.append(
            SchoolObligation(
                school_id=pk,
                school_name=name,
                year=year,
                professional_teachers=professional if professional else register.get(pk),
                teachers_from_register=professional is None and pk in register,
                seconded=seconded.get(pk, 0),
                enrolled_students=fig.enrolled_students if fig and fig.enrolled_students else None,
                person_times=person_times.get(pk, 0),
                teaching_hours=hours.get(pk, Decimal("0")),
            )
        )
    return result


@dataclass(frozen=True)
class EnterpriseObligation:
    enterprise_id: int
    enterprise_name: str
    year: int
    has_base: bool
    has_station: bool
    secondments_hosted: int
    craftsmen: int
    teaching_hours: Decimal

    @property
    def met(self) -> bool:
        return self.has_base and self.has_station


def enterprise_obligations(year: int, enterprises=None) -> list[EnterpriseObligation]:
    """≥ 1 base and ≥ 1 teacher station per enterprise (Linqu §(一)3, §(二)4), plus what it gives.

    Six queries whatever the number of enterprises.
    """
    if enterprises is None:
        enterprises = Organization.objects.enterprises()
    bases = enterprises_with_active_base(year)
    stations = enterprises_with_station(year)
    hosted = secondments_by_enterprise(year)
    craftsmen = craftsmen_by_enterprise(year)
    hours = teaching_hours_by_enterprise(year)
    return [
        EnterpriseObligation(
            enterprise_id=pk,
            enterprise_name=name,
            year=year,
            has_base=pk in bases,
            has_station=pk in stations,
            secondments_hosted=hosted.get(pk, 0),
            craftsmen=craftsmen.get(pk, 0),
            teaching_hours=hours.get(pk, Decimal("0")),
        )
        for pk, name in enterprises.order_by("name").values_list("pk", "name")
    ]
