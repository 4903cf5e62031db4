"""Dashboards and scorecards per role, drill-down links, bounded queries, no personal data."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.members.factories import SchoolYearFiguresFactory

pytestmark = pytest.mark.django_db

# Queries of a dashboard: session + user (2), targets of the year (1), then each contract selector
# once per year shown (the five trend years plus the year before for "rises every year").
DASHBOARD_MAX_QUERIES = 140
SCORECARD_MAX_QUERIES = 120
# Once the year's figures are stored (reports/figures.py): session, user, the version, the
# stored block's header, its rows — at any scale.
FIGURE_PAGE_MAX_QUERIES = 10


@pytest.fixture
def members(school, other_school, enterprise, other_enterprise):
    SchoolYearFiguresFactory(
        school=school, year=2025, enrolled_students=1000, professional_teachers=80
    )
    return school, other_school, enterprise, other_enterprise


@pytest.mark.parametrize("persona", ["secretariat_user", "council_user", "hr_user", "school_user"])
def test_every_role_sees_the_alliance_dashboard(
    request, client_for, members, persona, django_assert_max_num_queries
):
    client = client_for(request.getfixturevalue(persona))
    with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
        response = client.get(reverse("reports:dashboard"), {"year": 2025})
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="chart-data"' in content and "vendor/echarts/echarts.min.js" in content
    assert "onclick" not in content
    assert "base_coverage" in content


def test_anonymous_is_sent_to_login(client_for):
    response = client_for(None).get(reverse("reports:dashboard"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_dashboard_queries_do_not_grow_with_members(client_for, secretariat_user, members):
    from tests.members.factories import EnterpriseFactory, SchoolFactory

    client = client_for(secretariat_user)
    client.get(reverse("reports:dashboard"), {"year": 2025})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("reports:dashboard"), {"year": 2025})
    EnterpriseFactory.create_batch(15)
    SchoolFactory.create_batch(5)
    client.get(reverse("reports:dashboard"), {"year": 2025})  # the writes: computed again
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("reports:dashboard"), {"year": 2025})
    assert len(many) == len(few)


def test_dashboard_figures_link_to_the_lists_they_count(client_for, secretariat_user, members):
    content = (
        client_for(secretariat_user)
        .get(reverse("reports:dashboard"), {"year": 2025})
        .content.decode()
    )
    assert reverse("members:organization_list") + "?year=2025&amp;kind=enterprise" in content


def test_hr_sees_own_enterprise_scorecard(
    client_for, hr_user, enterprise, members, django_assert_max_num_queries
):
    with django_assert_max_num_queries(SCORECARD_MAX_QUERIES):
        response = client_for(hr_user).get(
            reverse("reports:enterprise_scorecard", args=[enterprise.pk]), {"year": 2025}
        )
    assert response.status_code == 200
    assert enterprise.name in response.content.decode()


def test_hr_cannot_open_another_enterprise_scorecard(client_for, hr_user, other_enterprise):
    response = client_for(hr_user).get(
        reverse("reports:enterprise_scorecard", args=[other_enterprise.pk])
    )
    assert response.status_code == 404


def test_school_coordinator_sees_own_school_scorecard_only(
    client_for, school_user, school, other_school, members
):
    client = client_for(school_user)
    assert (
        client.get(
            reverse("reports:school_scorecard", args=[school.pk]), {"year": 2025}
        ).status_code
        == 200
    )
    assert (
        client.get(reverse("reports:school_scorecard", args=[other_school.pk])).status_code == 404
    )


def test_a_school_is_not_shown_as_an_enterprise(client_for, secretariat_user, school):
    response = client_for(secretariat_user).get(
        reverse("reports:enterprise_scorecard", args=[school.pk])
    )
    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["secretariat_user", "council_user"])
def test_secretariat_and_council_see_every_scorecard(
    request, client_for, persona, members, django_assert_max_num_queries
):
    school, other_school, _enterprise, other_enterprise = members
    client = client_for(request.getfixturevalue(persona))
    assert (
        client.get(reverse("reports:school_scorecard", args=[other_school.pk])).status_code == 200
    )
    assert (
        client.get(reverse("reports:enterprise_scorecard", args=[other_enterprise.pk])).status_code
        == 200
    )
    with django_assert_max_num_queries(SCORECARD_MAX_QUERIES):
        response = client.get(reverse("reports:scorecards"), {"year": 2025})
    assert response.status_code == 200
    assert school.name in response.content.decode()


@pytest.mark.parametrize("persona", ["hr_user", "school_user"])
def test_members_cannot_list_all_scorecards(request, client_for, persona):
    assert (
        client_for(request.getfixturevalue(persona)).get(reverse("reports:scorecards")).status_code
        == 403
    )


def test_my_scorecard_redirects_to_own_organisation(
    client_for, hr_user, school_user, enterprise, school
):
    response = client_for(hr_user).get(reverse("reports:my_scorecard"))
    assert response["Location"] == reverse("reports:enterprise_scorecard", args=[enterprise.pk])
    response = client_for(school_user).get(reverse("reports:my_scorecard"))
    assert response["Location"] == reverse("reports:school_scorecard", args=[school.pk])


@pytest.mark.parametrize("persona", ["council_user", "hr_user", "school_user"])
def test_only_the_secretariat_manages_targets_coverage_and_runs(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    for name in ["reports:targets", "reports:coverage", "reports:runs"]:
        assert client.get(reverse(name)).status_code == 403, name


def test_coverage_lists_members_without_records(
    client_for, secretariat_user, members, django_assert_max_num_queries
):
    school, other_school, _enterprise, _other_enterprise = members
    # The year's figures computed and stored on this first visit (every selector once).
    with django_assert_max_num_queries(120):
        response = client_for(secretariat_user).get(reverse("reports:coverage"), {"year": 2025})
    content = response.content.decode()
    assert response.status_code == 200
    # The first school entered its yearly figures, the other did not.
    row = content.split("学校年度基本数据")[1].split("</tr>")[0]
    assert other_school.name in row and school.name not in row


def test_secretariat_sets_and_resets_a_target(client_for, secretariat_user):
    from reports.models import Target

    client = client_for(secretariat_user)
    response = client.post(
        reverse("reports:targets") + "?year=2025",
        {
            "indicator": "secondment_rate",
            "secondment_rate-value": "8",
            "secondment_rate-comparison": "gte",
            "secondment_rate-source": "2025年理事会决议",
        },
    )
    assert response.status_code == 302
    assert Target.objects.get(year=2025, indicator="secondment_rate").value == 8
    content = client.get(reverse("reports:targets"), {"year": 2025}).content.decode()
    assert "2025年理事会决议" in content
    client.post(
        reverse("reports:targets") + "?year=2025", {"indicator": "secondment_rate", "reset": "1"}
    )
    assert not Target.objects.filter(year=2025).exists()


def test_a_target_at_least_without_value_is_refused_in_chinese(client_for, secretariat_user):
    response = client_for(secretariat_user).post(
        reverse("reports:targets") + "?year=2025",
        {
            "indicator": "secondment_rate",
            "secondment_rate-value": "",
            "secondment_rate-comparison": "gte",
            "secondment_rate-source": "x",
        },
    )
    assert response.status_code == 200
    assert "“不低于”类目标必须填写目标值。" in response.content.decode()


def test_hr_never_sees_a_school_scorecard(client_for, hr_user, school):
    assert (
        client_for(hr_user).get(reverse("reports:school_scorecard", args=[school.pk])).status_code
        == 403
    )


def test_trend_fragment_has_five_years_per_rate(
    client_for, council_user, members, django_assert_max_num_queries
):
    client = client_for(council_user)
    url = reverse("reports:dashboard")
    # Nothing stored yet: each of the five years' alliance figures computed once (its targets,
    # ~65 selector queries with the whole plan's indicators, one insert).
    with django_assert_max_num_queries(400):
        client.get(url, {"year": 2025, "part": "trend"}, HTTP_HX_REQUEST="true")
    # Stored: session, user, the version, the five years' stored rows.
    with django_assert_max_num_queries(FIGURE_PAGE_MAX_QUERIES):
        response = client.get(url, {"year": 2025, "part": "trend"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "<html" not in content and 'id="trend-data"' in content
    import json
    import re

    trend = json.loads(
        re.search(
            r'<script id="trend-data" type="application/json">(.*?)</script>', content, re.S
        ).group(1)
    )
    assert {t["code"] for t in trend} >= {
        "base_coverage",
        "training_ratio",
        "local_employment_rate",
    }
    assert all(t["years"] == [2021, 2022, 2023, 2024, 2025] for t in trend)


def test_dashboard_page_itself_reads_only_the_year_shown(
    client_for, council_user, members, django_assert_max_num_queries
):
    # Nothing stored yet: session + user (2), the version, the year's targets, this year's
    # selectors and last year's employment (rises), one insert.
    client = client_for(council_user)
    with django_assert_max_num_queries(100):
        client.get(reverse("reports:dashboard"), {"year": 2025})
    with django_assert_max_num_queries(FIGURE_PAGE_MAX_QUERIES):
        response = client.get(reverse("reports:dashboard"), {"year": 2025})
    assert 'hx-trigger="load"' in response.content.decode()


def test_my_scorecard_keeps_the_year(client_for, hr_user, enterprise):
    response = client_for(hr_user).get(reverse("reports:my_scorecard"), {"year": 2024})
    assert (
        response["Location"]
        == reverse("reports:enterprise_scorecard", args=[enterprise.pk]) + "?year=2024"
    )


def test_links_only_to_lists_the_user_may_open(client_for, council_user, secretariat_user, members):
    from django.urls import resolve

    from alliance.access import has_access, view_access

    for user in [council_user, secretariat_user]:
        content = (
            client_for(user).get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
        )
        import re

        for href in set(re.findall(r'href="(/(?:members|training|placements)/[^"?]*)\?', content)):
            assert has_access(user, view_access(resolve(href).func)), href
