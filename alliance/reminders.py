"""The reminder e-mail: each account's work list (``alliance.worklist``), sent on the schedule
of ``CELERY_BEAT_SCHEDULE`` ("reminders"). Project wiring, like the work list it reads.

The e-mail and the home page list the same items, because both come from
:func:`alliance.worklist.reminders_for`. A deployment switches a reminder type off with
``REMINDERS_OFF`` (section keys, see ``worklist.REMINDER_TYPES``). One digest per account and
day: a second run the same day (a beat restart, a retried task) sends nothing more.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import ReminderDigest
from .worklist import reminders_for

logger = logging.getLogger(__name__)


def digest_text(user, *, today: dt.date) -> tuple[str, list] | None:
    """The subject and sections of ``user``'s digest, or None when nothing is due."""
    sections = reminders_for(user, today=today)
    if not sections:
        return None
    count = sum(len(section.items) for section in sections)
    subject = _("%(alliance)s: %(count)s items waiting for you") % {
        "alliance": settings.ALLIANCE_NAME,
        "count": count,
    }
    return subject, sections


def digest_send(user, *, today: dt.date) -> ReminderDigest | None:
    """Send ``user`` today's digest unless it was sent already or nothing is due."""
    if not user.email:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        found = digest_text(user, today=today)
        if found is None:
            return None
        subject, sections = found
        body = render_to_string(
            "alliance/reminder_email.txt",
            {
                "user": user,
                "sections": sections,
                "site": settings.SITE_URL.rstrip("/"),
                "alliance": settings.ALLIANCE_NAME,
            },
        )
    try:
        with transaction.atomic():
            # The row first: it is the claim that makes a second run the same day send nothing.
            digest = ReminderDigest.objects.create(
                user=user,
                sent_on=today,
                items=sum(len(section.items) for section in sections),
                sections=[section.key for section in sections],
            )
            send_mail(subject, body, None, [user.email])
    except IntegrityError:
        return None
    return digest


def digests_send(*, today: dt.date | None = None) -> int:
    """Send every active account with an e-mail address and a role its digest; returns how many
    were sent. An account whose mail fails is logged and retried by the next run."""
    today = today or timezone.localdate()
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .exclude(role="")
        .select_related("organization")
        .order_by("pk")
    )
    sent = 0
    for user in users:
        try:
            if digest_send(user, today=today):
                sent += 1
        except OSError:
            logger.exception("reminder digest to %s failed", user.get_username())
    return sent
