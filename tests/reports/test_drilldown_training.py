"""The drill-downs of the training app's register figures (majors, co-built institutions,
projects, patents, dual-qualified teachers, stations and practice places, two-way appointments,
bases, training by audience, external exchanges, quality surveys) list exactly the records
counted (issue 11, item 5), on a small alliance whose lists were worked out by hand.

Every expected list below is written by hand from the records created here, with the reason each
record is in or out; each list also has to add up to the figure the indicator shows.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from reports.indicators import ENTERPRISE, SCHOOL, Scope
from reports.listings import NAME_MASK
from tests.members.factories import EnterpriseFactory, MajorFactory, SchoolFactory
from tests.reports.drilldowns import WITHDRAWN_2024, counted_list, figure
from tests.training.factories import (
    CoBuiltInstitutionFactory,
    CraftsmanFactory,
    PartnerExchangeFactory,
    PartnerInstitutionFactory,
    PatentFactory,
    QualityEvaluationSurveyFactory,
    SecondmentFactory,
    ServiceProjectFactory,
    StationPostFactory,
    TeacherFactory,
    TeacherStationFactory,
    TrainingBaseFactory,
    TrainingProgrammeFactory,
    TwoWayAppointmentFactory,
)
from training.models import SecondmentStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance():
    """Member schools 甲 and 乙, school 丙 that withdrew in 2024; member enterprises 甲企业 and
    乙企业, 退出企业 that withdrew in 2024."""
    school_a = SchoolFactory(name="甲职业学校")
    school_b = SchoolFactory(name="乙职业学校")
    school_gone = SchoolFactory(name="丙职业学校", **WITHDRAWN_2024)
    ent_a = EnterpriseFactory(name="甲企业")
    ent_b = EnterpriseFactory(name="乙企业")
    ent_gone = EnterpriseFactory(name="退出企业", **WITHDRAWN_2024)

    # --- majors (today's catalogue)
    MajorFactory(school=school_a, name="数控技术应用", school_lead="王老师", enterprise_lead="李工")
    MajorFactory(school=school_a, name="机电技术应用").enterprises.set([ent_a])
    MajorFactory(school=school_a, name="停招专业", active=False).enterprises.set([ent_a])
    both = MajorFactory(
        school=school_b, name="汽车运用与维修", school_lead="赵老师", enterprise_lead="钱工"
    )
    both.enterprises.set([ent_a, ent_b])
    MajorFactory(school=school_gone, name="丙校专业", school_lead="孙", enterprise_lead="周")

    # --- co-built institutions
    CoBuiltInstitutionFactory(school=school_a, name="铝型材产业学院", enterprises=[ent_a])
    CoBuiltInstitutionFactory(
        school=school_b, name="乙校创新工坊", kind="innovation_workshop", enterprises=[ent_b]
    )
    CoBuiltInstitutionFactory(school=school_a, name="已撤销学院", closed_on=dt.date(2024, 12, 1))
    CoBuiltInstitutionFactory(school=school_a, name="明年学院", founded_on=dt.date(2026, 2, 1))

    # --- service and research projects
    ServiceProjectFactory(school=school_a, title="模具服务", enterprises=[ent_a, ent_b])
    ServiceProjectFactory(
        school=school_a, title="去年项目", start_on=dt.date(2023, 3, 1), end_on=dt.date(2024, 6, 1)
    )
    ServiceProjectFactory(school=school_b, title="乙校课题", kind="research_topic")
    ServiceProjectFactory(school=school_gone, title="丙校项目", enterprises=[ent_a])

    # --- patents
    for title, school, status, granted_on in [
        ("授权专利", school_a, "granted", dt.date(2025, 5, 1)),
        ("转让专利", school_b, "transferred", dt.date(2025, 2, 1)),
        ("去年授权", school_a, "granted", dt.date(2024, 11, 1)),
        ("失效专利", school_a, "lapsed", dt.date(2025, 6, 1)),
        ("申请中", school_a, "filed", None),
        ("丙校专利", school_gone, "granted", dt.date(2025, 5, 1)),
    ]:
        PatentFactory(
            school=school,
            title=title,
            status=status,
            filed_on=dt.date(2024, 3, 1),
            granted_on=granted_on,
        )

    # --- teachers
    TeacherFactory(school=school_a, name="双师甲", is_dual_qualified=True)
    TeacherFactory(school=school_a, name="专业甲")
    TeacherFactory(school=school_a, name="文化课甲", is_professional=False, is_dual_qualified=True)
    TeacherFactory(school=school_b, name="双师乙", is_dual_qualified=True)
    TeacherFactory(school=school_gone, name="双师丙", is_dual_qualified=True)

    # --- teacher stations: places offered in 2025, teachers seconded to them
    full = TeacherStationFactory(enterprise=ent_a, name="满员站")
    StationPostFactory(station=full, places=2)
    for name in ("站一", "站二", "站三"):  # three teachers on two places: 2 count
        SecondmentFactory(
            teacher=TeacherFactory(school=school_a, name=name), enterprise=ent_a, station=full
        )
    half = TeacherStationFactory(enterprise=ent_a, name="半满站")
    StationPostFactory(station=half, places=3)
    SecondmentFactory(
        teacher=TeacherFactory(school=school_a, name="站四"), enterprise=ent_a, station=half
    )
    SecondmentFactory(  # planned: fills nothing
        teacher=TeacherFactory(school=school_a, name="站五"),
        enterprise=ent_a,
        station=half,
        status=SecondmentStatus.PLANNED,
    )
    empty = TeacherStationFactory(enterprise=ent_b, name="无岗站")
    StationPostFactory(station=empty, year=2024, places=5)  # last year's posts only
    TeacherStationFactory(enterprise=ent_a, name="关闭站", closed_on=dt.date(2024, 6, 1))
    StationPostFactory(station=TeacherStationFactory(enterprise=ent_gone, name="退出站"))

    # --- two-way appointments
    TwoWayAppointmentFactory(
        school=school_a, craftsman=CraftsmanFactory(enterprise=ent_a, name="导师甲")
    )
    TwoWayAppointmentFactory(
        direction="teacher_at_enterprise",
        school=school_b,
        craftsman=None,
        teacher=TeacherFactory(school=school_b, name="顾问乙"),
        enterprise=ent_a,
        position="技术顾问",
    )
    TwoWayAppointmentFactory(
        school=school_a,
        craftsman=CraftsmanFactory(enterprise=ent_b, name="过期导师"),
        start_on=dt.date(2022, 9, 1),
        end_on=dt.date(2024, 8, 31),
    )

    # --- training bases
    TrainingBaseFactory(enterprise=ent_a, name="有师傅基地", masters_count=3)
    TrainingBaseFactory(enterprise=ent_a, name="无师傅基地", masters_count=0)
    TrainingBaseFactory(enterprise=ent_b, name="乙基地", masters_count=1)
    TrainingBaseFactory(enterprise=ent_a, name="关闭基地", closed_on=dt.date(2024, 5, 1))
    TrainingBaseFactory(enterprise=ent_gone, name="退出基地", masters_count=2)

    # --- training programmes by audience
    for title, school, audience, participants, start in [
        ("员工培训甲", school_a, "employees", 60, dt.date(2025, 3, 1)),
        ("社会培训甲", school_a, "public", 40, dt.date(2025, 4, 1)),
        ("员工培训乙", school_b, "employees", 25, dt.date(2025, 9, 1)),
        ("去年员工培训", school_a, "employees", 99, dt.date(2024, 12, 1)),
        ("丙校员工培训", school_gone, "employees", 70, dt.date(2025, 3, 1)),
    ]:
        TrainingProgrammeFactory(
            school=school,
            title=title,
            audience=audience,
            participants=participants,
            start_on=start,
            end_on=start + dt.timedelta(days=10),
        )

    # --- external exchanges
    partner_a = PartnerInstitutionFactory(school=school_a, name="苏州学校")
    PartnerExchangeFactory(partner=partner_a, title="课程研讨")
    PartnerExchangeFactory(partner=partner_a, title="师资培训", area="teacher_training")
    PartnerExchangeFactory(partner=partner_a, title="去年交流", date=dt.date(2024, 10, 1))
    PartnerExchangeFactory(partner=PartnerInstitutionFactory(school=school_gone), title="丙校交流")

    # --- quality surveys: counted once the report is uploaded
    for title, school, reported in [
        ("甲校调研", school_a, True),
        ("甲校未完成调研", school_a, False),
        ("丙校调研", school_gone, True),
    ]:
        survey = QualityEvaluationSurveyFactory(school=school, title=title, enterprises=[ent_a])
        if reported:
            survey.report_file.save("调研报告.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"甲": school_a, "乙": school_b, "甲企业": ent_a, "乙企业": ent_b}


def _column(listed, index: int) -> list[str]:
    return sorted(row[index] for row in listed.rows)


def test_majors_list_the_enrolling_majors_of_member_schools(client_for, secretariat_user, alliance):
    client = client_for(secretariat_user)
    # Enrolling majors of 甲 and 乙: 数控技术应用, 机电技术应用, 汽车运用与维修 (停招专业 no longer
    # enrols, 丙校专业's school withdrew in 2024).
    denominator = counted_list(client, "majors_with_partner", part="denominator")
    assert _column(denominator, 1) == sorted(["数控技术应用", "机电技术应用", "汽车运用与维修"])
    # with a partner: 机电技术应用 (甲企业), 汽车运用与维修 (甲企业, 乙企业) → 2 / 3 = 66.7 %
    listed = counted_list(client, "majors_with_partner")
    assert sorted(listed.rows) == [
        ["乙职业学校", "汽车运用与维修", "乙企业、甲企业"],
        ["甲职业学校", "机电技术应用", "甲企业"],
    ]
    measure = figure("majors_with_partner")
    assert (listed.total, denominator.total) == (measure.numerator, measure.denominator) == (2, 3)
    # both leads: 数控技术应用, 汽车运用与维修
    listed = counted_list(client, "majors_with_both_leads")
    assert _column(listed, 1) == sorted(["数控技术应用", "汽车运用与维修"])
    assert listed.total == figure("majors_with_both_leads").numerator == 2
    # school 甲 alone: 机电技术应用 of its two
    listed = counted_list(client, "majors_with_partner", school=alliance["甲"].pk)
    assert _column(listed, 1) == ["机电技术应用"]


def test_institutions_projects_and_patents(client_for, secretariat_user, alliance):
    client = client_for(secretariat_user)
    # open in 2025: 铝型材产业学院, 乙校创新工坊 (已撤销学院 closed in 2024, 明年学院 opens in 2026)
    listed = counted_list(client, "co_built_institutions")
    assert _column(listed, 1) == sorted(["铝型材产业学院", "乙校创新工坊"])
    assert listed.total == figure("co_built_institutions").numerator == 2
    listed = counted_list(client, "co_built_institutions", enterprise=alliance["乙企业"].pk)
    assert _column(listed, 1) == ["乙校创新工坊"]
    # running in 2025 at member schools: 模具服务, 乙校课题 (去年项目 ended in 2024, 丙校项目's
    # school withdrew)
    listed = counted_list(client, "service_projects")
    assert _column(listed, 1) == sorted(["模具服务", "乙校课题"])
    assert listed.total == figure("service_projects").numerator == 2
    # 甲企业's own projects: 模具服务 and 丙校项目 (its work counts for it whichever school it
    # was with); 去年项目 ended in 2024
    listed = counted_list(client, "service_projects", enterprise=alliance["甲企业"].pk)
    assert _column(listed, 1) == sorted(["模具服务", "丙校项目"])
    assert (
        listed.total == figure("service_projects", Scope(ENTERPRISE, alliance["甲企业"].pk)).value
    )
    # granted in 2025 and still granted: 授权专利, 转让专利 (去年授权 in 2024, 失效专利 lapsed,
    # 申请中 only filed, 丙校专利's school withdrew)
    listed = counted_list(client, "patents_granted")
    assert _column(listed, 1) == sorted(["授权专利", "转让专利"])
    assert listed.total == figure("patents_granted").numerator == 2


def test_dual_qualified_teachers_named_to_register_readers_only(
    client_for, secretariat_user, council_user, alliance
):
    client = client_for(secretariat_user)
    school = {"school": alliance["甲"].pk}
    # 甲's professional teachers: 双师甲, 专业甲 and the five seconded to stations (文化课甲 is no
    # professional teacher); dual-qualified: 双师甲 → 1 / 7 = 14.3 %
    listed = counted_list(client, "dual_qualified_share", **school)
    assert listed.rows == [["甲职业学校", "双师甲", "机电系"]]
    denominator = counted_list(client, "dual_qualified_share", part="denominator", **school)
    assert _column(denominator, 1) == sorted(
        ["双师甲", "专业甲", "站一", "站二", "站三", "站四", "站五"]
    )
    measure = figure("dual_qualified_share", Scope(SCHOOL, alliance["甲"].pk))
    assert (listed.total, denominator.total) == (measure.numerator, measure.denominator) == (1, 7)
    # alliance: 双师甲, 双师乙 (双师丙's school withdrew); the council never reads names
    listed = counted_list(client_for(council_user), "dual_qualified_share")
    assert listed.masked and listed.rows == [
        ["乙职业学校", NAME_MASK, "机电系"],
        ["甲职业学校", NAME_MASK, "机电系"],
    ]


def test_stations_and_practice_places(client_for, secretariat_user, alliance):
    client = client_for(secretariat_user)
    # open stations of member enterprises: 满员站, 半满站, 无岗站 (关闭站 closed in 2024, 退出站's
    # enterprise withdrew); offering posts in 2025: 满员站, 半满站 → 2 / 3
    listed = counted_list(client, "stations_offering_posts")
    assert listed.rows == [["甲企业", "半满站", "3"], ["甲企业", "满员站", "2"]]
    denominator = counted_list(client, "stations_offering_posts", part="denominator")
    assert _column(denominator, 1) == sorted(["满员站", "半满站", "无岗站"])
    measure = figure("stations_offering_posts")
    assert (listed.total, denominator.total) == (measure.numerator, measure.denominator) == (2, 3)
    # places filled: 满员站 min(3 teachers, 2 places) = 2, 半满站 1 (站五 only planned) → 3;
    # offered 2 + 3 = 5 → 60 %
    listed = counted_list(client, "practice_posts_filled")
    assert listed.rows == [["甲企业", "半满站", "1"], ["甲企业", "满员站", "2"]]
    denominator = counted_list(client, "practice_posts_filled", part="denominator")
    assert denominator.rows == [["甲企业", "半满站", "3"], ["甲企业", "满员站", "2"]]
    measure = figure("practice_posts_filled")
    assert (listed.total, denominator.total) == (measure.numerator, measure.denominator) == (3, 5)
    assert measure.value == 60


def test_two_way_appointments(client_for, secretariat_user, council_user, alliance):
    # running in 2025: 导师甲 at 甲, 顾问乙 at 甲企业 (过期导师's term ended in 2024)
    listed = counted_list(client_for(secretariat_user), "two_way_appointments")
    assert listed.rows == [
        ["乙职业学校", "甲企业", "顾问乙", "技术顾问"],
        ["甲职业学校", "甲企业", "导师甲", "产业导师"],
    ]
    assert listed.total == figure("two_way_appointments").numerator == 2
    listed = counted_list(
        client_for(secretariat_user), "two_way_appointments", school=alliance["乙"].pk
    )
    assert _column(listed, 2) == ["顾问乙"]
    # The council reads no personal data: the same rows, the people masked.
    listed = counted_list(client_for(council_user), "two_way_appointments")
    assert listed.masked and _column(listed, 2) == [NAME_MASK, NAME_MASK]


def test_bases_with_masters(client_for, secretariat_user, alliance):
    client = client_for(secretariat_user)
    # open bases of member enterprises: 有师傅基地, 无师傅基地, 乙基地 (关闭基地 closed in 2024,
    # 退出基地's enterprise withdrew); with a master: 有师傅基地, 乙基地 → 2 / 3
    listed = counted_list(client, "bases_with_masters")
    assert listed.rows == [["乙企业", "乙基地", "1"], ["甲企业", "有师傅基地", "3"]]
    denominator = counted_list(client, "bases_with_masters", part="denominator")
    assert _column(denominator, 1) == sorted(["有师傅基地", "无师傅基地", "乙基地"])
    measure = figure("bases_with_masters")
    assert (listed.total, denominator.total) == (measure.numerator, measure.denominator) == (2, 3)


def test_training_by_audience_lists_the_programmes_with_their_participants(
    client_for, secretariat_user, alliance
):
    client = client_for(secretariat_user)
    # employees: 员工培训甲 60 + 员工培训乙 25 = 85 (去年员工培训 started in 2024, 丙校员工培训's
    # school withdrew); the public: 社会培训甲 40
    listed = counted_list(client, "training_employees")
    assert [row[1] for row in listed.rows] == ["员工培训乙", "员工培训甲"]
    assert listed.total == figure("training_employees").numerator == 85
    listed = counted_list(client, "training_public")
    assert [row[1] for row in listed.rows] == ["社会培训甲"]
    assert listed.total == figure("training_public").numerator == 40


def test_exchanges_and_quality_surveys(client_for, secretariat_user, alliance):
    client = client_for(secretariat_user)
    # 2025 exchanges of member schools: 课程研讨, 师资培训 (去年交流 in 2024, 丙校交流's school
    # withdrew)
    listed = counted_list(client, "external_exchanges")
    assert _column(listed, 1) == sorted(["课程研讨", "师资培训"])
    assert {row[2] for row in listed.rows} == {"苏州学校"}
    assert listed.total == figure("external_exchanges").numerator == 2
    # with a report: 甲校调研 (甲校未完成调研 has none, 丙校调研's school withdrew)
    listed = counted_list(client, "quality_surveys")
    assert listed.rows == [["甲职业学校", "甲校调研", "2025-04-18"]]
    assert listed.total == figure("quality_surveys").numerator == 1


def test_a_station_list_costs_the_same_queries_however_long(
    client_for, secretariat_user, alliance, django_assert_max_num_queries
):
    client = client_for(secretariat_user)
    # session, user; the year's targets; member enterprises and the stations' posts, filled
    # places and stations, for the figure and again for the rows
    with django_assert_max_num_queries(12):
        counted_list(client, "practice_posts_filled")
    for _ in range(20):
        StationPostFactory(station=TeacherStationFactory(enterprise=alliance["甲企业"]))
    with django_assert_max_num_queries(12):
        listed = counted_list(client, "practice_posts_filled", part="denominator")
    assert len(listed.rows) > 20
