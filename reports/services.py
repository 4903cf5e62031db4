"""Writes of the reports app: targets, report runs (request, build, publish, restart)."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance import audit, background
from alliance.models import AuditKind
from members.models import CouncilMeeting, Organization, OrganizationKind

from . import (
    figures,
    permissions,
    selectors,
)
from .annex import annex_csv_zip, annex_xlsx
from .assessments import Assessment, AssessmentScore, AssessmentStatus, AssessorKind
from .document import build_html, render_pdf, sha256
from .indicators import ENTERPRISE, SCHOOL, Scope
from .models import AnnualReport, ReportNarrative, ReportStatus, Target
from .sources import DataSet

logger = logging.getLogger(__name__)

# Errors worth another attempt: the database or the broker went away for a moment.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)

# A queued run nobody claimed for this long has lost its message (e.g. the broker was wiped).
QUEUED_TIMEOUT = timedelta(hours=1)


class ReportQueueUnavailable(Exception):
    """The message broker refused the job: the run is marked failed with the reason."""


class TransientReportError(Exception):
    """The build met a transient error; the run is queued again for the task's retry."""


# ---------------------------------------------------------------------------------------------
# Targets


@transaction.atomic
def target_set(
    *, year: int, indicator: str, value: Decimal | None, comparison: str, source: str
) -> Target:
    """Create or change the target of ``indicator`` in ``year``."""
    target = Target.objects.filter(year=year, indicator=indicator).first() or Target(
        year=year, indicator=indicator
    )
    target.value = value
    target.comparison = comparison
    target.source = source
    target.full_clean()
    target.save()
    return target


@transaction.atomic
def target_reset(*, year: int, indicator: str) -> None:
    """Back to the target of the deployment's plan for that year."""
    for target in Target.objects.filter(year=year, indicator=indicator):
        target.delete()


# ---------------------------------------------------------------------------------------------
# Report runs


def narrative_for(year: int) -> dict[str, str]:
    narrative = ReportNarrative.objects.filter(year=year).first()
    return narrative.as_dict() if narrative else {}


@transaction.atomic
def narrative_save(*, year: int, practices: str, cases: str, problems: str) -> ReportNarrative:
    """The secretariat's texts for ``year``; a run requested afterwards carries them."""
    narrative, _created = ReportNarrative.objects.get_or_create(year=year)
    narrative.practices, narrative.cases, narrative.problems = practices, cases, problems
    narrative.full_clean()
    narrative.save()
    return narrative


def report_request(*, year: int, requested_by) -> AnnualReport:
    """Queue a run for ``year`` and hand it to a worker once the row is committed.

    While the year's run is queued or running, that run is returned instead (nothing queued).

    Raises :class:`ReportQueueUnavailable` when the broker is down; the run is then kept, marked
    failed with the reason, and can be restarted later.
    """
    report_fail_stale()
    # A second click joins the year's run under way rather than building the year twice.
    active = selectors.active_run(year)
    if active is not None:
        return active
    # An atomic block rather than the decorator: the on_commit hook (and so a broker error) must
    # run when this block commits, inside this function, so that the caller gets the exception.
    with transaction.atomic():
        report = AnnualReport(
            year=year,
            requested_by=requested_by,
            stage=_("Waiting for a worker"),
            narrative=narrative_for(year),
        )
        report.full_clean()
        report.save()
        transaction.on_commit(lambda: _enqueue(report.pk))
    report.refresh_from_db()
    return report


def report_restart(*, report: AnnualReport) -> AnnualReport:
    """Queue a failed run again (same row: it was never published, it has no file)."""
    with transaction.atomic():
        restarted = AnnualReport.objects.filter(pk=report.pk, status=ReportStatus.FAILED).update(
            status=ReportStatus.QUEUED,
            error="",
            progress=0,
            stage=_("Waiting for a worker"),
            started_at=None,
            finished_at=None,
            requested_at=timezone.now(),
        )
        if restarted:
            transaction.on_commit(lambda: _enqueue(report.pk))
    report.refresh_from_db()
    return report


def _enqueue(report_id: int) -> None:
    from kombu.exceptions import OperationalError as BrokerError

    from .tasks import generate_annual_report

    try:
        background.enqueue(generate_annual_report, report_id)
    except (BrokerError, ConnectionError, OSError, TimeoutError) as exc:
        # Nothing is lost: the row stays, failed with the reason, ready to be restarted.
        logger.warning("report %s not queued: %s", report_id, exc)
        AnnualReport.objects.filter(pk=report_id, status=ReportStatus.QUEUED).update(
            status=ReportStatus.FAILED,
            finished_at=timezone.now(),
            stage="",
            error=_("The task queue (Redis) is not reachable: %(error)s") % {"error": exc},
        )
        raise ReportQueueUnavailable(str(exc)) from exc


