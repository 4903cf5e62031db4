"""Menu entries that each app declares in its ``nav.py`` (plain data; imports no app).

A link names a route only: who sees it is the route's own audience (``alliance.access.allow``
on its view), so a menu can never offer a page its reader would be refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    label: str
    url_name: str
    icon: str = "circle"


@dataclass(frozen=True)
class Menu:
    label: str
    links: list[Link] = field(default_factory=list)
    order: int = 50
