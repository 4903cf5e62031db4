"""``manage.py backup [--output FILE]``: the database and the uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alliance.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump, or the SQLite file) and MEDIA_ROOT into one .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Archive to write (default: alliance-backup-<date-time>.tar.gz here).",
        )

    def handle(self, *args, output: Path | None, **options):
        target = output or Path(f"alliance-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz")
        try:
            create_backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
