"""Training platforms and people: Linqu plan §(一)2-3, §(二)4-5, §(三)8; Qufu (二)(四)(六)(七).

Platforms: in-school workshops (校中厂) with their production orders and student rotations,
in-plant training bases (厂中校 / 技能实训基地), teacher stations (教师活动站) with the practice
posts they offer each year. People: teachers and their secondments (教师入企实践), the craftsmen
pool (兼职技师人才资源库) and their teaching assignments. In-service training (职工在岗培训) and
skill-level certification (技能等级认定).

Rules that forms AND Excel imports must obey live in ``clean()`` (dates in order, counts within
bounds, a station of the secondment's own enterprise); natural keys are unique constraints so an
import can update a row instead of duplicating it.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from alliance.uploads import DOCX, PDF, UploadValidator
from alliance.validators import validate_mobile
from members.models import Major, Organization, OrganizationKind

ENTERPRISES = {"kind": OrganizationKind.ENTERPRISE}
SCHOOLS = {"kind": OrganizationKind.SCHOOL}


def _dates_in_order(start: dt.date | None, end: dt.date | None, end_field: str) -> None:
    if start and end and end < start:
        raise ValidationError({end_field: _("The end date cannot be before the start date.")})


class WorkshopStatus(models.TextChoices):
    PLANNED = "planned", _("Being built")
    OPERATING = "operating", _("Operating")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")


class InSchoolWorkshop(models.Model):
    """校中厂: an enterprise production line inside a school, where students work in rotation."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="workshops",
        limit_choices_to=SCHOOLS,
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("partner enterprises"),
        related_name="partner_workshops",
        limit_choices_to=ENTERPRISES,
    )
    name = models.CharField(_("workshop name"), max_length=100)
    production_line = models.CharField(_("production line"), max_length=200, blank=True)
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=WorkshopStatus.choices, default=WorkshopStatus.OPERATING
    )
    # Linqu (一)2: teachers take part in running it as technical managers, and it serves
    # teaching, staff training, production and technical service.
    technical_managers = models.ManyToManyField(
        "Teacher",
        verbose_name=_("teachers as technical managers"),
        related_name="managed_workshops",
        blank=True,
    )
    for_teaching = models.BooleanField(_("used for teaching"), default=True)
    for_staff_training = models.BooleanField(_("used for staff training"), default=False)
    for_production = models.BooleanField(_("used for production"), default=True)
    for_technical_service = models.BooleanField(_("used for technical service"), default=False)

    history = HistoricalRecords(m2m_fields=[enterprises, technical_managers])

    class Meta:
        verbose_name = _("in-school workshop")
        verbose_name_plural = _("in-school workshops")
        ordering = ["school__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="workshop_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class ProductionOrder(models.Model):
    """An order a partner enterprise places with the workshop (the workshop's real production)."""

    workshop = models.ForeignKey(
        InSchoolWorkshop,
        verbose_name=_("in-school workshop"),
        on_delete=models.CASCADE,
        related_name="orders",
    )
    description = models.CharField(_("description"), max_length=200)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    value = models.DecimalField(
        _("value (yuan)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    start_on = models.DateField(_("start"))
    end_on = models.DateField(_("end"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("production order")
        verbose_name_plural = _("production orders")
        ordering = ["-start_on", "pk"]

    def __str__(self) -> str:
        return self.description

    def clean(self) -> None:
        _dates_in_order(self.start_on, self.end_on, "end_on")


class StudentRotation(models.Model):
    """A class of students working in the workshop for a period (工学结合)."""

    workshop = models.ForeignKey(
        InSchoolWorkshop,
        verbose_name=_("in-school workshop"),
        on_delete=models.CASCADE,
        related_name="rotations",
    )
    class_name = models.CharField(_("class"), max_length=100)
    major = models.CharField(_("major"), max_length=100, blank=True)
    headcount = models.PositiveIntegerField(_("headcount"), validators=[MinValueValidator(1)])
    start_on = models.DateField(_("start"))
    end_on = models.DateField(_("end"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("student rotation")
        verbose_name_plural = _("student rotations")
        ordering = ["-start_on", "pk"]

    def __str__(self) -> str:
        return self.class_name

    def clean(self) -> None:
        _dates_in_order(self.start_on, self.end_on, "end_on")


class PlatformStatus(models.TextChoices):
    ACTIVE = "active", _("In use")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")


class TrainingBase(models.Model):
    """厂中校 / 技能实训基地: where students train in the enterprise under a master (师傅)."""

    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="training_bases",
        limit_choices_to=ENTERPRISES,
    )
    name = models.CharField(_("base name"), max_length=100)
    address = models.CharField(_("address"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity (students)"), validators=[MinValueValidator(1)]
    )
    majors = models.CharField(
        _("majors served"), max_length=200, blank=True, help_text=_("Separate with 、 or commas.")
    )
    masters_count = models.PositiveIntegerField(_("masters assigned"), default=0)
    master_names = models.CharField(_("masters' names"), max_length=300, blank=True)
    established_on = models.DateField(_("established on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PlatformStatus.choices, default=PlatformStatus.ACTIVE
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("training base")
        verbose_name_plural = _("training bases")
        ordering = ["enterprise__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "name"], name="base_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _dates_in_order(self.established_on, self.closed_on, "closed_on")
        if self.status == PlatformStatus.CLOSED and not self.closed_on:
            raise ValidationError({"closed_on": _("A closed base needs the date it closed.")})


class TeacherStation(models.Model):
    """教师活动站: an enterprise's place for seconded teachers; offers practice posts each year."""

    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="teacher_stations",
        limit_choices_to=ENTERPRISES,
    )
    name = models.CharField(_("station name"), max_length=100)
    established_on = models.DateField(_("established on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("teacher station")
        verbose_name_plural = _("teacher stations")
        ordering = ["enterprise__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "name"], name="station_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _dates_in_order(self.established_on, self.closed_on, "closed_on")


class StationPost(models.Model):
    """Practice posts a station offers teachers in a year (set from the schools' needs)."""

    station = models.ForeignKey(
        TeacherStation,
        verbose_name=_("teacher station"),
        on_delete=models.CASCADE,
        related_name="posts",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    post = models.CharField(_("post"), max_length=100)
    major = models.ForeignKey(
        Major,
        verbose_name=_("major"),
        on_delete=models.PROTECT,
        related_name="station_posts",
        null=True,
        blank=True,
        help_text=_("The major of the teachers the post suits, from a school's catalogue."),
    )
    places = models.PositiveIntegerField(_("places"), validators=[MinValueValidator(1)])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("practice post")
        verbose_name_plural = _("practice posts")
        ordering = ["-year", "post"]
        constraints = [
            models.UniqueConstraint(
                fields=["station", "year", "post", "major"], name="station_post_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.post}"


class Teacher(models.Model):
    """A school's teacher. Professional teachers (专业教师) are the 5 % secondment denominator."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="teachers",
        limit_choices_to=SCHOOLS,
    )
    name = models.CharField(_("full name"), max_length=50)
    employee_number = models.CharField(
        _("staff number"),
        max_length=30,
        blank=True,
        help_text=_("Needed only to tell apart two teachers of the same name."),
    )
    department = models.CharField(_("department"), max_length=100, blank=True)
    is_professional = models.BooleanField(_("professional teacher"), default=True)
    is_dual_qualified = models.BooleanField(_("dual-qualified teacher"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("teacher")
        verbose_name_plural = _("teachers")
        ordering = ["school__name", "department", "name"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["school", "department", "name"])]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name", "employee_number"], name="teacher_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class SecondmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


# Secondments that count towards the 5 % (a plan that never started does not).
COUNTED_SECONDMENTS = (SecondmentStatus.ONGOING, SecondmentStatus.COMPLETED)


def secondment_report_path(instance: Secondment, filename: str) -> str:
    return f"training/secondments/{instance.start_on:%Y}/{filename}"


class Secondment(models.Model):
    """教师入企实践: a teacher working at an enterprise (optionally at its teacher station)."""

    teacher = models.ForeignKey(
        Teacher, verbose_name=_("teacher"), on_delete=models.PROTECT, related_name="secondments"
    )
    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="hosted_secondments",
        limit_choices_to=ENTERPRISES,
    )
    station = models.ForeignKey(
        TeacherStation,
        verbose_name=_("teacher station"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="secondments",
    )
    start_on = models.DateField(_("start"))
    end_on = models.DateField(_("end"))
    days = models.PositiveIntegerField(_("days"), validators=[MinValueValidator(1)])
    post = models.CharField(_("post"), max_length=100, blank=True)
    outcome_report = models.FileField(
        _("outcome report"),
        upload_to=secondment_report_path,
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
        help_text=_("PDF or Word (.docx)."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SecondmentStatus.choices,
        default=SecondmentStatus.PLANNED,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("secondment")
        verbose_name_plural = _("secondments")
        ordering = ["-start_on", "pk"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-start_on", "id"])]
        constraints = [
            # The natural key an Excel import matches on: one teacher starts one secondment
            # at one enterprise on a given day.
            models.UniqueConstraint(
                fields=["teacher", "enterprise", "start_on"],
                name="secondment_unique_teacher_enterprise_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.teacher}（{self.enterprise}）"

    @property
    def period_days(self) -> int:
        return (self.end_on - self.start_on).days + 1

    def clean(self) -> None:
        _dates_in_order(self.start_on, self.end_on, "end_on")
        errors = {}
        if (
            self.start_on
            and self.end_on
            and self.days
            and self.end_on >= self.start_on
            and self.days > self.period_days
        ):
            errors["days"] = _(
                "The days at the enterprise cannot exceed the %(n)s days of the period."
            ) % {"n": self.period_days}
        if (
            self.station_id
            and self.enterprise_id
            and self.station.enterprise_id != self.enterprise_id
        ):
            errors["station"] = _("This teacher station belongs to another enterprise.")
        if errors:
            raise ValidationError(errors)


class SkillLevel(models.TextChoices):
    SENIOR_TECHNICIAN = "senior_technician", _("Senior technician")
    TECHNICIAN = "technician", _("Technician")
    SENIOR_WORKER = "senior_worker", _("Senior worker")
    INTERMEDIATE_WORKER = "intermediate_worker", _("Intermediate worker")
    JUNIOR_WORKER = "junior_worker", _("Junior worker")


class CraftsmanRole(models.TextChoices):
    MANAGEMENT_EXPERT = "management_expert", _("Management expert")
    PRACTICE_EXPERT = "practice_expert", _("Practice expert")
    MASTER_CRAFTSMAN = "master_craftsman", _("Master craftsman")


class Craftsman(models.Model):
    """A member of the craftsmen pool (兼职技师人才资源库) who may teach at the schools."""

    name = models.CharField(_("full name"), max_length=50)
    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="craftsmen",
        limit_choices_to=ENTERPRISES,
    )
    skill_level = models.CharField(_("skill level"), max_length=24, choices=SkillLevel.choices)
    specialty = models.CharField(_("specialty"), max_length=100, blank=True)
    role = models.CharField(_("role in the pool"), max_length=24, choices=CraftsmanRole.choices)
    phone = models.CharField(
        _("mobile phone"), max_length=11, blank=True, validators=[validate_mobile]
    )
    joined_on = models.DateField(_("in the pool since"), null=True, blank=True)
    left_on = models.DateField(_("left the pool on"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("craftsman")
        verbose_name_plural = _("craftsmen")
        ordering = ["enterprise__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "name"], name="craftsman_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _dates_in_order(self.joined_on, self.left_on, "left_on")
        if self.active and self.left_on:
            raise ValidationError({"active": _("A craftsman who left the pool is not active.")})


class Term(models.IntegerChoices):
    SPRING = 1, _("Spring term")
    AUTUMN = 2, _("Autumn term")


class AssignmentKind(models.TextChoices):
    PART_TIME_TEACHER = "part_time_teacher", _("Part-time professional teacher")
    INTERNSHIP_INSTRUCTOR = "internship_instructor", _("Internship instructor")
    TEACHING_STANDARDS = "teaching_standards", _("Teaching standards")
    TEACHING_RESEARCH = "teaching_research", _("Teaching research")


class TeachingAssignment(models.Model):
    """A craftsman's teaching at a school in one term (工匠入校任教)."""

    craftsman = models.ForeignKey(
        Craftsman, verbose_name=_("craftsman"), on_delete=models.PROTECT, related_name="assignments"
    )
    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="teaching_assignments",
        limit_choices_to=SCHOOLS,
    )
    course = models.CharField(_("course"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    term = models.PositiveSmallIntegerField(_("term"), choices=Term.choices)
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=1, validators=[MinValueValidator(0.5)]
    )
    kind = models.CharField(_("kind"), max_length=24, choices=AssignmentKind.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("teaching assignment")
        verbose_name_plural = _("teaching assignments")
        ordering = ["-year", "-term", "course"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-year", "-term", "course"])]
        constraints = [
            models.UniqueConstraint(
                fields=["craftsman", "school", "course", "year", "term"],
                name="assignment_unique_term",
            )
        ]

    def __str__(self) -> str:
        return f"{self.course} ({self.year})"


class FundingDepartment(models.TextChoices):
    HUMAN_RESOURCES = "human_resources", _("Human resources and social security")
    INDUSTRY = "industry", _("Industry and information technology")
    EMERGENCY = "emergency", _("Emergency management")
    CULTURE_TOURISM = "culture_tourism", _("Culture and tourism")
    COMMERCE = "commerce", _("Commerce")
    AGRICULTURE = "agriculture", _("Agriculture and rural affairs")
    OTHER = "other", _("Other")


class ProgrammeForm(models.TextChoices):
    """Qufu 三(七): 「长短结合」."""

    LONG = "long", _("Long course")
    SHORT = "short", _("Short course")


class ProgrammeVenue(models.TextChoices):
    """Qufu 三(七): the school's bases, production bases in or out of school, the enterprise."""

    SCHOOL_BASE = "school_base", _("School training base")
    PRODUCTION_BASE = "production_base", _("Production training base")
    ENTERPRISE = "enterprise", _("At the enterprise")
    OTHER = "other", _("Other venue")


class ProgrammeAudience(models.TextChoices):
    """Linqu §(三)8 trains employees; Qufu 三(七) also the public (社会技能培训)."""

    EMPLOYEES = "employees", _("Enterprise employees")
    PUBLIC = "public", _("The public")


class TrainingProgramme(models.Model):
    """职工在岗培训 and 社会技能培训: a school's training of enterprise employees or of the public,
    funded by a county department, as a long or short course at a venue."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("provider school"),
        on_delete=models.PROTECT,
        related_name="training_programmes",
        limit_choices_to=SCHOOLS,
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("enterprises"),
        related_name="employee_programmes",
        blank=True,
        limit_choices_to=ENTERPRISES,
    )
    title = models.CharField(_("programme title"), max_length=200)
    funding_department = models.CharField(
        _("funding department"),
        max_length=24,
        choices=FundingDepartment.choices,
        default=FundingDepartment.HUMAN_RESOURCES,
    )
    form = models.CharField(
        _("course form"), max_length=8, choices=ProgrammeForm.choices, default=ProgrammeForm.SHORT
    )
    venue = models.CharField(
        _("venue"),
        max_length=16,
        choices=ProgrammeVenue.choices,
        default=ProgrammeVenue.SCHOOL_BASE,
    )
    audience = models.CharField(
        _("audience"),
        max_length=16,
        choices=ProgrammeAudience.choices,
        default=ProgrammeAudience.EMPLOYEES,
    )
    start_on = models.DateField(_("start"))
    end_on = models.DateField(_("end"))
    participants = models.PositiveIntegerField(
        _("participants (person-times)"), validators=[MinValueValidator(1)]
    )
    hours = models.DecimalField(
        _("hours"), max_digits=7, decimal_places=1, validators=[MinValueValidator(0.5)]
    )

    history = HistoricalRecords(m2m_fields=[enterprises])

    class Meta:
        verbose_name = _("in-service training programme")
        verbose_name_plural = _("in-service training programmes")
        ordering = ["-start_on", "title"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-start_on", "title"])]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "title", "start_on"], name="programme_unique_title"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        _dates_in_order(self.start_on, self.end_on, "end_on")


class CertificationLevel(models.TextChoices):
    LEVEL_1 = "1", _("Level 1 / senior technician")
    LEVEL_2 = "2", _("Level 2 / technician")
    LEVEL_3 = "3", _("Level 3 / senior worker")
    LEVEL_4 = "4", _("Level 4 / intermediate worker")
    LEVEL_5 = "5", _("Level 5 / junior worker")


class Certification(models.Model):
    """技能等级认定: a skill-level assessment the school ran for enterprise employees."""

    programme = models.ForeignKey(
        TrainingProgramme,
        verbose_name=_("training programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certifications",
    )
    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="certifications",
        limit_choices_to=SCHOOLS,
    )
    assessed_on = models.DateField(_("assessed on"))
    occupation = models.CharField(_("occupation"), max_length=100)
    level = models.CharField(_("level"), max_length=2, choices=CertificationLevel.choices)
    candidates = models.PositiveIntegerField(_("candidates"), validators=[MinValueValidator(1)])
    passed = models.PositiveIntegerField(_("passed"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("skill certification")
        verbose_name_plural = _("skill certifications")
        ordering = ["-assessed_on", "occupation"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-assessed_on", "occupation"])]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "assessed_on", "occupation", "level"],
                name="certification_unique_session",
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation} {self.get_level_display()}"

    def clean(self) -> None:
        errors = {}
        if (
            self.passed is not None
            and self.candidates is not None
            and self.passed > self.candidates
        ):
            errors["passed"] = _("More passed than took the assessment.")
        if self.programme_id and self.school_id and self.programme.school_id != self.school_id:
            errors["programme"] = _("This programme belongs to another school.")
        if errors:
            raise ValidationError(errors)


# --- co-building: institutions, services and research, shared resources, teacher teams ----------
# Issue 15: Linqu 原则 (技术支持、资源共享), (一)1-2, (二)4; Qufu 三(一)(二)(四)(五)(六).


class InstitutionKind(models.TextChoices):
    INDUSTRY_COLLEGE = "industry_college", _("Industry college")
    MASTER_STUDIO = "master_studio", _("Skills master studio")
    TEACHER_STUDIO = "teacher_studio", _("Famous teacher studio")
    INNOVATION_WORKSHOP = "innovation_workshop", _("Innovation workshop")
    TEACHING_TEAM = "teaching_team", _("Teaching innovation team")
    STEERING_COMMITTEE = "steering_committee", _("Teaching or major steering committee")
    MIXED_OWNERSHIP = "mixed_ownership", _("Shareholding or mixed-ownership school")
    ENTERPRISE_RUN = "enterprise_run", _("Enterprise-run or co-run schooling")
    OTHER = "other", _("Other co-built institution")


class InstitutionMode(models.TextChoices):
    CO_BUILT = "co_built", _("Co-built and co-managed")
    SOLE = "sole", _("Sole enterprise funding")
    JOINT_VENTURE = "joint_venture", _("Joint venture")
    COOPERATIVE = "cooperative", _("Cooperative schooling")
    PURCHASED_SERVICE = "purchased_service", _("Purchased service")
    ENTRUSTED = "entrusted", _("Entrusted management")
    SHAREHOLDING = "shareholding", _("Shareholding")
    MIXED = "mixed", _("Mixed ownership")


class CoBuiltInstitution(models.Model):
    """A body a school and enterprises build together: an industry college, a master's or famous
    teacher's studio, an innovation workshop (创新工坊), a teaching team, a steering committee,
    or a school run or co-run by enterprises (股份制、混合所有制、独资、合资、合作办学 …)."""

    kind = models.CharField(_("kind"), max_length=24, choices=InstitutionKind.choices)
    name = models.CharField(_("name"), max_length=100)
    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="co_built_institutions",
        limit_choices_to=SCHOOLS,
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("partner enterprises"),
        related_name="co_built_institutions_joined",
        limit_choices_to=ENTERPRISES,
        blank=True,
    )
    mode = models.CharField(
        _("mode of cooperation"),
        max_length=24,
        choices=InstitutionMode.choices,
        default=InstitutionMode.CO_BUILT,
    )
    major = models.ForeignKey(
        Major,
        verbose_name=_("major"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="co_built_institutions",
    )
    founded_on = models.DateField(_("founded on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    leaders = models.CharField(
        _("leaders"), max_length=200, help_text=_("E.g. 王建国（学校）、刘洪涛（企业）.")
    )
    teachers = models.ManyToManyField(
        "Teacher", verbose_name=_("member teachers"), related_name="institutions", blank=True
    )
    craftsmen = models.ManyToManyField(
        "Craftsman", verbose_name=_("member craftsmen"), related_name="institutions", blank=True
    )
    host_base = models.ForeignKey(
        TrainingBase,
        verbose_name=_("host training base"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="institutions",
    )
    host_workshop = models.ForeignKey(
        InSchoolWorkshop,
        verbose_name=_("host in-school workshop"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="institutions",
    )
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords(m2m_fields=[enterprises, teachers, craftsmen])

    class Meta:
        indexes = [models.Index(fields=["kind"])]
        verbose_name = _("co-built institution")
        verbose_name_plural = _("co-built institutions")
        ordering = ["kind", "school__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                name="institution_unique_name",
                violation_error_message=_("This school already has an institution of this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _dates_in_order(self.founded_on, self.closed_on, "closed_on")
        errors = {}
        if self.major_id and self.school_id and self.major.school_id != self.school_id:
            errors["major"] = _("Choose a major of the institution's own school.")
        if (
            self.host_workshop_id
            and self.school_id
            and self.host_workshop.school_id != self.school_id
        ):
            errors["host_workshop"] = _("This in-school workshop belongs to another school.")
        if errors:
            raise ValidationError(errors)

    def active_in(self, year: int) -> bool:
        return self.founded_on.year <= year and (
            self.closed_on is None or self.closed_on.year >= year
        )


class InstitutionYear(models.Model):
    """An institution's yearly log: what it did and what came out of it."""

    institution = models.ForeignKey(
        CoBuiltInstitution,
        verbose_name=_("co-built institution"),
        on_delete=models.CASCADE,
        related_name="years",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    activities = models.TextField(_("activities"))
    outputs = models.TextField(_("outputs"), blank=True)
    events = models.PositiveIntegerField(_("activities held"), default=0)
    people_trained = models.PositiveIntegerField(_("people trained (person-times)"), default=0)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["-year"])]
        verbose_name = _("yearly log")
        verbose_name_plural = _("yearly logs")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "year"],
                name="institution_year_unique",
                violation_error_message=_("This year is already logged for the institution."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.institution} {self.year}"


class ProjectKind(models.TextChoices):
    TECHNICAL_SERVICE = "technical_service", _("Technical service")
    JOINT_RND = "joint_rnd", _("Joint research and development")
    RESEARCH_TOPIC = "research_topic", _("Research topic")


class ProjectStatus(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")


class ServiceProject(models.Model):
    """A technical service, joint R&D project or research topic of a school with enterprises."""

    kind = models.CharField(_("kind"), max_length=24, choices=ProjectKind.choices)
    title = models.CharField(_("project title"), max_length=200)
    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="service_projects",
        limit_choices_to=SCHOOLS,
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("partner enterprises"),
        related_name="service_projects_joined",
        limit_choices_to=ENTERPRISES,
        blank=True,
    )
    institution = models.ForeignKey(
        CoBuiltInstitution,
        verbose_name=_("co-built institution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    lead = models.CharField(_("project lead"), max_length=100, blank=True)
    start_on = models.DateField(_("start"))
    end_on = models.DateField(_("end"), null=True, blank=True)
    value = models.DecimalField(
        _("contract value (yuan)"),
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.ONGOING
    )
    result = models.TextField(_("result"), blank=True)

    history = HistoricalRecords(m2m_fields=[enterprises])

    class Meta:
        indexes = [models.Index(fields=["-start_on", "title"])]
        verbose_name = _("service or research project")
        verbose_name_plural = _("service and research projects")
        ordering = ["-start_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "title", "start_on"],
                name="project_unique_title",
                violation_error_message=_("This project is already registered."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        _dates_in_order(self.start_on, self.end_on, "end_on")
        errors = {}
        if self.status == ProjectStatus.COMPLETED and not self.end_on:
            errors["end_on"] = _("A completed project needs its end date.")
        if self.institution_id and self.school_id and self.institution.school_id != self.school_id:
            errors["institution"] = _("This institution belongs to another school.")
        if errors:
            raise ValidationError(errors)


class PatentKind(models.TextChoices):
    INVENTION = "invention", _("Invention patent")
    UTILITY_MODEL = "utility_model", _("Utility model patent")
    DESIGN = "design", _("Design patent")
    SOFTWARE = "software", _("Software copyright")


class PatentStatus(models.TextChoices):
    FILED = "filed", _("Filed")
    GRANTED = "granted", _("Granted")
    TRANSFERRED = "transferred", _("Granted and transferred")
    LAPSED = "lapsed", _("Lapsed or rejected")


class Patent(models.Model):
    """A patent (or software copyright) a school filed, alone or with enterprises; it may come
    from a project or from a co-built institution such as an innovation workshop (创新工坊)."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="patents",
        limit_choices_to=SCHOOLS,
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("co-holding enterprises"),
        related_name="patents_held",
        limit_choices_to=ENTERPRISES,
        blank=True,
    )
    title = models.CharField(_("patent title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=PatentKind.choices)
    number = models.CharField(
        _("patent number"),
        max_length=30,
        blank=True,
        help_text=_("Application or grant number, e.g. ZL202310123456.7."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=PatentStatus.choices, default=PatentStatus.FILED
    )
    inventors = models.CharField(_("inventors"), max_length=200, blank=True)
    filed_on = models.DateField(_("filed on"))
    granted_on = models.DateField(_("patent granted on"), null=True, blank=True)
    project = models.ForeignKey(
        ServiceProject,
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="patents",
    )
    institution = models.ForeignKey(
        CoBuiltInstitution,
        verbose_name=_("co-built institution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="patents",
        help_text=_("E.g. the innovation workshop (创新工坊) it came from."),
    )
    transferred_to = models.ForeignKey(
        Organization,
        verbose_name=_("transferred to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="patents_received",
        limit_choices_to=ENTERPRISES,
    )
    transferred_on = models.DateField(_("transferred on"), null=True, blank=True)
    transfer_value = models.DecimalField(
        _("transfer value (yuan)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    history = HistoricalRecords(m2m_fields=[enterprises])

    class Meta:
        indexes = [models.Index(fields=["-filed_on", "title"])]
        verbose_name = _("patent")
        verbose_name_plural = _("patents")
        ordering = ["-filed_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "title", "filed_on"],
                name="patent_unique_title",
                violation_error_message=_("This patent is already registered."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.number}）" if self.number else self.title

    def clean(self) -> None:
        _dates_in_order(self.filed_on, self.granted_on, "granted_on")
        errors = {}
        granted = (PatentStatus.GRANTED, PatentStatus.TRANSFERRED)
        if self.status in granted and not self.granted_on:
            errors["granted_on"] = _("A granted patent needs its grant date.")
        if self.status in granted and not self.number:
            errors["number"] = _("A granted patent needs its number.")
        if self.status == PatentStatus.TRANSFERRED and not (
            self.transferred_to_id and self.transferred_on
        ):
            errors["transferred_to"] = _("Name the enterprise and the date of the transfer.")
        if self.transferred_on and self.granted_on and self.transferred_on < self.granted_on:
            errors["transferred_on"] = _("A patent is transferred after it is granted.")
        for name in ("project", "institution"):
            linked = getattr(self, name) if getattr(self, f"{name}_id") else None
            if linked is not None and self.school_id and linked.school_id != self.school_id:
                errors[name] = _("This record belongs to another school.")
        if errors:
            raise ValidationError(errors)


class EquipmentDirection(models.TextChoices):
    INTRODUCED = "introduced", _("Introduced into the school by the enterprise")
    SHARED = "shared", _("Shared between school and enterprise")
    LENT = "lent", _("School equipment used by the enterprise")


class SharedEquipment(models.Model):
    """Equipment an enterprise introduces into a school, or that school and enterprise share
    (Linqu 原则 资源共享, (一)3 先进设备)."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="shared_equipment",
        limit_choices_to=SCHOOLS,
    )
    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="equipment_shared",
        limit_choices_to=ENTERPRISES,
    )
    name = models.CharField(_("equipment"), max_length=200)
    direction = models.CharField(_("kind"), max_length=16, choices=EquipmentDirection.choices)
    quantity = models.PositiveIntegerField(
        _("quantity"), default=1, validators=[MinValueValidator(1)]
    )
    value = models.DecimalField(
        _("value (yuan)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    since = models.DateField(_("in use since"))
    until = models.DateField(_("in use until"), null=True, blank=True)
    workshop = models.ForeignKey(
        InSchoolWorkshop,
        verbose_name=_("in-school workshop"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="equipment",
    )
    base = models.ForeignKey(
        TrainingBase,
        verbose_name=_("training base"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="equipment",
    )

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["-since", "name"])]
        verbose_name = _("shared equipment")
        verbose_name_plural = _("shared equipment")
        ordering = ["-since", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "enterprise", "name", "since"],
                name="equipment_unique",
                violation_error_message=_("This equipment is already registered."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _dates_in_order(self.since, self.until, "until")
        errors = {}
        if self.workshop_id and self.school_id and self.workshop.school_id != self.school_id:
            errors["workshop"] = _("This in-school workshop belongs to another school.")
        if self.base_id and self.enterprise_id and self.base.enterprise_id != self.enterprise_id:
            errors["base"] = _("This training base belongs to another enterprise.")
        if errors:
            raise ValidationError(errors)


class ContributionKind(models.TextChoices):
    STAFF = "staff", _("Staff")
    UTILITIES = "utilities", _("Water and electricity")
    PREMISES = "premises", _("Premises")
    EQUIPMENT = "equipment", _("Equipment")
    OTHER = "other", _("Other")


class WorkshopContribution(models.Model):
    """What the school puts into its in-school workshop in a year (Linqu (一)2: 人力、水电支持)."""

    workshop = models.ForeignKey(
        InSchoolWorkshop,
        verbose_name=_("in-school workshop"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    kind = models.CharField(_("contribution"), max_length=16, choices=ContributionKind.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    value = models.DecimalField(
        _("estimated value (yuan)"),
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["-year", "kind"])]
        verbose_name = _("school contribution")
        verbose_name_plural = _("school contributions")
        ordering = ["-year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "year", "kind"],
                name="contribution_unique",
                violation_error_message=_("This contribution is already recorded for the year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_kind_display()}"


class AppointmentDirection(models.TextChoices):
    TEACHER_AT_ENTERPRISE = "teacher_at_enterprise", _("Teacher appointed by an enterprise")
    CRAFTSMAN_AT_SCHOOL = "craftsman_at_school", _("Enterprise talent appointed by a school")


class TwoWayAppointment(models.Model):
    """双向聘用 (Qufu 三(六)): a teacher appointed at an enterprise (技术顾问 …), or an enterprise's
    craftsman appointed at a school (产业导师, 兼职教授 …), for a term."""

    direction = models.CharField(
        _("direction"), max_length=24, choices=AppointmentDirection.choices
    )
    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="two_way_appointments",
        limit_choices_to=SCHOOLS,
    )
    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="two_way_appointments_made",
        limit_choices_to=ENTERPRISES,
    )
    teacher = models.ForeignKey(
        "Teacher",
        verbose_name=_("teacher"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
    )
    craftsman = models.ForeignKey(
        "Craftsman",
        verbose_name=_("craftsman"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
    )
    position = models.CharField(
        _("position"), max_length=100, help_text=_("E.g. 技术顾问, 产业导师, 兼职教授.")
    )
    start_on = models.DateField(_("term start"))
    end_on = models.DateField(_("term end"))
    duties = models.TextField(_("terms and duties"), blank=True)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["-start_on"])]
        verbose_name = _("two-way appointment")
        verbose_name_plural = _("two-way appointments")
        ordering = ["-start_on", "pk"]

    def __str__(self) -> str:
        person = self.teacher if self.teacher_id else self.craftsman
        return f"{person} {self.position}"

    def clean(self) -> None:
        _dates_in_order(self.start_on, self.end_on, "end_on")
        errors = {}
        if self.direction == AppointmentDirection.TEACHER_AT_ENTERPRISE:
            if not self.teacher_id:
                errors["teacher"] = _("Choose the teacher the enterprise appoints.")
            elif self.school_id and self.teacher.school_id != self.school_id:
                errors["teacher"] = _("This teacher belongs to another school.")
            if self.craftsman_id:
                errors["craftsman"] = _("A teacher's appointment names no craftsman.")
        if self.direction == AppointmentDirection.CRAFTSMAN_AT_SCHOOL:
            if not self.craftsman_id:
                errors["craftsman"] = _("Choose the craftsman the school appoints.")
            elif self.enterprise_id and self.craftsman.enterprise_id != self.enterprise_id:
                errors["craftsman"] = _("This craftsman works for another enterprise.")
            if self.teacher_id:
                errors["teacher"] = _("A craftsman's appointment names no teacher.")
        if errors:
            raise ValidationError(errors)


# --- external cooperation (Qufu 三(八) 对外合作) ------------------------------------------------------


class PartnerKind(models.TextChoices):
    VOCATIONAL_SCHOOL = "vocational_school", _("Vocational school")
    UNIVERSITY = "university", _("Higher vocational college or university")
    ENTERPRISE = "enterprise", _("Enterprise")
    OTHER = "other", _("Other institution")


class PartnerInstitution(models.Model):
    """An institution outside the city that a member school cooperates with (Qufu 三(八):
    「与职业教育发达地区院校交流合作」); never an alliance member, whose work has its own registers."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="external_partners",
        limit_choices_to=SCHOOLS,
    )
    name = models.CharField(_("partner institution"), max_length=100)
    kind = models.CharField(_("kind"), max_length=24, choices=PartnerKind.choices)
    location = models.CharField(
        _("location"), max_length=100, help_text=_("Province and city, e.g. 江苏省苏州市.")
    )
    agreement_title = models.CharField(_("cooperation agreement"), max_length=200, blank=True)
    agreement_signed_on = models.DateField(_("agreement signed on"), null=True, blank=True)
    agreement_until = models.DateField(_("agreement valid until"), null=True, blank=True)
    agreement_file = models.FileField(
        _("agreement file"),
        upload_to="training/partner_agreements/",
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("external partner")
        verbose_name_plural = _("external partners")
        ordering = ["school__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="partner_unique_per_school")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if (
            self.agreement_signed_on
            and self.agreement_until
            and self.agreement_until < self.agreement_signed_on
        ):
            errors["agreement_until"] = _("The end date cannot be before the start date.")
        if (self.agreement_signed_on or self.agreement_file) and not self.agreement_title:
            errors["agreement_title"] = _("Name the agreement.")
        if self.name and Organization.objects.filter(name=self.name.strip()).exists():
            # Members' cooperation is kept in their own registers; this one is for outsiders.
            errors["name"] = _(
                "“%(name)s” is an alliance member: external cooperation is with institutions "
                "outside the alliance."
            ) % {"name": self.name}
        if errors:
            raise ValidationError(errors)


class ExchangeArea(models.TextChoices):
    """Qufu 三(八): the areas of cooperation the plan names."""

    INTEGRATION = "integration", _("Industry–education integration")
    SCHOOL_DEVELOPMENT = "school_development", _("School development")
    MAJORS = "majors", _("Major development")
    CURRICULUM = "curriculum", _("Curriculum standards")
    TEACHER_TRAINING = "teacher_training", _("Teacher training")
    PROGRESSION = "progression", _("Further study and employment")
    RESOURCES = "resources", _("Teaching resource development")


class ExchangeDirection(models.TextChoices):
    """「引进来，走出去」."""

    INBOUND = "inbound", _("Bringing in")
    OUTBOUND = "outbound", _("Going out")


class PartnerExchange(models.Model):
    """A dated exchange with an external partner in one area of cooperation."""

    partner = models.ForeignKey(
        PartnerInstitution,
        verbose_name=_("external partner"),
        on_delete=models.CASCADE,
        related_name="exchanges",
    )
    date = models.DateField(_("date"))
    area = models.CharField(_("area"), max_length=24, choices=ExchangeArea.choices)
    direction = models.CharField(
        _("exchange direction"), max_length=16, choices=ExchangeDirection.choices
    )
    title = models.CharField(_("exchange"), max_length=200)
    participants = models.PositiveIntegerField(_("participants"), default=0)
    outcome = models.TextField(_("outcome"), blank=True)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["-date"])]
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "date", "title"], name="exchange_unique_per_partner_day"
            )
        ]

    def __str__(self) -> str:
        return self.title


# --- quality evaluation (Qufu 三(三) 多主体质量评价) -----------------------------------------------


class SurveyMethod(models.TextChoices):
    SYMPOSIUM = "symposium", _("Symposium")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire")
    BOTH = "both", _("Symposium and questionnaire")


class QualityEvaluationSurvey(models.Model):
    """A survey a school and its partner enterprises ran on a multi-party quality evaluation
    system (Qufu 三(三): 「制定调研方案，召开座谈会或进行问卷调查，形成调研报告」): the plan, the
    symposium or questionnaire, and the report that counts it as done."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="quality_surveys",
        limit_choices_to=SCHOOLS,
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("partner enterprises"),
        related_name="quality_surveys_joined",
        limit_choices_to=ENTERPRISES,
    )
    title = models.CharField(_("survey title"), max_length=200)
    held_on = models.DateField(_("held on"))
    method = models.CharField(_("method"), max_length=16, choices=SurveyMethod.choices)
    participants = models.PositiveIntegerField(_("participants"), default=0)
    plan_file = models.FileField(
        _("survey plan"),
        upload_to="training/quality_surveys/",
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
    )
    report_file = models.FileField(
        _("survey report"),
        upload_to="training/quality_surveys/",
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
    )
    findings = models.TextField(_("findings"), blank=True)

    history = HistoricalRecords(m2m_fields=[enterprises])

    class Meta:
        indexes = [models.Index(fields=["-held_on", "title"])]
        verbose_name = _("quality evaluation survey")
        verbose_name_plural = _("quality evaluation surveys")
        ordering = ["-held_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "title", "held_on"], name="quality_survey_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title
