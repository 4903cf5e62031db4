"""The training registers, each declared once for the register framework (alliance.registers)."""

from __future__ import annotations

import django_tables2 as tables
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.access import ENTERPRISE_STAFF, EVERYONE, SCHOOL_STAFF, STAFF
from alliance.masking import mask_phone
from alliance.registers import MaskedColumn, Register, RegisterTable, row_count, row_sum

from . import filters, forms, permissions
from .models import (
    Certification,
    Craftsman,
    InSchoolWorkshop,
    Secondment,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
)

NUMBER = {"td": {"class": "text-end"}, "th": {"class": "text-end"}}


def _link(name: str) -> dict:
    return {"linkify": (f"training:{name}_detail", [tables.A("pk")])}


class PeriodColumn(tables.Column):
    """A start–end period in one cell, sorted by its start."""

    def __init__(self, start: str = "start_on", end: str = "end_on", **kwargs):
        self.end = end
        kwargs.setdefault("verbose_name", _("Period"))
        kwargs.setdefault("attrs", {"td": {"class": "text-nowrap"}})
        super().__init__(accessor=start, order_by=(start, end), **kwargs)

    def render(self, value, record):
        end = getattr(record, self.end)
        return f"{value:%Y-%m-%d} – {end:%Y-%m-%d}" if end else f"{value:%Y-%m-%d} –"


# --- in-school workshops (校中厂), with orders and rotations on their page --------------------------


class InSchoolWorkshopTable(RegisterTable):
    name = tables.Column(**_link("workshop"))
    school = tables.Column(order_by=("school__name",))
    enterprises = tables.ManyToManyColumn(separator="、", orderable=False)
    opened_on = tables.DateColumn(format="Y-m-d")
    order_count = tables.Column(verbose_name=_("Orders"), attrs=NUMBER)
    status = tables.Column()

    class Meta(RegisterTable.Meta):
        model = InSchoolWorkshop
        fields = ("name", "school", "enterprises", "production_line", "opened_on")
        sequence = (*fields, "order_count", "status")


class InSchoolWorkshopRegister(Register):
    model = InSchoolWorkshop
    namespace, name, slug = "training", "workshop", "workshops"
    icon = "building-gear"
    label, create_label = _("In-school workshops"), _("New workshop")
    table = InSchoolWorkshopTable
    filterset = filters.InSchoolWorkshopFilter
    search = ("name", "production_line", "enterprises__name")
    related = ("school",)
    prefetch = ("enterprises",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.workshops_visible_to)
    editable = staticmethod(permissions.workshops_editable_by)
    form = forms.InSchoolWorkshopForm
    excel = "workshops"
    detail_fields = ("school", "name", "enterprises", "production_line", "opened_on", "status")
    detail_template = "training/workshop_detail.html"

    def list_queryset(self, user):
        # An aggregate drops the model's default ordering: restate it for stable pages. distinct:
        # searching the partner enterprises joins rows that would multiply the count.
        return (
            super()
            .list_queryset(user)
            .annotate(order_count=row_count(InSchoolWorkshop, "orders"))
            .order_by("school__name", "name")
        )

    def detail_context(self, request, obj):
        return {
            "orders": obj.orders.all(),
            "rotations": obj.rotations.all(),
            "order_totals": obj.orders.aggregate(value=Sum("value"), quantity=Sum("quantity")),
        }


# --- training bases (厂中校) -----------------------------------------------------------------------


class TrainingBaseTable(RegisterTable):
    name = tables.Column(**_link("base"))
    enterprise = tables.Column(order_by=("enterprise__name",))
    majors = tables.Column(default="—")
    capacity = tables.Column(attrs=NUMBER)
    masters_count = tables.Column(verbose_name=_("Masters"), attrs=NUMBER)
    established_on = tables.DateColumn(format="Y-m-d")
    status = tables.Column()

    class Meta(RegisterTable.Meta):
        model = TrainingBase
        fields = ("name", "enterprise", "majors", "capacity", "masters_count", "established_on")
        sequence = (*fields, "status")


