"""Who sees and changes which training records: the one place a role becomes a scope.

Decisions (DESIGN §1 roles: who enters what):

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

Each scope is :func:`alliance.access.scope_to_organization` with the paths from a record to the
organisations it belongs to. Object pages fetch through the ``*_visible_to`` /
``*_editable_by`` querysets, so another organisation's record answers 404.
"""

from __future__ import annotations

from django.db.models import QuerySet

from alliance.access import (
    EVERYONE,
    GOVERNANCE,
    SCHOOL_STAFF,
    has_access,
    role_of,
    scope_to_organization,
)

from .models import (
    Certification,
    CoBuiltInstitution,
    Craftsman,
    InSchoolWorkshop,
    InstitutionYear,
    PartnerExchange,
    PartnerInstitution,
    Patent,
    ProductionOrder,
    QualityEvaluationSurvey,
    Secondment,
    ServiceProject,
    SharedEquipment,
    StationPost,
    StudentRotation,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
    TwoWayAppointment,
    WorkshopContribution,
)

# --- in-school workshops: the school keeps them, partner enterprises and the council read ------


def workshops_visible_to(user) -> QuerySet[InSchoolWorkshop]:
    return scope_to_organization(
        user, InSchoolWorkshop.objects.all(), "school", "enterprises", readers=GOVERNANCE
    )


def workshops_editable_by(user) -> QuerySet[InSchoolWorkshop]:
    return scope_to_organization(user, InSchoolWorkshop.objects.all(), "school")


def orders_editable_by(user) -> QuerySet[ProductionOrder]:
    return ProductionOrder.objects.filter(workshop__in=workshops_editable_by(user))


def rotations_editable_by(user) -> QuerySet[StudentRotation]:
    return StudentRotation.objects.filter(workshop__in=workshops_editable_by(user))


# --- bases and stations: any role reads them; HR keep their own ----------------------------


def bases_visible_to(user) -> QuerySet[TrainingBase]:
    return TrainingBase.objects.all() if role_of(user) else TrainingBase.objects.none()


def bases_editable_by(user) -> QuerySet[TrainingBase]:
    return scope_to_organization(user, TrainingBase.objects.all(), "enterprise")


def stations_visible_to(user) -> QuerySet[TeacherStation]:
    return TeacherStation.objects.all() if role_of(user) else TeacherStation.objects.none()


def stations_editable_by(user) -> QuerySet[TeacherStation]:
    return scope_to_organization(user, TeacherStation.objects.all(), "enterprise")


def posts_editable_by(user) -> QuerySet[StationPost]:
    return StationPost.objects.filter(station__in=stations_editable_by(user))


# --- teachers and secondments: the school keeps them, the host enterprise reads its own ------


def teachers_visible_to(user) -> QuerySet[Teacher]:
    return teachers_editable_by(user)


def teachers_editable_by(user) -> QuerySet[Teacher]:
    return scope_to_organization(user, Teacher.objects.all(), "school")


def secondments_visible_to(user) -> QuerySet[Secondment]:
    return scope_to_organization(user, Secondment.objects.all(), "teacher__school", "enterprise")


def secondments_editable_by(user) -> QuerySet[Secondment]:
    return scope_to_organization(user, Secondment.objects.all(), "teacher__school")


# --- craftsmen and their teaching: every school reads the pool -------------------------------


def craftsmen_visible_to(user) -> QuerySet[Craftsman]:
    return scope_to_organization(user, Craftsman.objects.all(), "enterprise", readers=SCHOOL_STAFF)


def craftsmen_editable_by(user) -> QuerySet[Craftsman]:
    return scope_to_organization(user, Craftsman.objects.all(), "enterprise")


def assignments_visible_to(user) -> QuerySet[TeachingAssignment]:
    return scope_to_organization(
        user, TeachingAssignment.objects.all(), "school", "craftsman__enterprise"
    )


def assignments_editable_by(user) -> QuerySet[TeachingAssignment]:
    return scope_to_organization(user, TeachingAssignment.objects.all(), "school")


# --- in-service training and certification ---------------------------------------------------


def programmes_visible_to(user) -> QuerySet[TrainingProgramme]:
    return scope_to_organization(
        user, TrainingProgramme.objects.all(), "school", "enterprises", readers=GOVERNANCE
    )


def programmes_editable_by(user) -> QuerySet[TrainingProgramme]:
    return scope_to_organization(user, TrainingProgramme.objects.all(), "school")


