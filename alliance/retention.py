"""Retention: audit events and uploaded import workbooks are kept for a set time, then removed.

``AUDIT_RETENTION_DAYS`` (default 190, over the six months 等保2.0 asks for) and
``IMPORT_RETENTION_DAYS`` (default 30: a workbook and its parsed copy hold ID numbers and are
of no use once imported). Signed links go with the audit events: a link that expired more than
``AUDIT_RETENTION_DAYS`` ago is deleted. The periodic task ``alliance.tasks.apply_retention`` calls
:func:`retention_apply` every night; running it twice removes nothing more.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import RUNNING_STATUSES, AuditEvent, ImportBatch, ImportStatus, SignedLink

logger = logging.getLogger(__name__)

IMPORTS_FOLDER = "imports"


def audit_prune(*, now: dt.datetime | None = None) -> int:
    """Delete the audit events older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    return AuditEvent.objects.expire(before=cutoff)


def import_files_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the workbooks (and parsed copies) of batches uploaded before the retention period.

    The batch rows stay (who imported what, when, with what result); a batch that was still
    waiting for confirmation can no longer be imported and says so. Files left in the imports
    folder without a batch are removed on the same terms. Returns the number of files deleted.
    """
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.IMPORT_RETENTION_DAYS)
    old = (
        ImportBatch.objects.filter(created_at__lt=cutoff)
        .exclude(file="")
        # A job still running keeps its file, unless it was lost long ago.
        .exclude(status__in=RUNNING_STATUSES, updated_at__gte=cutoff)
    )
    names = []
    for name in old.values_list("file", flat=True):
        names += [name, ImportBatch.parsed_name(name)]
    # The rows first: a file that then fails to go is an orphan, removed by the next run.
    with transaction.atomic():
        old.filter(status=ImportStatus.READY).update(
            status=ImportStatus.FAILED,
            message=_("The uploaded file was deleted after %(days)s days; upload it again.")
            % {"days": settings.IMPORT_RETENTION_DAYS},
        )
        old.update(file="")
    deleted = 0
    for name in names:
        if default_storage.exists(name):
            default_storage.delete(name)
            deleted += 1
    return deleted + _purge_orphans(cutoff)


def _purge_orphans(cutoff: dt.datetime) -> int:
    if not default_storage.exists(IMPORTS_FOLDER):
        return 0
    kept = set(ImportBatch.objects.exclude(file="").values_list("file", flat=True))
    kept |= {ImportBatch.parsed_name(name) for name in kept}
    deleted = 0
    for filename in default_storage.listdir(IMPORTS_FOLDER)[1]:
        name = f"{IMPORTS_FOLDER}/{filename}"
        if name not in kept and default_storage.get_modified_time(name) < cutoff:
            default_storage.delete(name)
            deleted += 1
    return deleted


def signed_links_prune(*, now: dt.datetime | None = None) -> int:
    """Delete the signed links that expired longer ago than the audit retention period: they
    name their recipient, and their use stays in the audit trail as long as it is kept."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    deleted, _by_model = SignedLink.objects.filter(expires_at__lt=cutoff).delete()
    return deleted


def retention_apply(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Every retention rule; what was removed, for the task's log."""
    result = {
        "audit_events": audit_prune(now=now),
        "import_files": import_files_purge(now=now),
        "signed_links": signed_links_prune(now=now),
    }
    logger.info("retention applied: %s", result)
    return result
