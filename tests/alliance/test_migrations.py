"""The models and their migrations agree: a model change without its migration fails CI.

Run here rather than as ``manage.py makemigrations --check`` before the suite: the test
processes have Django loaded already, and the check runs beside the other tests.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _missing_migrations(settings, modules: dict) -> str:
    # The suite runs with --no-migrations; the check reads the real migration modules.
    settings.MIGRATION_MODULES = modules
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, verbosity=1)
    except SystemExit:
        return out.getvalue()
    return ""


def test_every_model_change_has_its_migration(settings):
    assert _missing_migrations(settings, {}) == ""


def test_the_check_sees_a_missing_migration(settings):
    # An app read from an empty migrations package: all its models lack a migration.
    missing = _missing_migrations(settings, {"reports": "tests.alliance.no_migrations"})
    assert "Migrations for 'reports'" in missing
