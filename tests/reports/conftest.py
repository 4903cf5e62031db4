"""Fixtures of the reports tests: a hand-built data set behind the selectors."""

from __future__ import annotations

import pytest

from placements.selectors import ApprenticeCounts, EmploymentCounts
from reports import sources

# What each selector answers for a year with no records.
EMPTY = {
    "council_overview": lambda: {"seats": [], "experts": [], "meetings": []},
    "regular_meetings_by_half": lambda: (0, 0),
    "regular_meetings_held": lambda: (frozenset(), frozenset()),
    "schools_with_local_career_class": set,
    "required_documents_in_force": list,
    "platform_summary": lambda: {"workshops": [], "bases": []},
    "member_enterprise_ids": set,
    "member_school_ids": set,
    "enterprises_with_active_base": set,
    "enterprises_with_station": set,
    "enterprises_with_mentor": set,
    "enterprises_with_chairman_visit": set,
    # governance: assessment, incentives, publicity and model cases
    "schools_with_corridor": set,
    "enterprises_with_complete_profile": set,
    "media_coverage": lambda: {"ids": frozenset(), "by_kind": {}, "items": []},
    "model_cases_summary": lambda: {
        "nominated": 0,
        "approved": 0,
        "people": 0,
        "cases": 0,
        "published": frozenset(),
        "in_report": [],
    },
    "assessment_summary": lambda: {"grades": {}, "rows": []},
    "incentive_summary": lambda: {
        "by_recipient": {},
        "ids": {},
        "grants": {},
        "names": {},
        "by_kind": {},
        "justified": 0,
    },
    # co-building (issue 15): the report's lists
    "major_catalogue": list,
    "institution_register": list,
    "patent_register": list,
    "workshop_support": list,
    "station_posts": list,
    # issue 15 (part b): the report's lists
    "classes_running": list,
    "demand_against_graduates": list,
}


def _sizes(groups: dict) -> dict:
    return {key: len(records) for key, records in groups.items()}


def _tally(keys) -> dict:
    counts: dict = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return counts


def _project_totals(projects: dict) -> dict:
    totals: dict = {}
    for p in projects.values():
        n, value = totals.get(p["school"], (0, 0))
        totals[p["school"]] = (n + 1, value + p["value"])
    return totals


def _person_times_by_kind(programmes: dict) -> dict:
    result: dict = {}
    for p in programmes.values():
        kinds = result.setdefault(p.school, {})
        kinds[(p.department, p.audience)] = (
            kinds.get((p.department, p.audience), 0) + p.participants
        )
    return result


# Count selectors answered, as the apps do, from the record selectors given (count = records).
DERIVED = {
    "seconded_professional_teachers": ("seconded_teachers", _sizes),
    "craftsmen_by_enterprise": ("craftsmen_in_pool", _sizes),
    "employment_counts": (
        "employment_records",
        lambda groups: {k: EmploymentCounts(*map(len, r)) for k, r in groups.items()},
    ),
    "order_class_hires": (
        "order_class_records",
        lambda groups: {k: (len(r.graduates), len(r.hired)) for k, r in groups.items()},
    ),
    "order_class_hires_by_enterprise": (
        "order_class_records_by_enterprise",
        lambda groups: {k: (len(r.graduates), len(r.hired)) for k, r in groups.items()},
    ),
    "apprentice_counts": (
        "apprentice_records",
        lambda groups: {k: ApprenticeCounts(*map(len, r)) for k, r in groups.items()},
    ),
    "regular_meetings_by_half": ("regular_meetings_held", lambda halves: tuple(map(len, halves))),
    # issue 11: training drill-downs
    "majors_by_school": (
        "enrolling_majors",
        lambda groups: {
            k: {f: len(ids) for f, ids in r._asdict().items()} for k, r in groups.items()
        },
    ),
    "patents_by_school": (
        "patent_records",
        lambda groups: {
            k: {f: len(ids) for f, ids in r._asdict().items()} for k, r in groups.items()
        },
    ),
    "dual_qualified_by_school": (
        "professional_teacher_records",
        lambda groups: {k: tuple(map(len, r)) for k, r in groups.items()},
    ),
    "service_projects_by_school": ("running_projects", _project_totals),
    "appointments_by_direction": (
        "running_appointments",
        lambda records: _tally(a["direction"] for a in records.values()),
    ),
    "training_person_times_by_kind": ("programme_records", _person_times_by_kind),
    "exchanges_by_area": (
        "exchange_records",
        lambda groups: {k: {area: len(ids) for area, ids in r.items()} for k, r in groups.items()},
    ),
}


@pytest.fixture
def fake_selectors(monkeypatch):
    """``fake_selectors({2025: {"member_school_ids": {1, 2}, ...}})`` answers the selectors from
    plain values (anything not given: no records), so that every formula can be checked on
    numbers worked out by hand."""

    def install(years: dict[int, dict]):
        def answer_for(name: str):
            def answer(year: int):
                values = years.get(year, {})
                if name in values:
                    return values[name]
                if name in DERIVED and DERIVED[name][0] in values:
                    source, derive = DERIVED[name]
                    return derive(values[source])
                return EMPTY.get(name, dict)()

            return answer

        for name in list(sources.SELECTORS):
            monkeypatch.setitem(sources.SELECTORS, name, answer_for(name))

    return install