def certifications_visible_to(user) -> QuerySet[Certification]:
    # An enterprise reads the certifications of the programmes its employees attended.
    return scope_to_organization(
        user, Certification.objects.all(), "school", "programme__enterprises", readers=GOVERNANCE
    )


def certifications_editable_by(user) -> QuerySet[Certification]:
    return scope_to_organization(user, Certification.objects.all(), "school")


# --- co-building (issue 15): a school keeps its institutions, projects, patents and what it puts
# into its workshops; the partner enterprises and the council read them. Equipment is kept by
# either side; two-way appointments name people and are closed to the council.


def institutions_visible_to(user) -> QuerySet[CoBuiltInstitution]:
    return scope_to_organization(
        user, CoBuiltInstitution.objects.all(), "school", "enterprises", readers=GOVERNANCE
    )


def institutions_editable_by(user) -> QuerySet[CoBuiltInstitution]:
    return scope_to_organization(user, CoBuiltInstitution.objects.all(), "school")


def institution_years_visible_to(user) -> QuerySet[InstitutionYear]:
    return InstitutionYear.objects.filter(institution__in=institutions_visible_to(user))


def institution_years_editable_by(user) -> QuerySet[InstitutionYear]:
    return InstitutionYear.objects.filter(institution__in=institutions_editable_by(user))


def projects_visible_to(user) -> QuerySet[ServiceProject]:
    return scope_to_organization(
        user, ServiceProject.objects.all(), "school", "enterprises", readers=GOVERNANCE
    )


def projects_editable_by(user) -> QuerySet[ServiceProject]:
    return scope_to_organization(user, ServiceProject.objects.all(), "school")


def patents_visible_to(user) -> QuerySet[Patent]:
    return scope_to_organization(
        user, Patent.objects.all(), "school", "enterprises", readers=GOVERNANCE
    )


def patents_editable_by(user) -> QuerySet[Patent]:
    return scope_to_organization(user, Patent.objects.all(), "school")


def equipment_visible_to(user) -> QuerySet[SharedEquipment]:
    return scope_to_organization(
        user, SharedEquipment.objects.all(), "school", "enterprise", readers=GOVERNANCE
    )


def equipment_editable_by(user) -> QuerySet[SharedEquipment]:
    return scope_to_organization(user, SharedEquipment.objects.all(), "school", "enterprise")


def contributions_visible_to(user) -> QuerySet[WorkshopContribution]:
    return WorkshopContribution.objects.filter(workshop__in=workshops_visible_to(user))


def contributions_editable_by(user) -> QuerySet[WorkshopContribution]:
    return WorkshopContribution.objects.filter(workshop__in=workshops_editable_by(user))


def appointments_visible_to(user) -> QuerySet[TwoWayAppointment]:
    return scope_to_organization(user, TwoWayAppointment.objects.all(), "school", "enterprise")


def appointments_editable_by(user) -> QuerySet[TwoWayAppointment]:
    return appointments_visible_to(user)


def can_create(user, editors: frozenset[str]) -> bool:
    return has_access(user, editors)


# --- external cooperation: the school keeps its partners; every signed-in role reads them ------
# Partners and exchanges are institutions and events, with no personal data.


def partners_visible_to(user) -> QuerySet[PartnerInstitution]:
    return scope_to_organization(user, PartnerInstitution.objects.all(), readers=EVERYONE)


def partners_editable_by(user) -> QuerySet[PartnerInstitution]:
    return scope_to_organization(user, PartnerInstitution.objects.all(), "school")


def exchanges_visible_to(user) -> QuerySet[PartnerExchange]:
    return scope_to_organization(user, PartnerExchange.objects.all(), readers=EVERYONE)


def exchanges_editable_by(user) -> QuerySet[PartnerExchange]:
    return scope_to_organization(user, PartnerExchange.objects.all(), "partner__school")


# --- quality evaluation surveys (Qufu 三(三)): a school keeps its own; the enterprises that took
# part and the council read them.


def quality_surveys_visible_to(user) -> QuerySet[QualityEvaluationSurvey]:
    return scope_to_organization(
        user, QualityEvaluationSurvey.objects.all(), "school", "enterprises", readers=GOVERNANCE
    )


def quality_surveys_editable_by(user) -> QuerySet[QualityEvaluationSurvey]:
    return scope_to_organization(user, QualityEvaluationSurvey.objects.all(), "school")
