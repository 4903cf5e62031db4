"""The members registers, each declared once for the register framework (alliance.registers)."""

from __future__ import annotations

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from alliance.access import (
    ENTERPRISE_STAFF,
    EVERYONE,
    GOVERNANCE,
    SCHOOL_READERS,
    SCHOOL_STAFF,
    SECRETARIAT_ONLY,
)
from alliance.masking import mask_phone
from alliance.registers import Register, RegisterTable, row_count

from . import filters, forms, permissions, services
from .models import (
    CouncilMeeting,
    CouncilSeat,
    ExpertMember,
    Organization,
    ResolutionStatus,
    SchoolYearFigures,
    User,
)
from .sections import sections_for

NUMBER = {"td": {"class": "text-end"}, "th": {"class": "text-end"}}


# --- organisations --------------------------------------------------------------------------------


class OrganizationTable(RegisterTable):
    name = tables.Column(
        verbose_name=_("organisation name"),
        linkify=("members:organization_detail", [tables.A("pk")]),
    )
    credit_code = tables.Column(attrs={"td": {"class": "font-monospace small"}})
    is_local = tables.Column(verbose_name=_("location"))
    joined_on = tables.DateColumn(format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = Organization
        fields = ("name", "kind", "credit_code", "industry", "is_local", "joined_on", "status")

    def render_is_local(self, value):
        return _("Inside the county") if value else _("Outside the county")

    def render_status(self, value, record):
        if record.is_withdrawn and record.left_on:
            return f"{value} {record.left_on:%Y-%m-%d}"
        return value


class OrganizationRegister(Register):
    model = Organization
    namespace, name, slug = "members", "organization", "organisations"
    icon = "building"
    label, create_label = _("Organisations"), _("Register an organisation")
    table = OrganizationTable
    filterset = filters.OrganizationFilter
    search = ("name", "credit_code")
    # Every role reads the register; only the secretariat registers a new member. HR edit their
    # own enterprise's profile here, coordinators their school's on its own route (below).
    readers, editors, creators = EVERYONE, ENTERPRISE_STAFF, SECRETARIAT_ONLY
    scope = staticmethod(permissions.organizations_visible_to)
    editable = staticmethod(permissions.organizations_editable_by)
    form = forms.OrganizationForm
    excel = "organizations"
    detail_template = "members/organization_detail.html"
    detail_fields = (
        "kind",
        "credit_code",
        "industry",
        "size",
        "is_local",
        "address",
        "chairman",
        "joined_on",
        "left_on",
        "status",
    )

    def form_for(self, user, obj):
        # The secretariat keeps the registration; an organisation's own staff its profile only.
        if permissions.edits_registration(user):
            return forms.OrganizationForm
        return forms.OrganizationProfileForm

    def may_edit(self, user, obj) -> bool:
        return permissions.can_edit_organization(user, obj)

    def update_url(self, user, obj) -> str:
        if permissions.edits_as_school(user):
            return reverse("members:school_update", args=[obj.pk])
        return super().update_url(user, obj)

    def save(self, request, form):
        return services.organization_save(organization=form.save(commit=False))

    def detail_context(self, request, obj):
        user = request.user
        withdraws = permissions.can_withdraw_organization(user)
        return {
            "organization": obj,
            "sections": sections_for(obj, user),
            "photos": list(obj.photos.all()),
            "seats": list(obj.council_seats.order_by("term_start")),
            "experts": list(obj.experts.all()),
            "resolutions": list(obj.resolutions.select_related("meeting").order_by("-due_on")[:20]),
            "figures": list(obj.year_figures.order_by("-year")) if obj.is_school else [],
            "accounts": list(obj.accounts.order_by("username"))
            if permissions.is_secretariat(user)
            else [],
            "can_add_photos": permissions.can_add_photos(user, obj),
            "can_withdraw": withdraws and not obj.is_withdrawn,
            "can_rejoin": withdraws and obj.is_withdrawn,
        }


ORGANIZATIONS = OrganizationRegister()


class SchoolProfileRegister(OrganizationRegister):
    """The edit page of a school's profile, opened by its coordinator (and the secretariat)."""

    editors = SCHOOL_STAFF
    editable = staticmethod(permissions.schools_editable_by)


SCHOOL_PROFILES = SchoolProfileRegister()


# --- school yearly figures ------------------------------------------------------------------------


class SchoolYearFiguresTable(RegisterTable):
    school = tables.Column(
        order_by=("school__name",),
        linkify=("members:school_figures_detail", [tables.A("pk")]),
    )
    year = tables.Column()
    enrolled_students = tables.Column(attrs=NUMBER)
    professional_teachers = tables.Column(attrs=NUMBER)
    graduates = tables.Column(attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = SchoolYearFigures
        fields = ("school", "year", "enrolled_students", "professional_teachers", "graduates")


class SchoolYearFiguresRegister(Register):
    model = SchoolYearFigures
    namespace, name, slug = "members", "school_figures", "school-figures"
    icon = "bar-chart"
    label, create_label = _("School yearly figures"), _("Enter figures")
    table = SchoolYearFiguresTable
    filterset = filters.SchoolYearFiguresFilter
    search = ("school__name",)
    related = ("school",)
    readers, editors = SCHOOL_READERS, SCHOOL_STAFF
    scope = staticmethod(permissions.school_figures_visible_to)
    editable = staticmethod(permissions.school_figures_editable_by)
    form = forms.SchoolYearFiguresForm
    excel = "school_figures"
    list_template = "members/school_figures_list.html"
    detail_fields = ("school", "year", "enrolled_students", "professional_teachers", "graduates")


SCHOOL_FIGURES = SchoolYearFiguresRegister()


# --- council seats and the expert committee ------------------------------------------------------


class CouncilSeatTable(RegisterTable):
    person = tables.Column(linkify=("members:seat_detail", [tables.A("pk")]))
    organization = tables.Column(order_by=("organization__name",))
    term_start = tables.DateColumn(format="Y-m-d")
    term_end = tables.DateColumn(format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = CouncilSeat
        fields = ("person", "role", "organization", "position", "term_start", "term_end")


class CouncilSeatRegister(Register):
    model = CouncilSeat
    namespace, name, slug = "members", "seat", "council/seats"
    icon = "person-vcard"
    label, create_label = _("Council seats"), _("Add a seat")
    table = CouncilSeatTable
    filterset = filters.CouncilSeatFilter
    search = ("person", "position", "organization__name")
    related = ("organization",)
    readers, editors = GOVERNANCE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.council_seats_visible_to)
    editable = staticmethod(permissions.council_seats_editable_by)
    form = forms.CouncilSeatForm
    detail_fields = ("person", "organization", "position", "role", "term_start", "term_end")


SEATS = CouncilSeatRegister()


class ExpertMemberTable(RegisterTable):
    person = tables.Column(linkify=("members:expert_detail", [tables.A("pk")]))
    organization = tables.Column(order_by=("organization__name",))
    expertise = tables.Column(default="—")

    class Meta(RegisterTable.Meta):
        model = ExpertMember
        fields = ("role", "person", "organization", "title", "expertise")


class ExpertMemberRegister(Register):
    model = ExpertMember
    namespace, name, slug = "members", "expert", "experts"
    icon = "mortarboard"
    label, create_label = _("Expert committee"), _("Add a member")
    table = ExpertMemberTable
    filterset = filters.ExpertMemberFilter
    search = ("person", "title", "expertise", "organization__name")
    related = ("organization",)
    readers, editors = GOVERNANCE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.experts_visible_to)
    editable = staticmethod(permissions.experts_editable_by)
    form = forms.ExpertMemberForm
    detail_fields = ("person", "organization", "title", "role", "expertise", "order")


EXPERTS = ExpertMemberRegister()


# --- council meetings -------------------------------------------------------------------------------


class CouncilMeetingTable(RegisterTable):
    date = tables.DateColumn(format="Y-m-d")
    title = tables.Column(linkify=("members:meeting_detail", [tables.A("pk")]))
    attendance = tables.Column(
        verbose_name=_("attendees"), order_by=("seats_attending",), attrs=NUMBER, empty_values=()
    )
    resolutions_total = tables.Column(
        verbose_name=_("resolutions (open)"), attrs=NUMBER, empty_values=()
    )
    minutes = tables.Column(orderable=False)

    class Meta(RegisterTable.Meta):
        model = CouncilMeeting
        fields = ("date", "title", "kind", "status")
        sequence = (*fields, "attendance", "resolutions_total", "minutes")

    def render_attendance(self, record):
        if record.attendee_count is not None:
            return record.attendee_count
        return record.seats_attending

    def render_resolutions_total(self, record):
        return f"{record.resolutions_total} ({record.resolutions_open})"

    def render_minutes(self, record):
        url = reverse("members:meeting_file", args=[record.pk, "minutes"])
        return format_html(
            '<a href="{}" aria-label="{}"><i class="bi bi-file-earmark-arrow-down"></i></a>',
            url,
            _("minutes"),
        )


class CouncilMeetingRegister(Register):
    model = CouncilMeeting
    namespace, name, slug = "members", "meeting", "meetings"
    icon = "calendar-event"
    label, create_label = _("Council meetings"), _("Record a council meeting")
    table = CouncilMeetingTable
    filterset = filters.CouncilMeetingFilter
    search = ("title", "summary")
    readers, editors = GOVERNANCE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.council_meetings_visible_to)
    editable = staticmethod(permissions.council_meetings_editable_by)
    form = forms.CouncilMeetingForm
    files = ("minutes",)
    excel = "council_meetings"
    detail_template = "members/meeting_detail.html"
    detail_fields = ("date", "kind", "status", "location", "attendee_count", "summary")

    def list_queryset(self, user):
        # Only what the list shows: attendance and resolutions (open), counted in the one query.
        return self.queryset(user).annotate(
            seats_attending=row_count(CouncilMeeting, "attendees"),
            resolutions_total=row_count(CouncilMeeting, "resolutions"),
            resolutions_open=row_count(CouncilMeeting, "resolutions", status=ResolutionStatus.OPEN),
        )

    def save(self, request, form):
        return services.council_meeting_save(
            meeting=form.save(commit=False), attendees=form.cleaned_data["attendees"]
        )

    def detail_context(self, request, obj):
        return {
            "attendees": list(obj.attendees.select_related("organization")),
            "resolutions": list(obj.resolutions.select_related("owner")),
            "can_manage": permissions.can_manage_council(request.user),
            "today": timezone.localdate(),
        }


