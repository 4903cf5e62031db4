"""Stored figures: the indicator results of each (year, scope), computed once and read by pages.

The dashboard, its trend, the scorecards, the data coverage and the obligation pages read a
bounded number of stored rows instead of aggregating whole tables on every request. A stored
row is exactly what :func:`reports.indicators.evaluate` returned (the one computation), with the
register counts and coverage gaps the same selectors give.

Freshness: every committed write to the records the figures read (an ORM save or delete in
members, training or placements, a target of reports, a bulk import announced by
``alliance.changes.records_written``) adds a :class:`~reports.models.FigureChange` in the
writer's transaction, which changes the version, and once it commits queues the worker's
``refresh_figures`` (:func:`schedule_refresh`: one queued refresh serves every write committed
before it starts, a cache key stands for it). The refresh computes every block that is not
current: of another version, or older than ``FIGURES_MAX_AGE_SECONDS`` (for writes nobody
announces).

The contract with the pages:

- A page never computes a block that is stored: it shows the current block, else the newest
  one stored, and then says so — :meth:`StoredFigures.notice` ("the figures are being updated;
  shown are those of 14:05"), with the time that block was computed — and queues the refresh
  (for the writes nobody announced). It never shows an out-of-date figure without saying so.
- Only a (year, kind) with no block stored at all (the first use of a year) is computed by the
  page that asks for it, as the worker would.
- A refresh keeps the block it replaces until the next refresh, so that a page that read a
  header a moment before reads its lines after.
- What leaves the portal is never stale: the annual report and its annex and ``manage.py kpi``
  evaluate the indicators on the records themselves, not on stored blocks, and the open-data
  API serves the published report's figures, frozen when it was built.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from functools import cached_property

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance import background

from . import plans
from .indicators import (
    ALLIANCE,
    ALLIANCE_SCOPE,
    BY_CODE,
    ENTERPRISE,
    INDICATORS,
    AppliedTarget,
    Measure,
    Row,
    Scope,
    evaluate,
    format_value,
)
from .models import FigureChange, FigureSnapshot
from .selectors import (
    COUNT_FIGURES,
    ENTERPRISE_FIGURES,
    SCHOOL,
    SCHOOL_FIGURES,
    TREND_YEARS,
    Cell,
    CoverageItem,
    Figure,
    ScorecardLine,
    applied_targets,
    coverage_gaps,
    coverage_items,
    enterprise_figure_values,
    figures_from,
    funnel_breakdown,
    organization_names,
    register_count_values,
    school_figure_values,
)
from .sources import DataSet, semesters

logger = logging.getLogger(__name__)

HEADER = 0  # scope_id of a block's first row (the alliance's row, or a kind's header)


# ---------------------------------------------------------------------------------------------
# The version


def record_change() -> None:
    """A write to the figures' inputs: the version changes when the writer's transaction
    commits (and never if it rolls back), and then the worker's refresh is queued."""
    FigureChange.objects.create()
    transaction.on_commit(schedule_refresh, robust=True)


#: the apps whose records the figures read (every model in them but the user accounts)
INPUT_APPS = ("members", "training", "placements")


def is_input(model) -> bool:
    meta = model._meta
    if meta.apps is not global_apps:
        # A migration's historical model: the figures' tables may not exist yet.
        return False
    if meta.label == "reports.Target":
        return True
    return (
        meta.app_label in INPUT_APPS
        and meta.label != settings.AUTH_USER_MODEL
        # simple_history's rows accompany a save that is counted already
        and not meta.model_name.startswith("historical")
    )


def _saved_or_deleted(sender, **kwargs) -> None:
    if is_input(sender):
        record_change()


