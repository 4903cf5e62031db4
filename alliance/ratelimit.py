"""A per-address rate limit on the login form, counted in the Django cache (Redis in production).

django-axes locks a (username, address) pair after a few wrong passwords; this limit stops one
address from trying many usernames, or one password on many accounts, at full speed.
"""

from __future__ import annotations

import time

from django.core.cache import cache

from .client_ip import client_ip

WINDOW_SECONDS = 60


def count_login_attempt(request) -> int:
    """Count this log-in attempt against its address; the attempts it made this minute."""
    window = int(time.time() // WINDOW_SECONDS)
    key = f"alliance:login-rate:{client_ip(request)}:{window}"
    count = 1
    if not cache.add(key, count, WINDOW_SECONDS + 5):
        try:
            count = cache.incr(key)
        except ValueError:
            # The key expired between add and incr: this attempt opens a new window.
            cache.set(key, count, WINDOW_SECONDS + 5)
    return count
