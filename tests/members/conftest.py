from __future__ import annotations

import random

import pytest


@pytest.fixture
def members_demo(db):
    """The members part of the demo alliance only (the other apps' seeds are theirs to test)."""
    from members import demo

    demo.seed(random.Random("2025:members.demo"))
    return demo


@pytest.fixture
def demo_user(members_demo):
    from members.models import User

    return lambda username: User.objects.get(username=username)
