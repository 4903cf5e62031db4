"""The client's address as the portal should believe it, behind zero or more reverse proxies.

``X-Forwarded-For`` is written by whoever sends the request, so it is read only as far as
the configured proxies vouch for it: ``TRUSTED_PROXIES`` (addresses or networks of the
proxies) and/or ``PROXY_COUNT`` (how many proxies stand in front of the portal). With neither
set the header is ignored and the peer address is the client. django-axes, the login rate
limit and the audit trail all use this one function, so they agree on who the client is.
"""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry)


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return any(address in network for network in networks)


def client_ip(request) -> str | None:
    """The address of the client that reached the outermost trusted proxy (or the peer)."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    count = settings.PROXY_COUNT
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if remote is None or not (count or networks):
        return str(remote) if remote is not None else None
    if networks and not _trusted(remote, networks):
        # The request came around the proxy: its header is the sender's own claim.
        return str(remote)
    hops = [_address(part) for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [*hops, remote] if hops != [None] else [remote]
    # Walk back from the portal, over at most ``count`` proxies (all trusted ones if no count).
    limit = count or len(hops)
    index = len(hops) - 1
    while limit and index > 0:
        if networks and not _trusted(hops[index], networks):
            break
        index -= 1
        limit -= 1
        if hops[index] is None:
            # A proxy we trust wrote something that is no address: believe only that proxy.
            return str(hops[index + 1])
    return str(hops[index])
