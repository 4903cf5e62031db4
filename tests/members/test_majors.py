from __future__ import annotations

import random

import pytest
from django.urls import reverse

from members import demo
from members.models import Major
from tests.members.factories import MajorFactory

pytestmark = pytest.mark.django_db

LIST = reverse("members:major_list")
CREATE = reverse("members:major_create")


def _data(school, **changes):
    data = {
        "school": school.pk,
        "code": "660103",
        "name": "数控技术应用",
        "industry": "铝型材加工",
        "status": "backbone",
        "school_lead": "张志强",
        "enterprise_lead": "孙立新",
        "active": "on",
    }
    data.update(changes)
    return data


def test_coordinator_adds_a_major_with_partner_and_both_leads(
    client_for, school_user, school, enterprise
):
    response = client_for(school_user).post(
        CREATE, _data(school, enterprises=[enterprise.pk], enterprise_lead_employer=enterprise.pk)
    )
    assert response.status_code == 302
    major = Major.objects.get(school=school, name="数控技术应用")
    assert list(major.enterprises.all()) == [enterprise]
    assert major.has_both_leads


def test_coordinator_cannot_add_a_major_to_another_school(
    client_for, school_user, school, other_school
):
    # The school field is fixed to the coordinator's own school: a posted other school is ignored.
    client_for(school_user).post(CREATE, _data(other_school))
    assert not Major.objects.filter(school=other_school).exists()
    assert Major.objects.filter(school=school).count() == 1


def test_coordinator_cannot_edit_another_schools_major(client_for, school_user, other_school):
    major = MajorFactory(school=other_school)
    response = client_for(school_user).get(reverse("members:major_update", args=[major.pk]))
    assert response.status_code in (403, 404)


def test_the_same_name_twice_in_one_school_is_refused(client_for, secretariat_user, school):
    MajorFactory(school=school, name="数控技术应用")
    response = client_for(secretariat_user).post(CREATE, _data(school))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_every_role_reads_the_catalogue_filtered_by_partner(
    client_for, hr_user, school, enterprise, django_assert_max_num_queries
):
    partnered = MajorFactory(school=school, name="机电技术应用")
    partnered.enterprises.add(enterprise)
    MajorFactory(school=school, name="会计事务")
    for i in range(10):
        MajorFactory(school=school, name=f"专业{i}").enterprises.add(enterprise)
    client = client_for(hr_user)
    # session, user, the school count of the filter, the rows' count, the school choice, the
    # rows, the partners' prefetch (and a few for the session and menus), whatever the rows
    with django_assert_max_num_queries(12):
        response = client.get(LIST, {"has_partner": "false"})
    assert [m.name for m in response.context["object_list"]] == ["会计事务"]


def test_demo_catalogue_is_idempotent_and_has_both_lead_majors(members_demo):
    before = Major.objects.count()
    demo.seed(random.Random("again"))
    assert Major.objects.count() == before > 10
    both = [m.name for m in Major.objects.all() if m.has_both_leads]
    assert "数控技术应用" in both
