"""The placements registers, each declared once for the register framework (alliance.registers).

Personal data is masked on the server for everyone but the secretariat: in the tables
(``MaskedColumn``), on the detail pages and in the history (``personal_fields``), and in the
related sections below (``permissions.personal_data``).
"""

from __future__ import annotations

import datetime as dt

import django_tables2 as tables
from django.db.models import Prefetch
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from alliance.access import ENTERPRISE_STAFF, EVERYONE, SCHOOL_STAFF, STAFF, is_secretariat
from alliance.masking import mask_national_id
from alliance.registers import DateColumn, MaskedColumn, Register, RegisterTable, row_count
from members.models import Organization

from . import filters, forms, permissions, selectors, services
from .models import (
    Apprenticeship,
    CareerMentor,
    CoDevelopedMaterial,
    GraduatePlacement,
    Internship,
    OrderClass,
    OutreachEvent,
    OutreachKind,
    PreferentialMeasure,
    Student,
    TalentDemand,
)

NUMBER = {"td": {"class": "text-end"}, "th": {"class": "text-end"}}


def _names():
    """Organisations as the lists show them: by name only."""
    return Organization.objects.only("name")


def _save_validated(register, request, form):
    """Validate the whole record, constraints on fields the form leaves out included (an
    internship's student), so a clash is a form error rather than a database error."""
    return services.record_save(record=form.save(commit=False))


class StudentColumn(tables.Column):
    """The student of a row: name and student number, linked to the row's page."""

    def __init__(self, detail: str, **kwargs):
        kwargs.setdefault("verbose_name", _("student"))
        super().__init__(linkify=(detail, [tables.A("pk")]), order_by=("student__name",), **kwargs)

    def render(self, value):
        return format_html(
            '{} <span class="text-muted small">{}</span>', value.name, value.student_number
        )


def _school_column(path: str = "student__school") -> tables.Column:
    return tables.Column(accessor=path, order_by=(f"{path}__name",), verbose_name=_("school"))


def _names_column() -> tables.ManyToManyColumn:
    return tables.ManyToManyColumn(transform=lambda organization: organization.name, separator="、")


# --- students ---------------------------------------------------------------------------------


class StudentTable(RegisterTable):
    student_number = tables.Column()
    name = tables.Column(linkify=("placements:student_detail", [tables.A("pk")]))
    school = tables.Column(order_by=("school__name",))
    national_id = MaskedColumn(mask=mask_national_id, attrs={"td": {"class": "font-monospace"}})

    class Meta(RegisterTable.Meta):
        model = Student
        fields = (
            "student_number",
            "name",
            "school",
            "national_id",
            "gender",
            "major",
            "class_name",
            "enrolment_year",
            "study_mode",
        )


class StudentRegister(Register):
    model = Student
    namespace, name, slug = "placements", "student", "students"
    icon = "people"
    label, create_label = _("Students"), _("New student")
    table = StudentTable
    filterset = filters.StudentFilter
    search = ("name", "student_number", "class_name")
    related = ("school", "major")
    readers, editors = SCHOOL_STAFF, SCHOOL_STAFF
    scope = staticmethod(permissions.students_visible_to)
    editable = staticmethod(permissions.students_editable_by)
    form = forms.StudentForm
    excel = "students"
    detail_fields = (
        "school",
        "student_number",
        "name",
        "national_id",
        "phone",
        "gender",
        "major",
        "class_name",
        "enrolment_year",
        "study_mode",
    )
    personal_fields = permissions.STUDENT_PERSONAL
    detail_template = "placements/student_detail.html"
    save = _save_validated

    def detail_context(self, request, obj):
        return {
            "order_classes": obj.order_classes.all(),
            "apprenticeships": obj.apprenticeships.select_related("enterprise"),
            "internships": obj.internships.select_related("enterprise"),
            "placements": obj.placements.select_related("employer"),
        }


# --- order classes ------------------------------------------------------------------------------


