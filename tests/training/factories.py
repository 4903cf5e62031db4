"""Factories for every training model (other engineers' tests use them too)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import factory

from alliance.fake_ids import mobile
from tests.factory_base import RecordFactory
from tests.members.factories import EnterpriseFactory, SchoolFactory
from training.models import (
    AssignmentKind,
    Certification,
    CertificationLevel,
    CoBuiltInstitution,
    Craftsman,
    CraftsmanRole,
    ExchangeArea,
    ExchangeDirection,
    FundingDepartment,
    InSchoolWorkshop,
    InstitutionYear,
    PartnerExchange,
    PartnerInstitution,
    PartnerKind,
    Patent,
    ProductionOrder,
    QualityEvaluationSurvey,
    Secondment,
    SecondmentStatus,
    ServiceProject,
    SharedEquipment,
    SkillLevel,
    StationPost,
    StudentRotation,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    Term,
    TrainingBase,
    TrainingProgramme,
    TwoWayAppointment,
    WorkshopContribution,
)


class InSchoolWorkshopFactory(RecordFactory):
    class Meta:
        model = InSchoolWorkshop
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"铝型材加工校中厂{n}")
    production_line = "数控加工生产线"
    opened_on = dt.date(2024, 3, 1)

    @factory.post_generation
    def enterprises(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.enterprises.set(extracted)


class ProductionOrderFactory(RecordFactory):
    class Meta:
        model = ProductionOrder

    workshop = factory.SubFactory(InSchoolWorkshopFactory)
    description = factory.Sequence(lambda n: f"门窗型材加工订单{n}")
    quantity = 500
    value = Decimal("120000.00")
    start_on = dt.date(2025, 3, 1)
    end_on = dt.date(2025, 6, 30)


class StudentRotationFactory(RecordFactory):
    class Meta:
        model = StudentRotation

    workshop = factory.SubFactory(InSchoolWorkshopFactory)
    class_name = factory.Sequence(lambda n: f"2023级数控{n}班")
    major = "数控技术应用"
    headcount = 40
    start_on = dt.date(2025, 3, 1)
    end_on = dt.date(2025, 4, 30)


class TrainingBaseFactory(RecordFactory):
    class Meta:
        model = TrainingBase

    enterprise = factory.SubFactory(EnterpriseFactory)
    name = factory.Sequence(lambda n: f"技能实训基地{n}")
    address = "临朐县城关街道"
    capacity = 30
    majors = "机电技术应用、数控技术应用"
    masters_count = 3
    master_names = "张师傅、李师傅、王师傅"
    established_on = dt.date(2024, 1, 10)


class TeacherStationFactory(RecordFactory):
    class Meta:
        model = TeacherStation

    enterprise = factory.SubFactory(EnterpriseFactory)
    name = factory.Sequence(lambda n: f"教师活动站{n}")
    established_on = dt.date(2024, 1, 10)


class StationPostFactory(RecordFactory):
    class Meta:
        model = StationPost

    station = factory.SubFactory(TeacherStationFactory)
    year = 2025
    post = factory.Sequence(lambda n: f"工艺技术员{n}")
    major = None
    places = 2


class TeacherFactory(RecordFactory):
    class Meta:
        model = Teacher

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"教师{n:03d}")
    department = "机电系"
    is_professional = True
    is_dual_qualified = False


class SecondmentFactory(RecordFactory):
    class Meta:
        model = Secondment

    teacher = factory.SubFactory(TeacherFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    start_on = dt.date(2025, 7, 10)
    end_on = dt.date(2025, 8, 20)
    days = 30
    post = "设备维护"
    status = SecondmentStatus.COMPLETED


class CraftsmanFactory(RecordFactory):
    class Meta:
        model = Craftsman

    name = factory.Sequence(lambda n: f"工匠{n:03d}")
    enterprise = factory.SubFactory(EnterpriseFactory)
    skill_level = SkillLevel.SENIOR_TECHNICIAN
    specialty = "铝型材挤压"
    role = CraftsmanRole.MASTER_CRAFTSMAN
    phone = factory.LazyFunction(lambda: mobile(random.Random()))
    joined_on = dt.date(2024, 1, 1)


class TeachingAssignmentFactory(RecordFactory):
    class Meta:
        model = TeachingAssignment

    craftsman = factory.SubFactory(CraftsmanFactory)
    school = factory.SubFactory(SchoolFactory)
    course = factory.Sequence(lambda n: f"挤压工艺{n}")
    year = 2025
    term = Term.SPRING
    hours = Decimal("32.0")
    kind = AssignmentKind.PART_TIME_TEACHER


class TrainingProgrammeFactory(RecordFactory):
    class Meta:
        model = TrainingProgramme
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    title = factory.Sequence(lambda n: f"电工技能提升培训{n}期")
    funding_department = FundingDepartment.HUMAN_RESOURCES
    start_on = dt.date(2025, 4, 1)
    end_on = dt.date(2025, 4, 10)
    participants = 60
    hours = Decimal("40.0")

    @factory.post_generation
    def enterprises(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.enterprises.set(extracted)


class CertificationFactory(RecordFactory):
    class Meta:
        model = Certification

    school = factory.SubFactory(SchoolFactory)
    assessed_on = dt.date(2025, 5, 20)
    occupation = factory.Sequence(lambda n: f"电工{n}")
    level = CertificationLevel.LEVEL_4
    candidates = 50
    passed = 42


# --- co-building (issue 15) ----------------------------------------------------------------------


def _set_enterprises(obj, create, extracted, **kwargs):
    if create and extracted:
        obj.enterprises.set(extracted)


class CoBuiltInstitutionFactory(RecordFactory):
    class Meta:
        model = CoBuiltInstitution
        skip_postgeneration_save = True

    kind = "industry_college"
    name = factory.Sequence(lambda n: f"铝型材产业学院{n}")
    school = factory.SubFactory(SchoolFactory)
    founded_on = dt.date(2024, 3, 15)
    leaders = "王建国（学校）、孙立新（企业）"
    enterprises = factory.PostGeneration(_set_enterprises)


class InstitutionYearFactory(RecordFactory):
    class Meta:
        model = InstitutionYear

    institution = factory.SubFactory(CoBuiltInstitutionFactory)
    year = 2025
    activities = "开展技能培训4期"
    outputs = "形成典型案例1个"
    events = 4
    people_trained = 60


class ServiceProjectFactory(RecordFactory):
    class Meta:
        model = ServiceProject
        skip_postgeneration_save = True

    kind = "technical_service"
    title = factory.Sequence(lambda n: f"模具寿命提升技术服务{n}")
    school = factory.SubFactory(SchoolFactory)
    start_on = dt.date(2025, 3, 1)
    value = Decimal(80000)
    enterprises = factory.PostGeneration(_set_enterprises)


class PatentFactory(RecordFactory):
    class Meta:
        model = Patent
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    title = factory.Sequence(lambda n: f"一种冷却装置{n}")
    kind = "utility_model"
    status = "filed"
    filed_on = dt.date(2025, 3, 8)
    enterprises = factory.PostGeneration(_set_enterprises)


class SharedEquipmentFactory(RecordFactory):
    class Meta:
        model = SharedEquipment

    school = factory.SubFactory(SchoolFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    name = factory.Sequence(lambda n: f"五轴数控加工中心{n}")
    direction = "introduced"
    value = Decimal(680000)
    since = dt.date(2024, 9, 1)


class WorkshopContributionFactory(RecordFactory):
    class Meta:
        model = WorkshopContribution

    workshop = factory.SubFactory(InSchoolWorkshopFactory)
    year = 2025
    kind = "utilities"
    value = Decimal(60000)


class TwoWayAppointmentFactory(RecordFactory):
    class Meta:
        model = TwoWayAppointment

    direction = "craftsman_at_school"
    school = factory.SubFactory(SchoolFactory)
    craftsman = factory.SubFactory(CraftsmanFactory)
    enterprise = factory.SelfAttribute("craftsman.enterprise")
    position = "产业导师"
    start_on = dt.date(2024, 9, 1)
    end_on = dt.date(2026, 8, 31)


class PartnerInstitutionFactory(RecordFactory):
    class Meta:
        model = PartnerInstitution

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"苏州工业技术学校{n}")
    kind = PartnerKind.VOCATIONAL_SCHOOL
    location = "江苏省苏州市"
    agreement_title = "校际合作框架协议"
    agreement_signed_on = dt.date(2024, 5, 10)


class PartnerExchangeFactory(RecordFactory):
    class Meta:
        model = PartnerExchange

    partner = factory.SubFactory(PartnerInstitutionFactory)
    date = dt.date(2025, 4, 22)
    area = ExchangeArea.CURRICULUM
    direction = ExchangeDirection.INBOUND
    title = factory.Sequence(lambda n: f"课程标准研讨{n}")
    participants = 12


class QualityEvaluationSurveyFactory(RecordFactory):
    class Meta:
        model = QualityEvaluationSurvey
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    title = factory.Sequence(lambda n: f"多主体质量评价制度调研{n}")
    held_on = dt.date(2025, 4, 18)
    method = "symposium"
    participants = 30
    enterprises = factory.PostGeneration(_set_enterprises)
