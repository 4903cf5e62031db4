"""Register lists: bounded queries, search and drill-down filters, htmx rows, masking."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factory_base import with_history
from tests.members.factories import EnterpriseFactory, SchoolFactory
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


def _populate(n: int, school, enterprise) -> None:
    for _ in range(n):
        other = EnterpriseFactory()
        workshop = InSchoolWorkshopFactory(school=school, enterprises=[enterprise, other])
        ProductionOrderFactory(workshop=workshop)
        TrainingBaseFactory(enterprise=enterprise)
        StationPostFactory(station=TeacherStationFactory(enterprise=enterprise))
        teacher = TeacherFactory(school=school)
        SecondmentFactory(teacher=teacher, enterprise=enterprise)
        craftsman = CraftsmanFactory(enterprise=enterprise)
        TeachingAssignmentFactory(craftsman=craftsman, school=school)
        programme = TrainingProgrammeFactory(school=school, enterprises=[enterprise, other])
        CertificationFactory(school=school, programme=programme)


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


@pytest.mark.parametrize("name", LISTS)
def test_list_queries_do_not_grow_with_rows(
    client_for, secretariat_user, school, enterprise, name, django_assert_max_num_queries
):
    client = client_for(secretariat_user)
    url = reverse(f"training:{name}")
    _populate(3, school, enterprise)
    # Session + user, count, page rows, a prefetch (enterprises) or hour totals, filter choices
    # (schools, enterprises), the menu: about a dozen whatever the row count.
    with django_assert_max_num_queries(14):
        small = client.get(url)
    _populate(27, school, enterprise)
    with django_assert_max_num_queries(14):
        large = client.get(url)
    assert small.status_code == large.status_code == 200
    assert large.context["paginator"].count >= 25


def test_htmx_request_gets_only_the_rows(client_for, secretariat_user, school):
    TeacherFactory(school=school, name="赵老师")
    response = client_for(secretariat_user).get(
        reverse("training:teacher_list"), HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "赵老师" in body and "<html" not in body and 'id="filters"' not in body


def test_list_page_has_filters_register_actions_and_create_link(client_for, school_user):
    body = client_for(school_user).get(reverse("training:secondment_list")).content.decode()
    assert (
        'id="filters"' in body
        and 'hx-get="/training/secondments/"' in body
        and 'id="create-link"' in body
    )


def test_search_and_drill_down_filters(
    client_for, secretariat_user, school, other_school, enterprise
):
    mine = SecondmentFactory(
        teacher=TeacherFactory(school=school, name="孙丽"), enterprise=enterprise
    )
    SecondmentFactory(teacher=TeacherFactory(school=other_school, name="周强"))
    SecondmentFactory(
        teacher=TeacherFactory(school=school, name="钱峰"),
        start_on=dt.date(2023, 3, 1),
        end_on=dt.date(2023, 3, 30),
        days=20,
    )
    client = client_for(secretariat_user)
    url = reverse("training:secondment_list")

    def names(**params):
        return {s.teacher.name for s in client.get(url, params).context["object_list"]}

    assert names(q="孙") == {"孙丽"}
    assert names(school=school.pk) == {"孙丽", "钱峰"}
    assert names(school=school.pk, year=2025) == {"孙丽"}
    assert names(enterprise=enterprise.pk) == {mine.teacher.name}


def test_programme_filters_by_enterprise_without_duplicates(
    client_for, secretariat_user, school, enterprise
):
    other = EnterpriseFactory()
    TrainingProgrammeFactory(school=school, enterprises=[enterprise, other], title="电工班")
    response = client_for(secretariat_user).get(reverse("training:programme_list"), {"q": "企业"})
    assert response.context["paginator"].count == 1
    response = client_for(secretariat_user).get(
        reverse("training:programme_list"), {"enterprise": enterprise.pk, "year": 2025}
    )
    assert response.context["paginator"].count == 1


def test_phone_masked_in_page_source_except_for_the_secretariat(
    client_for, secretariat_user, hr_user, school_user, enterprise
):
    craftsman = CraftsmanFactory(enterprise=enterprise, phone="13812345678")
    for url in (
        reverse("training:craftsman_list"),
        reverse("training:craftsman_detail", args=[craftsman.pk]),
    ):
        for user in (hr_user, school_user):
            body = client_for(user).get(url).content.decode()
            assert "13812345678" not in body and "138****5678" in body
        assert "13812345678" in client_for(secretariat_user).get(url).content.decode()


def test_phone_changes_masked_in_history(client_for, hr_user, enterprise):
    craftsman = CraftsmanFactory(enterprise=enterprise, phone="13812345678")
    craftsman.phone = "13987654321"
    craftsman.save()
    body = (
        client_for(hr_user)
        .get(reverse("training:craftsman_detail", args=[craftsman.pk]))
        .content.decode()
    )
    assert "13987654321" not in body and "139****4321" in body


def test_assignment_list_totals_hours_per_school_and_year(client_for, secretariat_user, school):
    craftsman = CraftsmanFactory()
    TeachingAssignmentFactory(craftsman=craftsman, school=school, hours=10)
    TeachingAssignmentFactory(craftsman=craftsman, school=school, hours=22)
    TeachingAssignmentFactory(craftsman=craftsman, school=SchoolFactory(), hours=5)
    totals = list(
        client_for(secretariat_user).get(reverse("training:assignment_list")).context["totals"]
    )
    assert {(t["school__name"], t["hours"]) for t in totals} >= {(school.name, 32)}


def test_detail_has_a_history_tab(client_for, hr_user, enterprise):
    with with_history():
        base = TrainingBaseFactory(enterprise=enterprise)
    body = client_for(hr_user).get(reverse("training:base_detail", args=[base.pk])).content.decode()
    assert 'id="history-pane"' in body and "创建" in body


def test_searching_partners_or_posts_does_not_inflate_the_figures(
    client_for, secretariat_user, school
):
    a, b = EnterpriseFactory(name="甲铝业有限公司"), EnterpriseFactory(name="乙铝业有限公司")
    workshop = InSchoolWorkshopFactory(school=school, enterprises=[a, b])
    ProductionOrderFactory.create_batch(2, workshop=workshop)
    client = client_for(secretariat_user)
    [row] = client.get(reverse("training:workshop_list"), {"q": "铝业"}).context["object_list"]
    assert row.order_count == 2
    station = TeacherStationFactory()
    StationPostFactory(station=station, post="工艺员甲", places=2)
    StationPostFactory(station=station, post="工艺员乙", places=3)
    [row] = client.get(reverse("training:station_list"), {"q": "工艺员"}).context["object_list"]
    assert row.post_places == 5


def test_pages_also_work_in_english(client_for, secretariat_user, school):
    client = client_for(secretariat_user)
    client.cookies["django_language"] = "en"
    assert "In-school workshops" in client.get(reverse("training:workshop_list")).content.decode()


def test_craftsman_page_shows_a_school_only_its_own_teaching(
    client_for, school_user, school, other_school
):
    craftsman = CraftsmanFactory()
    TeachingAssignmentFactory(craftsman=craftsman, school=school, course="本校课程")
    TeachingAssignmentFactory(craftsman=craftsman, school=other_school, course="外校课程")
    body = (
        client_for(school_user)
        .get(reverse("training:craftsman_detail", args=[craftsman.pk]))
        .content.decode()
    )
    assert "本校课程" in body and "外校课程" not in body
