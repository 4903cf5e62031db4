"""The audit trail: ``record(kind, user=..., target=..., detail=...)`` from any app.

Services record what they did; the address comes from the request being served (kept by
``AuditRequestMiddleware`` for the length of the request, as simple_history keeps its own),
so that a service called from a page needs no request argument. Imports no app.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from .client_ip import client_ip
from .models import AuditEvent, AuditKind

__all__ = ["AuditKind", "AuditRequestMiddleware", "record"]

_request: ContextVar = ContextVar("alliance_audit_request", default=None)


class AuditRequestMiddleware:
    """Keep the current request where ``record`` can read its client address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def record(
    kind: str,
    *,
    user,
    request=None,
    target: Any = "",
    detail: dict | None = None,
    username: str = "",
) -> AuditEvent:
    """Add one event. ``user`` may be None or anonymous (a failed log-in: give ``username``)."""
    request = request if request is not None else _request.get()
    known = user is not None and getattr(user, "is_authenticated", False)
    return AuditEvent.objects.create(
        kind=kind,
        user_id=user.pk if known else None,
        username=(user.get_username() if known else username)[:150],
        ip_address=client_ip(request) if request is not None else None,
        target=str(target)[:200],
        detail=detail or {},
    )
