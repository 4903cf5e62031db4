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


def insert_rows(model: type[models.Model], rows: Iterable[models.Model], batch_size=2000) -> None:
    """Insert new ``rows`` of ``model`` (objects not saved yet, primary keys left to the
    database): COPY on PostgreSQL, ``bulk_create`` in batches elsewhere."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(list(rows), batch_size=batch_size)
        return
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not (f.primary_key and f.auto_created)]
    fields = [f for f in fields if f is not meta.auto_field]
    prepared = [
        (f, f.get_internal_type() in PLAIN and not getattr(f, "auto_now", False)) for f in fields
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy,
    ):
        for obj in rows:
            copy.write_row(
                [
                    getattr(obj, f.attname)
                    if plain and not getattr(f, "auto_now_add", False)
                    else f.get_db_prep_save(f.pre_save(obj, True), connection)
                    for f, plain in prepared
                ]
            )
