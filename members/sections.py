"""Sections of an organisation's detail page contributed by the other apps.

``members`` imports no other app, yet the organisation page shows everything the alliance knows
of a member (its bases, stations, order classes, apprentices, hires ...). Each app registers a
provider in its ``AppConfig.ready()``; the page asks every provider for its section.

A provider is ``provider(organization, user) -> OrganizationSection | None`` and runs a few
queries at most (never one per row). It returns None when it has nothing to show for that
organisation or that user. The page renders ``template`` with its own context plus the
section's ``context`` (and ``section`` itself).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .models import Organization


@dataclass
class OrganizationSection:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


Provider = Callable[[Organization, object], "OrganizationSection | None"]
_providers: list[Provider] = []

# The council page takes sections the same way, given the year it shows: the check of the
# plan's meeting rule is the ``reports`` indicator, which ``members`` cannot import.
CouncilProvider = Callable[[int, object], "OrganizationSection | None"]
_council_providers: list[CouncilProvider] = []


def register(provider: Provider) -> Provider:
    """Register a section provider (usable as a decorator); registering twice is harmless."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def sections_for(organization: Organization, user) -> list[OrganizationSection]:
    sections = [s for provider in _providers if (s := provider(organization, user)) is not None]
    return sorted(sections, key=lambda s: s.order)


def register_council(provider: CouncilProvider) -> CouncilProvider:
    """Register a section of the council page (usable as a decorator)."""
    if provider not in _council_providers:
        _council_providers.append(provider)
    return provider


def council_sections(year: int, user) -> list[OrganizationSection]:
    sections = [s for provider in _council_providers if (s := provider(year, user)) is not None]
    return sorted(sections, key=lambda s: s.order)
