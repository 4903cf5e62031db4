from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from alliance.access import Role
from alliance.uploads import DOCX, IMAGE, PDF, UploadValidator
from alliance.validators import validate_credit_code


class OrganizationKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise")
    SCHOOL = "school", _("School")
    ASSOCIATION = "association", _("Association")
    GOVERNMENT = "government", _("Government body")
    RESEARCH = "research", _("Research institute")


class OrganizationStatus(models.TextChoices):
    ACTIVE = "active", _("Active member")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class OrganizationSize(models.TextChoices):
    LARGE = "large", _("Large")
    MEDIUM = "medium", _("Medium-sized")
    SMALL = "small", _("Small")
    MICRO = "micro", _("Micro")


def normalize_credit_code(value: str | None) -> str | None:
    """Codes are typed or pasted with spaces and lower case; the register keeps them canonical."""
    if value is None:
        return None
    return value.strip().replace(" ", "").upper() or None


class OrganizationQuerySet(models.QuerySet):
    def enterprises(self) -> OrganizationQuerySet:
        return self.filter(kind=OrganizationKind.ENTERPRISE)

    def schools(self) -> OrganizationQuerySet:
        return self.filter(kind=OrganizationKind.SCHOOL)

    def active(self) -> OrganizationQuerySet:
        return self.filter(status=OrganizationStatus.ACTIVE)


