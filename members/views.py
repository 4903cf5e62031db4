"""Pages of the members app: the organisation register, culture corridor, school figures,
council records and accounts. Views are thin: scope through ``permissions``, write through
``services``, read through ``selectors``."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.access import (
    ENTERPRISE_HR,
    EVERYONE,
    GOVERNANCE,
    SCHOOL_COORDINATOR,
    SCHOOL_READERS,
    SCHOOL_STAFF,
    SECRETARIAT,
    acting_organization,
    allow,
)
from alliance.history import history_rows
from alliance.registers import RegisterListView

from . import permissions as perms
from . import selectors, services
from .filters import (
    AccountFilter,
    CouncilMeetingFilter,
    OrganizationFilter,
    SchoolYearFiguresFilter,
    bootstrap_filter_form,
)
from .forms import (
    AccountForm,
    CouncilMeetingForm,
    CouncilSeatForm,
    ExpertMemberForm,
    OrganizationForm,
    OrganizationPhotoForm,
    OrganizationProfileForm,
    PasswordResetForm,
    ResolutionForm,
    SchoolYearFiguresForm,
    WithdrawForm,
)
from .models import (
    CouncilMeeting,
    CouncilSeat,
    ExpertMember,
    Organization,
    OrganizationStatus,
    Resolution,
    User,
)
from .sections import council_sections, sections_for


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


class MembersRegisterView(RegisterListView):
    """A members register list with Bootstrap-styled filters."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        bootstrap_filter_form(context["filter"].form)
        return context


# --- organisations ------------------------------------------------------------------------------


