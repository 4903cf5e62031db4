"""Co-building registers (issue 15) per role, their rules, the practice-posts page and the demo."""

from __future__ import annotations

import random

import pytest
from django.urls import reverse

from tests.training.factories import (
    CoBuiltInstitutionFactory,
    CraftsmanFactory,
    InSchoolWorkshopFactory,
    InstitutionYearFactory,
    PatentFactory,
    SecondmentFactory,
    ServiceProjectFactory,
    SharedEquipmentFactory,
    StationPostFactory,
    TeacherFactory,
    TeacherStationFactory,
    TwoWayAppointmentFactory,
    WorkshopContributionFactory,
)
from training.models import SharedEquipment, TwoWayAppointment

pytestmark = pytest.mark.django_db

ALL = {"secretariat": 200, "council": 200, "hr": 200, "school": 200}
STAFF = {"secretariat": 200, "council": 403, "hr": 200, "school": 200}
SCHOOL_ONLY = {"secretariat": 200, "council": 403, "hr": 403, "school": 200}


def _records(school, enterprise) -> dict:
    institution = CoBuiltInstitutionFactory(
        kind="innovation_workshop", school=school, enterprises=[enterprise]
    )
    workshop = InSchoolWorkshopFactory(school=school, enterprises=[enterprise])
    return {
        "institution": institution,
        "institution_year": InstitutionYearFactory(institution=institution),
        "project": ServiceProjectFactory(school=school, enterprises=[enterprise]),
        "patent": PatentFactory(school=school, enterprises=[enterprise], institution=institution),
        "equipment": SharedEquipmentFactory(school=school, enterprise=enterprise),
        "contribution": WorkshopContributionFactory(workshop=workshop),
        "appointment": TwoWayAppointmentFactory(
            school=school, craftsman=CraftsmanFactory(enterprise=enterprise)
        ),
    }


@pytest.fixture
def records(school, enterprise):
    return _records(school, enterprise)


@pytest.fixture
def other_records(other_school, other_enterprise):
    return _records(other_school, other_enterprise)


@pytest.fixture
def personas(secretariat_user, council_user, hr_user, school_user):
    return {
        "secretariat": secretariat_user,
        "council": council_user,
        "hr": hr_user,
        "school": school_user,
    }


READERS = {
    "institution": ALL,
    "institution_year": ALL,
    "project": ALL,
    "patent": ALL,
    "equipment": ALL,
    "contribution": ALL,
    "appointment": STAFF,
}
EDITORS = {
    "institution": SCHOOL_ONLY,
    "institution_year": SCHOOL_ONLY,
    "project": SCHOOL_ONLY,
    "patent": SCHOOL_ONLY,
    "equipment": STAFF,
    "contribution": SCHOOL_ONLY,
    "appointment": STAFF,
}


@pytest.mark.parametrize("name", list(READERS))
def test_each_role_gets_its_answer(client_for, personas, records, name):
    pages = [
        (reverse(f"training:{name}_list"), READERS[name]),
        (reverse(f"training:{name}_detail", args=[records[name].pk]), READERS[name]),
        (reverse(f"training:{name}_create"), EDITORS[name]),
        (reverse(f"training:{name}_update", args=[records[name].pk]), EDITORS[name]),
    ]
    for url, expected in pages:
        for role, status in expected.items():
            response = client_for(personas[role]).get(url)
            assert response.status_code == status, f"{role} on {url}: {response.status_code}"
        response = client_for(None).get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", list(READERS))
def test_another_organisations_record_is_404(client_for, personas, other_records, name):
    detail = reverse(f"training:{name}_detail", args=[other_records[name].pk])
    update = reverse(f"training:{name}_update", args=[other_records[name].pk])
    for role in ("hr", "school"):
        if READERS[name][role] == 200:
            assert client_for(personas[role]).get(detail).status_code == 404, role
        if EDITORS[name][role] == 200:
            assert client_for(personas[role]).get(update).status_code == 404, role


def test_council_reads_institutions_but_never_appointments(client_for, council_user, records):
    body = client_for(council_user).get(reverse("training:institution_list")).content.decode()
    assert records["institution"].name in body
    url = reverse("training:appointment_list")
    assert client_for(council_user).get(url).status_code == 403


