"""``python manage.py build_report --year 2025``: build the annual report here, without Celery."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from reports.models import ReportStatus
from reports.services import report_build_now


class Command(BaseCommand):
    help = (
        "Build the annual quality report PDF of a year in this process and print the file's path."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, year: int, **options):
        started = time.monotonic()
        report = report_build_now(year=year)
        if report.status != ReportStatus.DONE:
            raise CommandError(f"run {report.pk} failed: {report.error}")
        self.stderr.write(
            f"run {report.pk}: {report.pages} pages, sha256 {report.sha256}, {time.monotonic() - started:.1f} s"
        )
        self.stdout.write(report.pdf.path)
