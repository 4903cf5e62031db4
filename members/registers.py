"""The members registers, each declared once for the register framework (alliance.registers)."""

from __future__ import annotations

import django_tables2 as tables
from django.db.models import Count, F, Q
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
    STAFF,
)
from alliance.masking import mask_phone
from alliance.registers import (
    DateColumn,
    DateTimeColumn,
    NumberColumn,
    Register,
    RegisterTable,
    row_count,
)

from . import filters, forms, permissions, services
from .models import (
    AllianceOffice,
    CouncilMeeting,
    CouncilSeat,
    ExpertConsultation,
    ExpertMember,
    Major,
    MediaReport,
    ModelCase,
    OfficeBudget,
    OfficeStaff,
    Organization,
    PolicyDocument,
    ResolutionStatus,
    SchoolYearFigures,
    TaskStatus,
    User,
    WorkPlan,
    WorkTask,
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
    joined_on = DateColumn()

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
        "outside_alliance",
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
        if permissions.edits_as_school(user):
            return forms.SchoolProfileForm
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


# --- majors (专业) ------------------------------------------------------------------------------


class MajorTable(RegisterTable):
    name = tables.Column(
        verbose_name=_("major name"), linkify=("members:major_detail", [tables.A("pk")])
    )
    code = tables.Column(attrs={"td": {"class": "font-monospace small"}})
    school = tables.Column(order_by=("school__name",))
    industry = tables.Column(default="—")
    enterprises = tables.ManyToManyColumn(separator="、", orderable=False)
    leads = tables.Column(
        verbose_name=_("leads (school / enterprise)"), empty_values=(), orderable=False
    )

    class Meta(RegisterTable.Meta):
        model = Major
        fields = ("code", "name", "school", "industry", "status", "enterprises")
        sequence = (*fields, "leads")

    def render_leads(self, record):
        return f"{record.school_lead or '—'} / {record.enterprise_lead or '—'}"


class MajorRegister(Register):
    model = Major
    namespace, name, slug = "members", "major", "majors"
    icon = "journal-bookmark"
    label, create_label = _("Majors"), _("Add a major")
    table = MajorTable
    filterset = filters.MajorFilter
    search = ("name", "code", "industry", "school_lead", "enterprise_lead", "school__name")
    related = ("school", "enterprise_lead_employer")
    prefetch = ("enterprises",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.majors_visible_to)
    editable = staticmethod(permissions.majors_editable_by)
    form = forms.MajorForm
    files = ("plan_document",)
    excel = "majors"
    detail_fields = (
        "school",
        "code",
        "name",
        "industry",
        "status",
        "enterprises",
        "school_lead",
        "school_lead_plan",
        "enterprise_lead",
        "enterprise_lead_employer",
        "enterprise_lead_plan",
        "plan_document",
        "active",
    )


MAJORS = MajorRegister()


# --- council seats and the expert committee ------------------------------------------------------


class CouncilSeatTable(RegisterTable):
    person = tables.Column(linkify=("members:seat_detail", [tables.A("pk")]))
    organization = tables.Column(order_by=("organization__name",))
    term_start = DateColumn()
    term_end = DateColumn()

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
    date = DateColumn()
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
            # Each with its work-plan task, if it has been put on the plan (one query).
            "resolutions": list(
                obj.resolutions.select_related("owner").annotate(task_id=F("work_task__id"))
            ),
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
    last_login = DateTimeColumn()
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


# --- governance: rules and documents (Linqu 保障措施(一) 章程、管理制度; Qufu 三(三)(四)(五)(八)) -----


class PolicyDocumentTable(RegisterTable):
    title = tables.Column(linkify=("members:document_detail", [tables.A("pk")]))
    effective_on = DateColumn()
    adopted_at = tables.Column(order_by=("adopted_at__date",), default="—")

    class Meta(RegisterTable.Meta):
        model = PolicyDocument
        fields = ("title", "kind", "version", "issuer", "adopted_at", "effective_on", "status")

    def render_adopted_at(self, value):
        return f"{value.date:%Y-%m-%d}"


class PolicyDocumentRegister(Register):
    model = PolicyDocument
    namespace, name, slug = "members", "document", "documents"
    icon = "journal-text"
    label, create_label = _("Rules and documents"), _("Register a document")
    table = PolicyDocumentTable
    filterset = filters.PolicyDocumentFilter
    search = ("title", "issuer", "summary")
    related = ("adopted_at",)
    # The rules bind every member and hold no personal data: every role reads them.
    readers, editors = EVERYONE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.documents_visible_to)
    editable = staticmethod(permissions.documents_editable_by)
    form = forms.PolicyDocumentForm
    files = ("file",)
    excel = "documents"
    detail_template = "members/document_detail.html"
    detail_fields = (
        "kind",
        "title",
        "issuer",
        "adopted_at",
        "effective_on",
        "version",
        "replaces",
        "status",
        "ended_on",
        "summary",
    )

    def save(self, request, form):
        return services.policy_document_save(document=form.save(commit=False))

    def detail_context(self, request, obj):
        # Every version of the document, following the chain both ways (a few rows at most).
        versions, earlier = [], obj.replaces
        while earlier is not None:
            versions.append(earlier)
            earlier = earlier.replaces
        later = PolicyDocument.objects.filter(replaces=obj).first()
        newer = []
        while later is not None:
            newer.append(later)
            later = PolicyDocument.objects.filter(replaces=later).first()
        return {"versions": [*reversed(newer), obj, *versions]}


