"""Create the demo alliance: ``python manage.py seed_demo [--seed N] [--scale demo|county|city|province]``."""

from __future__ import annotations

import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from alliance.changes import records_written
from alliance.registers.indexes import drop_search_indexes, ensure_search_indexes
from members import demo as members_demo
from placements import demo as placements_demo
from reports import demo as reports_demo
from training import demo as training_demo

# Dependency order: members first, then the apps that point at it, reports last.
DEMO_MODULES = [members_demo, training_demo, placements_demo, reports_demo]


class Command(BaseCommand):
    help = (
        "Create the demo alliance from the Linqu plan (idempotent: a second run changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=2025, help="Random seed (same seed, same data)."
        )
        parser.add_argument(
            "--scale", choices=["demo", "county", "city", "province"], default="demo"
        )
        parser.add_argument(
            "--without-report",
            action="store_true",
            help="Skip building the published 2024 report (the slow step; browser tests use it).",
        )

    def handle(self, *args, seed: int, scale: str, without_report: bool = False, **options):
        if settings.PRODUCTION:
            # Demo accounts share one published password: never on a real deployment.
            raise CommandError("seed_demo does not run with DJANGO_ENV=production.")
        started = time.monotonic()
        modules = [m for m in DEMO_MODULES if not (without_report and m is reports_demo)]
        # Millions of rows: the search indexes are built once after the load (below), not
        # updated row by row during it; only when each app's rows commit on their own (inside
        # a caller's transaction, a test's, PostgreSQL cannot index tables with pending
        # constraint checks).
        large = scale in ("city", "province") and not connection.in_atomic_block
        if large:
            drop_search_indexes()
        try:
            for module in modules:
                name = module.__name__
                # One random stream per app, so adding records to one app leaves the others'
                # data unchanged.
                rng = random.Random(f"{seed}:{name}")
                with transaction.atomic():
                    module.seed(rng, scale=scale)
                    # The seeders write in bulk: the stored figures must know the records changed.
                    records_written.send(sender=None)
                self.stdout.write(f"{name}: done ({time.monotonic() - started:.1f} s)")
        finally:
            if large:
                ensure_search_indexes()
        if connection.vendor == "postgresql":
            # Fresh statistics for the rows just loaded: the planner's choices, and the list
            # counts read from pg_class (alliance/registers/counting.py), follow at once
            # instead of after autovacuum's next pass.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo alliance ready ({scale}) in {time.monotonic() - started:.1f} s."
            )
        )
