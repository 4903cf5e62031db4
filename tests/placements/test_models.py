from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from placements.models import Destination, EmployerLocation, semester_key
from tests.members.factories import EnterpriseFactory
from tests.placements.factories import (
    ApprenticeshipFactory,
    CareerMentorFactory,
    GraduatePlacementFactory,
    InternshipFactory,
    OrderClassAlignmentFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    OutreachEventFactory,
    OutreachPhotoFactory,
    RetentionFollowUpFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        StudentFactory,
        OrderClassFactory,
        OrderClassAlignmentFactory,
        OrderClassEnrolmentFactory,
        ApprenticeshipFactory,
        InternshipFactory,
        GraduatePlacementFactory,
        RetentionFollowUpFactory,
        OutreachEventFactory,
        OutreachPhotoFactory,
        CareerMentorFactory,
    ],
)
def test_every_factory_builds_a_valid_record(factory):
    obj = factory()
    obj.full_clean()


def test_contract_under_one_year_is_refused():
    apprenticeship = ApprenticeshipFactory.build(
        student=StudentFactory(study_mode="part_time_apprentice"),
        contract_start=dt.date(2024, 3, 1),
        contract_end=dt.date(2025, 2, 27),
    )
    apprenticeship.enterprise.save()
    with pytest.raises(ValidationError) as error:
        apprenticeship.full_clean()
    assert "一年" in str(error.value.message_dict["contract_end"])


def test_contract_of_exactly_one_year_is_accepted():
    ApprenticeshipFactory(
        contract_start=dt.date(2024, 3, 1), contract_end=dt.date(2025, 2, 28)
    ).full_clean()


def test_apprentice_must_be_a_part_time_student():
    apprenticeship = ApprenticeshipFactory(student=StudentFactory(study_mode="full_time"))
    with pytest.raises(ValidationError) as error:
        apprenticeship.full_clean()
    assert "student" in error.value.message_dict


def test_bad_id_check_digit_is_refused_in_chinese():
    student = StudentFactory(national_id="370724200605170001")
    with pytest.raises(ValidationError) as error:
        student.full_clean()
    assert "校验" in str(error.value.message_dict["national_id"])


def test_internship_dates_must_be_in_order():
    internship = InternshipFactory(start_date=dt.date(2025, 3, 1), end_date=dt.date(2025, 2, 1))
    with pytest.raises(ValidationError) as error:
        internship.full_clean()
    assert "end_date" in error.value.message_dict


def test_local_flag_follows_location_and_destination():
    assert GraduatePlacementFactory.build(
        destination=Destination.EMPLOYED, employer_location="county"
    ).is_local
    assert not GraduatePlacementFactory.build(employer_location=EmployerLocation.CITY).is_local
    assert not GraduatePlacementFactory.build(
        destination=Destination.FURTHER_STUDY, employer_location="county"
    ).is_local


def test_placement_via_order_class_needs_enrolment():
    enrolment = OrderClassEnrolmentFactory()
    other = OrderClassFactory(school=enrolment.order_class.school)
    placement = GraduatePlacementFactory(student=enrolment.student, via_order_class=other)
    with pytest.raises(ValidationError) as error:
        placement.full_clean()
    assert "via_order_class" in error.value.message_dict
    placement.via_order_class = enrolment.order_class
    placement.full_clean()


def test_follow_up_only_for_local_graduates():
    followup = RetentionFollowUpFactory(
        placement=GraduatePlacementFactory(employer_location="elsewhere")
    )
    with pytest.raises(ValidationError) as error:
        followup.full_clean()
    assert "placement" in error.value.message_dict


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (dt.date(2025, 2, 1), "2025-1"),
        (dt.date(2025, 7, 31), "2025-1"),
        (dt.date(2025, 8, 1), "2025-2"),
        (dt.date(2026, 1, 10), "2025-2"),
    ],
)
def test_semester_key(day, key):
    assert semester_key(day) == key


def test_a_members_name_typed_as_free_text_is_refused():
    member = EnterpriseFactory(name="山东华建铝业集团有限公司")
    placement = GraduatePlacementFactory.build(
        employer=None, employer_name=" 山东华建铝业集团有限公司 "
    )
    with pytest.raises(ValidationError) as error:
        placement.full_clean(exclude=["student"])
    assert "请在“用人单位”中选择" in str(error.value.message_dict["employer_name"])
    placement.employer_name = member.credit_code.lower()
    with pytest.raises(ValidationError) as error:
        placement.full_clean(exclude=["student"])
    assert member.name in str(error.value.message_dict["employer_name"])
    placement.employer_name = "济南某外地公司"
    placement.full_clean(exclude=["student"])


def test_a_member_outside_the_county_is_not_employment_in_the_county():
    outside = EnterpriseFactory(name="潍坊外县企业", is_local=False)
    placement = GraduatePlacementFactory.build(
        employer=outside, employer_location=EmployerLocation.COUNTY
    )
    with pytest.raises(ValidationError) as error:
        placement.full_clean(exclude=["student"])
    assert "不在本县" in str(error.value.message_dict["employer_location"])
    placement.employer_location = EmployerLocation.CITY
    placement.full_clean(exclude=["student"])
