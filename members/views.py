"""Pages of the members app beyond its registers (``registers.py``): withdrawal, photos, the
culture corridor, the council page, resolutions and account management. Views are thin: scope
through ``permissions``, write through ``services``, read through ``selectors``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.access import (
    ENTERPRISE_HR,
    ENTERPRISE_STAFF,
    EVERYONE,
    GOVERNANCE,
    SCHOOL_COORDINATOR,
    SECRETARIAT,
    acting_organization,
    allow,
)
from alliance.redirects import next_or
from alliance.registers.views import confirm
from alliance.years import parse_year

from . import permissions as perms
from . import selectors, services
from .forms import (
    AccountForm,
    OrganizationPhotoForm,
    PasswordResetForm,
    ResolutionForm,
    WithdrawForm,
)
from .models import (
    CouncilMeeting,
    ExpertMember,
    Organization,
    OrganizationStatus,
    Resolution,
    User,
)
from .registers import ACCOUNTS, MEETINGS, ORGANIZATIONS, TASKS
from .sections import council_sections


def _posted(request):
    # An empty POST is still a submission (e.g. "reset password" with no password typed).
    return request.POST if request.method == "POST" else None


def _files(request):
    return request.FILES if request.method == "POST" else None


def _form_page(request, form, *, title: str, cancel_url: str, intro: str = "", submit: str = ""):
    return render(
        request,
        "members/form.html",
        {
            "form": form,
            "title": title,
            "cancel_url": cancel_url,
            "intro": intro,
            "submit": submit or _("Save"),
        },
    )


# --- organisations ------------------------------------------------------------------------------


@allow(ENTERPRISE_HR, SCHOOL_COORDINATOR)
def my_organization(request):
    """The menu's “my organisation” link: the page of the organisation the account acts for."""
    organization = acting_organization(request.user)
    if organization is None:
        raise Http404
    return redirect("members:organization_detail", pk=organization.pk)


@allow(SECRETARIAT)
def organization_withdraw(request, pk: int):
    organization = get_object_or_404(Organization.objects.active(), pk=pk)
    form = WithdrawForm(_posted(request))

    def perform():
        services.organization_withdraw(
            organization=organization, left_on=form.cleaned_data["left_on"]
        )
        return _("%(name)s is recorded as withdrawn; its records are kept.") % {
            "name": organization
        }

    return confirm(
        request,
        question=_("Withdraw %(name)s from the alliance?") % {"name": organization},
        detail=_(
            "The member is not deleted: its records stay and it counts as a member until this date."
        ),
        form=form,
        perform=perform,
        button=_("Record the withdrawal"),
        cancel_url=ORGANIZATIONS.detail_url(organization),
        done_url=ORGANIZATIONS.detail_url(organization),
    )


@allow(SECRETARIAT)
def organization_rejoin(request, pk: int):
    """Undo a withdrawal recorded by mistake: the member is active again."""
    organization = get_object_or_404(
        Organization.objects.filter(status=OrganizationStatus.WITHDRAWN), pk=pk
    )

    def perform():
        services.organization_rejoin(organization=organization)
        return _("%(name)s is an active member again.") % {"name": organization}

    return confirm(
        request,
        question=_("Undo the withdrawal of %(name)s?") % {"name": organization},
        detail=_("The member becomes active again and its withdrawal date is cleared."),
        perform=perform,
        button=_("Undo the withdrawal"),
        danger=False,
        cancel_url=ORGANIZATIONS.detail_url(organization),
        done_url=ORGANIZATIONS.detail_url(organization),
    )