DOCUMENTS = PolicyDocumentRegister()


# --- governance: the operating office (实体化运行机构，落实场所、经费和人员) -----------------------------


class AllianceOfficeTable(RegisterTable):
    name = tables.Column(linkify=("members:office_detail", [tables.A("pk")]))
    host = tables.Column(order_by=("host__name",), default="—")
    established_on = DateColumn()

    class Meta(RegisterTable.Meta):
        model = AllianceOffice
        fields = ("name", "host", "venue", "established_on")


class AllianceOfficeRegister(Register):
    model = AllianceOffice
    namespace, name, slug = "members", "office", "office"
    icon = "building-gear"
    label, create_label = _("Operating office"), _("Register the office")
    table = AllianceOfficeTable
    filterset = filters.AllianceOfficeFilter
    search = ("name", "venue")
    related = ("host",)
    readers, editors = GOVERNANCE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.offices_visible_to)
    editable = staticmethod(permissions.offices_editable_by)
    form = forms.AllianceOfficeForm
    excel = "offices"
    detail_template = "members/office_detail.html"
    detail_fields = ("name", "host", "venue", "floor_area", "established_on", "duties")

    def detail_context(self, request, obj):
        return {
            "budgets": list(obj.budgets.order_by("-year", "source")),
            "staff": list(obj.staff.select_related("organization").order_by("-start_on")),
            "can_manage": permissions.can_manage_governance(request.user),
        }


OFFICES = AllianceOfficeRegister()


class OfficeBudgetTable(RegisterTable):
    year = tables.Column(linkify=("members:office_budget_detail", [tables.A("pk")]))
    amount = NumberColumn(digits=2)

    class Meta(RegisterTable.Meta):
        model = OfficeBudget
        fields = ("year", "office", "amount", "source")


class OfficeBudgetRegister(Register):
    model = OfficeBudget
    namespace, name, slug = "members", "office_budget", "office/budgets"
    icon = "cash-coin"
    label, create_label = _("Office budgets"), _("Record a budget")
    table = OfficeBudgetTable
    filterset = filters.OfficeBudgetFilter
    search = ("source", "notes")
    related = ("office",)
    readers, editors = GOVERNANCE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.office_budgets_visible_to)
    editable = staticmethod(permissions.office_budgets_editable_by)
    form = forms.OfficeBudgetForm
    excel = "office_budgets"
    detail_fields = ("office", "year", "amount", "source", "notes")


OFFICE_BUDGETS = OfficeBudgetRegister()


class OfficeStaffTable(RegisterTable):
    person = tables.Column(linkify=("members:office_staff_detail", [tables.A("pk")]))
    organization = tables.Column(order_by=("organization__name",))
    start_on = DateColumn()
    end_on = DateColumn()

    class Meta(RegisterTable.Meta):
        model = OfficeStaff
        fields = ("person", "role", "organization", "start_on", "end_on")


class OfficeStaffRegister(Register):
    model = OfficeStaff
    namespace, name, slug = "members", "office_staff", "office/staff"
    icon = "person-badge"
    label, create_label = _("Office staff"), _("Add a staff member")
    table = OfficeStaffTable
    filterset = filters.OfficeStaffFilter
    search = ("person", "role", "organization__name")
    related = ("office", "organization")
    readers, editors = GOVERNANCE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.office_staff_visible_to)
    editable = staticmethod(permissions.office_staff_editable_by)
    form = forms.OfficeStaffForm
    excel = "office_staff"
    detail_fields = ("office", "person", "organization", "role", "start_on", "end_on")


