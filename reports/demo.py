"""Demo data of the reports app: the 2024 annual report, built and published.

Idempotent: a published 2024 report is looked up first and left as it is.
"""

from __future__ import annotations

import random

from members.models import User

from .models import AnnualReport
from .services import report_build_now, report_publish

DEMO_PUBLISHED_YEAR = 2024


def seed(rng: random.Random, *, scale: str = "demo") -> None:
    if AnnualReport.objects.filter(year=DEMO_PUBLISHED_YEAR, is_published=True).exists():
        return
    secretariat = User.objects.filter(username="secretariat").first()
    report = report_build_now(year=DEMO_PUBLISHED_YEAR, requested_by=secretariat)
    if report.status == "done":
        report_publish(report=report)
