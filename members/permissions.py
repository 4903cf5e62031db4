"""Who may see or change which members records, on top of :mod:`alliance.access`."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from alliance.access import (
    COUNCIL,
    ENTERPRISE_HR,
    ENTERPRISE_STAFF,
    EVERYONE,
    GOVERNANCE,
    SCHOOL_COORDINATOR,
    SCHOOL_STAFF,
    acting_organization_id,
    has_access,
    is_secretariat,
    role_of,
    scope_to_organization,
)

from .models import (
    AllianceOffice,
    CouncilMeeting,
    CouncilSeat,
    ExpertConsultation,
    ExpertMember,
    Major,
    MediaReport,
    ModelCase,
    ModelCaseStatus,
    OfficeBudget,
    OfficeStaff,
    Organization,
    OrganizationKind,
    OrganizationPhoto,
    PolicyDocument,
    SchoolYearFigures,
    User,
    WorkPlan,
    WorkTask,
)

# Roles the secretariat creates accounts for, with the organisation kinds each may act for
# (None: any kind — council members sit for any member body).
MANAGED_ACCOUNT_ROLES = {
    ENTERPRISE_HR: (OrganizationKind.ENTERPRISE,),
    SCHOOL_COORDINATOR: (OrganizationKind.SCHOOL,),
    COUNCIL: None,
}


def organizations_visible_to(user) -> QuerySet[Organization]:
    """Every role reads the register: who the members are is not personal data."""
    return scope_to_organization(user, Organization.objects.all(), readers=EVERYONE)


def organizations_editable_by(user) -> QuerySet[Organization]:
    return scope_to_organization(user, Organization.objects.all(), "pk")


def schools_editable_by(user) -> QuerySet[Organization]:
    return scope_to_organization(user, Organization.objects.schools(), "pk")


def can_edit_organization(user, organization: Organization) -> bool:
    """Without a query: the detail page asks it for every reader."""
    return is_secretariat(user) or (
        acting_organization_id(user) is not None and acting_organization_id(user) == organization.pk
    )


def can_create_organization(user) -> bool:
    return is_secretariat(user)


def can_withdraw_organization(user) -> bool:
    return is_secretariat(user)


def edits_registration(user) -> bool:
    """Only the secretariat changes a member's registration (kind, name, code, dates);
    HR and coordinators edit their own organisation's profile."""
    return is_secretariat(user)


def edits_as_school(user) -> bool:
    """Coordinators edit their school through the school route (secretariat and HR: the general one)."""
    return role_of(user) == SCHOOL_COORDINATOR


def can_add_photos(user, organization: Organization) -> bool:
    """Photos feed the culture corridor, which shows enterprises: the secretariat or the enterprise's HR."""
    return has_access(user, ENTERPRISE_STAFF) and can_edit_organization(user, organization)


def organization_photos_visible_to(user) -> QuerySet[OrganizationPhoto]:
    return scope_to_organization(user, OrganizationPhoto.objects.all(), readers=EVERYONE)


def organization_photos_editable_by(user) -> QuerySet[OrganizationPhoto]:
    if not has_access(user, ENTERPRISE_STAFF):
        return OrganizationPhoto.objects.none()
    return scope_to_organization(user, OrganizationPhoto.objects.all(), "organization")


def school_figures_visible_to(user) -> QuerySet[SchoolYearFigures]:
    return scope_to_organization(
        user, SchoolYearFigures.objects.all(), "school", readers=GOVERNANCE
    )


def school_figures_editable_by(user) -> QuerySet[SchoolYearFigures]:
    return scope_to_organization(user, SchoolYearFigures.objects.all(), "school")


def schools_for_figures(user) -> QuerySet[Organization]:
    """Schools the user may enter figures for."""
    if not has_access(user, SCHOOL_STAFF):
        return Organization.objects.none()
    return scope_to_organization(user, Organization.objects.schools(), "pk")


def can_manage_council(user) -> bool:
    return is_secretariat(user)


def council_meetings_visible_to(user) -> QuerySet[CouncilMeeting]:
    return scope_to_organization(user, CouncilMeeting.objects.all(), readers=GOVERNANCE)


def council_meetings_editable_by(user) -> QuerySet[CouncilMeeting]:
    return scope_to_organization(user, CouncilMeeting.objects.all())


def council_seats_visible_to(user) -> QuerySet[CouncilSeat]:
    return scope_to_organization(user, CouncilSeat.objects.all(), readers=GOVERNANCE)


def council_seats_editable_by(user) -> QuerySet[CouncilSeat]:
    return scope_to_organization(user, CouncilSeat.objects.all())


def experts_visible_to(user) -> QuerySet[ExpertMember]:
    return scope_to_organization(user, ExpertMember.objects.all(), readers=GOVERNANCE)


def experts_editable_by(user) -> QuerySet[ExpertMember]:
    return scope_to_organization(user, ExpertMember.objects.all())


