"""Factories for every placements model (used by the reports and data-exchange tests too)."""

from __future__ import annotations

import datetime as dt
import random

import factory

from alliance.fake_ids import mobile, national_id
from placements.models import (
    AlignmentStatus,
    Apprenticeship,
    ApprenticeshipMode,
    ApprenticeshipPath,
    ApprenticeshipStatus,
    Aspect,
    CareerMentor,
    CoDevelopedMaterial,
    Destination,
    EmployerLocation,
    GraduatePlacement,
    HireStatus,
    Internship,
    MaterialKind,
    OrderClass,
    OrderClassAlignment,
    OrderClassEnrolment,
    OrderClassKind,
    OutreachEvent,
    OutreachKind,
    OutreachPhoto,
    PreferenceArea,
    PreferentialMeasure,
    RetentionFollowUp,
    Student,
    StudyMode,
    TalentDemand,
)
from tests.factory_base import RecordFactory
from tests.members.factories import EnterpriseFactory, MajorFactory, SchoolFactory

# A 1×1 PNG, valid for alliance.uploads' content sniffing.
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)


class StudentFactory(RecordFactory):
    class Meta:
        model = Student

    school = factory.SubFactory(SchoolFactory)
    student_number = factory.Sequence(lambda n: f"2023{n:05d}")
    name = factory.Sequence(lambda n: f"学生{n:03d}")
    national_id = factory.LazyFunction(lambda: national_id(random.Random(), dt.date(2006, 5, 17)))
    gender = "male"
    major = factory.SubFactory(
        MajorFactory, school=factory.SelfAttribute("..school"), name="机电技术应用"
    )
    class_name = "机电1班"
    enrolment_year = 2022
    study_mode = StudyMode.FULL_TIME
    phone = factory.LazyFunction(lambda: mobile(random.Random()))


class ApprenticeStudentFactory(StudentFactory):
    study_mode = StudyMode.APPRENTICE


class OrderClassFactory(RecordFactory):
    class Meta:
        model = OrderClass
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"订单班{n:03d}")
    major = factory.SubFactory(
        MajorFactory, school=factory.SelfAttribute("..school"), name="机电技术应用"
    )
    cohort_year = 2022
    graduation_year = 2025
    planned_size = 40

    @factory.post_generation
    def enterprises(obj, create, extracted, **kwargs):
        if create:
            obj.enterprises.set(extracted if extracted is not None else [EnterpriseFactory()])


class OrderClassAlignmentFactory(RecordFactory):
    class Meta:
        model = OrderClassAlignment
        django_get_or_create = ("order_class", "aspect")

    order_class = factory.SubFactory(OrderClassFactory)
    aspect = Aspect.OBJECTIVES
    status = AlignmentStatus.IN_PROGRESS


class OrderClassEnrolmentFactory(RecordFactory):
    class Meta:
        model = OrderClassEnrolment

    order_class = factory.SubFactory(OrderClassFactory)
    student = factory.SubFactory(
        StudentFactory, school=factory.SelfAttribute("..order_class.school")
    )
    enrolled_on = dt.date(2022, 9, 1)


