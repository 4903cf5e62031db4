"""A worker process killed with SIGKILL in the middle of a report: nobody opens a page, the
periodic check marks the run failed (restartable), and a restart on a new worker finishes it.

Needs REDIS_URL and PostgreSQL: the worker is a separate ``celery -A alliance worker`` process
that must reach the same (committed) test database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from reports.models import AnnualReport, ReportStatus
from reports.services import report_request, report_restart
from reports.tasks import fail_stale_reports

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.REDIS_URL or "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs REDIS_URL and DATABASE_URL on PostgreSQL (a worker in another process)",
    ),
]


def _database_url() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


@pytest.fixture
def celery_worker_processes(tmp_path):
    """``start(name)`` runs ``celery -A alliance worker`` in its own process group; the tasks
    of this test go through the broker (the name keeps tests/conftest.py from making them eager)."""
    return lambda name: _start_worker(tmp_path, name)


def _start_worker(tmp_path: Path, name: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "REPORT_HEARTBEAT_SECONDS": "1",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115  closed with the process
    # Its own process group: SIGKILL then reaches the main process and its pool child at once.
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "alliance",
            "worker",
            "--pool",
            "prefork",
            "--concurrency",
            "1",
            "--hostname",
            f"{name}@%h",
            "--without-mingle",
            "--without-gossip",
            "--loglevel",
            "INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _status(pk: int) -> str:
    return AnnualReport.objects.values_list("status", flat=True).get(pk=pk)


def _wait(predicate, timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def test_a_run_whose_worker_is_killed_fails_and_restarts(
    secretariat_user, settings, celery_worker_processes
):
    settings.REPORT_STALE_SECONDS = 3
    worker = celery_worker_processes("doomed")
    try:
        with transaction.atomic():
            report = report_request(year=2025, requested_by=secretariat_user)
        assert _wait(lambda: _status(report.pk) == ReportStatus.RUNNING, timeout=90)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
    assert _status(report.pk) == ReportStatus.RUNNING  # killed mid-report, not after it

    # No page is opened: the beat task alone notices the silent run.
    time.sleep(settings.REPORT_STALE_SECONDS + 1)
    assert fail_stale_reports() == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and report.can_restart

    worker = celery_worker_processes("fresh")
    try:
        with transaction.atomic():
            report_restart(report=report)
        assert _wait(lambda: AnnualReport.objects.get(pk=report.pk).is_finished, timeout=120)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
