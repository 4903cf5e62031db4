"""Retention: old audit events and old import workbooks (with their parsed copies) go."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from alliance import tasks
from alliance.models import AuditEvent, AuditKind, ImportBatch, ImportStatus
from alliance.retention import retention_apply

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(dt.datetime(2026, 6, 30, 3, 17))


def _event(days_ago: int, now=NOW) -> AuditEvent:
    return AuditEvent.objects.create(
        kind=AuditKind.LOGIN, username=f"u{days_ago}", created_at=now - dt.timedelta(days=days_ago)
    )


def _batch(days_ago: int, status=ImportStatus.DONE, now=NOW) -> ImportBatch:
    batch = ImportBatch(register="students", file_name="学生.xlsx", status=status)
    batch.file.save("upload.xlsx", ContentFile(b"PK workbook"), save=False)
    batch.save()
    default_storage.save(ImportBatch.parsed_name(batch.file.name), ContentFile(b"[]"))
    when = now - dt.timedelta(days=days_ago)
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=when, updated_at=when)
    batch.refresh_from_db()
    return batch


def test_audit_events_older_than_190_days_are_pruned():
    kept, _old = _event(189), _event(191)
    assert retention_apply(now=NOW)["audit_events"] == 1
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [kept.pk]


def test_audit_retention_comes_from_settings(settings):
    settings.AUDIT_RETENTION_DAYS = 400
    _event(191)
    assert retention_apply(now=NOW)["audit_events"] == 0


def test_workbooks_and_parsed_copies_older_than_30_days_are_deleted():
    old, recent = _batch(31), _batch(29)
    old_name = old.file.name
    # 2 files of the old batch: the workbook and its parsed JSON copy.
    assert retention_apply(now=NOW)["import_files"] == 2
    assert not default_storage.exists(old_name)
    assert not default_storage.exists(ImportBatch.parsed_name(old_name))
    assert default_storage.exists(recent.file.name)
    assert default_storage.exists(ImportBatch.parsed_name(recent.file.name))
    old.refresh_from_db()
    # The batch stays, for who imported what and when; only its file is gone.
    assert old.file.name == "" and old.status == ImportStatus.DONE


def test_an_unconfirmed_old_batch_says_its_file_is_gone():
    waiting = _batch(40, status=ImportStatus.READY)
    retention_apply(now=NOW)
    waiting.refresh_from_db()
    assert waiting.status == ImportStatus.FAILED and "30" in waiting.message
    assert not waiting.can_confirm


def test_a_running_batch_keeps_its_file(settings):
    running = _batch(31, status=ImportStatus.IMPORTING)
    # Still being worked on: touched recently although uploaded long ago.
    ImportBatch.objects.filter(pk=running.pk).update(updated_at=NOW)
    retention_apply(now=NOW)
    assert default_storage.exists(running.file.name)


def test_orphan_files_in_the_imports_folder_are_deleted():
    name = default_storage.save("imports/orphan.xlsx.json", ContentFile(b"[]"))
    old = (NOW - dt.timedelta(days=31)).timestamp()
    os.utime(default_storage.path(name), (old, old))
    assert retention_apply(now=NOW)["import_files"] == 1
    assert not default_storage.exists(name)


def test_the_nightly_task_runs_twice_without_harm(settings):
    settings.IMPORT_RETENTION_DAYS = 30
    now = timezone.now()
    _event(200, now=now)
    _batch(45, now=now)
    first = tasks.apply_retention.delay().get()
    assert first == {"audit_events": 1, "import_files": 2, "signed_links": 0}
    assert tasks.apply_retention.delay().get() == {
        "audit_events": 0,
        "import_files": 0,
        "signed_links": 0,
    }


def test_the_task_is_scheduled_nightly(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["retention"]
    assert entry["task"] == "alliance.tasks.apply_retention"
    assert entry["task"] in tasks.apply_retention.app.tasks
