"""Models of the annual member assessment and of the support it justifies (Linqu 保障措施(二)(三),
Qufu 四(二)).

They live in their own module, imported by ``reports.models``, because the indicator catalogue
reads them through ``reports.sources`` while ``reports.models`` itself imports the catalogue.

How a grade is reached (stated on the pages and in the report by :func:`method_text`):

- indicator part: the member's scorecard indicators that have a target and could be judged, met
  ÷ judged × 100 (the results of ``reports.indicators.evaluate``, kept as they stood);
- assessors' part: the mean of the group means of the scores (0–100) given by government
  departments, by member schools or enterprises (a school scores enterprises, an enterprise
  scores schools), and by the third-party evaluator; a group without a score is left out;
- total: indicator part × ``ASSESSMENT_INDICATOR_WEIGHT`` % + assessors' part × the rest (either
  part alone when the other is missing);
- grade: from ``ASSESSMENT_GRADE_THRESHOLDS`` (default 优秀 ≥ 90, 合格 ≥ 75, 基本合格 ≥ 60, else
  不合格), approved at a council meeting and then published to the members.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from alliance.uploads import DOCX, IMAGE, PDF, UploadValidator
from members.models import CouncilMeeting, MeetingStatus, Organization, OrganizationKind

REPORT_MAX_BYTES = 10 * 1024 * 1024


class Grade(models.TextChoices):
    EXCELLENT = "excellent", _("Excellent")
    PASS = "pass", _("Pass")
    BASIC = "basic", _("Basic pass")
    FAIL = "fail", _("Fail")


#: the lowest total of each grade but the last (``settings.ASSESSMENT_GRADE_THRESHOLDS`` wins)
DEFAULT_THRESHOLDS = {Grade.EXCELLENT: 90, Grade.PASS: 75, Grade.BASIC: 60}
DEFAULT_INDICATOR_WEIGHT = 40


def grade_thresholds() -> list[tuple[str, Decimal]]:
    """(grade, lowest total) from the best grade down; the scale is the deployment's setting."""
    configured = getattr(settings, "ASSESSMENT_GRADE_THRESHOLDS", None) or DEFAULT_THRESHOLDS
    return sorted(
        ((str(grade), Decimal(str(low))) for grade, low in configured.items()),
        key=lambda pair: pair[1],
        reverse=True,
    )


def indicator_weight() -> Decimal:
    return Decimal(str(getattr(settings, "ASSESSMENT_INDICATOR_WEIGHT", DEFAULT_INDICATOR_WEIGHT)))


@checks.register()
def check_grade_scale(app_configs, **kwargs):
    """A deployment with a mistyped scale fails at start-up, not on the first grade."""
    configured = getattr(settings, "ASSESSMENT_GRADE_THRESHOLDS", None) or DEFAULT_THRESHOLDS
    weight = getattr(settings, "ASSESSMENT_INDICATOR_WEIGHT", DEFAULT_INDICATOR_WEIGHT)
    order = [Grade.EXCELLENT, Grade.PASS, Grade.BASIC]
    errors = []
    try:
        lows = [Decimal(str(configured[g])) for g in order if g in configured]
    except ArithmeticError:
        lows = None
    if set(configured) - set(order) or lows is None:
        errors.append(
            checks.Error(
                "ASSESSMENT_GRADE_THRESHOLDS names numbers for excellent, pass and basic only.",
                id="reports.E002",
            )
        )
    elif lows != sorted(lows, reverse=True):
        errors.append(
            checks.Error(
                "ASSESSMENT_GRADE_THRESHOLDS must fall from excellent to basic.",
                id="reports.E003",
            )
        )
    if not 0 <= weight <= 100:
        errors.append(
            checks.Error("ASSESSMENT_INDICATOR_WEIGHT must be 0 to 100.", id="reports.E004")
        )
    return errors


def grade_for(total: Decimal | None) -> str:
    if total is None:
        return ""
    for grade, low in grade_thresholds():
        if total >= low:
            return grade
    return Grade.FAIL


def method_text() -> list[str]:
    """The grading method in words, with this deployment's weight and thresholds."""
    weight = indicator_weight()
    labels = dict(Grade.choices)
    bands = "、".join(
        gettext("%(grade)s ≥ %(low)s") % {"grade": labels[grade], "low": f"{low.normalize():f}"}
        for grade, low in grade_thresholds()
    )
    return [
        gettext(
            "Indicator part: of the member's scorecard indicators that have a target and could be "
            "judged, the share met (met ÷ judged × 100)."
        ),
        gettext(
            "Assessors' part: the mean of the average scores (0–100) given by government "
            "departments, by member enterprises (for a school) or member schools (for an "
            "enterprise), and by the third-party evaluator; a group that gave no score is left out."
        ),
        gettext(
            "Total: indicator part × %(weight)s%% + assessors' part × %(rest)s%%; when one part is "
            "missing, the other alone."
        )
        % {"weight": f"{weight.normalize():f}", "rest": f"{(100 - weight).normalize():f}"},
        gettext(
            "Grades: %(bands)s, otherwise %(fail)s. The council approves the grades at a meeting; "
            "the office then publishes them to the members."
        )
        % {"bands": bands, "fail": labels[Grade.FAIL]},
    ]


