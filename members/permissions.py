"""Who may open which page and see or change which rows.

This module is the one place where ``user.role`` is read. Views declare their audience with
``@allow(...)`` (which also classifies the route for the URL sweep test) and fetch rows through
the scope helpers below; the other apps build their own scopes on :func:`acting_organization`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from .models import (
    CouncilMeeting,
    Organization,
    OrganizationKind,
    OrganizationPhoto,
    Role,
    SchoolYearFigures,
    User,
)

PUBLIC = "public"
AUTHENTICATED = "authenticated"

SECRETARIAT = Role.SECRETARIAT
ENTERPRISE_HR = Role.ENTERPRISE_HR
SCHOOL_COORDINATOR = Role.SCHOOL_COORDINATOR
COUNCIL = Role.COUNCIL
ALL_ROLES = frozenset(Role.values)
STAFF = frozenset({SECRETARIAT, ENTERPRISE_HR, SCHOOL_COORDINATOR})
# Who reads the council's records (seats, experts, meetings, resolutions); only the secretariat edits them.
GOVERNANCE = frozenset({SECRETARIAT, COUNCIL})
# Who reads the school yearly figures: the secretariat and council all, a school its own.
SCHOOL_FIGURES_READERS = frozenset({SECRETARIAT, COUNCIL, SCHOOL_COORDINATOR})
SCHOOL_FIGURES_WRITERS = frozenset({SECRETARIAT, SCHOOL_COORDINATOR})
# Roles the secretariat creates accounts for, with the organisation kinds each may act for
# (None: any kind — council members sit for any member body).
MANAGED_ACCOUNT_ROLES = {
    ENTERPRISE_HR: (OrganizationKind.ENTERPRISE,),
    SCHOOL_COORDINATOR: (OrganizationKind.SCHOOL,),
    COUNCIL: None,
}


def audience_of(spec: Iterable[str] | str) -> str | frozenset[str]:
    if spec in (PUBLIC, AUTHENTICATED):
        return spec
    roles = frozenset([spec] if isinstance(spec, str) else spec)
    unknown = roles - ALL_ROLES
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    return roles


def has_access(user, audience: str | frozenset[str]) -> bool:
    if audience == PUBLIC:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if audience == AUTHENTICATED:
        return True
    return user.role in audience


def allow(*roles: str):
    """Declare who may open a view: ``PUBLIC``, ``AUTHENTICATED`` or roles.

    Anonymous users are sent to the login page, logged-in users of another role get 403.
    Works on function views and on class-based views (decorate the class). The audience is
    kept on the view as ``access`` so that the URL sweep can check every route is classified.
    """
    audience = audience_of(roles[0] if len(roles) == 1 else roles)

    def check(request) -> object | None:
        if has_access(request.user, audience):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied

    def decorate(view):
        if isinstance(view, type):
            original = view.dispatch

            @wraps(original)
            def dispatch(self, request, *args, **kwargs):
                return check(request) or original(self, request, *args, **kwargs)

            view.dispatch = dispatch
            view.access = audience
            return view

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            return check(request) or view(request, *args, **kwargs)

        wrapped.access = audience
        return wrapped

    return decorate


def view_access(callback: Callable) -> str | frozenset[str] | None:
    """The audience declared on a resolved URL callback, or None when unclassified."""
    access = getattr(callback, "access", None)
    if access is None and hasattr(callback, "view_class"):
        access = getattr(callback.view_class, "access", None)
    return access


def is_secretariat(user) -> bool:
    return user.is_authenticated and user.role == SECRETARIAT


def sees_personal_data(user) -> bool:
    """Only the secretariat sees ID numbers, phones and wages unmasked."""
    return is_secretariat(user)


def acting_organization(user) -> Organization | None:
    """The organisation an HR or school account acts for (None for secretariat and council)."""
    if user.is_authenticated and user.role in (ENTERPRISE_HR, SCHOOL_COORDINATOR):
        return user.organization
    return None


def scope_by_organization(user, queryset: QuerySet, field: str) -> QuerySet:
    """Rows the user may change: all for the secretariat, own organisation's for HR and schools.

    ``field`` is the lookup from the queryset's model to the owning organisation
    (``"enterprise"``, ``"school"``, ``"teacher__school"`` ...). Council members change nothing.
    """
    if is_secretariat(user):
        return queryset
    org = acting_organization(user)
    if org is None:
        return queryset.none()
    # ``"pk"`` scopes the Organization table itself, which needs the id rather than the object.
    return queryset.filter(**{field: org.pk if field in ("pk", "id") else org})


def organizations_editable_by(user) -> QuerySet[Organization]:
    return scope_by_organization(user, Organization.objects.all(), "pk")


def can_edit_organization(user, organization: Organization) -> bool:
    return is_secretariat(user) or (
        user.is_authenticated
        and user.role in (ENTERPRISE_HR, SCHOOL_COORDINATOR)
        and user.organization_id == organization.pk
    )


def _role(user) -> str | None:
    return user.role if user.is_authenticated and user.is_active else None


def organizations_visible_to(user) -> QuerySet[Organization]:
    """Every role reads the register: who the members are is not personal data."""
    if _role(user) in ALL_ROLES:
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
    return _role(user) == SCHOOL_COORDINATOR


def can_add_photos(user, organization: Organization) -> bool:
    """Photos feed the culture corridor, which shows enterprises: the secretariat or the enterprise's HR."""
    return can_edit_organization(user, organization) and (
        is_secretariat(user) or _role(user) == ENTERPRISE_HR
    )


