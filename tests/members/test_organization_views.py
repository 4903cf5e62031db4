from __future__ import annotations

import datetime as dt
import random

import pytest
from django.urls import reverse

from alliance.fake_ids import credit_code
from members.models import Organization
from members.sections import OrganizationSection, _providers, register
from tests.factory_base import with_history
from tests.members.factories import EnterpriseFactory, OrganizationFactory, SchoolFactory

pytestmark = pytest.mark.django_db

LIST = reverse("members:organization_list")


def _create_data(**changes):
    data = {
        "kind": "enterprise",
        "name": "临朐新建机械有限公司",
        "credit_code": credit_code(random.Random(11)),
        "is_local": "on",
        "joined_on": "2025-03-01",
        "industry": "机械制造",
        "size": "medium",
        "wage_min": "4500",
        "wage_max": "7000",
    }
    data.update(changes)
    return data


def test_list_searches_name_and_credit_code(client_for, secretariat_user):
    a = EnterpriseFactory(name="山东甲铝业有限公司")
    EnterpriseFactory(name="山东乙食品有限公司")
    client = client_for(secretariat_user)
    assert [o.pk for o in client.get(LIST, {"q": "铝业"}).context["object_list"]] == [a.pk]
    assert [
        o.pk for o in client.get(LIST, {"q": a.credit_code.lower()}).context["object_list"]
    ] == [a.pk]


def test_list_filters_kind_local_status_industry_year(client_for, council_user):
    local = EnterpriseFactory(industry="铝型材", joined_on=dt.date(2023, 12, 8))
    outside = EnterpriseFactory(is_local=False, industry="食品")
    withdrawn = EnterpriseFactory(
        status="withdrawn", left_on=dt.date(2024, 6, 1), joined_on=dt.date(2023, 12, 8)
    )
    school = SchoolFactory()
    client = client_for(council_user)

    def ids(**params):
        return {o.pk for o in client.get(LIST, params).context["object_list"]}

    assert ids(kind="school") == {school.pk}
    assert ids(is_local="false") == {outside.pk}
    assert ids(status="withdrawn") == {withdrawn.pk}
    assert ids(industry="铝型材") == {local.pk}
    assert withdrawn.pk in ids(year=2023) and withdrawn.pk not in ids(year=2025)


def test_list_queries_are_bounded(client_for, secretariat_user, django_assert_max_num_queries):
    for i in range(40):
        OrganizationFactory(name=f"批量企业{i:02d}")
    client = client_for(secretariat_user)
    # session, user, industry choices, the table's size, count, page of rows (+ savepoints of
    # the test client)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 25


