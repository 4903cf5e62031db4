"""The drill-downs of the placements figures (retention funnel, co-developed materials, order
classes, talent demand, pilot apprentices, internships, career mentors, preferential measures,
follow-ups) list exactly the records counted (issue 11, item 5).

Each family builds its own small alliance; every expected list is written by hand from the
records created, with the reason each record is in or out, and has to add up to the figure.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from placements.models import (
    AlignmentStatus,
    ApprenticeshipPath,
    ApprenticeshipStatus,
    Aspect,
    EmployerLocation,
    HireStatus,
    MaterialKind,
    OutreachKind,
    milestone_date,
)
from reports.indicators import SCHOOL, Scope
from reports.listings import NAME_MASK
from tests.members.factories import EnterpriseFactory, SchoolFactory
from tests.placements.factories import (
    ApprenticeshipFactory,
    CareerMentorFactory,
    CoDevelopedMaterialFactory,
    GraduatePlacementFactory,
    InternshipFactory,
    OrderClassAlignmentFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    OutreachEventFactory,
    PilotApprenticeshipFactory,
    PilotClassFactory,
    PreferentialMeasureFactory,
    RetentionFollowUpFactory,
    StudentFactory,
    TalentDemandFactory,
)
from tests.reports.drilldowns import WITHDRAWN_2024, YEAR, counted_list, figure
from tests.training.factories import TrainingBaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs():
    """Member school 甲 and school 丙 (withdrew in 2024); member enterprises 甲企业 and 乙企业,
    and 退出企业 (withdrew in 2024)."""
    return {
        "甲": SchoolFactory(name="甲职业学校"),
        "丙": SchoolFactory(name="丙职业学校", **WITHDRAWN_2024),
        "甲企业": EnterpriseFactory(name="甲企业"),
        "乙企业": EnterpriseFactory(name="乙企业"),
        "退出企业": EnterpriseFactory(name="退出企业", **WITHDRAWN_2024),
    }


def _names(listed) -> list[str]:
    return sorted(row[1] for row in listed.rows)


# --- the retention funnel of the 2025 cohort ----------------------------------------------------


def _funnel_graduate(school, name, employer, **placement):
    student = StudentFactory(school=school, name=name)
    OrderClassEnrolmentFactory(student=student, order_class__school=school)
    return GraduatePlacementFactory(
        student=student, graduation_year=YEAR, employer=employer, **placement
    )


def _follow(placement, months, still=True):
    RetentionFollowUpFactory(
        placement=placement,
        milestone=months,
        contacted_on=milestone_date(YEAR, months) + dt.timedelta(days=10),
        still_employed=still,
    )


def test_funnel_and_retention_list_the_graduates_counted(client_for, secretariat_user, orgs):
    confirmed = {"hire_status": HireStatus.CONFIRMED}
    stays = _funnel_graduate(orgs["甲"], "留任", orgs["甲企业"], **confirmed)
    _follow(stays, 6)
    _follow(stays, 12)
    leaves = _funnel_graduate(orgs["甲"], "离开", orgs["甲企业"], **confirmed)
    _follow(leaves, 6)
    _follow(leaves, 12, still=False)
    _funnel_graduate(orgs["甲"], "拒绝", orgs["甲企业"], hire_status=HireStatus.DECLINED)
    _funnel_graduate(orgs["甲"], "非成员雇主", orgs["退出企业"], **confirmed)
    # Hired, but in neither an order class nor an apprenticeship: not in the funnel.
    GraduatePlacementFactory(
        student=StudentFactory(school=orgs["甲"], name="非订单"),
        graduation_year=YEAR,
        employer=orgs["甲企业"],
        **confirmed,
    )
    # A graduate of the school that withdrew, and one of the cohort before.
    _funnel_graduate(orgs["丙"], "丙校", orgs["甲企业"], **confirmed)
    earlier = _funnel_graduate(orgs["甲"], "去年届", orgs["甲企业"], **confirmed)
    earlier.graduation_year = YEAR - 1
    earlier.save()
    client = client_for(secretariat_user)

    # In the cohort: 留任, 离开, 拒绝 (hire declined), 非成员雇主 (employer withdrew in 2024);
    # hired by a member: 留任 and 离开 → 2 / 4 = 50 %.
    assert _names(counted_list(client, "funnel_hired")) == sorted(["留任", "离开"])
    population = counted_list(client, "funnel_hired", part="denominator")
    assert _names(population) == sorted(["留任", "离开", "拒绝", "非成员雇主"])
    measure = figure("funnel_hired")
    assert (measure.value, measure.numerator, measure.denominator) == (Decimal("50.0"), 2, 4)

    # 6 months: both hired still there, 2 / 2; 12 months: 留任 only, 1 / 2 = 50 %.
    assert _names(counted_list(client, "retained_6m")) == sorted(["留任", "离开"])
    assert _names(counted_list(client, "retained_12m")) == ["留任"]
    assert _names(counted_list(client, "retained_12m", part="denominator")) == sorted(
        ["留任", "离开"]
    )
    assert figure("retained_12m").value == Decimal("50.0")
    # 24 months: no follow-up yet, no figure, nothing listed.
    assert counted_list(client, "retained_24m").rows == []
    assert figure("retained_24m").value is None
    # 甲企业's own hires, whatever the school: 留任, 离开 and 丙校 (not followed up yet).
    enterprise = {"enterprise": orgs["甲企业"].pk}
    assert _names(counted_list(client, "retained_12m", **enterprise)) == ["留任"]
    population = counted_list(client, "retained_12m", part="denominator", **enterprise)
    assert _names(population) == sorted(["留任", "离开", "丙校"])


# --- co-developed materials -----------------------------------------------------------------------


def test_materials_list_this_years_materials_of_member_schools(client_for, secretariat_user, orgs):
    for title, school, kind, completed in [
        ("活页教材", orgs["甲"], MaterialKind.LOOSE_LEAF, dt.date(2025, 6, 30)),
        ("新工艺进课堂", orgs["甲"], MaterialKind.INNOVATION, dt.date(2025, 3, 1)),
        ("去年教材", orgs["甲"], MaterialKind.LOOSE_LEAF, dt.date(2024, 12, 31)),
        ("丙校新工艺", orgs["丙"], MaterialKind.INNOVATION, dt.date(2025, 3, 1)),
    ]:
        CoDevelopedMaterialFactory(title=title, school=school, kind=kind, completed_on=completed)
    client = client_for(secretariat_user)
    # 去年教材 was completed in 2024; 丙校新工艺's school withdrew in 2024.
    listed = counted_list(client, "materials_codeveloped")
    assert _names(listed) == sorted(["活页教材", "新工艺进课堂"])
    assert listed.total == figure("materials_codeveloped").numerator == 2
    # New practice brought into class: the materials of that kind only.
    listed = counted_list(client, "innovations_in_class", school=orgs["甲"].pk)
    assert _names(listed) == ["新工艺进课堂"]
    assert listed.total == figure("innovations_in_class").numerator == 1


# --- order classes: the five alignments, joint classes ------------------------------------------


def _order_class(name, school, enterprises, aligned, cohort=2024, graduation=2027):
    order_class = OrderClassFactory(
        name=name, school=school, cohort_year=cohort, graduation_year=graduation
    )
    order_class.enterprises.set(enterprises)
    for aspect in Aspect.values[:aligned]:
        OrderClassAlignmentFactory(
            order_class=order_class, aspect=aspect, status=AlignmentStatus.ALIGNED
        )
    return order_class


def test_order_classes_list_the_classes_counted(client_for, secretariat_user, orgs):
    both = [orgs["甲企业"], orgs["乙企业"]]
    _order_class("五融通班", orgs["甲"], [orgs["甲企业"]], aligned=5)
    _order_class("联合四项班", orgs["甲"], both, aligned=4)
    _order_class("已毕业班", orgs["甲"], both, aligned=5, cohort=2021, graduation=2024)
    _order_class("丙校联合班", orgs["丙"], both, aligned=5)
    client = client_for(secretariat_user)
    # Running in 2025 at a member school: 五融通班, 联合四项班 (已毕业班 graduated in 2024, 丙校
    # withdrew); all five aligned: 五融通班 → 1 / 2 = 50 %.
    assert _names(counted_list(client, "order_classes_aligned")) == ["五融通班"]
    population = counted_list(client, "order_classes_aligned", part="denominator")
    assert _names(population) == sorted(["五融通班", "联合四项班"])
    assert figure("order_classes_aligned").value == Decimal("50.0")
    # Joint: running, at a member school, for two enterprises or more.
    listed = counted_list(client, "joint_order_classes")
    assert listed.rows == [["甲职业学校", "联合四项班", "乙企业、甲企业"]]
    assert listed.total == figure("joint_order_classes").numerator == 1


# --- talent demand: rows counted for their headcount ---------------------------------------------


def test_talent_demand_lists_the_demands_with_their_headcounts(client_for, secretariat_user, orgs):
    TalentDemandFactory(enterprise=orgs["甲企业"], post="数控操作工", headcount=12)
    TalentDemandFactory(enterprise=orgs["乙企业"], post="挤压工", headcount=8)
    TalentDemandFactory(enterprise=orgs["甲企业"], post="去年岗位", headcount=5, survey_year=2024)
    TalentDemandFactory(enterprise=orgs["退出企业"], post="退出岗位", headcount=7)
    listed = counted_list(client_for(secretariat_user), "talent_demand")
    # The 2025 survey of members: 12 + 8 = 20 (去年岗位 is 2024's, 退出企业 withdrew in 2024).
    assert [(row[0], row[1], row[-1]) for row in listed.rows] == [
        ("乙企业", "挤压工", "8"),
        ("甲企业", "数控操作工", "12"),
    ]
    assert listed.total == figure("talent_demand").numerator == 20


# --- modern apprenticeship pilots ------------------------------------------------------------------


def test_pilot_apprentices_list_the_pilots_in_training(client_for, secretariat_user, orgs):
    pilot_class = PilotClassFactory(school=orgs["甲"], cohort_year=2024, graduation_year=2027)
    pilot_class.enterprises.set([orgs["甲企业"]])
    PilotApprenticeshipFactory(order_class=pilot_class, student__name="试点在训")
    PilotApprenticeshipFactory(
        order_class=pilot_class,
        student__name="试点已退出",
        status=ApprenticeshipStatus.WITHDRAWN,
        ended_on=dt.date(2024, 12, 1),
    )
    gone_class = PilotClassFactory(school=orgs["甲"], cohort_year=2024, graduation_year=2027)
    gone_class.enterprises.set([orgs["退出企业"]])
    PilotApprenticeshipFactory(order_class=gone_class, student__name="退出企业试点")
    ApprenticeshipFactory(
        enterprise=orgs["甲企业"], student__name="员工学徒", path=ApprenticeshipPath.EMPLOYEE
    )
    listed = counted_list(client_for(secretariat_user), "pilot_apprentices")
    # 试点已退出 withdrew in 2024, 退出企业 is no member, 员工学徒 is on the employee path.
    assert _names(listed) == ["试点在训"]
    measure = figure("pilot_apprentices")
    assert listed.total == measure.numerator == 1
    assert measure.extra["employees"] == 1  # 员工学徒


# --- internships: at the training bases, evaluated ------------------------------------------------


def test_internships_lists(client_for, secretariat_user, council_user, orgs):
    base = TrainingBaseFactory(enterprise=orgs["甲企业"])
    gone_base = TrainingBaseFactory(enterprise=orgs["退出企业"])
    for name, school, enterprise, at, start, end, evaluation in [
        ("基地实习", "甲", "甲企业", base, (2025, 3, 1), (2025, 6, 30), "good"),
        ("无基地实习", "甲", "甲企业", None, (2025, 3, 1), (2025, 5, 31), ""),
        ("跨年实习", "甲", "甲企业", base, (2025, 9, 1), (2026, 1, 31), ""),
        ("去年实习", "甲", "甲企业", base, (2024, 3, 1), (2024, 6, 30), "good"),
        ("退出企业基地", "甲", "退出企业", gone_base, (2025, 3, 1), (2025, 6, 30), "excellent"),
        ("丙校实习", "丙", "甲企业", None, (2025, 3, 1), (2025, 6, 30), "good"),
    ]:
        InternshipFactory(
            student=StudentFactory(school=orgs[school], name=name),
            enterprise=orgs[enterprise],
            training_base=at,
            start_date=dt.date(*start),
            end_date=dt.date(*end),
            evaluation=evaluation,
        )
    client = client_for(secretariat_user)
    # Running in 2025 at a base of a member enterprise: 基地实习, 跨年实习 (去年实习 ended in
    # 2024, 无基地实习 at no base, 退出企业基地's enterprise withdrew in 2024).
    listed = counted_list(client, "internships_at_bases")
    assert _names(listed) == sorted(["基地实习", "跨年实习"])
    assert listed.total == figure("internships_at_bases").numerator == 2
    # Ended in 2025, students of member schools: 基地实习, 无基地实习, 退出企业基地 (跨年实习 ends in
    # 2026, 丙校实习's school withdrew); evaluated: 基地实习, 退出企业基地 → 2 / 3 = 66.7 %.
    assert _names(counted_list(client, "internships_evaluated")) == sorted(
        ["基地实习", "退出企业基地"]
    )
    population = counted_list(client, "internships_evaluated", part="denominator")
    assert _names(population) == sorted(["基地实习", "无基地实习", "退出企业基地"])
    assert figure("internships_evaluated").value == Decimal("66.7")
    # The council reads the figures, never the students' names: the same rows, masked.
    masked = counted_list(client_for(council_user), "internships_at_bases")
    assert masked.masked and _names(masked) == [NAME_MASK, NAME_MASK]


# --- career mentors ---------------------------------------------------------------------------------


def test_mentor_classes_and_mentors_lists(client_for, secretariat_user, orgs):
    mentor = CareerMentorFactory(enterprise=orgs["甲企业"], person="甲导师")
    CareerMentorFactory(enterprise=orgs["甲企业"], person="闲导师")
    CareerMentorFactory(enterprise=orgs["甲企业"], person="离任导师", ended_on=dt.date(2024, 6, 30))
    gone = CareerMentorFactory(enterprise=orgs["退出企业"], person="退出导师")
    for title, by, kind, day in [
        ("职业规划课", mentor, OutreachKind.CAREER_CLASS, dt.date(2025, 4, 1)),
        ("企业讲座", mentor, OutreachKind.EXPERT_LECTURE, dt.date(2025, 5, 1)),
        ("去年的课", mentor, OutreachKind.CAREER_CLASS, dt.date(2024, 11, 1)),
        ("退出企业的课", gone, OutreachKind.CAREER_CLASS, dt.date(2025, 4, 1)),
    ]:
        OutreachEventFactory(title=title, mentor=by, kind=kind, date=day, school=orgs["甲"])
    client = client_for(secretariat_user)
    # Given in 2025 by mentors of members: 职业规划课, 企业讲座 (去年的课 is 2024's).
    listed = counted_list(client, "mentor_class_frequency")
    assert _names(listed) == sorted(["职业规划课", "企业讲座"])
    # Serving in 2025 at members: 甲导师, 闲导师 (离任导师 left in 2024) → 2 / 2 = 1.00.
    mentors = counted_list(client, "mentor_class_frequency", part="denominator")
    assert _names(mentors) == sorted(["甲导师", "闲导师"])
    measure = figure("mentor_class_frequency")
    assert (measure.value, listed.total, mentors.total) == (Decimal("1.00"), 2, 2)
    one = counted_list(client, "mentor_class_frequency", enterprise=orgs["乙企业"].pk)
    assert one.rows == []  # 乙企业 has no mentor


# --- preferential measures ------------------------------------------------------------------------


def test_preference_coverage_lists_the_enterprises(client_for, secretariat_user, orgs):
    PreferentialMeasureFactory(enterprise=orgs["甲企业"])
    PreferentialMeasureFactory(enterprise=orgs["乙企业"], until=dt.date(2024, 12, 31))
    PreferentialMeasureFactory(enterprise=orgs["退出企业"])
    client = client_for(secretariat_user)
    # In force in 2025: 甲企业's (乙企业's ended in 2024; 退出企业 is no member) → 1 / 2 = 50 %.
    assert counted_list(client, "preference_coverage").rows == [["甲企业"]]
    population = counted_list(client, "preference_coverage", part="denominator")
    assert population.rows == [["乙企业"], ["甲企业"]]
    assert figure("preference_coverage").value == Decimal("50.0")


# --- the local-talent archive's follow-ups -------------------------------------------------------


def _local(school, name, graduation=2024, location=EmployerLocation.COUNTY):
    return GraduatePlacementFactory(
        student=StudentFactory(school=school, name=name),
        graduation_year=graduation,
        employer_location=location,
    )


def test_followups_list_the_graduates_followed(client_for, secretariat_user, orgs):
    followed = _local(orgs["甲"], "已跟踪")
    RetentionFollowUpFactory(placement=followed, contacted_on=dt.date(2025, 10, 15))
    missed = _local(orgs["甲"], "未跟踪")
    RetentionFollowUpFactory(placement=missed, contacted_on=dt.date(2024, 10, 15))
    left = _local(orgs["甲"], "已离开", graduation=2023)
    RetentionFollowUpFactory(
        placement=left, contacted_on=dt.date(2024, 10, 15), still_employed=False
    )
    _local(orgs["甲"], "外地", location=EmployerLocation.CITY)
    _local(orgs["甲"], "明年毕业", graduation=2026)
    RetentionFollowUpFactory(
        placement=_local(orgs["丙"], "丙校"), contacted_on=dt.date(2025, 10, 15)
    )
    client = client_for(secretariat_user)
    # Followed by the archive in 2025: 已跟踪, 未跟踪 (已离开 left in 2024, 外地 works outside the
    # county, 明年毕业 graduates in 2026, 丙校 withdrew); followed up in 2025: 已跟踪 → 50 %.
    assert _names(counted_list(client, "followup_rate")) == ["已跟踪"]
    population = counted_list(client, "followup_rate", part="denominator")
    assert _names(population) == sorted(["已跟踪", "未跟踪"])
    assert figure("followup_rate", Scope(SCHOOL, orgs["甲"].pk)).value == Decimal("50.0")


def test_a_listing_costs_the_same_queries_however_long(
    client_for, secretariat_user, orgs, django_assert_max_num_queries
):
    client = client_for(secretariat_user)
    base = TrainingBaseFactory(enterprise=orgs["甲企业"])

    def intern():
        InternshipFactory(
            student=StudentFactory(school=orgs["甲"]),
            enterprise=orgs["甲企业"],
            training_base=base,
            start_date=dt.date(2025, 3, 1),
            end_date=dt.date(2025, 6, 30),
        )

    intern()
    # session, user; the year's targets; member enterprises, active bases, internships by base;
    # the internships described; the readable ones
    with django_assert_max_num_queries(10):
        counted_list(client, "internships_at_bases")
    for _ in range(20):
        intern()
    with django_assert_max_num_queries(10):
        listed = counted_list(client, "internships_at_bases")
    assert listed.total == 21
