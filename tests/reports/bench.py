"""Speed of the reports app on county-scale demo data: ``python -m tests.reports.bench``.

Targets (issue 6): the annual report builds in ≤ 10 s, the alliance dashboard answers in ≤ 200 ms.
Uses ``DATABASE_URL`` (e.g. ``postgres://postgres@127.0.0.1:5432/alliance_reports``); without it, a
scratch SQLite file in /tmp, so the developer's database is never filled with county data.
Migrates and seeds ``seed_demo --scale county`` first (idempotent), then prints the numbers.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

REPORT_TARGET_S = 10.0
DASHBOARD_TARGET_MS = 200.0
REQUESTS = 9


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
    os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/alliance-bench.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="alliance-bench-media-"))
    import django

    django.setup()


def _timed(function, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def _median_ms(client, url: str) -> tuple[float, list[float]]:
    client.get(url)  # warm-up: first request loads templates and translations
    times = []
    for _ in range(REQUESTS):
        seconds, response = _timed(client.get, url)
        assert response.status_code == 200, (url, response.status_code)
        times.append(seconds * 1000)
    return statistics.median(times), times


def _verdict(value: float, target: float) -> str:
    return "OK" if value <= target else "SLOW"


def main() -> None:
    _setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from members.models import Organization, User
    from reports.document import build_html, render_pdf
    from reports.services import report_build_now

    setup_test_environment()
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"reports bench · database {engine} {settings.DATABASES['default']['NAME']}")
    seconds, _ = _timed(call_command, "migrate", verbosity=0)
    seconds, _ = _timed(call_command, "seed_demo", scale="county", verbosity=0)
    print(f"seed_demo --scale county: {seconds:.1f} s")
    print(
        f"data: {Organization.objects.enterprises().count()} enterprises, "
        f"{Organization.objects.schools().count()} schools"
    )

    year = 2025
    html_s, built = _timed(build_html, year)
    pdf_s, (content, _pages) = _timed(render_pdf, built.html)
    total_s, report = _timed(report_build_now, year=year)
    print(
        f"report {year}: html {html_s:.2f} s + pdf {pdf_s:.2f} s; full run (build_report) {total_s:.2f} s, "
        f"{report.pages} pages, {len(content) // 1024} KiB  [target ≤ {REPORT_TARGET_S:.0f} s: "
        f"{_verdict(total_s, REPORT_TARGET_S)}]"
    )

    client = Client()
    client.force_login(User.objects.get(username="secretariat"))
    dashboard = f"/reports/dashboard/?year={year}"
    median, times = _median_ms(client, dashboard)
    print(
        f"dashboard page: median {median:.0f} ms over {REQUESTS} requests (min {min(times):.0f}, "
        f"max {max(times):.0f})  [target ≤ {DASHBOARD_TARGET_MS:.0f} ms: {_verdict(median, DASHBOARD_TARGET_MS)}]"
    )
    client.defaults["HTTP_HX_REQUEST"] = "true"
    median, times = _median_ms(client, dashboard + "&part=trend")
    print(
        f"dashboard five-year trend (htmx fragment, loaded after the page): median {median:.0f} ms"
    )
    client.defaults.pop("HTTP_HX_REQUEST")

    hr = User.objects.get(username="hr")
    client.force_login(hr)
    scorecard = f"/reports/scorecards/enterprise/{hr.organization_id}/?year={year}"
    median, _times = _median_ms(client, scorecard)
    print(f"enterprise scorecard: median {median:.0f} ms")
    client.force_login(User.objects.get(username="secretariat"))
    median, _times = _median_ms(client, f"/reports/scorecards/?year={year}")
    print(f"all scorecards: median {median:.0f} ms")


if __name__ == "__main__":
    main()
