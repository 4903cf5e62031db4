from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .indicators import BY_CODE, INDICATORS
from .plans import Comparison


class Target(models.Model):
    """The target of one indicator in one year, overriding the catalogue's default (plans differ)."""

    indicator = models.CharField(
        _("indicator"), max_length=40, choices=[(i.code, i.label) for i in INDICATORS]
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(
        _("target value"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    comparison = models.CharField(_("comparison"), max_length=8, choices=Comparison.choices)
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("The plan clause or decision this target comes from."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["year", "indicator"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="reports_target_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.indicator}"

    def clean(self) -> None:
        if self.indicator not in BY_CODE:
            raise ValidationError({"indicator": _("Unknown indicator.")})
        if self.comparison == Comparison.AT_LEAST and self.value is None:
            raise ValidationError({"value": _("A target “at least” needs a value.")})
        if self.value is not None and self.value < 0:
            raise ValidationError({"value": _("The target cannot be negative.")})


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


#: the annex's two files: the workbook (a sheet per table) and the CSV files (one per table) zipped
ANNEX_SUFFIXES = {"xlsx": "xlsx", "csv": "csv.zip"}


def report_upload_to(instance: AnnualReport, filename: str) -> str:
    return f"reports/{instance.year}/{filename}"


class AnnualReport(models.Model):
    """One run of the annual quality report (产教融合年度质量报告) for a year.

    A run is queued by the secretariat, claimed and built by a worker, then possibly published.
    A published run never changes: re-running the year creates a new row (a new draft).
    """

    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=8, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    stage = models.CharField(_("stage"), max_length=100, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Stamped every few seconds while a worker builds the run; a silent run has lost its worker.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=report_upload_to, blank=True)
    # The per-enterprise tables, beside the PDF (which keeps the enterprises missing a target).
    annex_xlsx = models.FileField(_("annex (Excel)"), upload_to=report_upload_to, blank=True)
    annex_csv = models.FileField(_("annex (CSV)"), upload_to=report_upload_to, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # The indicator table as built into the PDF: the public CSV/JSON are served from this, so they
    # always match the published PDF even after the records change.
    indicators = models.JSONField(_("indicator table"), default=list, blank=True)
    # The secretariat's texts as they were when the run was requested (ReportNarrative): a
    # published report keeps its words even if next year's draft changes them.
    narrative = models.JSONField(_("narrative"), default=dict, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["stage", "progress", "heartbeat_at"])

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(is_published=True) | models.Q(status="done"),
                name="reports_annualreport_published_is_done",
            )
        ]

    def __str__(self) -> str:
        return str(
            _("Annual quality report %(year)s (run no. %(pk)s)")
            % {"year": self.year, "pk": self.pk}
        )

    @property
    def is_finished(self) -> bool:
        return self.status in (ReportStatus.DONE, ReportStatus.FAILED)

    @property
    def can_publish(self) -> bool:
        return self.status == ReportStatus.DONE and not self.is_published

    @property
    def can_restart(self) -> bool:
        return self.status == ReportStatus.FAILED

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def file_name(self) -> str:
        return f"alliance-annual-report-{self.year}-{self.pk}.pdf"

    @property
    def public_file_name(self) -> str:
        """The name a reader saves the published PDF under, in Chinese."""
        return f"{settings.ALLIANCE_NAME}{self.year}年度质量报告.pdf"

    def annex_file_name(self, extension: str) -> str:
        return f"alliance-annual-report-{self.year}-{self.pk}-annex.{ANNEX_SUFFIXES[extension]}"

    def public_annex_name(self, extension: str) -> str:
        return f"{settings.ALLIANCE_NAME}{self.year}年度质量报告附件.{ANNEX_SUFFIXES[extension]}"


class ReportNarrative(models.Model):
    """What the secretariat writes for a year's report; every figure comes from the records."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    practices = models.TextField(
        _("main practices and results"),
        blank=True,
        help_text=_("What the alliance did this year and what it achieved."),
    )
    cases = models.TextField(
        _("typical cases"),
        blank=True,
        help_text=_("Cooperation cases worth copying, one paragraph each."),
    )
    problems = models.TextField(
        _("problems and improvement measures"),
        blank=True,
        help_text=_("What fell short of the plan and what will be done about it."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report narrative")
        verbose_name_plural = _("report narratives")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(_("Narrative of the %(year)s report") % {"year": self.year})

    def as_dict(self) -> dict[str, str]:
        return {"practices": self.practices, "cases": self.cases, "problems": self.problems}


class FigureChange(models.Model):
    """One write to the records the figures read (inserted in the writer's own transaction).

    The figures' version is (how many rows, the highest id): it changes when any write
    commits, in whatever order concurrent writers commit, and no writer waits for another (an
    INSERT locks no shared row). ``reports.figures.compact`` folds the rows into one.
    """

    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("figure change")
        verbose_name_plural = _("figure changes")

    def __str__(self) -> str:
        return f"#{self.pk} {self.changed_at:%Y-%m-%d %H:%M:%S}"


class FigureSnapshot(models.Model):
    """Stored indicator results of one year and scope: the output of ``indicators.evaluate``.

    Per year, one block per scope kind: the alliance (one row, ``scope_id`` 0, with the
    dashboard's register counts and the data coverage), or every member school or enterprise
    (a header row, ``scope_id`` 0, then one row per member, ordered by ``name`` so that the
    per-organisation pages read one page of rows).
    """

    version = models.CharField(max_length=40)
    plan = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12)
    scope_id = models.IntegerField(default=0)
    name = models.CharField(max_length=200, blank=True)
    rows = models.JSONField(default=list)
    figures = models.JSONField(default=dict)
    computed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stored figures")
        verbose_name_plural = _("stored figures")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "plan", "year", "kind", "scope_id"],
                name="reports_figuresnapshot_unique_scope",
            )
        ]
        indexes = [
            models.Index(
                fields=["year", "kind", "version", "plan", "name"], name="reports_fig_page"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.kind}:{self.scope_id} v{self.version}"


# The assessment and incentive models are declared in their own module (the indicator catalogue
# reads them through ``sources``, and this module imports the catalogue); importing them here
# registers them with the app.
from .assessments import Assessment, AssessmentScore, Incentive  # noqa: E402, F401
