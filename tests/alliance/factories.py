"""Factories of the project package's own records (signed links, reminder digests)."""

from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from alliance.models import ReminderDigest, SignedLink
from tests.factory_base import RecordFactory
from tests.members.factories import UserFactory
from tests.placements.factories import GraduatePlacementFactory


class SignedLinkFactory(RecordFactory):
    """An open hire link; its token is ``token-<n>`` (only the hash is stored, as in the app)."""

    class Meta:
        model = SignedLink
        exclude = ("record", "token")

    record = factory.SubFactory(GraduatePlacementFactory)
    token = factory.Sequence(lambda n: f"token-{n}")
    purpose = "hire"
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.record))
    object_id = factory.LazyAttribute(lambda o: o.record.pk)
    record_label = factory.LazyAttribute(lambda o: str(o.record))
    token_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.token.encode()).hexdigest())
    recipient = "hr@example.com"
    created_by = factory.SubFactory(UserFactory, username="office", role="secretariat")
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))


class ReminderDigestFactory(RecordFactory):
    class Meta:
        model = ReminderDigest

    user = factory.SubFactory(UserFactory)
    sent_on = dt.date(2026, 9, 7)
    items = 2
    sections = ["figures", "targets"]