def test_htmx_request_gets_only_the_rows(client_for, hr_user):
    EnterpriseFactory(name="部分刷新测试有限公司")
    response = client_for(hr_user).get(LIST, {"q": "部分刷新"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "部分刷新测试有限公司" in body
    assert "<html" not in body and 'id="register-table"' in body


def test_secretariat_registers_an_enterprise(client_for, secretariat_user):
    code = credit_code(random.Random(11))
    response = client_for(secretariat_user).post(
        reverse("members:organization_create"), _create_data(credit_code=f" {code.lower()} ")
    )
    org = Organization.objects.get(name="临朐新建机械有限公司")
    assert response.status_code == 302 and response["Location"] == reverse(
        "members:organization_detail", args=[org.pk]
    )
    assert org.credit_code == code and org.wage_max == 7000


def test_wrong_credit_code_is_refused_in_chinese(client_for, secretariat_user):
    code = credit_code(random.Random(11))
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    response = client_for(secretariat_user).post(
        reverse("members:organization_create"), _create_data(credit_code=wrong)
    )
    assert response.status_code == 200
    assert "统一社会信用代码" in response.content.decode()
    assert not Organization.objects.filter(name="临朐新建机械有限公司").exists()


def test_duplicate_credit_code_is_refused(client_for, secretariat_user):
    existing = EnterpriseFactory()
    response = client_for(secretariat_user).post(
        reverse("members:organization_create"), _create_data(credit_code=existing.credit_code)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["credit_code"]


def test_hr_edits_only_the_profile_of_its_enterprise(client_for, hr_user, enterprise):
    response = client_for(hr_user).post(
        reverse("members:organization_update", args=[enterprise.pk]),
        {
            "industry": "铝型材",
            "development_status": "稳步发展",
            "wage_min": "5000",
            "wage_max": "9000",
            "kind": "school",
            "name": "改名",
        },
    )
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.development_status == "稳步发展"
    assert enterprise.kind == "enterprise" and enterprise.name == "山东华建铝业集团有限公司"


def test_hr_gets_404_on_another_enterprises_edit_page(client_for, hr_user, other_enterprise):
    assert (
        client_for(hr_user)
        .get(reverse("members:organization_update", args=[other_enterprise.pk]))
        .status_code
        == 404
    )


def test_council_cannot_edit(client_for, council_user, enterprise):
    assert (
        client_for(council_user)
        .get(reverse("members:organization_update", args=[enterprise.pk]))
        .status_code
        == 403
    )


def test_wage_range_out_of_order_shows_a_field_error(client_for, hr_user, enterprise):
    response = client_for(hr_user).post(
        reverse("members:organization_update", args=[enterprise.pk]),
        {"wage_min": "8000", "wage_max": "5000"},
    )
    assert response.status_code == 200 and response.context["form"].errors["wage_max"]


def test_withdrawal_keeps_the_member_with_a_date(client_for, secretariat_user):
    with with_history():
        enterprise = EnterpriseFactory()
    client = client_for(secretariat_user)
    response = client.post(
        reverse("members:organization_withdraw", args=[enterprise.pk]), {"left_on": "2025-09-30"}
    )
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.status == "withdrawn" and enterprise.left_on == dt.date(2025, 9, 30)
    # A withdrawn member cannot be withdrawn twice; its page still opens, with its history.
    assert (
        client.get(reverse("members:organization_withdraw", args=[enterprise.pk])).status_code
        == 404
    )
    detail = client.get(reverse("members:organization_detail", args=[enterprise.pk]))
    assert detail.status_code == 200 and len(detail.context["history"]) == 2


def test_hr_cannot_withdraw(client_for, hr_user, enterprise):
    assert (
        client_for(hr_user)
        .post(
            reverse("members:organization_withdraw", args=[enterprise.pk]),
            {"left_on": "2025-09-30"},
        )
        .status_code
        == 403
    )


def test_detail_shows_sections_from_other_apps(
    client_for, hr_user, enterprise, django_assert_max_num_queries, settings, tmp_path
):
    (tmp_path / "members").mkdir()
    (tmp_path / "members" / "_test_section.html").write_text("<span>section-value-{{ n }}</span>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]

    def provider(organization, user):
        return OrganizationSection(
            title="测试板块", template="members/_test_section.html", context={"n": 7}, order=1
        )

    # Only this provider: the other apps' sections have their own query tests.
    saved = list(_providers)
    _providers.clear()
    register(provider)
    client = client_for(hr_user)
    try:
        # session, user, organisation, photos, seats, experts, resolutions, history (2)
        with django_assert_max_num_queries(10):
            response = client.get(reverse("members:organization_detail", args=[enterprise.pk]))
    finally:
        _providers[:] = saved
    body = response.content.decode()
    assert "测试板块" in body and "section-value-7" in body
    assert 'id="edit-link"' in body


def test_other_hr_sees_the_detail_without_edit_button(client_for, other_hr_user, enterprise):
    response = client_for(other_hr_user).get(
        reverse("members:organization_detail", args=[enterprise.pk])
    )
    assert response.status_code == 200
    assert 'id="edit-link"' not in response.content.decode()


def test_my_organisation_link_opens_the_accounts_own_page(
    client_for, hr_user, enterprise, secretariat_user
):
    response = client_for(hr_user).get(reverse("members:my_organization"))
    assert response["Location"] == reverse("members:organization_detail", args=[enterprise.pk])
    assert client_for(secretariat_user).get(reverse("members:my_organization")).status_code == 403


def test_secretariat_undoes_a_withdrawal(client_for, secretariat_user, hr_user):
    org = EnterpriseFactory(status="withdrawn", left_on=dt.date(2025, 1, 1))
    assert (
        client_for(hr_user).post(reverse("members:organization_rejoin", args=[org.pk])).status_code
        == 403
    )
    response = client_for(secretariat_user).post(
        reverse("members:organization_rejoin", args=[org.pk])
    )
    org.refresh_from_db()
    assert response.status_code == 302 and org.status == "active" and org.left_on is None
