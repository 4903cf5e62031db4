from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from members import selectors
from members.selectors import SchoolFigures
from tests.members.factories import (
    CouncilMeetingFactory,
    CouncilSeatFactory,
    EnterpriseFactory,
    ExpertMemberFactory,
    OrganizationFactory,
    ResolutionFactory,
    SchoolFactory,
    SchoolYearFiguresFactory,
)

pytestmark = pytest.mark.django_db


def test_membership_at_year_end_counts_joined_and_not_yet_left():
    current = EnterpriseFactory(joined_on=dt.date(2023, 12, 8))
    unknown_date = EnterpriseFactory(joined_on=None)
    joins_later = EnterpriseFactory(joined_on=dt.date(2026, 3, 1))
    left_later = EnterpriseFactory(
        joined_on=dt.date(2023, 12, 8), status="withdrawn", left_on=dt.date(2026, 5, 1)
    )
    left_in_year = EnterpriseFactory(
        joined_on=dt.date(2023, 12, 8), status="withdrawn", left_on=dt.date(2025, 5, 1)
    )
    school = SchoolFactory(joined_on=dt.date(2023, 12, 8))

    ids = selectors.member_enterprise_ids(2025)

    assert {current.pk, unknown_date.pk, left_later.pk} <= ids
    assert joins_later.pk not in ids and left_in_year.pk not in ids
    assert selectors.member_school_ids(2025) == {school.pk}
    assert left_in_year.pk in selectors.member_enterprise_ids(2024)


def test_organizations_by_kind_and_names():
    a = EnterpriseFactory()
    SchoolFactory()
    OrganizationFactory(kind="association", name="测试促进会", credit_code=None)
    assert selectors.organizations_by_kind(2025) == {"enterprise": 1, "school": 1, "association": 1}
    assert selectors.organization_names([a.pk]) == {a.pk: a.name}


def test_school_figures_of_a_year(django_assert_max_num_queries):
    figures = SchoolYearFiguresFactory(year=2025)
    SchoolYearFiguresFactory(
        school=figures.school, year=2024, enrolled_students=10, professional_teachers=2, graduates=1
    )
    with django_assert_max_num_queries(1):  # one SELECT of the year's rows
        result = selectors.school_figures(2025)
    assert result == {figures.school_id: SchoolFigures(4800, 260, 1500)}
    assert result[figures.school_id].professional_teachers == 260


def test_regular_meetings_by_half_ignore_cancelled_planned_and_extraordinary(
    django_assert_max_num_queries,
):
    CouncilMeetingFactory(date=dt.date(2025, 6, 30))
    CouncilMeetingFactory(date=dt.date(2025, 3, 1))
    CouncilMeetingFactory(date=dt.date(2025, 7, 1), kind="extraordinary")
    CouncilMeetingFactory(date=dt.date(2025, 9, 1), status="cancelled")
    CouncilMeetingFactory(date=dt.date(2025, 10, 1), status="planned")
    CouncilMeetingFactory(date=dt.date(2024, 12, 1))
    with django_assert_max_num_queries(1):  # one aggregate over the year's meetings
        assert selectors.regular_meetings_by_half(2025) == (2, 0)


def test_council_overview_is_bounded_and_ordered(django_assert_max_num_queries):
    secretary = CouncilSeatFactory(role="secretary_general", person="秘书长甲")
    chair = CouncilSeatFactory(role="chair", person="理事长甲")
    CouncilSeatFactory(
        role="director", term_start=dt.date(2020, 1, 1), term_end=dt.date(2022, 1, 1)
    )  # not in 2025
    ExpertMemberFactory(role="member", person="委员甲", order=1)
    ExpertMemberFactory(role="director", person="主任甲", order=5)
    seats = list(CouncilSeatFactory.create_batch(3))
    for _ in range(3):
        meeting = CouncilMeetingFactory(date=dt.date(2025, 6, 26))
        meeting.attendees.set(seats)
        ResolutionFactory(meeting=meeting)
        ResolutionFactory(meeting=meeting, status="done", done_on=dt.date(2025, 7, 1))
    CouncilMeetingFactory(date=dt.date(2025, 8, 1), attendee_count=17)

    with django_assert_max_num_queries(3):  # seats, experts, meetings with their counts
        overview = selectors.council_overview(2025)

    assert [row[1] for row in overview["seats"]][:1] == [chair.person]
    assert overview["seats"][-1][1] == secretary.person
    assert len(overview["seats"]) == 5
    assert overview["experts"][0][1] == "主任甲"
    assert overview["meetings"][0][2:] == (3, 2, 1)
    assert overview["meetings"][-1][2] == 17


def test_overdue_resolutions_are_open_and_past_due():
    late = ResolutionFactory(due_on=dt.date(2025, 1, 31))
    ResolutionFactory(
        due_on=dt.date(2025, 1, 31),
        status="done",
        done_on=dt.date(2025, 7, 1),
        meeting=late.meeting,
    )
    ResolutionFactory(due_on=dt.date(2099, 1, 1), meeting=late.meeting)
    late.meeting.date = dt.date(2024, 12, 1)
    late.meeting.save()
    assert list(selectors.overdue_resolutions(dt.date(2025, 6, 1))) == [late]


def test_pages_open_on_the_latest_year_with_school_figures(django_assert_max_num_queries):
    this_year = timezone.localdate().year
    SchoolYearFiguresFactory(year=this_year - 2)
    SchoolYearFiguresFactory(year=this_year - 1)
    SchoolYearFiguresFactory(year=this_year + 1)  # figures planned ahead don't count
    with django_assert_max_num_queries(1):
        assert selectors.default_year() == this_year - 1


def test_pages_open_on_this_year_when_nothing_is_reported():
    assert selectors.default_year() == timezone.localdate().year
