"""Reads of the members app that views and ``reports`` reuse (``reports/sources.py`` imports them).

Every function runs a bounded number of queries (one or two) whatever the number of rows.
"Member at the end of ``year``" means joined on or before 31 December (or date unknown) and not
left by then: a member withdrawn in a later year still counts for ``year``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    Prefetch,
    Q,
    QuerySet,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import (
    COUNCIL_ROLE_RANK,
    OPEN_TASK_STATUSES,
    REQUIRED_DOCUMENT_KINDS,
    AdviceOutcome,
    AllianceOffice,
    CouncilMeeting,
    CouncilSeat,
    DocumentKind,
    ExpertConsultation,
    ExpertMember,
    Major,
    MediaKind,
    MediaReport,
    MeetingKind,
    MeetingStatus,
    ModelCase,
    ModelCaseKind,
    ModelCaseStatus,
    OfficeBudget,
    OfficeStaff,
    Organization,
    OrganizationKind,
    OrganizationStatus,
    PolicyDocument,
    Resolution,
    ResolutionStatus,
    SchoolYearFigures,
    TaskStatus,
    User,
    WorkPlan,
    WorkTask,
    major_label,
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
    # Bodies entered only to be named (a government department owning tasks) are never members.
    return joined & not_left & Q(**{f"{prefix}outside_alliance": False})


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


def regular_meetings_held(year: int) -> tuple[frozenset[int], frozenset[int]]:
    """The regular council meetings (ids) held in the first and in the second half of ``year``.

    The plan asks for one every half year (原则上每半年召开1次): an extraordinary meeting does not
    stand in for a regular one, and two in the same half-year leave the other half missing. One
    query.
    """
    first: set[int] = set()
    second: set[int] = set()
    for pk, day in CouncilMeeting.objects.filter(
        date__year=year, status=MeetingStatus.HELD, kind=MeetingKind.REGULAR
    ).values_list("pk", "date"):
        (first if day.month <= 6 else second).add(pk)
    return frozenset(first), frozenset(second)


def regular_meetings_by_half(year: int) -> tuple[int, int]:
    """How many regular council meetings were held in each half of ``year``. One query."""
    first, second = regular_meetings_held(year)
    return len(first), len(second)


def meetings_described(ids) -> list[dict]:
    """Council meetings: date, title, venue (a figure's drill-down list). One query."""
    rows = CouncilMeeting.objects.filter(pk__in=ids).values_list("pk", "date", "title", "location")
    return [
        {"pk": pk, "organisation": day.isoformat(), "record": title, "detail": location}
        for pk, day, title, location in rows
    ]


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


class MajorRecords(NamedTuple):
    """A school's enrolling majors, those with a partner enterprise, and those with a school and
    an enterprise lead (双带头人): major ids."""

    majors: frozenset[int]
    with_partner: frozenset[int]
    with_both_leads: frozenset[int]


def enrolling_majors(year: int) -> dict[int, MajorRecords]:
    """School id -> its enrolling majors (the majors figures count these). One query.

    The catalogue is kept current, so every year reads today's catalogue."""
    groups: dict[int, tuple[set, set, set]] = {}
    for pk, school, partner, school_lead, enterprise_lead in (
        Major.objects.filter(active=True)
        .values_list("pk", "school_id", "enterprises", "school_lead", "enterprise_lead")
        .order_by()
    ):
        majors, with_partner, with_both_leads = groups.setdefault(school, (set(), set(), set()))
        majors.add(pk)
        if partner is not None:
            with_partner.add(pk)
        if school_lead and enterprise_lead:
            with_both_leads.add(pk)
    return {
        school: MajorRecords(*(frozenset(ids) for ids in sets)) for school, sets in groups.items()
    }


def majors_by_school(year: int) -> dict[int, dict[str, int]]:
    """School id -> {"majors", "with_partner", "with_both_leads"}: the sizes of
    :func:`enrolling_majors`."""
    return {
        school: {field: len(ids) for field, ids in records._asdict().items()}
        for school, records in enrolling_majors(year).items()
    }


def majors_described(ids) -> list[dict]:
    """Majors: school, name (with its code), partner enterprises. Two queries."""
    rows = (
        Major.objects.filter(pk__in=ids)
        .select_related("school")
        .prefetch_related(Prefetch("enterprises", queryset=Organization.objects.order_by("name")))
    )
    return [
        {
            "pk": m.pk,
            "organisation": m.school.name,
            "record": major_label(m.name, m.code),
            "detail": "、".join(e.name for e in m.enterprises.all()),
        }
        for m in rows
    ]


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


# --- governance: council composition, rules, office, expert advice, work plan ---------------------


def council_seats_by_kind(year: int) -> dict[str, int]:
    """Council seats whose term overlaps ``year``, counted by the kind of organisation holding
    them (the plan's 双主体 / 共同参与 composition). One query."""
    rows = (
        council_seats_in(year)
        .order_by()
        .values("organization__kind")
        .annotate(n=Count("pk"))
        .values_list("organization__kind", "n")
    )
    return dict(rows)


def council_kinds_described(kinds, year: int) -> list[dict]:
    """Kinds of organisation with the council seats they hold in ``year`` (a figure's drill-down
    list: the council's composition counts kinds). One query."""
    seats = council_seats_by_kind(year)
    labels = dict(OrganizationKind.choices)
    return [{"organisation": str(labels[kind]), "detail": seats.get(kind, 0)} for kind in kinds]


def documents_in_force(year: int) -> list[PolicyDocument]:
    """Rules and documents in force on 31 December of ``year`` (or today, for this year)."""
    day = min(_year_end(year), timezone.localdate())
    return list(
        PolicyDocument.objects.filter(effective_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))
        .select_related("adopted_at")
        .order_by("kind", "effective_on", "pk")
    )


