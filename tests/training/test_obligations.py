"""The obligation pages and the organisation-page sections: the right numbers, the right people."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.urls import reverse

from members.sections import sections_for
from tests.members.factories import SchoolYearFiguresFactory
from tests.training.factories import (
    SecondmentFactory,
    TeacherFactory,
    TeacherStationFactory,
    TrainingBaseFactory,
    TrainingProgrammeFactory,
)
from training import demo, selectors
from training.models import Secondment, SecondmentStatus, Teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(school):
    return SchoolYearFiguresFactory(
        school=school, year=2025, enrolled_students=1000, professional_teachers=40
    )


def _second(school, n: int, **kwargs) -> None:
    for _ in range(n):
        SecondmentFactory(teacher=TeacherFactory(school=school), **kwargs)


def test_school_page_shows_rate_against_five_percent(client_for, school_user, school, figures):
    _second(school, 1)
    page = client_for(school_user).get(
        reverse("training:school_obligations", args=[school.pk]), {"year": 2025}
    )
    row = page.context["row"]
    assert (row.seconded, row.professional_teachers) == (1, 40)
    assert row.secondment_rate == 0.025 and row.secondment_met is False and row.seconded_needed == 1
    body = page.content.decode()
    assert "2.5%" in body and "未达标" in body
    _second(school, 1)
    page = client_for(school_user).get(
        reverse("training:school_obligations", args=[school.pk]), {"year": 2025}
    )
    assert page.context["row"].secondment_met is True and "5.0%" in page.content.decode()


def test_school_page_shows_training_ratio_against_two_times(
    client_for, secretariat_user, school, figures
):
    TrainingProgrammeFactory(school=school, participants=1500)
    TrainingProgrammeFactory(school=school, participants=600)
    row = (
        client_for(secretariat_user)
        .get(reverse("training:school_obligations", args=[school.pk]), {"year": 2025})
        .context["row"]
    )
    assert row.person_times == 2100 and row.training_ratio == 2.1 and row.training_met is True


def test_planned_and_non_professional_secondments_do_not_count(
    client_for, school_user, school, figures
):
    SecondmentFactory(teacher=TeacherFactory(school=school), status=SecondmentStatus.PLANNED)
    SecondmentFactory(teacher=TeacherFactory(school=school, is_professional=False))
    row = (
        client_for(school_user)
        .get(reverse("training:school_obligations", args=[school.pk]), {"year": 2025})
        .context["row"]
    )
    assert row.seconded == 0


def test_without_figures_the_teacher_register_is_the_denominator(school):
    TeacherFactory.create_batch(3, school=school)
    TeacherFactory(school=school, is_professional=False)
    _second(school, 1)
    row = selectors.school_obligations(2025)[0]
    assert row.professional_teachers == 4 and row.teachers_from_register
    assert row.enrolled_students is None and row.training_met is None


def test_year_picker_chooses_the_year(client_for, school_user, school, figures):
    SecondmentFactory(
        teacher=TeacherFactory(school=school),
        start_on=dt.date(2024, 3, 1),
        end_on=dt.date(2024, 3, 20),
        days=10,
    )
    url = reverse("training:school_obligations", args=[school.pk])
    assert client_for(school_user).get(url, {"year": 2024}).context["row"].seconded == 1
    assert client_for(school_user).get(url, {"year": 2025}).context["row"].seconded == 0
    # A nonsense year is a bad request with a message, not a silent switch to another year.
    assert client_for(school_user).get(url, {"year": "abc"}).status_code == 400


def test_council_sees_rates_but_not_teachers_names(client_for, council_user, school, figures):
    SecondmentFactory(teacher=TeacherFactory(school=school, name="欧阳明"))
    page = client_for(council_user).get(
        reverse("training:school_obligations", args=[school.pk]), {"year": 2025}
    )
    assert page.context["row"].seconded == 1 and "欧阳明" not in page.content.decode()


def test_overview_lists_schools_and_enterprise_coverage(
    client_for, council_user, school, enterprise, other_enterprise, figures
):
    TrainingBaseFactory(enterprise=enterprise)
    TeacherStationFactory(enterprise=enterprise)
    TrainingBaseFactory(enterprise=other_enterprise, established_on=dt.date(2026, 1, 1))
    page = client_for(council_user).get(reverse("training:obligations"), {"year": 2025})
    rows = {r.enterprise_name: r for r in page.context["enterprises"]}
    assert rows[enterprise.name].met and not rows[other_enterprise.name].has_base
    assert page.context["base_count"] == 1 and [s.school_id for s in page.context["schools"]] == [
        school.pk
    ]


def test_coordinator_overview_shows_only_their_school(
    client_for, school_user, school, other_school
):
    page = client_for(school_user).get(reverse("training:obligations"))
    assert [s.school_id for s in page.context["schools"]] == [school.pk]


def test_enterprise_section_shows_base_and_station_obligations(hr_user, enterprise):
    TrainingBaseFactory(enterprise=enterprise, established_on=dt.date(2024, 1, 1))
    TrainingProgrammeFactory(
        start_on=dt.date(2024, 5, 1), end_on=dt.date(2024, 5, 3)
    )  # makes 2024 the default year
    section = next(
        s
        for s in sections_for(enterprise, hr_user)
        if s.template == "training/_organization_section.html"
    )
    row = section.context["enterprise_row"]
    assert row.has_base and not row.has_station and not row.met


def test_school_section_links_to_obligations_only_for_readers(
    school_user, hr_user, school, figures
):
    for_school = next(
        s for s in sections_for(school, school_user) if s.template.startswith("training/")
    )
    for_hr = next(s for s in sections_for(school, hr_user) if s.template.startswith("training/"))
    assert "obligations_url" in for_school.context and "obligations_url" not in for_hr.context


def test_organisation_page_renders_the_training_section(client_for, hr_user, enterprise):
    TrainingBaseFactory(enterprise=enterprise, name="华建实训基地")
    body = (
        client_for(hr_user)
        .get(reverse("members:organization_detail", args=[enterprise.pk]))
        .content.decode()
    )
    assert (
        'id="training-section"' in body and "华建实训基地" in body and "至少1处技能实训基地" in body
    )


def test_demo_seed_is_idempotent_and_shows_the_contrasts(
    school, other_school, enterprise, other_enterprise
):
    # The persona schools carry the demo schools' names, so the demo's targets apply to them.
    SchoolYearFiguresFactory(
        school=school, year=2025, enrolled_students=4880, professional_teachers=266
    )
    SchoolYearFiguresFactory(
        school=other_school, year=2025, enrolled_students=2670, professional_teachers=155
    )
    demo.seed(random.Random("x"))
    counts = (Teacher.objects.count(), Secondment.objects.count())
    demo.seed(random.Random("x"))
    assert (Teacher.objects.count(), Secondment.objects.count()) == counts
    rows = {r.school_name: r for r in selectors.school_obligations(2025)}
    assert rows[school.name].secondment_met and rows[school.name].training_met
    assert not rows[other_school.name].secondment_met and not rows[other_school.name].training_met


def test_school_rows_total_the_craftsmen_teaching_hours(school):
    from tests.training.factories import TeachingAssignmentFactory

    TeachingAssignmentFactory(school=school, hours=12)
    TeachingAssignmentFactory(school=school, hours=20)
    assert selectors.school_obligations(2025)[0].teaching_hours == 32
