"""Who may see and change which placements records — the one place a role becomes a scope.

- Schools keep their students, order classes, internships, graduate placements and events.
- Enterprise HR keep their apprentices and career mentors, see the students placed with them
  (interns, order-class students, hires; personal data masked) and confirm or decline hires.
- The secretariat sees and changes everything and alone sees personal data unmasked.
- Council members see aggregates only: order classes (without their students), events, mentors
  and the two overview pages; never a list of students.

Views declare the roles with ``alliance.access.allow`` (audiences below) and fetch objects
through the ``*_visible_to`` / ``*_editable_by`` querysets (404 for another organisation's row).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet

from alliance.access import (
    COUNCIL,
    ENTERPRISE_HR,
    ENTERPRISE_STAFF,
    EVERYONE,
    SCHOOL_COORDINATOR,
    SCHOOL_STAFF,
    STAFF,
    acting_organization,
    is_secretariat,
    scope_to_organization,
    sees_personal_data,
)
from alliance.masking import mask_national_id, mask_phone
from members.models import Organization

from .models import (
    Apprenticeship,
    CareerMentor,
    GraduatePlacement,
    HireStatus,
    Internship,
    OrderClass,
    OrderClassEnrolment,
    OutreachEvent,
    RetentionFollowUp,
    Student,
)

# Audiences of the pages (``allow(...)`` in views.py) come from ``alliance.access``.
__all__ = ["ENTERPRISE_STAFF", "EVERYONE", "SCHOOL_STAFF", "STAFF"]


def _role(user) -> str:
    return getattr(user, "role", "") if user.is_authenticated else ""


def is_hr(user) -> bool:
    return _role(user) == ENTERPRISE_HR


def is_school(user) -> bool:
    return _role(user) == SCHOOL_COORDINATOR


# --- masking ----------------------------------------------------------------------------

WAGE_MASK = "＊＊＊"


def mask_wage(value: str) -> str:
    return WAGE_MASK if value and value != "—" else value


def student_masks(user) -> dict[str, Callable[[str], str]]:
    """Fields of a student to mask for ``user`` (for history rows and exports)."""
    if sees_personal_data(user):
        return {}
    return {"national_id": mask_national_id, "phone": mask_phone}


def placement_masks(user) -> dict[str, Callable[[str], str]]:
    return {} if sees_personal_data(user) else {"wage_band": mask_wage}


# --- students ---------------------------------------------------------------------------


def students_visible_to(user) -> QuerySet[Student]:
    """Schools see their own students; the secretariat all. HR see students only through the
    apprenticeships, internships and hires of their enterprise (other querysets below)."""
    return scope_to_organization(user, Student.objects.all(), "school")


def students_editable_by(user) -> QuerySet[Student]:
    return scope_to_organization(user, Student.objects.all(), "school")


def students_linkable_by(user) -> QuerySet[Student]:
    """Students an existing record may be attached to by ``user``: the secretariat any, a school
    its own, an enterprise only those already tied to it (its apprentices, interns, order-class
    students and hires) — never any school's student found by number."""
    if is_secretariat(user):
        return Student.objects.all()
    org = acting_organization(user)
    if org is None:
        return Student.objects.none()
    if is_school(user):
        return Student.objects.filter(school=org)
    if is_hr(user):
        return Student.objects.filter(
            Q(pk__in=Apprenticeship.objects.filter(enterprise=org).values("student"))
            | Q(pk__in=Internship.objects.filter(enterprise=org).values("student"))
            | Q(
                pk__in=OrderClassEnrolment.objects.filter(order_class__enterprises=org).values(
                    "student"
                )
            )
            | Q(pk__in=GraduatePlacement.objects.filter(employer=org).values("student"))
        )
    return Student.objects.none()


def can_create_student(user) -> bool:
    return is_secretariat(user) or is_school(user)


def schools_for(user) -> QuerySet[Organization]:
    """Schools a user may file records for (a school coordinator: only their own)."""
    return scope_to_organization(user, Organization.objects.schools(), "pk")


def all_schools() -> QuerySet[Organization]:
    """Schools to choose from where any school may be named (an apprentice's school, a mentor's)."""
    return Organization.objects.schools()


def all_enterprises() -> QuerySet[Organization]:
    return Organization.objects.enterprises()


def enterprises_for(user) -> QuerySet[Organization]:
    return scope_to_organization(user, Organization.objects.enterprises(), "pk")


# --- order classes ----------------------------------------------------------------------


def order_classes_visible_to(user) -> QuerySet[OrderClass]:
    qs = OrderClass.objects.all()
    if is_secretariat(user) or _role(user) == COUNCIL:
        return qs
    org = acting_organization(user)
    if org is None:
        return qs.none()
    if is_hr(user):
        return qs.filter(enterprises=org).distinct()
    return qs.filter(school=org)


def order_classes_editable_by(user) -> QuerySet[OrderClass]:
    if is_hr(user):
        return OrderClass.objects.none()
    return scope_to_organization(user, OrderClass.objects.all(), "school")


def can_create_order_class(user) -> bool:
    return is_secretariat(user) or is_school(user)


