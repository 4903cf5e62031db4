"""Writes of the placements app that span several rows or carry a rule beyond one form."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import Major, Organization

from . import permissions
from .models import (
    Apprenticeship,
    ApprenticeshipPath,
    Aspect,
    CareerMentor,
    CoDevelopedMaterial,
    GraduatePlacement,
    HireStatus,
    Internship,
    OrderClass,
    OrderClassAlignment,
    OrderClassEnrolment,
    OutreachEvent,
    OutreachPhoto,
    RetentionFollowUp,
    Student,
    StudyMode,
    TalentDemand,
)
from .selectors import next_milestone

# The one answer when a student named by school and number cannot be linked: no such student,
# or one the user may not link (import dry runs should give the same).
STUDENT_NOT_LINKABLE = gettext_lazy(
    "No student of yours has this number at this school, and the number is not free for a new "
    "apprentice. Check the student number with the school."
)
PILOT_STUDENT_UNKNOWN = gettext_lazy(
    "A pilot apprentice is a student the school has enrolled in its pilot class: no such student "
    "of yours has this number at this school."
)


@transaction.atomic
def order_class_save(*, order_class: OrderClass, enterprises: Iterable[Organization]) -> OrderClass:
    """Create or update an order class with its enterprises (one, or several: 联合组班); a new
    class gets its five alignments (五融通), not started."""
    enterprises = list(enterprises)
    if not enterprises:
        raise ValidationError(
            {"enterprises": _("An order class needs at least one order enterprise.")}
        )
    created = order_class.pk is None
    order_class.full_clean()
    order_class.save()
    order_class.enterprises.set(enterprises)
    if created:
        OrderClassAlignment.objects.bulk_create(
            [
                OrderClassAlignment(order_class=order_class, aspect=aspect)
                for aspect in Aspect.values
            ]
        )
    return order_class


@transaction.atomic
def order_class_enrol(
    *, order_class: OrderClass, students: Iterable[Student], enrolled_on=None
) -> int:
    """Enrol students of the class's school; students already enrolled are left as they are.
    Returns how many were added."""
    already = set(order_class.enrolments.values_list("student_id", flat=True))
    added = 0
    for student in students:
        if student.pk in already:
            continue
        enrolment = OrderClassEnrolment(
            order_class=order_class, student=student, enrolled_on=enrolled_on
        )
        enrolment.full_clean()
        enrolment.save()
        added += 1
    return added


@transaction.atomic
def order_class_unenrol(*, enrolment: OrderClassEnrolment) -> None:
    if GraduatePlacement.objects.filter(
        via_order_class=enrolment.order_class_id, student=enrolment.student_id
    ).exists():
        raise ValidationError(
            _("This student's graduate placement refers to the order class; change it first.")
        )
    enrolment.delete()


@transaction.atomic
def apprenticeship_register(
    *, apprenticeship: Apprenticeship, student: Student, user
) -> Apprenticeship:
    """Record the apprenticeship of ``student`` on the apprenticeship's path.

    A student already on file with that school and number is linked only if ``user`` may link
    them (``permissions.students_linkable_by``: for an enterprise, its own apprentices, interns,
    order-class students and hires) and the name matches; that record is never changed, its
    study mode included: the model then requires a part-time student for an employee apprentice
    and a full-time one for a pilot apprentice, and only the school changes a study mode.

    Otherwise, on the employee path (招工即招生), the number must be new at the school and the
    employee is registered as a new part-time student. A pilot apprentice is always a student
    the school has already enrolled in its pilot class.
    """
    existing = Student.objects.filter(
        school=student.school_id, student_number=student.student_number
    ).first()
    if existing is not None:
        linkable = permissions.students_linkable_by(user).filter(pk=existing.pk).exists()
        if not linkable or existing.name != student.name:
            # One answer whether the number is unused by anyone of theirs, used by a stranger, or
            # used under another name: an enterprise learns nothing about the school's students.
            raise ValidationError({"student_number": STUDENT_NOT_LINKABLE})
        student = existing
    elif apprenticeship.path == ApprenticeshipPath.PILOT:
        raise ValidationError({"student_number": PILOT_STUDENT_UNKNOWN})
    else:
        student.study_mode = StudyMode.APPRENTICE
        student.full_clean()
        student.save()
    apprenticeship.student = student
    apprenticeship.full_clean()
    apprenticeship.save()
    return apprenticeship


@transaction.atomic
def hire_decide(*, placement: GraduatePlacement, user, confirm: bool) -> GraduatePlacement:
    """The employer confirms (or declines) that it hired the graduate."""
    if placement.employer_id is None:
        raise ValidationError(_("Only hires by a member employer can be confirmed."))
    placement.hire_status = HireStatus.CONFIRMED if confirm else HireStatus.DECLINED
    placement.hire_decided_at = timezone.now()
    placement.hire_decided_by = user
    placement.full_clean()
    placement.save()
    return placement


@transaction.atomic
def followup_add(*, followup: RetentionFollowUp) -> RetentionFollowUp:
    followup.full_clean()
    followup.save()
    return followup


@transaction.atomic
def followup_answer(
    *, placement: GraduatePlacement, still_employed: bool, problems: str = "", today=None
) -> RetentionFollowUp:
    """The graduate's own answer to a follow-up (from a signed link): it answers the latest
    6/12/24-month milestone reached and not yet answered, or is a plain contact."""
    today = today or timezone.localdate()
    followup = RetentionFollowUp(
        placement=placement,
        contacted_on=today,
        milestone=next_milestone(placement, today=today),
        still_employed=still_employed,
        problems=problems,
    )
    followup.full_clean()
    followup.save()
    return followup


@transaction.atomic
def internship_evaluate(*, internship: Internship, evaluation: str, notes: str = "") -> Internship:
    """The enterprise's master signs off the internship with an evaluation."""
    internship.evaluation = evaluation
    if notes:
        internship.evaluation_notes = notes
    internship.full_clean()
    internship.save()
    return internship


