"""Records of the project package itself: Excel import batches (see ``alliance.exchange``)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def import_file_path(instance: ImportBatch, filename: str) -> str:
    # A random name under MEDIA_ROOT/imports: the user's file name is kept in ``file_name``
    # only, and these files are never served (no view returns them).
    return f"imports/{uuid.uuid4().hex}.xlsx"


class ImportStatus(models.TextChoices):
    CHECK_QUEUED = "check_queued", _("Waiting to be checked")
    CHECKING = "checking", _("Being checked")
    INVALID = "invalid", _("Refused")
    READY = "ready", _("Checked, ready to import")
    IMPORT_QUEUED = "import_queued", _("Waiting to be imported")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


RUNNING_STATUSES = (
    ImportStatus.CHECK_QUEUED,
    ImportStatus.CHECKING,
    ImportStatus.IMPORT_QUEUED,
    ImportStatus.IMPORTING,
)


class ImportBatch(models.Model):
    """One uploaded workbook: its dry run, then (once confirmed) its all-or-nothing import.

    Every history row written by the import carries this batch in its change reason.
    """

    register = models.CharField(_("register"), max_length=40)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_batches",
    )
    file = models.FileField(_("file"), upload_to=import_file_path, max_length=200)
    file_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.CHECK_QUEUED
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    to_create = models.PositiveIntegerField(_("rows to add"), default=0)
    to_update = models.PositiveIntegerField(_("rows to update"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged rows"), default=0)
    created_count = models.PositiveIntegerField(_("records added"), default=0)
    updated_count = models.PositiveIntegerField(_("records updated"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    # The first errors found: [{"row": 12, "column": "学号", "message": "..."}].
    errors = models.JSONField(_("row errors"), default=list, blank=True)
    # What the dry run found for each valid row: [{"row": 12, "status": "changed", "label":
    # "...", "changes": [["手机", "138****5678", "139****0000"]]}], masked for the uploader.
    preview = models.JSONField(_("rows checked"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    finished_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.file_name}"

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING_STATUSES

    @property
    def can_confirm(self) -> bool:
        return self.status == ImportStatus.READY
