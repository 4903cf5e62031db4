from __future__ import annotations

import pytest


@pytest.fixture
def members_demo(demo):
    """The demo alliance, for the members app's tests of its part (the seed copied per test
    process is the whole demo's: a second, members-only seed cost each process ten seconds)."""
    from members import demo as members_part

    return members_part


@pytest.fixture
def demo_user(members_demo):
    from members.models import User

    return lambda username: User.objects.get(username=username)
