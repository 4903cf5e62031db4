"""The reminder e-mail: each account's work list, by role, on the beat schedule; reminder types
switched off per deployment; one digest per account and day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail

from alliance import reminders, worklist
from alliance.models import ReminderDigest
from placements.models import HireStatus
from tests.alliance.factories import ReminderDigestFactory
from tests.members.factories import CouncilMeetingFactory, SchoolYearFiguresFactory, UserFactory
from tests.placements.factories import GraduatePlacementFactory
from tests.training.factories import SecondmentFactory, TeacherFactory

pytestmark = pytest.mark.django_db

SEPTEMBER = dt.date(2025, 9, 8)
MAY = dt.date(2025, 5, 12)


@pytest.fixture(autouse=True)
def _addresses(request):
    """The persona accounts of this module have an e-mail address."""
    for name in ("secretariat_user", "hr_user", "school_user", "council_user"):
        if name in request.fixturenames:
            user = request.getfixturevalue(name)
            user.email = f"{user.username}@example.com"
            user.save(update_fields=["email"])


@pytest.fixture
def year_2025(monkeypatch, school, enterprise):
    # The dashboards' year is the last with school figures: 2025.
    SchoolYearFiguresFactory(
        school=school, year=2025, professional_teachers=40, enrolled_students=500
    )


def _digest(user, today):
    reminders.digest_send(user, today=today)
    return mail.outbox[-1] if mail.outbox else None


def test_secretariat_digest_names_the_meeting_due_and_the_follow_ups(
    secretariat_user, enterprise, year_2025
):
    CouncilMeetingFactory(date=dt.date(2025, 3, 20))  # the first half-year's meeting only
    # Graduated 2024, working in the county: the 12-month follow-up fell due on 1 July 2025.
    GraduatePlacementFactory(graduation_year=2024, employer=enterprise)
    message = _digest(secretariat_user, SEPTEMBER)
    assert message.to == [secretariat_user.email]
    assert "应于 2025-12-31 前召开常规会议" in message.body
    assert "1 名在县内就业的毕业生需要回访" in message.body
    assert f"{settings.SITE_URL}/placements/follow-ups/due/" in message.body
    # The hire awaits its employer: the office is reminded that it can send a link.
    assert "1 条录用记录等待企业确认" in message.body
    digest = ReminderDigest.objects.get()
    assert {"meeting", "hires", "followups"} <= set(digest.sections)


def test_hr_digest_lists_hires_to_confirm_of_its_own_enterprise_only(
    hr_user, enterprise, other_enterprise, year_2025
):
    GraduatePlacementFactory.create_batch(2, employer=enterprise)
    GraduatePlacementFactory(employer=other_enterprise)
    GraduatePlacementFactory(employer=enterprise, hire_status=HireStatus.CONFIRMED)
    message = _digest(hr_user, SEPTEMBER)
    assert "2 名毕业生登记为本企业录用" in message.body
    assert "/placements/hires/" in message.body


def test_school_digest_reminds_targets_only_after_september(school_user, school, year_2025):
    # 1 seconded professional teacher of 40: 1 / 40 = 2.5 %, under the 5 % target.
    SecondmentFactory(teacher=TeacherFactory(school=school))
    in_may = [s.key for s in worklist.reminders_for(school_user, today=MAY)]
    in_september = [s.key for s in worklist.reminders_for(school_user, today=SEPTEMBER)]
    assert "targets" not in in_may and "targets" in in_september
    assert "figures" in in_may  # 2023 and 2024 figures are missing all year
    message = _digest(school_user, SEPTEMBER)
    assert "2.5%" in message.body and "2023" in message.body


def test_council_digest_lists_the_indicators_not_met(council_user, enterprise, year_2025):
    message = _digest(council_user, SEPTEMBER)
    # No training base: 0 of 1 member enterprises.
    assert "企业技能实训基地覆盖率" in message.body and "当前 0%" in message.body


def test_a_reminder_type_switched_off_leaves_the_mail_and_the_home_page(
    client_for, secretariat_user, enterprise, year_2025, settings
):
    GraduatePlacementFactory(graduation_year=2024, employer=enterprise)
    settings.REMINDERS_OFF = ["followups", "meeting"]
    keys = [s.key for s in worklist.work_for(secretariat_user, today=SEPTEMBER)]
    assert "followups" not in keys and "meeting" not in keys and "coverage" in keys
    assert 'id="work-followups"' not in client_for(secretariat_user).get("/").content.decode()
    message = _digest(secretariat_user, SEPTEMBER)
    assert "回访" not in message.body


def test_nothing_due_sends_nothing(council_user, enterprise, year_2025, settings):
    settings.REMINDERS_OFF = list(worklist.REMINDER_TYPES)
    assert reminders.digest_send(council_user, today=SEPTEMBER) is None
    assert not mail.outbox and not ReminderDigest.objects.exists()


def test_one_digest_per_account_and_day(secretariat_user, school_user, year_2025):
    UserFactory(username="no_mail", role="council", email="")
    UserFactory(username="gone", role="council", is_active=False)
    assert reminders.digests_send(today=SEPTEMBER) == 2
    assert reminders.digests_send(today=SEPTEMBER) == 0  # a second run the same day
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [secretariat_user.email, school_user.email]
    )
    assert reminders.digests_send(today=SEPTEMBER + dt.timedelta(days=7)) == 2


def test_a_digest_record_names_its_day():
    digest = ReminderDigestFactory()
    assert str(digest.sent_on) in str(digest)


def test_reminders_and_retention_run_on_the_same_beat_schedule():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["reminders"]["task"] == "alliance.tasks.send_reminders"
    assert schedule["retention"]["task"] == "alliance.tasks.apply_retention"
    assert schedule["reports-fail-stale"]["task"] == "reports.tasks.fail_stale_reports"
    # Monday 07:30 by default (REMINDER_CRON).
    cron = schedule["reminders"]["schedule"]
    assert cron.hour == {7} and cron.minute == {30} and cron.day_of_week == {1}


def test_an_unknown_reminder_type_is_refused_at_start_up(settings):
    settings.REMINDERS_OFF = ["followups", "meetings"]
    [error] = worklist.check_reminders_off(None)
    assert "meetings" in error.msg and error.id == "alliance.E001"
    settings.REMINDERS_OFF = ["followups"]
    assert worklist.check_reminders_off(None) == []
