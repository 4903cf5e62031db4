from __future__ import annotations

import pytest
from django.urls import reverse

from members.models import SchoolYearFigures
from tests.members.factories import SchoolYearFiguresFactory

pytestmark = pytest.mark.django_db

LIST = reverse("members:school_figures_list")
CREATE = reverse("members:school_figures_create")


def _data(school, **changes):
    data = {
        "school": school.pk,
        "year": 2025,
        "enrolled_students": 4800,
        "professional_teachers": 260,
        "graduates": 1500,
    }
    data.update(changes)
    return data


def test_coordinator_enters_its_own_schools_figures(client_for, school_user, school):
    response = client_for(school_user).post(CREATE, _data(school))
    assert response.status_code == 302
    assert SchoolYearFigures.objects.get(school=school, year=2025).enrolled_students == 4800


def test_coordinator_cannot_enter_another_schools_figures(client_for, school_user, other_school):
    response = client_for(school_user).post(CREATE, _data(other_school))
    assert response.status_code == 200 and response.context["form"].errors["school"]
    assert not SchoolYearFigures.objects.exists()


def test_duplicate_year_and_negative_numbers_are_refused(client_for, secretariat_user, school):
    SchoolYearFiguresFactory(school=school, year=2025)
    response = client_for(secretariat_user).post(CREATE, _data(school, professional_teachers=-3))
    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors["professional_teachers"]
    response = client_for(secretariat_user).post(CREATE, _data(school))
    assert response.context["form"].non_field_errors()


def test_coordinator_sees_only_its_school_in_the_list(
    client_for, school_user, school, other_school
):
    own = SchoolYearFiguresFactory(school=school)
    SchoolYearFiguresFactory(school=other_school)
    response = client_for(school_user).get(LIST)
    assert [f.pk for f in response.context["object_list"]] == [own.pk]


def test_council_reads_all_figures_filtered_by_year(
    client_for, council_user, school, other_school, django_assert_max_num_queries
):
    for year in (2023, 2024, 2025):
        SchoolYearFiguresFactory(school=school, year=year)
        SchoolYearFiguresFactory(school=other_school, year=year)
    client = client_for(council_user)
    # session, user, schools for the filter, count, rows (with school), editable ids
    with django_assert_max_num_queries(7):
        response = client.get(LIST, {"year": 2024})
    assert {f.year for f in response.context["object_list"]} == {2024}
    assert len(response.context["object_list"]) == 2
    assert "Edit" not in response.content.decode() and "编辑" not in response.content.decode()


def test_hr_cannot_open_school_figures(client_for, hr_user):
    assert client_for(hr_user).get(LIST).status_code == 403


def test_coordinator_edits_own_figures_and_not_others(
    client_for, school_user, school, other_school
):
    own = SchoolYearFiguresFactory(school=school)
    other = SchoolYearFiguresFactory(school=other_school)
    client = client_for(school_user)
    response = client.post(
        reverse("members:school_figures_update", args=[own.pk]), _data(school, graduates=1600)
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.graduates == 1600
    assert client.get(reverse("members:school_figures_update", args=[other.pk])).status_code == 404
