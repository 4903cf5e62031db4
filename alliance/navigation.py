"""The portal's menus (project wiring): each app's ``nav.py``, filtered by the reader's access.

A link is shown when the reader may open the route it names; the audience is read from the
route's view, never from a second list that could drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.urls import resolve, reverse
from django.utils.translation import get_language

from members import nav as members_nav
from placements import nav as placements_nav
from reports import nav as reports_nav
from training import nav as training_nav

from . import nav as alliance_nav
from .access import Audience, admits, role_of, view_access
from .menus import Menu

MENUS: list[Menu] = sorted(
    (
        members_nav.MENU,
        members_nav.GOVERNANCE_MENU,
        training_nav.MENU,
        placements_nav.MENU,
        alliance_nav.MENU,
        alliance_nav.SECURITY_MENU,
        reports_nav.MENU,
    ),
    key=lambda menu: menu.order,
)


@dataclass(frozen=True)
class VisibleLink:
    label: str
    url: str
    icon: str


@cache
def _route(url_name: str) -> tuple[str, Audience]:
    url = reverse(url_name)
    audience = view_access(resolve(url).func)
    if audience is None:
        raise LookupError(f"menu link {url_name} points to a route with no declared access")
    return url, audience


def menus_for(user) -> tuple[tuple[str, tuple[VisibleLink, ...]], ...]:
    """((menu label, (links this user may open)), ...), menus without any link left out."""
    active = user is not None and user.is_authenticated and user.is_active
    return _menus(role_of(user), active, get_language())


@cache
def _menus(role: str | None, active: bool, language: str | None):
    # What a reader may open depends on the role alone (``has_access``), and the labels on the
    # language: built once per pair instead of on every page (twice per page with a table).
    result = []
    for menu in MENUS:
        links = []
        for link in menu.links:
            url, audience = _route(link.url_name)
            if admits(audience, role, logged_in=active):
                links.append(VisibleLink(str(link.label), url, link.icon))
        if links:
            result.append((str(menu.label), tuple(links)))
    return tuple(result)
