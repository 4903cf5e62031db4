"""The figures of one year, read from the other apps through their selectors (CONTRACT.md).

``reports`` never reads another app's tables: every number comes from a selector function named
in the contract. :class:`YearData` calls each selector at most once per year and keeps the
answer, so an indicator computed for the alliance, for every school and for every enterprise
costs the same few queries as computing it once.

A selector that does not exist (an app not deployed, or an older version) is recorded in
``missing`` and read as "no records", so the data-coverage notes can say so instead of the
report crashing.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

# selector name -> (module, empty value when the selector is unavailable)
SELECTORS: dict[str, tuple[str, Callable[[], Any]]] = {
    "member_enterprise_ids": ("members.selectors", set),
    "member_school_ids": ("members.selectors", set),
    "school_figures": ("members.selectors", dict),
    "council_meeting_count": ("members.selectors", int),
    "council_overview": ("members.selectors", lambda: {"seats": [], "experts": [], "meetings": []}),
    "organizations_by_kind": ("members.selectors", dict),
    "enterprises_with_active_base": ("training.selectors", set),
    "enterprises_with_station": ("training.selectors", set),
    "seconded_professional_teachers": ("training.selectors", dict),
    "secondments_by_enterprise": ("training.selectors", dict),
    "training_person_times": ("training.selectors", dict),
    "training_person_times_by_enterprise": ("training.selectors", dict),
    "craftsmen_by_enterprise": ("training.selectors", dict),
    "teaching_hours_by_school": ("training.selectors", dict),
    "teaching_hours_by_enterprise": ("training.selectors", dict),
    "certification_totals": ("training.selectors", dict),
    "platform_summary": ("training.selectors", lambda: {"workshops": [], "bases": []}),
    "employment_counts": ("placements.selectors", dict),
    "hires_by_enterprise": ("placements.selectors", dict),
    "order_class_hires": ("placements.selectors", dict),
    "order_class_hires_by_enterprise": ("placements.selectors", dict),
    "apprentice_counts": ("placements.selectors", dict),
    "enterprises_with_mentor": ("placements.selectors", set),
    "enterprises_with_chairman_visit": ("placements.selectors", set),
    "outreach_by_semester": ("placements.selectors", dict),
    "recommendation_events": ("placements.selectors", dict),
    "events_by_enterprise": ("placements.selectors", dict),
    "retention_summary": ("placements.selectors", dict),
}


def _selector(name: str) -> Callable | None:
    module_name, _empty = SELECTORS[name]
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None
    return getattr(module, name, None)


def semesters(year: int) -> list[str]:
    """The two semesters that start in ``year``: spring ("YYYY-1") and autumn ("YYYY-2")."""
    return [f"{year}-1", f"{year}-2"]


class YearData:
    """Lazy, memoised answers of the contract's selectors for one calendar year."""

    def __init__(self, year: int) -> None:
        self.year = year
        self._cache: dict[str, Any] = {}
        self.missing: set[str] = set()

    def get(self, name: str) -> Any:
        if name not in self._cache:
            function = _selector(name)
            if function is None:
                self.missing.add(name)
                self._cache[name] = SELECTORS[name][1]()
            else:
                self._cache[name] = function(self.year)
        return self._cache[name]

    def __getattr__(self, name: str) -> Any:
        # data.school_figures is data.get("school_figures"); unknown names are a programming error.
        if name.startswith("_") or name not in SELECTORS:
            raise AttributeError(name)
        return self.get(name)

    @property
    def schools(self) -> set[int]:
        return self.get("member_school_ids")

    @property
    def enterprises(self) -> set[int]:
        return self.get("member_enterprise_ids")


class DataSet:
    """Year data for several years, each loaded once (the trend charts read five years)."""

    def __init__(self) -> None:
        self._years: dict[int, YearData] = {}

    def year(self, year: int) -> YearData:
        if year not in self._years:
            self._years[year] = YearData(year)
        return self._years[year]

    @property
    def missing(self) -> set[str]:
        return (
            set().union(*(data.missing for data in self._years.values())) if self._years else set()
        )