def _stage(report_id: int, stage: str, progress: int) -> None:
    # Committed at once (outside any transaction), so the progress page sees it while we work.
    AnnualReport.objects.filter(pk=report_id, status=ReportStatus.RUNNING).update(
        stage=stage, progress=progress, heartbeat_at=timezone.now()
    )


@contextmanager
def _heartbeat(report_id: int) -> Iterator[None]:
    """While the block runs, a thread stamps the run's ``heartbeat_at`` every
    ``REPORT_HEARTBEAT_SECONDS``: typesetting is one long call, and the periodic stale check must
    tell a busy worker from a dead one (a SIGKILLed worker stops stamping at once)."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(settings.REPORT_HEARTBEAT_SECONDS):
                try:
                    AnnualReport.objects.filter(pk=report_id, status=ReportStatus.RUNNING).update(
                        heartbeat_at=timezone.now()
                    )
                except DatabaseError as exc:  # a missed beat is retried at the next one
                    logger.warning("report %s: heartbeat not saved: %s", report_id, exc)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"report-{report_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@contextmanager
def _old_objects_set_aside() -> Iterator[None]:
    """Typesetting allocates millions of short-lived boxes, and each full collection would scan
    again the 400,000 objects the worker held before (Django, the apps, the report's data):
    those are set aside from the collector for the render (``gc.freeze``), and given back to it
    after. The render's own garbage is collected as usual. About 8 % of the render's time at
    city scale."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def report_generate(*, report_id: int) -> AnnualReport | None:
    """Claim a queued run and build its PDF. Idempotent: a run already claimed is left alone.

    Not one transaction on purpose: the progress updates must be visible while the PDF is built.
    The claim and the final state change are each one conditional UPDATE.
    Returns the finished run, or None when there was nothing to claim.
    """
    now = timezone.now()
    claimed = AnnualReport.objects.filter(pk=report_id, status=ReportStatus.QUEUED).update(
        status=ReportStatus.RUNNING,
        started_at=now,
        heartbeat_at=now,
        progress=5,
        stage=_("Reading the records"),
        error="",
    )
    if not claimed:
        return None
    report = AnnualReport.objects.get(pk=report_id)
    try:
        started = time.monotonic()
        with _heartbeat(report_id):
            built = build_html(report.year, narrative=report.narrative)
            _stage(report_id, _("Typesetting the PDF"), 50)
            with _old_objects_set_aside():
                content, pages = render_pdf(built.html)
            _stage(report_id, _("Saving the file"), 90)
        logger.info("report %s: %s pages in %.1f s", report_id, pages, time.monotonic() - started)
    except TRANSIENT_ERRORS as exc:
        # Give the run back to the queue so that the task's retry can claim it again.
        AnnualReport.objects.filter(pk=report_id, status=ReportStatus.RUNNING).update(
            status=ReportStatus.QUEUED, stage=_("Retrying after a temporary error"), progress=0
        )
        raise TransientReportError(str(exc)) from exc
    except Exception as exc:  # a broken template or data error: record it, never leave it running
        logger.exception("report %s failed", report_id)
        report_fail(report_id=report_id, error=f"{type(exc).__name__}: {exc}")
        return AnnualReport.objects.get(pk=report_id)
    annex = {
        "xlsx": annex_xlsx(built.annex),
        "csv": annex_csv_zip(built.annex),
    }
    return _report_finish(
        report=report, content=content, pages=pages, indicators=built.indicators, annex=annex
    )


def _save_file(report: AnnualReport, field, file_name: str, content: bytes) -> str:
    return field.storage.save(
        field.field.generate_filename(report, file_name), ContentFile(content)
    )


def _report_finish(
    *,
    report: AnnualReport,
    content: bytes,
    pages: int,
    indicators: list[dict],
    annex: dict[str, bytes] | None = None,
) -> AnnualReport:
    storage_field = report.pdf
    name = _save_file(report, report.pdf, report.file_name, content)
    annex = annex or {}
    annex_names = {
        f"annex_{extension}": _save_file(
            report, getattr(report, f"annex_{extension}"), report.annex_file_name(extension), data
        )
        for extension, data in annex.items()
    }
    with transaction.atomic():
        finished = AnnualReport.objects.filter(pk=report.pk, status=ReportStatus.RUNNING).update(
            status=ReportStatus.DONE,
            pdf=name,
            **annex_names,
            sha256=sha256(content),
            pages=pages,
            indicators=indicators,
            finished_at=timezone.now(),
            progress=100,
            stage="",
        )
        if not finished:
            # Marked failed meanwhile (stale check): keep the record as it is, drop the files.
            for stored in (name, *annex_names.values()):
                transaction.on_commit(lambda stored=stored: storage_field.storage.delete(stored))
        else:
            _drop_older_drafts(report)
    report.refresh_from_db()
    return report


def _drop_older_drafts(report: AnnualReport) -> None:
    """A new finished draft replaces the year's older unpublished drafts (never a published run)."""
    older = AnnualReport.objects.filter(
        year=report.year, status=ReportStatus.DONE, is_published=False, pk__lt=report.pk
    )
    storage = report.pdf.storage
    for draft in older:
        names = [f.name for f in (draft.pdf, draft.annex_xlsx, draft.annex_csv) if f]
        draft.delete()
        for name in names:
            transaction.on_commit(lambda name=name: storage.delete(name))


def report_fail(*, report_id: int, error: str) -> None:
    AnnualReport.objects.filter(
        pk=report_id, status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING]
    ).update(status=ReportStatus.FAILED, error=error[:4000], finished_at=timezone.now(), stage="")


