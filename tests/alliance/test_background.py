"""With no broker, long jobs run in a thread of the web process: the request never waits."""

from __future__ import annotations

import threading

import pytest
from django.urls import reverse

from alliance import background, exchange_services, tasks
from alliance.models import ImportBatch, ImportStatus
from members.models import SchoolYearFigures
from tests.alliance.xlsx_files import upload, workbook_bytes

pytestmark = pytest.mark.django_db(transaction=True)

HEADERS = ["学校", "年份", "在校生数", "专业教师数", "毕业生数"]


@pytest.fixture
def threads(settings, monkeypatch):
    """No broker, files of more than 3 rows are big, and each job's planning waits for a gate."""
    settings.BACKGROUND_THREADS = True
    monkeypatch.setattr(exchange_services, "ASYNC_ROW_THRESHOLD", 3)
    gate = threading.Event()
    real_plan = exchange_services._plan

    def held_plan(*args, **kwargs):
        assert gate.wait(20), "the test never opened the gate"
        return real_plan(*args, **kwargs)

    monkeypatch.setattr(exchange_services, "_plan", held_plan)
    yield gate
    gate.set()
    background.wait_all(20)


def test_a_big_import_is_checked_and_imported_while_the_pages_answer(
    client_for, school_user, school, threads
):
    client = client_for(school_user)
    content = workbook_bytes(HEADERS, [[school.name, 2010 + i, 3000, 100, 900] for i in range(5)])
    response = client.post(reverse("exchange:school_figures_import"), {"file": upload(content)})
    batch = ImportBatch.objects.get()
    # The request has answered while the dry run still waits in its thread.
    assert response["Location"] == reverse("exchange:batch", args=[batch.pk])
    assert background.running(tasks.check_import_batch, batch.pk)
    page = client.get(response["Location"]).content.decode()
    assert 'data-hx-trigger="every 1s"' in page and "progress-bar" in page
    threads.set()
    background.wait_all(20)
    batch.refresh_from_db()
    assert (batch.status, batch.to_create) == (ImportStatus.READY, 5)

    threads.clear()
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    client.post(reverse("exchange:confirm", args=[batch.pk]))  # a second click joins the first
    assert background.running(tasks.run_import_batch, batch.pk)
    assert ImportBatch.objects.get().status in (ImportStatus.IMPORT_QUEUED, ImportStatus.IMPORTING)
    threads.set()
    background.wait_all(20)
    batch.refresh_from_db()
    assert (batch.status, batch.created_count) == (ImportStatus.DONE, 5)
    assert SchoolYearFigures.objects.count() == 5


def test_the_same_job_asked_twice_runs_once(settings, monkeypatch):
    settings.BACKGROUND_THREADS = True
    gate, calls = threading.Event(), []

    def held_check(*, batch_id, user=None):
        calls.append(batch_id)
        gate.wait(20)
        return ImportBatch(status=ImportStatus.READY)

    monkeypatch.setattr(exchange_services, "batch_check", held_check)
    background.enqueue(tasks.check_import_batch, 7)
    background.enqueue(tasks.check_import_batch, 7)
    gate.set()
    background.wait_all(20)
    assert calls == [7]
    assert not background.running(tasks.check_import_batch, 7)


def test_with_a_broker_the_job_goes_to_celery(settings, monkeypatch):
    settings.BACKGROUND_THREADS = False
    sent = []
    monkeypatch.setattr(tasks.check_import_batch, "delay", lambda *args: sent.append(args))
    background.enqueue(tasks.check_import_batch, 7)
    assert sent == [(7,)] and not background.running(tasks.check_import_batch, 7)


def test_a_failing_job_is_logged_and_forgotten(settings, monkeypatch, caplog):
    settings.BACKGROUND_THREADS = True

    def broken(*, batch_id, user=None):
        raise RuntimeError("disk full")

    monkeypatch.setattr(exchange_services, "batch_check", broken)
    background.enqueue(tasks.check_import_batch, 8)
    background.wait_all(20)
    assert "disk full" in caplog.text
    assert not background.running(tasks.check_import_batch, 8)
