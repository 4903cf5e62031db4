from __future__ import annotations

import pytest
from django.urls import reverse

from members import services
from members.models import User

pytestmark = pytest.mark.django_db

CREATE = reverse("members:account_create")


def _data(org, **changes):
    data = {
        "username": "hr_new",
        "full_name": "新人力资源",
        "role": "enterprise_hr",
        "organization": org.pk,
    }
    data.update(changes)
    return data


def test_secretariat_creates_hr_account_and_sees_the_temporary_password_once(
    client_for, secretariat_user, enterprise
):
    response = client_for(secretariat_user).post(CREATE, _data(enterprise))
    assert response.status_code == 200
    password = response.context["password"]
    assert response["Cache-Control"] == "no-store"
    user = User.objects.get(username="hr_new")
    assert user.organization == enterprise and user.role == "enterprise_hr"
    assert user.check_password(password)


def test_account_with_given_password(client_for, secretariat_user, school):
    response = client_for(secretariat_user).post(
        CREATE,
        _data(school, username="coord2", role="school_coordinator", password="Linqu#2025pass"),
    )
    assert response.status_code == 302
    assert User.objects.get(username="coord2").check_password("Linqu#2025pass")


def test_hr_account_must_act_for_an_enterprise(client_for, secretariat_user, school):
    response = client_for(secretariat_user).post(CREATE, _data(school))
    assert response.status_code == 200 and response.context["form"].errors["organization"]
    assert not User.objects.filter(username="hr_new").exists()


def test_weak_password_and_taken_username_are_refused(
    client_for, secretariat_user, enterprise, hr_user
):
    client = client_for(secretariat_user)
    response = client.post(CREATE, _data(enterprise, password="123"))
    assert response.context["form"].errors["password"]
    response = client.post(CREATE, _data(enterprise, username=hr_user.username))
    assert response.context["form"].errors["username"]


def test_secretariat_cannot_create_another_secretariat_here(
    client_for, secretariat_user, enterprise
):
    response = client_for(secretariat_user).post(CREATE, _data(enterprise, role="secretariat"))
    assert response.status_code == 200 and response.context["form"].errors["role"]


def test_deactivated_account_cannot_log_in(client_for, secretariat_user, hr_user):
    response = client_for(secretariat_user).post(
        reverse("members:account_set_active", args=[hr_user.pk]), {"active": "0"}
    )
    assert response.status_code == 302
    hr_user.refresh_from_db()
    assert not hr_user.is_active
    login = client_for(None).post(
        reverse("login"), {"username": hr_user.username, "password": "Alliance@2025"}
    )
    assert login.status_code == 200  # the login form again, not a redirect home


def test_password_reset_shows_a_new_password(client_for, secretariat_user, hr_user):
    response = client_for(secretariat_user).post(
        reverse("members:account_reset_password", args=[hr_user.pk])
    )
    new = response.context["password"]
    hr_user.refresh_from_db()
    assert hr_user.check_password(new) and not hr_user.check_password("Alliance@2025")


def test_account_list_is_bounded_and_secretariat_only(
    client_for, secretariat_user, hr_user, enterprise, django_assert_max_num_queries
):
    for i in range(30):
        services.account_create(
            username=f"hr{i}",
            full_name="x",
            role="enterprise_hr",
            organization=enterprise,
            password="Linqu#2025pass",
        )
    client = client_for(secretariat_user)
    # Session, user, the table's size (alliance/registers/counting.py), count, page of accounts
    # with organisations, and the audit record: the list shows the secretariat phone numbers
    # unmasked.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("members:account_list"))
    assert len(response.context["page_obj"].object_list) == 25
    assert client_for(hr_user).get(reverse("members:account_list")).status_code == 403


def test_last_secretariat_cannot_be_deactivated(secretariat_user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.account_set_active(user=secretariat_user, active=False)


def test_secretariat_edits_an_account(client_for, secretariat_user, hr_user, other_enterprise):
    response = client_for(secretariat_user).post(
        reverse("members:account_update", args=[hr_user.pk]),
        {
            "username": "ignored",
            "full_name": "改名",
            "role": "enterprise_hr",
            "organization": other_enterprise.pk,
        },
    )
    assert response.status_code == 302
    hr_user.refresh_from_db()
    assert (
        hr_user.first_name == "改名"
        and hr_user.organization == other_enterprise
        and hr_user.username == "hr_user"
    )
