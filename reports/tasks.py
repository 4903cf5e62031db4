"""Celery tasks of the reports app: thin, they take an id and call one service."""

from __future__ import annotations

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.utils.translation import gettext as _

from . import services


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(services.TransientReportError,),
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=4,
)
def generate_annual_report(self, report_id: int) -> str | None:
    """Build the PDF of one queued run (does nothing if another worker already claimed it)."""
    try:
        report = services.report_generate(report_id=report_id)
    except services.TransientReportError as exc:
        if self.request.retries >= self.max_retries:
            services.report_fail(
                report_id=report_id,
                error=_("Temporary errors, gave up: %(error)s") % {"error": exc},
            )
            return None
        raise
    except SoftTimeLimitExceeded:
        services.report_fail(
            report_id=report_id, error=_("The report took too long to build and was stopped.")
        )
        return None
    return report.status if report else None


@shared_task
def fail_stale_reports() -> int:
    """Every minute (``CELERY_BEAT_SCHEDULE``): runs whose worker died become failed, restartable."""
    return services.report_fail_stale()


@shared_task(ignore_result=True)
def refresh_figures() -> None:
    """Every two minutes (``CELERY_BEAT_SCHEDULE``): the stored figures of the years the pages
    open on, computed after writes so that no visitor waits for them. Idempotent."""
    services.figures_refresh()