class TrainingBaseRegister(Register):
    model = TrainingBase
    namespace, name, slug = "training", "base", "bases"
    icon = "buildings"
    label, create_label = _("Training bases"), _("New training base")
    table = TrainingBaseTable
    filterset = filters.TrainingBaseFilter
    search = ("name", "majors", "address", "master_names", "enterprise__name")
    related = ("enterprise",)
    readers, editors = EVERYONE, ENTERPRISE_STAFF
    scope = staticmethod(permissions.bases_visible_to)
    editable = staticmethod(permissions.bases_editable_by)
    form = forms.TrainingBaseForm  # its fields are also the detail page's
    excel = "bases"


# --- teacher stations (教师活动站), with their practice posts --------------------------------------


class TeacherStationTable(RegisterTable):
    name = tables.Column(**_link("station"))
    enterprise = tables.Column(order_by=("enterprise__name",))
    established_on = tables.DateColumn(format="Y-m-d")
    closed_on = tables.DateColumn(format="Y-m-d")
    post_places = tables.Column(verbose_name=_("Practice places offered"), attrs=NUMBER, default=0)

    class Meta(RegisterTable.Meta):
        model = TeacherStation
        fields = ("name", "enterprise", "established_on", "closed_on")
        sequence = (*fields, "post_places")


class TeacherStationRegister(Register):
    model = TeacherStation
    namespace, name, slug = "training", "station", "stations"
    icon = "house-gear"
    label, create_label = _("Teacher stations"), _("New teacher station")
    table = TeacherStationTable
    filterset = filters.TeacherStationFilter
    search = ("name", "posts__post", "posts__major")
    related = ("enterprise",)
    readers, editors = EVERYONE, ENTERPRISE_STAFF
    scope = staticmethod(permissions.stations_visible_to)
    editable = staticmethod(permissions.stations_editable_by)
    form = forms.TeacherStationForm
    excel = "stations"
    detail_fields = ("enterprise", "name", "established_on", "closed_on")
    detail_template = "training/station_detail.html"

    def list_queryset(self, user):
        # A subquery, not a join: searching the posts would otherwise multiply the sum.
        return (
            super()
            .list_queryset(user)
            .annotate(post_places=row_sum(TeacherStation, "posts__places"))
            .order_by("enterprise__name", "name")
        )

    def detail_context(self, request, obj):
        return {"posts": obj.posts.all(), "next_year": timezone.localdate().year}


# --- teachers and secondments (教师入企实践) ------------------------------------------------------


class TeacherTable(RegisterTable):
    name = tables.Column(**_link("teacher"))
    employee_number = tables.Column(default="—")
    school = tables.Column(order_by=("school__name",))
    department = tables.Column(default="—")
    is_professional = tables.BooleanColumn()
    is_dual_qualified = tables.BooleanColumn()

    class Meta(RegisterTable.Meta):
        model = Teacher
        fields = (
            "name",
            "employee_number",
            "school",
            "department",
            "is_professional",
            "is_dual_qualified",
        )


class TeacherRegister(Register):
    model = Teacher
    namespace, name, slug = "training", "teacher", "teachers"
    icon = "person-badge"
    label, create_label = _("Teachers"), _("New teacher")
    table = TeacherTable
    filterset = filters.TeacherFilter
    search = ("name", "employee_number", "department")
    related = ("school",)
    readers, editors = SCHOOL_STAFF, SCHOOL_STAFF
    scope = staticmethod(permissions.teachers_visible_to)
    editable = staticmethod(permissions.teachers_editable_by)
    form = forms.TeacherForm
    excel = "teachers"
    detail_fields = (
        "school",
        "name",
        "employee_number",
        "department",
        "is_professional",
        "is_dual_qualified",
    )
    detail_template = "training/teacher_detail.html"

    def detail_context(self, request, obj):
        return {"secondments": obj.secondments.select_related("enterprise", "station")}


