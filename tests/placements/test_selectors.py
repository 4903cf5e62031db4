from __future__ import annotations

import datetime as dt

import pytest

from placements import selectors
from placements.models import ApprenticeshipStatus, HireStatus, OutreachKind
from tests.members.factories import EnterpriseFactory, SchoolFactory
from tests.placements.factories import (
    ApprenticeshipFactory,
    CareerMentorFactory,
    GraduatePlacementFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    OutreachEventFactory,
    RetentionFollowUpFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs():
    return {
        "school": SchoolFactory(),
        "other_school": SchoolFactory(),
        "a": EnterpriseFactory(),
        "b": EnterpriseFactory(),
        "c": EnterpriseFactory(),
    }


def _placements(orgs, n: int):
    """n graduates of 2025 at the school: employed locally at a, employed in the city (named
    employer), further study; one of each per three."""
    for i in range(n):
        student = StudentFactory(school=orgs["school"])
        if i % 3 == 0:
            GraduatePlacementFactory(
                student=student, employer=orgs["a"], employer_location="county"
            )
        elif i % 3 == 1:
            GraduatePlacementFactory(
                student=student, employer=None, employer_name="潍坊某公司", employer_location="city"
            )
        else:
            GraduatePlacementFactory(
                student=student,
                destination="further_study",
                employer=None,
                employer_location="",
                job="",
                wage_band="",
            )


def test_employment_counts_per_school(orgs):
    _placements(orgs, 6)
    GraduatePlacementFactory(student=StudentFactory(school=orgs["school"]), graduation_year=2024)
    counts = selectors.employment_counts(2025)
    assert counts == {
        orgs["school"].pk: selectors.EmploymentCounts(graduates=6, employed=4, local=2, at_member=2)
    }
    assert selectors.employment_counts(2023) == {}


def test_a_hire_by_an_enterprise_that_withdrew_before_is_not_member_employment(orgs):
    gone = orgs["b"]
    gone.status, gone.left_on = "withdrawn", dt.date(2024, 6, 30)
    gone.save()
    later = orgs["c"]
    later.joined_on = dt.date(2026, 3, 1)
    later.save()
    for employer in (orgs["a"], gone, later):
        GraduatePlacementFactory(
            student=StudentFactory(school=orgs["school"]), graduation_year=2025, employer=employer
        )
    # Three employed; only a was a member in 2025 (b left in 2024, c joined in 2026).
    counts = selectors.employment_counts(2025)[orgs["school"].pk]
    assert (counts.employed, counts.at_member) == (3, 1)


@pytest.mark.parametrize("rows", [3, 30])
def test_employment_counts_query_is_bounded(orgs, rows, django_assert_max_num_queries):
    _placements(orgs, rows)
    # One query: placements of the year grouped by school.
    with django_assert_max_num_queries(1):
        selectors.employment_counts(2025)


def test_hires_by_enterprise_ignores_declined(orgs):
    GraduatePlacementFactory(employer=orgs["a"], hire_status=HireStatus.CONFIRMED)
    GraduatePlacementFactory(employer=orgs["a"], hire_status=HireStatus.PENDING)
    GraduatePlacementFactory(employer=orgs["a"], hire_status=HireStatus.DECLINED)
    GraduatePlacementFactory(employer=orgs["b"], graduation_year=2024)
    assert selectors.hires_by_enterprise(2025) == {orgs["a"].pk: 2}


def _joint_class(orgs):
    """A joint order class of a and b graduating in 2025 with three students: one hired by a,
    one hired by c (not an order enterprise), one declined by b."""
    klass = OrderClassFactory(
        school=orgs["school"], graduation_year=2025, enterprises=[orgs["a"], orgs["b"]]
    )
    s1, s2, s3 = (OrderClassEnrolmentFactory(order_class=klass).student for _ in range(3))
    GraduatePlacementFactory(student=s1, employer=orgs["a"], via_order_class=klass)
    GraduatePlacementFactory(student=s2, employer=orgs["c"])
    GraduatePlacementFactory(student=s3, employer=orgs["b"], hire_status=HireStatus.DECLINED)
    return klass


def test_order_class_hires_per_school_and_enterprise(orgs, django_assert_max_num_queries):
    _joint_class(orgs)
    with django_assert_max_num_queries(2):  # enrolments × order enterprises; hires of the year
        assert selectors.order_class_hires(2025) == {orgs["school"].pk: (3, 1)}
    with django_assert_max_num_queries(2):
        assert selectors.order_class_hires_by_enterprise(2025) == {
            orgs["a"].pk: (3, 1),
            orgs["b"].pk: (3, 0),
        }
    assert selectors.order_class_hires(2024) == {}


def test_apprentice_counts(orgs):
    a = orgs["a"]
    ApprenticeshipFactory(
        enterprise=a, contract_start=dt.date(2024, 9, 1), contract_end=dt.date(2026, 8, 31)
    )
    ApprenticeshipFactory(
        enterprise=a,
        contract_start=dt.date(2023, 9, 1),
        contract_end=dt.date(2025, 8, 31),
        status=ApprenticeshipStatus.COMPLETED,
        ended_on=dt.date(2025, 7, 1),
    )
    ApprenticeshipFactory(
        enterprise=a,
        contract_start=dt.date(2023, 9, 1),
        contract_end=dt.date(2026, 8, 31),
        status=ApprenticeshipStatus.WITHDRAWN,
        ended_on=dt.date(2024, 5, 1),
    )
    ApprenticeshipFactory(
        enterprise=orgs["b"], contract_start=dt.date(2026, 3, 1), contract_end=dt.date(2027, 3, 1)
    )
    # 2025: nobody starts; the 2024 and the completed 2023 contracts are in training; one completes
    assert selectors.apprentice_counts(2025) == {a.pk: (0, 2, 1)}
    # 2024: the September contract starts; all three are in training (one withdrawn in May)
    assert selectors.apprentice_counts(2024) == {a.pk: (1, 3, 0)}
    assert selectors.apprentice_counts(2026)[orgs["b"].pk] == (1, 1, 0)


def test_mentors_chairman_visits_and_events(orgs, django_assert_max_num_queries):
    CareerMentorFactory(enterprise=orgs["a"], appointed_on=dt.date(2024, 3, 1))
    CareerMentorFactory(
        enterprise=orgs["b"], appointed_on=dt.date(2022, 1, 1), ended_on=dt.date(2023, 12, 31)
    )
    OutreachEventFactory(
        kind=OutreachKind.CHAIRMAN_VISIT,
        date=dt.date(2025, 5, 1),
        school=orgs["school"],
        enterprises=[orgs["a"], orgs["b"]],
    )
    OutreachEventFactory(
        kind=OutreachKind.CHAIRMAN_VISIT,
        date=dt.date(2024, 5, 1),
        school=orgs["school"],
        enterprises=[orgs["c"]],
    )
    OutreachEventFactory(
        kind=OutreachKind.PROMOTION_WEEK,
        date=dt.date(2025, 10, 1),
        school=orgs["school"],
        enterprises=[orgs["a"]],
    )
    with django_assert_max_num_queries(1):
        assert selectors.enterprises_with_mentor(2025) == {orgs["a"].pk}
    with django_assert_max_num_queries(1):
        assert selectors.enterprises_with_chairman_visit(2025) == {orgs["a"].pk, orgs["b"].pk}
    with django_assert_max_num_queries(1):
        assert selectors.events_by_enterprise(2025) == {orgs["a"].pk: 2, orgs["b"].pk: 1}


def test_outreach_by_semester_spans_february_to_january(orgs, django_assert_max_num_queries):
    school = orgs["school"]
    for day, kind in [
        (dt.date(2025, 1, 15), OutreachKind.PARENTS_VISIT),  # autumn 2024
        (dt.date(2025, 3, 1), OutreachKind.PARENTS_VISIT),
        (dt.date(2025, 4, 1), OutreachKind.PARENTS_VISIT),
        (dt.date(2025, 5, 1), OutreachKind.PROMOTION_WEEK),
        (dt.date(2025, 10, 1), OutreachKind.PROMOTION_WEEK),
        (dt.date(2026, 1, 10), OutreachKind.RECOMMENDATION_FAIR),  # autumn 2025
    ]:
        OutreachEventFactory(kind=kind, date=day, school=school)
    with django_assert_max_num_queries(1):
        result = selectors.outreach_by_semester(2025)
    assert result == {
        (school.pk, "2025-1"): {"parents_visit": 2, "promotion_week": 1},
        (school.pk, "2025-2"): {"promotion_week": 1, "recommendation_fair": 1},
    }
    assert selectors.recommendation_events(2026) == {school.pk: 1}
    assert selectors.recommendation_events(2025) == {}


def test_retention_summary():
    placement = GraduatePlacementFactory(graduation_year=2024)
    RetentionFollowUpFactory(
        placement=placement, contacted_on=dt.date(2025, 3, 1), problems="住宿远"
    )
    RetentionFollowUpFactory(
        placement=placement,
        contacted_on=dt.date(2025, 9, 1),
        still_employed=False,
        problems="加班多",
        resolved=True,
        resolved_by="联盟办公室",
    )
    RetentionFollowUpFactory(placement=placement, contacted_on=dt.date(2024, 9, 1))
    assert selectors.retention_summary(2025) == {
        "followups": 2,
        "still_employed": 1,
        "problems_open": 1,
        "graduates": 1,
    }
