"""The annual report's chapters on the member assessment and incentives, and on publicity,
model cases and culture corridors: plain values from the year's data (no queries in templates)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from members.models import MediaKind

from .assessments import Grade, IncentiveKind, method_text
from .sources import YearData


def governance_context(d: YearData, names: dict[int, str]) -> dict:
    """``names``: the member schools' and enterprises' names by id (the report has them)."""
    assessments = d.assessment_summary
    grade_counts = [
        (label, sum(1 for row in assessments["rows"] if row["grade"] == grade))
        for grade, label in Grade.choices
    ]
    incentives = d.incentive_summary
    incentive_rows = [
        {
            "name": incentives["names"][recipient],
            "amounts": [kinds.get(kind, Decimal(0)) for kind in IncentiveKind.values],
            "total": sum(kinds.values(), Decimal(0)),
            "grants": incentives["grants"][recipient],
        }
        for recipient, kinds in sorted(
            incentives["by_recipient"].items(), key=lambda pair: incentives["names"][pair[0]]
        )
    ]
    media = d.media_coverage
    cases = d.model_cases_summary
    with_corridor = d.schools_with_corridor
    complete = d.enterprises_with_complete_profile
    return {
        "assessment": {
            "rows": assessments["rows"],
            "grade_counts": grade_counts,
            "method": method_text(),
        },
        "incentives": {
            "kinds": [label for _kind, label in IncentiveKind.choices],
            "by_kind": [
                (label, incentives["by_kind"].get(kind, Decimal(0)))
                for kind, label in IncentiveKind.choices
            ],
            "total": sum(incentives["by_kind"].values(), Decimal(0)),
            "rows": incentive_rows,
            "justified": incentives["justified"],
        },
        "publicity": {
            "media_by_kind": [
                (label, media["by_kind"].get(kind, 0)) for kind, label in MediaKind.choices
            ],
            "media_items": media["items"],
            "cases": cases,
            "corridor_schools": sorted(
                (names[s], s in with_corridor) for s in d.schools if s in names
            ),
            "incomplete_profiles": sorted(names[e] for e in d.enterprises - complete if e in names),
        },
        "chosen_cases": cases["in_report"],
    }


def governance_sections() -> list[tuple[str, str]]:
    """The two chapters (id, title), placed after the outreach chapter."""
    return [
        ("assessment", _("Member assessment and incentives")),
        ("publicity", _("Publicity, model cases and culture corridors")),
    ]