def sees_order_class_students(user) -> bool:
    """Council members see an order class's size, never its students."""
    return _role(user) in STAFF


def order_class_enrolments_visible_to(user) -> QuerySet[OrderClassEnrolment]:
    if not sees_order_class_students(user):
        return OrderClassEnrolment.objects.none()
    return OrderClassEnrolment.objects.filter(order_class__in=order_classes_visible_to(user))


def order_class_enrolments_editable_by(user) -> QuerySet[OrderClassEnrolment]:
    return OrderClassEnrolment.objects.filter(order_class__in=order_classes_editable_by(user))


def _either_side(user, qs: QuerySet, *, enterprise: str) -> QuerySet:
    """Records that join an enterprise and a school's student: the secretariat sees all, HR the
    rows of their enterprise, a school the rows of its own students, anyone else none."""
    if is_secretariat(user):
        return qs
    org = acting_organization(user)
    if org is None:
        return qs.none()
    return qs.filter(**{enterprise: org}) if is_hr(user) else qs.filter(student__school=org)


# --- apprenticeships --------------------------------------------------------------------


def apprenticeships_visible_to(user) -> QuerySet[Apprenticeship]:
    return _either_side(user, Apprenticeship.objects.all(), enterprise="enterprise")


def apprenticeships_editable_by(user) -> QuerySet[Apprenticeship]:
    """Enterprise HR keep their apprentices (招工即招生 starts at the employer)."""
    if is_school(user):
        return Apprenticeship.objects.none()
    return scope_to_organization(user, Apprenticeship.objects.all(), "enterprise")


def can_create_apprenticeship(user) -> bool:
    return is_secretariat(user) or is_hr(user)


# --- internships ------------------------------------------------------------------------


def internships_visible_to(user) -> QuerySet[Internship]:
    return _either_side(user, Internship.objects.all(), enterprise="enterprise")


def internships_editable_by(user) -> QuerySet[Internship]:
    if is_hr(user):
        return Internship.objects.none()
    return scope_to_organization(user, Internship.objects.all(), "student__school")


def can_create_internship(user) -> bool:
    return is_secretariat(user) or is_school(user)


# --- graduate placements and the local-talent archive -------------------------------------


def placements_visible_to(user) -> QuerySet[GraduatePlacement]:
    return _either_side(user, GraduatePlacement.objects.all(), enterprise="employer")


def placements_editable_by(user) -> QuerySet[GraduatePlacement]:
    if is_hr(user):
        return GraduatePlacement.objects.none()
    return scope_to_organization(user, GraduatePlacement.objects.all(), "student__school")


def can_create_placement(user) -> bool:
    return is_secretariat(user) or is_school(user)


def hires_decidable_by(user) -> QuerySet[GraduatePlacement]:
    """Hires an employer may confirm or decline: the HR of the named member employer (or the
    secretariat on its behalf)."""
    qs = GraduatePlacement.objects.filter(employer__isnull=False)
    if is_secretariat(user):
        return qs
    if is_hr(user):
        return qs.filter(employer=user.organization)
    return qs.none()


def pending_hires_for(user) -> QuerySet[GraduatePlacement]:
    return hires_decidable_by(user).filter(hire_status=HireStatus.PENDING)


def followups_visible_to(user) -> QuerySet[RetentionFollowUp]:
    return RetentionFollowUp.objects.filter(placement__in=placements_visible_to(user))


def followups_editable_by(user) -> QuerySet[RetentionFollowUp]:
    """The school of the graduate, the employer's HR and the secretariat all keep the archive."""
    qs = RetentionFollowUp.objects.all()
    if is_secretariat(user):
        return qs
    org = acting_organization(user)
    if org is None:
        return qs.none()
    return qs.filter(Q(placement__student__school=org) | Q(placement__employer=org))


def can_add_followup(user, placement: GraduatePlacement) -> bool:
    if is_secretariat(user):
        return True
    org = acting_organization(user)
    return org is not None and org.pk in (placement.student.school_id, placement.employer_id)


# --- outreach and career mentors ------------------------------------------------------------


def events_visible_to(user) -> QuerySet[OutreachEvent]:
    """Outreach events hold no personal data: every signed-in role reads them all."""
    return OutreachEvent.objects.all() if _role(user) in EVERYONE else OutreachEvent.objects.none()


def events_editable_by(user) -> QuerySet[OutreachEvent]:
    if is_hr(user):
        return OutreachEvent.objects.none()
    return scope_to_organization(user, OutreachEvent.objects.all(), "school")


def can_create_event(user) -> bool:
    return is_secretariat(user) or is_school(user)


def mentors_visible_to(user) -> QuerySet[CareerMentor]:
    return CareerMentor.objects.all() if _role(user) in EVERYONE else CareerMentor.objects.none()


def mentors_editable_by(user) -> QuerySet[CareerMentor]:
    if is_school(user):
        return CareerMentor.objects.none()
    return scope_to_organization(user, CareerMentor.objects.all(), "enterprise")


def can_create_mentor(user) -> bool:
    return is_secretariat(user) or is_hr(user)
