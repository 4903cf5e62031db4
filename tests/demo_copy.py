"""Demo data seeded once per test process and copied back for every test that starts from it.

``seed_demo`` costs seconds (many more with the report's PDF), and a hundred tests start from
the demo alliance or its members part: the URL sweep, the accessibility walk, every browser
journey, the per-role page tests. On PostgreSQL each seed runs once per test process, before
the first test that wants it: its rows are copied, table by table, into a schema of its own
(and its uploads into a folder), and the database is flushed again. A test then gets the same
rows back with ``INSERT … SELECT`` in its own transaction (or, in a browser test, committed and
flushed after it as usual). On SQLite every test seeds.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings


def seed_whole_demo() -> None:
    call_command("seed_demo", verbosity=0)


def seed_members_demo() -> None:
    """The members part of the demo alliance only (the other apps' seeds are theirs to test)."""
    from members import demo

    demo.seed(random.Random("2025:members.demo"))


class DemoCopy:
    """One seed, kept in the schema ``name`` with its uploads in ``uploads``."""

    def __init__(self, name: str, seed: Callable[[], None], uploads: Path) -> None:
        self.name = name
        self.seed = seed
        self.uploads = uploads
        self.saved = False

    def save(self, django_db_blocker) -> None:
        """Seed, copy, flush: run between two tests, outside any test's transaction."""
        if connection.vendor != "postgresql":
            return
        from alliance.celery import app

        eager = app.conf.task_always_eager
        app.conf.task_always_eager = True
        try:
            with (
                django_db_blocker.unblock(),
                override_settings(
                    MEDIA_ROOT=self.uploads,
                    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
                    BACKGROUND_THREADS=False,
                ),
            ):
                # One transaction: its writes queue one refresh of the stored figures at commit
                # (run eagerly here), not one per committed write.
                with transaction.atomic():
                    self.seed()
                _copy_tables(self.name)
                call_command("flush", interactive=False, verbosity=0)
                ContentType.objects.clear_cache()
        finally:
            app.conf.task_always_eager = eager
        self.uploads.mkdir(parents=True, exist_ok=True)
        self.saved = True

    def load(self) -> None:
        """The seed's rows in the test database (empty but for content types and permissions)."""
        if not self.saved:
            self.seed()
            return
        _restore_tables(self.name)
        shutil.copytree(self.uploads, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)


def _tables() -> list[str]:
    return connection.introspection.django_table_names(only_existing=True, include_views=False)


#: Written by migrations, not by tests: they stay, as after a flush (which recreates them).
MIGRATION_TABLES = {"django_content_type", "auth_permission", "django_migrations"}


def empty_tables(connection) -> None:
    """Every row a test wrote deleted, in one transaction (foreign keys are checked at commit)."""
    quote = connection.ops.quote_name
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for table in tables:
            if table not in MIGRATION_TABLES:
                cursor.execute(f"DELETE FROM {quote(table)}")


def _copy_tables(schema: str) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {quote(schema)} CASCADE")
        cursor.execute(f"CREATE SCHEMA {quote(schema)}")
        for table in _tables():
            cursor.execute(f"CREATE TABLE {quote(schema)}.{quote(table)} AS TABLE {quote(table)}")


def _restore_tables(schema: str) -> None:
    quote = connection.ops.quote_name
    tables = _tables()
    # DELETE rather than TRUNCATE: the tables are all but empty, and inside a test's transaction
    # a DELETE is undone as cheaply. Foreign keys are checked at commit (Django declares them
    # deferrable), when every row is back.
    statements = [f"DELETE FROM {quote(table)}" for table in tables]
    statements += [
        f"INSERT INTO {quote(table)} SELECT * FROM {quote(schema)}.{quote(table)}"
        for table in tables
    ]
    statements += connection.ops.sequence_reset_sql(
        no_style(), apps.get_models(include_auto_created=True)
    )
    # One round trip for the five hundred statements (one each cost 0.4 s a test).
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(";\n".join(statement.rstrip(";") for statement in statements))
    ContentType.objects.clear_cache()
