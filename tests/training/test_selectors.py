from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.members.factories import EnterpriseFactory, SchoolFactory
from tests.training.factories import (
    CertificationFactory,
    CraftsmanFactory,
    InSchoolWorkshopFactory,
    ProductionOrderFactory,
    SecondmentFactory,
    StudentRotationFactory,
    TeacherFactory,
    TeacherStationFactory,
    TeachingAssignmentFactory,
    TrainingBaseFactory,
    TrainingProgrammeFactory,
)
from training import selectors
from training.models import SecondmentStatus

pytestmark = pytest.mark.django_db


def test_base_counts_when_open_during_the_year():
    open_base = TrainingBaseFactory(established_on=dt.date(2024, 5, 1))
    closed_before = TrainingBaseFactory(
        established_on=dt.date(2023, 1, 1), closed_on=dt.date(2024, 12, 31)
    )
    closed_during = TrainingBaseFactory(
        established_on=dt.date(2023, 1, 1), closed_on=dt.date(2025, 3, 1)
    )
    later = TrainingBaseFactory(established_on=dt.date(2026, 1, 1))
    result = selectors.enterprises_with_active_base(2025)
    assert result == {open_base.enterprise_id, closed_during.enterprise_id}
    assert closed_before.enterprise_id not in result and later.enterprise_id not in result


def test_station_counts_when_open_during_the_year():
    station = TeacherStationFactory(established_on=dt.date(2025, 12, 31))
    TeacherStationFactory(established_on=dt.date(2023, 1, 1), closed_on=dt.date(2024, 6, 1))
    assert selectors.enterprises_with_station(2025) == {station.enterprise_id}


def test_seconded_professional_teachers_counts_distinct_professional_teachers():
    school = SchoolFactory()
    teacher = TeacherFactory(school=school)
    SecondmentFactory(
        teacher=teacher, start_on=dt.date(2025, 1, 5), end_on=dt.date(2025, 1, 20), days=10
    )
    SecondmentFactory(
        teacher=teacher, start_on=dt.date(2024, 12, 20), end_on=dt.date(2025, 1, 2), days=5
    )
    SecondmentFactory(teacher=TeacherFactory(school=school, is_professional=False))
    SecondmentFactory(teacher=TeacherFactory(school=school), status=SecondmentStatus.PLANNED)
    SecondmentFactory(
        teacher=TeacherFactory(school=school),
        start_on=dt.date(2024, 3, 1),
        end_on=dt.date(2024, 3, 9),
        days=5,
    )
    assert selectors.seconded_professional_teachers(2025) == {school.pk: 1}
    assert selectors.secondment_person_times(2025) == {school.pk: 3}


def test_secondments_by_enterprise_counts_hosted_secondments():
    enterprise = EnterpriseFactory()
    SecondmentFactory.create_batch(2, enterprise=enterprise)
    SecondmentFactory(enterprise=enterprise, status=SecondmentStatus.PLANNED)
    assert selectors.secondments_by_enterprise(2025) == {enterprise.pk: 2}


def test_training_person_times_sums_programmes_starting_in_the_year():
    school = SchoolFactory()
    e1, e2 = EnterpriseFactory(), EnterpriseFactory()
    TrainingProgrammeFactory(school=school, participants=100, enterprises=[e1, e2])
    TrainingProgrammeFactory(school=school, participants=50, enterprises=[e1])
    TrainingProgrammeFactory(
        school=school, participants=999, start_on=dt.date(2024, 12, 1), end_on=dt.date(2025, 1, 5)
    )
    assert selectors.training_person_times(2025) == {school.pk: 150}
    assert selectors.training_person_times_by_enterprise(2025) == {e1.pk: 150, e2.pk: 100}


def test_craftsmen_in_pool_during_the_year():
    enterprise = EnterpriseFactory()
    CraftsmanFactory(enterprise=enterprise)
    CraftsmanFactory(enterprise=enterprise, active=False, left_on=dt.date(2025, 6, 1))
    CraftsmanFactory(enterprise=enterprise, active=False, left_on=dt.date(2024, 6, 1))
    CraftsmanFactory(enterprise=enterprise, joined_on=dt.date(2026, 1, 1))
    assert selectors.craftsmen_by_enterprise(2025) == {enterprise.pk: 2}


