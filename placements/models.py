"""Students, order classes, apprenticeships, internships, graduate outcomes and outreach.

The Linqu plan §(三)6-7 (订单班, 学徒制) and §(四)9-11 (企业文化宣传, 留临就业), the Qufu plan (二).
Personal data (ID numbers, phones, wage bands) is stored whole and masked on the server for
everyone but the secretariat (see ``placements.permissions``).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from alliance.uploads import DOCX, IMAGE, PDF, UploadValidator
from alliance.validators import validate_mobile, validate_national_id
from members.models import Major, Organization, OrganizationKind

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]
ENTERPRISES = {"kind": OrganizationKind.ENTERPRISE}
SCHOOLS = {"kind": OrganizationKind.SCHOOL}


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class StudyMode(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    APPRENTICE = "part_time_apprentice", _("Part-time (apprentice)")


class Student(models.Model):
    """A student of a member school; apprentices are part-time students (招工即招生)."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="students",
        limit_choices_to=SCHOOLS,
    )
    student_number = models.CharField(_("student number"), max_length=32)
    name = models.CharField(_("full name"), max_length=50)
    national_id = models.CharField(
        _("ID number"),
        max_length=18,
        blank=True,
        validators=[validate_national_id],
        help_text=_("Resident ID card number, 18 characters."),
    )
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices, blank=True)
    major = models.ForeignKey(
        Major,
        verbose_name=_("major"),
        on_delete=models.PROTECT,
        related_name="students",
        help_text=_("From the school's catalogue of majors."),
    )
    class_name = models.CharField(_("class"), max_length=50, blank=True)
    enrolment_year = models.PositiveSmallIntegerField(
        _("enrolment year"), validators=YEAR_VALIDATORS
    )
    study_mode = models.CharField(
        _("study mode"), max_length=24, choices=StudyMode.choices, default=StudyMode.FULL_TIME
    )
    phone = models.CharField(
        _("mobile phone"), max_length=11, blank=True, validators=[validate_mobile]
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("student")
        verbose_name_plural = _("students")
        ordering = ["-enrolment_year", "student_number"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-enrolment_year", "student_number"])]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "student_number"], name="student_number_unique_per_school"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.student_number}）"

    def clean(self) -> None:
        if self.national_id:
            self.national_id = self.national_id.strip().upper()
        if self.major_id and self.school_id and self.major.school_id != self.school_id:
            raise ValidationError({"major": _("Choose a major of the student's own school.")})


class OrderClassKind(models.TextChoices):
    """The forms of class training with enterprises (Linqu §(三)6, Qufu 三(二))."""

    ORDER = "order", _("Order class")
    DIRECTED = "directed", _("Directed training class")
    APPRENTICESHIP_PILOT = "apprenticeship_pilot", _("Modern apprenticeship pilot class")


class OrderClass(models.Model):
    """订单班: a class trained for one enterprise or jointly for several (联合组班); also a
    定向培养班 or a 现代学徒制试点班 (``kind``)."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="order_classes",
        limit_choices_to=SCHOOLS,
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind of class"),
        max_length=24,
        choices=OrderClassKind.choices,
        default=OrderClassKind.ORDER,
    )
    major = models.ForeignKey(
        Major,
        verbose_name=_("major"),
        on_delete=models.PROTECT,
        related_name="order_classes",
        help_text=_("From the school's catalogue of majors."),
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("order enterprises"),
        related_name="ordered_classes",
        limit_choices_to=ENTERPRISES,
    )
    cohort_year = models.PositiveSmallIntegerField(
        _("cohort (enrolment) year"), validators=YEAR_VALIDATORS
    )
    graduation_year = models.PositiveSmallIntegerField(
        _("graduation year"), validators=YEAR_VALIDATORS
    )
    planned_size = models.PositiveSmallIntegerField(
        _("planned size"), validators=[MinValueValidator(1)]
    )
    agreement = models.FileField(
        _("agreement"),
        upload_to="placements/agreements/",
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
    )
    students = models.ManyToManyField(
        Student,
        through="OrderClassEnrolment",
        verbose_name=_("students"),
        related_name="order_classes",
        blank=True,
    )

    history = HistoricalRecords(m2m_fields=[enterprises])

    class Meta:
        verbose_name = _("order class")
        verbose_name_plural = _("order classes")
        ordering = ["-graduation_year", "name"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-graduation_year", "name"])]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"], name="order_class_name_unique_per_school"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.cohort_year and self.graduation_year and self.graduation_year < self.cohort_year:
            errors["graduation_year"] = _("The graduation year cannot be before the cohort year.")
        if self.major_id and self.school_id and self.major.school_id != self.school_id:
            errors["major"] = _("Choose a major of the class's own school.")
        if errors:
            raise ValidationError(errors)


class Aspect(models.TextChoices):
    """The five alignments (五融通) of an order class."""

    OBJECTIVES = "objectives", _("Course objectives")
    MODEL = "model", _("Course model")
    CONTENT = "content", _("Teaching content")
    MANAGEMENT = "management", _("Teaching management")
    ASSESSMENT = "assessment", _("Assessment")


class AlignmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ALIGNED = "aligned", _("Aligned")


class OrderClassAlignment(models.Model):
    order_class = models.ForeignKey(
        OrderClass,
        verbose_name=_("order class"),
        on_delete=models.CASCADE,
        related_name="alignments",
    )
    aspect = models.CharField(_("aspect"), max_length=16, choices=Aspect.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AlignmentStatus.choices,
        default=AlignmentStatus.NOT_STARTED,
    )
    document = models.FileField(
        _("document"),
        upload_to="placements/alignments/",
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("alignment")
        verbose_name_plural = _("alignments")
        ordering = ["order_class", "aspect"]
        constraints = [
            models.UniqueConstraint(
                fields=["order_class", "aspect"], name="one_alignment_per_aspect"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order_class} · {self.get_aspect_display()}"


class OrderClassEnrolment(models.Model):
    order_class = models.ForeignKey(
        OrderClass,
        verbose_name=_("order class"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    student = models.ForeignKey(
        Student,
        verbose_name=_("student"),
        on_delete=models.CASCADE,
        related_name="order_class_enrolments",
    )
    enrolled_on = models.DateField(_("enrolled on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("order class enrolment")
        verbose_name_plural = _("order class enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["order_class", "student"], name="enrolled_once_per_order_class"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order_class} · {self.student}"

    def clean(self) -> None:
        if (
            self.order_class_id
            and self.student_id
            and self.student.school_id != self.order_class.school_id
        ):
            raise ValidationError(
                {"student": _("The student must belong to the order class's school.")}
            )


class ApprenticeshipMode(models.TextChoices):
    WORK_STUDY = "work_study", _("Alternating work and study")
    FULL_RELEASE = "full_release", _("Full release")
    PARTIAL_RELEASE = "partial_release", _("Partial release")


class ApprenticeshipStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    IN_TRAINING = "in_training", _("In training")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ApprenticeshipPath(models.TextChoices):
    """Two paths to an apprenticeship, each with its own rules."""

    # Linqu §(三)7, Qufu 企业新型学徒制: an employee on a labour contract, a part-time student.
    EMPLOYEE = "employee", _("Employee apprentice (labour contract)")
    # Qufu 现代学徒制试点: a full-time student of a pilot class on a tripartite agreement.
    PILOT = "pilot", _("Modern apprenticeship pilot (tripartite agreement)")


class EmployeeCategory(models.TextChoices):
    """Linqu §(三)7: 「新招用、转岗职工」."""

    NEW_HIRE = "new_hire", _("Newly hired employee")
    TRANSFERRED = "transferred", _("Transferred employee")


class Apprenticeship(models.Model):
    """学徒制, on one of two paths (``path``), trained by an enterprise mentor and a school
    mentor (双导师):

    - employee (招工即招生): a newly hired or transferred employee with a labour contract of at
      least a year, registered as a part-time student;
    - pilot (现代学徒制试点): a full-time student of a pilot class, on a tripartite agreement
      (school, enterprise, student) for the agreement's period.

    A student's study mode is the school's to change: neither path ever rewrites it.
    """

    student = models.ForeignKey(
        Student,
        verbose_name=_("apprentice"),
        on_delete=models.PROTECT,
        related_name="apprenticeships",
    )
    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="apprenticeships",
        limit_choices_to=ENTERPRISES,
    )
    path = models.CharField(
        _("path"),
        max_length=16,
        choices=ApprenticeshipPath.choices,
        default=ApprenticeshipPath.EMPLOYEE,
    )
    employee_category = models.CharField(
        _("employee category"),
        max_length=16,
        choices=EmployeeCategory.choices,
        blank=True,
        help_text=_("Employee apprentices only: newly hired or transferred."),
    )
    order_class = models.ForeignKey(
        OrderClass,
        verbose_name=_("pilot class"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="apprenticeships",
        help_text=_("Pilot apprentices only: the modern apprenticeship pilot class."),
    )
    agreement = models.FileField(
        _("tripartite agreement"),
        upload_to="placements/apprenticeship_agreements/",
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
    )
    major = models.CharField(_("major"), max_length=50)
    contract_start = models.DateField(
        _("contract or agreement start"),
        help_text=_("The labour contract (employee) or the tripartite agreement (pilot)."),
    )
    contract_end = models.DateField(_("contract or agreement end"))
    enterprise_mentor = models.CharField(_("enterprise mentor"), max_length=50)
    school_mentor = models.CharField(_("school mentor"), max_length=50)
    mode = models.CharField(_("training mode"), max_length=16, choices=ApprenticeshipMode.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApprenticeshipStatus.choices,
        default=ApprenticeshipStatus.ENROLLED,
    )
    ended_on = models.DateField(
        _("completed or withdrawn on"),
        null=True,
        blank=True,
        help_text=_("Required once the apprenticeship is completed or withdrawn."),
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=100,
        blank=True,
        help_text=_("Certificate or skill level obtained."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("apprenticeship")
        verbose_name_plural = _("apprenticeships")
        ordering = ["-contract_start", "pk"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-contract_start", "id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "enterprise", "contract_start"],
                name="one_apprenticeship_per_contract",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student.name} · {self.enterprise}"

    @property
    def school(self) -> Organization:
        return self.student.school

    @property
    def is_pilot(self) -> bool:
        return self.path == ApprenticeshipPath.PILOT

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.contract_start and self.contract_end:
            if self.contract_end <= self.contract_start:
                errors["contract_end"] = _("The contract end must be after its start.")
            elif not self.is_pilot and self.contract_end < add_years(
                self.contract_start, 1
            ) - dt.timedelta(days=1):
                # Plan §(三)7: only employees with a labour contract of one year or more may enrol.
                errors["contract_end"] = _(
                    "An apprentice needs a labour contract of at least one year; this contract is shorter."
                )
        if (
            self.status in (ApprenticeshipStatus.COMPLETED, ApprenticeshipStatus.WITHDRAWN)
            and not self.ended_on
        ):
            errors["ended_on"] = _("Give the date the apprenticeship was completed or withdrawn.")
        if self.ended_on and self.contract_start and self.ended_on < self.contract_start:
            errors["ended_on"] = _("This date cannot be before the contract start.")
        if self.is_pilot:
            errors.update(self._pilot_errors())
        else:
            errors.update(self._employee_errors())
        if errors:
            raise ValidationError(errors)

    def _employee_errors(self) -> dict[str, object]:
        errors: dict[str, object] = {}
        if self.order_class_id:
            errors["order_class"] = _("Only a pilot apprentice belongs to a pilot class.")
        if self.student_id and self.student.study_mode != StudyMode.APPRENTICE:
            errors["student"] = _(
                "An employee apprentice must be registered as a part-time (apprentice) student; "
                "only the school can change a student's study mode."
            )
        return errors

    def _pilot_errors(self) -> dict[str, object]:
        errors: dict[str, object] = {}
        if self.employee_category:
            errors["employee_category"] = _("A pilot apprentice is a student, not an employee.")
        if self.student_id and self.student.study_mode != StudyMode.FULL_TIME:
            errors["student"] = _(
                "A pilot apprentice is a full-time student; only the school can change a "
                "student's study mode."
            )
        if not self.order_class_id:
            errors["order_class"] = _("Choose the modern apprenticeship pilot class.")
            return errors
        order_class = self.order_class
        if order_class.kind != OrderClassKind.APPRENTICESHIP_PILOT:
            errors["order_class"] = _("This class is not a modern apprenticeship pilot class.")
        elif (
            self.enterprise_id
            and not order_class.enterprises.filter(pk=self.enterprise_id).exists()
        ):
            errors["order_class"] = _("The enterprise is not a partner of this pilot class.")
        elif (
            self.student_id
            and not OrderClassEnrolment.objects.filter(
                order_class=order_class, student_id=self.student_id
            ).exists()
        ):
            errors["order_class"] = _("The student is not enrolled in this pilot class.")
        return errors


class InternshipEvaluation(models.TextChoices):
    EXCELLENT = "excellent", _("Excellent")
    GOOD = "good", _("Good")
    PASS = "pass", _("Pass")
    FAIL = "fail", _("Fail")


class InternshipStage(models.TextChoices):
    """Qufu 三(二): 「认知、跟岗、顶岗实习」."""

    COGNITIVE = "cognitive", _("Cognitive internship")
    SHADOWING = "shadowing", _("Shadowing internship")
    PLACEMENT = "placement", _("Placement internship")


class Internship(models.Model):
    """岗位实习 at an enterprise, optionally at one of its training bases (厂中校) with a master,
    at one of three stages (认知 / 跟岗 / 顶岗)."""

    student = models.ForeignKey(
        Student, verbose_name=_("student"), on_delete=models.PROTECT, related_name="internships"
    )
    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="internships",
        limit_choices_to=ENTERPRISES,
    )
    stage = models.CharField(
        _("stage"),
        max_length=16,
        choices=InternshipStage.choices,
        default=InternshipStage.PLACEMENT,
    )
    # A string reference: placements never imports training (DESIGN §2), yet an internship may
    # sit at one of the enterprise's in-plant training bases (厂中校).
    training_base = models.ForeignKey(
        "training.TrainingBase",
        verbose_name=_("training base"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="internships",
    )
    master = models.CharField(_("master (师傅)"), max_length=50, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    evaluation = models.CharField(
        _("evaluation"), max_length=16, choices=InternshipEvaluation.choices, blank=True
    )
    evaluation_notes = models.TextField(_("evaluation notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("internship")
        verbose_name_plural = _("internships")
        ordering = ["-start_date", "pk"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-start_date", "id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "enterprise", "start_date"], name="one_internship_per_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student.name} · {self.enterprise}"

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if (
            self.training_base_id
            and self.enterprise_id
            and self.training_base.enterprise_id != self.enterprise_id
        ):
            errors["training_base"] = _(
                "The training base must belong to the internship's enterprise."
            )
        if errors:
            raise ValidationError(errors)


class Destination(models.TextChoices):
    EMPLOYED = "employed", _("Employed")
    FURTHER_STUDY = "further_study", _("Further study")
    ENLISTED = "enlisted", _("Enlisted")
    SELF_EMPLOYED = "self_employed", _("Self-employed")
    NOT_PLACED = "not_placed", _("Not yet placed")


WORKING = (Destination.EMPLOYED, Destination.SELF_EMPLOYED)


class EmployerLocation(models.TextChoices):
    COUNTY = "county", _("In the county")
    CITY = "city", _("Elsewhere in the city")
    ELSEWHERE = "elsewhere", _("Outside the city")


class WageBand(models.TextChoices):
    BELOW_3000 = "lt3000", _("Below 3,000 yuan")
    FROM_3000 = "3000_4000", _("3,000–4,000 yuan")
    FROM_4000 = "4000_5000", _("4,000–5,000 yuan")
    FROM_5000 = "5000_6000", _("5,000–6,000 yuan")
    ABOVE_6000 = "gte6000", _("6,000 yuan or more")


class HireStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the employer")
    CONFIRMED = "confirmed", _("Confirmed by the employer")
    DECLINED = "declined", _("Declined by the employer")


class GraduatePlacement(models.Model):
    """毕业去向 of a student in a graduation year; the employer confirms hires it is named in."""

    student = models.ForeignKey(
        Student, verbose_name=_("student"), on_delete=models.PROTECT, related_name="placements"
    )
    graduation_year = models.PositiveSmallIntegerField(
        _("graduation year"), validators=YEAR_VALIDATORS
    )
    destination = models.CharField(_("destination"), max_length=16, choices=Destination.choices)
    employer = models.ForeignKey(
        Organization,
        verbose_name=_("employer (member)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="graduate_hires",
        limit_choices_to=ENTERPRISES,
        help_text=_("Choose the alliance member, or type the employer's name below."),
    )
    employer_name = models.CharField(_("employer (other)"), max_length=100, blank=True)
    employer_location = models.CharField(
        _("employer location"), max_length=16, choices=EmployerLocation.choices, blank=True
    )
    job = models.CharField(_("job"), max_length=50, blank=True)
    wage_band = models.CharField(
        _("monthly wage"), max_length=16, choices=WageBand.choices, blank=True
    )
    via_order_class = models.ForeignKey(
        OrderClass,
        verbose_name=_("via order class"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placements",
    )
    hire_status = models.CharField(
        _("employer confirmation"),
        max_length=16,
        choices=HireStatus.choices,
        default=HireStatus.PENDING,
    )
    hire_decided_at = models.DateTimeField(_("confirmed or declined at"), null=True, blank=True)
    hire_decided_by = models.ForeignKey(
        "members.User",
        verbose_name=_("confirmed or declined by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("graduate placement")
        verbose_name_plural = _("graduate placements")
        ordering = ["-graduation_year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "graduation_year"], name="one_placement_per_graduation"
            ),
        ]
        indexes = [
            models.Index(fields=["graduation_year", "destination"]),
            models.Index(fields=["-graduation_year", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.student.name} · {self.graduation_year}"

    @property
    def is_working(self) -> bool:
        return self.destination in WORKING

    @property
    def is_local(self) -> bool:
        """留临就业: working, with the employer in the county (the indicator's numerator)."""
        return self.is_working and self.employer_location == EmployerLocation.COUNTY

    @property
    def employer_display(self) -> str:
        return self.employer.name if self.employer_id else self.employer_name

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.is_working:
            if self.destination == Destination.EMPLOYED and not (
                self.employer_id or self.employer_name
            ):
                errors["employer_name"] = _("Choose the employer or type its name.")
            if not self.employer_location:
                errors["employer_location"] = _("Say where the graduate works.")
        else:
            if self.employer_id or self.employer_name:
                errors["employer"] = _("Only employed or self-employed graduates have an employer.")
            if self.via_order_class_id:
                errors["via_order_class"] = _(
                    "Only a graduate who works can be placed through an order class."
                )
        if self.employer_id and self.employer_name:
            errors["employer_name"] = _(
                "Give either a member employer or another employer's name, not both."
            )
        elif self.employer_name and (member := _member_named(self.employer_name)):
            # A member typed as free text would count as non-member employment.
            errors["employer_name"] = _(
                "“%(name)s” is an alliance member: choose it under “employer” instead of typing it."
            ) % {"name": member.name}
        if (
            self.employer_id
            and self.employer_location == EmployerLocation.COUNTY
            and not self.employer.is_local
        ):
            errors["employer_location"] = _(
                "%(name)s is outside the county: its employees do not work in the county."
            ) % {"name": self.employer.name}
        if (
            self.via_order_class_id
            and self.student_id
            and not OrderClassEnrolment.objects.filter(
                order_class_id=self.via_order_class_id, student_id=self.student_id
            ).exists()
        ):
            errors["via_order_class"] = _("The student is not enrolled in this order class.")
        if errors:
            raise ValidationError(errors)


def _member_named(text: str) -> Organization | None:
    """The organisation of the register whose name or credit code ``text`` is, if any."""
    text = text.strip()
    return Organization.objects.filter(Q(name=text) | Q(credit_code=text.upper())).first()


def working_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}destination__in": WORKING})


def local_q(prefix: str = "") -> Q:
    return working_q(prefix) & Q(**{f"{prefix}employer_location": EmployerLocation.COUNTY})


class FollowUpMilestone(models.IntegerChoices):
    """The contacts the archive owes every graduate working in the county: at 6, 12 and 24
    months after graduation (the retention funnel counts who is still there at each)."""

    SIX = 6, _("6 months")
    TWELVE = 12, _("12 months")
    TWENTY_FOUR = 24, _("24 months")


# Vocational schools graduate at the start of July: milestones are counted from 1 July.
GRADUATION_MONTH = 7
# A milestone's follow-up may be made up to a month before its date.
MILESTONE_LEEWAY_DAYS = 31


def milestone_date(graduation_year: int, months: int) -> dt.date:
    """The day a follow-up falls due: ``months`` after the graduation of ``graduation_year``."""
    month = GRADUATION_MONTH - 1 + months
    return dt.date(graduation_year + month // 12, month % 12 + 1, 1)


class RetentionFollowUp(models.Model):
    """留临人才档案: a regular contact with a graduate working in the county; the contacts at
    6, 12 and 24 months after graduation carry their ``milestone``."""

    placement = models.ForeignKey(
        GraduatePlacement,
        verbose_name=_("graduate placement"),
        on_delete=models.CASCADE,
        related_name="followups",
    )
    contacted_on = models.DateField(_("contacted on"))
    still_employed = models.BooleanField(_("still employed there"), default=True)
    problems = models.TextField(_("problems raised"), blank=True)
    resolved = models.BooleanField(_("problems resolved"), default=False)
    resolved_by = models.CharField(_("resolved by"), max_length=100, blank=True)
    milestone = models.PositiveSmallIntegerField(
        _("follow-up at"),
        choices=FollowUpMilestone.choices,
        null=True,
        blank=True,
        help_text=_("The 6, 12 or 24-month follow-up this contact answers, if any."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("retention follow-up")
        verbose_name_plural = _("retention follow-ups")
        ordering = ["-contacted_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "milestone"],
                condition=models.Q(milestone__isnull=False),
                name="one_followup_per_milestone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.placement} · {self.contacted_on}"

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.placement_id and not self.placement.is_local:
            errors["placement"] = _(
                "The local-talent archive only follows graduates working in the county."
            )
        if self.resolved and not self.problems:
            errors["resolved"] = _("Only raised problems can be resolved.")
        if self.resolved and not self.resolved_by:
            errors["resolved_by"] = _("Say who resolved the problems.")
        if (
            self.placement_id
            and self.contacted_on
            and self.contacted_on.year < self.placement.graduation_year
        ):
            errors["contacted_on"] = _("A follow-up cannot be before the graduation year.")
        elif self.placement_id and self.contacted_on and self.milestone:
            # A month's leeway: the office may call a little before the day.
            due = milestone_date(self.placement.graduation_year, self.milestone)
            if self.contacted_on < due - dt.timedelta(days=MILESTONE_LEEWAY_DAYS):
                errors["milestone"] = _(
                    "The %(months)s-month follow-up falls due on %(date)s: this contact is too early for it."
                ) % {"months": self.milestone, "date": due.isoformat()}
        if errors:
            raise ValidationError(errors)


class OutreachKind(models.TextChoices):
    PARENTS_VISIT = "parents_visit", _("Parents' enterprise visit")
    PROMOTION_WEEK = "promotion_week", _("Enterprise promotion week")
    EXPERT_LECTURE = "expert_lecture", _("Entrepreneur or expert in class")
    CHAIRMAN_VISIT = "chairman_visit", _("Chairman's school visit")
    CAREER_CLASS = "career_class", _("Career planning class")
    RECOMMENDATION_FAIR = "recommendation_fair", _("Graduate recommendation fair")
    OTHER = "other", _("Other")


#: events a career mentor gives (职业规划课, 企业进校园)
MENTOR_EVENT_KINDS = (OutreachKind.CAREER_CLASS, OutreachKind.EXPERT_LECTURE)


def semester_key(day: dt.date) -> str:
    """``"YYYY-1"`` spring (Feb–Jul), ``"YYYY-2"`` autumn (Aug–Jan; January counts for the previous year)."""
    if day.month == 1:
        return f"{day.year - 1}-2"
    return f"{day.year}-1" if day.month <= 7 else f"{day.year}-2"


class OutreachEvent(models.Model):
    """Plan §(四)9-11: 家长企业行, 企业宣传周, 企业家进课堂, 董事长进校园, 就业推荐会 ..."""

    kind = models.CharField(_("kind"), max_length=24, choices=OutreachKind.choices)
    title = models.CharField(_("event title"), max_length=100)
    date = models.DateField(_("date"))
    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="outreach_events",
        limit_choices_to=SCHOOLS,
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("enterprises"),
        related_name="outreach_participations",
        blank=True,
        limit_choices_to=ENTERPRISES,
    )
    participants = models.PositiveIntegerField(_("participants"), default=0)
    # Linqu §(四)10: the career mentor who gave a career class or an 企业进校园 lecture.
    mentor = models.ForeignKey(
        "CareerMentor",
        verbose_name=_("career mentor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        help_text=_("The career mentor who gave a career class or an enterprise lecture."),
    )
    # Linqu 任务(四)11: the career class told students of local employment, the strengths of
    # local enterprises and entrepreneurs' success stories.
    covers_local_employment = models.BooleanField(
        _("covers local employment"),
        default=False,
        help_text=_(
            "The class presented local employment, the strengths of local enterprises and "
            "entrepreneurs' success stories."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords(m2m_fields=[enterprises])

    class Meta:
        verbose_name = _("outreach event")
        verbose_name_plural = _("outreach events")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["date", "kind"]), models.Index(fields=["-date", "-id"])]

    def __str__(self) -> str:
        return self.title

    @property
    def semester(self) -> str:
        return semester_key(self.date)

    def clean(self) -> None:
        if self.mentor_id and self.kind not in MENTOR_EVENT_KINDS:
            raise ValidationError(
                {"mentor": _("Only a career class or an enterprise lecture is given by a mentor.")}
            )


class OutreachPhoto(models.Model):
    event = models.ForeignKey(
        OutreachEvent,
        verbose_name=_("outreach event"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.FileField(
        _("photo"),
        upload_to="placements/outreach/",
        validators=[UploadValidator(IMAGE, max_bytes=5 * 1024 * 1024)],
    )
    caption = models.CharField(_("caption"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.caption or self.image.name


class CareerMentor(models.Model):
    """职业规划导师: a senior technician or manager of an enterprise who teaches career planning."""

    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="career_mentors",
        limit_choices_to=ENTERPRISES,
    )
    person = models.CharField(_("full name"), max_length=50)
    title = models.CharField(
        _("job title"), max_length=50, help_text=_("For example 高级技师 or 生产经理.")
    )
    schools = models.ManyToManyField(
        Organization,
        verbose_name=_("schools served"),
        related_name="career_mentors_served",
        blank=True,
        limit_choices_to=SCHOOLS,
    )
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[schools])

    class Meta:
        verbose_name = _("career mentor")
        verbose_name_plural = _("career mentors")
        ordering = ["enterprise__name", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "person"], name="mentor_unique_per_enterprise"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}（{self.enterprise}）"

    def clean(self) -> None:
        if self.appointed_on and self.ended_on and self.ended_on < self.appointed_on:
            raise ValidationError(
                {"ended_on": _("The end date cannot be before the appointment date.")}
            )


class PreferenceArea(models.TextChoices):
    """Linqu §(四)11: 「在招工用人、薪酬激励、岗位晋升等方面优先考虑」."""

    RECRUITMENT = "recruitment", _("Recruitment")
    PAY = "pay", _("Pay and incentives")
    PROMOTION = "promotion", _("Promotion")


class PreferentialMeasure(models.Model):
    """A measure by which an enterprise prefers the county's vocational graduates."""

    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="preferential_measures",
        limit_choices_to=ENTERPRISES,
    )
    area = models.CharField(_("area"), max_length=16, choices=PreferenceArea.choices)
    measure = models.CharField(_("measure"), max_length=200)
    since = models.DateField(_("in force since"))
    until = models.DateField(_("in force until"), null=True, blank=True)
    document = models.FileField(
        _("document"),
        upload_to="placements/preferences/",
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
    )

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["enterprise", "area", "-since"])]
        verbose_name = _("preferential measure")
        verbose_name_plural = _("preferential measures")
        ordering = ["enterprise__name", "area", "-since"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "area", "measure"], name="preferential_measure_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.get_area_display()}"

    def clean(self) -> None:
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("The end date cannot be before the start date.")})


# --- talent demand and joint order classes (Linqu §(四)11, §(三)6; Qufu 三(一)) --------------------


class TalentDemand(models.Model):
    """An enterprise's answer to the periodic talent-demand survey (定期调度企业用人情况): how many
    people of a major it needs for a post, at what wage, by when. Demands of several enterprises
    for the same major may be formed into one joint order class (联合组班)."""

    enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="talent_demands",
        limit_choices_to=ENTERPRISES,
    )
    survey_year = models.PositiveSmallIntegerField(_("survey year"), validators=YEAR_VALIDATORS)
    post = models.CharField(_("post"), max_length=50)
    major = models.ForeignKey(
        Major,
        verbose_name=_("major"),
        on_delete=models.PROTECT,
        related_name="talent_demands",
        help_text=_("The major whose graduates the post needs."),
    )
    headcount = models.PositiveSmallIntegerField(_("headcount"), validators=[MinValueValidator(1)])
    wage_min = models.PositiveIntegerField(_("monthly wage from (yuan)"))
    wage_max = models.PositiveIntegerField(_("monthly wage to (yuan)"))
    needed_by = models.DateField(_("needed by"))
    notes = models.TextField(_("notes"), blank=True)
    order_class = models.ForeignKey(
        OrderClass,
        verbose_name=_("order class formed"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="talent_demands",
    )

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["-survey_year"])]
        verbose_name = _("talent demand")
        verbose_name_plural = _("talent demands")
        ordering = ["-survey_year", "enterprise__name", "post"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "survey_year", "post"], name="demand_unique_post_per_survey"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.post}（{self.survey_year}）"

    def clean(self) -> None:
        if (
            self.wage_min is not None
            and self.wage_max is not None
            and self.wage_max < self.wage_min
        ):
            raise ValidationError({"wage_max": _("The upper wage cannot be below the lower one.")})


