"""Test-wide switches and personas.

With ``CI=true`` the suite refuses to run on SQLite or with eager tasks: CI must prove the
portal on the real PostgreSQL and Redis.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connections
from django.test import TransactionTestCase

from tests.demo_copy import DemoCopy, empty_tables, seed_whole_demo, shared_folder
from tests.factory_base import HISTORY_SWITCH
from tests.members.factories import OrganizationFactory, UserFactory


def pytest_configure(config):
    # This run's own cache keys (its processes and the workers they start share them): a rerun
    # within the hour must not meet the last run's login counters.
    prefix = os.environ.setdefault("CACHE_KEY_PREFIX", f"test-{uuid.uuid4().hex[:8]}")
    if "KEY_PREFIX" in settings.CACHES["default"]:
        settings.CACHES["default"]["KEY_PREFIX"] = prefix
    # After a browser or worker test (a committed database), Django flushes: TRUNCATE of the
    # 178 tables and the content types recreated, 4-5 s a test. Emptying the tables with DELETE
    # in one transaction ends in the same state in a tenth of a second.
    TransactionTestCase._fixture_teardown = _empty_the_tables
    # Factory rows without history entries; every other write keeps them (tests/factory_base.py).
    settings.SIMPLE_HISTORY_ENABLED = HISTORY_SWITCH
    _a_broker_of_its_own()
    if os.environ.get("CI") == "true":
        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine or not settings.REDIS_URL:
            raise pytest.UsageError(
                "CI=true but DATABASE_URL is not PostgreSQL or REDIS_URL is unset: refusing to fall back."
            )


def _a_broker_of_its_own() -> None:
    """Each test process of pytest-xdist (gw0, gw1 ...) has a Redis database of its own (the one
    below REDIS_URL's, then the next) for its task queue and its cache: the real-worker tests
    run beside the rest, a worker one process starts never takes the other's tasks, and the
    workers a test starts read the cache the test reads."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw") or not settings.REDIS_URL:
        return
    from alliance.celery import app

    url = urlsplit(settings.REDIS_URL)
    database = (int(url.path.lstrip("/") or 0) - 1 - int(worker[2:])) % 16
    broker = urlunsplit(url._replace(path=f"/{database}"))
    # Read by the worker processes a test starts (their own settings) and by this one.
    os.environ["REDIS_URL"] = settings.REDIS_URL = settings.CELERY_BROKER_URL = broker
    settings.CACHES["default"]["LOCATION"] = broker
    app.conf.broker_url = broker
    # A queue left over from an interrupted run must not feed the worker tests old tasks.
    app.control.purge()


_flush = TransactionTestCase._fixture_teardown


def _empty_the_tables(self) -> None:
    if self.available_apps is not None or self.serialized_rollback:
        return _flush(self)
    for alias in self._databases_names(include_mirrors=False):
        if connections[alias].vendor != "postgresql":
            return _flush(self)
        empty_tables(connections[alias])
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """The writes a test's fixtures commit (browser and worker tests) queue one refresh of the
    stored figures when the setup ends, not one per write: each refresh runs eagerly here, and
    an order class with its partners cost nine (twenty seconds)."""
    from reports import figures

    queue = figures.schedule_refresh
    queued = []
    figures.schedule_refresh = lambda: queued.append(True)
    try:
        result = yield
    finally:
        figures.schedule_refresh = queue
    if queued:
        queue()
    return result


def pytest_collection_modifyitems(config, items):
    """The browser tests first: they are the long ones, and started early the two test processes
    (pytest-xdist hands out the rest as they free up) finish together instead of one waiting
    for a walk that started last."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is None)


@pytest.fixture(autouse=True)
def _fast_tests(settings, tmp_path):
    # A fast hasher (a browser login costs 0.8 s instead of 2 s) and uploads in a temp folder.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # The per-address log-in limit counts in a cache the whole run shares: tests that are not
    # about it must not meet it (tests/alliance/test_login_protection.py lowers it).
    settings.LOGIN_RATE_PER_MINUTE = 10_000
    # Jobs run inside the test (eagerly, or on the real worker); tests of the no-broker threads
    # switch this on themselves.
    settings.BACKGROUND_THREADS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def _demo_copy(django_db_setup, django_db_blocker, tmp_path_factory):
    uploads, shared = tmp_path_factory.mktemp("demo"), shared_folder(tmp_path_factory)
    copy = DemoCopy("demo_copy", seed_whole_demo, uploads, shared)
    copy.save(django_db_blocker)
    yield copy
    copy.withdraw()


@pytest.fixture
def demo(_demo_copy, db):
    """The whole demo alliance, its published 2024 report included (one seed per test process:
    a second seed without the report cost each process about twenty seconds)."""
    _demo_copy.load()


@pytest.fixture
def enterprise(db):
    return OrganizationFactory(kind="enterprise", name="山东华建铝业集团有限公司")


@pytest.fixture
def other_enterprise(db):
    return OrganizationFactory(kind="enterprise", name="山东雷奥新能源有限公司")


@pytest.fixture
def school(db):
    return OrganizationFactory(kind="school", name="临朐县职业教育中心学校")


@pytest.fixture
def other_school(db):
    return OrganizationFactory(kind="school", name="临朐县技工学校")


@pytest.fixture
def secretariat_user(db):
    return UserFactory(username="sec", role="secretariat")


@pytest.fixture
def council_user(db):
    return UserFactory(username="council_member", role="council")


@pytest.fixture
def hr_user(enterprise):
    return UserFactory(username="hr_user", role="enterprise_hr", organization=enterprise)


@pytest.fixture
def other_hr_user(other_enterprise):
    return UserFactory(username="other_hr", role="enterprise_hr", organization=other_enterprise)


@pytest.fixture
def school_user(school):
    return UserFactory(username="coordinator", role="school_coordinator", organization=school)


@pytest.fixture
def other_school_user(other_school):
    return UserFactory(
        username="other_coordinator", role="school_coordinator", organization=other_school
    )


@pytest.fixture
def client_for(client):
    """``client_for(user)`` — a test client logged in as ``user`` (None: anonymous)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _celery_mode(request):
    """Tasks run eagerly in tests, except where a test asks for a real worker."""
    from alliance.celery import app

    # A worker thread (celery_worker) or worker processes (celery_worker_processes).
    eager = not any(name.startswith("celery_worker") for name in request.fixturenames)
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = eager
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def celery_worker():
    """A real Celery worker thread consuming from the real broker (REDIS_URL)."""
    import celery.contrib.testing.tasks  # noqa: F401  registers celery.ping, which start_worker needs
    from celery.contrib.testing.worker import start_worker

    from alliance.celery import app

    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL (a real broker)")
    # Celery caches the result backend per thread once a task has been applied (eagerly, in an
    # earlier test): forget it on both sides so this test and the next see the backend they set.
    _forget_result_backend(app)
    app.conf.result_backend = settings.REDIS_URL
    try:
        with start_worker(app, pool="solo", perform_ping_check=True, shutdown_timeout=10) as worker:
            yield worker
    finally:
        app.conf.result_backend = None
        _forget_result_backend(app)


def _forget_result_backend(app) -> None:
    if hasattr(app._local, "backend"):
        del app._local.backend


@pytest.fixture
def wait_for():
    """``wait_for(predicate, timeout=20)`` polls until the predicate is true."""
    import time

    def wait(predicate, timeout: float = 20.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.1)
        return predicate()

    return wait
