"""Sessions end when idle or too old; the password policy; temporary passwords must be changed."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from alliance import sessions
from alliance.models import AuditEvent, AuditKind
from alliance.passwords import CharacterClassValidator, character_classes, temporary_password
from members.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

HOME = reverse("home")


def _age_session(client, *, login_ago: int, seen_ago: int) -> None:
    session = client.session
    session[sessions.LOGIN_AT] -= login_ago
    session[sessions.SEEN_AT] -= seen_ago
    session.save()


# -- session limits -----------------------------------------------------------------------------


def test_a_session_idle_for_31_minutes_is_logged_out(client_for, hr_user):
    client = client_for(hr_user)
    _age_session(client, login_ago=31 * 60, seen_ago=31 * 60)
    response = client.get(HOME)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(kind=AuditKind.SESSION_EXPIRED)
    assert event.detail == {"reason": "idle"}


def test_an_active_session_ends_after_12_hours(client_for, hr_user):
    client = client_for(hr_user)
    _age_session(client, login_ago=12 * 3600 + 1, seen_ago=10)
    assert client.get(HOME)["Location"].startswith(reverse("login"))
    assert AuditEvent.objects.get(kind=AuditKind.SESSION_EXPIRED).detail == {"reason": "absolute"}


def test_a_session_used_within_the_limits_stays(client_for, hr_user):
    client = client_for(hr_user)
    _age_session(client, login_ago=11 * 3600, seen_ago=29 * 60)
    assert client.get(HOME).status_code == 200
    # The request counted as activity: the idle clock starts again.
    _age_session(client, login_ago=0, seen_ago=29 * 60)
    assert client.get(HOME).status_code == 200


def test_limits_come_from_settings(client_for, hr_user, settings):
    settings.SESSION_IDLE_MINUTES = 5
    client = client_for(hr_user)
    _age_session(client, login_ago=6 * 60, seen_ago=6 * 60)
    assert client.get(HOME).status_code == 302


def test_an_htmx_request_of_an_expired_session_loads_the_login_page(client_for, hr_user):
    client = client_for(hr_user)
    _age_session(client, login_ago=31 * 60, seen_ago=31 * 60)
    response = client.get(HOME, HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith(reverse("login"))


# -- password policy ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password, classes",
    [("abcdefghij", 1), ("abcdeFGHIJ", 2), ("abcdeFGH12", 3), ("Alliance@2025", 4)],
)
def test_character_classes_are_counted(password, classes):
    assert character_classes(password) == classes


def test_default_policy_wants_ten_characters_from_three_classes():
    validate_password("Qingzhou#2026")
    validate_password(DEMO_PASSWORD)  # the demo accounts' password: 13 characters, 4 classes
    with pytest.raises(ValidationError) as short:
        validate_password("Ab#12345")
    assert "至少包含 10 个字符" in " ".join(short.value.messages)
    with pytest.raises(ValidationError) as simple:
        validate_password("qingzhoulinqu")
    assert "大写字母、小写字母、数字和符号中的至少 3 类" in " ".join(simple.value.messages)


def test_policy_comes_from_settings(settings):
    settings.PASSWORD_MIN_LENGTH, settings.PASSWORD_MIN_CLASSES = 16, 1
    validator = CharacterClassValidator()
    validator.validate("correcthorsebatterystaple")
    with pytest.raises(ValidationError):
        validator.validate("Alliance@2025")  # 4 classes but 13 characters


def test_temporary_passwords_meet_the_policy_even_a_stricter_one(settings):
    settings.PASSWORD_MIN_LENGTH, settings.PASSWORD_MIN_CLASSES = 14, 4
    for _ in range(50):
        password = temporary_password()
        validate_password(password)
        assert len(password) == 14 and not set(password) & set("0O1lI")


# -- a temporary password must be changed --------------------------------------------------------


def test_new_account_must_change_its_password_before_anything_else(
    client, client_for, secretariat_user, enterprise
):
    response = client_for(secretariat_user).post(
        reverse("members:account_create"),
        {
            "username": "hr_new",
            "full_name": "新人",
            "role": "enterprise_hr",
            "organization": enterprise.pk,
        },
    )
    password = response.context["password"]
    client.logout()
    login = client.post(reverse("login"), {"username": "hr_new", "password": password})
    assert login.status_code == 302
    response = client.get(HOME)
    assert response.status_code == 302 and response["Location"] == reverse("password_change")
    page = client.get(reverse("password_change"))
    assert "请先设置您自己的密码" in page.content.decode()
    # The same password again is no change.
    same = client.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": password, "new_password2": password},
    )
    assert same.status_code == 200 and client.get(HOME).status_code == 302
    changed = client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": "Qingzhou#2026",
            "new_password2": "Qingzhou#2026",
        },
    )
    assert changed.status_code == 302
    assert client.get(HOME).status_code == 200


def test_reset_password_must_be_changed(client, client_for, secretariat_user, hr_user):
    response = client_for(secretariat_user).post(
        reverse("members:account_reset_password", args=[hr_user.pk])
    )
    hr_user.refresh_from_db()
    assert hr_user.must_change_password
    client.logout()
    client.post(reverse("login"), {"username": "hr_user", "password": response.context["password"]})
    htmx = client.get(reverse("placements:student_list"), HTTP_HX_REQUEST="true")
    assert htmx["HX-Redirect"] == reverse("password_change")


def test_demo_accounts_log_in_without_a_forced_change(client):
    import random

    from members.demo import seed_accounts, seed_organizations

    seed_accounts(seed_organizations(random.Random(1)))
    client.post(reverse("login"), {"username": "hr", "password": DEMO_PASSWORD})
    assert client.get(HOME).status_code == 200