OFFICE_STAFF = OfficeStaffRegister()


# --- governance: expert consultations (专家委员会 提供咨询意见和建议) ---------------------------------


class ExpertConsultationTable(RegisterTable):
    date = DateColumn(linkify=("members:consultation_detail", [tables.A("pk")]))
    question = tables.Column()
    experts = tables.Column(verbose_name=_("experts consulted"), orderable=False, empty_values=())
    resolution = tables.Column(orderable=False, default="—")

    class Meta(RegisterTable.Meta):
        model = ExpertConsultation
        fields = ("date", "question", "asked_by", "experts", "outcome", "resolution")

    def render_question(self, value):
        return value if len(value) <= 40 else f"{value[:40]}…"

    def render_experts(self, record):
        return "、".join(expert.person for expert in record.experts.all())


class ExpertConsultationRegister(Register):
    model = ExpertConsultation
    namespace, name, slug = "members", "consultation", "consultations"
    icon = "chat-square-text"
    label, create_label = _("Expert consultations"), _("Record a consultation")
    table = ExpertConsultationTable
    filterset = filters.ExpertConsultationFilter
    search = ("question", "asked_by", "advice")
    related = ("resolution",)
    prefetch = ("experts",)
    readers, editors = GOVERNANCE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.consultations_visible_to)
    editable = staticmethod(permissions.consultations_editable_by)
    form = forms.ExpertConsultationForm
    files = ("advice_file",)
    excel = "consultations"
    detail_fields = ("date", "asked_by", "question", "experts", "advice", "outcome", "resolution")

    def save(self, request, form):
        return services.consultation_save(
            consultation=form.save(commit=False), experts=form.cleaned_data["experts"]
        )


CONSULTATIONS = ExpertConsultationRegister()


# --- governance: the yearly work plan and its supervision (明确责任分工、跟踪督查) --------------------


class WorkPlanTable(RegisterTable):
    year = tables.Column(linkify=("members:plan_detail", [tables.A("pk")]))
    adopted_at = tables.Column(default="—")
    tasks_total = NumberColumn(verbose_name=_("tasks"), digits=0)
    tasks_done = NumberColumn(verbose_name=_("done"), digits=0)
    summary_file = tables.Column(verbose_name=_("year-end summary"), orderable=False)

    class Meta(RegisterTable.Meta):
        model = WorkPlan
        fields = ("year", "title", "adopted_at")
        sequence = (*fields, "tasks_total", "tasks_done", "summary_file")

    def render_adopted_at(self, value):
        return f"{value.date:%Y-%m-%d}"

    def render_summary_file(self, value, record):
        url = reverse("members:plan_file", args=[record.pk, "summary_file"])
        return format_html(
            '<a href="{}" aria-label="{}"><i class="bi bi-file-earmark-arrow-down"></i></a>',
            url,
            _("year-end summary document"),
        )


class WorkPlanRegister(Register):
    model = WorkPlan
    namespace, name, slug = "members", "plan", "work-plans"
    icon = "list-check"
    label, create_label = _("Work plans"), _("Register a work plan")
    table = WorkPlanTable
    filterset = filters.WorkPlanFilter
    search = ("title", "summary")
    related = ("adopted_at",)
    readers, editors = GOVERNANCE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.work_plans_visible_to)
    editable = staticmethod(permissions.work_plans_editable_by)
    form = forms.WorkPlanForm
    files = ("summary_file",)
    excel = "work_plans"
    detail_template = "members/plan_detail.html"
    detail_fields = ("year", "title", "adopted_at", "summary")

    def list_queryset(self, user):
        return self.queryset(user).annotate(
            tasks_total=Count("tasks", distinct=True),
            tasks_done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE), distinct=True),
        )

    def detail_context(self, request, obj):
        return {
            "tasks": list(obj.tasks.select_related("owner", "resolution__meeting")),
            "can_manage": permissions.can_manage_governance(request.user),
            "today": timezone.localdate(),
        }


PLANS = WorkPlanRegister()