@allow(*EVERYONE)
class OrganizationListView(MembersRegisterView):
    filterset_class = OrganizationFilter
    template_name = "members/organization_list.html"

    def scoped_queryset(self):
        return perms.organizations_visible_to(self.request.user).order_by("kind", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_create"] = perms.can_create_organization(self.request.user)
        return context


organization_list = OrganizationListView.as_view()


@allow(*EVERYONE)
def organization_detail(request, pk: int):
    organization = get_object_or_404(perms.organizations_visible_to(request.user), pk=pk)
    user = request.user
    context = {
        "organization": organization,
        "sections": sections_for(organization, user),
        "photos": list(organization.photos.all()),
        "seats": list(organization.council_seats.order_by("term_start")),
        "experts": list(organization.experts.all()),
        "resolutions": list(
            organization.resolutions.select_related("meeting").order_by("-due_on")[:20]
        ),
        "figures": list(organization.year_figures.order_by("-year"))
        if organization.is_school
        else [],
        "accounts": list(organization.accounts.order_by("username"))
        if perms.is_secretariat(user)
        else [],
        "history": history_rows(organization),
        "can_edit": perms.can_edit_organization(user, organization),
        "edit_url": _edit_url(user, organization),
        "can_add_photos": perms.can_add_photos(user, organization),
        "can_withdraw": perms.can_withdraw_organization(user) and not organization.is_withdrawn,
        "can_rejoin": perms.can_withdraw_organization(user) and organization.is_withdrawn,
        "today": timezone.localdate(),
    }
    return render(request, "members/organization_detail.html", context)


@allow(ENTERPRISE_HR, SCHOOL_COORDINATOR)
def my_organization(request):
    """The menu's “my organisation” link: the page of the organisation the account acts for."""
    organization = acting_organization(request.user)
    if organization is None:
        raise Http404
    return redirect("members:organization_detail", pk=organization.pk)


def _edit_url(user, organization: Organization) -> str | None:
    if not perms.can_edit_organization(user, organization):
        return None
    name = "members:school_edit" if perms.edits_as_school(user) else "members:organization_edit"
    return reverse(name, args=[organization.pk])


@allow(SECRETARIAT)
def organization_create(request):
    form = OrganizationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        organization = services.organization_save(organization=form.save(commit=False))
        messages.success(request, _("Organisation “%(name)s” registered.") % {"name": organization})
        return redirect("members:organization_detail", pk=organization.pk)
    return _form_page(
        request,
        form,
        title=_("Register an organisation"),
        cancel_url=reverse("members:organization_list"),
    )


def _edit_organization(request, organizations, pk: int):
    # HR and coordinators reach only their own organisation: another one is a 404.
    organization = get_object_or_404(organizations, pk=pk)
    form_class = (
        OrganizationForm if perms.edits_registration(request.user) else OrganizationProfileForm
    )
    form = form_class(_posted(request), instance=organization)
    if request.method == "POST" and form.is_valid():
        services.organization_save(organization=form.save(commit=False))
        messages.success(request, _("Changes saved."))
        return redirect("members:organization_detail", pk=organization.pk)
    return _form_page(
        request,
        form,
        title=_("Edit %(name)s") % {"name": organization},
        cancel_url=reverse("members:organization_detail", args=[organization.pk]),
    )


@allow(SECRETARIAT, ENTERPRISE_HR)
def organization_edit(request, pk: int):
    """Any organisation for the secretariat; an HR manager's own enterprise."""
    return _edit_organization(request, perms.organizations_editable_by(request.user), pk)


@allow(SECRETARIAT, SCHOOL_COORDINATOR)
def school_edit(request, pk: int):
    """A school's profile: the secretariat's or the school's own coordinator's page."""
    return _edit_organization(request, perms.organizations_editable_by(request.user).schools(), pk)


@allow(SECRETARIAT)
def organization_withdraw(request, pk: int):
    organization = get_object_or_404(Organization.objects.active(), pk=pk)
    form = WithdrawForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_withdraw(
                organization=organization, left_on=form.cleaned_data["left_on"]
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("left_on", message)
        else:
            messages.success(
                request,
                _("%(name)s is recorded as withdrawn; its records are kept.")
                % {"name": organization},
            )
            return redirect("members:organization_detail", pk=organization.pk)
    return _form_page(
        request,
        form,
        title=_("Withdraw %(name)s from the alliance") % {"name": organization},
        intro=_(
            "The member is not deleted: its records stay and it counts as a member until this date."
        ),
        cancel_url=reverse("members:organization_detail", args=[organization.pk]),
        submit=_("Record the withdrawal"),
    )


@require_POST
@allow(SECRETARIAT)
def organization_rejoin(request, pk: int):
    """Undo a withdrawal recorded by mistake: the member is active again."""
    organization = get_object_or_404(
        Organization.objects.filter(status=OrganizationStatus.WITHDRAWN), pk=pk
    )
    services.organization_rejoin(organization=organization)
    messages.success(request, _("%(name)s is an active member again.") % {"name": organization})
    return redirect("members:organization_detail", pk=organization.pk)


@allow(SECRETARIAT, ENTERPRISE_HR)
def organization_photo_add(request, pk: int):
    organization = get_object_or_404(perms.organizations_editable_by(request.user), pk=pk)
    form = OrganizationPhotoForm(_posted(request), _files(request))
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
        cancel_url=reverse("members:organization_detail", args=[organization.pk]),
    )


@allow(*EVERYONE)
def organization_photo(request, pk: int):
    photo = get_object_or_404(perms.organization_photos_visible_to(request.user), pk=pk)
    # Only the two image types the upload check accepts are served inline; anything else downloads.
    content_type = mimetypes.guess_type(photo.image.name)[0]
    if content_type not in ("image/png", "image/jpeg"):
        content_type = "application/octet-stream"
    try:
        handle = photo.image.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_POST
@allow(SECRETARIAT, ENTERPRISE_HR)
def organization_photo_delete(request, pk: int):
    photo = get_object_or_404(perms.organization_photos_editable_by(request.user), pk=pk)
    organization_pk = photo.organization_id
    services.organization_photo_delete(photo=photo)
    messages.success(request, _("Photo removed."))
    return redirect("members:organization_detail", pk=organization_pk)


# --- culture corridor ---------------------------------------------------------------------------


@allow(*EVERYONE)
def corridor_index(request):
    schools = list(perms.corridor_schools_for(request.user).order_by("name"))
    if len(schools) == 1:
        return redirect("members:corridor", pk=schools[0].pk)
    return render(request, "members/corridor_index.html", {"schools": schools})


@allow(*EVERYONE)
def corridor(request, pk: int):
    school = get_object_or_404(perms.corridor_schools_for(request.user), pk=pk)
    enterprises = list(selectors.corridor_enterprises())
    return render(request, "members/corridor.html", {"school": school, "enterprises": enterprises})


# --- school yearly figures ----------------------------------------------------------------------


@allow(*SCHOOL_READERS)
class SchoolFiguresListView(MembersRegisterView):
    filterset_class = SchoolYearFiguresFilter
    template_name = "members/school_figures_list.html"

    def scoped_queryset(self):
        return (
            perms.school_figures_visible_to(self.request.user)
            .select_related("school")
            .order_by("-year", "school__name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["can_create"] = perms.can_create_school_figures(user)
        context["editable_ids"] = set(
            perms.school_figures_editable_by(user).values_list("pk", flat=True)
        )
        return context


school_figures_list = SchoolFiguresListView.as_view()


@allow(*SCHOOL_STAFF)
def school_figures_create(request):
    form = SchoolYearFiguresForm(_posted(request), schools=perms.schools_for_figures(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Figures saved."))
        return redirect("members:school_figures_list")
    return _form_page(
        request,
        form,
        title=_("Enter school yearly figures"),
        cancel_url=reverse("members:school_figures_list"),
    )


@allow(*SCHOOL_STAFF)
def school_figures_edit(request, pk: int):
    figures = get_object_or_404(perms.school_figures_editable_by(request.user), pk=pk)
    form = SchoolYearFiguresForm(
        _posted(request), instance=figures, schools=perms.schools_for_figures(request.user)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Figures saved."))
        return redirect("members:school_figures_list")
    return _form_page(
        request,
        form,
        title=_("Edit figures of %(school)s, %(year)s")
        % {"school": figures.school, "year": figures.year},
        cancel_url=reverse("members:school_figures_list"),
    )


# --- council ------------------------------------------------------------------------------------


@allow(*GOVERNANCE)
def council(request):
    today = timezone.localdate()
    # ?year= looks back at a past year (drill-down from the dashboards); by default the year the
    # dashboards open on, so that the meeting check agrees with them.
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else selectors.default_year()
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


@allow(SECRETARIAT)
def seat_create(request):
    form = CouncilSeatForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Council seat saved."))
        return redirect("members:council")
    return _form_page(
        request, form, title=_("Add a council seat"), cancel_url=reverse("members:council")
    )


@allow(SECRETARIAT)
def seat_edit(request, pk: int):
    seat = get_object_or_404(CouncilSeat, pk=pk)
    form = CouncilSeatForm(_posted(request), instance=seat)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Council seat saved."))
        return redirect("members:council")
    return _form_page(
        request,
        form,
        title=_("Edit council seat of %(person)s") % {"person": seat.person},
        cancel_url=reverse("members:council"),
    )


@allow(*GOVERNANCE)
def expert_list(request):
    context = {
        "experts": list(selectors.expert_committee()),
        "can_manage": perms.can_manage_council(request.user),
    }
    return render(request, "members/expert_list.html", context)


@allow(SECRETARIAT)
def expert_create(request):
    form = ExpertMemberForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Expert committee member saved."))
        return redirect("members:expert_list")
    return _form_page(
        request,
        form,
        title=_("Add an expert committee member"),
        cancel_url=reverse("members:expert_list"),
    )


@allow(SECRETARIAT)
def expert_edit(request, pk: int):
    expert = get_object_or_404(ExpertMember, pk=pk)
    form = ExpertMemberForm(_posted(request), instance=expert)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Expert committee member saved."))
        return redirect("members:expert_list")
    return _form_page(
        request,
        form,
        title=_("Edit %(person)s") % {"person": expert.person},
        cancel_url=reverse("members:expert_list"),
    )


@allow(*GOVERNANCE)
class MeetingListView(MembersRegisterView):
    filterset_class = CouncilMeetingFilter
    template_name = "members/meeting_list.html"

    def scoped_queryset(self):
        return (
            perms.council_meetings_visible_to(self.request.user)
            .annotate(
                seats_attending=Count("attendees", distinct=True),
                resolutions_total=Count("resolutions", distinct=True),
                resolutions_open=Count(
                    "resolutions", filter=Q(resolutions__status="open"), distinct=True
                ),
            )
            .order_by("-date", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = perms.can_manage_council(self.request.user)
        return context


meeting_list = MeetingListView.as_view()


@allow(*GOVERNANCE)
def meeting_detail(request, pk: int):
    meeting = get_object_or_404(perms.council_meetings_visible_to(request.user), pk=pk)
    context = {
        "meeting": meeting,
        "attendees": list(meeting.attendees.select_related("organization")),
        "resolutions": list(meeting.resolutions.select_related("owner")),
        "history": history_rows(meeting),
        "can_manage": perms.can_manage_council(request.user),
        "today": timezone.localdate(),
    }
    return render(request, "members/meeting_detail.html", context)


def _meeting_form(request, meeting: CouncilMeeting | None):
    form = CouncilMeetingForm(_posted(request), _files(request), instance=meeting)
    if request.method == "POST" and form.is_valid():
        saved = services.council_meeting_save(
            meeting=form.save(commit=False), attendees=form.cleaned_data["attendees"]
        )
        messages.success(request, _("Council meeting saved."))
        return redirect("members:meeting_detail", pk=saved.pk)
    cancel = (
        reverse("members:meeting_detail", args=[meeting.pk])
        if meeting
        else reverse("members:meeting_list")
    )
    title = _("Edit council meeting") if meeting else _("Record a council meeting")
    return _form_page(request, form, title=title, cancel_url=cancel)


@allow(SECRETARIAT)
def meeting_create(request):
    return _meeting_form(request, None)


@allow(SECRETARIAT)
def meeting_edit(request, pk: int):
    return _meeting_form(request, get_object_or_404(CouncilMeeting, pk=pk))


@allow(*GOVERNANCE)
def meeting_minutes(request, pk: int):
    meeting = get_object_or_404(perms.council_meetings_visible_to(request.user), pk=pk)
    if not meeting.minutes:
        raise Http404
    try:
        handle = meeting.minutes.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    content_type = mimetypes.guess_type(meeting.minutes.name)[0] or "application/octet-stream"
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=True,
        filename=meeting.minutes.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@allow(SECRETARIAT)
def resolution_create(request, pk: int):
    meeting = get_object_or_404(CouncilMeeting, pk=pk)
    form = ResolutionForm(_posted(request), instance=Resolution(meeting=meeting))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Resolution saved."))
        return redirect("members:meeting_detail", pk=meeting.pk)
    return _form_page(
        request,
        form,
        title=_("Add a resolution to %(meeting)s") % {"meeting": meeting},
        cancel_url=reverse("members:meeting_detail", args=[meeting.pk]),
    )


@allow(SECRETARIAT)
def resolution_edit(request, pk: int):
    resolution = get_object_or_404(Resolution.objects.select_related("meeting"), pk=pk)
    form = ResolutionForm(_posted(request), instance=resolution)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Resolution saved."))
        return redirect("members:meeting_detail", pk=resolution.meeting_id)
    return _form_page(
        request,
        form,
        title=_("Edit resolution"),
        cancel_url=reverse("members:meeting_detail", args=[resolution.meeting_id]),
    )


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
    return HttpResponseRedirect(
        request.POST.get("next") or reverse("members:meeting_detail", args=[resolution.meeting_id])
    )


# --- accounts -----------------------------------------------------------------------------------


@allow(SECRETARIAT)
class AccountListView(MembersRegisterView):
    filterset_class = AccountFilter
    template_name = "members/account_list.html"

    def scoped_queryset(self):
        return (
            perms.accounts_manageable_by(self.request.user)
            .select_related("organization")
            .order_by("role", "username")
        )


account_list = AccountListView.as_view()


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
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            if data["password"]:
                messages.success(
                    request, _("Account %(username)s created.") % {"username": account.username}
                )
                return redirect("members:account_list")
            return _show_password(request, account, password)
    return _form_page(
        request, form, title=_("Create an account"), cancel_url=reverse("members:account_list")
    )


@allow(SECRETARIAT)
def account_edit(request, pk: int):
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
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(
                request, _("Account %(username)s saved.") % {"username": account.username}
            )
            return redirect("members:account_list")
    return _form_page(
        request,
        form,
        title=_("Edit account %(username)s") % {"username": account.username},
        cancel_url=reverse("members:account_list"),
    )


@require_POST
@allow(SECRETARIAT)
def account_set_active(request, pk: int):
    account = get_object_or_404(perms.accounts_manageable_by(request.user), pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.account_set_active(user=account, active=active)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        text = (
            _("Account %(username)s reactivated.")
            if active
            else _("Account %(username)s deactivated.")
        )
        messages.success(request, text % {"username": account.username})
    return redirect("members:account_list")


@allow(SECRETARIAT)
def account_reset_password(request, pk: int):
    account = get_object_or_404(perms.accounts_manageable_by(request.user), pk=pk)
    form = PasswordResetForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            password = services.account_reset_password(
                user=account, password=form.cleaned_data["password"] or None
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
        cancel_url=reverse("members:account_list"),
        submit=_("Reset password"),
    )
