"""Enterprise HR link an apprenticeship only to a student already tied to their enterprise, or
register a new part-time student under a number the school has not used; an existing student's
record (study mode included) is never rewritten, and every refusal reads the same."""

from __future__ import annotations

import pytest
from django.urls import reverse

from placements import permissions
from placements.models import Apprenticeship, Student, StudyMode
from tests.placements.factories import (
    ApprenticeshipFactory,
    ApprenticeStudentFactory,
    GraduatePlacementFactory,
    InternshipFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    StudentFactory,
)
from tests.placements.test_pages import _apprentice_post

pytestmark = pytest.mark.django_db

REFUSAL = "请向学校核实学号"


def _register(client, school, enterprise, **changes):
    return client.post(
        reverse("placements:apprenticeship_create"),
        _apprentice_post(school, enterprise, **changes),
    )


def test_hr_cannot_attach_another_organisations_student(client_for, hr_user, school, enterprise):
    stranger = StudentFactory(school=school, student_number="XT001", name="李四")
    response = _register(client_for(hr_user), school, enterprise)
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    stranger.refresh_from_db()
    assert stranger.study_mode == StudyMode.FULL_TIME
    assert not Apprenticeship.objects.exists()
    assert not permissions.students_visible_to(hr_user).filter(pk=stranger.pk).exists()


def test_refusals_read_the_same_for_a_stranger_and_a_wrong_name(
    client_for, hr_user, school, enterprise
):
    client = client_for(hr_user)
    StudentFactory(school=school, student_number="XT001", name="王五")
    mine = ApprenticeshipFactory(
        enterprise=enterprise,
        student=ApprenticeStudentFactory(school=school, student_number="XT002", name="赵六"),
    ).student
    stranger = _register(client, school, enterprise, **{"student-student_number": "XT001"})
    wrong_name = _register(
        client, school, enterprise, **{"student-student_number": mine.student_number}
    )
    assert (
        stranger.context["student_form"].errors["student_number"]
        == wrong_name.context["student_form"].errors["student_number"]
    )
    assert REFUSAL in stranger.context["student_form"].errors["student_number"][0]


def test_hr_links_their_own_apprentice_without_rewriting_the_record(
    client_for, hr_user, school, enterprise
):
    own = ApprenticeshipFactory(
        enterprise=enterprise,
        student=ApprenticeStudentFactory(
            school=school, student_number="XT001", name="李四", phone="13900001111"
        ),
    ).student
    response = _register(client_for(hr_user), school, enterprise)
    assert response.status_code == 302
    own.refresh_from_db()
    # The form sent another phone number: the school's record keeps its own.
    assert own.phone == "13900001111" and own.study_mode == StudyMode.APPRENTICE
    assert Student.objects.count() == 1 and own.apprenticeships.count() == 2


def test_linking_own_full_time_intern_never_switches_them_to_part_time(
    client_for, hr_user, school, enterprise
):
    intern = InternshipFactory(
        enterprise=enterprise,
        student=StudentFactory(school=school, student_number="XT001", name="李四"),
    ).student
    response = _register(client_for(hr_user), school, enterprise)
    assert response.status_code == 200
    intern.refresh_from_db()
    assert intern.study_mode == StudyMode.FULL_TIME
    assert not Apprenticeship.objects.exists()


def test_a_new_number_creates_a_new_part_time_student(client_for, hr_user, school, enterprise):
    StudentFactory(school=school, student_number="OTHER1")
    response = _register(client_for(hr_user), school, enterprise)
    assert response.status_code == 302
    created = Student.objects.get(student_number="XT001")
    assert created.study_mode == StudyMode.APPRENTICE and created.name == "李四"


def test_linkable_students_of_an_enterprise_are_those_tied_to_it(
    hr_user, school_user, secretariat_user, council_user, enterprise, other_enterprise, school
):
    apprentice = ApprenticeshipFactory(enterprise=enterprise).student
    intern = InternshipFactory(enterprise=enterprise).student
    ordered = OrderClassEnrolmentFactory(
        order_class=OrderClassFactory(enterprises=[enterprise])
    ).student
    hire = GraduatePlacementFactory(employer=enterprise).student
    elsewhere = InternshipFactory(enterprise=other_enterprise).student
    own_school = StudentFactory(school=school)
    linkable = set(permissions.students_linkable_by(hr_user))
    assert linkable == {apprentice, intern, ordered, hire}
    assert set(permissions.students_linkable_by(school_user)) == {own_school}
    assert elsewhere in permissions.students_linkable_by(secretariat_user)
    assert not permissions.students_linkable_by(council_user).exists()
