"""The secretariat's audit page: search, pagination, Excel export; nobody else opens it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.models import AuditEvent, AuditKind
from tests.alliance.xlsx_files import read_workbook

pytestmark = pytest.mark.django_db

LIST = reverse("audit:list")
EXPORT = reverse("audit:export")


def _at(day: int, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2026, 11, day, hour))


@pytest.fixture
def events(db):
    return [
        AuditEvent.objects.create(
            kind=AuditKind.LOGIN, username="hr", ip_address="203.0.113.1", created_at=_at(1)
        ),
        AuditEvent.objects.create(
            kind=AuditKind.EXPORT,
            username="secretariat",
            target="students",
            detail={"rows": 120, "unmasked": True},
            created_at=_at(2),
        ),
        AuditEvent.objects.create(
            kind=AuditKind.LOGIN_FAILED,
            username='=HYPERLINK("http://x")',
            ip_address="198.51.100.9",
            created_at=_at(3),
        ),
    ]


def _shown(response) -> list[str]:
    return [event.username for event, _detail in response.context["rows"]]


@pytest.mark.parametrize("url", [LIST, EXPORT])
def test_only_the_secretariat_opens_the_audit_log(
    client_for, url, secretariat_user, council_user, hr_user, school_user
):
    assert client_for(secretariat_user).get(url).status_code == 200
    for user in (council_user, hr_user, school_user):
        assert client_for(user).get(url).status_code == 403
    assert client_for(None).get(url)["Location"].startswith(reverse("login"))


def test_audit_log_is_in_the_secretariat_menu(client_for, secretariat_user, hr_user):
    assert LIST in client_for(secretariat_user).get(reverse("home")).content.decode()
    assert LIST not in client_for(hr_user).get(reverse("home")).content.decode()


def test_newest_first_and_searchable(client_for, secretariat_user, events):
    client = client_for(secretariat_user)
    everything = _shown(client.get(LIST))
    # The persona's own log-in (force_login) is the newest event.
    assert everything[1:] == ['=HYPERLINK("http://x")', "secretariat", "hr"]
    assert _shown(client.get(LIST, {"kind": "export"})) == ["secretariat"]
    assert _shown(client.get(LIST, {"username": "HR"})) == ["hr"]
    assert _shown(client.get(LIST, {"date_from": "2026-11-02", "date_to": "2026-11-02"})) == [
        "secretariat"
    ]
    assert _shown(client.get(LIST, {"q": "198.51.100"})) == ['=HYPERLINK("http://x")']
    assert _shown(client.get(LIST, {"q": "unmasked"})) == ["secretariat"]


def test_pages_of_fifty_with_a_bounded_number_of_queries(
    client_for, secretariat_user, django_assert_max_num_queries
):
    AuditEvent.objects.bulk_create(
        AuditEvent(kind=AuditKind.LOGIN, username=f"u{i}", created_at=_at(1)) for i in range(120)
    )
    client = client_for(secretariat_user)
    # session, user, count, the page of events
    with django_assert_max_num_queries(4):
        response = client.get(LIST, {"page": 3})
    assert len(response.context["rows"]) == 21  # 120 + the persona's log-in = 121 = 50 + 50 + 21


def test_export_holds_the_search_neutralised_and_is_itself_recorded(
    client_for, secretariat_user, events
):
    response = client_for(secretariat_user).get(EXPORT, {"kind": "login_failed"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    headers, rows = read_workbook(response.content)
    assert headers[:3] == ["时间", "事件", "用户名"]
    assert len(rows) == 1
    # A formula in a user name is written as text, never as a formula.
    assert rows[0][2] == '\'=HYPERLINK("http://x")'
    event = AuditEvent.objects.filter(kind=AuditKind.EXPORT).latest("pk")
    assert (event.target, event.detail["rows"]) == ("audit", 1)