@allow(ENTERPRISE_STAFF)
def organization_photo_add(request, pk: int):
    organization = get_object_or_404(perms.organizations_editable_by(request.user), pk=pk)
    form = OrganizationPhotoForm(_posted(request), _files(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        services.organization_photo_add(
            organization=organization,
            image=form.cleaned_data["image"],
            caption=form.cleaned_data["caption"],
        )
        messages.success(request, _("Photo added."))
        return redirect("members:organization_detail", pk=organization.pk)
    return _form_page(
        request,
        form,
        title=_("Add a photo of %(name)s") % {"name": organization},
        intro=_("JPEG or PNG, at most 2 MB. Photos appear in the schools' culture corridor."),
        cancel_url=ORGANIZATIONS.detail_url(organization),
    )


@allow(ENTERPRISE_STAFF)
def organization_photo_delete(request, pk: int):
    photo = get_object_or_404(
        perms.organization_photos_editable_by(request.user).select_related("organization"), pk=pk
    )
    organization_url = ORGANIZATIONS.detail_url(photo.organization)

    def perform():
        services.organization_photo_delete(photo=photo)
        return _("Photo removed.")

    return confirm(
        request,
        question=_("Remove this photo of %(name)s?") % {"name": photo.organization},
        detail=photo.caption,
        perform=perform,
        button=_("Remove"),
        cancel_url=organization_url,
        done_url=organization_url,
    )


# --- culture corridor ---------------------------------------------------------------------------


@allow(EVERYONE)
def corridor_index(request):
    schools = list(perms.corridor_schools_for(request.user).order_by("name"))
    if len(schools) == 1:
        return redirect("members:corridor", pk=schools[0].pk)
    return render(request, "members/corridor_index.html", {"schools": schools})


CORRIDOR_PER_PAGE = 20


@allow(EVERYONE)
def corridor(request, pk: int):
    school = get_object_or_404(perms.corridor_schools_for(request.user), pk=pk)
    # A page at a time: a city alliance has hundreds of enterprises, each with its photos.
    page = Paginator(selectors.corridor_enterprises(), CORRIDOR_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "members/corridor.html",
        {"school": school, "enterprises": page.object_list, "page_obj": page},
    )


@allow(EVERYONE)
def corridor_check(request):
    """Linqu §(四)9 in practice: enterprises whose profile the corridors cannot show in full,
    and the schools with and without their corridor."""
    return render(request, "members/corridor_check.html", {"check": selectors.corridor_check()})


# --- council ------------------------------------------------------------------------------------


@allow(GOVERNANCE)
def council(request):
    today = timezone.localdate()
    # ?year= looks back at a past year (drill-down from the dashboards); by default the year the
    # dashboards open on, so that the meeting check agrees with them.
    year = parse_year(request, default=selectors.default_year)
    context = {
        "year": year,
        "previous_year": year - 1,
        "next_year": year + 1 if year < today.year else None,
        "seats": list(selectors.current_council_seats()),
        "meetings": list(selectors.meetings_in(year)),
        "sections": council_sections(year, request.user),
        "overdue": list(selectors.overdue_resolutions(today)),
        "experts_count": ExpertMember.objects.count(),
        "can_manage": perms.can_manage_council(request.user),
    }
    return render(request, "members/council.html", context)


# --- resolutions: the child records of a council meeting ---------------------------------------


def _resolution_form(request, resolution: Resolution, *, title: str):
    form = ResolutionForm(_posted(request), instance=resolution, user=request.user)
    meeting_url = MEETINGS.detail_url(resolution.meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Resolution saved."))
        return redirect(meeting_url)
    return _form_page(request, form, title=title, cancel_url=meeting_url)


@allow(SECRETARIAT)
def resolution_create(request, pk: int):
    meeting = get_object_or_404(CouncilMeeting, pk=pk)
    return _resolution_form(
        request,
        Resolution(meeting=meeting),
        title=_("Add a resolution to %(meeting)s") % {"meeting": meeting},
    )


@allow(SECRETARIAT)
def resolution_edit(request, pk: int):
    resolution = get_object_or_404(Resolution.objects.select_related("meeting"), pk=pk)
    return _resolution_form(request, resolution, title=_("Edit resolution"))


@require_POST
@allow(SECRETARIAT)
def resolution_done(request, pk: int):
    resolution = get_object_or_404(Resolution.objects.select_related("meeting"), pk=pk)
    try:
        services.resolution_mark_done(resolution=resolution)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Resolution marked as done."))
    return HttpResponseRedirect(next_or(request, MEETINGS.detail_url(resolution.meeting)))


@require_POST
@allow(SECRETARIAT)
def resolution_to_task(request, pk: int):
    """Put a council resolution on the work plan of the year it is due (once)."""
    resolution = get_object_or_404(Resolution.objects.select_related("meeting", "owner"), pk=pk)
    try:
        task = services.resolution_to_task(resolution=resolution)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(MEETINGS.detail_url(resolution.meeting))
    messages.success(
        request, _("The resolution is a task of the %(year)s work plan.") % {"year": task.plan.year}
    )
    return redirect(TASKS.detail_url(task))


@allow(EVERYONE)
def task_overdue(request):
    """The supervision (督办) list: open tasks past their deadline, the longest overdue first.

    The office and the council see every one; an enterprise or a school the tasks it leads or
    helps carry.
    """
    today = timezone.localdate()
    tasks = selectors.overdue_tasks(perms.work_tasks_visible_to(request.user), today)
    return render(
        request,
        "members/task_overdue.html",
        {"tasks": tasks, "today": today, "can_manage": perms.can_manage_governance(request.user)},
    )


# --- accounts -----------------------------------------------------------------------------------


def _show_password(request, account: User, password: str):
    # Rendered once in the POST's response: the password is stored hashed only and never shown again.
    response = render(
        request, "members/account_password.html", {"account": account, "password": password}
    )
    response["Cache-Control"] = "no-store"
    return response


@allow(SECRETARIAT)
def account_create(request):
    form = AccountForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account, password = services.account_create(
                username=data["username"],
                full_name=data["full_name"],
                role=data["role"],
                organization=data["organization"],
                phone=data["phone"],
                email=data["email"],
                password=data["password"] or None,
                by=request.user,
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            if data["password"]:
                messages.success(
                    request, _("Account %(username)s created.") % {"username": account.username}
                )
                return redirect(ACCOUNTS.detail_url(account))
            return _show_password(request, account, password)
    return _form_page(request, form, title=_("Create an account"), cancel_url=ACCOUNTS.list_url())


@allow(SECRETARIAT)
def account_update(request, pk: int):
    account = get_object_or_404(perms.accounts_manageable_by(request.user), pk=pk)
    initial = {
        "username": account.username,
        "full_name": account.first_name,
        "role": account.role,
        "organization": account.organization,
        "phone": account.phone,
        "email": account.email,
    }
    form = AccountForm(_posted(request), initial=initial, editing=account)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.account_update(
                user=account,
                full_name=data["full_name"],
                role=data["role"],
                organization=data["organization"],
                phone=data["phone"],
                email=data["email"],
                by=request.user,
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(
                request, _("Account %(username)s saved.") % {"username": account.username}
            )
            return redirect(ACCOUNTS.detail_url(account))
    return _form_page(
        request,
        form,
        title=_("Edit account %(username)s") % {"username": account.username},
        cancel_url=ACCOUNTS.detail_url(account),
    )


@require_POST
@allow(SECRETARIAT)
def account_set_active(request, pk: int):
    account = get_object_or_404(perms.accounts_manageable_by(request.user), pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.account_set_active(user=account, active=active, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        text = (
            _("Account %(username)s reactivated.")
            if active
            else _("Account %(username)s deactivated.")
        )
        messages.success(request, text % {"username": account.username})
    return redirect(ACCOUNTS.detail_url(account))


@allow(SECRETARIAT)
def account_reset_password(request, pk: int):
    account = get_object_or_404(perms.accounts_manageable_by(request.user), pk=pk)
    form = PasswordResetForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            password = services.account_reset_password(
                user=account, password=form.cleaned_data["password"] or None, by=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("password", message)
        else:
            return _show_password(request, account, password)
    return _form_page(
        request,
        form,
        title=_("Reset the password of %(username)s") % {"username": account.username},
        cancel_url=ACCOUNTS.detail_url(account),
        submit=_("Reset password"),
    )