class OrderClassTable(RegisterTable):
    name = tables.Column(linkify=("placements:orderclass_detail", [tables.A("pk")]))
    school = tables.Column(order_by=("school__name",))
    enterprises = _names_column()
    planned_size = tables.Column(attrs=NUMBER)
    enrolled = tables.Column(verbose_name=_("Students enrolled"), attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = OrderClass
        fields = (
            "name",
            "kind",
            "school",
            "major",
            "enterprises",
            "cohort_year",
            "graduation_year",
        )
        sequence = (*fields, "planned_size", "enrolled")


class OrderClassRegister(Register):
    model = OrderClass
    namespace, name, slug = "placements", "orderclass", "order-classes"
    icon = "journal-bookmark"
    label, create_label = _("Order classes"), _("New order class")
    table = OrderClassTable
    filterset = filters.OrderClassFilter
    search = ("name", "major__name")
    related = ("school", "major")
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.order_classes_visible_to)
    editable = staticmethod(permissions.order_classes_editable_by)
    form = forms.OrderClassForm
    excel = "order_classes"
    detail_fields = ("school", "kind", "major", "cohort_year", "graduation_year", "planned_size")
    # The agreement names the students' terms: the council sees the class's figures only.
    files, file_readers = ("agreement",), STAFF
    detail_template = "placements/orderclass_detail.html"

    def list_queryset(self, user):
        return (
            self.queryset(user)
            .prefetch_related(Prefetch("enterprises", queryset=_names()))
            .annotate(enrolled=row_count(OrderClass, "enrolments"))
            .order_by("-graduation_year", "name", "pk")  # aggregation drops Meta.ordering
        )

    def save(self, request, form):
        return services.order_class_save(
            order_class=form.save(commit=False), enterprises=form.cleaned_data["enterprises"]
        )

    def detail_context(self, request, obj):
        user = request.user
        can_edit = self.may_edit(user, obj)
        context = {
            "enterprises": list(obj.enterprises.all()),
            "alignments": obj.alignments.order_by("pk"),
            "enrolled_count": obj.enrolments.count(),
            "enrol_form": forms.EnrolForm(order_class=obj) if can_edit else None,
        }
        if permissions.sees_order_class_students(user):
            enrolments = list(
                obj.enrolments.select_related("student").order_by("student__student_number")
            )
            hired = selectors.order_class_hired_students(obj)
            for enrolment in enrolments:
                enrolment.personal = permissions.personal_data(enrolment.student, user)
                enrolment.hired_by = hired.get(enrolment.student_id)
            context["enrolments"] = enrolments
            context["hired_count"] = sum(1 for e in enrolments if e.hired_by)
        return context


# --- apprenticeships ------------------------------------------------------------------------------


class ApprenticeshipTable(RegisterTable):
    student = StudentColumn("placements:apprenticeship_detail", verbose_name=_("apprentice"))
    school = _school_column()
    enterprise = tables.Column(order_by=("enterprise__name",))
    contract_start = DateColumn()
    contract_end = DateColumn()

    class Meta(RegisterTable.Meta):
        model = Apprenticeship
        fields = (
            "student",
            "school",
            "enterprise",
            "path",
            "major",
            "contract_start",
            "contract_end",
            "enterprise_mentor",
            "school_mentor",
            "mode",
            "status",
        )


class ApprenticeshipRegister(Register):
    model = Apprenticeship
    namespace, name, slug = "placements", "apprenticeship", "apprenticeships"
    icon = "person-workspace"
    label, create_label = _("Apprenticeships"), _("New apprentice")
    table = ApprenticeshipTable
    filterset = filters.ApprenticeshipFilter
    search = (
        "student__name",
        "student__student_number",
        "enterprise_mentor",
        "school_mentor",
        "major",
    )
    related = ("student", "student__school", "enterprise", "order_class")
    readers, editors = STAFF, ENTERPRISE_STAFF
    scope = staticmethod(permissions.apprenticeships_visible_to)
    editable = staticmethod(permissions.apprenticeships_editable_by)
    # Edit only: a new apprentice is registered as a student too (views.apprenticeship_create).
    form = forms.ApprenticeshipForm
    excel = "apprenticeships"
    files = ("agreement",)
    detail_fields = (
        "student",
        "enterprise",
        "path",
        "employee_category",
        "order_class",
        "agreement",
        "major",
        "contract_start",
        "contract_end",
        "enterprise_mentor",
        "school_mentor",
        "mode",
        "status",
        "ended_on",
        "outcome",
    )
    detail_template = "placements/apprenticeship_detail.html"
    save = _save_validated

    def detail_context(self, request, obj):
        return {"personal": permissions.personal_data(obj.student, request.user)}


