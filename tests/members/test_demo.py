from __future__ import annotations

import random

import pytest

from members import demo
from members.models import (
    AllianceOffice,
    CouncilMeeting,
    CouncilSeat,
    ExpertConsultation,
    ExpertMember,
    OfficeBudget,
    OfficeStaff,
    Organization,
    PolicyDocument,
    Resolution,
    SchoolYearFigures,
    WorkPlan,
    WorkTask,
)

pytestmark = pytest.mark.django_db


def _counts():
    models = [
        Organization,
        SchoolYearFigures,
        CouncilSeat,
        ExpertMember,
        CouncilMeeting,
        Resolution,
        PolicyDocument,
        AllianceOffice,
        OfficeBudget,
        OfficeStaff,
        ExpertConsultation,
        WorkPlan,
        WorkTask,
    ]
    return [m.objects.count() for m in models] + [m.history.count() for m in models]


def test_seed_is_idempotent(members_demo):
    before = _counts()
    demo.seed(random.Random("other seed"))
    assert _counts() == before


def test_expert_committee_is_the_plans_annex_2(members_demo):
    experts = list(ExpertMember.objects.select_related("organization").order_by("order"))
    assert len(experts) == 11
    assert (experts[0].person, experts[0].role, experts[0].organization.name, experts[0].title) == (
        "吴维光",
        "director",
        "山东华建铝业集团有限公司",
        "董事长",
    )
    assert [e.person for e in experts[1:]] == [
        "肖永富",
        "蔡元涛",
        "王兆连",
        "谭学政",
        "尹培农",
        "曾庆铭",
        "胡福东",
        "衣同刚",
        "吕科震",
        "张龙凯",
    ]
    assert all(e.role == "member" for e in experts[1:])


def test_council_chair_and_meetings(members_demo):
    chair = CouncilSeat.objects.get(role="chair")
    assert (chair.person, chair.organization.name, chair.position) == (
        "吴维斌",
        "临朐县企业发展促进会",
        "执行会长",
    )
    years = sorted(CouncilMeeting.objects.values_list("date__year", flat=True))
    assert years == [2024, 2024, 2025, 2025]
    assert (
        Resolution.objects.filter(status="done").exists()
        and Resolution.objects.filter(status="open").exists()
    )


def test_every_enterprise_has_a_culture_profile_and_schools_three_years_of_figures(members_demo):
    enterprises = Organization.objects.enterprises()
    assert enterprises.count() == 21
    assert not enterprises.filter(development_status="").exists()
    assert not enterprises.filter(wage_min__isnull=True).exists()
    assert SchoolYearFigures.objects.count() == 6
    vocational = SchoolYearFigures.objects.get(school__name="临朐县职业教育中心学校", year=2025)
    assert (
        4500 < vocational.enrolled_students < 5200 and 240 < vocational.professional_teachers < 280
    )


def test_governance_registers_hold_linqus_office_rules_advice_and_work_plans(members_demo):
    # 附件1: the office shares premises with the enterprise association and takes staff from the
    # education bureau, the vocational school and the association.
    office = AllianceOffice.objects.get()
    assert office.host.name == "临朐县企业发展促进会"
    assert set(office.staff.values_list("organization__name", flat=True)) == {
        "临朐县教育和体育局",
        "临朐县职业教育中心学校",
        "临朐县企业发展促进会",
    }
    assert OfficeBudget.objects.filter(year=2025).count() == 2
    # The charter's first version is kept, replaced by 1.1 from 2026.
    charter = PolicyDocument.objects.filter(kind="charter").order_by("version")
    assert [(d.version, d.status) for d in charter] == [("1.0", "replaced"), ("1.1", "in_force")]
    # Experts of the committee advise; adopted advice led to council resolutions.
    assert ExpertConsultation.objects.filter(outcome="adopted", resolution__isnull=False).exists()
    # Work plans for 2025 and 2026; the bureaux own tasks but are no members; resolutions due
    # from 2025 on are tasks of the plans.
    assert sorted(WorkPlan.objects.values_list("year", flat=True)) == [2025, 2026]
    bureaux = Organization.objects.filter(kind="government")
    assert bureaux.count() == 2 and all(b.outside_alliance for b in bureaux)
    assert WorkTask.objects.filter(owner__in=bureaux).exists()
    assert not Resolution.objects.filter(due_on__year__gte=2025, work_task__isnull=True).exists()
    # Both schools sit on the council (附件1: enterprises and schools are its two pillars).
    assert CouncilSeat.objects.filter(organization__kind="school").count() == 2
