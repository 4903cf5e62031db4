"""Records of the project package itself: Excel import batches (see ``alliance.exchange``),
the audit trail, signed links (``alliance.signed_links``) and the reminder digests sent."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
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

    @staticmethod
    def parsed_name(file_name: str) -> str:
        """Where the sheet read from the workbook ``file_name`` is kept beside it (JSON lines)."""
        return f"{file_name}.jsonl"

    @property
    def can_confirm(self) -> bool:
        return self.status == ImportStatus.READY


class AuditKind(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Log-in failed")
    LOGIN_RATE_LIMITED = (
        "login_rate_limited",
        _("Log-in refused: too many attempts from one address"),
    )
    LOCKOUT = "lockout", _("Account locked out")
    LOGOUT = "logout", _("Logged out")
    SESSION_EXPIRED = "session_expired", _("Session expired")
    PASSWORD_CHANGE = "password_change", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset by the secretariat")
    TWO_FACTOR = "two_factor", _("Two-factor authentication")
    ACCOUNT_CREATE = "account_create", _("Account created")
    ACCOUNT_UPDATE = "account_update", _("Account changed")
    ACCOUNT_ACTIVE = "account_active", _("Account activated or deactivated")
    EXPORT = "export", _("Export")
    IMPORT = "import", _("Import")
    REPORT_PUBLISH = "report_publish", _("Report published")
    PERSONAL_DATA = "personal_data", _("Unmasked personal data shown")
    API_TOKEN = "api_token", _("API token created or revoked")

    LINK_ISSUED = "link_issued", _("Signed link issued")
    LINK_USED = "link_used", _("Signed link answered")
    LINK_REFUSED = "link_refused", _("Signed link refused")
    LINK_REVOKED = "link_revoked", _("Signed link revoked")


class AuditEventQuerySet(models.QuerySet):
    """Append-only: rows are added, never changed; only the retention job removes old ones."""

    def update(self, **kwargs):
        raise PermissionError("audit events cannot be changed")

    def delete(self):
        raise PermissionError("audit events cannot be deleted")

    def expire(self, *, before) -> int:
        """Delete the events older than ``before`` (the retention period); returns how many."""
        old = self.filter(created_at__lt=before)
        # The base implementation, on purpose: ``delete`` above is closed to everyone else.
        deleted, _by_model = models.QuerySet.delete(old)
        return deleted


class AuditEvent(models.Model):
    """Who did what, from where, and when: the security audit trail (等保2.0, PIPL).

    Written through ``alliance.audit.record``; never edited or deleted except by the retention
    job (``AUDIT_RETENTION_DAYS``). The username is kept as text so that an event stays
    readable for a failed log-in with an unknown name, or an account removed later.
    """

    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    kind = models.CharField(_("event"), max_length=24, choices=AuditKind.choices, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        # Kept as it was when an account is removed: the trail is not rewritten.
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    username = models.CharField(_("user name"), max_length=150, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    target = models.CharField(_("object"), max_length=200, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.username} {self.kind}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("audit events cannot be deleted")


class ApiToken(models.Model):
    """The one API token of an account (``alliance.api.tokens``).

    Only the SHA-256 digest of the key is kept: the key is shown once, when it is created, and a
    copy of this table cannot be used to call the API. The prefix lets the owner recognise it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="api_token",
    )
    prefix = models.CharField(_("key prefix"), max_length=8)
    digest = models.CharField(_("key digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}…"


class SignedLinkQuerySet(models.QuerySet):
    def usable(self, *, now=None):
        """Links that may still be answered: not used, not revoked, not expired."""
        return self.filter(
            used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now or timezone.now()
        )


class SignedLink(models.Model):
    """A link that lets someone without an account answer for ONE record, once.

    Only the SHA-256 of the token is stored: the link itself is shown once to the secretariat
    and sent by e-mail, so a copy of the database does not hold a working link. ``purpose``
    names the registered purpose (``alliance.signed_links``) that says what the answer does.
    """

    purpose = models.CharField(_("purpose"), max_length=40, db_index=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    record_label = models.CharField(_("record"), max_length=200)
    token_hash = models.CharField(max_length=64, unique=True)
    recipient = models.CharField(_("sent to"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("issued at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    outcome = models.CharField(_("answer"), max_length=200, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = SignedLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("signed link")
        verbose_name_plural = _("signed links")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.purpose} · {self.record_label}"

    @property
    def status(self) -> str:
        if self.used_at:
            return "used"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

    @property
    def is_open(self) -> bool:
        return self.status == "open"


class ReminderDigest(models.Model):
    """One reminder e-mail sent to one account: what it listed, so a day is never sent twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_digests"
    )
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    items = models.PositiveIntegerField(_("items"))
    sections = models.JSONField(_("sections"), default=list)

    class Meta:
        verbose_name = _("reminder digest")
        verbose_name_plural = _("reminder digests")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "sent_on"], name="one_digest_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.sent_on}"
