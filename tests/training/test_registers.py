"""The training registers on the register framework: sorting, pagination that keeps the filters,
search, "all" on every choice filter, success messages, and the one file view."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse

from alliance.registers.filters import ALL
from tests.members.factories import EnterpriseFactory
from tests.training.factories import (
    CertificationFactory,
    CraftsmanFactory,
    InSchoolWorkshopFactory,
    ProductionOrderFactory,
    SecondmentFactory,
    StationPostFactory,
    TeacherFactory,
    TeacherStationFactory,
    TeachingAssignmentFactory,
    TrainingBaseFactory,
    TrainingProgrammeFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# An HTML page that starts with PNG's magic bytes: a browser sniffing it would run the script.
FAKE_PNG = b"\x89PNG\r\n\x1a\n<html><script>alert(document.cookie)</script></html>"

LISTS = [
    "workshop_list",
    "base_list",
    "station_list",
    "teacher_list",
    "secondment_list",
    "craftsman_list",
    "assignment_list",
    "programme_list",
    "certification_list",
]


def _first_and_last(client, name: str, sort: str) -> tuple:
    table = client.get(reverse(f"training:{name}"), {"sort": sort}).context["table"]
    records = [row.record for row in table.page.object_list]
    return records[0], records[-1]


# (list, sort key, a factory call making the record that sorts first, and the one that sorts last)
SORTS = [
    (
        "workshop_list",
        "name",
        lambda school, enterprise: InSchoolWorkshopFactory(school=school, name="A 校中厂"),
        lambda school, enterprise: InSchoolWorkshopFactory(school=school, name="B 校中厂"),
    ),
    (
        "base_list",
        "capacity",
        lambda school, enterprise: TrainingBaseFactory(enterprise=enterprise, capacity=5),
        lambda school, enterprise: TrainingBaseFactory(enterprise=enterprise, capacity=500),
    ),
    (
        "station_list",
        "name",
        lambda school, enterprise: TeacherStationFactory(enterprise=enterprise, name="A 站"),
        lambda school, enterprise: TeacherStationFactory(enterprise=enterprise, name="B 站"),
    ),
    (
        "teacher_list",
        "name",
        lambda school, enterprise: TeacherFactory(school=school, name="A 老师"),
        lambda school, enterprise: TeacherFactory(school=school, name="B 老师"),
    ),
    (
        "secondment_list",
        "teacher",
        lambda school, enterprise: SecondmentFactory(
            teacher=TeacherFactory(school=school, name="A 老师"), enterprise=enterprise
        ),
        lambda school, enterprise: SecondmentFactory(
            teacher=TeacherFactory(school=school, name="B 老师"), enterprise=enterprise
        ),
    ),
    (
        "craftsman_list",
        "name",
        lambda school, enterprise: CraftsmanFactory(enterprise=enterprise, name="A 工"),
        lambda school, enterprise: CraftsmanFactory(enterprise=enterprise, name="B 工"),
    ),
    (
        "assignment_list",
        "hours",
        lambda school, enterprise: TeachingAssignmentFactory(school=school, hours=2),
        lambda school, enterprise: TeachingAssignmentFactory(school=school, hours=200),
    ),
    (
        "programme_list",
        "period",
        lambda school, enterprise: TrainingProgrammeFactory(
            school=school, start_on=dt.date(2024, 1, 5), end_on=dt.date(2024, 1, 9)
        ),
        lambda school, enterprise: TrainingProgrammeFactory(
            school=school, start_on=dt.date(2025, 6, 1), end_on=dt.date(2025, 6, 9)
        ),
    ),
    (
        "certification_list",
        "passed",
        lambda school, enterprise: CertificationFactory(school=school, candidates=30, passed=1),
        lambda school, enterprise: CertificationFactory(school=school, candidates=30, passed=29),
    ),
]


@pytest.mark.parametrize(
    ("name", "sort", "make_first", "make_last"), SORTS, ids=[s[0] for s in SORTS]
)
def test_each_list_sorts_by_its_columns_both_ways(
    client_for, secretariat_user, school, enterprise, name, sort, make_first, make_last
):
    last = make_last(school, enterprise)
    first = make_first(school, enterprise)
    client = client_for(secretariat_user)
    assert _first_and_last(client, name, sort) == (first, last)
    assert _first_and_last(client, name, f"-{sort}") == (last, first)
    # The column's header links to the sorted list (descending when it is the current order).
    body = client.get(reverse(f"training:{name}")).content.decode()
    assert re.search(rf'href="\?sort=-?{sort}"', body)


def test_annotated_columns_sort_too(client_for, secretariat_user, school):
    busy = InSchoolWorkshopFactory(school=school)
    ProductionOrderFactory.create_batch(3, workshop=busy)
    idle = InSchoolWorkshopFactory(school=school)
    ProductionOrderFactory(workshop=idle)
    client = client_for(secretariat_user)
    assert _first_and_last(client, "workshop_list", "order_count") == (idle, busy)
    small, large = TeacherStationFactory(), TeacherStationFactory()
    StationPostFactory(station=small, places=1)
    StationPostFactory(station=large, places=9)
    assert _first_and_last(client, "station_list", "-post_places") == (large, small)


def test_pagination_keeps_the_filters(client_for, secretariat_user, school, other_school):
    TeacherFactory.create_batch(30, school=school)
    TeacherFactory.create_batch(3, school=other_school)
    client = client_for(secretariat_user)
    url = reverse("training:teacher_list")
    body = client.get(url, {"school": school.pk, "sort": "name"}).content.decode()
    # The link to page 2 carries the school filter and the sort order: 30 rows = 25 + 5.
    assert f"school={school.pk}" in body and "page=2" in body and "sort=name" in body
    page_two = client.get(url, {"school": school.pk, "sort": "name", "page": 2})
    rows = [row.record for row in page_two.context["table"].page.object_list]
    assert len(rows) == 5 and {t.school_id for t in rows} == {school.pk}


# (list, a factory call making the record to find, the search words)
SEARCHES = [
    ("workshop_list", lambda e: InSchoolWorkshopFactory(production_line="挤压线甲"), "挤压线甲"),
    ("base_list", lambda e: TrainingBaseFactory(enterprise=e, master_names="李大师"), "李大师"),
    (
        "station_list",
        lambda e: StationPostFactory(post="模具钳工").station,
        "模具钳工",
    ),
    ("teacher_list", lambda e: TeacherFactory(employee_number="ZJ7788"), "ZJ7788"),
    ("secondment_list", lambda e: SecondmentFactory(post="挤压模具维护"), "模具维护"),
    ("craftsman_list", lambda e: CraftsmanFactory(specialty="阳极氧化"), "阳极氧化"),
    (
        "assignment_list",
        lambda e: TeachingAssignmentFactory(craftsman=CraftsmanFactory(name="鲁班")),
        "鲁班",
    ),
    ("programme_list", lambda e: TrainingProgrammeFactory(enterprises=[e]), "华建"),
    (
        "certification_list",
        lambda e: CertificationFactory(programme=TrainingProgrammeFactory(title="焊工提升班")),
        "焊工提升",
    ),
]


@pytest.mark.parametrize(("name", "make", "words"), SEARCHES, ids=[s[0] for s in SEARCHES])
def test_each_list_searches_its_declared_fields(
    client_for, secretariat_user, enterprise, name, make, words
):
    wanted = make(enterprise)
    client = client_for(secretariat_user)
    found = list(client.get(reverse(f"training:{name}"), {"q": words}).context["object_list"])
    assert found == [wanted]
    assert not client.get(reverse(f"training:{name}"), {"q": "无此记录"}).context["object_list"]


@pytest.mark.parametrize("name", LISTS)
def test_every_choice_filter_offers_all(client_for, secretariat_user, name):
    form = client_for(secretariat_user).get(reverse(f"training:{name}")).context["filter"].form
    choice_fields = [f for f in form.fields.values() if isinstance(f.widget, forms.Select)]
    assert choice_fields
    for field in choice_fields:
        value, label = next(iter(field.widget.choices))
        assert value == "" and str(label) == str(ALL), (name, field.label)


def test_yes_no_filters_show_all_yes_and_no(client_for, secretariat_user, school):
    TeacherFactory(school=school, name="专业甲", is_professional=True)
    TeacherFactory(school=school, name="文化乙", is_professional=False)
    client = client_for(secretariat_user)
    url = reverse("training:teacher_list")

    def names(**params):
        return {t.name for t in client.get(url, params).context["object_list"]}

    assert names(is_professional="true") == {"专业甲"}
    assert names(is_professional="false") == {"文化乙"}
    assert names(is_professional="") == {"专业甲", "文化乙"}


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_success_message_after_saving_a_register_form(client_for, school_user):
    data = {"name": "王伟", "employee_number": "ZJ0101", "department": "机电系"}
    response = client_for(school_user).post(reverse("training:teacher_create"), data)
    assert response.status_code == 302 and any("王伟" in m for m in _messages(response))


def test_success_message_after_saving_a_record_on_its_parents_page(
    client_for, school_user, hr_user, school, enterprise
):
    workshop = InSchoolWorkshopFactory(school=school)
    order = {
        "description": "型材加工",
        "quantity": "100",
        "value": "5000",
        "start_on": "2025-03-01",
        "end_on": "2025-04-01",
    }
    response = client_for(school_user).post(
        reverse("training:order_create", args=[workshop.pk]), order
    )
    assert response["Location"].endswith(
        reverse("training:workshop_detail", args=[workshop.pk]) + "#orders"
    )
    assert any("型材加工" in m for m in _messages(response))
    post = StationPostFactory(station=TeacherStationFactory(enterprise=enterprise), post="质检员")
    response = client_for(hr_user).post(
        reverse("training:post_update", args=[post.pk]),
        {"year": post.year, "post": "质检员", "major": "", "places": "4"},
    )
    assert response.status_code == 302 and any("质检员" in m for m in _messages(response))
    post.refresh_from_db()
    assert post.places == 4


def test_partner_enterprises_changes_are_kept_in_history(client_for, school_user, school):
    a, b = EnterpriseFactory(name="甲企业"), EnterpriseFactory(name="乙企业")
    client = client_for(school_user)
    client.post(
        reverse("training:workshop_create"),
        {"name": "铝材校中厂", "enterprises": [a.pk], "status": "operating"},
    )
    workshop = school.workshops.get()
    client.post(
        reverse("training:workshop_update", args=[workshop.pk]),
        {"name": "铝材校中厂", "enterprises": [a.pk, b.pk], "status": "operating"},
    )
    latest = workshop.history.latest()
    assert {row.organization_id for row in latest.enterprises.all()} == {a.pk, b.pk}
    page = client.get(reverse("training:workshop_detail", args=[workshop.pk]))
    assert page.status_code == 200


# --- the one file view ------------------------------------------------------------------------


def _secondment_with_report(school, enterprise, content: bytes, name: str):
    secondment = SecondmentFactory(teacher=TeacherFactory(school=school), enterprise=enterprise)
    # Stored directly: the upload validator would refuse the disguised file; serving is tested.
    secondment.outcome_report.save(name, ContentFile(content))
    return secondment


def test_outcome_report_is_a_sandboxed_download(client_for, hr_user, school, enterprise):
    secondment = _secondment_with_report(school, enterprise, PDF, "报告.pdf")
    response = client_for(hr_user).get(
        reverse("training:secondment_file", args=[secondment.pk, "outcome_report"])
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_html_disguised_as_png_is_never_served_as_a_page_or_an_image(
    client_for, hr_user, school, enterprise
):
    secondment = _secondment_with_report(school, enterprise, FAKE_PNG, "report.png")
    response = client_for(hr_user).get(
        reverse("training:secondment_file", args=[secondment.pk, "outcome_report"])
    )
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_only_declared_file_fields_are_served(client_for, hr_user, school, enterprise):
    secondment = _secondment_with_report(school, enterprise, PDF, "报告.pdf")
    url = reverse("training:secondment_file", args=[secondment.pk, "post"])
    assert client_for(hr_user).get(url).status_code == 404


def test_detail_page_links_the_outcome_report(client_for, school_user, school, enterprise):
    secondment = _secondment_with_report(school, enterprise, PDF, "报告.pdf")
    body = (
        client_for(school_user)
        .get(reverse("training:secondment_detail", args=[secondment.pk]))
        .content.decode()
    )
    assert reverse("training:secondment_file", args=[secondment.pk, "outcome_report"]) in body
