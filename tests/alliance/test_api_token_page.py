"""The API token page: an account creates, replaces and revokes its own token, each audited; the
key is shown once and only its digest is kept."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from alliance.models import ApiToken, AuditEvent, AuditKind

pytestmark = pytest.mark.django_db

URL = reverse("api_token")


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", ["secretariat_user", "hr_user", "school_user", "council_user"])
def test_every_role_creates_its_token_shown_once(client_for, request, persona):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    assert client.get(URL).context["token"] is None
    response = client.post(URL, {"action": "create"})
    assert response.status_code == 200
    key = response.context["key"]
    token = ApiToken.objects.get(user=user)
    assert token.digest == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {token.prefix, token.digest} and key.startswith(token.prefix)
    # Shown once: the page read again names the prefix only.
    again = client.get(URL)
    assert again.context["key"] is None and key not in again.content.decode()
    event = AuditEvent.objects.get(kind=AuditKind.API_TOKEN)
    assert event.user_id == user.pk and event.detail == {"action": "created"}


def test_a_new_token_replaces_the_old_one(client_for, hr_user):
    client = client_for(hr_user)
    first = client.post(URL, {"action": "create"}).context["key"]
    second = client.post(URL, {"action": "create"}).context["key"]
    assert first != second
    assert ApiToken.objects.filter(user=hr_user).count() == 1
    api = reverse("api:placements_apprenticeship_list")
    client.logout()
    assert client.get(api, headers={"Authorization": f"Bearer {first}"}).status_code == 401
    assert client.get(api, headers={"Authorization": f"Bearer {second}"}).status_code == 200
    actions = list(
        AuditEvent.objects.filter(kind=AuditKind.API_TOKEN)
        .order_by("pk")
        .values_list("detail__action", flat=True)
    )
    assert actions == ["created", "replaced"]


def test_revoking_the_token_refuses_it_and_is_audited(client_for, school_user):
    client = client_for(school_user)
    key = client.post(URL, {"action": "create"}).context["key"]
    response = client.post(URL, {"action": "revoke"})
    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=school_user).exists()
    client.logout()
    api = reverse("api:placements_student_list")
    assert client.get(api, headers={"Authorization": f"Bearer {key}"}).status_code == 401
    assert AuditEvent.objects.filter(kind=AuditKind.API_TOKEN, detail__action="revoked").exists()


def test_an_account_cannot_touch_another_accounts_token(client_for, hr_user, other_hr_user):
    client_for(other_hr_user).post(URL, {"action": "create"})
    client_for(hr_user).post(URL, {"action": "revoke"})
    assert ApiToken.objects.filter(user=other_hr_user).exists()
