"""Where to go after a POST action: a ``next`` of this site, else the action's own page."""

from __future__ import annotations

from django.utils.http import url_has_allowed_host_and_scheme


def next_or(request, default: str) -> str:
    """The request's ``next`` if it stays on this host (and on HTTPS when the request is),
    otherwise ``default``: an attacker's link must not turn a form into an open redirect."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
