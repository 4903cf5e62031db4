"""The governance figures' drill-downs list exactly what they counted (issue 11, item 5), on a
small alliance whose lists were worked out by hand: assessments, support granted, media reports,
model cases, the council's composition, rules and documents, expert advice, the work plan and
the office budget.

Each expected list is written by hand from the records created here, with the reason each record
is in or out; each list also has to add up to the figure the indicator shows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from members.models import OrganizationStatus
from reports.indicators import ENTERPRISE, SCHOOL, Scope
from reports.listings import NAME_MASK
from tests.members.factories import (
    CouncilSeatFactory,
    EnterpriseFactory,
    ExpertConsultationFactory,
    GovernmentFactory,
    MediaReportFactory,
    ModelCaseFactory,
    OfficeBudgetFactory,
    OrganizationFactory,
    PolicyDocumentFactory,
    SchoolFactory,
    UserFactory,
    WorkPlanFactory,
    WorkTaskFactory,
)
from tests.reports.drilldowns import YEAR, counted_list, figure
from tests.reports.factories import AssessmentFactory, IncentiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance():
    """Member school 甲 and enterprises 甲, 乙; 退出企业 withdrew in June 2024."""
    school = SchoolFactory(name="甲职业学校")
    ent_a = EnterpriseFactory(name="甲企业")
    ent_b = EnterpriseFactory(name="乙企业", joined_on=dt.date(2025, 3, 1))
    ent_gone = EnterpriseFactory(
        name="退出企业",
        joined_on=dt.date(2023, 12, 8),
        left_on=dt.date(2024, 6, 30),
        status=OrganizationStatus.WITHDRAWN,
    )
    return {"甲": school, "甲企业": ent_a, "乙企业": ent_b, "退出企业": ent_gone}


def _list(client, code: str, part: str = "", **scope):
    listed = counted_list(client, code, part, **scope)
    return listed.rows, listed


def _column(rows, index: int) -> list[str]:
    return sorted(row[index] for row in rows)


def test_assessment_lists_the_graded_members(client_for, secretariat_user, alliance):
    AssessmentFactory(organization=alliance["甲"], status="approved", grade="pass")
    AssessmentFactory(organization=alliance["甲企业"], status="published", grade="excellent")
    AssessmentFactory(organization=alliance["乙企业"], status="scoring")  # not approved yet
    AssessmentFactory(organization=alliance["退出企业"], status="approved", grade="pass")
    AssessmentFactory(organization=alliance["乙企业"], year=2024, status="approved", grade="pass")
    client = client_for(secretariat_user)
    rows, listed = _list(client, "assessment_coverage")
    # 甲 and 甲企业; not 乙企业 (still being scored in 2025, its 2024 grade is another year's),
    # nor 退出企业 (no member in 2025)
    assert _column(rows, 0) == sorted(["甲职业学校", "甲企业"])
    rows, base = _list(client, "assessment_coverage", part="denominator")
    assert _column(rows, 0) == sorted(["甲职业学校", "甲企业", "乙企业"])
    measure = figure("assessment_coverage")
    # 2 / 3 = 66.7 %
    assert (measure.value, listed.total, base.total) == (Decimal("66.7"), 2, 3)


def test_support_lists_the_grants(client_for, secretariat_user, alliance):
    IncentiveFactory(recipient=alliance["甲企业"], kind="equipment", amount=Decimal("100000"))
    IncentiveFactory(recipient=alliance["甲企业"], kind="base", amount=Decimal("50000"))
    IncentiveFactory(recipient=alliance["甲"], kind="other", amount=Decimal("30000"))
    IncentiveFactory(recipient=alliance["退出企业"], amount=Decimal("20000"))
    IncentiveFactory(recipient=alliance["甲企业"], granted_on=dt.date(2024, 12, 31))
    client = client_for(secretariat_user)
    rows, listed = _list(client, "incentive_amount")
    # The alliance figure sums every grant of 2025, a former member's included:
    # 100 000 + 50 000 + 30 000 + 20 000 = 200 000 yuan in 4 grants; the 2024 grant is out.
    assert _column(rows, 0) == sorted(["甲企业", "甲企业", "甲职业学校", "退出企业"])
    measure = figure("incentive_amount")
    assert (measure.value, measure.numerator, listed.total) == (Decimal("200000.00"), 4, 4)
    assert sum(Decimal(row[3].replace(",", "")) for row in rows) == measure.value
    # 甲企业: equipment 100 000 + base 50 000 = 150 000 in 2 grants
    rows, listed = _list(client, "incentive_amount", enterprise=alliance["甲企业"].pk)
    assert [row[2] for row in rows] == ["2025-06-01", "2025-06-01"] and listed.total == 2
    assert figure("incentive_amount", Scope(ENTERPRISE, alliance["甲企业"].pk)).value == 150000
    rows, _listed = _list(client, "incentive_amount", school=alliance["甲"].pk)
    assert len(rows) == 1 and rows[0][0] == "甲职业学校"
    assert figure("incentive_amount", Scope(SCHOOL, alliance["甲"].pk)).value == 30000


def test_media_and_model_cases_list_the_published_ones(client_for, secretariat_user, alliance):
    MediaReportFactory(title="春季报道", published_on=dt.date(2025, 3, 1))
    MediaReportFactory(title="秋季报道", kind="online", published_on=dt.date(2025, 10, 1))
    MediaReportFactory(title="去年报道", published_on=dt.date(2024, 12, 31))
    for title, person, kind, year, status in [
        ("技术能手", "王师傅", "person", YEAR, "published"),
        ("共建实训基地", "", "case", YEAR, "published"),
        ("已批准未发布", "", "case", YEAR, "approved"),
        ("未入选", "", "case", YEAR, "declined"),
        ("去年案例", "", "case", 2024, "published"),
    ]:
        ModelCaseFactory(
            title=title,
            person=person,
            kind=kind,
            year=year,
            status=status,
            organization=alliance["甲企业"],
        )
    client = client_for(secretariat_user)
    rows, listed = _list(client, "media_reports")
    # 2025 only: 去年报道 is 2024's
    assert [row[:2] for row in rows] == [["2025-03-01", "春季报道"], ["2025-10-01", "秋季报道"]]
    assert listed.total == figure("media_reports").numerator == 2
    rows, listed = _list(client, "model_cases_published")
    # published in 2025 only: not the approved, the declined, nor 2024's case
    assert _column(rows, 1) == sorted(["王师傅 · 技术能手", "共建实训基地"])
    assert listed.total == figure("model_cases_published").numerator == 2


def test_council_composition_lists_the_kinds_holding_seats(client_for, council_user, alliance):
    CouncilSeatFactory(organization=alliance["甲企业"])
    CouncilSeatFactory(organization=alliance["乙企业"])
    CouncilSeatFactory(organization=OrganizationFactory(kind="association", name="促进会"))
    # a government seat whose term ended in 2024 holds no seat in 2025
    CouncilSeatFactory(organization=GovernmentFactory(), term_end=dt.date(2024, 12, 31))
    client = client_for(council_user)
    # enterprise (2 seats) yes, school no: 1 of 2
    rows, listed = _list(client, "council_dual_subjects")
    assert rows == [["企业", "2"]] and listed.total == figure("council_dual_subjects").numerator
    rows, base = _list(client, "council_dual_subjects", part="denominator")
    assert sorted(rows) == [["企业", "2"], ["学校", "0"]] and base.total == 2
    # association yes; government (term ended) and research no: 1 of 3
    rows, listed = _list(client, "council_participants")
    assert rows == [["商协会", "1"]] and listed.total == 1
    rows, base = _list(client, "council_participants", part="denominator")
    assert _column(rows, 0) == sorted(["商协会", "政府部门", "科研机构"]) and base.total == 3


def test_documents_list_those_in_force_at_the_end_of_the_year(client_for, council_user):
    PolicyDocumentFactory(title="联盟章程", kind="charter", effective_on=dt.date(2024, 7, 1))
    PolicyDocumentFactory(title="管理办法", kind="management", effective_on=dt.date(2025, 3, 1))
    PolicyDocumentFactory(
        title="旧管理办法",
        kind="management",
        effective_on=dt.date(2024, 1, 1),
        ended_on=dt.date(2025, 3, 1),
        status="replaced",
    )
    PolicyDocumentFactory(title="明年办法", kind="other", effective_on=dt.date(2026, 1, 1))
    client = client_for(council_user)
    rows, listed = _list(client, "documents_in_force")
    # 旧管理办法 ended in March, 明年办法 takes effect in 2026
    assert _column(rows, 1) == sorted(["联盟章程 (1.0)", "管理办法 (1.0)"])
    assert listed.total == figure("documents_in_force").numerator == 2
    # Required kinds with a document in force: charter, management rules → 2 of the 7 kinds
    rows, listed = _list(client, "required_documents")
    assert sorted(rows) == [["章程", "1"], ["管理制度", "1"]] and listed.total == 2
    rows, base = _list(client, "required_documents", part="denominator")
    measure = figure("required_documents")
    assert (base.total, measure.denominator, measure.value) == (7, 7, Decimal("28.6"))  # 2 / 7


def test_expert_advice_lists_the_consultations(client_for, council_user, school_user):
    for question, outcome, day in [
        ("采纳的问题", "adopted", dt.date(2025, 3, 1)),
        ("未采纳的问题", "not_adopted", dt.date(2025, 5, 1)),
        ("待定的问题", "pending", dt.date(2025, 9, 1)),
        ("去年的问题", "adopted", dt.date(2024, 9, 1)),
    ]:
        ExpertConsultationFactory(question=question, outcome=outcome, date=day)
    client = client_for(council_user)
    rows, listed = _list(client, "consultations_held")
    # 2025: three questions; 去年的问题 is 2024's
    assert _column(rows, 1) == sorted(["采纳的问题", "未采纳的问题", "待定的问题"])
    assert listed.total == figure("consultations_held").numerator == 3
    # adopted ÷ decided: 1 / 2 = 50 % (the pending advice is not judged yet)
    rows, _listed = _list(client, "consultation_adoption")
    assert rows == [["2025-03-01", "采纳的问题", "已采纳"]]
    rows, _listed = _list(client, "consultation_adoption", part="denominator")
    assert _column(rows, 1) == sorted(["采纳的问题", "未采纳的问题"])
    assert figure("consultation_adoption").value == 50
    # The questions are the council's business: a coordinator gets the rows, not the text.
    rows, listed = _list(client_for(school_user), "consultations_held")
    assert len(rows) == 3 and {row[1] for row in rows} == {NAME_MASK} and listed.masked


def test_work_plan_lists_the_tasks_counted(client_for, council_user, alliance):
    school = alliance["甲"]
    for title, deadline, status, done_on, owner in [
        ("按时完成", dt.date(2025, 6, 30), "done", dt.date(2025, 6, 1), school),
        ("逾期完成", dt.date(2025, 3, 31), "done", dt.date(2025, 4, 15), None),
        ("逾期未完成", dt.date(2025, 9, 30), "in_progress", None, None),
        ("明年到期", dt.date(2026, 3, 31), "not_started", None, None),
        ("已取消", dt.date(2025, 5, 31), "cancelled", None, None),
    ]:
        WorkTaskFactory(
            title=title,
            deadline=deadline,
            status=status,
            done_on=done_on,
            **({"owner": owner} if owner else {}),
        )
    WorkTaskFactory(
        plan=WorkPlanFactory(year=2024), title="去年任务", deadline=dt.date(2024, 6, 30)
    )
    client = client_for(council_user)
    # Tasks of the 2025 plan: all but 已取消 (cancelled) and 去年任务 (the 2024 plan): 4
    rows, base = _list(client, "work_plan_completion", part="denominator")
    assert _column(rows, 1) == sorted(["按时完成", "逾期完成", "逾期未完成", "明年到期"])
    # done: 2 of 4 = 50 %
    rows, listed = _list(client, "work_plan_completion")
    assert _column(rows, 1) == sorted(["按时完成", "逾期完成"])
    measure = figure("work_plan_completion")
    assert (measure.value, listed.total, base.total) == (50, 2, 4)
    # due by the end of 2025: 按时完成, 逾期完成, 逾期未完成; on time: 按时完成 → 1 / 3 = 33.3 %
    rows, base = _list(client, "work_plan_on_time_rate", part="denominator")
    assert _column(rows, 1) == sorted(["按时完成", "逾期完成", "逾期未完成"])
    rows, listed = _list(client, "work_plan_on_time_rate")
    assert rows == [["甲职业学校", "按时完成", "2025-06-30", "已完成 2025-06-01"]]
    assert figure("work_plan_on_time_rate").value == Decimal("33.3")
    # 甲's coordinator reads the task 甲 owns; the other tasks' titles are masked.
    coordinator = UserFactory(role="school_coordinator", organization=school)
    rows, _listed = _list(client_for(coordinator), "work_plan_completion")
    assert _column(rows, 1) == sorted(["按时完成", NAME_MASK])


def test_office_budget_lists_its_lines(client_for, council_user):
    OfficeBudgetFactory(source="县财政专项经费", amount=Decimal("200000"))
    OfficeBudgetFactory(source="会员单位会费", amount=Decimal("50000.50"))
    OfficeBudgetFactory(source="去年经费", amount=Decimal("90000"), year=2024)
    rows, listed = _list(client_for(council_user), "office_budget")
    # 2025: 200 000 + 50 000.50 = 250 000.50 yuan; 去年经费 is 2024's
    assert _column(rows, 0) == sorted(["县财政专项经费", "会员单位会费"])
    assert listed.total == figure("office_budget").value == Decimal("250000.50")
