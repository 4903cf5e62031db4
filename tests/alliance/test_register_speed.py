"""The register framework's list pages stay cheap on large tables: aggregates for the page's
rows only, searches without DISTINCT, trigram indexes for every searched text field."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import alliance.urls  # noqa: F401  (declares every register)
from alliance.registers.declaration import DECLARED
from alliance.registers.indexes import ensure_search_indexes, searched_columns
from tests.training.factories import (
    CraftsmanFactory,
    StationPostFactory,
    TeacherStationFactory,
    TeachingAssignmentFactory,
)

pytestmark = pytest.mark.django_db


def _count_query(queries) -> str:
    return next(q["sql"] for q in queries if "COUNT(" in q["sql"].upper())


def test_craftsmen_hours_are_summed_for_the_page_only(client_for, secretariat_user):
    craftsman = CraftsmanFactory()
    TeachingAssignmentFactory(craftsman=craftsman, hours=Decimal("32.0"))
    TeachingAssignmentFactory(craftsman=craftsman, hours=Decimal("8.5"))
    CraftsmanFactory()  # no teaching: no hours
    with CaptureQueriesContext(connection) as queries:
        response = client_for(secretariat_user).get(reverse("training:craftsman_list"))
    # 32.0 + 8.5 = 40.5 hours, shown on the craftsman's row.
    assert "40.5" in response.content.decode()
    count = _count_query(queries).upper()
    # The count neither sums the hours nor groups the craftsmen.
    assert "SUM(" not in count and "GROUP BY" not in count


def test_a_search_through_many_posts_lists_each_station_once(client_for, secretariat_user):
    station = TeacherStationFactory()
    StationPostFactory(station=station, post="数控车工A")
    StationPostFactory(station=station, post="数控车工B")
    TeacherStationFactory()
    with CaptureQueriesContext(connection) as queries:
        response = client_for(secretariat_user).get(
            reverse("training:station_list"), {"q": "数控车工"}
        )
    assert response.context["paginator"].count == 1
    assert not any("DISTINCT" in q["sql"].upper() for q in queries)


def test_every_searched_text_field_gets_a_trigram_index():
    columns = searched_columns(DECLARED)
    # Declared directly, and reached through a relation (training bases search enterprise__name).
    assert ("placements_student", "name") in columns
    assert ("placements_student", "student_number") in columns
    assert ("members_organization", "name") in columns
    assert ("training_stationpost", "post") in columns


def test_trigram_indexes_exist_on_postgresql():
    if connection.vendor != "postgresql":
        assert ensure_search_indexes() == 0  # SQLite keeps its scans
        return
    assert ensure_search_indexes() == len(searched_columns(DECLARED))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'placements_student' "
            "AND indexdef LIKE '%gin_trgm_ops%'"
        )
        definitions = " ".join(row[0] for row in cursor.fetchall())
    assert "upper((name)::text)" in definitions


@pytest.mark.parametrize("register", DECLARED, ids=lambda r: f"{r.namespace}:{r.name}")
def test_every_list_with_an_organisation_filter_can_load_its_options_on_demand(register):
    """A filter's choices built per request (a callable) still get the options endpoint that
    the searchable select asks once the list has more than REMOTE_AFTER choices."""
    import django_filters

    choosers = (django_filters.ModelChoiceFilter, django_filters.ModelMultipleChoiceFilter)
    filters = [
        name
        for name, f in register.filterset_class().base_filters.items()
        if isinstance(f, choosers) and name in ("school", "enterprise", "organization")
    ]
    for name in filters:
        assert register.options_url("filter", name)


def test_a_long_enterprise_filter_renders_only_its_chosen_option(client_for, secretariat_user):
    from alliance.registers.options import REMOTE_AFTER
    from tests.members.factories import EnterpriseFactory

    EnterpriseFactory.create_batch(REMOTE_AFTER + 1)
    content = client_for(secretariat_user).get(reverse("training:craftsman_list")).content.decode()
    select = content.split('name="enterprise"')[1].split("</select>")[0]
    assert "data-options-url" in select and select.count("<option") <= 1


def test_a_two_character_word_is_searched_by_its_bigram(client_for, secretariat_user, school):
    from tests.placements.factories import StudentFactory

    for name in ("卢秀英", "王卢秀", "卢明", "秀卢"):
        StudentFactory(school=school, name=name)
    client = client_for(secretariat_user)
    url = reverse("placements:student_list")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url, {"q": "卢秀"})
    # 卢秀 in 卢秀英 and 王卢秀; 卢明 and 秀卢 hold both characters but not the pair.
    assert {r.record.name for r in page.context["page_obj"].object_list} == {"卢秀英", "王卢秀"}
    bigram = any("alliance_bigrams" in q["sql"] for q in queries)
    assert bigram == (connection.vendor == "postgresql")
    # Three characters: the trigram index's LIKE, whatever the database.
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url, {"q": "卢秀英"})
    assert [r.record.name for r in page.context["page_obj"].object_list] == ["卢秀英"]
    assert not any("alliance_bigrams" in q["sql"] for q in queries)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL plan")
def test_few_matches_in_a_large_table_are_found_first_and_listed_in_order(
    client_for, secretariat_user, school, monkeypatch
):
    from alliance.registers import filters
    from tests.placements.factories import StudentFactory

    monkeypatch.setattr(filters, "large_table", lambda queryset: True)
    for number, name in (("3", "卢秀英"), ("1", "王卢秀"), ("2", "卢明")):
        StudentFactory(school=school, name=name, student_number=number, enrolment_year=2025)
    client = client_for(secretariat_user)
    url = reverse("placements:student_list")

    def search(word: str) -> tuple[list[str], bool]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url, {"q": word})
        names = [r.record.name for r in page.context["page_obj"].object_list]
        # The matches read first: a subquery kept apart from the page's by its LIMIT.
        return names, any(f"LIMIT {filters.UNLIMITED}" in q["sql"] for q in queries)

    # Two matches of 卢秀, in the list's order (student number 1, then 3).
    assert search("卢秀") == (["王卢秀", "卢秀英"], True)
    assert search("卢秀英") == (["卢秀英"], True)
    # More matches than a few: the page is read in order directly, with the same rows.
    monkeypatch.setattr(filters, "FEW_MATCHES", 1)
    assert search("卢秀") == (["王卢秀", "卢秀英"], False)
    # A one-character word has no index to count its matches by.
    monkeypatch.setattr(filters, "FEW_MATCHES", 10)
    assert search("卢") == (["王卢秀", "卢明", "卢秀英"], False)


def test_bigram_indexes_exist_on_postgresql():
    if connection.vendor != "postgresql":
        return
    ensure_search_indexes()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'placements_student' "
            "AND indexdef LIKE '%alliance_bigrams%'"
        )
        definitions = " ".join(row[0] for row in cursor.fetchall())
    assert "alliance_bigrams(upper((name)::text))" in definitions


@pytest.mark.parametrize("role", ["secretariat", "hr"])
def test_register_rows_are_the_markup_django_tables2s_template_writes(
    demo, client, role, monkeypatch
):
    """The rows rendered in Python (``register_row``) match django-tables2's own template cell
    for cell: attributes, links, masked personal data (HR sees the wages masked)."""
    import re

    from members.models import User

    def body(html: str) -> str:
        rows = html[html.index("<tbody", html.index('id="register-table"')) :]
        return re.sub(r">\s+<", "><", rows[: rows.index("</tbody>")]).strip()

    client.force_login(User.objects.get(username=role))
    url = reverse("placements:placement_list")
    response = client.get(url)
    ours = body(response.content.decode())
    # The same page with django-tables2's own Bootstrap 5 template.
    meta = type(response.context["table"])._meta
    monkeypatch.setattr(meta, "template_name", "django_tables2/bootstrap5.html")
    theirs = body(client.get(url).content.decode())
    assert ours.count("<tr") == len(response.context["table"].page.object_list) > 1
    assert ours == theirs
