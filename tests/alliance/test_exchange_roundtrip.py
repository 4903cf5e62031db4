"""Export → import round-trips every register without loss (and re-importing changes nothing)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict

from alliance.exchange import (
    all_registers,
    apply_plan,
    export_queryset,
    get_register,
    plan_import,
    write_export,
)
from alliance.xlsx import read_sheet
from tests.members import factories as mf
from tests.members.factories import EnterpriseFactory, OrganizationFactory, SchoolFactory
from tests.placements import factories as pf
from tests.training import factories as tf

pytestmark = pytest.mark.django_db


def _organizations(school, enterprise):
    OrganizationFactory(
        name="临朐县示范企业有限公司",
        address="临朐县城关街道",
        joined_on=dt.date(2023, 12, 8),
        wage_min=3500,
        wage_max=6000,
        leaders="吴维光 董事长\n张三 总经理",
        size="medium",
    )


def _school_figures(school, enterprise):
    from members.models import SchoolYearFigures

    SchoolYearFigures.objects.create(
        school=school, year=2024, enrolled_students=3000, professional_teachers=120, graduates=800
    )
    SchoolYearFigures.objects.create(
        school=school, year=2025, enrolled_students=3100, professional_teachers=125, graduates=850
    )


def _teachers(school, enterprise):
    tf.TeacherFactory(school=school, name="王芳", employee_number="")
    tf.TeacherFactory(school=school, name="王芳", employee_number="T002", is_dual_qualified=True)


def _secondments(school, enterprise):
    station = tf.TeacherStationFactory(enterprise=enterprise)
    tf.SecondmentFactory(
        teacher=tf.TeacherFactory(school=school), enterprise=enterprise, station=station
    )
    tf.SecondmentFactory(
        teacher=tf.TeacherFactory(school=school, employee_number="T9"),
        enterprise=enterprise,
        post="=危险公式",
    )


def _craftsmen(school, enterprise):
    tf.CraftsmanFactory(enterprise=enterprise)
    tf.CraftsmanFactory(enterprise=enterprise, phone="", left_on=dt.date(2025, 1, 1), active=False)


def _programmes(school, enterprise):
    tf.TrainingProgrammeFactory(school=school, enterprises=[enterprise, EnterpriseFactory()])
    tf.TrainingProgrammeFactory(school=school, enterprises=[])


def _students(school, enterprise):
    pf.StudentFactory(school=school)
    pf.StudentFactory(
        school=school, national_id="", phone="", gender="", study_mode="part_time_apprentice"
    )


def _order_class_enrolments(school, enterprise):
    order_class = pf.OrderClassFactory(school=school, enterprises=[enterprise])
    pf.OrderClassEnrolmentFactory(order_class=order_class)
    pf.OrderClassEnrolmentFactory(order_class=order_class, enrolled_on=None)


def _apprenticeships(school, enterprise):
    pf.ApprenticeshipFactory(
        student=pf.ApprenticeStudentFactory(school=school), enterprise=enterprise
    )
    pf.ApprenticeshipFactory(
        student=pf.ApprenticeStudentFactory(school=school),
        enterprise=enterprise,
        status="completed",
        ended_on=dt.date(2027, 2, 28),
        outcome="中级工证书",
    )


def _internships(school, enterprise):
    base = tf.TrainingBaseFactory(enterprise=enterprise)
    pf.InternshipFactory(
        student=pf.StudentFactory(school=school),
        enterprise=enterprise,
        training_base=base,
        evaluation="good",
        evaluation_notes="表现良好",
    )
    pf.InternshipFactory(student=pf.StudentFactory(school=school), enterprise=enterprise)


def _placements(school, enterprise):
    order_class = pf.OrderClassFactory(school=school, enterprises=[enterprise])
    enrolment = pf.OrderClassEnrolmentFactory(order_class=order_class)
    pf.GraduatePlacementFactory(
        student=enrolment.student, employer=enterprise, via_order_class=order_class
    )
    pf.GraduatePlacementFactory(
        student=pf.StudentFactory(school=school),
        employer=None,
        employer_name="潍坊某公司",
        employer_location="city",
        wage_band="",
    )
    pf.GraduatePlacementFactory(
        student=pf.StudentFactory(school=school),
        destination="further_study",
        employer=None,
        employer_location="",
        job="",
        wage_band="",
    )


def _pilot_apprenticeship(school, enterprise):
    # Qufu 三(二): a full-time student of a pilot class on a tripartite agreement
    pilot = pf.PilotClassFactory(school=school, enterprises=[enterprise])
    pf.PilotApprenticeshipFactory(order_class=pilot, enterprise=enterprise)


def _apprenticeships_both_paths(school, enterprise):
    _apprenticeships(school, enterprise)
    _pilot_apprenticeship(school, enterprise)


def _preferences(school, enterprise):
    pf.PreferentialMeasureFactory(enterprise=enterprise)
    pf.PreferentialMeasureFactory(
        enterprise=enterprise, area="promotion", until=dt.date(2026, 12, 31)
    )


def _demands(school, enterprise):
    from tests.members.factories import MajorFactory

    major = MajorFactory(school=school, name="数控技术应用")
    pf.TalentDemandFactory(enterprise=enterprise, major=major, notes="急需")
    pf.TalentDemandFactory(enterprise=EnterpriseFactory(), major=major, survey_year=2026)


def _materials(school, enterprise):
    from tests.members.factories import MajorFactory

    order_class = pf.OrderClassFactory(school=school, enterprises=[enterprise])
    pf.CoDevelopedMaterialFactory(
        school=school,
        major=MajorFactory(school=school, name="数控技术应用"),
        order_class=order_class,
        enterprises=[enterprise, EnterpriseFactory()],
    )
    pf.CoDevelopedMaterialFactory(school=school, kind="programme", enterprises=[enterprise])


def _partners(school, enterprise):
    tf.PartnerInstitutionFactory(school=school)
    tf.PartnerInstitutionFactory(
        school=school, agreement_title="", agreement_signed_on=None, kind="university"
    )


def _partner_exchanges(school, enterprise):
    partner = tf.PartnerInstitutionFactory(school=school)
    tf.PartnerExchangeFactory(partner=partner)
    tf.PartnerExchangeFactory(partner=partner, area="teacher_training", direction="outbound")


# --- co-building (issue 15): only the columns the sheets carry are filled ------------------------


def _majors(school, enterprise):
    from tests.members.factories import MajorFactory

    MajorFactory(school=school, name="数控技术应用").enterprises.add(enterprise)
    MajorFactory(
        school=school,
        name="会计事务",
        code="",
        status="backbone",
        school_lead="王建国",
        school_lead_plan="三年内主持课程标准修订",
        active=False,
    )


def _institutions(school, enterprise):
    tf.CoBuiltInstitutionFactory(school=school, enterprises=[enterprise])
    tf.CoBuiltInstitutionFactory(
        school=school,
        kind="teacher_studio",
        mode="co_built",
        closed_on=dt.date(2025, 12, 31),
        description="名师工作室",
    )


def _institution_years(school, enterprise):
    institution = tf.CoBuiltInstitutionFactory(school=school)
    tf.InstitutionYearFactory(institution=institution, year=2024, outputs="")
    tf.InstitutionYearFactory(institution=institution, year=2025)


def _projects(school, enterprise):
    institution = tf.CoBuiltInstitutionFactory(school=school)
    tf.ServiceProjectFactory(school=school, enterprises=[enterprise], institution=institution)
    tf.ServiceProjectFactory(
        school=school,
        kind="research_topic",
        status="completed",
        end_on=dt.date(2025, 12, 31),
        result="结题报告",
        lead="王建国",
    )


def _quality_surveys(school, enterprise):
    tf.QualityEvaluationSurveyFactory(school=school, enterprises=[enterprise])
    tf.QualityEvaluationSurveyFactory(
        school=school, method="questionnaire", participants=128, findings="建议每学期召开评价会"
    )


def _patents(school, enterprise):
    institution = tf.CoBuiltInstitutionFactory(school=school, kind="innovation_workshop")
    tf.PatentFactory(school=school, enterprises=[enterprise], institution=institution)
    tf.PatentFactory(
        school=school,
        status="transferred",
        number="ZL202420567812.3",
        inventors="张志强、孙立新",
        granted_on=dt.date(2025, 6, 1),
        transferred_to=enterprise,
        transferred_on=dt.date(2025, 7, 1),
        transfer_value=30000,
    )


def _equipment(school, enterprise):
    tf.SharedEquipmentFactory(school=school, enterprise=enterprise)
    tf.SharedEquipmentFactory(
        school=school,
        enterprise=enterprise,
        direction="lent",
        quantity=2,
        until=dt.date(2026, 1, 1),
    )


def _workshop_contributions(school, enterprise):
    workshop = tf.InSchoolWorkshopFactory(school=school, enterprises=[enterprise])
    tf.WorkshopContributionFactory(workshop=workshop)
    tf.WorkshopContributionFactory(workshop=workshop, kind="staff", description="教师参与管理")


def _appointments(school, enterprise):
    tf.TwoWayAppointmentFactory(school=school, craftsman=tf.CraftsmanFactory(enterprise=enterprise))
    tf.TwoWayAppointmentFactory(
        direction="teacher_at_enterprise",
        school=school,
        enterprise=enterprise,
        teacher=tf.TeacherFactory(school=school, employee_number=""),
        craftsman=None,
        position="技术顾问",
        duties="每年驻企30天",
    )


def _documents(school, enterprise):
    mf.PolicyDocumentFactory(title="联盟章程", summary="宗旨与组织")
    mf.PolicyDocumentFactory(
        kind="management",
        title="办公室工作制度",
        status="repealed",
        ended_on=dt.date(2025, 7, 1),
    )


def _offices(school, enterprise):
    mf.AllianceOfficeFactory(name="联盟办公室", host=OrganizationFactory(kind="association"))
    mf.AllianceOfficeFactory(name="联盟第二办公室", floor_area=80, duties="台账维护")


def _office_budgets(school, enterprise):
    office = mf.AllianceOfficeFactory(name="联盟办公室")
    mf.OfficeBudgetFactory(office=office, source="县财政专项经费", amount=Decimal("200000.50"))
    mf.OfficeBudgetFactory(office=office, year=2026, source="会员单位会费", notes="按季度收取")


def _office_staff(school, enterprise):
    office = mf.AllianceOfficeFactory(name="联盟办公室")
    mf.OfficeStaffFactory(office=office, organization=school, end_on=dt.date(2025, 8, 31))
    mf.OfficeStaffFactory(office=office, organization=mf.GovernmentFactory(name="县教育和体育局"))


def _consultations(school, enterprise):
    experts = [
        mf.ExpertMemberFactory(person="吴维光", organization=enterprise),
        mf.ExpertMemberFactory(person="王兆连"),
    ]
    mf.ExpertConsultationFactory(experts=experts, outcome="adopted")
    mf.ExpertConsultationFactory(experts=experts[:1], advice="")


def _work_plans(school, enterprise):
    mf.WorkPlanFactory(year=2025, summary="年终总结")
    mf.WorkPlanFactory(year=2026)


def _work_tasks(school, enterprise):
    department = mf.GovernmentFactory(name="县人力资源和社会保障局")
    task = mf.WorkTaskFactory(owner=department, measures="按季度调度", progress="已完成70%")
    task.partners.set([school, enterprise])
    mf.WorkTaskFactory(
        plan=mf.WorkPlanFactory(year=2026),
        owner=school,
        status="done",
        done_on=dt.date(2026, 3, 1),
    )


def _media_reports(school, enterprise):
    from tests.members.factories import MediaReportFactory

    MediaReportFactory(kind="television", outlet="临朐电视台").organizations.set(
        [enterprise, school]
    )
    MediaReportFactory(summary="")


def _model_cases(school, enterprise):
    from tests.members.factories import ModelCaseFactory

    ModelCaseFactory(
        kind="person",
        person="王建国",
        organization=enterprise,
        nominated_by=enterprise,
        status="published",
        approved_on=dt.date(2025, 4, 1),
        published_on=dt.date(2025, 4, 10),
        published_where="联盟微信公众号",
        in_report=True,
    )
    ModelCaseFactory(organization=school, nominated_by=None).partners.set([enterprise])


def _incentives(school, enterprise):
    from members.models import CouncilMeeting
    from tests.reports.factories import AssessmentFactory, IncentiveFactory

    meeting = CouncilMeeting.objects.create(date=dt.date(2025, 1, 10), title="理事会会议")
    assessment = AssessmentFactory(
        organization=enterprise,
        year=2024,
        status="approved",
        grade="pass",
        total_score=80,
        approved_at_meeting=meeting,
    )
    IncentiveFactory(recipient=enterprise, assessment=assessment, amount="300000.50")
    IncentiveFactory(recipient=school, kind="base", granted_on=dt.date(2025, 7, 1))


BUILDERS = {
    "organizations": _organizations,
    "school_figures": _school_figures,
    "teachers": _teachers,
    "secondments": _secondments,
    "craftsmen": _craftsmen,
    "programmes": _programmes,
    "students": _students,
    "order_class_enrolments": _order_class_enrolments,
    "apprenticeships": _apprenticeships,
    "internships": _internships,
    "placements": _placements,
    "media_reports": _media_reports,
    "model_cases": _model_cases,
    "incentives": _incentives,
    "documents": _documents,
    "offices": _offices,
    "office_budgets": _office_budgets,
    "office_staff": _office_staff,
    "consultations": _consultations,
    "work_plans": _work_plans,
    "work_tasks": _work_tasks,
    "preferences": _preferences,
    "demands": _demands,
    "materials": _materials,
    "partners": _partners,
    "partner_exchanges": _partner_exchanges,
    "majors": _majors,
    "institutions": _institutions,
    "institution_years": _institution_years,
    "projects": _projects,
    "patents": _patents,
    "equipment": _equipment,
    "workshop_contributions": _workshop_contributions,
    "appointments": _appointments,
    "quality_surveys": _quality_surveys,
}


def test_every_importable_register_has_a_round_trip_test():
    assert {r.key for r in all_registers() if r.import_roles} == set(BUILDERS)


def _snapshot(register):
    model = register.model
    rows = []
    for obj in model.objects.order_by("pk"):
        data = model_to_dict(obj)
        data.pop("id", None)
        for field in model._meta.many_to_many:
            data[field.name] = sorted(o.pk for o in getattr(obj, field.name).all())
        rows.append(data)
    return sorted(rows, key=repr)


def _export(register, user) -> bytes:
    out = io.BytesIO()
    write_export(register, user, export_queryset(register, user, {}), out)
    return out.getvalue()


def _plan(register, content, user):
    return plan_import(register, read_sheet(io.BytesIO(content)), user)


@pytest.mark.parametrize("key", sorted(BUILDERS))
def test_export_then_import_round_trips_without_loss(key, secretariat_user):
    register = get_register(key)
    BUILDERS[key](
        SchoolFactory(name="临朐县职业教育中心学校"),
        EnterpriseFactory(name="山东华建铝业集团有限公司"),
    )
    before = _snapshot(register)
    content = _export(register, secretariat_user)

    again = _plan(register, content, secretariat_user)
    assert again.errors == []
    assert (len(again.to_create), len(again.to_update), again.unchanged) == (0, 0, len(before))

    if key == "organizations":
        return  # members are referenced everywhere (PROTECT): the unchanged re-import is the check
    register.model.objects.all().delete()
    plan = _plan(register, content, secretariat_user)
    assert plan.errors == []
    apply_plan(plan, user=secretariat_user, reason="round trip")
    assert _snapshot(register) == before
