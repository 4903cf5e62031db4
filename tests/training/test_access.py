"""Every training page, per role: allowed (200), refused (403 / login), another organisation's
record (404). The matrix follows the decisions documented in training/permissions.py."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db

ALL = {"secretariat": 200, "council": 200, "hr": 200, "school": 200}
STAFF = {"secretariat": 200, "council": 403, "hr": 200, "school": 200}
SCHOOL_ONLY = {"secretariat": 200, "council": 403, "hr": 403, "school": 200}
ENTERPRISE_ONLY = {"secretariat": 200, "council": 403, "hr": 200, "school": 403}

# (url name, record key in the ``records`` fixture or None, expected status per role)
PAGES = [
    ("training:workshop_list", None, ALL),
    ("training:base_list", None, ALL),
    ("training:station_list", None, ALL),
    ("training:teacher_list", None, SCHOOL_ONLY),
    ("training:secondment_list", None, STAFF),
    ("training:craftsman_list", None, STAFF),
    ("training:assignment_list", None, STAFF),
    ("training:programme_list", None, ALL),
    ("training:certification_list", None, ALL),
    ("training:workshop_create", None, SCHOOL_ONLY),
    ("training:base_create", None, ENTERPRISE_ONLY),
    ("training:station_create", None, ENTERPRISE_ONLY),
    ("training:teacher_create", None, SCHOOL_ONLY),
    ("training:secondment_create", None, SCHOOL_ONLY),
    ("training:craftsman_create", None, ENTERPRISE_ONLY),
    ("training:assignment_create", None, SCHOOL_ONLY),
    ("training:programme_create", None, SCHOOL_ONLY),
    ("training:certification_create", None, SCHOOL_ONLY),
    ("training:workshop_detail", "workshop", ALL),
    ("training:base_detail", "base", ALL),
    ("training:station_detail", "station", ALL),
    ("training:teacher_detail", "teacher", SCHOOL_ONLY),
    ("training:secondment_detail", "secondment", STAFF),
    ("training:craftsman_detail", "craftsman", STAFF),
    ("training:assignment_detail", "assignment", STAFF),
    ("training:programme_detail", "programme", ALL),
    ("training:certification_detail", "certification", ALL),
    ("training:workshop_update", "workshop", SCHOOL_ONLY),
    ("training:order_create", "workshop", SCHOOL_ONLY),
    ("training:order_update", "order", SCHOOL_ONLY),
    ("training:rotation_create", "workshop", SCHOOL_ONLY),
    ("training:rotation_update", "rotation", SCHOOL_ONLY),
    ("training:base_update", "base", ENTERPRISE_ONLY),
    ("training:station_update", "station", ENTERPRISE_ONLY),
    ("training:post_create", "station", ENTERPRISE_ONLY),
    ("training:post_update", "post", ENTERPRISE_ONLY),
    ("training:teacher_update", "teacher", SCHOOL_ONLY),
    ("training:secondment_update", "secondment", SCHOOL_ONLY),
    ("training:craftsman_update", "craftsman", ENTERPRISE_ONLY),
    ("training:assignment_update", "assignment", SCHOOL_ONLY),
    ("training:programme_update", "programme", SCHOOL_ONLY),
    ("training:certification_update", "certification", SCHOOL_ONLY),
]


@pytest.fixture
def personas(secretariat_user, council_user, hr_user, school_user):
    return {
        "secretariat": secretariat_user,
        "council": council_user,
        "hr": hr_user,
        "school": school_user,
    }


def _url(name: str, key: str | None, records: dict) -> str:
    return reverse(name, args=[records[key].pk]) if key else reverse(name)


@pytest.mark.parametrize(("name", "key", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_each_role_gets_its_answer(client_for, personas, records, name, key, expected):
    url = _url(name, key, records)
    for role, status in expected.items():
        response = client_for(personas[role]).get(url)
        assert response.status_code == status, f"{role} on {url}: {response.status_code}"


@pytest.mark.parametrize(("name", "key", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_anonymous_is_sent_to_login(client_for, records, name, key, expected):
    response = client_for(None).get(_url(name, key, records))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


# Another organisation's record: 404 where the role may open the page but not that record.
# Bases and stations are read by everyone; the craftsmen pool is open to every school.
OTHER_ORG = [
    ("training:workshop_detail", "workshop", {"hr": 404, "school": 404, "council": 200}),
    ("training:base_detail", "base", {"hr": 200, "school": 200}),
    ("training:teacher_detail", "teacher", {"school": 404}),
    ("training:secondment_detail", "secondment", {"hr": 404, "school": 404}),
    ("training:craftsman_detail", "craftsman", {"hr": 404, "school": 200}),
    ("training:assignment_detail", "assignment", {"hr": 404, "school": 404}),
    ("training:programme_detail", "programme", {"hr": 404, "school": 404, "council": 200}),
    ("training:certification_detail", "certification", {"hr": 404, "school": 404}),
    ("training:workshop_update", "workshop", {"school": 404}),
    ("training:order_create", "workshop", {"school": 404}),
    ("training:order_update", "order", {"school": 404}),
    ("training:rotation_create", "workshop", {"school": 404}),
    ("training:rotation_update", "rotation", {"school": 404}),
    ("training:base_update", "base", {"hr": 404}),
    ("training:station_update", "station", {"hr": 404}),
    ("training:post_create", "station", {"hr": 404}),
    ("training:post_update", "post", {"hr": 404}),
    ("training:teacher_update", "teacher", {"school": 404}),
    ("training:secondment_update", "secondment", {"school": 404}),
    ("training:craftsman_update", "craftsman", {"hr": 404}),
    ("training:assignment_update", "assignment", {"school": 404}),
    ("training:programme_update", "programme", {"school": 404}),
    ("training:certification_update", "certification", {"school": 404}),
]


@pytest.mark.parametrize(("name", "key", "expected"), OTHER_ORG, ids=[p[0] for p in OTHER_ORG])
def test_another_organisations_record(client_for, personas, other_records, name, key, expected):
    url = _url(name, key, other_records)
    for role, status in expected.items():
        response = client_for(personas[role]).get(url)
        assert response.status_code == status, f"{role} on {url}: {response.status_code}"


def test_lists_show_only_the_users_own_records(
    client_for, hr_user, school_user, records, other_records
):
    teachers = client_for(school_user).get(reverse("training:teacher_list")).content.decode()
    assert records["teacher"].name in teachers and other_records["teacher"].name not in teachers
    hosted = client_for(hr_user).get(reverse("training:secondment_list")).content.decode()
    assert records["secondment"].teacher.name in hosted
    assert other_records["secondment"].teacher.name not in hosted
    workshops = client_for(hr_user).get(reverse("training:workshop_list")).content.decode()
    assert records["workshop"].name in workshops and other_records["workshop"].name not in workshops


def test_council_sees_no_personal_registers_in_the_menu(client_for, council_user):
    body = client_for(council_user).get(reverse("home")).content.decode()
    assert reverse("reports:obligations") in body and reverse("training:base_list") in body
    for name in ("teacher_list", "secondment_list", "craftsman_list", "assignment_list"):
        assert reverse(f"training:{name}") not in body


def test_outcome_report_of_another_organisation_is_404(
    client_for, hr_user, school_user, council_user, other_enterprise, other_school
):
    from tests.training.factories import SecondmentFactory, TeacherFactory

    secondment = SecondmentFactory(
        teacher=TeacherFactory(school=other_school),
        enterprise=other_enterprise,
        outcome_report=SimpleUploadedFile("报告.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    url = reverse("training:secondment_file", args=[secondment.pk, "outcome_report"])
    assert client_for(hr_user).get(url).status_code == 404
    assert client_for(school_user).get(url).status_code == 404
    assert client_for(council_user).get(url).status_code == 403


def test_hr_cannot_edit_a_hosted_secondment(client_for, hr_user, records):
    url = reverse("training:secondment_update", args=[records["secondment"].pk])
    assert client_for(hr_user).post(url, {}).status_code == 403


def test_detail_offers_edit_only_to_editors(client_for, hr_user, school_user, records):
    url = reverse("training:base_detail", args=[records["base"].pk])
    assert 'id="edit-link"' in client_for(hr_user).get(url).content.decode()
    assert 'id="edit-link"' not in client_for(school_user).get(url).content.decode()
