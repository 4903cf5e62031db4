"""The obligation pages (reports:obligations, reports:school_obligations): indicator results with
the plan's targets, member organisations only, the right people."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse

from members.models import OrganizationStatus
from reports.selectors import indicator_rows
from reports.tasks import refresh_figures
from tests.members.factories import OrganizationFactory, SchoolYearFiguresFactory
from tests.training.factories import (
    SecondmentFactory,
    TeacherFactory,
    TeacherStationFactory,
    TrainingBaseFactory,
    TrainingProgrammeFactory,
)
from training.models import SecondmentStatus

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("reports:obligations")


def school_page(school):
    return reverse("reports:school_obligations", args=[school.pk])


@pytest.fixture
def figures(school):
    return SchoolYearFiguresFactory(
        school=school, year=2025, enrolled_students=1000, professional_teachers=40
    )


def _second(school, n: int, **kwargs) -> None:
    for _ in range(n):
        SecondmentFactory(teacher=TeacherFactory(school=school), **kwargs)


def _cards(response) -> dict:
    return {item["row"].indicator.code: item for item in response.context["cards"]}


def test_secondment_rate_against_five_percent_with_the_fraction(
    client_for, school_user, school, figures
):
    _second(school, 1)
    page = client_for(school_user).get(school_page(school), {"year": 2025})
    row = _cards(page)["secondment_rate"]["row"]
    # 1 seconded ÷ 40 professional teachers = 2.5 % < 5 %
    assert (row.value_text, row.fraction_text, row.met) == ("2.5%", "1 / 40", False)
    assert "2.5%" in page.content.decode() and "(1 / 40)" in page.content.decode()
    _second(school, 1)
    # Until the worker's refresh the page shows the stored 2.5 %, saying so.
    page = client_for(school_user).get(school_page(school), {"year": 2025})
    assert _cards(page)["secondment_rate"]["row"].value_text == "2.5%"
    assert "数据正在更新" in page.content.decode()
    refresh_figures()
    page = client_for(school_user).get(school_page(school), {"year": 2025})
    row = _cards(page)["secondment_rate"]["row"]
    # 2 ÷ 40 = exactly 5 %: met
    assert (row.value_text, row.met) == ("5%", True)


def test_training_ratio_against_two_times(client_for, secretariat_user, school, figures):
    TrainingProgrammeFactory(school=school, participants=1500)
    TrainingProgrammeFactory(school=school, participants=600)
    page = client_for(secretariat_user).get(school_page(school), {"year": 2025})
    row = _cards(page)["training_ratio"]["row"]
    # 2100 person-times ÷ 1000 enrolled = 2.10 ≥ 2
    assert (row.value_text, row.fraction_text, row.met) == ("2.1", "2,100 / 1,000", True)
    assert [p.participants for p in page.context["programmes"]] == [1500, 600]


def test_planned_and_non_professional_secondments_do_not_count(
    client_for, school_user, school, figures
):
    SecondmentFactory(teacher=TeacherFactory(school=school), status=SecondmentStatus.PLANNED)
    SecondmentFactory(teacher=TeacherFactory(school=school, is_professional=False))
    page = client_for(school_user).get(school_page(school), {"year": 2025})
    assert _cards(page)["secondment_rate"]["row"].measure.numerator == 0
    assert list(page.context["seconded"]) == []


def test_without_yearly_figures_there_is_no_rate(client_for, secretariat_user, school):
    # The teacher register is no stand-in for the school's reported figures.
    TeacherFactory.create_batch(3, school=school)
    _second(school, 1)
    page = client_for(secretariat_user).get(school_page(school), {"year": 2025})
    row = _cards(page)["secondment_rate"]["row"]
    assert (row.value, row.met) == (None, None)


def test_year_picker_chooses_the_year(client_for, school_user, school, figures):
    SecondmentFactory(
        teacher=TeacherFactory(school=school),
        start_on=dt.date(2024, 3, 1),
        end_on=dt.date(2024, 3, 20),
        days=10,
    )
    response = client_for(school_user).get(school_page(school), {"year": 2024})
    assert _cards(response)["secondment_rate"]["row"].measure.numerator == 1
    response = client_for(school_user).get(school_page(school), {"year": 2025})
    assert _cards(response)["secondment_rate"]["row"].measure.numerator == 0
    # A nonsense year is a bad request, with a message (never a 500).
    assert client_for(school_user).get(school_page(school), {"year": "abc"}).status_code == 400


def test_council_sees_rates_but_not_teachers_names(client_for, council_user, school, figures):
    SecondmentFactory(teacher=TeacherFactory(school=school, name="欧阳明"))
    page = client_for(council_user).get(school_page(school), {"year": 2025})
    assert _cards(page)["secondment_rate"]["row"].measure.numerator == 1
    assert page.context["seconded"] is None and "欧阳明" not in page.content.decode()


def test_overview_counts_members_only_and_agrees_with_the_dashboard(
    client_for, council_user, school, enterprise, other_enterprise, figures
):
    TrainingBaseFactory(enterprise=enterprise)
    TeacherStationFactory(enterprise=enterprise)
    TrainingBaseFactory(enterprise=other_enterprise, established_on=dt.date(2026, 1, 1))
    withdrawn = OrganizationFactory(
        kind="enterprise",
        name="已退出企业",
        status=OrganizationStatus.WITHDRAWN,
        left_on=dt.date(2024, 6, 30),
    )
    TrainingBaseFactory(enterprise=withdrawn)
    page = client_for(council_user).get(OVERVIEW, {"year": 2025})
    lines = {line.name: items for line, items in page.context["enterprises"]}
    assert set(lines) == {enterprise.name, other_enterprise.name}
    assert lines[enterprise.name][0]["row"].met is True
    assert lines[other_enterprise.name][0]["row"].met is False
    alliance = {item["row"].indicator.code: item["row"] for item in page.context["alliance"]}
    # 1 of the 2 member enterprises has a base open in 2025 (the withdrawn one does not count)
    assert alliance["base_coverage"].fraction_text == "1 / 2"
    dashboard = {r.indicator.code: r for r in indicator_rows(2025)}
    assert alliance["base_coverage"].value == dashboard["base_coverage"].value
    assert [line.id for line, _items in page.context["schools"]] == [school.pk]


def test_coordinator_overview_shows_only_their_school(
    client_for, school_user, school, other_school
):
    page = client_for(school_user).get(OVERVIEW)
    assert [line.id for line, _items in page.context["schools"]] == [school.pk]


def test_pages_per_role(client_for, secretariat_user, council_user, hr_user, school_user, school):
    for user, status in [
        (secretariat_user, 200),
        (council_user, 200),
        (school_user, 200),
        (hr_user, 403),
    ]:
        assert client_for(user).get(OVERVIEW).status_code == status
        assert client_for(user).get(school_page(school)).status_code == status
    assert client_for(None).get(OVERVIEW).status_code == 302
    assert client_for(None).get(school_page(school)).status_code == 302


def test_another_schools_page_is_404_for_a_coordinator(client_for, school_user, other_school):
    assert client_for(school_user).get(school_page(other_school)).status_code == 404


@override_settings(ALLIANCE_PLAN="qufu")
def test_under_the_qufu_plan_only_the_training_ratio_is_judged(
    client_for, secretariat_user, school, figures
):
    _second(school, 1)
    TrainingProgrammeFactory(school=school, participants=1500)
    page = client_for(secretariat_user).get(school_page(school), {"year": 2025})
    cards = _cards(page)
    assert cards["secondment_rate"]["row"].met is None
    # 1500 ÷ 1000 = 1.50 < 2
    assert cards["training_ratio"]["row"].met is False
    assert "曲阜" in page.content.decode() and "临朐方案" not in page.content.decode()


@pytest.mark.parametrize("page", ["overview", "school"])
def test_queries_do_not_grow_with_the_records(
    client_for, secretariat_user, school, enterprise, page, django_assert_max_num_queries
):
    client = client_for(secretariat_user)
    url = OVERVIEW if page == "overview" else school_page(school)

    def populate(n):
        for _i in range(n):
            SchoolYearFiguresFactory(school=OrganizationFactory(kind="school"), year=2025)
            _second(school, 1)
            TrainingProgrammeFactory(school=school)
            TrainingBaseFactory(enterprise=OrganizationFactory(kind="enterprise"))

    populate(2)
    client.get(url, {"year": 2025})  # nothing stored yet: computed and stored
    # Stored: session, user, the version, the blocks' headers and rows, and on the school's
    # page the records it counts.
    with django_assert_max_num_queries(10) as small:
        client.get(url, {"year": 2025})
    stored = len(small.captured_queries)
    populate(10)
    client.get(url, {"year": 2025})  # the writes: computed again
    with django_assert_max_num_queries(stored):
        assert client.get(url, {"year": 2025}).status_code == 200
