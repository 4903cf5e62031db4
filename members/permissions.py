"""Who may see or change which members records, on top of :mod:`alliance.access`."""

from __future__ import annotations

from django.db.models import QuerySet

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
    CouncilMeeting,
    CouncilSeat,
    ExpertMember,
    Major,
    Organization,
    OrganizationKind,
    OrganizationPhoto,
    SchoolYearFigures,
    User,
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
