"""``manage.py import_xlsx REGISTER FILE [--dry-run] [--as USERNAME]``: the import page's code.

Without ``--as`` the command acts for the secretariat (every organisation) and history names
no user. Exits non-zero, with every row error on stderr, when the file is refused.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from alliance.access import SECRETARIAT
from alliance.exchange import CHANGED, all_registers, get_register
from alliance.exchange_services import batch_confirm, batch_upload
from alliance.models import ImportStatus


def command_user(username: str | None):
    """The account named by ``--as``, or an unsaved secretariat stand-in."""
    User = get_user_model()
    if username is None:
        return User(username="manage.py", role=SECRETARIAT)
    try:
        return User.objects.get(username=username, is_active=True)
    except User.DoesNotExist:
        raise CommandError(f"No active account {username!r}.") from None


def register_or_error(key: str):
    register = get_register(key)
    if register is None:
        keys = ", ".join(sorted(r.key for r in all_registers()))
        raise CommandError(f"Unknown register {key!r}. Registers: {keys}")
    return register


class Command(BaseCommand):
    help = "Import an Excel (.xlsx) file into a register, all rows or none (use --dry-run to check only)."

    def add_arguments(self, parser):
        parser.add_argument("register")
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check the file; write nothing.")
        parser.add_argument(
            "--as", dest="username", help="Import as this account (its scope applies)."
        )

    def handle(self, register, file: Path, dry_run: bool, username: str | None, **options):
        spec = register_or_error(register)
        user = command_user(username)
        if not file.is_file():
            raise CommandError(f"No file {file}.")
        with file.open("rb") as handle:
            upload = File(handle, name=file.name)
            upload.size = file.stat().st_size
            batch = batch_upload(register=spec, user=user, upload=upload, run_now=True)
        if batch.status == ImportStatus.READY and not dry_run:
            batch = batch_confirm(batch=batch, user=user, run_now=True)
        for error in batch.errors:
            self.stderr.write(
                f"row {error['row']}, {error['column'] or '-'}: {error['message']} "
                f"(found: {error.get('value') or '-'}; allowed: {error.get('allowed') or '-'})"
            )
        if batch.status not in (ImportStatus.READY, ImportStatus.DONE):
            raise CommandError(f"Refused (batch #{batch.pk}): {batch.message}")
        if batch.status == ImportStatus.READY:
            for line in batch.preview:
                if line["status"] == CHANGED:
                    changes = "; ".join(f"{c} {old} → {new}" for c, old, new in line["changes"])
                    self.stdout.write(f"row {line['row']} ({line['label']}): {changes}")
            self.stdout.write(
                f"Dry run of batch #{batch.pk}: {batch.row_count} rows, {batch.to_create} to add, "
                f"{batch.to_update} to update, {batch.unchanged} unchanged. Nothing written."
            )
        else:
            self.stdout.write(
                f"Imported batch #{batch.pk}: {batch.row_count} rows, {batch.created_count} added, "
                f"{batch.updated_count} updated, {batch.unchanged} unchanged."
            )
