from __future__ import annotations

import pytest

from tests.demo_copy import DemoCopy, seed_members_demo, shared_folder


@pytest.fixture(scope="session")
def _members_demo_copy(django_db_setup, django_db_blocker, tmp_path_factory):
    uploads, shared = tmp_path_factory.mktemp("members-demo"), shared_folder(tmp_path_factory)
    copy = DemoCopy("members_demo_copy", seed_members_demo, uploads, shared)
    copy.save(django_db_blocker)
    yield copy
    copy.withdraw()


@pytest.fixture
def members_demo(_members_demo_copy, db):
    """The members part of the demo alliance only (the other apps' seeds are theirs to test)."""
    from members import demo

    _members_demo_copy.load()
    return demo


@pytest.fixture
def demo_user(members_demo):
    from members.models import User

    return lambda username: User.objects.get(username=username)
