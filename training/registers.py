"""The training registers, each declared once for the register framework (alliance.registers)."""

from __future__ import annotations

import django_tables2 as tables
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.access import ENTERPRISE_STAFF, EVERYONE, SCHOOL_STAFF, STAFF
from alliance.masking import mask_phone
from alliance.registers import (
    DateColumn,
    MaskedColumn,
    Register,
    RegisterTable,
    cached_rows,
    row_count,
    row_sum,
)

from . import filters, forms, permissions
from .models import (
    Certification,
    CoBuiltInstitution,
    Craftsman,
    InSchoolWorkshop,
    InstitutionYear,
    PartnerExchange,
    PartnerInstitution,
    Patent,
    QualityEvaluationSurvey,
    Secondment,
    ServiceProject,
    SharedEquipment,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
    TwoWayAppointment,
    WorkshopContribution,
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
    opened_on = DateColumn()
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
    detail_fields = (
        "school",
        "name",
        "enterprises",
        "production_line",
        "opened_on",
        "status",
        "technical_managers",
        "for_teaching",
        "for_staff_training",
        "for_production",
        "for_technical_service",
    )
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
            "contributions": obj.contributions.all(),
        }


# --- training bases (厂中校) -----------------------------------------------------------------------


class TrainingBaseTable(RegisterTable):
    name = tables.Column(**_link("base"))
    enterprise = tables.Column(order_by=("enterprise__name",))
    majors = tables.Column(default="—")
    capacity = tables.Column(attrs=NUMBER)
    masters_count = tables.Column(verbose_name=_("Masters"), attrs=NUMBER)
    established_on = DateColumn()
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
    established_on = DateColumn()
    closed_on = DateColumn()
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
    search = ("name", "posts__post", "posts__major__name")
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
        return {"posts": obj.posts.select_related("major"), "next_year": timezone.localdate().year}


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
        # Hours per school and year of the filtered rows (one query; on a large table the
        # result is cached until a write, as the list's count is).
        return {
            "totals": cached_rows(
                rows.order_by()
                .values("year", "school__name")
                .annotate(hours=Sum("hours"))
                .order_by("-year", "school__name")
            )
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
        fields = ("title", "school", "enterprises", "funding_department", "form", "audience")
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
        "form",
        "venue",
        "audience",
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
    assessed_on = DateColumn()
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


# --- external cooperation (Qufu 三(八) 对外合作) ------------------------------------------------------


class PartnerInstitutionTable(RegisterTable):
    name = tables.Column(**_link("partner"))
    school = tables.Column(order_by=("school__name",))
    agreement_signed_on = DateColumn()
    exchange_count = tables.Column(verbose_name=_("Exchanges"), attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = PartnerInstitution
        fields = ("name", "kind", "location", "school", "agreement_title", "agreement_signed_on")
        sequence = (*fields, "exchange_count")


class PartnerInstitutionRegister(Register):
    model = PartnerInstitution
    namespace, name, slug = "training", "partner", "partners"
    icon = "globe"
    label, create_label = _("External partners"), _("New external partner")
    table = PartnerInstitutionTable
    filterset = filters.PartnerInstitutionFilter
    search = ("name", "location", "agreement_title")
    related = ("school",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.partners_visible_to)
    editable = staticmethod(permissions.partners_editable_by)
    form = forms.PartnerInstitutionForm
    excel = "partners"
    files = ("agreement_file",)
    detail_fields = (
        "school",
        "name",
        "kind",
        "location",
        "agreement_title",
        "agreement_signed_on",
        "agreement_until",
        "agreement_file",
        "notes",
    )
    detail_template = "training/partner_detail.html"

    def list_queryset(self, user):
        return (
            self.queryset(user)
            .annotate(exchange_count=Count("exchanges"))
            .order_by("school__name", "name", "pk")  # aggregation drops Meta.ordering
        )

    def detail_context(self, request, obj):
        return {"exchanges": obj.exchanges.all()}


class PartnerExchangeTable(RegisterTable):
    date = DateColumn()
    title = tables.Column(**_link("exchange"))
    partner = tables.Column(order_by=("partner__name",))
    school = tables.Column(accessor="partner__school", order_by=("partner__school__name",))
    participants = tables.Column(attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = PartnerExchange
        fields = ("date", "title", "partner", "school", "area", "direction", "participants")


class PartnerExchangeRegister(Register):
    model = PartnerExchange
    namespace, name, slug = "training", "exchange", "exchanges"
    icon = "arrow-left-right"
    label, create_label = _("External exchanges"), _("New exchange")
    table = PartnerExchangeTable
    filterset = filters.PartnerExchangeFilter
    search = ("title", "partner__name", "outcome")
    related = ("partner", "partner__school")
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.exchanges_visible_to)
    editable = staticmethod(permissions.exchanges_editable_by)
    form = forms.PartnerExchangeForm
    excel = "partner_exchanges"
    detail_fields = ("partner", "date", "area", "direction", "title", "participants", "outcome")


WORKSHOPS = InSchoolWorkshopRegister()
BASES = TrainingBaseRegister()
STATIONS = TeacherStationRegister()
TEACHERS = TeacherRegister()
SECONDMENTS = SecondmentRegister()
CRAFTSMEN = CraftsmanRegister()
ASSIGNMENTS = TeachingAssignmentRegister()
PROGRAMMES = TrainingProgrammeRegister()
CERTIFICATIONS = CertificationRegister()


# --- co-building (issue 15): institutions, services and research, shared resources, teams ------


def _partners_column() -> tables.ManyToManyColumn:
    return tables.ManyToManyColumn(
        verbose_name=_("Enterprises"), separator="、", orderable=False, default="—"
    )


class CoBuiltInstitutionTable(RegisterTable):
    name = tables.Column(**_link("institution"))
    school = tables.Column(order_by=("school__name",))
    enterprises = _partners_column()
    founded_on = DateColumn()

    class Meta(RegisterTable.Meta):
        model = CoBuiltInstitution
        fields = ("name", "kind", "school", "enterprises", "mode", "leaders", "founded_on")


class CoBuiltInstitutionRegister(Register):
    model = CoBuiltInstitution
    namespace, name, slug = "training", "institution", "institutions"
    icon = "bank"
    label, create_label = _("Co-built institutions"), _("New co-built institution")
    table = CoBuiltInstitutionTable
    filterset = filters.CoBuiltInstitutionFilter
    search = ("name", "leaders", "description")
    related = ("school",)
    prefetch = ("enterprises",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.institutions_visible_to)
    editable = staticmethod(permissions.institutions_editable_by)
    form = forms.CoBuiltInstitutionForm
    excel = "institutions"
    detail_fields = (
        "kind",
        "school",
        "enterprises",
        "mode",
        "major",
        "founded_on",
        "closed_on",
        "leaders",
        "teachers",
        "craftsmen",
        "host_base",
        "host_workshop",
        "description",
    )
    detail_template = "training/institution_detail.html"

    def detail_context(self, request, obj):
        return {
            "years": obj.years.all(),
            "projects": obj.projects.all(),
            "patents": obj.patents.all(),
            "can_log": INSTITUTION_YEARS.may_create(request.user),
        }


class InstitutionYearTable(RegisterTable):
    institution = tables.Column(order_by=("institution__name",), **_link("institution_year"))
    kind = tables.Column(
        verbose_name=_("Kind"), accessor="institution__kind", order_by=("institution__kind",)
    )
    events = tables.Column(attrs=NUMBER)
    people_trained = tables.Column(attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = InstitutionYear
        fields = ("year", "institution", "kind", "events", "people_trained", "outputs")

    def render_kind(self, record):
        return record.institution.get_kind_display()


class InstitutionYearRegister(Register):
    model = InstitutionYear
    namespace, name, slug = "training", "institution_year", "institution-logs"
    icon = "journal-text"
    label, create_label = _("Institution yearly logs"), _("Log a year")
    table = InstitutionYearTable
    filterset = filters.InstitutionYearFilter
    search = ("institution__name", "activities", "outputs")
    related = ("institution",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.institution_years_visible_to)
    editable = staticmethod(permissions.institution_years_editable_by)
    form = forms.InstitutionYearForm
    excel = "institution_years"

    def initial(self, request):
        institution = request.GET.get("institution", "")
        return {"institution": institution} if institution.isdigit() else {}


class ServiceProjectTable(RegisterTable):
    title = tables.Column(**_link("project"))
    school = tables.Column(order_by=("school__name",))
    enterprises = _partners_column()
    period = PeriodColumn()
    value = tables.Column(attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = ServiceProject
        fields = ("title", "kind", "school", "enterprises", "period", "value", "status")


class ServiceProjectRegister(Register):
    model = ServiceProject
    namespace, name, slug = "training", "project", "projects"
    icon = "tools"
    label, create_label = _("Services and research"), _("New project")
    table = ServiceProjectTable
    filterset = filters.ServiceProjectFilter
    search = ("title", "lead", "result")
    related = ("school",)
    prefetch = ("enterprises",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.projects_visible_to)
    editable = staticmethod(permissions.projects_editable_by)
    form = forms.ServiceProjectForm
    excel = "projects"
    detail_fields = (
        "kind",
        "school",
        "enterprises",
        "institution",
        "lead",
        "start_on",
        "end_on",
        "value",
        "status",
        "result",
    )


class PatentTable(RegisterTable):
    title = tables.Column(**_link("patent"))
    number = tables.Column(default="—", attrs={"td": {"class": "font-monospace small"}})
    school = tables.Column(order_by=("school__name",))
    institution = tables.Column(default="—", order_by=("institution__name",))
    filed_on = DateColumn()
    transferred_to = tables.Column(default="—", order_by=("transferred_to__name",))

    class Meta(RegisterTable.Meta):
        model = Patent
        fields = (
            "title",
            "kind",
            "number",
            "status",
            "school",
            "institution",
            "filed_on",
            "transferred_to",
        )


class PatentRegister(Register):
    model = Patent
    namespace, name, slug = "training", "patent", "patents"
    icon = "award"
    label, create_label = _("Patents"), _("New patent")
    table = PatentTable
    filterset = filters.PatentFilter
    search = ("title", "number", "inventors")
    related = ("school", "institution", "transferred_to")
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.patents_visible_to)
    editable = staticmethod(permissions.patents_editable_by)
    form = forms.PatentForm
    excel = "patents"
    detail_fields = (
        "school",
        "kind",
        "number",
        "status",
        "inventors",
        "enterprises",
        "filed_on",
        "granted_on",
        "project",
        "institution",
        "transferred_to",
        "transferred_on",
        "transfer_value",
    )

    def initial(self, request):
        institution = request.GET.get("institution", "")
        return {"institution": institution} if institution.isdigit() else {}


class SharedEquipmentTable(RegisterTable):
    name = tables.Column(**_link("equipment"))
    school = tables.Column(order_by=("school__name",))
    enterprise = tables.Column(order_by=("enterprise__name",))
    quantity = tables.Column(attrs=NUMBER)
    value = tables.Column(attrs=NUMBER)
    since = DateColumn()

    class Meta(RegisterTable.Meta):
        model = SharedEquipment
        fields = ("name", "direction", "school", "enterprise", "quantity", "value", "since")


class SharedEquipmentRegister(Register):
    model = SharedEquipment
    namespace, name, slug = "training", "equipment", "equipment"
    icon = "cpu"
    label, create_label = _("Shared equipment"), _("New equipment")
    table = SharedEquipmentTable
    filterset = filters.SharedEquipmentFilter
    search = ("name",)
    related = ("school", "enterprise")
    readers, editors = EVERYONE, STAFF
    scope = staticmethod(permissions.equipment_visible_to)
    editable = staticmethod(permissions.equipment_editable_by)
    form = forms.SharedEquipmentForm
    excel = "equipment"


class WorkshopContributionTable(RegisterTable):
    workshop = tables.Column(order_by=("workshop__name",), **_link("contribution"))
    school = tables.Column(
        verbose_name=_("School"), accessor="workshop__school", order_by=("workshop__school__name",)
    )
    value = tables.Column(attrs=NUMBER)

    class Meta(RegisterTable.Meta):
        model = WorkshopContribution
        fields = ("year", "workshop", "school", "kind", "description", "value")


class WorkshopContributionRegister(Register):
    model = WorkshopContribution
    namespace, name, slug = "training", "contribution", "workshop-contributions"
    icon = "lightning-charge"
    label, create_label = _("School contributions to workshops"), _("New contribution")
    table = WorkshopContributionTable
    filterset = filters.WorkshopContributionFilter
    search = ("workshop__name", "description")
    related = ("workshop__school",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.contributions_visible_to)
    editable = staticmethod(permissions.contributions_editable_by)
    form = forms.WorkshopContributionForm
    excel = "workshop_contributions"


class TwoWayAppointmentTable(RegisterTable):
    person = tables.Column(
        verbose_name=_("Person"), empty_values=(), orderable=False, **_link("appointment")
    )
    school = tables.Column(order_by=("school__name",))
    enterprise = tables.Column(order_by=("enterprise__name",))
    period = PeriodColumn()

    class Meta(RegisterTable.Meta):
        model = TwoWayAppointment
        fields = ("person", "direction", "position", "school", "enterprise", "period")

    def render_person(self, record):
        return record.teacher.name if record.teacher_id else record.craftsman.name


class TwoWayAppointmentRegister(Register):
    model = TwoWayAppointment
    namespace, name, slug = "training", "appointment", "appointments"
    icon = "arrow-left-right"
    label, create_label = _("Two-way appointments"), _("New appointment")
    table = TwoWayAppointmentTable
    filterset = filters.TwoWayAppointmentFilter
    search = ("teacher__name", "craftsman__name", "position")
    related = ("school", "enterprise", "teacher", "craftsman")
    readers, editors = STAFF, STAFF
    scope = staticmethod(permissions.appointments_visible_to)
    editable = staticmethod(permissions.appointments_editable_by)
    form = forms.TwoWayAppointmentForm
    excel = "appointments"


INSTITUTIONS = CoBuiltInstitutionRegister()
INSTITUTION_YEARS = InstitutionYearRegister()
PROJECTS = ServiceProjectRegister()
PATENTS = PatentRegister()
EQUIPMENT = SharedEquipmentRegister()
CONTRIBUTIONS = WorkshopContributionRegister()
APPOINTMENTS = TwoWayAppointmentRegister()
PARTNERS = PartnerInstitutionRegister()
EXCHANGES = PartnerExchangeRegister()


# --- quality evaluation surveys (Qufu 三(三) 多主体质量评价制度调研) ------------------------------------


class QualityEvaluationSurveyTable(RegisterTable):
    held_on = DateColumn()
    title = tables.Column(**_link("quality_survey"))
    school = tables.Column(order_by=("school__name",))
    enterprises = _partners_column()
    participants = tables.Column(attrs=NUMBER)
    has_report = tables.BooleanColumn(
        verbose_name=_("survey report"), accessor="report_file", orderable=False
    )

    class Meta(RegisterTable.Meta):
        model = QualityEvaluationSurvey
        fields = ("held_on", "title", "school", "enterprises", "method", "participants")
        sequence = (*fields, "has_report")


class QualityEvaluationSurveyRegister(Register):
    model = QualityEvaluationSurvey
    namespace, name, slug = "training", "quality_survey", "quality-surveys"
    icon = "clipboard-data"
    label, create_label = _("Quality evaluation surveys"), _("New quality evaluation survey")
    table = QualityEvaluationSurveyTable
    filterset = filters.QualityEvaluationSurveyFilter
    search = ("title", "findings")
    related = ("school",)
    prefetch = ("enterprises",)
    readers, editors = EVERYONE, SCHOOL_STAFF
    scope = staticmethod(permissions.quality_surveys_visible_to)
    editable = staticmethod(permissions.quality_surveys_editable_by)
    form = forms.QualityEvaluationSurveyForm
    excel = "quality_surveys"
    files = ("plan_file", "report_file")
    detail_fields = (
        "school",
        "enterprises",
        "held_on",
        "method",
        "participants",
        "plan_file",
        "report_file",
        "findings",
    )


QUALITY_SURVEYS = QualityEvaluationSurveyRegister()
