"""Who sees and changes which training records: the one place a role becomes a scope.

Decisions (DESIGN §1 roles, issue 4 "who enters what"):

- **Secretariat** sees and changes everything.
- **Enterprise HR** keep their own enterprise's training bases, teacher stations (and the posts
  they offer) and craftsmen. They read, without changing, what concerns their enterprise: the
  in-school workshops it partners, the secondments it hosts, its craftsmen's teaching
  assignments, the training programmes it takes part in and their certifications. They never
  see a school's teacher register.
- **School coordinators** keep their own school's teachers, secondments, teaching assignments,
  training programmes, certifications and in-school workshops (with orders and rotations). They
  read every enterprise's bases and stations (to place students and teachers) and the whole
  craftsmen pool (phones masked) to record who teaches.
- **Council members** read aggregates only (the obligation pages are the reports app's), and
  the registers of platforms and training that hold no personal data
  (workshops, bases, stations, programmes, certifications). Registers naming people — teachers,
  secondments, craftsmen, teaching assignments — are closed to them (403).

Object pages fetch through the ``*_visible_to`` / ``*_editable_by`` querysets, so another
organisation's record answers 404.
"""

from __future__ import annotations

from django.db.models import QuerySet

from alliance.access import (
    COUNCIL,
    ENTERPRISE_HR,
    ENTERPRISE_STAFF,
    EVERYONE,
    SCHOOL_COORDINATOR,
    SCHOOL_READERS,
    SCHOOL_STAFF,
    STAFF,
    acting_organization,
    is_secretariat,
    sees_personal_data,
)
from members.models import Organization

from .models import (
    Certification,
    Craftsman,
    InSchoolWorkshop,
    ProductionOrder,
    Secondment,
    StationPost,
    StudentRotation,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
)

# Audiences of the pages (``allow(...)`` in views.py) come from ``alliance.access``.
__all__ = ["ENTERPRISE_STAFF", "EVERYONE", "SCHOOL_READERS", "SCHOOL_STAFF", "STAFF"]


def _role(user) -> str | None:
    return getattr(user, "role", None) if user.is_authenticated else None


def _school_of(user) -> Organization | None:
    org = acting_organization(user)
    return org if org is not None and _role(user) == SCHOOL_COORDINATOR else None


def _enterprise_of(user) -> Organization | None:
    org = acting_organization(user)
    return org if org is not None and _role(user) == ENTERPRISE_HR else None


def _reads_all(user) -> bool:
    return is_secretariat(user) or _role(user) == COUNCIL


def owner_organization(user) -> Organization | None:
    """The organisation whose records the user creates (None: the secretariat chooses)."""
    return acting_organization(user)


def shows_phone(user) -> bool:
    return sees_personal_data(user)


# --- in-school workshops -------------------------------------------------------------------


def workshops_visible_to(user) -> QuerySet[InSchoolWorkshop]:
    qs = InSchoolWorkshop.objects.all()
    if _reads_all(user):
        return qs
    if school := _school_of(user):
        return qs.filter(school=school)
    if enterprise := _enterprise_of(user):
        return qs.filter(
            pk__in=InSchoolWorkshop.enterprises.through.objects.filter(
                organization=enterprise
            ).values("inschoolworkshop_id")
        )
    return qs.none()


def workshops_editable_by(user) -> QuerySet[InSchoolWorkshop]:
    qs = InSchoolWorkshop.objects.all()
    if is_secretariat(user):
        return qs
    if school := _school_of(user):
        return qs.filter(school=school)
    return qs.none()


def orders_editable_by(user) -> QuerySet[ProductionOrder]:
    return ProductionOrder.objects.filter(workshop__in=workshops_editable_by(user))


def rotations_editable_by(user) -> QuerySet[StudentRotation]:
    return StudentRotation.objects.filter(workshop__in=workshops_editable_by(user))


# --- bases and stations: any role reads them; HR keep their own ----------------------------


def bases_visible_to(user) -> QuerySet[TrainingBase]:
    return TrainingBase.objects.all() if _role(user) else TrainingBase.objects.none()


def bases_editable_by(user) -> QuerySet[TrainingBase]:
    qs = TrainingBase.objects.all()
    if is_secretariat(user):
        return qs
    if enterprise := _enterprise_of(user):
        return qs.filter(enterprise=enterprise)
    return qs.none()


