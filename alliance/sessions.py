"""Session limits: an idle timeout and an absolute lifetime, both from settings.

The log-in time and the last activity are kept in the session itself. The last activity is
written at most once a minute, so that reading a page does not write the session every time.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _

from . import audit
from .models import AuditKind

LOGIN_AT = "alliance:login_at"
SEEN_AT = "alliance:seen_at"
# How stale the stored last activity may get: the idle timeout is exact to this much.
SEEN_RESOLUTION = 60


def start(request) -> None:
    """Stamp a new log-in (called on ``user_logged_in``)."""
    session = getattr(request, "session", None)
    if session is not None:
        session[LOGIN_AT] = session[SEEN_AT] = int(time.time())


def expired_reason(session, now: float) -> str | None:
    """ "idle" or "absolute" when the session has run out, else None."""
    started, seen = session.get(LOGIN_AT), session.get(SEEN_AT)
    if started is None or seen is None:
        return None
    if now - started > settings.SESSION_MAX_HOURS * 3600:
        return "absolute"
    if now - seen > settings.SESSION_IDLE_MINUTES * 60:
        return "idle"
    return None


def page_redirect(request, url: str) -> HttpResponse:
    """Redirect to ``url``; an htmx request is told to load it as a whole page, not a fragment."""
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


class SessionLimitsMiddleware:
    """Log out a session idle for ``SESSION_IDLE_MINUTES`` or older than ``SESSION_MAX_HOURS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            reason = expired_reason(request.session, now)
            if reason is not None:
                audit.record(
                    AuditKind.SESSION_EXPIRED,
                    user=request.user,
                    request=request,
                    detail={"reason": reason},
                )
                logout(request)
                messages.info(request, _("Your session has expired. Please log in again."))
                return page_redirect(request, redirect_to_login(request.get_full_path()).url)
            if request.session.get(SEEN_AT) is None:
                # A session from before these limits: start counting now.
                start(request)
            elif now - request.session[SEEN_AT] >= SEEN_RESOLUTION:
                request.session[SEEN_AT] = int(now)
        return self.get_response(request)