# --- internships --------------------------------------------------------------------------------


class InternshipTable(RegisterTable):
    student = StudentColumn("placements:internship_detail")
    school = _school_column()
    enterprise = tables.Column(order_by=("enterprise__name",))
    training_base = tables.Column(order_by=("training_base__name",))
    start_date = DateColumn()
    end_date = DateColumn()

    class Meta(RegisterTable.Meta):
        model = Internship
        fields = (
            "student",
            "school",
            "enterprise",
            "stage",
            "training_base",
            "master",
            "start_date",
            "end_date",
            "evaluation",
        )


class InternshipRegister(Register):
    model = Internship
    namespace, name, slug = "placements", "internship", "internships"
    icon = "briefcase"
    label, create_label = _("Internships"), _("New internship")
    table = InternshipTable
    filterset = filters.InternshipFilter
    search = ("student__name", "student__student_number", "master")
    related = ("student", "student__school", "enterprise", "training_base")
    readers, editors = STAFF, SCHOOL_STAFF
    scope = staticmethod(permissions.internships_visible_to)
    editable = staticmethod(permissions.internships_editable_by)
    form = forms.InternshipForm
    excel = "internships"
    detail_fields = (
        "student",
        "stage",
        "enterprise",
        "training_base",
        "master",
        "start_date",
        "end_date",
        "evaluation",
        "evaluation_notes",
    )
    save = _save_validated
    detail_template = "placements/internship_detail.html"

    def detail_context(self, request, obj):
        # The master signs the evaluation off from a link (no account): the office sends it.
        return {"can_send_link": is_secretariat(request.user) and not obj.evaluation}


# --- graduate placements ------------------------------------------------------------------------


class PlacementTable(RegisterTable):
    student = StudentColumn("placements:placement_detail", verbose_name=_("Graduate"))
    school = _school_column()
    employer = tables.Column(
        accessor="employer_display",
        order_by=("employer__name", "employer_name"),
        verbose_name=_("Employer"),
    )
    wage_band = MaskedColumn(mask=permissions.mask_wage)
    hire_status = tables.Column()

    class Meta(RegisterTable.Meta):
        model = GraduatePlacement
        fields = (
            "student",
            "school",
            "graduation_year",
            "destination",
            "employer",
            "employer_location",
            "job",
            "wage_band",
            "hire_status",
        )

    def render_employer_location(self, value, record):
        if record.is_local:
            return format_html(
                '{} <span class="badge text-bg-success">{}</span>', value, _("local")
            )
        return value

    def render_hire_status(self, value, record):
        # Only a member employer confirms a hire.
        return value if record.employer_id else "—"


class PlacementRegister(Register):
    model = GraduatePlacement
    namespace, name, slug = "placements", "placement", "graduates"
    icon = "mortarboard"
    label, create_label = _("Graduate placements"), _("New graduate placement")
    table = PlacementTable
    filterset = filters.GraduatePlacementFilter
    search = ("student__name", "student__student_number", "employer__name", "employer_name", "job")
    related = ("student", "student__school", "employer")
    readers, editors = STAFF, SCHOOL_STAFF
    scope = staticmethod(permissions.placements_visible_to)
    editable = staticmethod(permissions.placements_editable_by)
    form = forms.PlacementForm
    excel = "placements"
    detail_fields = (
        "student",
        "graduation_year",
        "destination",
        "employer",
        "employer_name",
        "employer_location",
        "job",
        "wage_band",
        "via_order_class",
    )
    personal_fields = permissions.PLACEMENT_PERSONAL
    detail_template = "placements/placement_detail.html"
    save = _save_validated

    def initial(self, request):
        return {"graduation_year": dt.date.today().year}

    def detail_context(self, request, obj):
        user = request.user
        return {
            "personal": permissions.personal_data(obj.student, user),
            "can_decide": permissions.hires_decidable_by(user).filter(pk=obj.pk).exists(),
            "can_follow_up": obj.is_local and permissions.can_add_followup(user, obj),
            "followups": obj.followups.all(),
        }


# --- outreach events ----------------------------------------------------------------------------