@transaction.atomic
def event_save(*, event: OutreachEvent, enterprises: Iterable[Organization]) -> OutreachEvent:
    event.full_clean()
    event.save()
    event.enterprises.set(list(enterprises))
    return event


@transaction.atomic
def event_photo_add(*, event: OutreachEvent, image, caption: str = "") -> OutreachPhoto:
    photo = OutreachPhoto(event=event, image=image, caption=caption)
    photo.full_clean()
    photo.save()
    return photo


@transaction.atomic
def record_save(*, record):
    """Validate (constraints included) and save one record of a plain register form."""
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def mentor_save(*, mentor: CareerMentor, schools: Iterable[Organization]) -> CareerMentor:
    mentor.full_clean()
    mentor.save()
    mentor.schools.set(list(schools))
    return mentor


@transaction.atomic
def order_class_from_demands(
    *,
    demands: Iterable[TalentDemand],
    school: Organization,
    name: str,
    kind: str,
    cohort_year: int,
    graduation_year: int,
    planned_size: int,
) -> OrderClass:
    """Form talent demands of several enterprises for the same major into one order class
    (联合组班): the class's enterprises are the demands' enterprises, its major theirs, and each
    demand records the class it became. Demands already formed into a class are refused."""
    demands = list(
        TalentDemand.objects.select_for_update()
        .select_related("major")
        .filter(pk__in=[d.pk for d in demands])
    )
    if not demands:
        raise ValidationError(_("Choose at least one talent demand."))
    if any(d.order_class_id for d in demands):
        raise ValidationError(_("A talent demand chosen is already in an order class."))
    majors = {d.major.name for d in demands}
    if len(majors) > 1:
        raise ValidationError(_("The talent demands chosen are for different majors."))
    # The enterprises asked for graduates of a major; the class is in the chosen school's own
    # catalogue entry of that major.
    major = Major.objects.filter(school=school, name=majors.pop()).first()
    if major is None:
        raise ValidationError(
            {"school": _("This school has no major of that name in its catalogue.")}
        )
    order_class = OrderClass(
        school=school,
        name=name,
        kind=kind,
        major=major,
        cohort_year=cohort_year,
        graduation_year=graduation_year,
        planned_size=planned_size,
    )
    order_class = order_class_save(
        order_class=order_class, enterprises={d.enterprise for d in demands}
    )
    for demand in demands:  # saved one by one, so each demand's history records its class
        demand.order_class = order_class
        demand.save(update_fields=["order_class"])
    return order_class


@transaction.atomic
def material_save(
    *, material: CoDevelopedMaterial, enterprises: Iterable[Organization]
) -> CoDevelopedMaterial:
    enterprises = list(enterprises)
    if not enterprises:
        raise ValidationError(
            {"enterprises": _("A co-developed material names at least one enterprise.")}
        )
    material.full_clean()
    material.save()
    material.enterprises.set(enterprises)
    return material
