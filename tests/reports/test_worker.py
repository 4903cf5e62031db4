"""The report task on a real Celery worker through Redis (skipped without REDIS_URL)."""

from __future__ import annotations

import pytest
from django.db import transaction

from reports.models import AnnualReport, ReportStatus
from reports.services import report_request

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_builds_the_queued_report(celery_worker, secretariat_user, wait_for):
    with transaction.atomic():
        report = report_request(year=2025, requested_by=secretariat_user)
    assert wait_for(lambda: AnnualReport.objects.get(pk=report.pk).is_finished, timeout=90)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    assert report.pages and report.pdf.read(5) == b"%PDF-"
