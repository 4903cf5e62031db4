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
from members.models import Organization, OrganizationKind

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

    history = HistoricalRecords(m2m_fields=[enterprises])

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
    major = models.CharField(_("major"), max_length=100, blank=True)
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


class TrainingProgramme(models.Model):
    """职工在岗培训: a school's training of enterprise employees, funded by a county department."""

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
