"""Fixtures of the reports tests: a hand-built data set behind the selectors."""

from __future__ import annotations

import pytest

from reports import sources

# What each selector answers for a year with no records.
EMPTY = {
    "council_overview": lambda: {"seats": [], "experts": [], "meetings": []},
    "regular_meetings_by_half": lambda: (0, 0),
    "platform_summary": lambda: {"workshops": [], "bases": []},
    "member_enterprise_ids": set,
    "member_school_ids": set,
    "enterprises_with_active_base": set,
    "enterprises_with_station": set,
    "enterprises_with_mentor": set,
    "enterprises_with_chairman_visit": set,
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


@pytest.fixture
def fake_selectors(monkeypatch):
    """``fake_selectors({2025: {"member_school_ids": {1, 2}, ...}})`` answers the selectors from
    plain values (anything not given: no records), so that every formula can be checked on
    numbers worked out by hand."""

    def install(years: dict[int, dict]):
        def answer_for(name: str):
            def answer(year: int):
                values = years.get(year, {})
                return values[name] if name in values else EMPTY.get(name, dict)()

            return answer

        for name in list(sources.SELECTORS):
            monkeypatch.setitem(sources.SELECTORS, name, answer_for(name))

    return install