class SecondmentTable(RegisterTable):
    teacher = tables.Column(
        verbose_name=_("Teacher"),
        accessor="teacher__name",
        order_by=("teacher__name",),
        **_link("secondment"),
    )
    school = tables.Column(
        verbose_name=_("School"), accessor="teacher__school", order_by=("teacher__school__name",)
    )
    enterprise = tables.Column(order_by=("enterprise__name",))
    station = tables.Column(default="—", order_by=("station__name",))
    period = PeriodColumn()
    days = tables.Column(attrs=NUMBER)
    post = tables.Column(default="—")

    class Meta(RegisterTable.Meta):
        model = Secondment
        fields = ("teacher", "school", "enterprise", "station", "period", "days", "post", "status")


class SecondmentRegister(Register):
    model = Secondment
    namespace, name, slug = "training", "secondment", "secondments"
    icon = "briefcase"
    label, create_label = _("Secondments"), _("New secondment")
    table = SecondmentTable
    filterset = filters.SecondmentFilter
    search = ("teacher__name", "post", "enterprise__name")
    related = ("teacher__school", "enterprise", "station")
    readers, editors = STAFF, SCHOOL_STAFF
    scope = staticmethod(permissions.secondments_visible_to)
    editable = staticmethod(permissions.secondments_editable_by)
    form = forms.SecondmentForm
    files = ("outcome_report",)
    excel = "secondments"
    detail_fields = (
        "teacher",
        "enterprise",
        "station",
        "start_on",
        "end_on",
        "days",
        "post",
        "status",
    )


# --- craftsmen (兼职技师人才资源库) and teaching assignments ----------------------------------------


class CraftsmanTable(RegisterTable):
    name = tables.Column(**_link("craftsman"))
    enterprise = tables.Column(order_by=("enterprise__name",))
    specialty = tables.Column(default="—")
    # Phones are personal data: masked on the server for everyone but the secretariat.
    phone = MaskedColumn(mask=mask_phone, default="—", attrs={"td": {"class": "text-nowrap"}})
    total_hours = tables.Column(verbose_name=_("Teaching hours"), attrs=NUMBER, default=0)
    active = tables.BooleanColumn()

    class Meta(RegisterTable.Meta):
        model = Craftsman
        fields = ("name", "enterprise", "skill_level", "specialty", "role", "phone")
        sequence = (*fields, "total_hours", "active")


class CraftsmanRegister(Register):
    model = Craftsman
    namespace, name, slug = "training", "craftsman", "craftsmen"
    icon = "tools"
    label, create_label = _("Craftsmen pool"), _("New craftsman")
    table = CraftsmanTable
    filterset = filters.CraftsmanFilter
    search = ("name", "specialty")
    related = ("enterprise",)
    readers, editors = STAFF, ENTERPRISE_STAFF
    scope = staticmethod(permissions.craftsmen_visible_to)
    editable = staticmethod(permissions.craftsmen_editable_by)
    form = forms.CraftsmanForm
    excel = "craftsmen"
    detail_fields = (
        "name",
        "enterprise",
        "skill_level",
        "specialty",
        "role",
        "phone",
        "joined_on",
        "left_on",
        "active",
    )
    personal_fields = {"phone": mask_phone}
    detail_template = "training/craftsman_detail.html"

    def list_queryset(self, user):
        return (
            super()
            .list_queryset(user)
            .annotate(total_hours=row_sum(Craftsman, "assignments__hours"))
            .order_by("enterprise__name", "name")
        )

    def detail_context(self, request, obj):
        # Only the teaching the user may see (a school sees its own assignments).
        assignments = permissions.assignments_visible_to(request.user).filter(craftsman=obj)
        return {
            "assignments": assignments.select_related("school"),
            "hours_by_year": assignments.order_by()
            .values("year")
            .annotate(hours=Sum("hours"))
            .order_by("-year"),
        }


