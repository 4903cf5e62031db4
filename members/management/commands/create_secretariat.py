"""``manage.py create_secretariat``: the first secretariat account on an empty database.

``createsuperuser`` gives an account with no role (for /admin/ only); this one can use the
portal. The password is asked twice, or read from SECRETARIAT_PASSWORD (never an argument:
the command line of a process is visible to every user of the machine).
"""

from __future__ import annotations

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from members.services import secretariat_create

PASSWORD_ENV = "SECRETARIAT_PASSWORD"


class Command(BaseCommand):
    help = "Create the first secretariat account (password asked, or from SECRETARIAT_PASSWORD)."

    def add_arguments(self, parser):
        parser.add_argument("--username", help="Login name (asked when missing).")
        parser.add_argument("--full-name", default="", help="The person's name as shown.")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"Ask nothing: --username and {PASSWORD_ENV} are then required.",
        )

    def handle(self, *args, username, full_name, email, interactive, **options):
        username = username or (input("Username: ").strip() if interactive else "")
        if not username:
            raise CommandError("A username is required (--username).")
        password = os.environ.get(PASSWORD_ENV) or (self._ask_password() if interactive else "")
        if not password:
            raise CommandError(f"A password is required: set {PASSWORD_ENV} or run interactively.")
        try:
            user = secretariat_create(
                username=username, password=password, full_name=full_name, email=email
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Secretariat account “{user.username}” created."))

    def _ask_password(self) -> str:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return password