def test_teaching_hours_by_school_and_by_enterprise():
    school = SchoolFactory()
    craftsman = CraftsmanFactory()
    TeachingAssignmentFactory(craftsman=craftsman, school=school, hours=Decimal("10.5"))
    TeachingAssignmentFactory(craftsman=craftsman, school=school, hours=Decimal("20"))
    TeachingAssignmentFactory(craftsman=craftsman, school=school, hours=Decimal("99"), year=2024)
    assert selectors.teaching_hours_by_school(2025) == {school.pk: Decimal("30.5")}
    assert selectors.teaching_hours_by_enterprise(2025) == {
        craftsman.enterprise_id: Decimal("30.5")
    }


def test_certification_totals():
    school = SchoolFactory()
    CertificationFactory(school=school, candidates=50, passed=40)
    CertificationFactory(school=school, candidates=10, passed=10)
    CertificationFactory(school=school, assessed_on=dt.date(2024, 5, 1))
    assert selectors.certification_totals(2025) == {school.pk: (60, 50)}


def test_platform_summary_lists_workshops_and_bases():
    enterprise = EnterpriseFactory(name="山东测试铝业有限公司")
    workshop = InSchoolWorkshopFactory(enterprises=[enterprise])
    ProductionOrderFactory(workshop=workshop, value=Decimal("100"))
    ProductionOrderFactory(workshop=workshop, value=Decimal("50"))
    ProductionOrderFactory(
        workshop=workshop, start_on=dt.date(2023, 1, 1), end_on=dt.date(2023, 2, 1)
    )
    StudentRotationFactory(workshop=workshop, headcount=30)
    StudentRotationFactory(workshop=workshop, headcount=12)
    TrainingBaseFactory(enterprise=enterprise, masters_count=4)
    summary = selectors.platform_summary(2025)
    assert summary["workshops"] == [
        {
            "name": workshop.name,
            "school": workshop.school.name,
            "enterprises": enterprise.name,
            "orders": 2,
            "order_value": Decimal("150"),
            "rotation_headcount": 42,
        }
    ]
    assert (
        summary["bases"][0]["masters"] == 4 and summary["bases"][0]["enterprise"] == enterprise.name
    )


def _populate(n: int) -> None:
    for _ in range(n):
        enterprise, school = EnterpriseFactory(), SchoolFactory()
        TrainingBaseFactory(enterprise=enterprise)
        TeacherStationFactory(enterprise=enterprise)
        SecondmentFactory(teacher=TeacherFactory(school=school), enterprise=enterprise)
        TrainingProgrammeFactory(school=school, enterprises=[enterprise])
        TeachingAssignmentFactory(school=school, craftsman=CraftsmanFactory(enterprise=enterprise))
        CertificationFactory(school=school)
        workshop = InSchoolWorkshopFactory(school=school, enterprises=[enterprise])
        ProductionOrderFactory(workshop=workshop)
        StudentRotationFactory(workshop=workshop)


SINGLE_QUERY = [
    "enterprises_with_active_base",
    "enterprises_with_station",
    "seconded_professional_teachers",
    "secondments_by_enterprise",
    "training_person_times",
    "training_person_times_by_enterprise",
    "craftsmen_by_enterprise",
    "teaching_hours_by_school",
    "teaching_hours_by_enterprise",
    "certification_totals",
    "secondment_person_times",
]


@pytest.mark.parametrize("rows", [3, 30])
def test_selectors_run_a_bounded_number_of_queries(rows, django_assert_max_num_queries):
    _populate(rows)
    for name in SINGLE_QUERY:
        # One aggregate query each (values + annotate).
        with django_assert_max_num_queries(1):
            assert len(getattr(selectors, name)(2025)) == rows
    # Workshops with order aggregates, rotation headcounts, partner names, bases.
    with django_assert_max_num_queries(4):
        summary = selectors.platform_summary(2025)
    assert len(summary["workshops"]) == rows and len(summary["bases"]) == rows
