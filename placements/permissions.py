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

from django.db.models import QuerySet

from alliance.access import (
    ENTERPRISE_STAFF,
    EVERYONE,
    GOVERNANCE,
    SCHOOL_READERS,
    SCHOOL_STAFF,
    STAFF,
    acting_organization_id,
    has_access,
    is_secretariat,
    scope_to_organization,
    sees_personal_data,
)
from alliance.masking import mask_national_id, mask_phone
from members.models import Organization

from .models import (
    Apprenticeship,
    CareerMentor,
    CoDevelopedMaterial,
    GraduatePlacement,
    HireStatus,
    Internship,
    OrderClass,
    OrderClassAlignment,
    OrderClassEnrolment,
    OrderClassKind,
    OutreachEvent,
    OutreachPhoto,
    PreferentialMeasure,
    RetentionFollowUp,
    Student,
    TalentDemand,
    local_q,
)

# Audiences of the pages (registers and ``allow(...)`` in views.py) come from ``alliance.access``.
__all__ = ["ENTERPRISE_STAFF", "EVERYONE", "SCHOOL_STAFF", "STAFF"]


# --- masking ----------------------------------------------------------------------------

WAGE_MASK = "＊＊＊"


def mask_wage(value: str) -> str:
    return WAGE_MASK if value and value != "—" else value


#: personal fields of a student, masked for everyone but the secretariat
STUDENT_PERSONAL: dict[str, Callable[[str], str]] = {
    "national_id": mask_national_id,
    "phone": mask_phone,
}
#: personal fields of a graduate placement
PLACEMENT_PERSONAL: dict[str, Callable[[str], str]] = {"wage_band": mask_wage}


def personal_data(student: Student, user) -> dict[str, str]:
    """A student's ID number and phone as ``user`` may see them (masked but for the secretariat)."""
    full = sees_personal_data(user)
    return {
        name: value if full else mask(value)
        for name, mask in STUDENT_PERSONAL.items()
        for value in [getattr(student, name)]
    }


# --- students ---------------------------------------------------------------------------


def students_visible_to(user) -> QuerySet[Student]:
    """Schools see their own students; the secretariat all. HR see students only through the
    apprenticeships, internships and hires of their enterprise (other querysets below)."""
    return scope_to_organization(user, Student.objects.all(), "school")


def students_editable_by(user) -> QuerySet[Student]:
    return scope_to_organization(user, Student.objects.all(), "school")


def students_linkable_by(user) -> QuerySet[Student]:
    """Students a record may name: a school's own; for HR only those already tied to the
    enterprise (its apprentices, interns, order-class students, hires). Any other student is
    answered exactly like one that does not exist."""
    return scope_to_organization(
        user,
        Student.objects.all(),
        "school",
        "apprenticeships__enterprise",
        "internships__enterprise",
        "order_class_enrolments__order_class__enterprises",
        "placements__employer",
    )


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
# A school's own classes; HR the classes their enterprise orders; the council every class.


def order_classes_visible_to(user) -> QuerySet[OrderClass]:
    return scope_to_organization(
        user, OrderClass.objects.all(), "school", "enterprises", readers=GOVERNANCE
    )


def order_classes_editable_by(user) -> QuerySet[OrderClass]:
    return scope_to_organization(user, OrderClass.objects.all(), "school")


def pilot_classes_for(user) -> QuerySet[OrderClass]:
    """Modern apprenticeship pilot classes an apprenticeship may name: for HR, those their
    enterprise is a partner of."""
    return scope_to_organization(
        user,
        OrderClass.objects.filter(kind=OrderClassKind.APPRENTICESHIP_PILOT),
        "enterprises",
        "school",
    )


def sees_order_class_students(user) -> bool:
    """Council members see an order class's size, never its students (nor its documents)."""
    return has_access(user, STAFF)


def alignments_visible_to(user) -> QuerySet[OrderClassAlignment]:
    return OrderClassAlignment.objects.filter(order_class__in=order_classes_visible_to(user))


def order_class_enrolments_visible_to(user) -> QuerySet[OrderClassEnrolment]:
    if not sees_order_class_students(user):
        return OrderClassEnrolment.objects.none()
    return OrderClassEnrolment.objects.filter(order_class__in=order_classes_visible_to(user))


def order_class_enrolments_editable_by(user) -> QuerySet[OrderClassEnrolment]:
    return OrderClassEnrolment.objects.filter(order_class__in=order_classes_editable_by(user))


# --- apprenticeships and internships ------------------------------------------------------
# Both sides read them: HR the rows of their enterprise, a school the rows of its students.


