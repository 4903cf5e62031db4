"""Demo data seeded once per test process and copied back for every test that starts from it.

``seed_demo`` costs seconds (many more with the report's PDF), and a hundred tests start from
the demo alliance or its members part: the URL sweep, the accessibility walk, every browser
journey, the per-role page tests. On PostgreSQL each seed runs once per test process, before
the first test that wants it: its rows are copied, table by table, into a schema of its own
(and its uploads into a folder), and the database is flushed again. A test then gets the same
rows back with ``INSERT … SELECT`` in its own transaction (or, in a browser test, committed and
flushed after it as usual). On SQLite every test seeds.

The test processes of one pytest-xdist run seed once between them: the first to need a copy
seeds it and says where it is (``shared``: a folder all the run's processes see); a later one
copies its rows from that database with ``COPY`` (under a second) instead of seeding again (about
twenty seconds of a ten-minute suite). A process whose database is about to be dropped takes
its copy back first; a process that finds none, or a database whose content types differ, seeds.
"""

from __future__ import annotations

import fcntl
import json
import os
import random
import shutil
from collections.abc import Callable
from contextlib import contextmanager
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


def shared_folder(tmp_path_factory) -> Path | None:
    """A folder every test process of this pytest-xdist run sees; None in a single process."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return None
    return tmp_path_factory.getbasetemp().parent


class DemoCopy:
    """One seed, kept in the schema ``name`` with its uploads in ``uploads``."""

    def __init__(
        self, name: str, seed: Callable[[], None], uploads: Path, shared: Path | None = None
    ) -> None:
        self.name = name
        self.seed = seed
        self.uploads = uploads
        self.shared = shared
        self.saved = False
        self.published = False

    def save(self, django_db_blocker) -> None:
        """Seed, copy, flush — or copy another test process's seed: run between two tests,
        outside any test's transaction."""
        if connection.vendor != "postgresql":
            return
        if self.shared is None:
            self._seed_and_keep(django_db_blocker)
            return
        with self._lock():
            source = self._source()
            with django_db_blocker.unblock():
                copied = source is not None and _copy_schema_from(source["database"], self.name)
            if copied:
                shutil.copytree(source["uploads"], self.uploads, dirs_exist_ok=True)
                self.saved = True
                return
            self._seed_and_keep(django_db_blocker)
            self._marker().write_text(
                json.dumps(
                    {"database": connection.settings_dict["NAME"], "uploads": str(self.uploads)}
                )
            )
            self.published = True

    def withdraw(self) -> None:
        """Stop offering this process's copy: its database is dropped when the session ends."""
        if self.published:
            with self._lock():
                self._marker().unlink(missing_ok=True)
            self.published = False

    def _marker(self) -> Path:
        return self.shared / f"{self.name}.json"

    def _source(self) -> dict | None:
        marker = self._marker()
        return json.loads(marker.read_text()) if marker.exists() else None

    @contextmanager
    def _lock(self):
        with open(self.shared / f"{self.name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _seed_and_keep(self, django_db_blocker) -> None:
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


#: What the copied rows point at and the tables do not carry: equal in both databases, or seed.
_CATALOGUE = (
    "SELECT id, app_label, model FROM django_content_type ORDER BY id",
    "SELECT id, content_type_id, codename FROM auth_permission ORDER BY id",
)


def _copy_schema_from(database: str, schema: str) -> bool:
    """Copy the schema ``schema`` of another test database (same server) into this one.

    False, with nothing copied, when that database is gone or its content types or permissions
    are numbered differently (the copied rows would point at the wrong ones).
    """
    import psycopg

    params = connection.settings_dict
    try:
        other = psycopg.connect(
            dbname=database,
            host=params["HOST"] or None,
            port=params["PORT"] or None,
            user=params["USER"] or None,
            password=params["PASSWORD"] or None,
            autocommit=True,
        )
    except psycopg.OperationalError:
        return False
    quote = connection.ops.quote_name
    tables = _tables()
    with other, other.cursor() as source:
        with connection.cursor() as cursor:
            for query in _CATALOGUE:
                cursor.execute(query)
                if cursor.fetchall() != source.execute(query).fetchall():
                    return False
            cursor.execute(f"DROP SCHEMA IF EXISTS {quote(schema)} CASCADE")
            cursor.execute(f"CREATE SCHEMA {quote(schema)}")
            for table in tables:
                cursor.execute(
                    f"CREATE TABLE {quote(schema)}.{quote(table)} AS TABLE {quote(table)} WITH NO DATA"
                )
        with connection.connection.cursor() as target:
            for table in tables:
                name = f"{quote(schema)}.{quote(table)}"
                with (
                    source.copy(f"COPY {name} TO STDOUT (FORMAT BINARY)") as rows_out,
                    target.copy(f"COPY {name} FROM STDIN (FORMAT BINARY)") as rows_in,
                ):
                    for data in rows_out:
                        rows_in.write(data)
    return True


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
