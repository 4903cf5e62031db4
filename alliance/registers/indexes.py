"""Trigram indexes for every register's search box, on PostgreSQL.

A register's search is ``icontains`` on its declared ``search`` paths, which PostgreSQL runs as
``UPPER(column::text) LIKE UPPER('%word%')``: without an index, a sequential scan of the table
(and a second one for the page count). A GIN index of trigrams (pg_trgm) on exactly that
expression serves it. Measured on ``seed_demo --scale city`` (200,200 students): a
three-character name 119 ms → 0.04 ms, a student number 131 ms → 1.3 ms. A two-character word
holds no trigram, so PostgreSQL keeps the scan for it (147 ms): the index never makes a search
slower, it only cannot serve that case.

The indexes follow the declarations: after every ``migrate`` the framework creates the missing
ones for every text field any register searches (through relations too: ``enterprise__name``
indexes the organisations' names), so a register added later is covered without a migration.
SQLite keeps its plain scans (development and tests).

A two-character word (most Chinese given names, many surnames with a given name) holds no
trigram, so the trigram index cannot serve it: at province scale a search of the 2,000,000
students for one took 0.6 s, a scan along the list's order. Each searched column therefore also
gets a GIN index of its bigrams (``alliance_bigrams``, every two-character substring of the
upper-cased text; PostgreSQL has no bigram extension by default), and the search asks for a
two-character word as ``bigram_icontains``: the same rows as ``icontains`` (a two-character
substring is one bigram), found in the index.
"""

from __future__ import annotations

import hashlib
import logging

from django.db import DatabaseError, connections, models
from django.db.models import Lookup

logger = logging.getLogger(__name__)

TEXT_TYPES = ("CharField", "TextField", "EmailField", "SlugField")


def searched_text_field(model: type[models.Model], path: str) -> models.Field | None:
    """The text field a search path ends at (through relations), or None (not text)."""
    field = None
    for part in path.split("__"):
        field = model._meta.get_field(part)
        if field.is_relation:
            model = field.related_model
    if field is not None and not field.is_relation and field.get_internal_type() in TEXT_TYPES:
        return field
    return None


def searched_columns(registers) -> set[tuple[str, str]]:
    """(table, column) of every text field the registers' search paths reach."""
    found = set()
    for register in registers:
        for path in register.search:
            field = searched_text_field(register.model, path)
            if field is not None:
                found.add((field.model._meta.db_table, field.column))
    return found


def index_name(table: str, column: str, kind: str = "trgm") -> str:
    digest = hashlib.sha1(f"{table}.{column}".encode()).hexdigest()[:8]
    return f"{table[:24]}_{column[:20]}_{digest}_{kind}"


# COST: the planner must know a call is dear (a set of substrings, not inlined), or it walks
# the list's order index calling it on every row (19 s for a two-character word at province
# scale) instead of reading the bigram indexes (0.05 s).
BIGRAMS_FUNCTION = """
CREATE OR REPLACE FUNCTION alliance_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
  SELECT coalesce(array_agg(DISTINCT substr(value, i, 2)), '{}')
  FROM generate_series(1, char_length(value) - 1) AS i
$$"""


@models.CharField.register_lookup
@models.TextField.register_lookup
class BigramContains(Lookup):
    """``icontains`` of a two-character word, served by the bigram index (PostgreSQL)."""

    lookup_name = "bigram_icontains"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return (
            f"alliance_bigrams(UPPER({lhs}::text)) @> ARRAY[UPPER({rhs})]",
            [*lhs_params, *rhs_params],
        )


def word_lookup(model: type[models.Model], path: str, word: str, vendor: str) -> str:
    """The lookup a search word uses on ``path``: the bigram index's for a two-character word
    in a text field on PostgreSQL, else ``icontains`` (the trigram index's from three)."""
    if vendor == "postgresql" and len(word) == 2 and searched_text_field(model, path):
        return "bigram_icontains"
    return "icontains"


def ensure_search_indexes(using: str = "default") -> int:
    """Create the missing trigram indexes (PostgreSQL only); returns how many were asked for."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return 0
    from django.urls import get_resolver

    from .declaration import DECLARED

    if not get_resolver().url_patterns:  # loading the URL modules declares the registers
        return 0
    quote = connection.ops.quote_name
    columns = sorted(searched_columns(DECLARED))
    try:
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(BIGRAMS_FUNCTION)
            for table, column in columns:
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {quote(index_name(table, column))} ON "
                    f"{quote(table)} USING gin ((UPPER({quote(column)}::text)) gin_trgm_ops)"
                )
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {quote(index_name(table, column, 'bigm'))} ON "
                    f"{quote(table)} USING gin (alliance_bigrams(UPPER({quote(column)}::text)))"
                )
    except DatabaseError as error:  # e.g. no right to create the extension: searches still work
        logger.warning("search indexes not created: %s", error)
        return 0
    return len(columns)


def drop_search_indexes(using: str = "default") -> int:
    """Drop the trigram indexes (PostgreSQL only) before a large load, so that
    :func:`ensure_search_indexes` builds each once over the loaded rows instead of updating it
    row by row; returns how many were dropped."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return 0
    from django.urls import get_resolver

    from .declaration import DECLARED

    if not get_resolver().url_patterns:  # loading the URL modules declares the registers
        return 0
    quote = connection.ops.quote_name
    columns = sorted(searched_columns(DECLARED))
    with connection.cursor() as cursor:
        for table, column in columns:
            for kind in ("trgm", "bigm"):
                cursor.execute(f"DROP INDEX IF EXISTS {quote(index_name(table, column, kind))}")
    return len(columns)


def after_migrate(sender, using: str = "default", **kwargs) -> None:
    # post_migrate is sent once per app: the indexes are made once, after the last one.
    if sender.name == "alliance":
        ensure_search_indexes(using)