def _many_changed(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and is_input(sender):
        record_change()


def _written_in_bulk(sender, **kwargs) -> None:
    if sender is None or is_input(sender):
        record_change()


def watch() -> None:
    """Connect the writes that change the figures (``ReportsConfig.ready``)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from alliance.changes import records_written

    post_save.connect(_saved_or_deleted, dispatch_uid="reports-figures-save")
    post_delete.connect(_saved_or_deleted, dispatch_uid="reports-figures-delete")
    m2m_changed.connect(_many_changed, dispatch_uid="reports-figures-m2m")
    records_written.connect(_written_in_bulk, dispatch_uid="reports-figures-bulk")


def current_version() -> str:
    found = FigureChange.objects.aggregate(count=Count("pk"), last=Max("pk"))
    return f"{found['count']}:{found['last'] or 0}"


#: change rows kept before they are folded into one (the version query counts them)
COMPACT_AFTER = 5000


def compact_if_long() -> bool:
    """Fold the change rows into one with a new, higher id (a version never seen before), once
    there are more than :data:`COMPACT_AFTER`: the figures are then computed once more."""
    if FigureChange.objects.count() <= COMPACT_AFTER:
        return False
    with transaction.atomic():
        FigureChange.objects.create()
        last = FigureChange.objects.aggregate(last=Max("pk"))["last"]
        FigureChange.objects.filter(pk__lt=last).delete()
    return True


# ---------------------------------------------------------------------------------------------
# Rows as JSON and back


def _encode(value):
    if isinstance(value, Decimal):
        return ["d", str(value)]
    return value


def _decode(value):
    if isinstance(value, list) and len(value) == 2 and value[0] == "d":
        return Decimal(value[1])
    return value


def _store_row(row: Row) -> dict:
    m, t = row.measure, row.target
    return {
        "code": row.indicator.code,
        "value": _encode(m.value),
        "numerator": _encode(m.numerator),
        "denominator": _encode(m.denominator),
        "compared": _encode(m.compared),
        "extra": {k: _encode(v) for k, v in m.extra.items()},
        # The drill-down lists the keys live; the page only needs to know that it exists.
        "lists": m.population is not None,
        "target": [_encode(t.value), t.comparison, t.source, t.overridden, t.plan],
        "met": row.met,
        "previous": _encode(row.previous),
    }


def _load_row(data: dict, year: int, scope: Scope) -> Row:
    value, comparison, source, overridden, plan = data["target"]
    measure = Measure(
        _decode(data["value"]),
        _decode(data["numerator"]),
        _decode(data["denominator"]),
        compared=_decode(data["compared"]),
        extra={k: _decode(v) for k, v in data["extra"].items()},
        population=frozenset() if data["lists"] else None,
    )
    target = AppliedTarget(_decode(value), comparison, source, overridden, plan)
    return Row(
        BY_CODE[data["code"]], scope, year, measure, target, data["met"], _decode(data["previous"])
    )


def _values(values: dict) -> dict:
    return {k: _encode(v) for k, v in values.items()}


def _unvalues(values: dict) -> dict:
    return {k: _decode(v) for k, v in values.items()}


# ---------------------------------------------------------------------------------------------
# Computing a block (the one place that evaluates, for pages)


def _compute(year: int, kind: str, data: DataSet) -> list[FigureSnapshot]:
    targets = applied_targets(year)
    d = data.year(year)
    if kind == ALLIANCE:
        rows = [
            evaluate(i, data, year, ALLIANCE_SCOPE, targets[i.code])
            for i in INDICATORS
            if i.applies_to(ALLIANCE_SCOPE)
        ]
        gaps = coverage_gaps(year, data=data)
        return [
            FigureSnapshot(
                year=year,
                kind=ALLIANCE,
                scope_id=HEADER,
                rows=[_store_row(r) for r in rows],
                figures={
                    "counts": _values(register_count_values(d)),
                    "coverage": {k: [names, total] for k, (names, total) in gaps.items()},
                    "funnel": _funnel_stages(year, data),
                },
            )
        ]
    ids = d.schools if kind == SCHOOL else d.enterprises
    names = organization_names(ids)
    columns = [i for i in INDICATORS if kind in i.scopes]
    values_of = school_figure_values if kind == SCHOOL else enterprise_figure_values
    blocks = [FigureSnapshot(year=year, kind=kind, scope_id=HEADER, figures={"count": len(ids)})]
    for org_id in ids:
        scope = Scope(kind, org_id)
        blocks.append(
            FigureSnapshot(
                year=year,
                kind=kind,
                scope_id=org_id,
                name=names[org_id][:200],
                rows=[_store_row(evaluate(i, data, year, scope, targets[i.code])) for i in columns],
                figures=_values(
                    values_of(d, org_id)
                    | ({"outreach": _outreach_of(d, org_id)} if kind == SCHOOL else {})
                ),
            )
        )
    return blocks


def _funnel_stages(year: int, data: DataSet) -> list[int]:
    """The cohort's retention funnel over all member schools, as the dashboard draws it:
    graduates of an order class or apprenticeship, hired by a member, in the county after 6,
    12 and 24 months (stored: it reads every placement of the cohort)."""
    total = funnel_breakdown(year, data=data)["total"]
    if not total:
        return [0, 0, 0, 0, 0]
    return [total[0].graduates, total[0].hired, *total[0].retained]


def _outreach_of(d, school_id: int) -> dict[str, dict[str, int]]:
    """The school's outreach events by semester and kind (the outreach overview's columns)."""
    return {
        sem: dict(d.outreach_by_semester.get((school_id, sem), {})) for sem in semesters(d.year)
    }


def _fresh_since():
    return timezone.now() - timedelta(seconds=settings.FIGURES_MAX_AGE_SECONDS)


# ---------------------------------------------------------------------------------------------
# The worker's refresh, queued once after writes

#: cache key set while a refresh is queued and not started (one queued refresh serves every
#: write committed before it starts)
REFRESH_QUEUED = "reports:figures-refresh-queued"
#: a queued refresh that never started (a lost message, a stopped worker) is queued again after
REFRESH_QUEUED_SECONDS = 600


def schedule_refresh() -> None:
    """Queue the worker's ``refresh_figures``, unless one is queued and not started yet."""
    if not cache.add(REFRESH_QUEUED, True, timeout=REFRESH_QUEUED_SECONDS):
        return
    from .tasks import refresh_figures  # the tasks call the services, which use this module

    try:
        background.enqueue(refresh_figures)
    except Exception:
        # The page or write goes on; the beat's refresh every two minutes catches up.
        cache.delete(REFRESH_QUEUED)
        logger.exception("could not queue the refresh of the stored figures")


