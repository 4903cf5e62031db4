"""The portal's menus, gathered from each app's ``nav.py`` and filtered by role.

The project never hard-codes another app's pages, and a role sees only the links it may open.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.urls import reverse

from members.permissions import audience_of, has_access

from .menus import Menu


@dataclass(frozen=True)
class VisibleLink:
    label: str
    url: str
    icon: str


def _menus() -> list[Menu]:
    menus = []
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.nav")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.nav":
                raise
            continue
        menus.append(module.MENU)
    return sorted(menus, key=lambda m: m.order)


def menus_for(user) -> list[tuple[str, list[VisibleLink]]]:
    """[(menu label, [links this user may open])], menus without any link left out."""
    result = []
    for menu in _menus():
        links = [
            VisibleLink(str(link.label), reverse(link.url_name), link.icon)
            for link in menu.links
            if has_access(user, audience_of(link.roles))
        ]
        if links:
            result.append((str(menu.label), links))
    return result
