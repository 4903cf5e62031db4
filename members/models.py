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
        if errors:
            raise ValidationError(errors)

    @property
    def leader_lines(self) -> list[str]:
        return [line.strip() for line in self.leaders.splitlines() if line.strip()]

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