def report_fail_stale(*, now=None) -> int:
    """Mark failed (and so restartable) the runs whose worker died — no heartbeat for
    ``REPORT_STALE_SECONDS`` — and those whose job was lost (queued for over an hour).

    Run every minute by the beat task ``reports.tasks.fail_stale_reports``, never by a page.
    """
    now = now or timezone.now()
    limit = timedelta(seconds=settings.REPORT_STALE_SECONDS)
    silent_since = now - limit
    running = AnnualReport.objects.filter(
        Q(heartbeat_at__lt=silent_since)
        | Q(heartbeat_at__isnull=True, started_at__lt=silent_since),
        status=ReportStatus.RUNNING,
    ).update(
        status=ReportStatus.FAILED,
        finished_at=now,
        stage="",
        error=_(
            "The worker stopped before the report was finished (no answer for over %(minutes)s minutes)."
        )
        % {"minutes": max(1, int(limit.total_seconds() // 60))},
    )
    queued = AnnualReport.objects.filter(
        status=ReportStatus.QUEUED, requested_at__lt=now - QUEUED_TIMEOUT
    ).update(
        status=ReportStatus.FAILED,
        finished_at=now,
        stage="",
        error=_(
            "No worker took the job within an hour. Check that the Celery worker is running, then restart the run."
        ),
    )
    return running + queued


@transaction.atomic
def report_publish(*, report: AnnualReport, by=None) -> AnnualReport:
    """Publish a finished run on the public page. Its file and figures are frozen from now on."""
    published = AnnualReport.objects.filter(
        pk=report.pk, status=ReportStatus.DONE, is_published=False
    ).update(is_published=True, published_at=timezone.now())
    if not published:
        raise ValueError(_("Only a finished, unpublished run can be published."))
    report.refresh_from_db()
    # A history row for who published it (update() bypasses simple_history).
    report.save(update_fields=["is_published"])
    audit.record(
        AuditKind.REPORT_PUBLISH,
        user=by,
        target=str(report.year),
        detail={"report": report.pk, "sha256": report.sha256},
    )
    return report


def report_build_now(*, year: int, requested_by=None) -> AnnualReport:
    """Build a run in this process, without Celery (the ``build_report`` command)."""
    report = AnnualReport(
        year=year,
        requested_by=requested_by,
        stage=_("Building without a worker"),
        narrative=narrative_for(year),
    )
    report.full_clean()
    report.save()
    for attempt in range(3):
        try:
            return report_generate(report_id=report.pk) or AnnualReport.objects.get(pk=report.pk)
        except TransientReportError:
            if attempt == 2:
                report_fail(
                    report_id=report.pk,
                    error=_("Temporary database errors, gave up after 3 attempts."),
                )
                raise
            time.sleep(2**attempt)
    return AnnualReport.objects.get(pk=report.pk)


# ---------------------------------------------------------------------------------------------
# Stored figures


def figures_refresh() -> None:
    """Store every figure block of the default year and the years its pages compare with (the
    trend and the year before), and every other stored block, where it is not current."""
    figures.refresh_started()
    year = selectors.default_year()
    figures.StoredFigures().refresh_all(range(year - selectors.TREND_YEARS + 1, year + 1))
    figures.compact_if_long()


# ---------------------------------------------------------------------------------------------
# Member assessments (Linqu 保障措施(三), Qufu 四(二))


def _indicator_snapshot(
    assessment: Assessment, *, data: DataSet, targets: dict
) -> tuple[list[dict], int, int]:
    """The member's scorecard rows as ``evaluate`` gives them (never recomputed here)."""
    kind = SCHOOL if assessment.organization.kind == OrganizationKind.SCHOOL else ENTERPRISE
    rows = selectors.indicator_rows(
        assessment.year, Scope(kind, assessment.organization_id), data=data, targets=targets
    )
    results = [
        {
            "code": row.indicator.code,
            "label": str(row.indicator.label),
            "value_text": row.value_text,
            "target_text": row.target_text,
            "met": row.met,
        }
        for row in rows
    ]
    judged = [row for row in rows if row.met is not None]
    return results, sum(1 for row in judged if row.met), len(judged)


def _assessment_update(
    assessment: Assessment, *, data: DataSet | None = None, targets: dict | None = None
) -> Assessment:
    """Refresh the indicator results of an assessment still being scored, then its grade."""
    if assessment.is_scoring:
        data = data or DataSet()
        targets = targets if targets is not None else selectors.applied_targets(assessment.year)
        (
            assessment.indicator_results,
            assessment.indicators_met,
            assessment.indicators_judged,
        ) = _indicator_snapshot(assessment, data=data, targets=targets)
    assessment.compute(list(assessment.scores.all()) if assessment.pk else [])
    assessment.full_clean()
    assessment.save()
    return assessment


@transaction.atomic
def assessment_save(*, assessment: Assessment) -> Assessment:
    """Save an assessment from the office's form (third-party evaluation, notes)."""
    return _assessment_update(assessment)


@transaction.atomic
def assessments_prepare(*, year: int) -> tuple[int, int]:
    """Open the year's assessment of every member school and enterprise, and refresh the
    indicator results of those still being scored. Returns (opened, refreshed)."""
    data = DataSet()
    targets = selectors.applied_targets(year)
    members = data.year(year).schools | data.year(year).enterprises
    existing = {
        a.organization_id: a
        for a in Assessment.objects.filter(year=year).select_related("organization")
    }
    opened = refreshed = 0
    for organization in Organization.objects.filter(pk__in=members).order_by("name"):
        assessment = existing.get(organization.pk)
        if assessment is None:
            assessment = Assessment(organization=organization, year=year)
            opened += 1
        elif assessment.is_scoring:
            refreshed += 1
        else:
            continue
        _assessment_update(assessment, data=data, targets=targets)
    return opened, refreshed


@transaction.atomic
def assessment_score(
    *,
    assessment: Assessment,
    by,
    scores: dict[str, Decimal | None],
    comment: str = "",
    department: str = "",
    data: DataSet | None = None,
) -> Assessment:
    """Record one assessor's scores of an assessment (an empty score withdraws that item).

    The assessor is the user's own organisation (an enterprise scoring a school, a school an
    enterprise) or, for the office, the government department whose sheet it enters. ``data``:
    the year's records already loaded, for many sheets entered at once (scores are not among
    the records the indicators read).
    """
    if not permissions.assessments_scorable_by(by).filter(pk=assessment.pk).exists():
        raise ValidationError(_("This assessment cannot be scored by you (or no longer)."))
    kind = permissions.assessor_kind_of(by)
    assessor = None if kind == AssessorKind.DEPARTMENT else by.organization
    department = department.strip() if kind == AssessorKind.DEPARTMENT else ""
    mine = assessment.scores.filter(assessor_kind=kind, assessor=assessor, department=department)
    for item, value in scores.items():
        existing = mine.filter(item=item).first()
        if value is None:
            if existing is not None:
                existing.delete()
            continue
        score = existing or AssessmentScore(
            assessment=assessment,
            item=item,
            assessor_kind=kind,
            assessor=assessor,
            department=department,
        )
        score.score = value
        score.comment = comment
        score.entered_by = by
        score.full_clean()
        score.save()
    return _assessment_update(assessment, data=data)


@transaction.atomic
def assessments_approve(*, year: int, meeting: CouncilMeeting) -> int:
    """The council approves the year's grades at ``meeting``: every assessment being scored that
    has a grade is approved (the others stay open). Returns how many were approved."""
    approved = 0
    for assessment in Assessment.objects.filter(year=year, status=AssessmentStatus.SCORING).exclude(
        grade=""
    ):
        assessment.status = AssessmentStatus.APPROVED
        assessment.approved_at_meeting = meeting
        assessment.full_clean()
        assessment.save()
        approved += 1
    if not approved:
        raise ValidationError(_("No assessment of this year has a grade to approve."))
    return approved


@transaction.atomic
def assessments_publish(*, year: int, on=None) -> int:
    """Publish the year's approved results to the members. Returns how many were published."""
    on = on or timezone.localdate()
    published = 0
    for assessment in Assessment.objects.filter(year=year, status=AssessmentStatus.APPROVED):
        assessment.status = AssessmentStatus.PUBLISHED
        assessment.published_on = on
        assessment.full_clean()
        assessment.save()
        published += 1
    if not published:
        raise ValidationError(_("No approved assessment of this year is waiting to be published."))
    return published
