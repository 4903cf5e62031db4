"""Stored figures: the indicator results of each (year, scope), computed once and read by pages.

The dashboard, its trend, the scorecards, the data coverage and the obligation pages read a
bounded number of stored rows instead of aggregating whole tables on every request. A stored
row is exactly what :func:`reports.indicators.evaluate` returned (the one computation), with the
register counts and coverage gaps the same selectors give.

Freshness: every committed write to the records the figures read (an ORM save or delete in
members, training or placements, a target of reports, a bulk import announced by
``alliance.changes.records_written``) adds a :class:`~reports.models.FigureChange` in the
writer's transaction, which changes the version. A stored block of another version (or older
than ``FIGURES_MAX_AGE_SECONDS``, for writes nobody announces) is never shown: the first page
asking for it computes it again and stores it, and the worker's ``refresh_figures`` task does
so after writes, so the next page usually finds it ready.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.apps import apps as global_apps
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from alliance import glossary

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

HEADER = 0  # scope_id of a block's first row (the alliance's row, or a kind's header)


# ---------------------------------------------------------------------------------------------
# The version


def record_change() -> None:
    """A write to the figures' inputs: the version changes when the writer's transaction
    commits (and never if it rolls back)."""
    FigureChange.objects.create()


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


@dataclass
class AllianceFigures:
    year: int
    rows: list[Row]
    counts: list[Figure]
    gaps: dict
    funnel: list[int]  # the retention funnel's five stages (graduates … after 24 months)

    def coverage(self) -> list[CoverageItem]:
        return coverage_items(self.year, self.gaps)


@dataclass
class Line:
    """One member organisation's stored results (the scorecard and obligation lines)."""

    id: int
    name: str
    rows: list[Row]
    figures: dict

    def figure_list(self, kind: str) -> list[Figure]:
        if kind == SCHOOL:
            return figures_from(SCHOOL_FIGURES, self.figures, school=self.id)
        return figures_from(ENTERPRISE_FIGURES, self.figures, enterprise=self.id)


class StoredFigures:
    """The stored figures as one request sees them: the version is read once, each block
    once; a block missing at this version is computed (from one DataSet) and stored."""

    def __init__(self, data: DataSet | None = None) -> None:
        """``data``: the records as the caller already reads them (a block missing at this
        version is computed from it, sharing its cached selector answers)."""
        self._version: str | None = None
        self._data = data

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

    def _stored(self):
        return FigureSnapshot.objects.filter(
            version=self.version, plan=plans.current().key, computed_at__gte=_fresh_since()
        )

    def refresh(self, year: int, kind: str) -> list[FigureSnapshot]:
        """Compute and store the block of ``year`` and ``kind`` (header first)."""
        plan = plans.current().key
        blocks = _compute(year, kind, self.data)
        for block in blocks:
            block.version, block.plan = self.version, plan
        with transaction.atomic():
            # Other versions of the block go; one stored meanwhile by another process stays.
            FigureSnapshot.objects.filter(year=year, kind=kind).exclude(
                version=self.version, plan=plan, computed_at__gte=_fresh_since()
            ).delete()
            FigureSnapshot.objects.bulk_create(blocks, batch_size=500, ignore_conflicts=True)
        return blocks

    def _headers(self, years, kind: str) -> dict[int, FigureSnapshot]:
        """The block headers of ``years`` and ``kind``: one query, plus computing the missing."""
        found = {
            s.year: s
            for s in self._stored().filter(year__in=list(years), kind=kind, scope_id=HEADER)
        }
        for year in years:
            if year not in found:
                found[year] = self.refresh(year, kind)[0]
        return found

    # --- the alliance ---------------------------------------------------------------------------
    def alliance(self, year: int) -> AllianceFigures:
        """The alliance's indicator rows, register counts and coverage gaps of ``year``."""
        return self.alliance_years([year])[year]

    def alliance_years(self, years) -> dict[int, AllianceFigures]:
        """:meth:`alliance` for several years, read in one query."""
        headers = self._headers(list(years), ALLIANCE)
        for year, header in headers.items():
            if "funnel" not in header.figures:  # stored before the funnel was: computed again
                headers[year] = self.refresh(year, ALLIANCE)[0]
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
        header = self._headers([year], kind)[year]
        query = self._stored().filter(year=year, kind=kind).exclude(scope_id=HEADER)
        total = header.figures["count"]
        if ids is not None:
            query = query.filter(scope_id__in=list(ids))
            total = None
        query = query.order_by("name", "scope_id")
        if limit is not None:
            if total is None:
                total = query.count()
            query = query[offset : offset + limit]
        found = [_line(s, year, kind) for s in query]
        return (len(found) if total is None else total), found

    def computed_lines(self, year: int, kind: str) -> list[Line]:
        """Every member's line of ``kind`` computed now from the records, not stored: for a
        caller that must match today's membership exactly."""
        blocks = _compute(year, kind, self.data)[1:]
        return sorted((_line(b, year, kind) for b in blocks), key=lambda line: (line.name, line.id))

    def member(self, year: int, kind: str, org_id: int) -> Line | None:
        """One member's stored line, or None when it was not a member in ``year``."""
        self._headers([year], kind)
        stored = self._stored().filter(year=year, kind=kind, scope_id=org_id).first()
        return None if stored is None or org_id == HEADER else _line(stored, year, kind)

    def over_years(self, years, kind: str, ids=None) -> dict[tuple[int, int], Line]:
        """(year, id) -> line of the members of ``kind`` (those in ``ids``) in each of ``years``."""
        years = list(years)
        self._headers(years, kind)
        query = self._stored().filter(year__in=years, kind=kind).exclude(scope_id=HEADER)
        if ids is not None:
            query = query.filter(scope_id__in=list(ids))
        return {(s.year, s.scope_id): _line(s, s.year, kind) for s in query}

    def member_trend(self, year: int, scope: Scope, years: int = TREND_YEARS) -> dict:
        """code -> [(year, value)] of the rate indicators at one member's scope."""
        span = list(range(year - years + 1, year + 1))
        found = self.over_years(span, scope.kind, ids=[scope.id])
        values = {
            y: {r.indicator.code: r.value for r in line.rows} for (y, _i), line in found.items()
        }
        return _trend(values, span, scope)

    def refresh_all(self, years) -> None:
        """Every block of ``years`` not stored yet (the worker's job after writes)."""
        for kind in (ALLIANCE, SCHOOL, ENTERPRISE):
            self._headers(list(years), kind)


def scorecard(lines: list[Line]) -> list[ScorecardLine]:
    """Stored lines as the compact scorecard lines of the scorecards page and the report."""
    return [
        ScorecardLine(
            line.id,
            line.name,
            [
                Cell(
                    r.indicator.code,
                    r.value_text,
                    r.met,
                    r.fraction_text,
                    glossary.status(r.met, r.value),
                )
                for r in line.rows
            ],
        )
        for line in lines
    ]


def _line(stored: FigureSnapshot, year: int, kind: str) -> Line:
    scope = Scope(kind, stored.scope_id)
    return Line(
        stored.scope_id,
        stored.name,
        [_load_row(r, year, scope) for r in stored.rows],
        _unvalues(stored.figures),
    )


def _trend(values: dict, span: list[int], scope: Scope) -> dict:
    """A member absent in a year has no value there, as its live computation gives none."""
    return {
        i.code: [(y, values.get(y, {}).get(i.code)) for y in span]
        for i in INDICATORS
        if i.has_trend and i.applies_to(scope)
    }