def refresh_started() -> None:
    """The worker begins a refresh: a write committed from now on queues the next one."""
    cache.delete(REFRESH_QUEUED)


@dataclass
class AllianceFigures:
    year: int
    rows: list[Row]
    counts: list[Figure]
    gaps: dict
    funnel: list[int]  # the retention funnel's five stages (graduates … after 24 months)

    def coverage(self) -> list[CoverageItem]:
        return coverage_items(self.year, self.gaps)


class Line:
    """One member organisation's stored results (the scorecard and obligation lines); its rows
    are decoded when asked for (a page showing two indicators decodes two)."""

    def __init__(self, stored: FigureSnapshot, year: int, kind: str) -> None:
        self.id = stored.scope_id
        self.name = stored.name
        self.year, self.kind = year, kind
        self.figures = _unvalues(stored.figures)
        self._stored_rows = stored.rows

    @cached_property
    def rows(self) -> list[Row]:
        scope = Scope(self.kind, self.id)
        return [_load_row(r, self.year, scope) for r in self._stored_rows]

    def only(self, codes: list[str]) -> list[Row]:
        """The rows of ``codes``, in that order (those it has)."""
        scope = Scope(self.kind, self.id)
        by_code = {r["code"]: r for r in self._stored_rows}
        return [_load_row(by_code[c], self.year, scope) for c in codes if c in by_code]

    def figure_list(self, kind: str) -> list[Figure]:
        if kind == SCHOOL:
            return figures_from(SCHOOL_FIGURES, self.figures, school=self.id)
        return figures_from(ENTERPRISE_FIGURES, self.figures, enterprise=self.id)