def corridor_schools_for(user) -> QuerySet[Organization]:
    """A coordinator opens its own school's corridor; other roles any school's."""
    readers = EVERYONE - {SCHOOL_COORDINATOR}
    return scope_to_organization(user, Organization.objects.schools(), "pk", readers=readers)


def accounts_manageable_by(user) -> QuerySet[User]:
    """Accounts the secretariat manages: everyone but superusers (maintained in /admin/)."""
    return scope_to_organization(user, User.objects.filter(is_superuser=False))


def majors_visible_to(user) -> QuerySet[Major]:
    """A school's catalogue of majors is public inside the alliance: enterprises partner on it."""
    return scope_to_organization(user, Major.objects.all(), readers=EVERYONE)


def majors_editable_by(user) -> QuerySet[Major]:
    """The school keeps its own catalogue; the secretariat every school's."""
    if not has_access(user, SCHOOL_STAFF):
        return Major.objects.none()
    return scope_to_organization(user, Major.objects.all(), "school")


# --- governance registers (Linqu 保障措施(一), Qufu 四) ---------------------------------------------
# The rules bind every member and hold no personal data: every role reads them. The office,
# the expert advice and the work plan are the council's business (GOVERNANCE). A work-plan task
# is also read by the enterprise or school that leads it or helps carry it: its own obligation.
# Only the secretariat writes any of them.


def documents_visible_to(user) -> QuerySet[PolicyDocument]:
    return scope_to_organization(user, PolicyDocument.objects.all(), readers=EVERYONE)


def documents_editable_by(user) -> QuerySet[PolicyDocument]:
    return scope_to_organization(user, PolicyDocument.objects.all())


def offices_visible_to(user) -> QuerySet[AllianceOffice]:
    return scope_to_organization(user, AllianceOffice.objects.all(), readers=GOVERNANCE)


def offices_editable_by(user) -> QuerySet[AllianceOffice]:
    return scope_to_organization(user, AllianceOffice.objects.all())


def office_budgets_visible_to(user) -> QuerySet[OfficeBudget]:
    return scope_to_organization(user, OfficeBudget.objects.all(), readers=GOVERNANCE)


def office_budgets_editable_by(user) -> QuerySet[OfficeBudget]:
    return scope_to_organization(user, OfficeBudget.objects.all())


def office_staff_visible_to(user) -> QuerySet[OfficeStaff]:
    return scope_to_organization(user, OfficeStaff.objects.all(), readers=GOVERNANCE)


def office_staff_editable_by(user) -> QuerySet[OfficeStaff]:
    return scope_to_organization(user, OfficeStaff.objects.all())


def consultations_visible_to(user) -> QuerySet[ExpertConsultation]:
    return scope_to_organization(user, ExpertConsultation.objects.all(), readers=GOVERNANCE)


def consultations_editable_by(user) -> QuerySet[ExpertConsultation]:
    return scope_to_organization(user, ExpertConsultation.objects.all())


def work_plans_visible_to(user) -> QuerySet[WorkPlan]:
    return scope_to_organization(user, WorkPlan.objects.all(), readers=GOVERNANCE)


def work_plans_editable_by(user) -> QuerySet[WorkPlan]:
    return scope_to_organization(user, WorkPlan.objects.all())


def work_tasks_visible_to(user) -> QuerySet[WorkTask]:
    """The office and the council read every task; HR and coordinators the tasks their
    organisation leads or helps carry."""
    return scope_to_organization(
        user, WorkTask.objects.all(), "owner", "partners", readers=GOVERNANCE
    )


def work_tasks_editable_by(user) -> QuerySet[WorkTask]:
    return scope_to_organization(user, WorkTask.objects.all())


def can_manage_governance(user) -> bool:
    return is_secretariat(user)


# --- publicity and model cases -------------------------------------------------------------------


def media_reports_visible_to(user) -> QuerySet[MediaReport]:
    """Published coverage is public anyway: every role reads the log; the office keeps it."""
    return scope_to_organization(user, MediaReport.objects.all(), readers=EVERYONE)


def media_reports_editable_by(user) -> QuerySet[MediaReport]:
    return scope_to_organization(user, MediaReport.objects.all())


def can_log_media(user) -> bool:
    return is_secretariat(user)


def model_cases_visible_to(user) -> QuerySet[ModelCase]:
    """The office and the council read every nomination; a member reads what was published and
    its own nominations (a nomination not yet decided is not the other members' business)."""
    if is_secretariat(user) or role_of(user) == COUNCIL:
        return ModelCase.objects.all()
    org_id = acting_organization_id(user)
    if org_id is None:
        return ModelCase.objects.none()
    return ModelCase.objects.filter(
        Q(status=ModelCaseStatus.PUBLISHED) | Q(organization_id=org_id) | Q(nominated_by_id=org_id)
    ).distinct()


def model_cases_editable_by(user) -> QuerySet[ModelCase]:
    """A member nominates (creates); from then on the office alone changes and decides a case."""
    return scope_to_organization(user, ModelCase.objects.all())


def decides_model_cases(user) -> bool:
    """Approval, publication and the choice for the annual report are the office's."""
    return is_secretariat(user)