class EventTable(RegisterTable):
    date = DateColumn()
    title = tables.Column(linkify=("placements:event_detail", [tables.A("pk")]))
    school = tables.Column(order_by=("school__name",))
    enterprises = _names_column()
    participants = tables.Column(attrs=NUMBER)
    photo_count = tables.Column(verbose_name=_("Photos"), attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = OutreachEvent
        fields = ("date", "kind", "title", "school", "enterprises", "participants")
        sequence = (*fields, "photo_count")


class EventRegister(Register):
    model = OutreachEvent
    namespace, name, slug = "placements", "event", "events"
    icon = "megaphone"
    label, create_label = _("Outreach events"), _("New outreach event")
    table = EventTable
    filterset = filters.OutreachEventFilter
    search = ("title", "notes")
    related = ("school",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.events_visible_to)
    editable = staticmethod(permissions.events_editable_by)
    form = forms.EventForm
    excel = "events"
    detail_fields = (
        "kind",
        "title",
        "date",
        "school",
        "enterprises",
        "mentor",
        "participants",
        "covers_local_employment",
        "notes",
    )
    list_template = "placements/event_list.html"
    detail_template = "placements/event_detail.html"

    def list_queryset(self, user):
        return (
            self.queryset(user)
            .prefetch_related(Prefetch("enterprises", queryset=_names()))
            .annotate(photo_count=row_count(OutreachEvent, "photos"))
            .order_by("-date", "-pk")  # aggregation drops Meta.ordering
        )

    def initial(self, request):
        initial = {"date": dt.date.today()}
        if request.GET.get("kind") in OutreachKind.values:
            initial["kind"] = request.GET["kind"]
        return initial

    def save(self, request, form):
        return services.event_save(
            event=form.save(commit=False), enterprises=form.cleaned_data["enterprises"]
        )

    def detail_context(self, request, obj):
        can_edit = self.may_edit(request.user, obj)
        return {
            "photos": obj.photos.all(),
            "photo_form": forms.PhotoForm() if can_edit else None,
        }


# --- career mentors -------------------------------------------------------------------------------


class MentorTable(RegisterTable):
    person = tables.Column(linkify=("placements:mentor_detail", [tables.A("pk")]))
    enterprise = tables.Column(order_by=("enterprise__name",))
    schools = _names_column()
    appointed_on = DateColumn()
    ended_on = DateColumn()

    class Meta(RegisterTable.Meta):
        model = CareerMentor
        fields = ("person", "title", "enterprise", "schools", "appointed_on", "ended_on")


class MentorRegister(Register):
    model = CareerMentor
    namespace, name, slug = "placements", "mentor", "mentors"
    icon = "person-badge"
    label, create_label = _("Career mentors"), _("New career mentor")
    table = MentorTable
    filterset = filters.CareerMentorFilter
    search = ("person", "title")
    related = ("enterprise",)
    prefetch = (Prefetch("schools", queryset=_names()),)
    readers, editors = EVERYONE, ENTERPRISE_STAFF
    scope = staticmethod(permissions.mentors_visible_to)
    editable = staticmethod(permissions.mentors_editable_by)
    form = forms.MentorForm
    excel = "mentors"
    detail_fields = ("enterprise", "person", "title", "schools", "appointed_on", "ended_on")

    def save(self, request, form):
        return services.mentor_save(
            mentor=form.save(commit=False), schools=form.cleaned_data["schools"]
        )


# --- preferential measures for county graduates (Linqu §(四)11) ---------------------------------


class PreferenceTable(RegisterTable):
    enterprise = tables.Column(
        linkify=("placements:preference_detail", [tables.A("pk")]), order_by=("enterprise__name",)
    )
    since = DateColumn()
    until = DateColumn()

    class Meta(RegisterTable.Meta):
        model = PreferentialMeasure
        fields = ("enterprise", "area", "measure", "since", "until")


class PreferenceRegister(Register):
    model = PreferentialMeasure
    namespace, name, slug = "placements", "preference", "preferences"
    icon = "star"
    label, create_label = _("Preferential measures"), _("New preferential measure")
    table = PreferenceTable
    filterset = filters.PreferentialMeasureFilter
    search = ("measure", "enterprise__name")
    related = ("enterprise",)
    readers, editors = EVERYONE, ENTERPRISE_STAFF
    scope = staticmethod(permissions.preferences_visible_to)
    editable = staticmethod(permissions.preferences_editable_by)
    form = forms.PreferentialMeasureForm
    excel = "preferences"
    files = ("document",)
    detail_fields = ("enterprise", "area", "measure", "since", "until", "document")
    save = _save_validated


# --- talent demand (Linqu §(四)11 定期调度企业用人情况) -----------------------------------------------


class DemandTable(RegisterTable):
    post = tables.Column(linkify=("placements:demand_detail", [tables.A("pk")]))
    enterprise = tables.Column(order_by=("enterprise__name",))
    major = tables.Column(order_by=("major__name",))
    headcount = tables.Column(attrs=NUMBER)
    wage = tables.Column(
        accessor="wage_min", verbose_name=_("Monthly wage (yuan)"), order_by=("wage_min",)
    )
    needed_by = DateColumn()
    order_class = tables.Column(default="—", order_by=("order_class__name",))

    class Meta(RegisterTable.Meta):
        model = TalentDemand
        fields = ("survey_year", "enterprise", "post", "major", "headcount")
        sequence = (*fields, "wage", "needed_by", "order_class")

    def render_wage(self, value, record):
        return f"{record.wage_min}–{record.wage_max}"


class DemandRegister(Register):
    model = TalentDemand
    namespace, name, slug = "placements", "demand", "demands"
    icon = "clipboard-data"
    label, create_label = _("Talent demand"), _("New talent demand")
    table = DemandTable
    filterset = filters.TalentDemandFilter
    search = ("post", "major__name", "enterprise__name")
    related = ("enterprise", "major", "major__school", "order_class")
    readers, editors = EVERYONE, ENTERPRISE_STAFF
    scope = staticmethod(permissions.demands_visible_to)
    editable = staticmethod(permissions.demands_editable_by)
    form = forms.TalentDemandForm
    excel = "demands"
    detail_fields = (
        "enterprise",
        "survey_year",
        "post",
        "major",
        "headcount",
        "wage_min",
        "wage_max",
        "needed_by",
        "notes",
        "order_class",
    )
    save = _save_validated

    def initial(self, request):
        return {"survey_year": dt.date.today().year}


# --- co-developed materials (课程、教材、标准、方案的校企共同开发) -------------------------------------


class MaterialTable(RegisterTable):
    title = tables.Column(linkify=("placements:material_detail", [tables.A("pk")]))
    school = tables.Column(order_by=("school__name",))
    enterprises = _names_column()
    completed_on = DateColumn()
    served = tables.Column(
        accessor="order_class", verbose_name=_("Serves"), orderable=False, empty_values=()
    )

    class Meta(RegisterTable.Meta):
        model = CoDevelopedMaterial
        fields = ("title", "kind", "school", "major", "enterprises", "completed_on")
        sequence = (*fields, "served")

    def render_served(self, value, record):
        if record.order_class_id:
            return record.order_class.name
        if record.training_base_id:
            return record.training_base.name
        if record.apprentice_enterprise_id:
            return f"{record.apprentice_enterprise.name} {record.apprentice_cohort_year}"
        return "—"


class MaterialRegister(Register):
    model = CoDevelopedMaterial
    namespace, name, slug = "placements", "material", "materials"
    icon = "book"
    label, create_label = _("Co-developed materials"), _("New co-developed material")
    table = MaterialTable
    filterset = filters.MaterialFilter
    search = ("title", "major__name")
    related = ("school", "major", "order_class", "training_base", "apprentice_enterprise")
    prefetch = (Prefetch("enterprises", queryset=_names()),)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.materials_visible_to)
    editable = staticmethod(permissions.materials_editable_by)
    form = forms.MaterialForm
    excel = "materials"
    files = ("file",)
    detail_fields = (
        "kind",
        "title",
        "school",
        "major",
        "enterprises",
        "completed_on",
        "file",
        "order_class",
        "training_base",
        "apprentice_enterprise",
        "apprentice_cohort_year",
    )

    def save(self, request, form):
        return services.material_save(
            material=form.save(commit=False), enterprises=form.cleaned_data["enterprises"]
        )


STUDENTS = StudentRegister()
ORDER_CLASSES = OrderClassRegister()
APPRENTICESHIPS = ApprenticeshipRegister()
INTERNSHIPS = InternshipRegister()
PLACEMENTS = PlacementRegister()
EVENTS = EventRegister()
MENTORS = MentorRegister()
PREFERENCES = PreferenceRegister()
DEMANDS = DemandRegister()
MATERIALS = MaterialRegister()
