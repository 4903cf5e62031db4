"""Log-in protection behind a proxy: lockout per (username, client address), a per-address
rate limit, and failures that a success does not wipe out."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from alliance import ratelimit
from alliance.models import AuditEvent, AuditKind

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _behind_one_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 3


def _post(client, username, password, client_address):
    # As the README's nginx sends it: the peer is the proxy, the client is in the header.
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_address,
    )


def test_an_attacker_locks_the_account_only_for_his_own_address(client, hr_user):
    for _ in range(3):
        _post(client, hr_user.username, "wrong-password", "198.51.100.66")
    locked = _post(client, hr_user.username, "Alliance@2025", "198.51.100.66")
    assert locked.status_code == 429
    # The real user, at another address behind the same proxy, still logs in.
    response = _post(client, hr_user.username, "Alliance@2025", "203.0.113.7")
    assert response.status_code == 302 and response["Location"] == reverse("home")
    attempt = AccessAttempt.objects.get()
    assert attempt.ip_address == "198.51.100.66" and attempt.username == hr_user.username
    assert AuditEvent.objects.filter(kind=AuditKind.LOCKOUT, username=hr_user.username).exists()


def test_a_success_keeps_the_failures_on_record(client, hr_user):
    _post(client, hr_user.username, "wrong-password", "203.0.113.7")
    _post(client, hr_user.username, "Alliance@2025", "203.0.113.7")
    assert AccessAttempt.objects.get().failures_since_start == 1
    failed = AuditEvent.objects.get(kind=AuditKind.LOGIN_FAILED)
    assert failed.username == hr_user.username and failed.ip_address == "203.0.113.7"


def test_one_address_is_limited_whatever_usernames_it_tries(client, settings, hr_user, monkeypatch):
    settings.LOGIN_RATE_PER_MINUTE = 5
    # An hour-long window: the test must not straddle the turn of a minute.
    monkeypatch.setattr(ratelimit, "WINDOW_SECONDS", 3600)
    for i in range(5):
        response = _post(client, f"guess{i}", "Password#123", "198.51.100.77")
        assert response.status_code == 200  # the form again, with its error
    refused = _post(client, hr_user.username, "Alliance@2025", "198.51.100.77")
    assert refused.status_code == 429
    assert "尝试登录次数过多" in refused.content.decode()
    assert _post(client, "guess9", "Password#123", "198.51.100.77").status_code == 429
    # Recorded once per address and minute, however many attempts follow.
    assert (
        AuditEvent.objects.filter(
            kind=AuditKind.LOGIN_RATE_LIMITED, ip_address="198.51.100.77"
        ).count()
        == 1
    )
    # Another address behind the same proxy is not affected.
    assert _post(client, hr_user.username, "Alliance@2025", "203.0.113.8").status_code == 302


def test_the_login_page_itself_is_not_counted(client, settings):
    settings.LOGIN_RATE_PER_MINUTE = 1
    for _ in range(3):
        assert client.get(LOGIN, REMOTE_ADDR="198.51.100.78").status_code == 200
