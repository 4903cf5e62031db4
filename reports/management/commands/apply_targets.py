"""``python manage.py apply_targets --preset qufu --year 2025``: another plan's targets for a year."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from reports.services import PRESETS, target_preset_apply


class Command(BaseCommand):
    help = "Apply a plan's targets to a year (indicators the plan does not set become report-only)."

    def add_arguments(self, parser):
        parser.add_argument("--preset", choices=sorted(PRESETS), required=True)
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, preset: str, year: int, **options):
        targets = target_preset_apply(year=year, preset=preset)
        for target in targets:
            self.stdout.write(
                f"{year} {target.indicator}: {target.comparison} {target.value or ''} ({target.source})"
            )
