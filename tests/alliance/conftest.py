"""Fixtures of the alliance-library tests."""

from __future__ import annotations

import pytest

# The majors the sample sheets name: a student row names a major of its school's catalogue.
SHEET_MAJORS = ("数控技术应用", "机电技术应用")


@pytest.fixture(autouse=True)
def _persona_school_catalogues(request):
    """The persona schools teach the majors the sample sheets name (only for tests using them)."""
    for name in ("school", "other_school"):
        if name in request.fixturenames:
            from tests.members.factories import MajorFactory

            school = request.getfixturevalue(name)
            for major in SHEET_MAJORS:
                MajorFactory(school=school, name=major)
