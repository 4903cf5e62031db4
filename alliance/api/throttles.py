"""Rate limits of the open API, counted in the Django cache (Redis in production).

The rates are read from the settings on every request (``API_RATE_ANONYMOUS``,
``API_RATE_ACCOUNT``), so that a deployment — or a test — can change them without a restart of
DRF's class-level configuration.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from alliance.client_ip import client_ip


class AnonymousRate(AnonRateThrottle):
    """Anonymous callers (the open data), per client address."""

    def get_rate(self) -> str:
        return settings.API_RATE_ANONYMOUS

    def get_ident(self, request) -> str:
        # The portal's own notion of the client address (behind the trusted proxy).
        return client_ip(request)


class AccountRate(UserRateThrottle):
    """Callers with a token or a session, per account."""

    def get_rate(self) -> str:
        return settings.API_RATE_ACCOUNT

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None  # counted by AnonymousRate
        return super().get_cache_key(request, view)
