"""The annual report's chapters on the member assessment and incentives, and on publicity,
model cases and culture corridors: plain values from the year's data (no queries in templates)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from members.models import MediaKind

from .annex import few, sheet
from .assessments import Grade, IncentiveKind, method_text
from .sources import YearData


def governance_context(d: YearData, names: dict[int, str]) -> dict:
    """``names``: the member schools' and enterprises' names by id (the report has them). The
    assessment of every member and the support of every recipient (a row per member: it grows
    with the alliance) are the annex's sheets under ``governance_sheets``; the PDF keeps the
    grades counted, the members graded fail and the support by kind."""
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
    assessment_sheet = _("Assessment results")
    incentive_sheet = _("Incentives")
    sheets = [
        sheet(
            assessment_sheet,
            [
                _("member"),
                _("kind"),
                _("Indicators met"),
                _("indicator part"),
                _("assessors' part"),
                _("total score"),
                _("grade"),
            ],
            [
                [
                    r["name"],
                    r["kind"],
                    r["indicators"],
                    r["indicator_score"],
                    r["assessor_score"],
                    r["total"],
                    r["grade_label"],
                ]
                for r in assessments["rows"]
            ],
        ),
        sheet(
            incentive_sheet,
            [_("recipient"), *(label for _kind, label in IncentiveKind.choices), _("Total")],
            [[r["name"], *r["amounts"], r["total"]] for r in incentive_rows],
        ),
    ]
    with_corridor = d.schools_with_corridor
    corridor_sheet = _("Culture corridors")
    sheets.append(
        sheet(
            corridor_sheet,
            [_("School"), _("Corridor")],
            [
                [name, _("Installed") if s in with_corridor else _("Not installed")]
                for name, s in sorted((names[s], s) for s in d.schools if s in names)
            ],
        )
    )
    media = d.media_coverage
    cases = d.model_cases_summary
    complete = d.enterprises_with_complete_profile
    return {
        "assessment": {
            "count": len(assessments["rows"]),
            "failed": [row for row in assessments["rows"] if row["grade"] == Grade.FAIL],
            "grade_counts": grade_counts,
            "sheet": assessment_sheet,
            "method": method_text(),
        },
        "incentives": {
            "kinds": [label for _kind, label in IncentiveKind.choices],
            "by_kind": [
                (label, incentives["by_kind"].get(kind, Decimal(0)))
                for kind, label in IncentiveKind.choices
            ],
            "total": sum(incentives["by_kind"].values(), Decimal(0)),
            "recipients": len(incentive_rows),
            "justified": incentives["justified"],
            "sheet": incentive_sheet,
        },
        "publicity": {
            "media_by_kind": [
                (label, media["by_kind"].get(kind, 0)) for kind, label in MediaKind.choices
            ],
            "media_items": media["items"],
            "cases": cases,
            "without_corridor": few(
                sorted(names[s] for s in d.schools - with_corridor if s in names)
            ),
            "corridor_sheet": corridor_sheet,
            "incomplete_profiles": few(
                sorted(names[e] for e in d.enterprises - complete if e in names)
            ),
        },
        "chosen_cases": cases["in_report"],
        "governance_sheets": sheets,
    }


def governance_sections() -> list[tuple[str, str]]:
    """The two chapters (id, title), placed after the outreach chapter."""
    return [
        ("assessment", _("Member assessment and incentives")),
        ("publicity", _("Publicity, model cases and culture corridors")),
    ]