def organization_photos_visible_to(user) -> QuerySet[OrganizationPhoto]:
    return OrganizationPhoto.objects.filter(organization__in=organizations_visible_to(user))


def organization_photos_editable_by(user) -> QuerySet[OrganizationPhoto]:
    if _role(user) not in (SECRETARIAT, ENTERPRISE_HR):
        return OrganizationPhoto.objects.none()
    return scope_by_organization(user, OrganizationPhoto.objects.all(), "organization")


def school_figures_visible_to(user) -> QuerySet[SchoolYearFigures]:
    role = _role(user)
    qs = SchoolYearFigures.objects.all()
    if role in (SECRETARIAT, COUNCIL):
        return qs
    if role == SCHOOL_COORDINATOR:
        return qs.filter(school=user.organization)
    return qs.none()


def school_figures_editable_by(user) -> QuerySet[SchoolYearFigures]:
    if _role(user) not in SCHOOL_FIGURES_WRITERS:
        return SchoolYearFigures.objects.none()
    return scope_by_organization(user, SchoolYearFigures.objects.all(), "school")


def can_create_school_figures(user) -> bool:
    return _role(user) in SCHOOL_FIGURES_WRITERS


def schools_for_figures(user) -> QuerySet[Organization]:
    """Schools the user may enter figures for."""
    if _role(user) not in SCHOOL_FIGURES_WRITERS:
        return Organization.objects.none()
    return scope_by_organization(user, Organization.objects.schools(), "pk")


def reads_governance(user) -> bool:
    return _role(user) in GOVERNANCE


def can_manage_council(user) -> bool:
    return is_secretariat(user)


def council_meetings_visible_to(user) -> QuerySet[CouncilMeeting]:
    if reads_governance(user):
        return CouncilMeeting.objects.all()
    return CouncilMeeting.objects.none()


def corridor_schools_for(user) -> QuerySet[Organization]:
    """A coordinator opens its own school's corridor; other roles any school's."""
    role = _role(user)
    if role == SCHOOL_COORDINATOR:
        return Organization.objects.schools().filter(pk=user.organization_id)
    if role in ALL_ROLES:
        return Organization.objects.schools()
    return Organization.objects.none()


def accounts_manageable_by(user) -> QuerySet[User]:
    """Accounts the secretariat manages: everyone but superusers (maintained in /admin/)."""
    if not is_secretariat(user):
        return User.objects.none()
    return User.objects.filter(is_superuser=False)