class WorkTaskTable(RegisterTable):
    title = tables.Column(linkify=("members:task_detail", [tables.A("pk")]))
    plan = tables.Column(verbose_name=_("year"), order_by=("plan__year",))
    owner = tables.Column(order_by=("owner__name",))
    deadline = DateColumn()
    status = tables.Column()

    class Meta(RegisterTable.Meta):
        model = WorkTask
        fields = ("title", "plan", "owner", "deadline", "status")

    def render_plan(self, record):
        return record.plan.year

    def render_status(self, value, record):
        if record.is_overdue:
            return format_html(
                '{} <span class="badge text-bg-danger">{}</span>', value, _("Overdue")
            )
        if record.status == TaskStatus.DONE:
            return f"{value} {record.done_on:%Y-%m-%d}"
        return value


class WorkTaskRegister(Register):
    model = WorkTask
    namespace, name, slug = "members", "task", "work-plans/tasks"
    icon = "check2-square"
    label, create_label = _("Work-plan tasks"), _("Add a task")
    table = WorkTaskTable
    filterset = filters.WorkTaskFilter
    search = ("title", "measures", "progress", "owner__name")
    related = ("plan", "owner", "resolution__meeting")
    # The office and the council read every task; an enterprise or a school the tasks it owns.
    readers, editors = EVERYONE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.work_tasks_visible_to)
    editable = staticmethod(permissions.work_tasks_editable_by)
    form = forms.WorkTaskForm
    excel = "work_tasks"
    detail_fields = (
        "plan",
        "title",
        "owner",
        "partners",
        "measures",
        "deadline",
        "status",
        "done_on",
        "progress",
        "resolution",
    )

    def initial(self, request):
        plan = request.GET.get("plan", "")
        return {"plan": plan} if plan.isdigit() else {}


TASKS = WorkTaskRegister()


# --- publicity: the media log and model cases -------------------------------------------------------


class MediaReportTable(RegisterTable):
    published_on = DateColumn()
    title = tables.Column(linkify=("members:media_detail", [tables.A("pk")]))

    class Meta(RegisterTable.Meta):
        model = MediaReport
        fields = ("published_on", "kind", "outlet", "title")


class MediaReportRegister(Register):
    model = MediaReport
    namespace, name, slug = "members", "media", "media"
    icon = "newspaper"
    label, create_label = _("Media log"), _("Log a media report")
    table = MediaReportTable
    filterset = filters.MediaReportFilter
    search = ("title", "outlet", "summary")
    readers, editors = EVERYONE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.media_reports_visible_to)
    editable = staticmethod(permissions.media_reports_editable_by)
    form = forms.MediaReportForm
    files = ("clipping",)
    excel = "media_reports"
    detail_fields = ("kind", "outlet", "published_on", "title", "link", "organizations", "summary")


MEDIA = MediaReportRegister()


class ModelCaseTable(RegisterTable):
    title = tables.Column(linkify=("members:model_case_detail", [tables.A("pk")]))
    organization = tables.Column(order_by=("organization__name",))
    in_report = tables.BooleanColumn(yesno=("✓", "—"))

    class Meta(RegisterTable.Meta):
        model = ModelCase
        fields = ("year", "kind", "title", "person", "organization", "status", "in_report")


class ModelCaseRegister(Register):
    model = ModelCase
    namespace, name, slug = "members", "model_case", "model-cases"
    icon = "award"
    label, create_label = _("Model workers and cases"), _("Nominate")
    table = ModelCaseTable
    filterset = filters.ModelCaseFilter
    search = ("title", "person", "summary", "organization__name")
    related = ("organization",)
    # Members nominate their own people and cases; the office approves, publishes and chooses
    # the cases of the annual report.
    readers, editors, creators = EVERYONE, SECRETARIAT_ONLY, STAFF
    scope = staticmethod(permissions.model_cases_visible_to)
    editable = staticmethod(permissions.model_cases_editable_by)
    form = forms.ModelCaseForm
    excel = "model_cases"
    detail_fields = (
        "kind",
        "year",
        "person",
        "organization",
        "partners",
        "summary",
        "nominated_by",
        "nominated_on",
        "status",
        "approved_on",
        "approved_at_meeting",
        "published_on",
        "published_where",
        "in_report",
    )

    def form_for(self, user, obj):
        if permissions.decides_model_cases(user):
            return forms.ModelCaseForm
        return forms.ModelCaseNominationForm

    def save(self, request, form):
        return services.model_case_save(
            case=form.save(commit=False),
            by=request.user,
            partners=form.cleaned_data.get("partners"),
        )


MODEL_CASES = ModelCaseRegister()
