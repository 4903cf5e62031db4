"""``manage.py export_xlsx REGISTER FILE [--as USERNAME]``: the export page's code.

Without ``--as`` the whole register is exported unmasked, as the secretariat sees it; with
``--as`` the account's scope and masking apply.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand
from django.http import QueryDict

from alliance.exchange import export_queryset, write_export

from .import_xlsx import command_user, register_or_error


class Command(BaseCommand):
    help = "Export a register to an Excel (.xlsx) file."

    def add_arguments(self, parser):
        parser.add_argument("register")
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--as", dest="username", help="Export as this account (scope and masking apply)."
        )
        parser.add_argument(
            "--filter", default="", help="The list's query string, e.g. 'year=2025&school=3'."
        )

    def handle(self, register, file: Path, username: str | None, filter: str, **options):
        spec = register_or_error(register)
        user = command_user(username)
        queryset = export_queryset(spec, user, QueryDict(filter))
        with file.open("wb") as out:
            write_export(spec, user, queryset, out)
        self.stdout.write(f"Exported {queryset.count()} rows of {spec.key} to {file}.")