class Organization(models.Model):
    """Every member body of the alliance: enterprises, schools, associations, government, research."""

    kind = models.CharField(_("kind"), max_length=16, choices=OrganizationKind.choices)
    name = models.CharField(_("name"), max_length=100, unique=True)
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        null=True,
        unique=True,
        validators=[validate_credit_code],
        help_text=_("18 characters, GB 32100; leave empty if unknown."),
        error_messages={
            "unique": _(
                "An organisation with this unified social credit code is already registered."
            )
        },
    )
    industry = models.CharField(_("industry"), max_length=50, blank=True)
    is_local = models.BooleanField(
        _("inside the county"),
        default=True,
        help_text=_("Registered and operating inside the county."),
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OrganizationStatus.choices,
        default=OrganizationStatus.ACTIVE,
    )
    size = models.CharField(_("size"), max_length=8, choices=OrganizationSize.choices, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    chairman = models.CharField(
        _("chairman"),
        max_length=50,
        blank=True,
        help_text=_("Chairman of the board, or head of the body."),
    )
    # The culture profile (企业文化长廊, Linqu §(四)9): what a school's corridor shows of the enterprise.
    development_status = models.TextField(_("development status"), blank=True)
    future_plans = models.TextField(_("future plans"), blank=True)
    wage_min = models.PositiveIntegerField(
        _("wage from (yuan/month)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1_000_000)],
    )
    wage_max = models.PositiveIntegerField(
        _("wage up to (yuan/month)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1_000_000)],
    )
    leaders = models.TextField(
        _("main leaders"), blank=True, help_text=_("One per line, e.g. “吴维光 董事长”.")
    )
    # A school's own corridor (Linqu §(四)9: 职业学校在校内建立企业文化长廊): where and since when.
    corridor_installed_on = models.DateField(
        _("culture corridor installed on"),
        null=True,
        blank=True,
        help_text=_("Schools only: the day the corridor was set up in the school."),
    )
    corridor_location = models.CharField(
        _("culture corridor location"),
        max_length=100,
        blank=True,
        help_text=_("E.g. 教学楼一楼东走廊."),
    )

    # A body the alliance works with but that has not joined it: a government department that
    # owns work-plan tasks or seconds staff to the office (Qufu 四(一), Linqu 附件1). It is kept
    # here so that it can be named, and never counts as a member.
    outside_alliance = models.BooleanField(
        _("not an alliance member"),
        default=False,
        help_text=_(
            "Tick for a body the alliance works with that is not a member, e.g. a government "
            "department owning work-plan tasks."
        ),
    )

    history = HistoricalRecords()
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["kind", "name"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["kind", "name"]), models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # An empty code is "unknown", stored as NULL so that uniqueness applies only to real codes.
        if not self.credit_code:
            self.credit_code = None
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None) -> None:
        # Normalise before the field validators run, so that forms and imports store one spelling.
        self.credit_code = normalize_credit_code(self.credit_code)
        super().clean_fields(exclude=exclude)

    def clean(self) -> None:
        errors = {}
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            errors["left_on"] = _("The withdrawal date cannot be before the joining date.")
        if self.status == OrganizationStatus.WITHDRAWN and not self.left_on:
            errors["left_on"] = _("A withdrawn member needs its withdrawal date.")
        if (
            self.wage_min is not None
            and self.wage_max is not None
            and self.wage_max < self.wage_min
        ):
            errors["wage_max"] = _("The upper end of the wage range cannot be below the lower end.")
        if self.kind != OrganizationKind.SCHOOL and (
            self.corridor_installed_on or self.corridor_location
        ):
            errors["corridor_installed_on"] = _("Only a school sets up a culture corridor.")
        if errors:
            raise ValidationError(errors)

    @property
    def leader_lines(self) -> list[str]:
        return [line.strip() for line in self.leaders.splitlines() if line.strip()]

    @property
    def culture_profile_gaps(self) -> list[str]:
        """What the corridor cannot show of this enterprise (Linqu §(四)9 names 发展现状, 未来规划,
        工资待遇 and 主要负责人; a photo makes it a showcase). Photos must be prefetched."""
        gaps = []
        if not self.development_status.strip():
            gaps.append(_("development status"))
        if not self.future_plans.strip():
            gaps.append(_("future plans"))
        if self.wage_min is None and self.wage_max is None:
            gaps.append(_("wages offered"))
        if not self.leader_lines and not self.chairman.strip():
            gaps.append(_("main leaders"))
        if not self.photos.all():
            gaps.append(_("photo"))
        return gaps

    @property
    def is_withdrawn(self) -> bool:
        return self.status == OrganizationStatus.WITHDRAWN

    @property
    def is_enterprise(self) -> bool:
        return self.kind == OrganizationKind.ENTERPRISE

    @property
    def is_school(self) -> bool:
        return self.kind == OrganizationKind.SCHOOL


# Which organisation kind an account of each role acts for.
ROLE_ORGANIZATION_KIND = {
    Role.ENTERPRISE_HR: OrganizationKind.ENTERPRISE,
    Role.SCHOOL_COORDINATOR: OrganizationKind.SCHOOL,
}


class User(AbstractUser):
    """A portal account. Enterprise HR and school coordinators act for one organisation."""

    role = models.CharField(_("role"), max_length=24, choices=Role.choices, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
    )
    phone = models.CharField(_("mobile phone"), max_length=11, blank=True)
    # Set when someone else chose the password (the secretariat, creating or resetting the
    # account): the owner must replace it before using the portal.
    must_change_password = models.BooleanField(_("must change password"), default=False)

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def clean(self) -> None:
        super().clean()
        kind = ROLE_ORGANIZATION_KIND.get(self.role)
        if kind is None:
            return
        if self.organization_id is None:
            raise ValidationError({"organization": _("This role must act for an organisation.")})
        if self.organization.kind != kind:
            raise ValidationError(
                {
                    "organization": _("This role must act for an organisation of kind “%(kind)s”.")
                    % {"kind": kind.label}
                }
            )

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


def _photo_path(instance: OrganizationPhoto, filename: str) -> str:
    return f"members/photos/{instance.organization_id}/{filename}"


PHOTO_MAX_BYTES = 2 * 1024 * 1024
MINUTES_MAX_BYTES = 10 * 1024 * 1024


class OrganizationPhoto(models.Model):
    """A picture for the culture corridor (images only, at most 2 MB, served through a view)."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ImageField(
        _("photo"),
        upload_to=_photo_path,
        validators=[UploadValidator(IMAGE, max_bytes=PHOTO_MAX_BYTES)],
    )
    caption = models.CharField(_("caption"), max_length=100, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation photo")
        verbose_name_plural = _("organisation photos")
        ordering = ["organization", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.caption or self.image.name


class SchoolYearFigures(models.Model):
    """A school's figures for one year: the denominators of the rate indicators."""

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="year_figures",
        limit_choices_to={"kind": OrganizationKind.SCHOOL},
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    enrolled_students = models.PositiveIntegerField(
        _("enrolled students"), validators=[MinValueValidator(1)]
    )
    professional_teachers = models.PositiveIntegerField(
        _("professional teachers"), validators=[MinValueValidator(1)]
    )
    graduates = models.PositiveIntegerField(_("graduates"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("school yearly figures")
        verbose_name_plural = _("school yearly figures")
        ordering = ["-year", "school__name"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-year", "school"])]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "year"],
                name="unique_school_year_figures",
                violation_error_message=_(
                    "Figures for this school and year are already registered."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.school} {self.year}"

    def clean(self) -> None:
        errors = {}
        if self.school_id and self.school.kind != OrganizationKind.SCHOOL:
            errors["school"] = _("Yearly figures are kept for schools only.")
        if (
            self.graduates is not None
            and self.enrolled_students
            and self.graduates > self.enrolled_students
        ):
            errors["graduates"] = _("There cannot be more graduates than enrolled students.")
        if errors:
            raise ValidationError(errors)


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Council chair")
    VICE_CHAIR = "vice_chair", _("Council vice chair")
    STANDING_DIRECTOR = "standing_director", _("Standing council director")
    DIRECTOR = "director", _("Council director")
    SECRETARY_GENERAL = "secretary_general", _("Council secretary-general")


# Seats are listed by rank, as a council's member list is printed.
COUNCIL_ROLE_RANK = {role: rank for rank, role in enumerate(CouncilRole.values)}


class CouncilSeat(models.Model):
    """A seat on the alliance council (理事会): who sits for which member, in which role, for which term."""

    person = models.CharField(_("person"), max_length=50)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="council_seats",
    )
    role = models.CharField(_("council role"), max_length=20, choices=CouncilRole.choices)
    position = models.CharField(
        _("position in the organisation"),
        max_length=50,
        blank=True,
        help_text=_("E.g. 董事长, 执行会长."),
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("council seat")
        verbose_name_plural = _("council seats")
        ordering = ["term_start", "pk"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["term_start", "id"])]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.person}"

    def clean(self) -> None:
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError(
                {"term_end": _("The end of the term cannot be before its start.")}
            )

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.term_start <= on and (self.term_end is None or self.term_end >= on)


class ExpertRole(models.TextChoices):
    DIRECTOR = "director", _("Committee director")
    MEMBER = "member", _("Committee member")


class ExpertMember(models.Model):
    """A member of the industry-education consulting expert committee (产教融合咨询专家委员会)."""

    person = models.CharField(_("person"), max_length=50)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="experts",
    )
    title = models.CharField(
        _("title"), max_length=50, help_text=_("E.g. 董事长, 总经理, 高级工程师.")
    )
    role = models.CharField(
        _("committee role"), max_length=10, choices=ExpertRole.choices, default=ExpertRole.MEMBER
    )
    expertise = models.CharField(_("expertise"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position in the committee's published list.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("expert committee member")
        verbose_name_plural = _("expert committee members")
        ordering = ["order", "pk"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["order", "id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organization"],
                name="unique_expert_person_organization",
                violation_error_message=_(
                    "This person is already on the committee for this organisation."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.person


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("Regular (half-yearly)")
    EXTRAORDINARY = "extraordinary", _("Extraordinary")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


def _minutes_path(instance: CouncilMeeting, filename: str) -> str:
    return f"members/minutes/{instance.date:%Y}/{filename}"


class CouncilMeeting(models.Model):
    """A council meeting; the plan asks for one every half year (Linqu 保障措施(一))."""

    date = models.DateField(_("date"))
    kind = models.CharField(
        _("kind"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.REGULAR
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.HELD
    )
    title = models.CharField(_("title"), max_length=100)
    location = models.CharField(_("venue"), max_length=100, blank=True)
    attendees = models.ManyToManyField(
        CouncilSeat, verbose_name=_("attending council seats"), blank=True, related_name="meetings"
    )
    attendee_count = models.PositiveSmallIntegerField(
        _("number of attendees"),
        null=True,
        blank=True,
        help_text=_("Leave empty to count the council seats ticked above."),
    )
    summary = models.TextField(_("summary"), blank=True)
    minutes = models.FileField(
        _("minutes"),
        upload_to=_minutes_path,
        blank=True,
        validators=[UploadValidator(PDF, DOCX, IMAGE, max_bytes=MINUTES_MAX_BYTES)],
        help_text=_("PDF, Word (.docx) or an image, at most 10 MB."),
    )

    history = HistoricalRecords(m2m_fields=["attendees"])

    class Meta:
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")
        ordering = ["-date", "-pk"]
        # The list's default order, served by an index (a page never sorts the table).
        indexes = [models.Index(fields=["-date", "-id"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def clean(self) -> None:
        if self.status == MeetingStatus.HELD and self.date and self.date > timezone.localdate():
            raise ValidationError(
                {"status": _("A meeting dated in the future cannot have been held yet.")}
            )


class ResolutionStatus(models.TextChoices):
    OPEN = "open", _("Not done yet")
    DONE = "done", _("Done")


class Resolution(models.Model):
    """A decision of a council meeting, with the member that carries it out and its due date."""

    meeting = models.ForeignKey(
        CouncilMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="resolutions",
    )
    text = models.TextField(_("resolution"))
    owner = models.ForeignKey(
        Organization, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="resolutions"
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=8, choices=ResolutionStatus.choices, default=ResolutionStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:40]

    def clean(self) -> None:
        errors = {}
        meeting_date = self.meeting.date if self.meeting_id else None
        if meeting_date and self.due_on and self.due_on < meeting_date:
            errors["due_on"] = _("The due date cannot be before the meeting.")
        if self.status == ResolutionStatus.DONE and not self.done_on:
            errors["done_on"] = _("Enter the date the resolution was carried out.")
        if self.status == ResolutionStatus.OPEN and self.done_on:
            errors["done_on"] = _("An open resolution has no completion date.")
        if meeting_date and self.done_on and self.done_on < meeting_date:
            errors["done_on"] = _("The completion date cannot be before the meeting.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return self.status == ResolutionStatus.OPEN and self.due_on < timezone.localdate()


class MajorStatus(models.TextChoices):
    BACKBONE = "backbone", _("Backbone major")
    DISTINCTIVE = "distinctive", _("Distinctive major")
    STRONG = "strong", _("Strong major")
    OTHER = "other", _("Other major")


def _lead_plan_path(instance: Major, filename: str) -> str:
    return f"members/majors/{instance.school_id}/{filename}"


def major_label(name: str, code: str = "") -> str:
    """A major as people write it: its name, and its catalogue code where known (for reads of
    ``values("major__name", "major__code")`` as for instances)."""
    return f"{name}（{code}）" if code else name


class Major(models.Model):
    """A major (专业) in a school's catalogue, matched to the county industry it serves.

    Linqu asks that majors follow the enterprises' needs ((一)1, (三)6); Qufu builds majors with
    enterprises and names a school lead and an enterprise lead for each (双带头人, 三(五)).
    """

    school = models.ForeignKey(
        Organization,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name="majors",
        limit_choices_to={"kind": OrganizationKind.SCHOOL},
    )
    code = models.CharField(
        _("major code"),
        max_length=12,
        blank=True,
        help_text=_("The code of the national secondary vocational catalogue, e.g. 660103."),
    )
    name = models.CharField(_("major name"), max_length=50)
    industry = models.CharField(
        _("county industry served"),
        max_length=50,
        blank=True,
        help_text=_("E.g. 铝型材加工, 机械装备制造."),
    )
    enterprises = models.ManyToManyField(
        Organization,
        verbose_name=_("partner enterprises"),
        related_name="partner_majors",
        limit_choices_to={"kind": OrganizationKind.ENTERPRISE},
        blank=True,
    )
    status = models.CharField(
        _("major status"), max_length=16, choices=MajorStatus.choices, default=MajorStatus.OTHER
    )
    school_lead = models.CharField(_("school lead"), max_length=50, blank=True)
    school_lead_plan = models.TextField(_("school lead's development plan"), blank=True)
    enterprise_lead = models.CharField(_("enterprise lead"), max_length=50, blank=True)
    enterprise_lead_employer = models.ForeignKey(
        Organization,
        verbose_name=_("enterprise lead's employer"),
        on_delete=models.PROTECT,
        related_name="led_majors",
        limit_choices_to={"kind": OrganizationKind.ENTERPRISE},
        null=True,
        blank=True,
    )
    enterprise_lead_plan = models.TextField(_("enterprise lead's development plan"), blank=True)
    plan_document = models.FileField(
        _("lead development plan (file)"),
        upload_to=_lead_plan_path,
        blank=True,
        validators=[UploadValidator(PDF, DOCX)],
    )
    active = models.BooleanField(_("enrolling"), default=True)

    history = HistoricalRecords(m2m_fields=[enterprises])

    class Meta:
        indexes = [models.Index(fields=["school", "code", "name"])]
        verbose_name = _("major")
        verbose_name_plural = _("majors")
        ordering = ["school__name", "code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"],
                name="major_name_unique_per_school",
                violation_error_message=_("This school already has a major of this name."),
            )
        ]

    def __str__(self) -> str:
        return major_label(self.name, self.code)

    def clean(self) -> None:
        errors = {}
        if self.school_id and self.school.kind != OrganizationKind.SCHOOL:
            errors["school"] = _("Majors are kept for schools only.")
        if self.enterprise_lead_employer_id and not self.enterprise_lead:
            errors["enterprise_lead"] = _("Name the enterprise lead of this employer.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_both_leads(self) -> bool:
        """双带头人: a lead on the school side and one on the enterprise side."""
        return bool(self.school_lead and self.enterprise_lead)


# --- governance: rules, the office, expert advice, the work plan (Linqu 保障措施(一), Qufu 四) ----

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024


class DocumentKind(models.TextChoices):
    CHARTER = "charter", _("Charter")
    MANAGEMENT = "management", _("Management rules")
    TEACHER_PRACTICE = "teacher_practice", _("Teacher enterprise-practice rules")
    LEAD_TEACHER = "lead_teacher", _("Lead-teacher training plan and assessment")
    QUALITY_EVALUATION = "quality_evaluation", _("Multi-party quality evaluation rules")
    EXTERNAL_COOPERATION = "external_cooperation", _("External cooperation mechanism")
    TEACHER_QUALIFICATION = (
        "teacher_qualification",
        _("Teacher qualification standards and title appointment rules"),
    )
    OTHER = "other", _("Other")


#: the documents the plans require the alliance to make: charter and management rules (Linqu
#: 保障(一)), quality evaluation (Qufu 三(三)), teacher enterprise practice (三(四)), lead
#: teachers (三(五)), teacher qualification and titles (三(六)), external cooperation (三(八))
REQUIRED_DOCUMENT_KINDS = tuple(kind for kind in DocumentKind if kind != DocumentKind.OTHER)


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    REPLACED = "replaced", _("Replaced")
    REPEALED = "repealed", _("Repealed")


def _document_path(instance: PolicyDocument, filename: str) -> str:
    return f"members/documents/{instance.kind}/{filename}"


class PolicyDocument(models.Model):
    """A rule or plan of the alliance (章程, 管理制度, 方案): one row per version.

    A new version names the one it replaces; the earlier version stays, marked replaced
    (``services.policy_document_save``), so the rules in force on any day can be shown.
    """

    kind = models.CharField(_("kind"), max_length=24, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=150)
    issuer = models.CharField(
        _("issuing body"), max_length=100, help_text=_("E.g. 临朐县产教融合发展联盟理事会.")
    )
    adopted_at = models.ForeignKey(
        CouncilMeeting,
        verbose_name=_("adopted at council meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    effective_on = models.DateField(_("effective on"))
    version = models.CharField(_("version"), max_length=20, default="1.0")
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces the version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.IN_FORCE
    )
    ended_on = models.DateField(
        _("no longer in force from"),
        null=True,
        blank=True,
        help_text=_("The day a replaced or repealed version stopped applying."),
    )
    summary = models.TextField(_("summary"), blank=True)
    file = models.FileField(
        _("document file"),
        upload_to=_document_path,
        blank=True,
        validators=[UploadValidator(PDF, DOCX, max_bytes=DOCUMENT_MAX_BYTES)],
        help_text=_("PDF or Word (.docx), at most 10 MB."),
    )

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["kind", "-effective_on"])]
        verbose_name = _("rule or document")
        verbose_name_plural = _("rules and documents")
        ordering = ["kind", "-effective_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.title}（{self.version}）"

    def clean(self) -> None:
        errors = {}
        if self.replaces_id and self.pk and self.replaces_id == self.pk:
            errors["replaces"] = _("A version cannot replace itself.")
        elif self.replaces_id and self.replaces.kind != self.kind:
            errors["replaces"] = _("A new version replaces a document of the same kind.")
        elif (
            self.replaces_id
            and self.effective_on
            and self.replaces.effective_on
            and self.effective_on < self.replaces.effective_on
        ):
            errors["effective_on"] = _(
                "A new version cannot take effect before the version it replaces."
            )
        if self.status == DocumentStatus.IN_FORCE and self.ended_on:
            errors["ended_on"] = _("A document in force has no end date.")
        if self.status != DocumentStatus.IN_FORCE and not self.ended_on:
            errors["ended_on"] = _("Enter the day the document stopped applying.")
        if self.ended_on and self.effective_on and self.ended_on < self.effective_on:
            errors["ended_on"] = _("The end date cannot be before the effective date.")
        if self.adopted_at_id and self.effective_on and self.effective_on < self.adopted_at.date:
            errors["effective_on"] = _("A document cannot take effect before it was adopted.")
        if errors:
            raise ValidationError(errors)

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_on <= day and (self.ended_on is None or self.ended_on > day)


class AllianceOffice(models.Model):
    """The alliance's operating office (实体化运行机构): where it sits and whom it shares it with."""

    name = models.CharField(_("name"), max_length=100)
    host = models.ForeignKey(
        Organization,
        verbose_name=_("shares offices with"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_offices",
        help_text=_("The body the office works alongside (合署办公), if any."),
    )
    venue = models.CharField(_("venue"), max_length=200)
    floor_area = models.PositiveIntegerField(_("floor area (m²)"), null=True, blank=True)
    established_on = models.DateField(_("established on"))
    duties = models.TextField(_("duties"), blank=True)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["established_on"])]
        verbose_name = _("operating office")
        verbose_name_plural = _("operating office")
        ordering = ["established_on", "pk"]

    def __str__(self) -> str:
        return self.name


class OfficeBudget(models.Model):
    """The office's money for one year, and where it comes from (落实经费)."""

    office = models.ForeignKey(
        AllianceOffice, verbose_name=_("office"), on_delete=models.CASCADE, related_name="budgets"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = models.DecimalField(
        _("amount (yuan)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    source = models.CharField(
        _("source of funds"), max_length=100, help_text=_("E.g. 县财政专项经费, 会员单位会费.")
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["-year", "source"])]
        verbose_name = _("office budget")
        verbose_name_plural = _("office budgets")
        ordering = ["-year", "source", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "source"],
                name="unique_office_budget_source",
                violation_error_message=_(
                    "This source of funds is already recorded for this office and year."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.source}"


class OfficeStaff(models.Model):
    """A person seconded to the office (抽调人员): from which organisation, in which role, when."""

    office = models.ForeignKey(
        AllianceOffice, verbose_name=_("office"), on_delete=models.CASCADE, related_name="staff"
    )
    person = models.CharField(_("person"), max_length=50)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("seconded from"),
        on_delete=models.PROTECT,
        related_name="office_secondees",
    )
    role = models.CharField(_("role in the office"), max_length=50)
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["start_on"])]
        verbose_name = _("office staff member")
        verbose_name_plural = _("office staff")
        ordering = ["start_on", "pk"]

    def __str__(self) -> str:
        return f"{self.person}（{self.role}）"

    def clean(self) -> None:
        if self.start_on and self.end_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": _("The end date cannot be before the start date.")})


class AdviceOutcome(models.TextChoices):
    PENDING = "pending", _("Not decided yet")
    ADOPTED = "adopted", _("Adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


def _advice_path(instance: ExpertConsultation, filename: str) -> str:
    return f"members/advice/{instance.date:%Y}/{filename}"


class ExpertConsultation(models.Model):
    """A question put to the expert committee and its written advice (提供咨询意见和建议)."""

    date = models.DateField(_("date"))
    question = models.TextField(_("question"))
    asked_by = models.CharField(
        _("asked by"), max_length=100, help_text=_("E.g. 联盟理事会, 联盟办公室, 县教体局.")
    )
    experts = models.ManyToManyField(
        ExpertMember, verbose_name=_("experts consulted"), related_name="consultations"
    )
    advice = models.TextField(_("written advice"), blank=True)
    advice_file = models.FileField(
        _("advice file"),
        upload_to=_advice_path,
        blank=True,
        validators=[UploadValidator(PDF, DOCX, max_bytes=DOCUMENT_MAX_BYTES)],
        help_text=_("PDF or Word (.docx), at most 10 MB."),
    )
    outcome = models.CharField(
        _("adopted"), max_length=12, choices=AdviceOutcome.choices, default=AdviceOutcome.PENDING
    )
    resolution = models.ForeignKey(
        Resolution,
        verbose_name=_("resolution it led to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultations",
    )

    history = HistoricalRecords(m2m_fields=["experts"])

    class Meta:
        indexes = [models.Index(fields=["-date"])]
        verbose_name = _("expert consultation")
        verbose_name_plural = _("expert consultations")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.question[:30]}"

    def clean(self) -> None:
        errors = {}
        if self.outcome != AdviceOutcome.PENDING and not (self.advice or self.advice_file):
            errors["advice"] = _("Enter the written advice, or attach it, before deciding on it.")
        if self.resolution_id and self.outcome != AdviceOutcome.ADOPTED:
            errors["resolution"] = _("Only adopted advice leads to a resolution.")
        if self.resolution_id and self.date and self.resolution.meeting.date < self.date:
            errors["resolution"] = _("The resolution cannot be older than the consultation.")
        if errors:
            raise ValidationError(errors)


def _summary_path(instance: WorkPlan, filename: str) -> str:
    return f"members/work-plans/{instance.year}/{filename}"


class WorkPlan(models.Model):
    """The alliance's yearly work plan (明确责任分工, 细化工作措施) and its year-end summary."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        error_messages={"unique": _("A work plan for this year is already registered.")},
    )
    title = models.CharField(_("title"), max_length=150)
    adopted_at = models.ForeignKey(
        CouncilMeeting,
        verbose_name=_("adopted at council meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_plans",
    )
    summary = models.TextField(_("year-end summary"), blank=True)
    summary_file = models.FileField(
        _("year-end summary document"),
        upload_to=_summary_path,
        blank=True,
        validators=[UploadValidator(PDF, DOCX, max_bytes=DOCUMENT_MAX_BYTES)],
        help_text=_("PDF or Word (.docx), at most 10 MB."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_TASK_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS)


class WorkTask(models.Model):
    """A task of the work plan: who owns it, how, by when, and how far it has got (跟踪督查)."""

    plan = models.ForeignKey(
        WorkPlan, verbose_name=_("work plan"), on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField(_("task"), max_length=200)
    owner = models.ForeignKey(
        Organization,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="work_tasks",
        help_text=_("Any organisation, a government department included."),
    )
    # 牵头单位 and 配合单位: a task is often led by one body and carried with others.
    partners = models.ManyToManyField(
        Organization,
        verbose_name=_("cooperating organisations"),
        blank=True,
        related_name="work_tasks_supported",
    )
    measures = models.TextField(_("measures"), blank=True)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    progress = models.TextField(
        _("progress notes"), blank=True, help_text=_("One dated line per report, newest last.")
    )
    resolution = models.OneToOneField(
        Resolution,
        verbose_name=_("from council resolution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_task",
    )

    history = HistoricalRecords(m2m_fields=["partners"])

    class Meta:
        indexes = [models.Index(fields=["deadline"])]
        verbose_name = _("work-plan task")
        verbose_name_plural = _("work-plan tasks")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.title[:40]

    def clean(self) -> None:
        errors = {}
        if self.status == TaskStatus.DONE and not self.done_on:
            errors["done_on"] = _("Enter the date the task was done.")
        if self.status != TaskStatus.DONE and self.done_on:
            errors["done_on"] = _("Only a task that is done has a completion date.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_TASK_STATUSES and self.deadline < timezone.localdate()

    @property
    def done_on_time(self) -> bool:
        return self.status == TaskStatus.DONE and self.done_on <= self.deadline


# --- publicity and model cases (Linqu 保障措施(四), Qufu 二、三(三)、四(三)) ---------------------------


class MediaKind(models.TextChoices):
    PRESS = "press", _("Press")
    RADIO = "radio", _("Radio")
    TELEVISION = "television", _("Television")
    ONLINE = "online", _("Online")


def _clipping_path(instance: MediaReport, filename: str) -> str:
    return f"members/media/{instance.published_on:%Y}/{filename}"


class MediaReport(models.Model):
    """A piece of coverage of the alliance in the media (the plan's 报刊、广播、电视、网络)."""

    kind = models.CharField(_("medium"), max_length=12, choices=MediaKind.choices)
    outlet = models.CharField(
        _("outlet"), max_length=100, help_text=_("E.g. 潍坊日报, 临朐电视台.")
    )
    published_on = models.DateField(_("published on"))
    title = models.CharField(_("title"), max_length=200)
    link = models.URLField(_("link"), max_length=500, blank=True)
    clipping = models.FileField(
        _("clipping"),
        upload_to=_clipping_path,
        blank=True,
        validators=[UploadValidator(PDF, DOCX, IMAGE, max_bytes=MINUTES_MAX_BYTES)],
        help_text=_("PDF, Word (.docx) or an image, at most 10 MB."),
    )
    organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("organisations featured"),
        blank=True,
        related_name="media_reports",
    )
    summary = models.TextField(_("summary"), blank=True)

    history = HistoricalRecords(m2m_fields=["organizations"])

    class Meta:
        indexes = [models.Index(fields=["-published_on"])]
        verbose_name = _("media report")
        verbose_name_plural = _("media reports")
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if not self.link and not self.clipping:
            errors["link"] = _("Give the link to the report or upload a clipping.")
        if self.published_on and self.published_on > timezone.localdate():
            errors["published_on"] = _("A report cannot be dated in the future.")
        if errors:
            raise ValidationError(errors)


class ModelCaseKind(models.TextChoices):
    PERSON = "person", _("Model skilled worker")
    CASE = "case", _("Model cooperation case")


class ModelCaseStatus(models.TextChoices):
    NOMINATED = "nominated", _("Nominated")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Not selected")


class ModelCase(models.Model):
    """A 先进典型 (a skilled person held up as an example) or a 典型案例 (a cooperation case worth
    copying): nominated by a member, approved by the alliance, then published."""

    kind = models.CharField(_("kind"), max_length=8, choices=ModelCaseKind.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("The person's title line, or the case's name.")
    )
    person = models.CharField(
        _("person"), max_length=50, blank=True, help_text=_("For a model skilled worker.")
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="model_cases",
        help_text=_("Where the person works, or the member leading the case."),
    )
    partners = models.ManyToManyField(
        Organization,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_cases",
    )
    summary = models.TextField(_("summary"))
    nominated_by = models.ForeignKey(
        Organization,
        verbose_name=_("nominated by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominated_cases",
        help_text=_("Leave empty when the secretariat proposed it."),
    )
    nominated_on = models.DateField(_("nominated on"), default=timezone.localdate)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ModelCaseStatus.choices,
        default=ModelCaseStatus.NOMINATED,
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_at_meeting = models.ForeignKey(
        CouncilMeeting,
        verbose_name=_("approved at council meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="model_cases",
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_where = models.CharField(
        _("published in"), max_length=100, blank=True, help_text=_("E.g. 联盟微信公众号, 临朐融媒.")
    )
    in_report = models.BooleanField(
        _("in the annual report"),
        default=False,
        help_text=_("Show it in the typical cases of the year's annual quality report."),
    )

    history = HistoricalRecords(m2m_fields=["partners"])

    class Meta:
        indexes = [models.Index(fields=["-year", "kind", "title"])]
        verbose_name = _("model case")
        verbose_name_plural = _("model cases")
        ordering = ["-year", "kind", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.kind == ModelCaseKind.PERSON and not self.person:
            errors["person"] = _("Name the model skilled worker.")
        decided = (ModelCaseStatus.APPROVED, ModelCaseStatus.PUBLISHED)
        if self.status in decided and not self.approved_on:
            errors["approved_on"] = _("Enter the date it was approved.")
        if self.status == ModelCaseStatus.PUBLISHED and not self.published_on:
            errors["published_on"] = _("Enter the date it was published.")
        if self.status != ModelCaseStatus.PUBLISHED and self.published_on:
            errors["published_on"] = _("Only a published case has a publication date.")
        if self.approved_on and self.nominated_on and self.approved_on < self.nominated_on:
            errors["approved_on"] = _("It cannot be approved before it was nominated.")
        if self.published_on and self.approved_on and self.published_on < self.approved_on:
            errors["published_on"] = _("It cannot be published before it was approved.")
        if self.in_report and self.status not in decided:
            errors["in_report"] = _("Only an approved or published case appears in the report.")
        if errors:
            raise ValidationError(errors)