def required_documents_in_force(year: int) -> list[tuple[str, int]]:
    """(label, documents of it in force at the end of ``year``) for every document kind the plans
    require (``REQUIRED_DOCUMENT_KINDS``), 0 where the alliance has none yet. One query."""
    day = min(_year_end(year), timezone.localdate())
    rows = (
        PolicyDocument.objects.filter(kind__in=REQUIRED_DOCUMENT_KINDS, effective_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day))
        .values("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {r["kind"]: r["n"] for r in rows}
    return [(str(kind.label), counts.get(kind, 0)) for kind in REQUIRED_DOCUMENT_KINDS]


def documents_described(ids) -> list[dict]:
    """Rules and documents: kind, title and version, in force since (a figure's drill-down list).
    One query."""
    rows = PolicyDocument.objects.filter(pk__in=ids).values_list(
        "pk", "kind", "title", "version", "effective_on"
    )
    kinds = dict(DocumentKind.choices)
    return [
        {
            "pk": pk,
            "organisation": str(kinds[kind]),
            "record": f"{title} ({version})",
            "detail": effective_on.isoformat(),
        }
        for pk, kind, title, version, effective_on in rows
    ]


def required_kinds_described(labels, year: int) -> list[dict]:
    """Required document kinds (by label) with the documents of each in force (a figure's
    drill-down list: the figure counts kinds). One query."""
    in_force = dict(required_documents_in_force(year))
    return [{"organisation": label, "detail": in_force[label]} for label in labels]


def documents_adopted_in(year: int) -> list[PolicyDocument]:
    """Rules and documents that took effect in ``year`` (new ones and new versions)."""
    return list(
        PolicyDocument.objects.filter(effective_on__year=year)
        .select_related("adopted_at", "replaces")
        .order_by("effective_on", "pk")
    )


def consultation_records(year: int) -> dict[str, frozenset[int]]:
    """Expert consultations dated in ``year`` (ids): ``held``, and of those ``adopted`` and
    ``decided`` (adopted or not adopted; undecided advice is not judged yet). One query."""
    held: set[int] = set()
    adopted: set[int] = set()
    decided: set[int] = set()
    for pk, outcome in ExpertConsultation.objects.filter(date__year=year).values_list(
        "pk", "outcome"
    ):
        held.add(pk)
        if outcome != AdviceOutcome.PENDING:
            decided.add(pk)
        if outcome == AdviceOutcome.ADOPTED:
            adopted.add(pk)
    return {"held": frozenset(held), "adopted": frozenset(adopted), "decided": frozenset(decided)}


def consultations_described(ids) -> list[dict]:
    """Expert consultations: date, question, outcome (a figure's drill-down list). One query."""
    rows = ExpertConsultation.objects.filter(pk__in=ids).values_list(
        "pk", "date", "question", "outcome"
    )
    outcomes = dict(AdviceOutcome.choices)
    return [
        {
            "pk": pk,
            "organisation": day.isoformat(),
            "record": question,
            "detail": str(outcomes[outcome]),
        }
        for pk, day, question, outcome in rows
    ]


def work_plan_tasks(year: int) -> dict[str, frozenset[int]]:
    """The year's work plan in five sets of task ids (one query); cancelled tasks count nowhere.

    ``total``: tasks of the plan; ``done``; ``due``: due by the end of the year or by today,
    whichever comes first; ``done_on_time``: of those due, done on or before the deadline;
    ``overdue``: open and past the deadline today.
    """
    today = timezone.localdate()
    cutoff = min(_year_end(year), today)
    sets: dict[str, set[int]] = {
        name: set() for name in ("total", "done", "due", "done_on_time", "overdue")
    }
    rows = (
        WorkTask.objects.filter(plan__year=year)
        .exclude(status=TaskStatus.CANCELLED)
        .values_list("pk", "status", "deadline", "done_on")
    )
    for pk, status, deadline, done_on in rows:
        sets["total"].add(pk)
        done = status == TaskStatus.DONE
        if done:
            sets["done"].add(pk)
        if deadline <= cutoff:
            sets["due"].add(pk)
            if done and done_on is not None and done_on <= deadline:
                sets["done_on_time"].add(pk)
        if status in OPEN_TASK_STATUSES and deadline < today:
            sets["overdue"].add(pk)
    return {name: frozenset(ids) for name, ids in sets.items()}


def work_tasks_described(ids) -> list[dict]:
    """Work-plan tasks: owner, task, deadline and status (a figure's drill-down list). One
    query."""
    rows = WorkTask.objects.filter(pk__in=ids).values_list(
        "pk", "owner__name", "title", "deadline", "status", "done_on"
    )
    statuses = dict(TaskStatus.choices)
    return [
        {
            "pk": pk,
            "organisation": owner,
            "record": title,
            "detail": deadline.isoformat(),
            "status": f"{statuses[status]} {done_on.isoformat()}" if done_on else statuses[status],
        }
        for pk, owner, title, deadline, status, done_on in rows
    ]


def overdue_tasks(tasks: QuerySet[WorkTask], on: dt.date | None = None) -> list[WorkTask]:
    """Open tasks of ``tasks`` (already scoped to a reader) past their deadline, oldest first."""
    on = on or timezone.localdate()
    return list(
        tasks.filter(status__in=OPEN_TASK_STATUSES, deadline__lt=on)
        .select_related("plan", "owner", "resolution__meeting")
        .order_by("deadline", "owner__name", "pk")
    )


def office_budget_lines(year: int) -> dict[int, Decimal]:
    """The office's budget lines for ``year`` (id -> yuan), one per source of funds. One query."""
    return dict(OfficeBudget.objects.filter(year=year).values_list("pk", "amount"))


def office_budget_total(year: int) -> Decimal:
    """The office's budget for ``year``, all sources together (yuan): its lines added up."""
    return sum(office_budget_lines(year).values(), Decimal(0))


def office_budgets_described(ids) -> list[dict]:
    """Budget lines: source of funds and amount (a figure's drill-down list). One query."""
    rows = OfficeBudget.objects.filter(pk__in=ids).values_list("pk", "source", "amount")
    return [{"pk": pk, "organisation": source, "amount": amount} for pk, source, amount in rows]


def governance_overview(year: int) -> dict:
    """The governance chapter of the annual report: rules, the office, expert advice, work plan."""
    day = min(_year_end(year), timezone.localdate())
    office = AllianceOffice.objects.select_related("host").order_by("established_on").first()
    staff = (
        OfficeStaff.objects.filter(start_on__lte=_year_end(year))
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=dt.date(year, 1, 1)))
        .select_related("organization")
        .order_by("start_on", "pk")
    )
    consultations = (
        ExpertConsultation.objects.filter(date__year=year)
        .prefetch_related("experts")
        .select_related("resolution")
        .order_by("date", "pk")
    )
    plan = WorkPlan.objects.filter(year=year).first()
    tasks = list(plan.tasks.select_related("owner").order_by("deadline", "pk")) if plan else []
    return {
        "documents_in_force": [
            (d.get_kind_display(), d.title, d.version, d.issuer, d.effective_on)
            for d in documents_in_force(year)
        ],
        "documents_adopted": [
            (d.get_kind_display(), d.title, d.version, d.adopted_at.date if d.adopted_at else None)
            for d in documents_adopted_in(year)
        ],
        "office": {
            "name": office.name,
            "venue": office.venue,
            "host": office.host.name if office.host else "",
        }
        if office
        else None,
        "budgets": [
            (b.source, b.amount) for b in OfficeBudget.objects.filter(year=year).order_by("source")
        ],
        "budget_total": office_budget_total(year),
        "staff": [(s.person, s.role, s.organization.name) for s in staff],
        "consultations": [
            (
                c.date,
                c.question,
                "、".join(e.person for e in c.experts.all()),
                c.get_outcome_display(),
                bool(c.resolution_id),
            )
            for c in consultations
        ],
        "plan": {
            "title": plan.title,
            "summary": plan.summary,
            "has_summary": bool(plan.summary or plan.summary_file),
        }
        if plan
        else None,
        "tasks": [
            (
                t.title,
                t.owner.name,
                t.deadline,
                t.get_status_display(),
                t.status == TaskStatus.DONE and t.done_on > t.deadline,
                t.status in OPEN_TASK_STATUSES and t.deadline < day,
            )
            for t in tasks
        ],
    }


