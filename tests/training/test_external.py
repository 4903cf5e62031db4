"""External cooperation (Qufu 三(八)): partners outside the city, agreements and exchanges."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.training.factories import PartnerExchangeFactory, PartnerInstitutionFactory
from training.models import PartnerInstitution

pytestmark = pytest.mark.django_db


def test_a_member_is_not_an_external_partner(school, enterprise):
    partner = PartnerInstitutionFactory.build(school=school, name=enterprise.name)
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "name" in error.value.error_dict


def test_an_agreement_is_named_and_its_dates_in_order(school):
    partner = PartnerInstitutionFactory.build(
        school=school, agreement_title="", agreement_until=dt.date(2020, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert {"agreement_title", "agreement_until"} <= set(error.value.error_dict)


def test_school_records_a_partner_and_an_exchange(client_for, school_user, school):
    client = client_for(school_user)
    response = client.post(
        reverse("training:partner_create"),
        {
            "school": school.pk,
            "name": "宁波技师学院",
            "kind": "vocational_school",
            "location": "浙江省宁波市",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    partner = PartnerInstitution.objects.get()
    response = client.post(
        reverse("training:exchange_create"),
        {
            "partner": partner.pk,
            "date": "2025-10-16",
            "area": "teacher_training",
            "direction": "outbound",
            "title": "专业教师跟岗研修",
            "participants": 6,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    detail = client.get(reverse("training:partner_detail", args=[partner.pk]))
    assert "专业教师跟岗研修" in detail.content.decode()


def test_a_school_keeps_only_its_own_partners(
    client_for, school_user, other_school, hr_user, council_user
):
    theirs = PartnerExchangeFactory(partner=PartnerInstitutionFactory(school=other_school))
    client = client_for(school_user)
    assert (
        client.get(reverse("training:partner_update", args=[theirs.partner.pk])).status_code == 404
    )
    assert client.get(reverse("training:exchange_update", args=[theirs.pk])).status_code == 404
    for user in (hr_user, council_user):  # everyone reads, no one else edits
        reader = client_for(user)
        assert reader.get(reverse("training:exchange_detail", args=[theirs.pk])).status_code == 200
        assert reader.get(reverse("training:exchange_update", args=[theirs.pk])).status_code == 403


def test_partner_and_exchange_lists_are_bounded(
    client_for, secretariat_user, school, django_assert_max_num_queries
):
    for _ in range(15):
        PartnerExchangeFactory(partner=PartnerInstitutionFactory(school=school))
    client = client_for(secretariat_user)
    for name in ("partner_list", "exchange_list"):
        # session, user, count, rows, filter choices: the same for 15 rows or 1500
        with django_assert_max_num_queries(12):
            assert client.get(reverse(f"training:{name}")).status_code == 200
