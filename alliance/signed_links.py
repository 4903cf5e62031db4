"""Signed links: someone without an account answers for one record, once, from an e-mail.

An app declares a :class:`Purpose` (the model it answers for, the form the recipient fills in,
the service the answer calls) and registers it from its ``AppConfig.ready``; this module issues,
checks, answers and revokes links for every purpose alike, and records each step in the audit
trail. Imports no app.

A link is a random token (256 bits) whose SHA-256 is stored with the record it is bound to, the
purpose and the expiry: it is as unguessable as an HMAC signature and, unlike one, can be
revoked and used up, which is what the secretariat needs. The token is in the URL only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .models import AuditKind, SignedLink

__all__ = ["PURPOSES", "Purpose", "answer", "find", "issue", "register", "revoke"]


@dataclass(frozen=True)
class Purpose:
    """What a link lets its recipient do.

    ``describe(obj)`` gives the sentences shown above the form (no personal data beyond the
    name the recipient already knows); ``perform(obj, cleaned_data)`` calls the app's service
    inside the transaction that uses the link up and returns the outcome to record;
    ``issuable(user)`` is the queryset of records ``user`` may send a link for; ``recipient(obj)``
    the address offered on the issue page.
    """

    key: str
    label: str
    model: type[models.Model]
    form: type[forms.Form]
    describe: Callable[[Any], list[str]]
    perform: Callable[[Any, dict], str]
    issuable: Callable[[Any], models.QuerySet]
    #: the address the link goes to unless the secretariat types another ("" when unknown)
    recipient: Callable[[Any], str] | None = None


PURPOSES: dict[str, Purpose] = {}


def register(purpose: Purpose) -> Purpose:
    if purpose.key in PURPOSES and PURPOSES[purpose.key] != purpose:
        raise ValueError(f"signed-link purpose {purpose.key!r} registered twice")
    PURPOSES[purpose.key] = purpose
    return purpose


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_url(token: str, base_url: str = "") -> str:
    """The absolute address of a link: it is read outside the portal. ``base_url`` is the
    portal's address as the issuing request saw it, else ``SITE_URL``."""
    return (base_url or settings.SITE_URL).rstrip("/") + reverse("signed_link", args=[token])


@transaction.atomic
def issue(
    *,
    purpose: Purpose,
    obj: models.Model,
    recipient: str,
    user,
    base_url: str = "",
    send: bool = True,
) -> tuple[SignedLink, str]:
    """Create a link for ``obj`` and, when ``recipient`` is an e-mail address and ``send``, mail
    it. Returns the link and its URL (shown once: only its hash is kept)."""
    if not purpose.issuable(user).filter(pk=obj.pk).exists():
        raise ValidationError(_("You cannot send a link for this record."))
    content_type = ContentType.objects.get_for_model(obj)
    # A new link replaces the record's open one: only the latest sent can be answered.
    for superseded in SignedLink.objects.usable().filter(
        purpose=purpose.key, content_type=content_type, object_id=obj.pk
    ):
        revoke(link=superseded, user=user)
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    link = SignedLink.objects.create(
        purpose=purpose.key,
        content_type=content_type,
        object_id=obj.pk,
        record_label=str(obj)[:200],
        token_hash=_hash(token),
        recipient=recipient[:200],
        created_by=user,
        created_at=now,
        expires_at=now + dt.timedelta(days=settings.SIGNED_LINK_DAYS),
    )
    url = link_url(token, base_url)
    audit.record(
        AuditKind.LINK_ISSUED, user=user, target=link, detail={"link": link.pk, "to": recipient}
    )
    if send and "@" in recipient:
        context = {
            "purpose": purpose,
            "lines": purpose.describe(obj),
            "url": url,
            "expires": timezone.localtime(link.expires_at),
            "alliance": settings.ALLIANCE_NAME,
        }
        body = render_to_string("alliance/signed_link_email.txt", context)
        # Robust: a mail server that fails is logged; the issue page shows the link anyway,
        # to be copied into a message.
        transaction.on_commit(
            lambda: send_mail(
                f"{settings.ALLIANCE_NAME}：{purpose.label}",
                body,
                None,
                [recipient],
            ),
            robust=True,
        )
    return link, url


def find(token: str) -> tuple[SignedLink | None, Any]:
    """The link of ``token`` and its record (None, None when there is no such link)."""
    link = SignedLink.objects.filter(token_hash=_hash(token)).first()
    if link is None or link.purpose not in PURPOSES:
        return None, None
    obj = PURPOSES[link.purpose].model._default_manager.filter(pk=link.object_id).first()
    return link, obj


def answer(*, link: SignedLink, obj, cleaned_data: dict) -> str:
    """Use the link up and apply the answer, in one transaction: two answers sent at once
    (a double click, a forwarded e-mail) apply once; the second finds the link used."""
    purpose = PURPOSES[link.purpose]
    now = timezone.now()
    with transaction.atomic():
        claimed = SignedLink.objects.usable(now=now).filter(pk=link.pk).update(used_at=now)
        if not claimed:
            raise ValidationError(_("This link has already been used, has expired or was revoked."))
        outcome = purpose.perform(obj, cleaned_data)
        SignedLink.objects.filter(pk=link.pk).update(outcome=str(outcome)[:200])
        audit.record(
            AuditKind.LINK_USED,
            user=None,
            username=link.recipient,
            target=link,
            detail={"link": link.pk, "purpose": link.purpose, "outcome": str(outcome)},
        )
    link.refresh_from_db()
    return outcome


def refuse(*, link: SignedLink | None, reason: str) -> None:
    """Record an attempt to use a link that is used, expired or revoked."""
    audit.record(
        AuditKind.LINK_REFUSED,
        user=None,
        username=link.recipient if link else "",
        target=link or "",
        detail={"link": link.pk if link else None, "reason": reason},
    )


@transaction.atomic
def revoke(*, link: SignedLink, user) -> bool:
    """Close an unanswered link; False when it was already used or revoked."""
    closed = SignedLink.objects.filter(
        pk=link.pk, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now(), revoked_by=user)
    if closed:
        audit.record(AuditKind.LINK_REVOKED, user=user, target=link, detail={"link": link.pk})
    return bool(closed)
