"""Local employment, the outreach overview and the organisation-page section: indicator results,
member organisations only, the same values as the dashboard."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from members.models import OrganizationStatus
from members.sections import sections_for
from reports.indicators import SCHOOL, Scope
from reports.selectors import indicator_rows
from tests.members.factories import OrganizationFactory, SchoolYearFiguresFactory
from tests.placements.factories import (
    CareerMentorFactory,
    GraduatePlacementFactory,
    OutreachEventFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db

LOCAL = reverse("reports:local_employment")
OUTREACH = reverse("reports:outreach_overview")


def _graduates(school, year: int, local: int, away: int) -> None:
    for _ in range(local):
        GraduatePlacementFactory(student=StudentFactory(school=school), graduation_year=year)
    for _ in range(away):
        GraduatePlacementFactory(
            student=StudentFactory(school=school), graduation_year=year, employer_location="city"
        )


def test_local_employment_marks_a_year_that_did_not_rise(client_for, council_user, school):
    _graduates(school, 2024, local=3, away=1)
    _graduates(school, 2025, local=1, away=3)
    response = client_for(council_user).get(LOCAL, {"year": 2025})
    [(_name, cells)] = response.context["rows"]
    by_year = {item["row"].year: item["row"] for item in cells}
    # 2024: 3 local ÷ 4 employed = 75.0 %; 2025: 1 ÷ 4 = 25.0 %, lower: not met
    assert (by_year[2024].value_text, by_year[2024].fraction_text) == ("75%", "3 / 4")
    assert (by_year[2025].value_text, by_year[2025].met) == ("25%", False)
    assert "fall" in response.content.decode()
    dashboard = {r.indicator.code: r for r in indicator_rows(2025)}["local_employment_rate"]
    assert response.context["alliance"][-1]["row"].value == dashboard.value


def test_local_employment_lists_member_schools_only(client_for, council_user, school):
    gone = OrganizationFactory(
        kind="school",
        name="已退出学校",
        status=OrganizationStatus.WITHDRAWN,
        left_on=dt.date(2020, 1, 1),
    )
    _graduates(gone, 2025, local=2, away=0)
    _graduates(school, 2025, local=1, away=1)
    response = client_for(council_user).get(LOCAL, {"year": 2025})
    assert [name for name, _cells in response.context["rows"]] == [school.name]
    # the alliance counts the member school only: 1 local ÷ 2 employed
    assert response.context["alliance"][-1]["row"].fraction_text == "1 / 2"


def test_outreach_overview_shows_the_indicators_per_member(
    client_for, school_user, school, enterprise, other_enterprise
):
    OutreachEventFactory(school=school, kind="parents_visit", date=dt.date(2025, 3, 1))
    OutreachEventFactory(school=school, kind="promotion_week", date=dt.date(2025, 4, 1))
    CareerMentorFactory(enterprise=enterprise)
    response = client_for(school_user).get(OUTREACH, {"year": 2025})
    [(_line, counts, items)] = response.context["schools"]
    assert counts == [[1, 1], [0, 0]]
    outreach = items[0]["row"]
    # 1 of the school's 2 semesters had both kinds: 50.0 %
    assert (outreach.value_text, outreach.fraction_text, outreach.met) == ("50%", "1 / 2", False)
    mentors = {line.name: items[0]["row"] for line, items in response.context["enterprises"]}
    assert mentors[enterprise.name].met is True and mentors[other_enterprise.name].met is False


@pytest.mark.parametrize("url", [LOCAL, OUTREACH])
def test_every_role_reads_the_pages(
    client_for, secretariat_user, council_user, hr_user, school_user, url
):
    for user in (secretariat_user, council_user, hr_user, school_user):
        assert client_for(user).get(url).status_code == 200
    assert client_for(None).get(url).status_code == 302


@pytest.mark.parametrize("url", [LOCAL, OUTREACH])
def test_queries_do_not_grow_with_the_schools(
    client_for, council_user, url, django_assert_max_num_queries
):
    def populate(n):
        for _ in range(n):
            school = OrganizationFactory(kind="school")
            _graduates(school, 2025, local=1, away=1)
            OutreachEventFactory(school=school, date=dt.date(2025, 3, 1))

    client = client_for(council_user)
    populate(2)
    # Nothing stored: the five years' figures are computed once (each selector once per year).
    with django_assert_max_num_queries(450):
        client.get(url, {"year": 2025})
    # Stored: session, user, the version, the blocks' headers and rows.
    with django_assert_max_num_queries(10) as small:
        client.get(url, {"year": 2025})
    stored = len(small.captured_queries)
    populate(10)
    client.get(url, {"year": 2025})  # the writes: computed again
    with django_assert_max_num_queries(stored):
        assert client.get(url, {"year": 2025}).status_code == 200


def test_organisation_page_shows_the_members_indicators_to_its_readers(
    client_for, school_user, hr_user, school
):
    SchoolYearFiguresFactory(
        school=school, year=2025, enrolled_students=1000, professional_teachers=40
    )
    [section] = [s for s in sections_for(school, school_user) if s.template.startswith("reports/")]
    codes = [item["row"].indicator.code for item in section.context["cards"]]
    assert "secondment_rate" in codes and section.context["is_member"]
    assert section.context["cards"][0]["row"].scope == Scope(SCHOOL, school.pk)
    # An HR account may not open a school's scorecard, so it does not see it here either.
    assert not [s for s in sections_for(school, hr_user) if s.template.startswith("reports/")]
    body = (
        client_for(school_user)
        .get(reverse("members:organization_detail", args=[school.pk]))
        .content.decode()
    )
    assert 'id="plan-figures-section"' in body
