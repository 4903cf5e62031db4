"""Loading many new rows at once: PostgreSQL's COPY, ``bulk_create`` elsewhere.

``bulk_create`` spends most of its time in Python: every value of every row goes through the
field's preparation and into one long INSERT statement with a parameter each (seeding the
province's 2,000,000 students, that was most of the 17½ minutes). COPY streams the rows in
PostgreSQL's own format, with the values adapted by psycopg's C code. Same rows, same values:
each field's ``pre_save`` (``auto_now_add`` dates) runs as in ``bulk_create``, and the values of
field types psycopg does not adapt as they are (files, JSON, …) are prepared by the field.

Unlike ``bulk_create``, the objects do not receive their primary keys: callers that need them
read them back by a natural key. No signal is sent; the caller announces the write
(``alliance.changes.records_written``) as after any bulk write.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connections, models, router
from django.utils import timezone

# Values of these fields are plain Python values psycopg adapts itself (str, int, bool, date,
# datetime, Decimal, UUID, or a related row's key).
PLAIN = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "DateField",
    "DateTimeField",
    "DecimalField",
    "EmailField",
    "FloatField",
    "ForeignKey",
    "IntegerField",
    "OneToOneField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
    "TimeField",
    "URLField",
    "UUIDField",
}


def insert_rows(
    model: type[models.Model], rows: Iterable[models.Model], batch_size=2000, *, keys=False
) -> None:
    """Insert new ``rows`` of ``model`` (objects not saved yet): COPY on PostgreSQL,
    ``bulk_create`` in batches elsewhere. The primary keys are left to the database, unless
    ``keys``: then each object is given its key first, from the table's sequence, as
    ``bulk_create`` gives them."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(list(rows), batch_size=batch_size)
        return
    meta = model._meta
    if keys:
        rows = list(rows)
        for obj, key in zip(rows, _new_keys(connection, model, len(rows)), strict=True):
            obj.pk = key
            obj._state.adding, obj._state.db = False, connection.alias
    fields = [
        f
        for f in meta.concrete_fields
        if keys or not (f is meta.auto_field or (f.primary_key and f.auto_created))
    ]
    prepared = [(f, _plain(f) and not getattr(f, "auto_now_add", False)) for f in fields]
    _copy(
        connection,
        model,
        fields,
        (
            [
                getattr(obj, f.attname)
                if plain
                else f.get_db_prep_save(f.pre_save(obj, True), connection)
                for f, plain in prepared
            ]
            for obj in rows
        ),
    )


def insert_with_history(
    model: type[models.Model], rows: list[models.Model], *, user, reason: str
) -> None:
    """``bulk_create_with_history`` by COPY: the new ``rows`` with their keys, then one
    historical row each ("+", ``reason``, ``user`` or no one), as django-simple-history writes them.

    No model instance is built for the history: at 100,000 students the historical instances
    and their INSERT statements were a quarter of an Excel import's time.
    """
    connection = connections[router.db_for_write(model)]
    history = model.history.model
    if connection.vendor != "postgresql":
        from simple_history.utils import bulk_create_with_history

        bulk_create_with_history(rows, model, default_user=user, default_change_reason=reason)
        return
    insert_rows(model, rows, keys=True)
    meta = history._meta
    # A tracked field's value is stored as in the record's own table (a file as its name).
    tracked = history.tracked_fields
    fields = [meta.get_field(f.name) for f in tracked] + [
        meta.get_field(name)
        for name in ("history_date", "history_change_reason", "history_type", "history_user")
    ]
    prepared = [(f, f.attname, _plain(f)) for f in tracked]
    stamp = [timezone.now(), reason, "+", getattr(user, "pk", None)]
    _copy(
        connection,
        history,
        fields,
        (
            [
                getattr(obj, attname)
                if plain
                else field.get_db_prep_save(getattr(obj, attname), connection)
                for field, attname, plain in prepared
            ]
            + stamp
            for obj in rows
        ),
    )


def _plain(field: models.Field) -> bool:
    return field.get_internal_type() in PLAIN and not getattr(field, "auto_now", False)


def _new_keys(connection, model: type[models.Model], count: int) -> list:
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(meta.db_table), meta.pk.column, count],
        )
        return [key for (key,) in cursor.fetchall()]


def _copy(connection, model: type[models.Model], fields: list, rows: Iterable[list]) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