def one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), ROUND_HALF_UP)


class AssessmentStatus(models.TextChoices):
    SCORING = "scoring", _("Being scored")
    APPROVED = "approved", _("Approved by the council")
    PUBLISHED = "published", _("Published to members")


class AssessorKind(models.TextChoices):
    DEPARTMENT = "department", _("Government department")
    SCHOOL = "school", _("Member school")
    ENTERPRISE = "enterprise", _("Member enterprise")


class ScoreItem(models.TextChoices):
    COOPERATION = "cooperation", _("Depth of cooperation")
    RESULTS = "results", _("Results in training and employment")
    COMMITMENT = "commitment", _("Commitment of people, money and equipment")


def _evaluation_path(instance: Assessment, filename: str) -> str:
    return f"reports/assessments/{instance.year}/{filename}"


class Assessment(models.Model):
    """The annual assessment of one member school or enterprise (年度考核)."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="assessments",
        limit_choices_to={"kind__in": [OrganizationKind.SCHOOL, OrganizationKind.ENTERPRISE]},
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.SCORING,
    )
    # The scorecard rows as evaluated when the assessment was prepared or last refreshed:
    # [{"code", "label", "value_text", "target_text", "met"}]. An approved grade keeps them.
    indicator_results = models.JSONField(_("indicator results"), default=list, blank=True)
    indicators_met = models.PositiveSmallIntegerField(_("indicators met"), default=0)
    indicators_judged = models.PositiveSmallIntegerField(_("indicators judged"), default=0)
    indicator_score = models.DecimalField(
        _("indicator part"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    assessor_score = models.DecimalField(
        _("assessors' part"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    total_score = models.DecimalField(
        _("total score"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    grade = models.CharField(_("grade"), max_length=10, choices=Grade.choices, blank=True)
    third_party_body = models.CharField(
        _("third-party evaluator"),
        max_length=100,
        blank=True,
        help_text=_("The independent body that evaluated the member, if any."),
    )
    third_party_score = models.DecimalField(
        _("third-party score"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("0–100; counts as one group of the assessors' part."),
    )
    third_party_report = models.FileField(
        _("third-party evaluation report"),
        upload_to=_evaluation_path,
        blank=True,
        validators=[UploadValidator(PDF, DOCX, IMAGE, max_bytes=REPORT_MAX_BYTES)],
        help_text=_("PDF, Word (.docx) or an image, at most 10 MB."),
    )
    approved_at_meeting = models.ForeignKey(
        CouncilMeeting,
        verbose_name=_("approved at council meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["-year"])]
        verbose_name = _("member assessment")
        verbose_name_plural = _("member assessments")
        ordering = ["-year", "organization__kind", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"],
                name="reports_assessment_one_per_year",
                violation_error_message=_("This member already has an assessment for this year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}"

    def clean(self) -> None:
        errors = {}
        if self.organization_id and self.organization.kind not in (
            OrganizationKind.SCHOOL,
            OrganizationKind.ENTERPRISE,
        ):
            errors["organization"] = _("Only member schools and enterprises are assessed.")
        if self.third_party_score is not None and not self.third_party_body:
            errors["third_party_body"] = _("Name the body that gave the third-party score.")
        if self.status != AssessmentStatus.SCORING:
            if self.approved_at_meeting_id is None:
                errors["approved_at_meeting"] = _("Name the council meeting that approved it.")
            elif self.approved_at_meeting.status != MeetingStatus.HELD:
                errors["approved_at_meeting"] = _("The approving meeting must have been held.")
            elif self.year and self.approved_at_meeting.date.year < self.year:
                errors["approved_at_meeting"] = _(
                    "A meeting before the assessed year cannot approve it."
                )
            if not self.grade:
                errors["grade"] = _("A grade without a score cannot be approved.")
        if self.status == AssessmentStatus.PUBLISHED and not self.published_on:
            errors["published_on"] = _("Enter the date the results were published.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_scoring(self) -> bool:
        return self.status == AssessmentStatus.SCORING

    @property
    def is_published(self) -> bool:
        return self.status == AssessmentStatus.PUBLISHED

    @property
    def peer_kind(self) -> str:
        """Who scores this member besides departments: schools score enterprises and vice versa."""
        if self.organization.kind == OrganizationKind.SCHOOL:
            return AssessorKind.ENTERPRISE
        return AssessorKind.SCHOOL

    def compute(self, scores: list[AssessmentScore]) -> None:
        """Set the parts, the total and the grade from the indicator results and ``scores``."""
        self.indicator_score = (
            one_decimal(Decimal(self.indicators_met) * 100 / self.indicators_judged)
            if self.indicators_judged
            else None
        )
        groups: dict[str, list[Decimal]] = {}
        for score in scores:
            groups.setdefault(score.assessor_kind, []).append(Decimal(score.score))
        means = [sum(values) / len(values) for values in groups.values()]
        if self.third_party_score is not None:
            means.append(Decimal(self.third_party_score))
        self.assessor_score = one_decimal(sum(means) / len(means)) if means else None
        parts = (self.indicator_score, self.assessor_score)
        if None in parts:
            total = next((p for p in parts if p is not None), None)
        else:
            weight = indicator_weight()
            total = one_decimal(
                (self.indicator_score * weight + self.assessor_score * (100 - weight)) / 100
            )
        self.total_score = total
        self.grade = grade_for(total)


class AssessmentScore(models.Model):
    """One assessor's score of one item of a member's assessment."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="scores"
    )
    item = models.CharField(_("item"), max_length=12, choices=ScoreItem.choices)
    assessor_kind = models.CharField(_("assessor"), max_length=10, choices=AssessorKind.choices)
    assessor = models.ForeignKey(
        Organization,
        verbose_name=_("scoring member"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessment_scores",
    )
    department = models.CharField(
        _("scoring department"),
        max_length=50,
        blank=True,
        help_text=_(
            "E.g. 临朐县教育和体育局: departments' score sheets are entered by the office."
        ),
    )
    score = models.DecimalField(
        _("score"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    comment = models.TextField(_("comment"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assessment score")
        verbose_name_plural = _("assessment scores")
        ordering = ["assessment", "assessor_kind", "item", "pk"]

    def __str__(self) -> str:
        return f"{self.assessment} {self.get_item_display()} {self.score}"

    @property
    def assessor_name(self) -> str:
        return (
            self.department if self.assessor_kind == AssessorKind.DEPARTMENT else str(self.assessor)
        )

    def clean(self) -> None:
        errors = {}
        if self.assessor_kind == AssessorKind.DEPARTMENT:
            if not self.department:
                errors["department"] = _("Name the department that gave the score.")
            if self.assessor_id:
                errors["assessor"] = _("A department's score names no member.")
        elif self.assessor_id is None:
            errors["assessor"] = _("Name the member that gave the score.")
        elif self.assessor.kind != self.assessor_kind:
            errors["assessor"] = _("The scoring member is not of the assessor kind given.")
        if self.assessment_id and self.assessor_kind in (
            AssessorKind.SCHOOL,
            AssessorKind.ENTERPRISE,
        ):
            if self.assessor_kind != self.assessment.peer_kind:
                errors["assessor_kind"] = _(
                    "Schools score enterprises and enterprises score schools."
                )
            if self.assessor_id and self.assessor_id == self.assessment.organization_id:
                errors["assessor"] = _("A member does not score itself.")
        if errors:
            raise ValidationError(errors)


class IncentiveKind(models.TextChoices):
    EQUIPMENT = "equipment", _("Equipment introduction")
    BASE = "base", _("Internship and training base construction")
    TRANSFER = "transfer", _("Transfer of research results")
    OTHER = "other", _("Other support")


def _incentive_path(instance: Incentive, filename: str) -> str:
    return f"reports/incentives/{instance.granted_on:%Y}/{filename}"


class Incentive(models.Model):
    """Support granted to a member (Linqu 保障措施(二)), with the assessment that justified it
    (保障措施(三): 考核结果作为激励政策支持的重要依据)."""

    kind = models.CharField(_("kind of support"), max_length=10, choices=IncentiveKind.choices)
    amount = models.DecimalField(
        _("amount (yuan)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    granting_department = models.CharField(
        _("granting department"), max_length=50, help_text=_("E.g. 临朐县财政局.")
    )
    recipient = models.ForeignKey(
        Organization,
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="incentives",
    )
    granted_on = models.DateField(_("granted on"))
    assessment = models.ForeignKey(
        Assessment,
        verbose_name=_("justifying assessment"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incentives",
        help_text=_("The recipient's approved assessment the support was based on."),
    )
    purpose = models.CharField(_("purpose"), max_length=200)
    document = models.FileField(
        _("grant document"),
        upload_to=_incentive_path,
        blank=True,
        validators=[UploadValidator(PDF, DOCX, IMAGE, max_bytes=REPORT_MAX_BYTES)],
        help_text=_("PDF, Word (.docx) or an image, at most 10 MB."),
    )

    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["-granted_on"])]
        verbose_name = _("incentive")
        verbose_name_plural = _("incentives")
        ordering = ["-granted_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.recipient} {self.get_kind_display()} {self.amount}"

    def clean(self) -> None:
        errors = {}
        assessment = self.assessment if self.assessment_id else None
        if assessment is not None:
            if self.recipient_id and assessment.organization_id != self.recipient_id:
                errors["assessment"] = _("The assessment must be the recipient's own.")
            elif assessment.status == AssessmentStatus.SCORING:
                errors["assessment"] = _("Only an approved assessment can justify support.")
            elif self.granted_on and assessment.year > self.granted_on.year:
                errors["assessment"] = _("Support cannot rest on a later year's assessment.")
        if errors:
            raise ValidationError(errors)