def apprenticeships_visible_to(user) -> QuerySet[Apprenticeship]:
    return scope_to_organization(
        user, Apprenticeship.objects.all(), "enterprise", "student__school"
    )


def apprenticeships_editable_by(user) -> QuerySet[Apprenticeship]:
    """Enterprise HR keep their apprentices (招工即招生 starts at the employer)."""
    return scope_to_organization(user, Apprenticeship.objects.all(), "enterprise")


def internships_visible_to(user) -> QuerySet[Internship]:
    return scope_to_organization(user, Internship.objects.all(), "enterprise", "student__school")


def internships_editable_by(user) -> QuerySet[Internship]:
    return scope_to_organization(user, Internship.objects.all(), "student__school")


# --- graduate placements and the local-talent archive -------------------------------------


def placements_visible_to(user) -> QuerySet[GraduatePlacement]:
    return scope_to_organization(
        user, GraduatePlacement.objects.all(), "employer", "student__school"
    )


def placements_editable_by(user) -> QuerySet[GraduatePlacement]:
    return scope_to_organization(user, GraduatePlacement.objects.all(), "student__school")


def hires_decidable_by(user) -> QuerySet[GraduatePlacement]:
    """Hires an employer may confirm or decline: the HR of the named member employer (or the
    secretariat on its behalf)."""
    return scope_to_organization(
        user, GraduatePlacement.objects.filter(employer__isnull=False), "employer"
    )


def pending_hires_for(user) -> QuerySet[GraduatePlacement]:
    return hires_decidable_by(user).filter(hire_status=HireStatus.PENDING)


def followup_placements_for(user) -> QuerySet[GraduatePlacement]:
    """Placements the local-talent archive follows, among those ``user`` may read: working in
    the county, the hire not declined."""
    return placements_visible_to(user).filter(local_q()).exclude(hire_status=HireStatus.DECLINED)


def followups_visible_to(user) -> QuerySet[RetentionFollowUp]:
    return RetentionFollowUp.objects.filter(placement__in=placements_visible_to(user))


def followups_editable_by(user) -> QuerySet[RetentionFollowUp]:
    """The school of the graduate, the employer's HR and the secretariat all keep the archive."""
    return scope_to_organization(
        user, RetentionFollowUp.objects.all(), "placement__student__school", "placement__employer"
    )


def can_add_followup(user, placement: GraduatePlacement) -> bool:
    if is_secretariat(user):
        return True
    org_id = acting_organization_id(user)
    return org_id is not None and org_id in (placement.student.school_id, placement.employer_id)


# --- outreach and career mentors ------------------------------------------------------------
# Events and mentors hold no personal data: every signed-in role reads them all.


def events_visible_to(user) -> QuerySet[OutreachEvent]:
    return scope_to_organization(user, OutreachEvent.objects.all(), readers=EVERYONE)


def events_editable_by(user) -> QuerySet[OutreachEvent]:
    return scope_to_organization(user, OutreachEvent.objects.all(), "school")


def photos_visible_to(user) -> QuerySet[OutreachPhoto]:
    return OutreachPhoto.objects.filter(event__in=events_visible_to(user))


def mentors_visible_to(user) -> QuerySet[CareerMentor]:
    return scope_to_organization(user, CareerMentor.objects.all(), readers=EVERYONE)


def mentors_editable_by(user) -> QuerySet[CareerMentor]:
    return scope_to_organization(user, CareerMentor.objects.all(), "enterprise")


# --- preferential measures for county graduates: the enterprise keeps them, everyone reads ------


def preferences_visible_to(user) -> QuerySet[PreferentialMeasure]:
    return scope_to_organization(user, PreferentialMeasure.objects.all(), readers=EVERYONE)


def preferences_editable_by(user) -> QuerySet[PreferentialMeasure]:
    return scope_to_organization(user, PreferentialMeasure.objects.all(), "enterprise")


# --- talent demand: the enterprise fills its survey; schools, council and office read them all ---


def demands_visible_to(user) -> QuerySet[TalentDemand]:
    return scope_to_organization(
        user, TalentDemand.objects.all(), "enterprise", readers=SCHOOL_READERS
    )


def demands_editable_by(user) -> QuerySet[TalentDemand]:
    return scope_to_organization(user, TalentDemand.objects.all(), "enterprise")


# --- co-developed materials: the school keeps them; every signed-in role reads them ------------


def materials_visible_to(user) -> QuerySet[CoDevelopedMaterial]:
    return scope_to_organization(user, CoDevelopedMaterial.objects.all(), readers=EVERYONE)


def materials_editable_by(user) -> QuerySet[CoDevelopedMaterial]:
    return scope_to_organization(user, CoDevelopedMaterial.objects.all(), "school")
