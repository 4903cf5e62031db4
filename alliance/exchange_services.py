"""Import batches: upload → dry run → confirm → all-or-nothing import (pages, command, Celery).

Small files are checked and imported in the request; above ``ASYNC_ROW_THRESHOLD`` rows the
same functions run in a Celery task (``alliance.tasks``) and the page polls the batch's
progress, so the user may leave and come back. Each step claims the batch with a conditional
UPDATE on its status, so a task delivered twice does the work once.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile

from django.core.cache import cache
from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, background, xlsx
from .exchange import Plan, Register, apply_plan, get_register, plan_import
from .models import AuditKind, ImportBatch, ImportStatus

logger = logging.getLogger(__name__)

ASYNC_ROW_THRESHOLD = 2000
MAX_STORED_ERRORS = 1000
# A batch "running" for longer than this was lost with its worker and may be claimed again.
STALE_AFTER = dt.timedelta(minutes=15)


class ImportRefused(Exception):
    """The file or its rows were refused; the batch holds the reasons. Nothing was written."""


def _progress_key(batch_id: int) -> str:
    return f"alliance:import-progress:{batch_id}"


def progress_of(batch: ImportBatch) -> int:
    if batch.is_running:
        return int(cache.get(_progress_key(batch.pk), batch.progress))
    return (
        100
        if batch.status in (ImportStatus.DONE, ImportStatus.READY, ImportStatus.INVALID)
        else batch.progress
    )


def _reporter(batch_id: int, start: int, span: int):
    def report(done: int, total: int) -> None:
        cache.set(_progress_key(batch_id), start + (span * done // max(total, 1)), 3600)

    return report


def _claim(batch_id: int, queued: str, running: str) -> bool:
    stale = timezone.now() - STALE_AFTER
    return bool(
        ImportBatch.objects.filter(
            Q(status=queued) | Q(status=running, updated_at__lt=stale), pk=batch_id
        ).update(status=running, progress=0, updated_at=timezone.now())
    )


def _enqueue(task, batch: ImportBatch) -> None:
    """Start ``task`` once the batch is committed; a broker that is down fails the batch clearly."""

    def send() -> None:
        try:
            background.enqueue(task, batch.pk)
        except Exception:
            logger.exception("could not enqueue import batch %s", batch.pk)
            ImportBatch.objects.filter(pk=batch.pk).update(
                status=ImportStatus.FAILED,
                message=_("The background job service is unavailable. Try again later."),
            )

    transaction.on_commit(send)


def _refuse(batch: ImportBatch, message: str, status: str = ImportStatus.INVALID) -> ImportBatch:
    batch.status = status
    batch.message = message
    batch.save()
    return batch


def batch_upload(
    *, register: Register, user, upload: UploadedFile, run_now: bool = False
) -> ImportBatch:
    """Keep the uploaded workbook with a new batch and start its dry run.

    The file is refused at once when it is not a safe .xlsx (size, type, zip bomb); otherwise
    it is checked now, or by a Celery job when it has more than ``ASYNC_ROW_THRESHOLD`` rows
    (``run_now`` forces the check in-process, for the management command).
    """
    batch = ImportBatch(
        register=register.key,
        user=user if getattr(user, "pk", None) else None,
        file_name=(getattr(upload, "name", "") or "upload.xlsx")[-255:],
    )
    if upload.size > xlsx.MAX_BYTES:
        return _refuse(
            batch, _("The file is too large. %(limits)s") % {"limits": xlsx.limits_text()}
        )
    batch.file.save("upload.xlsx", upload, save=False)
    batch.save()
    with batch.file.open("rb") as stored:
        try:
            xlsx.check_container(stored)
        except xlsx.WorkbookError as exc:
            return _refuse(batch, exc.message)
        rows = xlsx.count_rows(stored) - 1  # without the header
    if rows > ASYNC_ROW_THRESHOLD and not run_now:
        from .tasks import check_import_batch

        _enqueue(check_import_batch, batch)
        return batch
    return batch_check(batch_id=batch.pk, user=user)


def _read(batch: ImportBatch) -> xlsx.Sheet:
    """The batch's sheet: parsed from the workbook once, then from the JSON kept beside it."""
    storage = batch.file.storage
    name = ImportBatch.parsed_name(batch.file.name)
    if storage.exists(name):
        with storage.open(name, "rb") as parsed:
            return xlsx.load_sheet(parsed)
    with batch.file.open("rb") as stored:
        sheet = xlsx.read_sheet(stored)
    with tempfile.TemporaryFile() as parsed:
        xlsx.dump_sheet(sheet, parsed)
        parsed.seek(0)
        storage.save(name, File(parsed))
    return sheet


