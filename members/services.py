"""Writes of the members app: organisations, council records and accounts.

Keyword-only, typed, atomic; every object is validated with ``full_clean`` before it is saved,
so forms, imports and the demo seed enforce the same rules.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance import audit
from alliance.models import AuditKind
from alliance.passwords import temporary_password

from .models import (
    OPEN_TASK_STATUSES,
    CouncilMeeting,
    DocumentStatus,
    ExpertConsultation,
    ModelCase,
    ModelCaseStatus,
    Organization,
    OrganizationPhoto,
    OrganizationStatus,
    PolicyDocument,
    Resolution,
    ResolutionStatus,
    Role,
    TaskStatus,
    User,
    WorkPlan,
    WorkTask,
)
from .permissions import MANAGED_ACCOUNT_ROLES, decides_model_cases


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
    # A resolution carried out is its work-plan task done: the plan and the council agree.
    task = WorkTask.objects.filter(resolution=resolution, status__in=OPEN_TASK_STATUSES).first()
    if task is not None:
        task.status, task.done_on = TaskStatus.DONE, resolution.done_on
        task.full_clean()
        task.save()
    return resolution


@transaction.atomic
def council_meeting_save(*, meeting: CouncilMeeting, attendees=None) -> CouncilMeeting:
    meeting.full_clean()
    meeting.save()
    if attendees is not None:
        meeting.attendees.set(attendees)
    return meeting


# --- governance: rules, expert advice, the work plan ---------------------------------------------


@transaction.atomic
def policy_document_save(*, document: PolicyDocument) -> PolicyDocument:
    """Save a rule or document; a new version marks the version it replaces as replaced.

    The earlier version is kept (never overwritten), ending the day the new one takes effect, so
    the register answers "which charter was in force on that day".
    """
    document.full_clean()
    document.save()
    earlier = document.replaces
    if earlier is not None and earlier.status == DocumentStatus.IN_FORCE:
        earlier.status = DocumentStatus.REPLACED
        earlier.ended_on = max(document.effective_on, earlier.effective_on)
        earlier.full_clean()
        earlier.save()
    return document


@transaction.atomic
def consultation_save(*, consultation: ExpertConsultation, experts) -> ExpertConsultation:
    if not experts:
        raise ValidationError({"experts": _("Name at least one expert of the committee.")})
    consultation.full_clean()
    consultation.save()
    consultation.experts.set(experts)
    return consultation


def _plan_for(year: int) -> WorkPlan:
    plan = WorkPlan.objects.filter(year=year).first()
    if plan is None:
        plan = WorkPlan(year=year, title=_("%(year)s work plan of the alliance") % {"year": year})
        plan.full_clean()
        plan.save()
    return plan


@transaction.atomic
def resolution_to_task(*, resolution: Resolution) -> WorkTask:
    """Make a council resolution a task of the work plan of the year it is due (once).

    The plan of that year is created when there is none yet. Owner, deadline and status follow
    the resolution; asking twice returns the task made the first time.
    """
    existing = WorkTask.objects.filter(resolution=resolution).first()
    if existing is not None:
        return existing
    done = resolution.status == ResolutionStatus.DONE
    task = WorkTask(
        plan=_plan_for(resolution.due_on.year),
        title=resolution.text[:200],
        owner=resolution.owner,
        measures=resolution.text,
        deadline=resolution.due_on,
        status=TaskStatus.DONE if done else TaskStatus.NOT_STARTED,
        done_on=resolution.done_on if done else None,
        resolution=resolution,
    )
    task.full_clean()
    task.save()
    return task


# --- accounts -----------------------------------------------------------------------------------


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
    by: User | None = None,
) -> tuple[User, str]:
    """Create an HR, coordinator or council account bound to ``organization``.

    Returns the account and its password: the one given, or a generated temporary password that
    the caller shows once (it is stored hashed only). Either way the secretariat knows it, so
    the owner must change it at the first log-in.
    """
    _check_role_organization(role, organization)
    user = User(
        username=username,
        first_name=full_name,
        role=role,
        organization=organization,
        phone=phone,
        email=email,
        must_change_password=True,
    )
    password = password or temporary_password()
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    audit.record(
        AuditKind.ACCOUNT_CREATE,
        user=by,
        target=user.username,
        detail={"role": role, "organization": organization.name},
    )
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
    by: User | None = None,
) -> User:
    _check_role_organization(role, organization)
    before = _account_fields(user)
    user.first_name, user.role, user.organization, user.phone, user.email = (
        full_name,
        role,
        organization,
        phone,
        email,
    )
    user.full_clean()
    user.save()
    after = _account_fields(user)
    changes = {name: [before[name], after[name]] for name in after if before[name] != after[name]}
    if changes:
        audit.record(AuditKind.ACCOUNT_UPDATE, user=by, target=user.username, detail=changes)
    return user


def _account_fields(user: User) -> dict[str, str]:
    # Phone numbers are personal data: the trail says that one changed, not what to.
    return {
        "full_name": user.first_name,
        "role": user.role,
        "organization": user.organization.name if user.organization_id else "",
        "phone": "***" if user.phone else "",
        "email": user.email,
    }


@transaction.atomic
def account_set_active(*, user: User, active: bool, by: User | None = None) -> User:
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
    audit.record(AuditKind.ACCOUNT_ACTIVE, user=by, target=user.username, detail={"active": active})
    return user


@transaction.atomic
def account_reset_password(
    *, user: User, password: str | None = None, by: User | None = None
) -> str:
    """Give the account a new password (the one given, or a temporary one) and return it.

    The owner must change it at the next log-in: the secretariat has seen it.
    """
    password = password or temporary_password()
    validate_password(password, user)
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    audit.record(AuditKind.PASSWORD_RESET, user=by, target=user.username)
    return password


@transaction.atomic
def account_change_password(*, user: User, password: str) -> User:
    """The owner's own new password (already validated by the form); ends a temporary one."""
    if user.check_password(password):
        raise ValidationError(_("The new password must differ from the current one."))
    user.set_password(password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    audit.record(AuditKind.PASSWORD_CHANGE, user=user, target=user.username)


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


@transaction.atomic
def model_case_save(*, case: ModelCase, by: User, partners=None) -> ModelCase:
    """Save a nomination or the office's decision on it.

    A member's own nomination is filed as nominated by that member and stays "nominated": only
    the office approves, publishes or puts a case in the annual report.
    """
    if not decides_model_cases(by):
        if case.pk is None:
            case.nominated_by = by.organization
        case.status = ModelCaseStatus.NOMINATED
        case.in_report = False
    case.full_clean()
    case.save()
    if partners is not None:
        case.partners.set(partners)
    return case