def stations_visible_to(user) -> QuerySet[TeacherStation]:
    return TeacherStation.objects.all() if _role(user) else TeacherStation.objects.none()


def stations_editable_by(user) -> QuerySet[TeacherStation]:
    qs = TeacherStation.objects.all()
    if is_secretariat(user):
        return qs
    if enterprise := _enterprise_of(user):
        return qs.filter(enterprise=enterprise)
    return qs.none()


def posts_editable_by(user) -> QuerySet[StationPost]:
    return StationPost.objects.filter(station__in=stations_editable_by(user))


# --- teachers and secondments ----------------------------------------------------------------


def teachers_visible_to(user) -> QuerySet[Teacher]:
    return teachers_editable_by(user)


def teachers_editable_by(user) -> QuerySet[Teacher]:
    qs = Teacher.objects.all()
    if is_secretariat(user):
        return qs
    if school := _school_of(user):
        return qs.filter(school=school)
    return qs.none()


def secondments_visible_to(user) -> QuerySet[Secondment]:
    qs = Secondment.objects.all()
    if is_secretariat(user):
        return qs
    if school := _school_of(user):
        return qs.filter(teacher__school=school)
    if enterprise := _enterprise_of(user):
        return qs.filter(enterprise=enterprise)
    return qs.none()


def secondments_editable_by(user) -> QuerySet[Secondment]:
    qs = Secondment.objects.all()
    if is_secretariat(user):
        return qs
    if school := _school_of(user):
        return qs.filter(teacher__school=school)
    return qs.none()


# --- craftsmen and their teaching -----------------------------------------------------------


def craftsmen_visible_to(user) -> QuerySet[Craftsman]:
    qs = Craftsman.objects.all()
    if is_secretariat(user) or _school_of(user):
        return qs
    if enterprise := _enterprise_of(user):
        return qs.filter(enterprise=enterprise)
    return qs.none()


def craftsmen_editable_by(user) -> QuerySet[Craftsman]:
    qs = Craftsman.objects.all()
    if is_secretariat(user):
        return qs
    if enterprise := _enterprise_of(user):
        return qs.filter(enterprise=enterprise)
    return qs.none()


def assignments_visible_to(user) -> QuerySet[TeachingAssignment]:
    qs = TeachingAssignment.objects.all()
    if is_secretariat(user):
        return qs
    if school := _school_of(user):
        return qs.filter(school=school)
    if enterprise := _enterprise_of(user):
        return qs.filter(craftsman__enterprise=enterprise)
    return qs.none()


def assignments_editable_by(user) -> QuerySet[TeachingAssignment]:
    qs = TeachingAssignment.objects.all()
    if is_secretariat(user):
        return qs
    if school := _school_of(user):
        return qs.filter(school=school)
    return qs.none()


# --- in-service training and certification --------------------------------------------------


def programmes_visible_to(user) -> QuerySet[TrainingProgramme]:
    qs = TrainingProgramme.objects.all()
    if _reads_all(user):
        return qs
    if school := _school_of(user):
        return qs.filter(school=school)
    if enterprise := _enterprise_of(user):
        return qs.filter(
            pk__in=TrainingProgramme.enterprises.through.objects.filter(
                organization=enterprise
            ).values("trainingprogramme_id")
        )
    return qs.none()


def programmes_editable_by(user) -> QuerySet[TrainingProgramme]:
    qs = TrainingProgramme.objects.all()
    if is_secretariat(user):
        return qs
    if school := _school_of(user):
        return qs.filter(school=school)
    return qs.none()


def certifications_visible_to(user) -> QuerySet[Certification]:
    qs = Certification.objects.all()
    if _reads_all(user):
        return qs
    if school := _school_of(user):
        return qs.filter(school=school)
    if _enterprise_of(user):
        return qs.filter(programme__in=programmes_visible_to(user))
    return qs.none()


def certifications_editable_by(user) -> QuerySet[Certification]:
    qs = Certification.objects.all()
    if is_secretariat(user):
        return qs
    if school := _school_of(user):
        return qs.filter(school=school)
    return qs.none()


def can_create(user, editors: tuple[str, ...]) -> bool:
    return _role(user) in editors
