"""Roles, audiences and "my organisation": the portal's access vocabulary, in one model-free module.

Every app states its policy in its own ``permissions.py`` on top of this module; nothing else
reads ``user.role``. A view declares who may open it with :func:`allow` and an audience below;
the audience is kept on the view (``view.access``) so that menus link only to pages their
reader may open and the URL sweep can check that every route is classified.

An audience is ``PUBLIC``, ``AUTHENTICATED`` or a frozenset of roles. Each set of roles has one
name here: two names for the same set is how policies drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    ENTERPRISE_HR = "enterprise_hr", _("Enterprise HR")
    SCHOOL_COORDINATOR = "school_coordinator", _("School coordinator")
    COUNCIL = "council", _("Council member")


PUBLIC = "public"
AUTHENTICATED = "authenticated"

SECRETARIAT = Role.SECRETARIAT.value
ENTERPRISE_HR = Role.ENTERPRISE_HR.value
SCHOOL_COORDINATOR = Role.SCHOOL_COORDINATOR.value
COUNCIL = Role.COUNCIL.value

Audience = str | frozenset[str]

# --- audiences: one name per set of roles ----------------------------------------------------------
#: every portal role: registers that hold no personal data (organisations, bases, order classes)
EVERYONE = frozenset(Role.values)
#: the secretariat alone: accounts, imports of other organisations' data, report runs
SECRETARIAT_ONLY = frozenset({SECRETARIAT})
#: those who keep records: the secretariat, enterprise HR and school coordinators
STAFF = frozenset({SECRETARIAT, ENTERPRISE_HR, SCHOOL_COORDINATOR})
#: a school's records (students, teachers, secondments, school figures)
SCHOOL_STAFF = frozenset({SECRETARIAT, SCHOOL_COORDINATOR})
#: an enterprise's records (bases, stations, craftsmen, apprentices, mentors)
ENTERPRISE_STAFF = frozenset({SECRETARIAT, ENTERPRISE_HR})
#: council records (seats, experts, meetings, resolutions): read by the council, kept by the office
GOVERNANCE = frozenset({SECRETARIAT, COUNCIL})
#: the school-level figures: the office and council all schools, a coordinator its own
SCHOOL_READERS = frozenset({SECRETARIAT, COUNCIL, SCHOOL_COORDINATOR})
#: the enterprise-level figures: the office and council all enterprises, HR its own
ENTERPRISE_READERS = frozenset({SECRETARIAT, COUNCIL, ENTERPRISE_HR})

#: roles that act for one organisation, and the organisation kind each acts for
ORGANIZATION_ROLES = {ENTERPRISE_HR: "enterprise", SCHOOL_COORDINATOR: "school"}


def audience_of(spec: Any) -> Audience:
    """``PUBLIC`` / ``AUTHENTICATED`` as they are; a role or roles as a frozenset (checked)."""
    if spec in (PUBLIC, AUTHENTICATED):
        return spec
    roles = frozenset([spec] if isinstance(spec, str) else spec)
    unknown = roles - EVERYONE
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    return roles


def role_of(user) -> str | None:
    """The role of an active, logged-in user (None for anonymous or inactive users)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return getattr(user, "role", None) or None


def has_access(user, audience: Audience) -> bool:
    logged_in = user is not None and user.is_authenticated and user.is_active
    return admits(audience, role_of(user), logged_in=logged_in)


def admits(audience: Audience, role: str | None, *, logged_in: bool) -> bool:
    """``has_access`` for a reader known only by role (the menus are built once per role)."""
    if audience == PUBLIC:
        return True
    if not logged_in:
        return False
    return audience == AUTHENTICATED or role in audience


def allow(*roles: Any):
    """Declare who may open a view: ``allow(PUBLIC)``, ``allow(AUTHENTICATED)``, ``allow(STAFF)``
    or ``allow(SECRETARIAT, COUNCIL)``.

    Anonymous users are sent to the login page, logged-in users of another role get 403. Works on
    function views and on class-based views (decorate the class).
    """
    if len(roles) == 1:
        audience = audience_of(roles[0])
    else:
        audience = audience_of(frozenset().union(*(audience_of(r) for r in roles)))

    def check(request) -> Any:
        if has_access(request.user, audience):
            return None
        if not request.user.is_authenticated:
            # Imported here: auth's views load the user model, which imports this module.
            from django.contrib.auth.views import redirect_to_login

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


def view_access(callback: Callable) -> Audience | None:
    """The audience declared on a resolved URL callback, or None when unclassified."""
    access = getattr(callback, "access", None)
    if access is None and hasattr(callback, "view_class"):
        access = getattr(callback.view_class, "access", None)
    return access


# --- who the user is ---------------------------------------------------------------------------------


def is_secretariat(user) -> bool:
    return role_of(user) == SECRETARIAT


def is_council(user) -> bool:
    return role_of(user) == COUNCIL


def is_enterprise_hr(user) -> bool:
    return role_of(user) == ENTERPRISE_HR


def is_school_coordinator(user) -> bool:
    return role_of(user) == SCHOOL_COORDINATOR


def sees_personal_data(user) -> bool:
    """Only the secretariat sees ID numbers, phones and wages unmasked."""
    return is_secretariat(user)


def acting_organization(user):
    """The organisation an HR or school account acts for (None for secretariat and council)."""
    if role_of(user) in ORGANIZATION_ROLES:
        return user.organization
    return None


def acting_organization_id(user) -> int | None:
    if role_of(user) in ORGANIZATION_ROLES:
        return user.organization_id
    return None


def acting_school_id(user) -> int | None:
    return user.organization_id if is_school_coordinator(user) else None


def acting_enterprise_id(user) -> int | None:
    return user.organization_id if is_enterprise_hr(user) else None


# --- scopes ------------------------------------------------------------------------------------------


def scope_to_organization(
    user, queryset: QuerySet, *fields: str, readers: frozenset[str] = frozenset()
) -> QuerySet:
    """Rows belonging to the user's organisation: every row for the secretariat (and for the
    roles in ``readers``), the rows whose ``fields`` lead to the user's own organisation for HR
    and school accounts, nothing for anyone else.

    ``fields`` are lookups from the queryset's model to the owning organisation (``"enterprise"``,
    ``"school"``, ``"teacher__school"``); a row matching any of them belongs to the user. ``"pk"``
    scopes the organisation table itself.
    """
    role = role_of(user)
    if role == SECRETARIAT or (role is not None and role in readers):
        return queryset
    org_id = acting_organization_id(user)
    if org_id is None or not fields:
        return queryset.none()
    condition = models.Q()
    for field in fields:
        condition |= models.Q(**{field: org_id})
    rows = queryset.filter(condition)
    # A path through a many-valued relation (a class's enterprises) repeats rows: keep each once.
    return rows.distinct() if _is_many_valued(queryset.model, fields) else rows


def _is_many_valued(model, paths: tuple[str, ...]) -> bool:
    for path in paths:
        current = model
        for name in path.split("__"):
            if name in ("pk", "id"):
                break
            field = current._meta.get_field(name)
            if field.many_to_many or field.one_to_many:
                return True
            current = field.related_model
    return False
