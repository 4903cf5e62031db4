"""Menu entries that each app declares in its ``nav.py`` (plain data; imports no app).

``roles`` is a tuple of role names, or ``"public"`` / ``"authenticated"``, the same audience
vocabulary as ``members.permissions.allow``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    label: str
    url_name: str
    roles: tuple[str, ...] | str
    icon: str = "circle"


@dataclass(frozen=True)
class Menu:
    label: str
    links: list[Link] = field(default_factory=list)
    order: int = 50
