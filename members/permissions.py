"""Who may see or change which members records, on top of :mod:`alliance.access`."""

from __future__ import annotations

from django.db.models import QuerySet

from alliance.access import (
    COUNCIL,
    ENTERPRISE_HR,
    EVERYONE,
    GOVERNANCE,
    SCHOOL_COORDINATOR,
    SCHOOL_STAFF,
    SECRETARIAT,
    is_secretariat,
    role_of,
    scope_to_organization,
)

from .models import (
    CouncilMeeting,
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


def organizations_editable_by(user) -> QuerySet[Organization]:
    return scope_to_organization(user, Organization.objects.all(), "pk")


def can_edit_organization(user, organization: Organization) -> bool:
    return is_secretariat(user) or (
        user.is_authenticated
        and user.role in (ENTERPRISE_HR, SCHOOL_COORDINATOR)
        and user.organization_id == organization.pk
    )


def organizations_visible_to(user) -> QuerySet[Organization]:
    """Every role reads the register: who the members are is not personal data."""
    if role_of(user) in EVERYONE:
        return Organization.objects.all()
    return Organization.objects.none()


def can_create_organization(user) -> bool:
    return is_secretariat(user)


def can_withdraw_organization(user) -> bool:
    return is_secretariat(user)


def edits_registration(user) -> bool:
    """Only the secretariat changes a member's registration (kind, name, code, dates);
    HR and coordinators edit their own organisation's profile."""
    return is_secretariat(user)


def edits_as_school(user) -> bool:
    """Coordinators edit their school through the school page (secretariat and HR: the general one)."""
    return role_of(user) == SCHOOL_COORDINATOR


def can_add_photos(user, organization: Organization) -> bool:
    """Photos feed the culture corridor, which shows enterprises: the secretariat or the enterprise's HR."""
    return can_edit_organization(user, organization) and (
        is_secretariat(user) or role_of(user) == ENTERPRISE_HR
    )


def organization_photos_visible_to(user) -> QuerySet[OrganizationPhoto]:
    return OrganizationPhoto.objects.filter(organization__in=organizations_visible_to(user))


def organization_photos_editable_by(user) -> QuerySet[OrganizationPhoto]:
    if role_of(user) not in (SECRETARIAT, ENTERPRISE_HR):
        return OrganizationPhoto.objects.none()
    return scope_to_organization(user, OrganizationPhoto.objects.all(), "organization")


def school_figures_visible_to(user) -> QuerySet[SchoolYearFigures]:
    role = role_of(user)
    qs = SchoolYearFigures.objects.all()
    if role in (SECRETARIAT, COUNCIL):
        return qs
    if role == SCHOOL_COORDINATOR:
        return qs.filter(school=user.organization)
    return qs.none()


def school_figures_editable_by(user) -> QuerySet[SchoolYearFigures]:
    if role_of(user) not in SCHOOL_STAFF:
        return SchoolYearFigures.objects.none()
    return scope_to_organization(user, SchoolYearFigures.objects.all(), "school")


def can_create_school_figures(user) -> bool:
    return role_of(user) in SCHOOL_STAFF


def schools_for_figures(user) -> QuerySet[Organization]:
    """Schools the user may enter figures for."""
    if role_of(user) not in SCHOOL_STAFF:
        return Organization.objects.none()
    return scope_to_organization(user, Organization.objects.schools(), "pk")


def reads_governance(user) -> bool:
    return role_of(user) in GOVERNANCE


def can_manage_council(user) -> bool:
    return is_secretariat(user)


def council_meetings_visible_to(user) -> QuerySet[CouncilMeeting]:
    if reads_governance(user):
        return CouncilMeeting.objects.all()
    return CouncilMeeting.objects.none()


def corridor_schools_for(user) -> QuerySet[Organization]:
    """A coordinator opens its own school's corridor; other roles any school's."""
    role = role_of(user)
    if role == SCHOOL_COORDINATOR:
        return Organization.objects.schools().filter(pk=user.organization_id)
    if role in EVERYONE:
        return Organization.objects.schools()
    return Organization.objects.none()


def accounts_manageable_by(user) -> QuerySet[User]:
    """Accounts the secretariat manages: everyone but superusers (maintained in /admin/)."""
    if not is_secretariat(user):
        return User.objects.none()
    return User.objects.filter(is_superuser=False)
