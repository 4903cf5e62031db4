"""Per-account API tokens: issued, revoked and checked here, every change audited."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from alliance import audit
from alliance.models import ApiToken, AuditKind


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def token_issue(*, user) -> str:
    """Give ``user`` a new token, replacing the old one; the key is returned once, never kept."""
    key = secrets.token_urlsafe(32)
    replaced = ApiToken.objects.filter(user=user).delete()[0] > 0
    token = ApiToken(user=user, prefix=key[:8], digest=_digest(key))
    token.full_clean()
    token.save()
    audit.record(
        AuditKind.API_TOKEN,
        user=user,
        target=token,
        detail={"action": "replaced" if replaced else "created"},
    )
    return key


@transaction.atomic
def token_revoke(*, user) -> bool:
    """Revoke ``user``'s token (calls with it are refused from now on); False if there was none."""
    token = ApiToken.objects.filter(user=user).first()
    if token is None:
        return False
    token.delete()
    audit.record(AuditKind.API_TOKEN, user=user, target=token, detail={"action": "revoked"})
    return True


def user_for_key(key: str):
    """The active account a key belongs to, or None. Records when the token was last used."""
    token = ApiToken.objects.select_related("user").filter(digest=_digest(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    # At most one write a minute per token, not one per call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
