"""A large register list is counted without a second full scan (issue 17): the whole table from
PostgreSQL's statistics ("about N records"), a filtered list once per write; small tables (the
tests', the county demo's) are counted exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import alliance.urls  # noqa: F401  (declares every register)
from alliance.registers.declaration import DECLARED
from tests.members.factories import EnterpriseFactory
from tests.training.factories import (
    CraftsmanFactory,
    TeachingAssignmentFactory,
    TrainingProgrammeFactory,
)

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="table statistics are PostgreSQL's"
)


def _counts(queries) -> list[str]:
    """The counts of the craftsmen (the filter form may count its enterprise options)."""
    return [
        q["sql"]
        for q in queries
        if "COUNT(" in q["sql"].upper() and 'FROM "training_craftsman"' in q["sql"]
    ]


@pytest.fixture
def craftsmen():
    """Twelve craftsmen of one enterprise, the table analysed (its statistics say 12 rows)."""
    enterprise = EnterpriseFactory()
    rows = [CraftsmanFactory(enterprise=enterprise, name=f"工匠{n:02d}") for n in range(12)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE training_craftsman")
    return rows


@pytest.fixture
def five_a_page(monkeypatch):
    register = next(r for r in DECLARED if (r.namespace, r.name) == ("training", "craftsman"))
    monkeypatch.setattr(register, "per_page", 5)


def test_a_small_table_is_counted_exactly(client_for, secretariat_user, craftsmen, five_a_page):
    CraftsmanFactory(enterprise=craftsmen[0].enterprise)  # after ANALYZE: only a count sees it
    with CaptureQueriesContext(connection) as queries:
        page = client_for(secretariat_user).get(reverse("training:craftsman_list"))
    paginator = page.context["paginator"]
    # 12 + 1 = 13 craftsmen, under the 100,000 rows of the estimate: counted.
    assert paginator.count == 13 and not paginator.estimated
    assert len(_counts(queries)) == 1
    assert "共 13 条记录" in page.content.decode()


@on_postgresql
def test_a_large_whole_table_is_estimated_and_still_paginates(
    client_for, secretariat_user, craftsmen, five_a_page, settings
):
    settings.REGISTER_ESTIMATE_AFTER = 10  # 12 rows by the statistics: "large"
    CraftsmanFactory(enterprise=craftsmen[0].enterprise, name="工匠12")  # unseen by statistics
    client = client_for(secretariat_user)
    url = reverse("training:craftsman_list")
    with CaptureQueriesContext(connection) as queries:
        first = client.get(url)
    paginator = first.context["paginator"]
    # The statistics' 12 rows (the table holds 13): an estimate, with no count query.
    assert paginator.estimated and paginator.count == 12
    assert _counts(queries) == []
    assert "约 12 条记录" in first.content.decode()
    # 12 / 5 = 2.4: three pages; the second is a full page of rows 6–10.
    second = client.get(url, {"page": 2})
    assert [r.record.name for r in second.context["page_obj"].object_list] == [
        f"工匠{n:02d}" for n in range(5, 10)
    ]
    # The last page counts exactly: rows 11–13, the one ANALYZE never saw included.
    with CaptureQueriesContext(connection) as queries:
        last = client.get(url, {"page": 3})
    paginator = last.context["paginator"]
    assert not paginator.estimated and paginator.count == 13
    assert len(_counts(queries)) == 1
    assert [r.record.name for r in last.context["page_obj"].object_list] == [
        "工匠10",
        "工匠11",
        "工匠12",
    ]
    assert "共 13 条记录" in last.content.decode()


@on_postgresql
def test_a_filtered_large_list_is_counted_once_until_a_write(
    client_for,
    secretariat_user,
    craftsmen,
    five_a_page,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.REGISTER_ESTIMATE_AFTER = 10
    cache.clear()
    client = client_for(secretariat_user)
    url = reverse("training:craftsman_list")
    search = {"q": "工匠0"}  # 工匠00 … 工匠09: ten of the twelve
    with CaptureQueriesContext(connection) as queries:
        first = client.get(url, search)
    assert first.context["paginator"].count == 10 and not first.context["paginator"].estimated
    # The search's matches counted up to a few (stopping there: they are read first when few,
    # alliance/registers/filters.py), and the list's count.
    assert len(_counts(queries)) == 2
    assert "共 10 条记录" in first.content.decode()
    # Paging through the search: the count is the cached one.
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, {**search, "page": 2})
    assert second.context["paginator"].count == 10
    assert _counts(queries) == []
    # A committed write to the table: the next count is exact again, 10 + 1 = 11.
    with django_capture_on_commit_callbacks(execute=True):
        CraftsmanFactory(enterprise=craftsmen[0].enterprise, name="工匠0X")
    with CaptureQueriesContext(connection) as queries:
        third = client.get(url, search)
    assert third.context["paginator"].count == 11
    assert len(_counts(queries)) == 2


def test_the_programme_list_sorts_no_distinct_rows(client_for, secretariat_user, school):
    enterprise, other = EnterpriseFactory(), EnterpriseFactory()
    TrainingProgrammeFactory(school=school, enterprises=[enterprise, other], title="电工班")
    client = client_for(secretariat_user)
    for query in ({}, {"enterprise": enterprise.pk}):
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("training:programme_list"), query)
        # One programme with two partners: listed once, filtered by one of them or not.
        assert page.context["paginator"].count == 1
        assert not any("DISTINCT" in q["sql"].upper() for q in queries)


@on_postgresql
def test_the_hour_totals_of_a_large_table_are_read_once_until_a_write(
    client_for, secretariat_user, school, settings, django_capture_on_commit_callbacks
):
    craftsman = CraftsmanFactory()
    TeachingAssignmentFactory(craftsman=craftsman, school=school, year=2025, hours=Decimal("32.0"))
    TeachingAssignmentFactory(craftsman=craftsman, school=school, year=2025, hours=Decimal("8.5"))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE training_teachingassignment")
    settings.REGISTER_ESTIMATE_AFTER = 1  # two rows by the statistics: "large"
    cache.clear()
    client = client_for(secretariat_user)
    url = reverse("training:assignment_list")

    def totals():
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        summed = [q for q in queries if "SUM(" in q["sql"].upper()]
        return {(t["school__name"], t["hours"]) for t in page.context["totals"]}, len(summed)

    # 32.0 + 8.5 = 40.5 hours; summed by the first request only.
    assert totals() == ({(school.name, Decimal("40.5"))}, 1)
    assert totals() == ({(school.name, Decimal("40.5"))}, 0)
    # A committed write: 40.5 + 2.0 = 42.5, summed again.
    with django_capture_on_commit_callbacks(execute=True):
        TeachingAssignmentFactory(craftsman=craftsman, school=school, year=2025, hours=2)
    assert totals() == ({(school.name, Decimal("42.5"))}, 1)