def test_hr_records_equipment_introduced_into_a_school(
    client_for, hr_user, enterprise, school, other_enterprise
):
    data = {
        "school": school.pk,
        "enterprise": other_enterprise.pk,  # not theirs: refused
        "name": "五轴数控加工中心",
        "direction": "introduced",
        "quantity": 1,
        "value": "680000",
        "since": "2024-09-01",
    }
    url = reverse("training:equipment_create")
    response = client_for(hr_user).post(url, data)
    assert response.status_code == 200 and response.context["form"].errors["enterprise"]
    response = client_for(hr_user).post(url, {**data, "enterprise": enterprise.pk})
    assert response.status_code == 302
    assert SharedEquipment.objects.get().enterprise == enterprise


def test_hr_appoints_its_craftsman_but_cannot_name_a_schools_teacher(
    client_for, hr_user, enterprise, school
):
    craftsman = CraftsmanFactory(enterprise=enterprise)
    teacher = TeacherFactory(school=school)
    url = reverse("training:appointment_create")
    data = {
        "direction": "teacher_at_enterprise",
        "school": school.pk,
        "enterprise": enterprise.pk,
        "teacher": teacher.pk,
        "position": "技术顾问",
        "start_on": "2025-01-01",
        "end_on": "2027-12-31",
    }
    response = client_for(hr_user).post(url, data)
    # HR never sees a school's teacher register: the teacher is not among its choices.
    assert response.status_code == 200 and response.context["form"].errors["teacher"]
    data = {**data, "direction": "craftsman_at_school", "teacher": "", "craftsman": craftsman.pk}
    assert client_for(hr_user).post(url, data).status_code == 302
    assert TwoWayAppointment.objects.get().craftsman == craftsman


def test_an_appointment_names_the_person_of_its_direction(school, enterprise):
    from django.core.exceptions import ValidationError

    appointment = TwoWayAppointmentFactory.build(
        school=school,
        enterprise=enterprise,
        craftsman=CraftsmanFactory(),  # of another enterprise
    )
    with pytest.raises(ValidationError) as error:
        appointment.full_clean()
    assert "craftsman" in error.value.message_dict


def test_a_transferred_patent_needs_grant_number_receiver_and_date(school):
    from django.core.exceptions import ValidationError

    patent = PatentFactory.build(school=school, status="transferred")
    with pytest.raises(ValidationError) as error:
        patent.full_clean()
    assert {"granted_on", "number", "transferred_to"} <= set(error.value.message_dict)


def test_practice_posts_page_flags_stations_without_posts(
    client_for, council_user, enterprise, other_enterprise, school, django_assert_max_num_queries
):
    offering = TeacherStationFactory(enterprise=enterprise, name="华建教师活动站")
    StationPostFactory(station=offering, year=2025, places=3)
    SecondmentFactory(
        teacher=TeacherFactory(school=school), enterprise=enterprise, station=offering
    )
    TeacherStationFactory(enterprise=other_enterprise, name="无岗位活动站")
    client = client_for(council_user)
    # session, user, posts offered, places filled, stations (whatever their number)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("training:practice_posts"), {"year": 2025})
    rows = {r["name"]: r for r in response.context["rows"]}
    assert (rows["华建教师活动站"]["offered"], rows["华建教师活动站"]["no_posts"]) == (3, False)
    assert rows["无岗位活动站"]["no_posts"] is True
    assert 'id="stations-without-posts"' in response.content.decode()


def test_institution_list_queries_are_bounded(
    client_for, secretariat_user, school, enterprise, django_assert_max_num_queries
):
    for _ in range(12):
        CoBuiltInstitutionFactory(school=school, enterprises=[enterprise])
    client = client_for(secretariat_user)
    client.get(reverse("training:institution_list"))
    # session, user, count, rows with their school, the partners' prefetch, filter choices
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:institution_list"))
    assert response.status_code == 200


def test_demo_fills_every_co_building_register_once():
    from members import demo as members_demo
    from training import demo
    from training.models import (
        CoBuiltInstitution,
        InstitutionYear,
        Patent,
        ServiceProject,
        WorkshopContribution,
    )

    members_demo.seed(random.Random("m"))
    demo.seed(random.Random("t"))
    models = [
        CoBuiltInstitution,
        InstitutionYear,
        ServiceProject,
        Patent,
        SharedEquipment,
        WorkshopContribution,
        TwoWayAppointment,
    ]
    counts = [m.objects.count() for m in models]
    assert all(counts), counts
    assert Patent.objects.filter(institution__kind="innovation_workshop").exists()
    demo.seed(random.Random("t"))
    assert [m.objects.count() for m in models] == counts
