"""Reads of the members app that views and ``reports`` reuse (``reports/sources.py`` imports them).

Every function runs a bounded number of queries (one or two) whatever the number of rows.
"Member at the end of ``year``" means joined on or before 31 December (or date unknown) and not
left by then: a member withdrawn in a later year still counts for ``year``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from django.db.models import Case, Count, IntegerField, Max, Prefetch, Q, QuerySet, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import (
    COUNCIL_ROLE_RANK,
    CouncilMeeting,
    CouncilSeat,
    ExpertMember,
    Major,
    MeetingKind,
    MeetingStatus,
    Organization,
    OrganizationStatus,
    Resolution,
    ResolutionStatus,
    SchoolYearFigures,
)


class SchoolFigures(NamedTuple):
    enrolled_students: int
    professional_teachers: int
    graduates: int


def default_year() -> int:
    """The year that dashboards and obligation pages open on, the same everywhere.

    The latest year (not after this one) for which schools have entered their yearly figures —
    the denominators of the plan's rates — so that a page never opens on a year that cannot be
    assessed yet; this year when no figures exist at all. One query.
    """
    this_year = timezone.localdate().year
    latest = SchoolYearFigures.objects.filter(year__lte=this_year).aggregate(year=Max("year"))[
        "year"
    ]
    return latest or this_year


def _year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def member_on_q(day: dt.date, prefix: str = "") -> Q:
    """Organisations that were alliance members on ``day`` (``prefix``: the path to an
    organisation from another model, e.g. ``"employer__"``), so that a record counts as a
    member's when its organisation was a member on the record's date."""
    joined = Q(**{f"{prefix}joined_on__isnull": True}) | Q(**{f"{prefix}joined_on__lte": day})
    # A withdrawn member without a date has no day to count on: leave it out.
    not_left = Q(**{f"{prefix}left_on__gt": day}) | Q(
        **{f"{prefix}left_on__isnull": True, f"{prefix}status": OrganizationStatus.ACTIVE}
    )
    return joined & not_left


def members_at_end_of(year: int) -> QuerySet[Organization]:
    """Organisations that are alliance members on 31 December of ``year``."""
    return Organization.objects.filter(member_on_q(_year_end(year)))


def member_enterprise_ids(year: int) -> set[int]:
    return set(members_at_end_of(year).enterprises().values_list("pk", flat=True))


def member_school_ids(year: int) -> set[int]:
    return set(members_at_end_of(year).schools().values_list("pk", flat=True))


def organizations_by_kind(year: int) -> dict[str, int]:
    rows = members_at_end_of(year).order_by().values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


def organization_names(ids: Iterable[int]) -> dict[int, str]:
    return dict(Organization.objects.filter(pk__in=list(ids)).values_list("pk", "name"))


def school_figures(year: int) -> dict[int, SchoolFigures]:
    rows = SchoolYearFigures.objects.filter(year=year).values_list(
        "school_id", "enrolled_students", "professional_teachers", "graduates"
    )
    return {school_id: SchoolFigures(*figures) for school_id, *figures in rows}


def school_figure_years(school_id: int) -> set[int]:
    """The years a school has entered its yearly figures for."""
    return set(SchoolYearFigures.objects.filter(school_id=school_id).values_list("year", flat=True))


def meetings_in(year: int) -> QuerySet[CouncilMeeting]:
    """Meetings dated in ``year``, each with its attendance and resolution counts annotated."""
    return (
        CouncilMeeting.objects.filter(date__year=year)
        .annotate(
            seats_attending=Count("attendees", distinct=True),
            resolutions_total=Count("resolutions", distinct=True),
            resolutions_open=Count(
                "resolutions", filter=Q(resolutions__status=ResolutionStatus.OPEN), distinct=True
            ),
        )
        .annotate(attendance=Coalesce("attendee_count", "seats_attending"))
        .order_by("date", "pk")
    )


def regular_meetings_by_half(year: int) -> tuple[int, int]:
    """Regular council meetings held in the first and in the second half of ``year``.

    The plan asks for one every half year (原则上每半年召开1次): an extraordinary meeting does not
    stand in for a regular one, and two in the same half-year leave the other half missing. One
    query.
    """
    rows = CouncilMeeting.objects.filter(
        date__year=year, status=MeetingStatus.HELD, kind=MeetingKind.REGULAR
    ).aggregate(
        first=Count("pk", filter=Q(date__month__lte=6)),
        second=Count("pk", filter=Q(date__month__gt=6)),
    )
    return rows["first"], rows["second"]


def _seat_rank() -> Case:
    return Case(
        *[When(role=role, then=rank) for role, rank in COUNCIL_ROLE_RANK.items()],
        output_field=IntegerField(),
    )


def council_seats_in(year: int) -> QuerySet[CouncilSeat]:
    """Seats whose term overlaps ``year``, by rank (chair first), with their organisation."""
    return (
        CouncilSeat.objects.filter(term_start__lte=_year_end(year))
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=dt.date(year, 1, 1)))
        .select_related("organization")
        .annotate(rank=_seat_rank())
        .order_by("rank", "organization__name", "person")
    )


def current_council_seats() -> QuerySet[CouncilSeat]:
    today = timezone.localdate()
    return (
        CouncilSeat.objects.filter(term_start__lte=today)
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=today))
        .select_related("organization")
        .annotate(rank=_seat_rank())
        .order_by("rank", "organization__name", "person")
    )


def expert_committee() -> QuerySet[ExpertMember]:
    return ExpertMember.objects.select_related("organization").order_by(
        "role", "order", "pk"
    )  # "director" sorts before "member"


def overdue_resolutions(on: dt.date | None = None) -> QuerySet[Resolution]:
    """Open resolutions whose due date has passed, oldest due first."""
    on = on or timezone.localdate()
    return (
        Resolution.objects.filter(status=ResolutionStatus.OPEN, due_on__lt=on)
        .select_related("meeting", "owner")
        .order_by("due_on", "pk")
    )


def council_overview(year: int) -> dict:
    """The council chapter of the annual report: seats, experts and meetings of ``year``."""
    seats = [
        (seat.get_role_display(), seat.person, seat.organization.name)
        for seat in council_seats_in(year)
    ]
    experts = [
        (expert.get_role_display(), expert.person, expert.title, expert.organization.name)
        for expert in expert_committee()
    ]
    meetings = [
        (m.date, m.get_kind_display(), m.attendance, m.resolutions_total, m.resolutions_open)
        for m in meetings_in(year).exclude(status=MeetingStatus.CANCELLED)
    ]
    return {"seats": seats, "experts": experts, "meetings": meetings}


def corridor_enterprises() -> QuerySet[Organization]:
    """The enterprises a school's culture corridor shows: every active member enterprise.

    The plan's corridor presents "联盟企业" (the alliance's enterprises), so every school shows
    all active member enterprises rather than a per-school partner list.
    """
    return Organization.objects.enterprises().active().prefetch_related("photos").order_by("name")


def majors_by_school(year: int) -> dict[int, dict[str, int]]:
    """School id -> {"majors": enrolling majors, "with_partner": of which with a partner
    enterprise, "with_both_leads": of which with a school and an enterprise lead (双带头人)}.

    The catalogue is kept current, so every year reads today's catalogue."""
    rows = (
        Major.objects.filter(active=True)
        .values("school_id")
        .annotate(
            majors=Count("pk", distinct=True),
            with_partner=Count("pk", filter=Q(enterprises__isnull=False), distinct=True),
            with_both_leads=Count(
                "pk", filter=~Q(school_lead="") & ~Q(enterprise_lead=""), distinct=True
            ),
        )
    )
    return {
        r["school_id"]: {k: r[k] for k in ("majors", "with_partner", "with_both_leads")}
        for r in rows
    }


def major_catalogue(year: int) -> list[dict]:
    """Every enrolling major with its partners and leads, for the annual report of ``year``
    (today's catalogue, as for :func:`majors_by_school`)."""
    rows = (
        Major.objects.filter(active=True)
        .select_related("school")
        .prefetch_related(Prefetch("enterprises", queryset=Organization.objects.order_by("name")))
        .order_by("school__name", "code", "name")
    )
    return [
        {
            "school": m.school.name,
            "code": m.code,
            "name": m.name,
            "industry": m.industry,
            "status": m.get_status_display(),
            "enterprises": [e.name for e in m.enterprises.all()],
            "leads": m.has_both_leads,
        }
        for m in rows
    ]
