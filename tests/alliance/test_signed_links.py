"""Signed links: an answer without an account, once, before expiry, for one record, audited,
revocable by the secretariat."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from alliance import signed_links
from alliance.models import AuditEvent, AuditKind, SignedLink
from placements.models import HireStatus, InternshipEvaluation
from tests.alliance.factories import SignedLinkFactory
from tests.placements.factories import (
    GraduatePlacementFactory,
    InternshipFactory,
    RetentionFollowUpFactory,
)

pytestmark = pytest.mark.django_db


def _token(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture
def hire(enterprise, school):
    return GraduatePlacementFactory(
        employer=enterprise, student__school=school, student__name="王小明", job="数控操作工"
    )


def _issue(purpose, obj, user, recipient="hr@example.com"):
    return signed_links.issue(
        purpose=signed_links.PURPOSES[purpose], obj=obj, recipient=recipient, user=user
    )


def test_employer_confirms_a_hire_without_an_account(client, hire, secretariat_user):
    link, url = _issue("hire", hire, secretariat_user)
    # Only the hash is stored: the database alone gives no working link.
    assert _token(url) not in link.token_hash
    page = client.get(reverse("signed_link", args=[_token(url)]))
    assert page.status_code == 200
    assert "王小明" in page.content.decode() and "山东华建铝业集团有限公司" in page.content.decode()
    done = client.post(reverse("signed_link", args=[_token(url)]), {"decision": "confirm"})
    assert done.status_code == 200
    hire.refresh_from_db()
    assert hire.hire_status == HireStatus.CONFIRMED and hire.hire_decided_at
    link.refresh_from_db()
    assert link.used_at and link.status == "used"
    kinds = list(AuditEvent.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == [AuditKind.LINK_ISSUED, AuditKind.LINK_USED]


def test_the_link_is_mailed_to_its_recipient(
    hire, secretariat_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _link, url = _issue("hire", hire, secretariat_user, recipient="hr@example.com")
    [message] = mail.outbox
    assert message.to == ["hr@example.com"] and url in message.body


def test_a_link_is_used_once(client, hire, secretariat_user):
    _link, url = _issue("hire", hire, secretariat_user)
    path = reverse("signed_link", args=[_token(url)])
    client.post(path, {"decision": "decline"})
    again = client.post(path, {"decision": "confirm"})
    assert again.status_code == 410
    hire.refresh_from_db()
    assert hire.hire_status == HireStatus.DECLINED  # the second answer changed nothing
    assert AuditEvent.objects.filter(kind=AuditKind.LINK_REFUSED).count() == 1


def test_two_answers_at_once_apply_once(hire, secretariat_user):
    link, _url = _issue("hire", hire, secretariat_user)
    stale = SignedLink.objects.get(pk=link.pk)  # the second request read the link before
    signed_links.answer(link=link, obj=hire, cleaned_data={"decision": "confirm"})
    with pytest.raises(ValidationError):
        signed_links.answer(link=stale, obj=hire, cleaned_data={"decision": "decline"})
    hire.refresh_from_db()
    assert hire.hire_status == HireStatus.CONFIRMED


def test_an_expired_link_is_refused(client, hire, settings, secretariat_user):
    settings.SIGNED_LINK_DAYS = 3
    link, url = _issue("hire", hire, secretariat_user)
    assert link.expires_at - link.created_at == dt.timedelta(days=3)
    SignedLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    response = client.post(reverse("signed_link", args=[_token(url)]), {"decision": "confirm"})
    assert response.status_code == 410
    hire.refresh_from_db()
    assert hire.hire_status == HireStatus.PENDING


def test_an_unknown_token_is_a_404(client):
    assert client.get(reverse("signed_link", args=["no-such-token"])).status_code == 404


def test_the_secretariat_revokes_a_link(client_for, hire, secretariat_user):
    link, url = _issue("hire", hire, secretariat_user)
    client = client_for(secretariat_user)
    listing = client.get(reverse("signed_link_list"))
    assert hire.student.name in listing.content.decode()
    client.post(reverse("signed_link_revoke", args=[link.pk]))
    link.refresh_from_db()
    assert link.status == "revoked" and link.revoked_by == secretariat_user
    client.logout()
    assert client.get(reverse("signed_link", args=[_token(url)])).status_code == 410
    assert AuditEvent.objects.filter(kind=AuditKind.LINK_REVOKED).exists()


@pytest.mark.parametrize("persona", ["hr_user", "school_user", "council_user"])
def test_only_the_secretariat_revokes(client_for, request, persona):
    link = SignedLinkFactory()
    response = client_for(request.getfixturevalue(persona)).post(
        reverse("signed_link_revoke", args=[link.pk])
    )
    assert response.status_code == 403
    link.refresh_from_db()
    assert link.status == "open"


def test_a_link_is_bound_to_its_record(client, hire, enterprise, secretariat_user):
    other = GraduatePlacementFactory(employer=enterprise)
    _link, url = _issue("hire", hire, secretariat_user)
    client.post(reverse("signed_link", args=[_token(url)]), {"decision": "confirm"})
    other.refresh_from_db()
    assert other.hire_status == HireStatus.PENDING


def test_no_link_for_a_hire_already_decided(client_for, hire, secretariat_user):
    hire.hire_status = HireStatus.CONFIRMED
    hire.save()
    client = client_for(secretariat_user)
    response = client.get(reverse("signed_link_issue", args=["hire", hire.pk]))
    assert response.status_code == 404
    with pytest.raises(ValidationError):
        _issue("hire", hire, secretariat_user)


def test_the_issue_page_shows_the_link_once(client_for, hire, secretariat_user):
    client = client_for(secretariat_user)
    response = client.post(
        reverse("signed_link_issue", args=["hire", hire.pk]), {"recipient": "王经理（微信）"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "/l/" in body
    assert not mail.outbox  # a name, not an address: copied into a message by hand
    assert SignedLink.objects.get().recipient == "王经理（微信）"


def test_a_master_signs_off_an_internship(client, secretariat_user):
    internship = InternshipFactory()
    _link, url = _issue("internship", internship, secretariat_user, recipient="master@example.com")
    client.post(
        reverse("signed_link", args=[_token(url)]), {"evaluation": "good", "notes": "动手能力强"}
    )
    internship.refresh_from_db()
    assert internship.evaluation == InternshipEvaluation.GOOD
    assert internship.evaluation_notes == "动手能力强"


def test_a_graduate_answers_the_follow_up_due(client, hire, secretariat_user):
    # Graduated 2025: the 6-month follow-up is due from 1 January 2026, the 12-month one from July.
    RetentionFollowUpFactory(placement=hire, milestone=6, contacted_on=dt.date(2026, 1, 10))
    _link, url = _issue("followup", hire, secretariat_user, recipient="grad@example.com")
    client.post(
        reverse("signed_link", args=[_token(url)]),
        {"still_employed": "yes", "problems": "希望参加技能认定"},
    )
    answer = hire.followups.order_by("-pk").first()
    today = timezone.localdate()
    expected = 12 if today >= dt.date(2026, 7, 1) else None
    if today >= dt.date(2027, 7, 1):
        expected = 24
    assert answer.milestone == expected
    assert answer.still_employed and answer.problems == "希望参加技能认定"


def test_the_list_of_links_runs_a_bounded_number_of_queries(
    client_for, secretariat_user, django_assert_max_num_queries
):
    SignedLinkFactory.create_batch(5)
    client = client_for(secretariat_user)
    # session + user, the count, the page of links with their issuers, the menus' few reads.
    with django_assert_max_num_queries(12):
        response = client.get(reverse("signed_link_list"))
    assert response.status_code == 200


def test_the_internship_page_offers_the_office_the_evaluation_link(
    client_for, secretariat_user, school_user
):
    internship = InternshipFactory(student__school=school_user.organization)
    url = reverse("placements:internship_detail", args=[internship.pk])
    link = reverse("signed_link_issue", args=["internship", internship.pk])
    assert link in client_for(secretariat_user).get(url).content.decode()
    assert link not in client_for(school_user).get(url).content.decode()


def test_links_expired_beyond_the_audit_retention_are_pruned(settings):
    from alliance.retention import retention_apply

    settings.AUDIT_RETENTION_DAYS = 190
    now = timezone.now()
    old = SignedLinkFactory(expires_at=now - dt.timedelta(days=191))
    recent = SignedLinkFactory(expires_at=now - dt.timedelta(days=189))
    assert retention_apply(now=now)["signed_links"] == 1
    assert not SignedLink.objects.filter(pk=old.pk).exists()
    assert SignedLink.objects.filter(pk=recent.pk).exists()


def test_the_hire_link_is_offered_to_the_employers_hr(client_for, hire, hr_user, secretariat_user):
    hr_user.email = "hr@huajian.example.com"
    hr_user.save(update_fields=["email"])
    html = client_for(secretariat_user).get(reverse("signed_link_issue", args=["hire", hire.pk]))
    assert 'value="hr@huajian.example.com"' in html.content.decode()


def test_a_new_link_replaces_the_open_one(client, hire, secretariat_user):
    first, first_url = _issue("hire", hire, secretariat_user)
    _second, second_url = _issue("hire", hire, secretariat_user)
    first.refresh_from_db()
    assert first.status == "revoked"
    assert client.get(reverse("signed_link", args=[_token(first_url)])).status_code == 410
    assert client.get(reverse("signed_link", args=[_token(second_url)])).status_code == 200
