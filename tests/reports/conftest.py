"""Fixtures of the reports tests: a hand-built data set behind the contract's selectors."""

from __future__ import annotations

import pytest

from reports import sources


@pytest.fixture
def fake_selectors(monkeypatch):
    """``fake_selectors({2025: {"member_school_ids": {1, 2}, ...}})`` answers the contract's
    selectors from plain values (anything not given: no records), so that every formula can be
    checked on numbers worked out by hand."""

    def install(years: dict[int, dict]):
        def selector(name: str):
            def answer(year: int):
                values = years.get(year, {})
                return values[name] if name in values else sources.SELECTORS[name][1]()

            return answer

        monkeypatch.setattr(sources, "_selector", selector)

    return install