def names_and_credit_codes(ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Organisation id -> (name, unified social credit code or "")."""
    rows = Organization.objects.filter(pk__in=list(ids)).values_list("pk", "name", "credit_code")
    return {pk: (name, code or "") for pk, name, code in rows}


def organization_email(organization_id: int | None, role: str) -> str:
    """The e-mail address of an active account of ``role`` acting for the organisation (the
    first created), "" when it has none: where a link for that organisation is sent."""
    if organization_id is None:
        return ""
    return (
        User.objects.filter(organization_id=organization_id, role=role, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .first()
        or ""
    )


# --- culture corridor, media and model cases (Linqu §(四)9 and 保障措施(四)) --------------------------


class CorridorCheck(NamedTuple):
    #: (enterprise, what its profile lacks) for each active member enterprise with a gap
    enterprises: list[tuple[Organization, list[str]]]
    #: every active member school, ``corridor_installed_on`` telling whether it has its corridor
    schools: list[Organization]
    enterprise_total: int


def corridor_check() -> CorridorCheck:
    """What the culture corridors cannot show yet: two queries (enterprises with their photos,
    schools)."""
    enterprises = list(corridor_enterprises())
    gaps = [(e, e.culture_profile_gaps) for e in enterprises]
    schools = list(Organization.objects.schools().active().order_by("name"))
    return CorridorCheck([(e, g) for e, g in gaps if g], schools, len(enterprises))


def schools_with_corridor(year: int) -> set[int]:
    """Schools whose culture corridor was set up by the end of ``year``."""
    return set(
        Organization.objects.schools()
        .filter(corridor_installed_on__lte=_year_end(year))
        .values_list("pk", flat=True)
    )


def enterprises_with_complete_profile(year: int) -> set[int]:
    """Enterprises whose culture profile the corridor can show in full (as it stands today: the
    profile keeps no dated history of its own)."""
    enterprises = Organization.objects.enterprises().prefetch_related("photos")
    return {e.pk for e in enterprises if not e.culture_profile_gaps}


def media_coverage(year: int) -> dict:
    """The media log of ``year``: the reports (ids), per medium, and the list (one query)."""
    reports = list(
        MediaReport.objects.filter(published_on__year=year).order_by("published_on", "pk")
    )
    by_kind = dict.fromkeys(MediaKind.values, 0)
    for report in reports:
        by_kind[report.kind] += 1
    items = [
        {
            "date": r.published_on,
            "kind": r.get_kind_display(),
            "outlet": r.outlet,
            "title": r.title,
            "link": r.link,
        }
        for r in reports
    ]
    return {"ids": frozenset(r.pk for r in reports), "by_kind": by_kind, "items": items}


def media_reports_described(ids) -> list[dict]:
    """Media reports: date, title, medium and outlet (a figure's drill-down list). One query."""
    rows = MediaReport.objects.filter(pk__in=ids).values_list(
        "pk", "published_on", "title", "kind", "outlet"
    )
    kinds = dict(MediaKind.choices)
    return [
        {
            "pk": pk,
            "organisation": day.isoformat(),
            "record": title,
            "detail": f"{kinds[kind]} · {outlet}",
        }
        for pk, day, title, kind, outlet in rows
    ]


def model_cases_summary(year: int) -> dict:
    """Model workers and cases of ``year``: the published ones (ids), counts by kind and stage,
    and the cases the office chose for the annual report (two queries)."""
    cases = ModelCase.objects.filter(year=year).values_list("pk", "kind", "status")
    approved = (ModelCaseStatus.APPROVED, ModelCaseStatus.PUBLISHED)
    counts: dict = {"nominated": 0, "approved": 0, "people": 0, "cases": 0}
    published: set[int] = set()
    for pk, kind, status in cases:
        counts["nominated"] += 1
        if status in approved:
            counts["approved"] += 1
        if status == ModelCaseStatus.PUBLISHED:
            published.add(pk)
            counts["people" if kind == ModelCaseKind.PERSON else "cases"] += 1
    counts["published"] = frozenset(published)
    chosen = (
        ModelCase.objects.filter(year=year, in_report=True)
        .select_related("organization")
        .prefetch_related("partners")
        .order_by("kind", "title")
    )
    counts["in_report"] = [
        {
            "kind": case.kind,
            "kind_label": case.get_kind_display(),
            "title": case.title,
            "person": case.person,
            "organization": case.organization.name,
            "partners": [p.name for p in case.partners.all()],
            "summary": case.summary,
        }
        for case in chosen
    ]
    return counts


def model_cases_described(ids) -> list[dict]:
    """Model workers and cases: organisation, the person or the case, kind (a figure's
    drill-down list). One query."""
    rows = ModelCase.objects.filter(pk__in=ids).values_list(
        "pk", "organization__name", "title", "person", "kind"
    )
    kinds = dict(ModelCaseKind.choices)
    return [
        {
            "pk": pk,
            "organisation": organisation,
            "record": f"{person} · {title}" if person else title,
            "detail": str(kinds[kind]),
        }
        for pk, organisation, title, person, kind in rows
    ]