def _plan(batch: ImportBatch, user, progress, write=None) -> Plan:
    """The batch's plan, with counts but not the records themselves. The import itself
    (``write``: what writes each checked chunk of rows) re-checks without the field validators,
    which passed on this same stored file, and without the per-row list the dry run already
    stored."""
    register = get_register(batch.register)
    if register is None:
        raise xlsx.WorkbookError(_("Unknown register."))
    dry_run = write is None
    return plan_import(
        register,
        _read(batch),
        user,
        progress=progress,
        check_fields=dry_run,
        preview=dry_run,
        keep_records=False,
        write=write,
    )


def _store_plan(batch: ImportBatch, plan: Plan) -> None:
    batch.row_count = plan.row_count
    batch.to_create = plan.new_count
    batch.to_update = plan.changed_count
    batch.unchanged = plan.unchanged
    batch.error_count = len(plan.errors)
    batch.errors = [e.as_dict() for e in plan.errors[:MAX_STORED_ERRORS]]
    if plan.preview is not None:
        batch.preview = plan.preview


def batch_check(*, batch_id: int, user=None) -> ImportBatch:
    """The dry run: every bad row and what would be created or updated. Writes no records."""
    if not _claim(batch_id, ImportStatus.CHECK_QUEUED, ImportStatus.CHECKING):
        return ImportBatch.objects.get(pk=batch_id)
    batch = ImportBatch.objects.select_related("user").get(pk=batch_id)
    user = user or batch.user
    try:
        plan = _plan(batch, user, _reporter(batch.pk, 0, 100))
    except xlsx.WorkbookError as exc:
        return _refuse(batch, exc.message)
    except Exception:
        logger.exception("dry run of import batch %s failed", batch.pk)
        return _refuse(
            batch, _("The check failed unexpectedly; nothing was imported."), ImportStatus.FAILED
        )
    _store_plan(batch, plan)
    batch.status = ImportStatus.READY if plan.ok else ImportStatus.INVALID
    batch.message = (
        ""
        if plan.ok
        else _("%(count)s problems found; nothing was imported.") % {"count": len(plan.errors)}
    )
    batch.progress = 100
    batch.save()
    return batch


def batch_confirm(*, batch: ImportBatch, user, run_now: bool = False) -> ImportBatch:
    """Start the import of a checked batch (now, or in Celery for a big file)."""
    claimed = ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.READY).update(
        status=ImportStatus.IMPORT_QUEUED, progress=0, updated_at=timezone.now()
    )
    if not claimed:
        batch.refresh_from_db()
        return batch
    audit.record(
        AuditKind.IMPORT,
        user=user,
        target=batch.register,
        detail={
            "batch": batch.pk,
            "file": batch.file_name,
            "rows": batch.row_count,
            "to_create": batch.to_create,
            "to_update": batch.to_update,
        },
    )
    if batch.row_count > ASYNC_ROW_THRESHOLD and not run_now:
        from .tasks import run_import_batch

        _enqueue(run_import_batch, batch)
        batch.refresh_from_db()
        return batch
    return batch_import(batch_id=batch.pk, user=user)


def change_reason(batch: ImportBatch) -> str:
    return _("Excel import #%(batch)s (%(file)s)") % {"batch": batch.pk, "file": batch.file_name}


def batch_import(*, batch_id: int, user=None) -> ImportBatch:
    """Check the batch's file again and write all its rows in one transaction, or none."""
    if not _claim(batch_id, ImportStatus.IMPORT_QUEUED, ImportStatus.IMPORTING):
        return ImportBatch.objects.get(pk=batch_id)
    batch = ImportBatch.objects.select_related("user").get(pk=batch_id)
    user = user or batch.user
    try:
        with transaction.atomic():
            # Checked again inside the transaction (the data may have changed since the dry
            # run), and written a chunk of rows at a time as long as no row has a problem; the
            # transaction is rolled back when one has.
            reason = change_reason(batch)
            written = [0, 0]

            def write(chunk: Plan) -> None:
                created, updated = apply_plan(chunk, user=user, reason=reason)
                written[0] += created
                written[1] += updated

            plan = _plan(batch, user, _reporter(batch.pk, 0, 100), write=write)
            _store_plan(batch, plan)
            if not plan.ok:
                raise ImportRefused
            created, updated = written
    except xlsx.WorkbookError as exc:
        return _refuse(batch, exc.message)
    except ImportRefused:
        return _refuse(
            batch,
            _("%(count)s problems found; nothing was imported.") % {"count": batch.error_count},
        )
    except Exception:
        logger.exception("import batch %s failed", batch.pk)
        return _refuse(
            batch, _("The import failed unexpectedly; nothing was imported."), ImportStatus.FAILED
        )
    batch.created_count, batch.updated_count = created, updated
    batch.status = ImportStatus.DONE
    batch.message = ""
    batch.progress = 100
    batch.finished_at = timezone.now()
    batch.save()
    cache.delete(_progress_key(batch.pk))
    return batch