class StoredFigures:
    """The stored figures as one request sees them: the version is read once, each block's
    header once; a (year, kind) with no block at all is computed (from one DataSet) and stored.

    A block older than the records (stored at another version, or long ago) is shown as it is:
    :attr:`as_of` then says since when, the page says so, and the worker's refresh is queued.
    """

    def __init__(self, data: DataSet | None = None, *, current_only: bool = False) -> None:
        """``data``: the records as the caller already reads them (a block missing at this
        version is computed from it, sharing its cached selector answers). ``current_only``:
        a block older than the records is computed again instead of shown (the report, which
        publishes the figures, never prints an out-of-date one)."""
        self._version: str | None = None
        self._data = data
        self._current_only = current_only
        self._chosen: dict[tuple[int, str], FigureSnapshot] = {}
        #: when the oldest out-of-date block this request read was computed (None: all current)
        self.as_of = None

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = current_version()
        return self._version

    @property
    def data(self) -> DataSet:
        if self._data is None:
            self._data = DataSet()
        return self._data

    def _current(self, header: FigureSnapshot) -> bool:
        return header.version == self.version and header.computed_at >= _fresh_since()

    def notice(self) -> str:
        """What the page says when it shows figures older than the records ("" otherwise)."""
        if self.as_of is None:
            return ""
        when = timezone.localtime(self.as_of)
        shown = f"{when:%H:%M}" if when.date() == timezone.localdate() else f"{when:%Y-%m-%d %H:%M}"
        return _("The figures are being updated; shown are those of %(time)s.") % {"time": shown}

    def refresh(self, year: int, kind: str) -> list[FigureSnapshot]:
        """Compute and store the block of ``year`` and ``kind`` (header first)."""
        plan = plans.current().key
        blocks = _compute(year, kind, self.data)
        for block in blocks:
            block.version, block.plan = self.version, plan
        with transaction.atomic():
            others = FigureSnapshot.objects.filter(year=year, kind=kind).exclude(
                version=self.version, plan=plan, computed_at__gte=_fresh_since()
            )
            # The newest other block stays until the next refresh: a page that read its header
            # a moment ago reads its lines next. (One of this version, stored too long ago,
            # goes: the new block takes its place.)
            shown = others.filter(scope_id=HEADER).order_by("-computed_at").first()
            if shown is not None and (shown.version, shown.plan) != (self.version, plan):
                others = others.exclude(version=shown.version, plan=shown.plan)
            others.delete()
            # One stored meanwhile by another process at this version stays (the same figures).
            FigureSnapshot.objects.bulk_create(blocks, batch_size=500, ignore_conflicts=True)
        self._chosen[year, kind] = blocks[0]
        return blocks

    def _headers(self, years, kind: str) -> dict[int, FigureSnapshot]:
        """The block headers of ``years`` and ``kind`` as pages show them: the current block,
        else the newest stored one (noted in :attr:`as_of`); one query, plus computing the
        blocks never stored."""
        wanted = [y for y in years if (y, kind) not in self._chosen]
        if wanted:
            plan = plans.current().key
            newest: dict[int, FigureSnapshot] = {}
            for header in FigureSnapshot.objects.filter(
                year__in=wanted, kind=kind, scope_id=HEADER, plan=plan
            ):
                best = newest.get(header.year)
                if best is None or (self._current(header), header.computed_at) > (
                    self._current(best),
                    best.computed_at,
                ):
                    newest[header.year] = header
            for year in wanted:
                header = newest.get(year)
                if (
                    header is None
                    or (kind == ALLIANCE and "funnel" not in header.figures)
                    or (self._current_only and not self._current(header))
                ):
                    # Never stored (or stored before the funnel was, or out of date for the
                    # report): computed now, once.
                    self.refresh(year, kind)
                    continue
                self._chosen[year, kind] = header
                if not self._current(header):
                    if self.as_of is None:
                        # The write queued the refresh; this is for writes nobody announced.
                        transaction.on_commit(schedule_refresh, robust=True)
                    self.as_of = min(self.as_of or header.computed_at, header.computed_at)
        return {y: self._chosen[y, kind] for y in years}

    def _lines_of(self, years, kind: str):
        """The stored member lines of the blocks chosen for ``years`` (headers read first)."""
        headers = self._headers(list(years), kind)
        by_version: dict[tuple[str, str], list[int]] = {}
        for year, header in headers.items():
            by_version.setdefault((header.version, header.plan), []).append(year)
        match = Q(pk__in=[])
        for (version, plan), in_years in by_version.items():
            match |= Q(version=version, plan=plan, year__in=in_years)
        return FigureSnapshot.objects.filter(match, kind=kind).exclude(scope_id=HEADER)

    # --- the alliance ---------------------------------------------------------------------------
    def alliance(self, year: int) -> AllianceFigures:
        """The alliance's indicator rows, register counts and coverage gaps of ``year``."""
        return self.alliance_years([year])[year]

    def alliance_years(self, years) -> dict[int, AllianceFigures]:
        """:meth:`alliance` for several years, read in one query."""
        headers = self._headers(list(years), ALLIANCE)
        return {
            year: AllianceFigures(
                year,
                [_load_row(r, year, ALLIANCE_SCOPE) for r in header.rows],
                figures_from(COUNT_FIGURES, _unvalues(header.figures["counts"])),
                {k: (names, total) for k, (names, total) in header.figures["coverage"].items()},
                header.figures["funnel"],
            )
            for year, header in headers.items()
        }

    def alliance_trend(self, year: int, years: int = TREND_YEARS) -> dict:
        """code -> [(year, value)] of the rate indicators at alliance scope."""
        span = list(range(year - years + 1, year + 1))
        headers = self._headers(span, ALLIANCE)
        values = {y: {r["code"]: _decode(r["value"]) for r in headers[y].rows} for y in span}
        return _trend(values, span, ALLIANCE_SCOPE)

    # --- member schools and enterprises ---------------------------------------------------------
    def lines(
        self, year: int, kind: str, *, ids=None, offset: int = 0, limit: int | None = None
    ) -> tuple[int, list[Line]]:
        """(how many lines, a slice of them by name): every member of ``kind`` in ``year``, or
        only those in ``ids``."""
        query = self._lines_of([year], kind)
        total = self._chosen[year, kind].figures["count"]
        if ids is not None:
            query = query.filter(scope_id__in=list(ids))
            total = None
        query = query.order_by("name", "scope_id")
        if limit is not None:
            if total is None:
                total = query.count()
            query = query[offset : offset + limit]
        found = [Line(s, year, kind) for s in query]
        return (len(found) if total is None else total), found

    def scorecard_lines(self, year: int, kind: str) -> list[ScorecardLine]:
        """Every member's stored cells (text and met mark) by name, the lines read a few hundred
        at a time: 5,000 enterprises' whole stored rows took 100 MB at once."""
        query = self._lines_of([year], kind).order_by("name", "scope_id")
        return [
            # Each row's text and met mark only, without building the rows: the report's 5,000
            # enterprise lines of a province (115,000 rows) took 3.5 s as rows.
            ScorecardLine(
                scope_id,
                name,
                [
                    Cell(r["code"], format_value(BY_CODE[r["code"]], _decode(r["value"])), r["met"])
                    for r in rows
                ],
            )
            for scope_id, name, rows in query.values_list("scope_id", "name", "rows").iterator(500)
        ]

    def computed_lines(self, year: int, kind: str) -> list[Line]:
        """Every member's line of ``kind`` computed now from the records, not stored: for a
        caller that must match today's membership exactly."""
        blocks = _compute(year, kind, self.data)[1:]
        return sorted((Line(b, year, kind) for b in blocks), key=lambda line: (line.name, line.id))

    def member(self, year: int, kind: str, org_id: int) -> Line | None:
        """One member's stored line, or None when it was not a member in ``year``."""
        if org_id == HEADER:
            return None
        stored = self._lines_of([year], kind).filter(scope_id=org_id).first()
        return None if stored is None else Line(stored, year, kind)

    def over_years(self, years, kind: str, ids=None) -> dict[tuple[int, int], Line]:
        """(year, id) -> line of the members of ``kind`` (those in ``ids``) in each of ``years``."""
        query = self._lines_of(years, kind)
        if ids is not None:
            query = query.filter(scope_id__in=list(ids))
        return {(s.year, s.scope_id): Line(s, s.year, kind) for s in query}

    def names_over_years(self, years, kind: str) -> list[tuple[int, str]]:
        """(id, name) of every member of ``kind`` in any of ``years``, by name (the newest
        year's name of each)."""
        names: dict[int, str] = {}
        query = self._lines_of(years, kind).order_by("year").values_list("scope_id", "name")
        for org_id, name in query:
            names[org_id] = name
        return sorted(names.items(), key=lambda item: (item[1], item[0]))

    def member_trend(self, year: int, scope: Scope, years: int = TREND_YEARS) -> dict:
        """code -> [(year, value)] of the rate indicators at one member's scope."""
        span = list(range(year - years + 1, year + 1))
        found = self.over_years(span, scope.kind, ids=[scope.id])
        values = {
            y: {r.indicator.code: r.value for r in line.rows} for (y, _i), line in found.items()
        }
        return _trend(values, span, scope)

    def refresh_all(self, years) -> None:
        """Every block of ``years``, and every other stored block, that is not current (the
        worker's job after writes): the years first, the newest first."""
        plan = plans.current().key
        stored = FigureSnapshot.objects.filter(scope_id=HEADER)
        pending = [(y, kind) for y in sorted(years, reverse=True) for kind in KINDS]
        pending += sorted(
            {(y, kind) for y, kind in stored.values_list("year", "kind")} - set(pending),
            reverse=True,
        )
        for year, kind in pending:
            current = stored.filter(
                year=year,
                kind=kind,
                version=self.version,
                plan=plan,
                computed_at__gte=_fresh_since(),
            )
            if kind == ALLIANCE:
                current = current.filter(figures__has_key="funnel")
            if not current.exists():
                self.refresh(year, kind)


#: the kinds of blocks, in the order the worker refreshes them
KINDS = (ALLIANCE, SCHOOL, ENTERPRISE)


def scorecard(lines: list[Line]) -> list[ScorecardLine]:
    """Stored lines as the compact scorecard lines of the scorecards page and the report."""
    return [ScorecardLine(line.id, line.name, [Cell.of(r) for r in line.rows]) for line in lines]


def _trend(values: dict, span: list[int], scope: Scope) -> dict:
    """A member absent in a year has no value there, as its live computation gives none."""
    return {
        i.code: [(y, values.get(y, {}).get(i.code)) for y in span]
        for i in INDICATORS
        if i.has_trend and i.applies_to(scope)
    }
