"""A large register list is counted without a second full scan (issue 17): the whole table from
PostgreSQL's statistics ("about N records"), a filtered list once per write; small tables (the
tests', the county demo's) are counted exactly."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import alliance.urls  # noqa: F401  (declares every register)
from alliance.registers.declaration import DECLARED
from tests.members.factories import EnterpriseFactory
from tests.training.factories import CraftsmanFactory

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
    assert len(_counts(queries)) == 1
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
    assert len(_counts(queries)) == 1