class TeachingAssignmentTable(RegisterTable):
    course = tables.Column(**_link("assignment"))
    craftsman = tables.Column(accessor="craftsman__name", order_by=("craftsman__name",))
    enterprise = tables.Column(
        verbose_name=_("Enterprise"),
        accessor="craftsman__enterprise",
        order_by=("craftsman__enterprise__name",),
    )
    school = tables.Column(order_by=("school__name",))
    hours = tables.Column(attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = TeachingAssignment
        fields = ("course", "craftsman", "enterprise", "school", "year", "term", "kind", "hours")


class TeachingAssignmentRegister(Register):
    model = TeachingAssignment
    namespace, name, slug = "training", "assignment", "assignments"
    icon = "easel"
    label, create_label = _("Teaching assignments"), _("New teaching assignment")
    table = TeachingAssignmentTable
    filterset = filters.TeachingAssignmentFilter
    search = ("course", "craftsman__name")
    related = ("craftsman__enterprise", "school")
    readers, editors = STAFF, SCHOOL_STAFF
    scope = staticmethod(permissions.assignments_visible_to)
    editable = staticmethod(permissions.assignments_editable_by)
    form = forms.TeachingAssignmentForm
    excel = "assignments"
    detail_fields = ("craftsman", "school", "course", "year", "term", "hours", "kind")
    rows_template = "training/_assignment_rows.html"

    def list_context(self, request, rows):
        # Hours per school and year of the filtered rows (one query).
        return {
            "totals": rows.order_by()
            .values("year", "school__name")
            .annotate(hours=Sum("hours"))
            .order_by("-year", "school__name")
        }


# --- in-service training (职工在岗培训) and certification (技能等级认定) ------------------------------


class TrainingProgrammeTable(RegisterTable):
    title = tables.Column(**_link("programme"))
    school = tables.Column(order_by=("school__name",))
    enterprises = tables.ManyToManyColumn(separator="、", orderable=False, default="—")
    period = PeriodColumn()
    participants = tables.Column(verbose_name=_("Person-times"), attrs=NUMBER)
    hours = tables.Column(attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = TrainingProgramme
        fields = ("title", "school", "enterprises", "funding_department")
        sequence = (*fields, "period", "participants", "hours")


class TrainingProgrammeRegister(Register):
    model = TrainingProgramme
    namespace, name, slug = "training", "programme", "programmes"
    icon = "mortarboard"
    label, create_label = _("In-service training"), _("New training programme")
    table = TrainingProgrammeTable
    filterset = filters.TrainingProgrammeFilter
    search = ("title", "enterprises__name")
    related = ("school",)
    prefetch = ("enterprises",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.programmes_visible_to)
    editable = staticmethod(permissions.programmes_editable_by)
    form = forms.TrainingProgrammeForm
    excel = "programmes"
    detail_fields = (
        "school",
        "title",
        "enterprises",
        "funding_department",
        "start_on",
        "end_on",
        "participants",
        "hours",
    )
    detail_template = "training/programme_detail.html"

    def detail_context(self, request, obj):
        return {"certifications": obj.certifications.all()}


class CertificationTable(RegisterTable):
    occupation = tables.Column(**_link("certification"))
    school = tables.Column(order_by=("school__name",))
    programme = tables.Column(default="—", order_by=("programme__title",))
    assessed_on = tables.DateColumn(format="Y-m-d")
    candidates = tables.Column(attrs=NUMBER)
    passed = tables.Column(attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = Certification
        fields = ("occupation", "level", "school", "programme", "assessed_on")
        sequence = (*fields, "candidates", "passed")


class CertificationRegister(Register):
    model = Certification
    namespace, name, slug = "training", "certification", "certifications"
    icon = "award"
    label, create_label = _("Skill certifications"), _("New certification")
    table = CertificationTable
    filterset = filters.CertificationFilter
    search = ("occupation", "programme__title")
    related = ("school", "programme")
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.certifications_visible_to)
    editable = staticmethod(permissions.certifications_editable_by)
    form = forms.CertificationForm
    excel = "certifications"
    detail_fields = (
        "school",
        "programme",
        "assessed_on",
        "occupation",
        "level",
        "candidates",
        "passed",
    )


WORKSHOPS = InSchoolWorkshopRegister()
BASES = TrainingBaseRegister()
STATIONS = TeacherStationRegister()
TEACHERS = TeacherRegister()
SECONDMENTS = SecondmentRegister()
CRAFTSMEN = CraftsmanRegister()
ASSIGNMENTS = TeachingAssignmentRegister()
PROGRAMMES = TrainingProgrammeRegister()
CERTIFICATIONS = CertificationRegister()
