"""The governance figures (issue 14, items 1–4) reach ``kpi`` and the annual report's chapter."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from reports.document import build_html
from tests.members.factories import (
    AllianceOfficeFactory,
    CouncilMeetingFactory,
    CouncilSeatFactory,
    EnterpriseFactory,
    ExpertConsultationFactory,
    ExpertMemberFactory,
    GovernmentFactory,
    OfficeBudgetFactory,
    OfficeStaffFactory,
    PolicyDocumentFactory,
    SchoolFactory,
    WorkPlanFactory,
    WorkTaskFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def governance_2025():
    meeting = CouncilMeetingFactory(date=dt.date(2025, 6, 26))
    PolicyDocumentFactory(title="临朐县产教融合发展联盟章程", effective_on=dt.date(2024, 7, 1))
    PolicyDocumentFactory(
        kind="teacher_practice",
        title="专业教师企业实践锻炼管理办法",
        adopted_at=meeting,
        effective_on=dt.date(2025, 7, 1),
    )
    office = AllianceOfficeFactory(name="联盟办公室", venue="县企业发展促进会三楼")
    OfficeBudgetFactory(office=office, year=2025, amount=220000, source="县财政专项经费")
    OfficeBudgetFactory(office=office, year=2025, amount=66000, source="会员单位会费")
    bureau = GovernmentFactory(name="临朐县教育和体育局")
    OfficeStaffFactory(office=office, person="张丽", organization=bureau)
    expert = ExpertMemberFactory(person="吴维光")
    ExpertConsultationFactory(question="实训基地建设标准", experts=[expert], outcome="adopted")
    ExpertConsultationFactory(experts=[expert], outcome="not_adopted")
    plan = WorkPlanFactory(year=2025, title="2025年工作计划")
    WorkTaskFactory(
        plan=plan,
        owner=bureau,
        title="统筹教师企业实践",
        status="done",
        done_on=dt.date(2025, 12, 1),
    )
    WorkTaskFactory(plan=plan, owner=bureau, title="建成企业文化长廊", status="in_progress")
    CouncilSeatFactory(organization=EnterpriseFactory())
    CouncilSeatFactory(organization=SchoolFactory())


def test_kpi_prints_the_governance_figures(governance_2025):
    out = io.StringIO()
    call_command("kpi", "--year", "2025", "--format", "json", stdout=out)
    rows = {row["code"]: row for row in json.loads(out.getvalue())["indicators"]}
    # documents in force at the end of 2025: both (from 2024-07-01 and 2025-07-01)
    assert rows["documents_in_force"]["value"] == 2
    # 2 consultations, 1 adopted of 2 decided: 50.0 %
    assert rows["consultations_held"]["value"] == 2
    assert rows["consultation_adoption"]["value_text"] == "50%"
    # 1 of 2 tasks done, and on time: 50.0 % both ways
    assert rows["work_plan_completion"]["value_text"] == "50%"
    assert rows["work_plan_on_time_rate"]["value_text"] == "50%"
    # 220 000 + 66 000 = 286 000 yuan
    assert rows["office_budget"]["value"] == 286000
    # enterprise and school seats: both (met); government, research, association: none of 3
    assert (rows["council_dual_subjects"]["value"], rows["council_dual_subjects"]["met"]) == (
        2,
        True,
    )
    assert rows["council_participants"]["met"] is False
    assert rows["council_participants"]["extra"]["missing"] == [
        "government",
        "research",
        "association",
    ]


def test_the_report_has_a_governance_chapter(governance_2025):
    html = build_html(2025).html
    chapter = html.split('id="governance"')[1].split("</section>")[0]
    assert "组织保障：制度、办公室、专家咨询与工作计划" in chapter
    for text in (
        "临朐县产教融合发展联盟章程",
        "专业教师企业实践锻炼管理办法",
        "县企业发展促进会三楼",
        "286,000",
        "张丽",
        "临朐县教育和体育局",
        "实训基地建设标准",
        "统筹教师企业实践",
        "建成企业文化长廊",
        "50%",
    ):
        assert text in chapter, text
