"""The drill-downs of the record-counting figures list exactly the records counted (issue 11,
item 5), on a small alliance whose lists were worked out by hand.

Every expected list below is written by hand from the records created here, with the reason each
record is in or out; the code under test computes nothing of it. Each list also has to add up
to the figure the indicator shows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from placements.models import ApprenticeshipStatus, Destination, EmployerLocation, HireStatus
from reports.indicators import ENTERPRISE, SCHOOL, Scope
from reports.listings import NAME_MASK
from tests.members.factories import (
    CouncilMeetingFactory,
    EnterpriseFactory,
    SchoolFactory,
    SchoolYearFiguresFactory,
)
from tests.placements.factories import (
    ApprenticeshipFactory,
    GraduatePlacementFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    StudentFactory,
)
from tests.reports.drilldowns import WITHDRAWN_2024, YEAR, counted_list, figure
from tests.training.factories import (
    CraftsmanFactory,
    SecondmentFactory,
    TeacherFactory,
    TrainingProgrammeFactory,
)
from training.models import SecondmentStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance():
    """Two member schools (甲, 乙) and one that withdrew in 2024 (丙); enterprise 甲 (member
    since the plan), 乙 (joined March 2025), 退出 (withdrew June 2024)."""
    school_a = SchoolFactory(name="甲职业学校")
    school_b = SchoolFactory(name="乙职业学校")
    school_gone = SchoolFactory(name="丙职业学校", **WITHDRAWN_2024)
    ent_a = EnterpriseFactory(name="甲企业")
    ent_b = EnterpriseFactory(name="乙企业", joined_on=dt.date(2025, 3, 1))
    ent_gone = EnterpriseFactory(name="退出企业", **WITHDRAWN_2024)
    for school, enrolled, teachers in [
        (school_a, 500, 40),
        (school_b, 300, 20),
        (school_gone, 99, 9),
    ]:
        SchoolYearFiguresFactory(
            school=school, year=YEAR, enrolled_students=enrolled, professional_teachers=teachers
        )

    # --- secondments
    twice = TeacherFactory(school=school_a, name="两次老师")
    SecondmentFactory(teacher=twice, enterprise=ent_a, status=SecondmentStatus.ONGOING)
    SecondmentFactory(teacher=twice, enterprise=ent_b)
    SecondmentFactory(teacher=TeacherFactory(school=school_a, name="一次老师"), enterprise=ent_a)
    SecondmentFactory(
        teacher=TeacherFactory(school=school_a, name="计划老师"),
        enterprise=ent_a,
        status=SecondmentStatus.PLANNED,
    )
    SecondmentFactory(
        teacher=TeacherFactory(school=school_a, name="文化课老师", is_professional=False),
        enterprise=ent_a,
    )
    SecondmentFactory(
        teacher=TeacherFactory(school=school_a, name="去年老师"),
        enterprise=ent_a,
        start_on=dt.date(2024, 7, 1),
        end_on=dt.date(2024, 8, 1),
    )
    SecondmentFactory(teacher=TeacherFactory(school=school_b, name="乙校老师"), enterprise=ent_a)
    SecondmentFactory(teacher=TeacherFactory(school=school_gone, name="丙校老师"), enterprise=ent_a)

    # --- social training
    TrainingProgrammeFactory(
        school=school_a, title="数控培训", participants=600, start_on=dt.date(2025, 3, 1)
    )
    TrainingProgrammeFactory(
        school=school_a,
        title="去年培训",
        participants=400,
        start_on=dt.date(2024, 12, 1),
        end_on=dt.date(2025, 1, 31),
    )
    TrainingProgrammeFactory(
        school=school_b, title="电工培训", participants=200, start_on=dt.date(2025, 5, 1)
    )
    TrainingProgrammeFactory(
        school=school_gone, title="丙校培训", participants=100, start_on=dt.date(2025, 5, 1)
    )

    # --- an order class of 乙 for 甲企业 and 退出企业, graduating in 2025
    order_class = OrderClassFactory(school=school_b, name="甲企业订单班", graduation_year=YEAR)
    order_class.enterprises.set([ent_a, ent_gone])
    hired_by = {
        "订单甲": ent_a,  # hired by an order enterprise that is a member: counted
        "订单退": ent_gone,  # hired by an order enterprise that withdrew in 2024: not counted
        "订单乙": ent_b,  # hired by a member that does not order the class: not counted
        "订单无": None,  # no placement
    }
    for name, employer in hired_by.items():
        student = StudentFactory(school=school_b, name=name)
        OrderClassEnrolmentFactory(order_class=order_class, student=student)
        if employer is not None:
            GraduatePlacementFactory(
                student=student,
                graduation_year=YEAR,
                employer=employer,
                employer_location=EmployerLocation.COUNTY,
                hire_status=HireStatus.CONFIRMED,
            )

    # --- 2025 graduates of 甲
    for name, employer, employer_name, location, destination in [
        ("本县成员", ent_a, "", EmployerLocation.COUNTY, Destination.EMPLOYED),
        ("本县非成员", None, "某县内公司", EmployerLocation.COUNTY, Destination.EMPLOYED),
        ("市内成员", ent_b, "", EmployerLocation.CITY, Destination.EMPLOYED),
        ("升学", None, "", EmployerLocation.COUNTY, Destination.FURTHER_STUDY),
    ]:
        GraduatePlacementFactory(
            student=StudentFactory(school=school_a, name=name),
            graduation_year=YEAR,
            employer=employer,
            employer_name=employer_name,
            employer_location=location,
            destination=destination,
        )

    # --- apprenticeships
    for name, enterprise, start, end, status, ended in [
        ("新学徒", ent_a, dt.date(2025, 3, 1), dt.date(2028, 2, 28), "in_training", None),
        ("在训学徒", ent_a, dt.date(2024, 3, 1), dt.date(2027, 2, 28), "in_training", None),
        (
            "结业学徒",
            ent_a,
            dt.date(2023, 9, 1),
            dt.date(2025, 8, 31),
            "completed",
            dt.date(2025, 6, 30),
        ),
        (
            "去年退出学徒",
            ent_a,
            dt.date(2024, 3, 1),
            dt.date(2027, 2, 28),
            "withdrawn",
            dt.date(2024, 12, 1),
        ),
        ("退出企业学徒", ent_gone, dt.date(2025, 3, 1), dt.date(2028, 2, 28), "in_training", None),
    ]:
        ApprenticeshipFactory(
            student__name=name,
            student__school=school_a,
            enterprise=enterprise,
            contract_start=start,
            contract_end=end,
            status=ApprenticeshipStatus(status),
            ended_on=ended,
        )

    # --- craftsmen
    CraftsmanFactory(name="在库工匠", enterprise=ent_a)
    CraftsmanFactory(name="离库工匠", enterprise=ent_a, left_on=dt.date(2024, 5, 1), active=False)
    CraftsmanFactory(name="退出企业工匠", enterprise=ent_gone)

    # --- council meetings
    CouncilMeetingFactory(date=dt.date(2025, 3, 10), title="上半年例会")
    CouncilMeetingFactory(date=dt.date(2025, 9, 10), title="下半年例会")
    CouncilMeetingFactory(date=dt.date(2025, 5, 1), kind="extraordinary", title="临时会议")
    CouncilMeetingFactory(date=dt.date(2025, 11, 1), status="planned", title="计划会议")
    CouncilMeetingFactory(date=dt.date(2024, 10, 1), title="去年例会")
    return {"甲": school_a, "乙": school_b, "甲企业": ent_a, "退出企业": ent_gone}


def _list(client, code: str, part: str = "", **scope):
    listed = counted_list(client, code, part, **scope)
    return listed.rows, listed


def _column(rows, index: int) -> list[str]:
    return sorted(row[index] for row in rows)


def test_secondments_list_the_teachers_counted_once_each(client_for, secretariat_user, alliance):
    client = client_for(secretariat_user)
    rows, listed = _list(client, "secondment_rate")
    # In: 两次老师 (two secondments, one teacher), 一次老师, 乙校老师. Out: 计划老师 (planned),
    # 文化课老师 (not professional), 去年老师 (2024), 丙校老师 (school withdrew in 2024).
    assert _column(rows, 1) == sorted(["两次老师", "一次老师", "乙校老师"])
    assert listed.total == figure("secondment_rate").numerator == 3
    # 两次老师 was seconded to both enterprises
    assert ["甲职业学校", "两次老师", "乙企业、甲企业"] in rows
    # Denominator: the professional teachers the member schools reported, 40 + 20 = 60 (丙 out)
    rows, listed = _list(client, "secondment_rate", part="denominator")
    assert rows == [["乙职业学校", "20"], ["甲职业学校", "40"]]
    assert listed.total == figure("secondment_rate").denominator == 60


def test_secondments_of_one_school(client_for, secretariat_user, alliance):
    rows, _listed = _list(client_for(secretariat_user), "secondment_rate", school=alliance["甲"].pk)
    assert _column(rows, 1) == sorted(["两次老师", "一次老师"])  # 乙校老师 is another school's


def test_training_lists_the_programmes_whose_participants_count(
    client_for, secretariat_user, alliance
):
    client = client_for(secretariat_user)
    rows, listed = _list(client, "training_ratio")
    # 数控培训 600 + 电工培训 200 = 800; 去年培训 started in 2024, 丙校培训's school withdrew.
    assert _column(rows, 1) == ["数控培训", "电工培训"]
    assert listed.total == figure("training_ratio").numerator == 800
    rows, listed = _list(client, "training_ratio", part="denominator")
    # enrolled 500 + 300 = 800: ratio 800 / 800 = 1.00
    assert listed.total == figure("training_ratio").denominator == 800


def test_order_class_hires_list_the_hired_graduates(client_for, secretariat_user, alliance):
    client = client_for(secretariat_user)
    rows, _listed = _list(client, "order_class_hire_rate")
    # 订单甲 only: 订单退 was hired by an order enterprise that withdrew in 2024 (no member on
    # the record's date), 订单乙 by a member that does not order the class, 订单无 not at all.
    assert _column(rows, 1) == ["订单甲"]
    rows, _listed = _list(client, "order_class_hire_rate", part="denominator")
    assert _column(rows, 1) == sorted(["订单甲", "订单退", "订单乙", "订单无"])
    measure = figure("order_class_hire_rate")
    assert (measure.value, measure.numerator, measure.denominator) == (25, 1, 4)  # 1 / 4 = 25 %
    # At 甲企业's scope: the graduates of the classes it orders, and those it hired.
    rows, _listed = _list(client, "order_class_hire_rate", enterprise=alliance["甲企业"].pk)
    assert _column(rows, 1) == ["订单甲"]
    enterprise = figure("order_class_hire_rate", Scope(ENTERPRISE, alliance["甲企业"].pk))
    assert (enterprise.numerator, enterprise.denominator) == (1, 4)


def test_apprentices_three_lists(client_for, secretariat_user, alliance):
    client = client_for(secretariat_user)
    expected = {
        # contract starting in 2025 at a member (退出企业学徒's employer withdrew in 2024)
        "apprentices_new": ["新学徒"],
        # contract running in 2025 and not ended before it (去年退出学徒 withdrew in 2024)
        "apprentices_in_training": sorted(["新学徒", "在训学徒", "结业学徒"]),
        "apprentices_completed": ["结业学徒"],
    }
    for code, names in expected.items():
        rows, listed = _list(client, code)
        assert _column(rows, 1) == names, code
        assert listed.total == figure(code).numerator == len(names), code


def test_craftsmen_list(client_for, secretariat_user, alliance):
    rows, _listed = _list(client_for(secretariat_user), "craftsmen_teaching")
    # 离库工匠 left in 2024; 退出企业工匠's enterprise is no member in 2025
    assert _column(rows, 1) == ["在库工匠"]


def test_employment_lists_the_graduates_counted(client_for, secretariat_user, alliance):
    client = client_for(secretariat_user)
    school = {"school": alliance["甲"].pk}
    # 甲's employed graduates: 本县成员, 本县非成员, 市内成员 (升学 is further study)
    rows, _listed = _list(client, "local_employment_rate", part="denominator", **school)
    assert _column(rows, 1) == sorted(["本县成员", "本县非成员", "市内成员"])
    # in the county: 本县成员, 本县非成员 → 2 / 3 = 66.7 %
    rows, _listed = _list(client, "local_employment_rate", **school)
    assert _column(rows, 1) == sorted(["本县成员", "本县非成员"])
    assert figure("local_employment_rate", Scope(SCHOOL, alliance["甲"].pk)).value == Decimal(
        "66.7"
    )
    # at a member: 本县成员 (甲企业), 市内成员 (乙企业, a member since March) → 2 / 3
    rows, _listed = _list(client, "alliance_employment_rate", **school)
    assert _column(rows, 1) == sorted(["本县成员", "市内成员"])
    # Alliance: 甲's 3 employed + 乙's 订单甲, 订单退, 订单乙 = 6 employed; at a member: 本县成员,
    # 市内成员, 订单甲, 订单乙 = 4 (订单退's employer withdrew in 2024)
    rows, _listed = _list(client, "alliance_employment_rate")
    assert _column(rows, 1) == sorted(["本县成员", "市内成员", "订单甲", "订单乙"])
    assert _list(client, "alliance_employment_rate", part="denominator")[1].total == 6


def test_council_meetings_list_the_regular_meetings_held(client_for, council_user, alliance):
    rows, listed = _list(client_for(council_user), "council_meetings")
    # not the extraordinary, the planned, nor the 2024 meeting
    assert [row[:2] for row in rows] == [["2025-03-10", "上半年例会"], ["2025-09-10", "下半年例会"]]
    assert listed.total == figure("council_meetings").numerator == 2


def test_people_are_named_only_to_readers_of_their_register(client_for, council_user, alliance):
    # The council reads figures, never personal data: the same rows, names masked.
    rows, listed = _list(client_for(council_user), "secondment_rate")
    assert len(rows) == 3 and listed.masked
    assert {row[1] for row in rows} == {NAME_MASK}
    assert _column(rows, 0) == sorted(["甲职业学校", "甲职业学校", "乙职业学校"])


def test_a_coordinator_sees_names_of_their_own_school_only(client_for, alliance):
    from tests.members.factories import UserFactory

    user = UserFactory(role="school_coordinator", organization=alliance["甲"])
    rows, _listed = _list(client_for(user), "secondment_rate")
    assert sorted(row[1] for row in rows) == sorted(["两次老师", "一次老师", NAME_MASK])


def test_a_list_costs_the_same_queries_however_long(
    client_for, secretariat_user, alliance, django_assert_max_num_queries
):
    client = client_for(secretariat_user)
    # session, user; the year's targets; member schools and employment records for this year
    # and the year before (the target "rises"); the placements described; the readable ones
    with django_assert_max_num_queries(10):
        _list(client, "local_employment_rate")
    for _ in range(20):
        GraduatePlacementFactory(
            student=StudentFactory(school=alliance["甲"]), graduation_year=YEAR
        )
    with django_assert_max_num_queries(10):
        rows, _listed = _list(client, "local_employment_rate")
    assert len(rows) > 20
