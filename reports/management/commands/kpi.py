"""``python manage.py kpi --year 2025 [--school ID | --enterprise ID] [--format json|table]``."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from reports.indicators import ALLIANCE_SCOPE, ENTERPRISE, SCHOOL, Scope
from reports.selectors import kpi_payload

# The keys of the JSON shape, in order; the rest (unit, formula, source ...) follow.
KEYS = ["code", "label", "value", "target", "met", "numerator", "denominator"]


class Command(BaseCommand):
    help = "Print the plan's indicators for a year: the alliance, one school or one enterprise."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--school", type=int, help="Organisation id of a member school")
        scope.add_argument("--enterprise", type=int, help="Organisation id of a member enterprise")
        parser.add_argument("--format", choices=["json", "table"], default="json")

    def handle(
        self, *args, year: int, school: int | None, enterprise: int | None, format: str, **options
    ):
        if year < 2000 or year > 2100:
            raise CommandError("--year must be a calendar year")
        scope = (
            Scope(SCHOOL, school)
            if school
            else Scope(ENTERPRISE, enterprise)
            if enterprise
            else ALLIANCE_SCOPE
        )
        with translation.override("zh-hans"):
            payload = kpi_payload(year, scope)
        if format == "json":
            indicators = [
                {
                    **{key: row[key] for key in KEYS},
                    **{k: v for k, v in row.items() if k not in KEYS},
                }
                for row in payload["indicators"]
            ]
            self.stdout.write(
                json.dumps({**payload, "indicators": indicators}, ensure_ascii=False, indent=2)
            )
            return
        self.stdout.write(f"{year} · {payload['scope']}")
        width = max(len(row["label"]) for row in payload["indicators"]) + 2
        for row in payload["indicators"]:
            met = {True: "✓", False: "✗", None: "·"}[row["met"]]
            fraction = (
                f"{row['numerator']}/{row['denominator']}" if row["denominator"] is not None else ""
            )
            self.stdout.write(
                f"{met} {row['code']:<26}{row['label']:<{width}}{row['value_text']:>10}  "
                f"{fraction:>10}  {row['target_text']}"
            )
