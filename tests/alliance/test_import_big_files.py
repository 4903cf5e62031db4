"""Files above the threshold are checked and imported by Celery jobs; the page polls progress."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alliance import exchange_services
from alliance.models import ImportBatch, ImportStatus
from members.models import SchoolYearFigures
from tests.alliance.xlsx_files import upload, workbook_bytes

pytestmark = pytest.mark.django_db

HEADERS = ["学校", "年份", "在校生数", "专业教师数", "毕业生数"]


@pytest.fixture
def small_threshold(monkeypatch):
    monkeypatch.setattr(exchange_services, "ASYNC_ROW_THRESHOLD", 3)


def test_big_file_is_checked_and_imported_by_jobs(
    client_for, school_user, school, small_threshold, django_capture_on_commit_callbacks
):
    client = client_for(school_user)
    content = workbook_bytes(HEADERS, [[school.name, 2010 + i, 3000, 100, 900] for i in range(5)])
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("exchange:school_figures_import"), {"file": upload(content)})
    batch = ImportBatch.objects.get()
    # Queued, one job (the other callbacks at commit end cached register counts): the page shows
    # a progress bar polled by htmx until the job has run.
    (check,) = [c for c in callbacks if "_enqueue" in c.__qualname__]
    assert batch.status == ImportStatus.CHECK_QUEUED
    page = client.get(reverse("exchange:batch", args=[batch.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "progress-bar" in page
    check()  # the eager Celery task runs the dry run
    batch.refresh_from_db()
    assert (batch.status, batch.to_create) == (ImportStatus.READY, 5)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("exchange:confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert (batch.status, batch.created_count) == (ImportStatus.DONE, 5)
    assert SchoolYearFigures.objects.count() == 5
    # The htmx poll gets the status fragment only, without polling any more.
    fragment = client.get(
        reverse("exchange:batch", args=[batch.pk]), headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" not in fragment and "hx-trigger" not in fragment and "已导入" in fragment


def test_a_broker_that_is_down_fails_the_batch_with_a_message(
    client_for,
    school_user,
    school,
    small_threshold,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    from alliance import tasks

    def down(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.check_import_batch, "delay", down)
    content = workbook_bytes(HEADERS, [[school.name, 2010 + i, 3000, 100, 900] for i in range(5)])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(school_user).post(
            reverse("exchange:school_figures_import"), {"file": upload(content)}
        )
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.FAILED and "后台任务服务" in batch.message


def test_a_job_delivered_twice_imports_once(school_user, school):
    content = workbook_bytes(HEADERS, [[school.name, 2025, 3000, 100, 900]])
    batch = exchange_services.batch_upload(
        register=exchange_services.get_register("school_figures"),
        user=school_user,
        upload=upload(content),
    )
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.IMPORT_QUEUED)
    exchange_services.batch_import(batch_id=batch.pk)
    exchange_services.batch_import(batch_id=batch.pk)
    assert SchoolYearFigures.objects.count() == 1
    assert ImportBatch.objects.get().status == ImportStatus.DONE


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_big_import_runs_on_a_real_worker(
    celery_worker, school_user, school, small_threshold, wait_for
):
    content = workbook_bytes(HEADERS, [[school.name, 2010 + i, 3000, 100, 900] for i in range(5)])
    register = exchange_services.get_register("school_figures")
    batch = exchange_services.batch_upload(
        register=register, user=school_user, upload=upload(content)
    )
    assert wait_for(lambda: ImportBatch.objects.get(pk=batch.pk).status == ImportStatus.READY)
    exchange_services.batch_confirm(batch=ImportBatch.objects.get(pk=batch.pk), user=school_user)
    assert wait_for(lambda: ImportBatch.objects.get(pk=batch.pk).status == ImportStatus.DONE)
    assert SchoolYearFigures.objects.count() == 5
