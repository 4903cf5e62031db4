from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from alliance.fake_ids import credit_code
from members.models import Organization, Resolution, SchoolYearFigures
from tests.members.factories import (
    CouncilMeetingFactory,
    EnterpriseFactory,
    SchoolFactory,
    SchoolYearFiguresFactory,
)

pytestmark = pytest.mark.django_db

VALID = credit_code(__import__("random").Random(7))


def test_credit_code_is_normalised_before_validation():
    org = Organization(
        kind="enterprise", name="测试规范化有限公司", credit_code=f"  {VALID.lower()} "
    )
    org.full_clean()
    assert org.credit_code == VALID


def test_wrong_check_character_is_refused_in_chinese():
    wrong = VALID[:-1] + ("0" if VALID[-1] != "0" else "1")
    org = Organization(kind="enterprise", name="测试校验位有限公司", credit_code=wrong)
    with pytest.raises(ValidationError) as exc:
        org.full_clean()
    assert "校验" in " ".join(exc.value.message_dict["credit_code"])


def test_duplicate_credit_code_is_refused():
    EnterpriseFactory(credit_code=VALID)
    org = Organization(kind="enterprise", name="另一家有限公司", credit_code=VALID.lower())
    with pytest.raises(ValidationError) as exc:
        org.full_clean()
    assert "credit_code" in exc.value.message_dict


def test_empty_credit_codes_do_not_collide():
    EnterpriseFactory(credit_code=None)
    org = Organization(kind="enterprise", name="无代码有限公司", credit_code="  ")
    org.full_clean()
    org.save()
    assert org.credit_code is None


def test_wage_range_must_be_in_order():
    org = EnterpriseFactory.build(name="工资测试有限公司", wage_min=6000, wage_max=4000)
    with pytest.raises(ValidationError) as exc:
        org.full_clean()
    assert "wage_max" in exc.value.message_dict


def test_withdrawn_member_needs_a_date():
    org = EnterpriseFactory.build(name="退出测试有限公司", status="withdrawn", left_on=None)
    with pytest.raises(ValidationError) as exc:
        org.full_clean()
    assert "left_on" in exc.value.message_dict


def test_school_figures_are_unique_per_school_and_year():
    figures = SchoolYearFiguresFactory()
    duplicate = SchoolYearFigures(
        school=figures.school,
        year=figures.year,
        enrolled_students=1,
        professional_teachers=1,
        graduates=0,
    )
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_school_figures_only_for_schools_and_positive():
    enterprise = EnterpriseFactory()
    figures = SchoolYearFigures(
        school=enterprise, year=2025, enrolled_students=0, professional_teachers=10, graduates=0
    )
    with pytest.raises(ValidationError) as exc:
        figures.full_clean()
    assert {"school", "enrolled_students"} <= set(exc.value.message_dict)


def test_more_graduates_than_students_is_refused():
    figures = SchoolYearFigures(
        school=SchoolFactory(),
        year=2025,
        enrolled_students=10,
        professional_teachers=1,
        graduates=11,
    )
    with pytest.raises(ValidationError) as exc:
        figures.full_clean()
    assert "graduates" in exc.value.message_dict


def test_done_resolution_needs_a_date_after_the_meeting():
    meeting = CouncilMeetingFactory(date=dt.date(2025, 6, 26))
    owner = EnterpriseFactory()
    resolution = Resolution(
        meeting=meeting, text="x", owner=owner, due_on=dt.date(2025, 1, 1), status="done"
    )
    with pytest.raises(ValidationError) as exc:
        resolution.full_clean()
    assert {"due_on", "done_on"} <= set(exc.value.message_dict)


def test_held_meeting_cannot_be_in_the_future():
    meeting = CouncilMeetingFactory.build(
        date=dt.date.today() + dt.timedelta(days=30), status="held"
    )
    with pytest.raises(ValidationError) as exc:
        meeting.full_clean()
    assert "status" in exc.value.message_dict
