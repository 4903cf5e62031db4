"""The figures of one year, read from the other apps through their selectors.

``reports`` never reads another app's tables: every number comes from one of the selector
functions named below, imported plainly, so a missing selector is an ImportError at start-up
and never a silent zero in a published report. :class:`YearData` calls each selector at most
once per year and keeps the answer, so an indicator computed for the alliance, for every school
and for every enterprise costs the same few queries as computing it once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from members import selectors as members
from placements import selectors as placements
from training import selectors as training

#: selector name -> the function answering it for a calendar year
SELECTORS: dict[str, Callable[[int], Any]] = {
    "member_enterprise_ids": members.member_enterprise_ids,
    "member_school_ids": members.member_school_ids,
    "school_figures": members.school_figures,
    "regular_meetings_by_half": members.regular_meetings_by_half,
    "council_overview": members.council_overview,
    "organizations_by_kind": members.organizations_by_kind,
    "enterprises_with_active_base": training.enterprises_with_active_base,
    "enterprises_with_station": training.enterprises_with_station,
    "seconded_professional_teachers": training.seconded_professional_teachers,
    "secondments_by_enterprise": training.secondments_by_enterprise,
    "training_person_times": training.training_person_times,
    "training_person_times_by_enterprise": training.training_person_times_by_enterprise,
    "craftsmen_by_enterprise": training.craftsmen_by_enterprise,
    "teaching_hours_by_school": training.teaching_hours_by_school,
    "teaching_hours_by_enterprise": training.teaching_hours_by_enterprise,
    "certification_totals": training.certification_totals,
    "platform_summary": training.platform_summary,
    "employment_counts": placements.employment_counts,
    "hires_by_enterprise": placements.hires_by_enterprise,
    "order_class_hires": placements.order_class_hires,
    "order_class_hires_by_enterprise": placements.order_class_hires_by_enterprise,
    "apprentice_counts": placements.apprentice_counts,
    "enterprises_with_mentor": placements.enterprises_with_mentor,
    "enterprises_with_chairman_visit": placements.enterprises_with_chairman_visit,
    "outreach_by_semester": placements.outreach_by_semester,
    "recommendation_events": placements.recommendation_events,
    "events_by_enterprise": placements.events_by_enterprise,
    "retention_summary": placements.retention_summary,
}


def semesters(year: int) -> list[str]:
    """The two semesters that start in ``year``: spring ("YYYY-1") and autumn ("YYYY-2")."""
    return [f"{year}-1", f"{year}-2"]


class YearData:
    """Lazy, memoised answers of the contract's selectors for one calendar year."""

    def __init__(self, year: int) -> None:
        self.year = year
        self._cache: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        if name not in self._cache:
            self._cache[name] = SELECTORS[name](self.year)
        return self._cache[name]

    def as_set(self, name: str) -> frozenset:
        """A selector's answer as a set, built once: a per-member test is then O(1)."""
        key = f"{name}:set"
        if key not in self._cache:
            self._cache[key] = frozenset(self.get(name))
        return self._cache[key]

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