class ApprenticeshipFactory(RecordFactory):
    class Meta:
        model = Apprenticeship

    student = factory.SubFactory(ApprenticeStudentFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    major = "机电技术应用"
    contract_start = dt.date(2024, 3, 1)
    contract_end = dt.date(2027, 2, 28)
    enterprise_mentor = "王师傅"
    school_mentor = "李老师"
    mode = ApprenticeshipMode.WORK_STUDY
    status = ApprenticeshipStatus.IN_TRAINING


class InternshipFactory(RecordFactory):
    class Meta:
        model = Internship

    student = factory.SubFactory(StudentFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    master = "张师傅"
    start_date = dt.date(2024, 9, 1)
    end_date = dt.date(2025, 1, 31)


class GraduatePlacementFactory(RecordFactory):
    class Meta:
        model = GraduatePlacement

    student = factory.SubFactory(StudentFactory)
    graduation_year = 2025
    destination = Destination.EMPLOYED
    employer = factory.SubFactory(EnterpriseFactory)
    employer_location = EmployerLocation.COUNTY
    job = "数控操作工"
    wage_band = "4000_5000"
    hire_status = HireStatus.PENDING


class RetentionFollowUpFactory(RecordFactory):
    class Meta:
        model = RetentionFollowUp

    placement = factory.SubFactory(GraduatePlacementFactory)
    contacted_on = dt.date(2025, 10, 15)
    still_employed = True


class OutreachEventFactory(RecordFactory):
    class Meta:
        model = OutreachEvent
        skip_postgeneration_save = True

    kind = OutreachKind.PARENTS_VISIT
    title = factory.Sequence(lambda n: f"家长企业行第{n}期")
    date = dt.date(2025, 4, 20)
    school = factory.SubFactory(SchoolFactory)
    participants = 60

    @factory.post_generation
    def enterprises(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.enterprises.set(extracted)


class OutreachPhotoFactory(RecordFactory):
    class Meta:
        model = OutreachPhoto

    event = factory.SubFactory(OutreachEventFactory)
    image = factory.django.FileField(filename="photo.png", data=PNG_BYTES)
    caption = "活动现场"


class CareerMentorFactory(RecordFactory):
    class Meta:
        model = CareerMentor
        skip_postgeneration_save = True

    enterprise = factory.SubFactory(EnterpriseFactory)
    person = factory.Sequence(lambda n: f"导师{n:03d}")
    title = "高级技师"
    appointed_on = dt.date(2024, 1, 1)

    @factory.post_generation
    def schools(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.schools.set(extracted)


# --- issue 15 (part b) ---------------------------------------------------------------------------


class PilotClassFactory(OrderClassFactory):
    kind = OrderClassKind.APPRENTICESHIP_PILOT
    name = factory.Sequence(lambda n: f"现代学徒制试点班{n:03d}")


class PilotApprenticeshipFactory(ApprenticeshipFactory):
    """A full-time student of a pilot class on a tripartite agreement (pass ``order_class``; the
    student is enrolled in it)."""

    class Meta:
        model = Apprenticeship
        skip_postgeneration_save = True

    path = ApprenticeshipPath.PILOT
    order_class = factory.SubFactory(PilotClassFactory)
    student = factory.SubFactory(
        StudentFactory, school=factory.SelfAttribute("..order_class.school")
    )
    enterprise = factory.LazyAttribute(lambda a: a.order_class.enterprises.first())
    contract_start = dt.date(2024, 9, 1)
    contract_end = dt.date(2027, 6, 30)

    @factory.post_generation
    def enrol(obj, create, extracted, **kwargs):
        if create:
            OrderClassEnrolment.objects.get_or_create(
                order_class=obj.order_class, student=obj.student
            )


class PreferentialMeasureFactory(RecordFactory):
    class Meta:
        model = PreferentialMeasure

    enterprise = factory.SubFactory(EnterpriseFactory)
    area = PreferenceArea.RECRUITMENT
    measure = factory.Sequence(lambda n: f"同等条件下优先录用县内毕业生（{n}）")
    since = dt.date(2024, 1, 1)


class TalentDemandFactory(RecordFactory):
    class Meta:
        model = TalentDemand

    enterprise = factory.SubFactory(EnterpriseFactory)
    survey_year = 2025
    post = factory.Sequence(lambda n: f"数控操作工{n}")
    major = factory.SubFactory(MajorFactory, name="数控技术应用")
    headcount = 10
    wage_min = 4000
    wage_max = 5500
    needed_by = dt.date(2026, 7, 1)


class CoDevelopedMaterialFactory(RecordFactory):
    class Meta:
        model = CoDevelopedMaterial
        skip_postgeneration_save = True

    kind = MaterialKind.LOOSE_LEAF
    title = factory.Sequence(lambda n: f"铝型材挤压（活页式教材）{n}")
    school = factory.SubFactory(SchoolFactory)
    completed_on = dt.date(2025, 6, 30)

    @factory.post_generation
    def enterprises(obj, create, extracted, **kwargs):
        if create:
            obj.enterprises.set(extracted if extracted is not None else [EnterpriseFactory()])


class MilestoneFollowUpFactory(RetentionFollowUpFactory):
    """A follow-up answering the 6-month milestone of a graduate of 2025 (due 1 January 2026)."""

    contacted_on = dt.date(2026, 1, 12)
    milestone = 6
