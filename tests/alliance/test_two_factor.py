"""Optional TOTP for the secretariat: enrol with a QR code, a code at every log-in, or required."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from alliance.models import AuditEvent, AuditKind

pytestmark = pytest.mark.django_db

SETUP = reverse("two_factor_setup")
VERIFY = reverse("two_factor_verify")
HOME = reverse("home")


def _code(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def _log_in(client, username="sec"):
    return client.post(reverse("login"), {"username": username, "password": "Alliance@2025"})


@pytest.fixture(autouse=True)
def _no_wait_after_a_wrong_code(settings):
    # django-otp makes a device wait 2^(failures-1) s after a wrong code; tested on its own below.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def test_secretariat_enrols_with_a_qr_code_drawn_by_the_portal(client_for, secretariat_user):
    client = client_for(secretariat_user)
    page = client.get(SETUP)
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and "<img" not in html
    device = TOTPDevice.objects.get(user=secretariat_user, confirmed=False)
    wrong = client.post(SETUP, {"token": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and wrong.context["form"].errors["token"]
    response = client.post(SETUP, {"token": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.get(kind=AuditKind.TWO_FACTOR).detail == {"action": "enrolled"}


def test_an_enrolled_secretariat_gives_a_code_after_the_password(client, secretariat_user):
    device = _enrolled(secretariat_user)
    assert _log_in(client).status_code == 302
    for url in (HOME, reverse("placements:student_list"), reverse("audit:list")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == VERIFY, url
    client.post(VERIFY, {"token": "12345x"})
    assert client.get(HOME)["Location"] == VERIFY
    assert client.post(VERIFY, {"token": _code(device)})["Location"] == HOME
    assert client.get(HOME).status_code == 200
    events = AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR).order_by("pk")
    assert [e.detail["action"] for e in events] == ["failed", "verified"]


def test_a_wrong_code_is_recorded_and_refused(client, secretariat_user):
    device = _enrolled(secretariat_user)
    _log_in(client)
    response = client.post(VERIFY, {"token": _code(device, offset=-3600)})
    assert response.status_code == 200 and response.context["form"].errors["token"]
    assert client.get(HOME)["Location"] == VERIFY
    assert AuditEvent.objects.get(kind=AuditKind.TWO_FACTOR).detail == {"action": "failed"}


def test_guessing_codes_is_slowed_down(client, settings, secretariat_user):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = _enrolled(secretariat_user)
    _log_in(client)
    client.post(VERIFY, {"token": _code(device, offset=-3600)})
    response = client.post(VERIFY, {"token": _code(device)})
    assert "错误的验证码次数过多" in response.content.decode()
    assert client.get(HOME)["Location"] == VERIFY


def test_without_an_authenticator_and_not_required_the_login_is_one_step(client, secretariat_user):
    _log_in(client)
    assert client.get(HOME).status_code == 200


def test_when_required_a_secretariat_must_enrol_first(client, settings, secretariat_user):
    settings.REQUIRE_2FA = True
    _log_in(client)
    assert client.get(HOME)["Location"] == SETUP
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=secretariat_user)
    client.post(SETUP, {"token": _code(device)})
    assert client.get(HOME).status_code == 200
    # And it cannot be turned off while required.
    client.post(reverse("two_factor_remove"))
    assert TOTPDevice.objects.filter(user=secretariat_user).exists()


def test_other_roles_are_never_asked(client, settings, hr_user):
    settings.REQUIRE_2FA = True
    _log_in(client, "hr_user")
    assert client.get(HOME).status_code == 200


def test_two_factor_pages_are_the_secretariats(client_for, hr_user, council_user, school_user):
    for user in (hr_user, council_user, school_user):
        client = client_for(user)
        assert client.get(SETUP).status_code == 403
        assert client.get(VERIFY).status_code == 403
    assert client_for(None).get(SETUP).status_code == 302


def test_an_enrolled_secretariat_may_turn_it_off(client_for, secretariat_user):
    device = _enrolled(secretariat_user)
    client = client_for(secretariat_user)
    client.post(VERIFY, {"token": _code(device)})
    assert "two-factor-on" in client.get(SETUP).content.decode()
    client.post(reverse("two_factor_remove"))
    assert not TOTPDevice.objects.filter(user=secretariat_user).exists()
    assert AuditEvent.objects.filter(kind=AuditKind.TWO_FACTOR).latest("pk").detail == {
        "action": "removed"
    }
