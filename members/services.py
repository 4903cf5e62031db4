"""Writes of the members app: organisations, council records and accounts.

Keyword-only, typed, atomic; every object is validated with ``full_clean`` before it is saved,
so forms, imports and the demo seed enforce the same rules.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    CouncilMeeting,
    Organization,
    OrganizationPhoto,
    OrganizationStatus,
    Resolution,
    ResolutionStatus,
    Role,
    User,
)
from .permissions import MANAGED_ACCOUNT_ROLES

# No 0/O, 1/l/I: the temporary password is read off the screen and typed by someone else.
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@transaction.atomic
def organization_save(*, organization: Organization) -> Organization:
    """Create or update an organisation (already filled from a form or an import row)."""
    organization.full_clean()
    organization.save()
    return organization


@transaction.atomic
def organization_withdraw(*, organization: Organization, left_on: dt.date) -> Organization:
    """Record that a member left the alliance on ``left_on``; its records stay (never deleted)."""
    if organization.status == OrganizationStatus.WITHDRAWN:
        raise ValidationError(_("This organisation has already withdrawn from the alliance."))
    organization.status = OrganizationStatus.WITHDRAWN
    organization.left_on = left_on
    organization.full_clean()
    organization._change_reason = _("Withdrawn from the alliance")
    organization.save()
    return organization


@transaction.atomic
def organization_rejoin(*, organization: Organization) -> Organization:
    """Undo a withdrawal (e.g. recorded by mistake): the member is active again."""
    organization.status = OrganizationStatus.ACTIVE
    organization.left_on = None
    organization.full_clean()
    organization.save()
    return organization


@transaction.atomic
def organization_photo_add(
    *, organization: Organization, image, caption: str = ""
) -> OrganizationPhoto:
    photo = OrganizationPhoto(organization=organization, image=image, caption=caption)
    photo.full_clean()
    photo.save()
    return photo


@transaction.atomic
def organization_photo_delete(*, photo: OrganizationPhoto) -> None:
    storage, name = photo.image.storage, photo.image.name
    photo.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def resolution_mark_done(*, resolution: Resolution, done_on: dt.date | None = None) -> Resolution:
    resolution.status = ResolutionStatus.DONE
    resolution.done_on = done_on or timezone.localdate()
    resolution.full_clean()
    resolution.save()
    return resolution


@transaction.atomic
def council_meeting_save(*, meeting: CouncilMeeting, attendees=None) -> CouncilMeeting:
    meeting.full_clean()
    meeting.save()
    if attendees is not None:
        meeting.attendees.set(attendees)
    return meeting


# --- accounts -----------------------------------------------------------------------------------


def temporary_password(length: int = 12) -> str:
    """A random password that satisfies the validators (letters and digits, not all numeric)."""
    while True:
        password = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))
        if any(c.isdigit() for c in password) and any(c.isalpha() for c in password):
            return password


def _check_role_organization(role: str, organization: Organization | None) -> None:
    if role not in MANAGED_ACCOUNT_ROLES:
        raise ValidationError(
            {
                "role": _(
                    "The secretariat creates accounts for HR, school coordinators and council members only."
                )
            }
        )
    if organization is None:
        raise ValidationError({"organization": _("Choose the organisation this account acts for.")})
    kinds = MANAGED_ACCOUNT_ROLES[role]
    if kinds is not None and organization.kind not in kinds:
        raise ValidationError(
            {
                "organization": _(
                    "An account of this role must act for an organisation of kind “%(kind)s”."
                )
                % {"kind": "、".join(str(k.label) for k in kinds)}
            }
        )


@transaction.atomic
def account_create(
    *,
    username: str,
    full_name: str,
    role: str,
    organization: Organization,
    phone: str = "",
    email: str = "",
    password: str | None = None,
) -> tuple[User, str]:
    """Create an HR, coordinator or council account bound to ``organization``.

    Returns the account and its password: the one given, or a generated temporary password that
    the caller shows once (it is stored hashed only).
    """
    _check_role_organization(role, organization)
    user = User(
        username=username,
        first_name=full_name,
        role=role,
        organization=organization,
        phone=phone,
        email=email,
    )
    password = password or temporary_password()
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user, password


@transaction.atomic
def account_update(
    *,
    user: User,
    full_name: str,
    role: str,
    organization: Organization,
    phone: str = "",
    email: str = "",
) -> User:
    _check_role_organization(role, organization)
    user.first_name, user.role, user.organization, user.phone, user.email = (
        full_name,
        role,
        organization,
        phone,
        email,
    )
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def account_set_active(*, user: User, active: bool) -> User:
    """Deactivate (or reactivate) an account; it is kept, with its history."""
    if (
        user.role == Role.SECRETARIAT
        and not active
        and not User.objects.filter(role=Role.SECRETARIAT, is_active=True)
        .exclude(pk=user.pk)
        .exists()
    ):
        raise ValidationError(_("The last active secretariat account cannot be deactivated."))
    user.is_active = active
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def account_reset_password(*, user: User, password: str | None = None) -> str:
    """Give the account a new password (the one given, or a temporary one) and return it."""
    password = password or temporary_password()
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    return password


@transaction.atomic
def secretariat_create(
    *, username: str, password: str, full_name: str = "", email: str = ""
) -> User:
    """The first secretariat account of a new deployment (``manage.py create_secretariat``).

    Refused once a secretariat account exists: further accounts are made on the accounts page,
    and a lost password is reset there or with ``manage.py changepassword``.
    """
    if User.objects.filter(role=Role.SECRETARIAT).exists():
        raise ValidationError(
            _("A secretariat account exists already: add more on the accounts page.")
        )
    user = User(username=username, first_name=full_name, email=email, role=Role.SECRETARIAT)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