# --- co-developed materials (Linqu §(一)1/3, §(二)5, §(三)6-7; Qufu 三(一)(二)) ---------------------


class MaterialKind(models.TextChoices):
    PROGRAMME = "programme", _("Talent training programme")
    CURRICULUM = "curriculum", _("Curriculum")
    COURSE_STANDARD = "course_standard", _("Course standard")
    TEXTBOOK = "textbook", _("Textbook")
    LOOSE_LEAF = "loose_leaf", _("Loose-leaf textbook")
    WORKBOOK = "workbook", _("Workbook textbook")
    TEACHING_STANDARD = "teaching_standard", _("Teaching standard")
    POST_SPECIFICATION = "post_specification", _("Post specification")
    TEACHING_RESOURCE = "teaching_resource", _("Teaching resource")
    # Linqu 任务(二)5: 新技术、新工艺、新规范、典型生产案例进学校、进课堂
    INNOVATION = "innovation", _("New technology, process, standard or production case")


class CoDevelopedMaterial(models.Model):
    """A programme, curriculum, textbook, standard, post specification or teaching resource a
    school wrote with enterprises, and what it serves: an order class, a training base or an
    enterprise's apprenticeship cohort (one of them, or none for a whole major)."""

    kind = models.CharField(_("kind"), max_length=24, choices=MaterialKind.choices)
    title = models.CharField(_("title"), max_length=200)
    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="codeveloped_materials",
        limit_choices_to=SCHOOLS,
    )
    major = models.ForeignKey(
        Major,
        verbose_name=_("major"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="materials",
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("co-developing enterprises"),
        related_name="codeveloped_materials_with",
        limit_choices_to=ENTERPRISES,
    )
    completed_on = models.DateField(_("completed on"))
    file = models.FileField(
        _("file"),
        upload_to="placements/materials/",
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
    )
    order_class = models.ForeignKey(
        OrderClass,
        verbose_name=_("order class served"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="materials",
    )
    training_base = models.ForeignKey(
        "training.TrainingBase",
        verbose_name=_("training base served"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="materials",
    )
    apprentice_enterprise = models.ForeignKey(
        Organization,
        verbose_name=_("apprenticeship cohort: enterprise"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="apprentice_materials",
        limit_choices_to=ENTERPRISES,
    )
    apprentice_cohort_year = models.PositiveSmallIntegerField(
        _("apprenticeship cohort: year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )

    history = HistoricalRecords(m2m_fields=[enterprises])

    class Meta:
        indexes = [models.Index(fields=["-completed_on", "title"])]
        verbose_name = _("co-developed material")
        verbose_name_plural = _("co-developed materials")
        ordering = ["-completed_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "kind", "title"], name="material_unique_title_per_school"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, object] = {}
        served = [
            bool(self.order_class_id),
            bool(self.training_base_id),
            bool(self.apprentice_enterprise_id or self.apprentice_cohort_year),
        ]
        if sum(served) > 1:
            errors["order_class"] = _(
                "A material serves one order class, one training base or one apprenticeship "
                "cohort, not several."
            )
        if bool(self.apprentice_enterprise_id) != bool(self.apprentice_cohort_year):
            errors["apprentice_cohort_year"] = _(
                "An apprenticeship cohort is an enterprise and a year: give both."
            )
        if self.school_id:
            if self.major_id and self.major.school_id != self.school_id:
                errors["major"] = _("The major must be one of the school's majors.")
            if self.order_class_id and self.order_class.school_id != self.school_id:
                errors["order_class"] = _("The order class must be one of the school's classes.")
        if errors:
            raise ValidationError(errors)
