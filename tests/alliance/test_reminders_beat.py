"""Reminders on schedule: Celery beat sends the task, a real worker sends the e-mails.

The beat runs the deployment's own schedule (``CELERY_BEAT_SCHEDULE``: reminders, retention,
stale reports) with each interval shortened to a second, so that the test need not wait for
Monday 07:30; what it proves is that the scheduler fires the entries and the worker runs them.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from celery.beat import EmbeddedService
from django.conf import settings
from django.core import mail

from alliance.celery import app
from alliance.models import ReminderDigest
from tests.members.factories import UserFactory

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a real broker)"),
]


@pytest.fixture
def beat(tmp_path):
    previous = app.conf.beat_schedule
    app.conf.beat_schedule = {
        name: {**entry, "schedule": dt.timedelta(seconds=1)}
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
    }
    service = EmbeddedService(app, thread=True, schedule_filename=str(tmp_path / "beat-schedule"))
    service.start()
    try:
        yield service
    finally:
        service.stop()
        app.conf.beat_schedule = previous


def test_beat_and_worker_send_the_reminders(celery_worker, beat, wait_for):
    # A council member with nothing met: the indicators section has items, so a digest is due.
    UserFactory(username="council_mail", role="council", email="council@example.com")
    assert not app.conf.task_always_eager
    assert wait_for(
        lambda: ReminderDigest.objects.filter(user__username="council_mail").exists(), 30
    )
    assert wait_for(lambda: any(m.to == ["council@example.com"] for m in mail.outbox), 10)
    # The beat keeps firing; the digest of the day is sent once.
    assert ReminderDigest.objects.count() == 1