MEETINGS = CouncilMeetingRegister()


# --- accounts -----------------------------------------------------------------------------------------


class AccountTable(RegisterTable):
    username = tables.Column(linkify=("members:account_detail", [tables.A("pk")]))
    first_name = tables.Column(verbose_name=_("name"))
    role = tables.Column(default="—")
    organization = tables.Column(order_by=("organization__name",))
    last_login = tables.DateTimeColumn(format="Y-m-d H:i")
    is_active = tables.Column(verbose_name=_("status"))

    class Meta(RegisterTable.Meta):
        model = User
        fields = ("username", "first_name", "role", "organization", "last_login", "is_active")

    def render_is_active(self, value):
        return _("Account enabled") if value else _("Deactivated")


class AccountRegister(Register):
    """Lists and shows accounts; creating and editing them are the views in ``views.py``
    (a generated password is shown once, in the response that created it)."""

    model = User
    namespace, name, slug = "members", "account", "accounts"
    icon = "person-gear"
    label = _("Accounts")
    table = AccountTable
    filterset = filters.AccountFilter
    search = ("username", "first_name", "organization__name")
    related = ("organization",)
    readers = SECRETARIAT_ONLY
    scope = staticmethod(permissions.accounts_manageable_by)
    list_template = "members/account_list.html"
    detail_template = "members/account_detail.html"
    detail_fields = (
        "username",
        "first_name",
        "role",
        "organization",
        "phone",
        "email",
        "is_active",
        "last_login",
        "date_joined",
    )
    personal_fields = {"phone": mask_phone}

    def list_queryset(self, user):
        return self.queryset(user).order_by("role", "username")


ACCOUNTS = AccountRegister()
