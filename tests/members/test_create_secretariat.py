"""``manage.py create_secretariat`` makes the first secretariat account on an empty database."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from members.models import User

pytestmark = pytest.mark.django_db

STRONG = "Linqu-Alliance-2026"


def test_creates_the_first_secretariat_account_from_the_environment(monkeypatch, client):
    monkeypatch.setenv("SECRETARIAT_PASSWORD", STRONG)
    call_command("create_secretariat", "--username", "office", "--noinput", verbosity=0)
    user = User.objects.get(username="office")
    assert user.role == "secretariat" and not user.is_superuser
    # The account logs in through the real form and may use the secretariat's accounts page.
    response = client.post("/accounts/login/", {"username": "office", "password": STRONG})
    assert response.status_code == 302
    assert client.get("/members/accounts/").status_code == 200


def test_asks_for_the_password_when_interactive(monkeypatch):
    monkeypatch.delenv("SECRETARIAT_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": STRONG)
    call_command("create_secretariat", "--username", "office", verbosity=0)
    assert User.objects.get(username="office").check_password(STRONG)


@pytest.mark.parametrize("weak", ["12345678", "password", "office"])
def test_a_weak_password_is_refused(monkeypatch, weak):
    monkeypatch.setenv("SECRETARIAT_PASSWORD", weak)
    with pytest.raises(CommandError):
        call_command("create_secretariat", "--username", "office", "--noinput", verbosity=0)
    assert not User.objects.exists()


def test_refused_once_a_secretariat_account_exists(monkeypatch, secretariat_user):
    monkeypatch.setenv("SECRETARIAT_PASSWORD", STRONG)
    with pytest.raises(CommandError):
        call_command("create_secretariat", "--username", "second", "--noinput", verbosity=0)
    assert not User.objects.filter(username="second").exists()


def test_without_input_a_missing_password_is_an_error(monkeypatch):
    monkeypatch.delenv("SECRETARIAT_PASSWORD", raising=False)
    with pytest.raises(CommandError):
        call_command("create_secretariat", "--username", "office", "--noinput", verbosity=0)
