"""The demo alliance, seeded once per test process and copied back for every test that needs it.

``seed_demo`` costs seconds (and many more with the report's PDF), and about forty tests start
from it: the URL sweep, the accessibility walk, every browser journey. On PostgreSQL the first
seed of a process is copied, table by table, into a schema of its own (and its uploads into a
folder); every later test gets the same rows back with ``INSERT … SELECT`` in well under a
second, then the test database is flushed after it as usual. On SQLite every test seeds.

The copy is taken only in a test that commits (``transactional_db``): a copy made inside a
rolled-back test would vanish with it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

# variant (schema name) -> the copy of the uploads the seed wrote
_copies: dict[str, Path] = {}


def load_demo(*, with_report: bool, uploads_copy_root: Path) -> None:
    """The demo alliance in the (empty) test database, from the process's copy when there is one."""
    variant = "demo_copy_with_report" if with_report else "demo_copy"
    media = Path(settings.MEDIA_ROOT)
    if connection.vendor != "postgresql":
        call_command("seed_demo", verbosity=0, without_report=not with_report)
        return
    if variant in _copies:
        _restore(variant)
        shutil.copytree(_copies[variant], media, dirs_exist_ok=True)
        return
    call_command("seed_demo", verbosity=0, without_report=not with_report)
    if connection.in_atomic_block:
        return  # a rolled-back test: nothing it writes outlives it
    _save(variant)
    uploads = uploads_copy_root / variant
    if media.exists():
        shutil.copytree(media, uploads)
    else:
        uploads.mkdir(parents=True)
    _copies[variant] = uploads


def _tables() -> list[str]:
    return connection.introspection.django_table_names(only_existing=True, include_views=False)


def _save(schema: str) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {quote(schema)} CASCADE")
        cursor.execute(f"CREATE SCHEMA {quote(schema)}")
        for table in _tables():
            cursor.execute(f"CREATE TABLE {quote(schema)}.{quote(table)} AS TABLE {quote(table)}")


def _restore(schema: str) -> None:
    quote = connection.ops.quote_name
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        # A flushed database still holds the content types and permissions post_migrate wrote
        # again, under other ids: the copy's own rows replace them.
        cursor.execute("TRUNCATE " + ", ".join(quote(t) for t in tables) + " CASCADE")
        for table in tables:
            cursor.execute(
                f"INSERT INTO {quote(table)} SELECT * FROM {quote(schema)}.{quote(table)}"
            )
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)
    ContentType.objects.clear_cache()
