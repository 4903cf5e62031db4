"""How a register list counts its rows without a second full scan of a large table.

A list page runs two queries: its page of rows (served by the index of its ordering) and the
count of all the rows for "N records" and the page links. On a large table the count is the
expensive one (a sequential scan of 2,000,000 students at province scale), so:

- **The whole table** (no filter, no search and a scope that is the whole table: the
  secretariat's unfiltered list) is counted from PostgreSQL's statistics, ``pg_class.reltuples``,
  once they say the table holds more than ``REGISTER_ESTIMATE_AFTER`` rows (100,000). The
  statistics are what ANALYZE last counted, refreshed by autovacuum once a tenth of the table has
  changed (and by the seeder after its load), so the figure is within about 10 % and the page
  says so: "about N records". The last page link is the estimate's; asking for it counts exactly
  (one scan, for the one person who goes there), so the last rows are never out of reach.
- **A filtered or searched list of such a table** is counted exactly and the count is kept in
  the cache for ``COUNT_CACHE_SECONDS``, keyed by the count's SQL and parameters (so by the scope, filters and
  search) and by the write generation of every table the query reads. Every committed save,
  delete, many-to-many change or announced bulk write (``alliance.changes.records_written``)
  advances its table's generation, so the next count after a write is exact again; paging
  through a search's results counts it once. A write nobody announces (``QuerySet.update``, SQL
  by hand) shows within ``COUNT_CACHE_SECONDS``.
- **A summary of the filtered rows** a list shows beside them (the teaching hours per school and
  year) is kept the same way (:func:`cached_rows`): it reads every filtered row, as the count does.
- Everything else counts exactly, every time: tables of up to ``REGISTER_ESTIMATE_AFTER`` rows
  (every test, the county demo: a count of them is cheap, and a cached one could outlive a write
  that is never committed, as in a test), and SQLite. Without a reachable cache the count is
  exact too (a page never fails for the cache). The table's size costs one catalogue query.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from functools import cache as cache_tables
from functools import cached_property
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections, transaction
from django.db.models import QuerySet

logger = logging.getLogger(__name__)

#: seconds a filtered list's count is reused (writes announced by signals end it sooner)
COUNT_CACHE_SECONDS = 60
ALL_TABLES = "*"  # a bulk write of unknown kind: every table's counts are stale


def estimate_after() -> int:
    return getattr(settings, "REGISTER_ESTIMATE_AFTER", 100_000)


def _generation_key(table: str) -> str:
    return f"registers:rows-generation:{table}"


def advance_generation(table: str) -> None:
    """A write to ``table`` committed: cached counts reading it are no longer used."""

    def advance():
        key = _generation_key(table)
        try:
            if not cache.add(key, 1, None):
                cache.incr(key)
        except Exception as error:  # the cache is unreachable: counts are exact meanwhile
            logger.warning("register count generation not advanced: %s", error)

    transaction.on_commit(advance)


def _written(sender, **kwargs) -> None:
    advance_generation(sender._meta.db_table if sender is not None else ALL_TABLES)


def _many_changed(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        advance_generation(sender._meta.db_table)


def watch() -> None:
    """Connect the writes that end a cached count (``AllianceConfig.ready``)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from alliance.changes import records_written

    post_save.connect(_written, dispatch_uid="registers-count-save")
    post_delete.connect(_written, dispatch_uid="registers-count-delete")
    m2m_changed.connect(_many_changed, dispatch_uid="registers-count-m2m")
    records_written.connect(_written, dispatch_uid="registers-count-bulk")


def _whole_table(queryset: QuerySet) -> bool:
    """No WHERE clause: the rows are every row of the model's table (joins for the columns are
    to-one relations, which neither drop nor repeat a row)."""
    query = queryset.query
    return not query.where.children and not query.distinct and not query.combinator


def _table_estimate(queryset: QuerySet) -> int | None:
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)",
            [connection.ops.quote_name(queryset.model._meta.db_table)],
        )
        row = cursor.fetchone()
    # -1 (or 0) until the table was first analysed: no estimate.
    return int(row[0]) if row and row[0] > 0 else None


@cache_tables
def _model_tables() -> frozenset[str]:
    return frozenset(m._meta.db_table for m in apps.get_models(include_auto_created=True))


def _cached(queryset: QuerySet, compute: Callable[[QuerySet], Any], kind: str) -> Any:
    """``compute(queryset)``, kept in the cache under the query's SQL and its tables' write
    generations for ``COUNT_CACHE_SECONDS``."""
    # The query's own SQL, ordering included (a count passes its queryset without one).
    sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    # Every table the SQL names, joined or in a subquery (an EXISTS filter reads another table).
    tables = sorted({t for t in _model_tables() if f'"{t}"' in sql} | {ALL_TABLES})
    try:
        generations = cache.get_many([_generation_key(t) for t in tables])
        key = (
            f"registers:{kind}:"
            + hashlib.sha256(
                repr((queryset.db, sql, params, sorted(generations.items()))).encode()
            ).hexdigest()
        )
        found = cache.get(key)
    except Exception as error:
        logger.warning("register %s not cached: %s", kind, error)
        return compute(queryset)
    if found is None:
        found = compute(queryset)
        try:
            cache.set(key, found, COUNT_CACHE_SECONDS)
        except Exception as error:
            logger.warning("register %s not cached: %s", kind, error)
    return found


def cached_count(queryset: QuerySet) -> int:
    """``queryset.count()``, kept in the cache until a write to a table it reads."""
    return _cached(queryset, QuerySet.count, "count")


def large_table(queryset: QuerySet) -> bool:
    """Whether the statistics say the queryset's table holds more than the estimate's
    threshold (PostgreSQL; never on SQLite)."""
    rows = _table_estimate(queryset)
    return rows is not None and rows > estimate_after()


def cached_rows(queryset: QuerySet) -> list:
    """The rows of a summary over a register's filtered rows (a list's totals): on a large
    table kept in the cache as a filtered count is (an aggregate of every filtered row is a
    full scan, like the count), on a small one read each time."""
    if not large_table(queryset):
        return list(queryset)
    return _cached(queryset, list, "rows")


class RegisterPaginator(Paginator):
    """A paginator over a register table's rows that counts them as the module says."""

    estimated = False  # True: ``count`` is the table statistics' figure ("about N")

    def __init__(self, object_list, per_page, *args, queryset: QuerySet, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.queryset = queryset

    @cached_property
    def count(self) -> int:
        rows = _table_estimate(self.queryset)
        if rows is None or rows <= estimate_after():
            return self.queryset.count()
        if _whole_table(self.queryset):
            self.estimated = True
            return rows
        # The count's own SQL (no ordering): the rows in another order are counted once.
        return cached_count(self.queryset.order_by())

    def page(self, number):
        number = self.validate_number(number)
        if self.estimated and number == self.num_pages:
            # The last page of an estimate: count exactly, so its rows are the table's last.
            self.estimated = False
            self.count = self.queryset.count()
            self.__dict__.pop("num_pages", None)
            number = self.validate_number(number)
        return super().page(number)
