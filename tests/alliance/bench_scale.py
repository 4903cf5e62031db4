"""Speed at county, city and province scale (issue 17): ``python -m tests.alliance.bench_scale``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/alliance_bench_city \\
        python -m tests.alliance.bench_scale --scale city

Seeds ``seed_demo --scale <scale>`` into the database named by DATABASE_URL (idempotent; one
database per scale, since a larger scale only adds to a smaller one), then prints, per page:
the median and p95 server time over ``--requests`` requests, the SQL queries, and for every
register list the ratio to Django's admin changelist of the same model on the same data (first
page, default order, both with the secretariat's or a superuser's full view). Then the figure
pages (stored figures: the first request after a write shows the stored block saying it is
being updated, the next ones read; then the worker's refresh, timed), and the annual report: its
build time against a bare WeasyPrint render of the same HTML, its pages and the peak memory of
the process that built it. The build and the bare render each run in a fresh process that
reports its own peak resident memory, so that one never inherits the other's. ``--only report``
(or ``lists``, ``searches``, ``figures``) measures that part alone.

On a shared machine the absolute times are noisy; the ratios to the admin, taken in the same
run, and the query counts are what to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

YEAR = 2025
REPORT_RUNS = 5
FIGURE_PAGES = [
    ("dashboard", "/reports/dashboard/?year={year}", False),
    ("dashboard trend", "/reports/dashboard/?year={year}&part=trend", True),
    ("scorecards", "/reports/scorecards/?year={year}", False),
    ("coverage", "/reports/coverage/?year={year}", False),
    ("obligations", "/reports/obligations/?year={year}", False),
    ("outreach", "/reports/outreach/?year={year}", False),
    ("local employment", "/reports/local-employment/?year={year}", False),
]


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
    os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/alliance-bench-scale.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="alliance-bench-media-"))
    # The server's process as the WSGI module sets it up (Django, then the loaded objects
    # frozen out of the garbage collector's walks).
    import alliance.wsgi  # noqa: F401


def _summary(times: list[float], queries: int, first: float) -> dict:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"first": first, "median": statistics.median(times), "p95": p95, "queries": queries}


def _measure_many(pages: list[tuple], requests: int) -> list[dict]:
    """Each of ``pages`` ((client, url, htmx)) requested ``requests`` times, the pages taken in
    turn, so that a busy moment of a shared machine falls on all of them alike."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    firsts, times, counts = [], [[] for _ in pages], [0] * len(pages)
    for client, url, htmx in pages:
        headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        started = time.perf_counter()
        response = client.get(url, **headers)  # warm-up (templates, stored figures)
        firsts.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    for _ in range(requests):
        for index, (client, url, htmx) in enumerate(pages):
            headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url, **headers)
                times[index].append((time.perf_counter() - started) * 1000)
            counts[index] = len(queries)
    return [_summary(t, q, f) for t, q, f in zip(times, counts, firsts, strict=True)]


def _measure(client, url: str, requests: int, htmx: bool = False) -> dict:
    return _measure_many([(client, url, htmx)], requests)[0]


#: The peak resident memory of the process's own address space (Linux's VmHWM). Not
#: ``ru_maxrss``: Linux carries it over fork and exec, so a child started by this process (2 GB
#: after seeding a province) reported its parent's size as its own.
PEAK_MIB = """
def peak_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""


def _child(code: str) -> dict:
    """Run ``code`` in a fresh Python process (Django set up) and return the JSON object it prints
    last, with ``peak_mib``: that process's own peak resident memory, read by itself at the end."""
    script = (
        "import json, resource, time, django; django.setup()\n"
        f"{PEAK_MIB}\n"
        f"{code}\n"
        "found['peak_mib'] = peak_mib()\n"
        "print(json.dumps(found))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=os.environ
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _report(year: int, runs: int = REPORT_RUNS) -> dict:
    """Build the year's report in a fresh process, as a worker does (its peak memory is the
    worker's); then, in another fresh process, render the same HTML with bare WeasyPrint (the
    floor: the same imports and fonts to load, no queries, no charts, no template). The two are
    run ``runs`` times in turn and their medians compared: one render of the same HTML varies by
    ±10 % from run to run, as much as the build adds to it. The stored figures are refreshed
    first, as the worker does after every write: the report reads them."""
    from reports.document import build_html
    from reports.figures import StoredFigures
    from reports.selectors import TREND_YEARS

    StoredFigures().refresh_all(range(year - TREND_YEARS + 1, year + 1))
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as out:
        out.write(build_html(year).html)
    builds, bares = [], []
    try:
        for _ in range(runs):
            builds.append(
                _child(
                    "from reports.services import report_build_now\n"
                    f"t = time.perf_counter(); r = report_build_now(year={year})\n"
                    "found = {'seconds': time.perf_counter() - t, 'pages': r.pages}"
                )
            )
            bares.append(
                _child(
                    "from reports.document import render_pdf\n"
                    f"html = open({out.name!r}).read()\n"
                    "t = time.perf_counter(); render_pdf(html)\n"
                    "found = {'seconds': time.perf_counter() - t}"
                )
            )
    finally:
        os.unlink(out.name)
    return {
        "seconds": statistics.median(b["seconds"] for b in builds),
        "pages": builds[-1]["pages"],
        "peak_mib": max(b["peak_mib"] for b in builds),
        "bare_pdf_seconds": statistics.median(b["seconds"] for b in bares),
        "bare_peak_mib": max(b["peak_mib"] for b in bares),
        "runs": runs,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=["county", "city", "province"], default="county")
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--skip-report", action="store_true")
    parser.add_argument(
        "--only",
        choices=["lists", "searches", "figures", "report"],
        help="measure one part only (the others are skipped; the data is seeded as usual)",
    )
    parser.add_argument(
        "--skip-seed", action="store_true", help="the database holds the scale's data already"
    )
    parser.add_argument(
        "--json",
        metavar="PATH",
        help="also write the figures to PATH, for bench_table's one table of every scale",
    )
    options = parser.parse_args()
    _setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    import alliance.urls  # noqa: F401  (declares every register)
    from members.models import Organization, User

    # Not setup_test_environment(): its instrumented template rendering, with the test client,
    # kept every rendered context alive (12,000 objects per figure page), and the garbage
    # collector's walks over that growing heap were the pages' p95 (1–4 s at province scale).
    settings.ALLOWED_HOSTS = ["*"]
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"# scale {options.scale} · {engine} {settings.DATABASES['default']['NAME']}")
    call_command("migrate", verbosity=0)
    if not options.skip_seed:
        started = time.perf_counter()
        call_command("seed_demo", scale=options.scale, without_report=True, verbosity=0)
        seconds = time.perf_counter() - started
        print(f"seed_demo --scale {options.scale}: {seconds:.1f} s (idempotent)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does on a live database
    print(
        f"data: {Organization.objects.enterprises().count()} enterprises, "
        f"{Organization.objects.schools().count()} schools, load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    office = Client()
    office.force_login(User.objects.get(username="secretariat"))
    superuser, _created = User.objects.get_or_create(
        username="bench_admin", defaults={"is_staff": True, "is_superuser": True}
    )
    superuser_client = Client()
    superuser_client.force_login(superuser)

    wanted = {options.only} if options.only else {"lists", "searches", "figures", "report"}
    if options.skip_report:
        wanted.discard("report")
    results: dict = {"scale": options.scale}
    if "lists" in wanted:
        results["lists"] = _lists(office, superuser_client, options.requests)
    if "searches" in wanted:
        results["searches"] = _searches(office, superuser_client, options.requests)
    if "figures" in wanted:
        results["figures"] = _figures(office, superuser_client, options.requests)
    if "report" in wanted:
        print("\n## Annual report")
        found = results["report"] = _report(YEAR)
        print(
            f"report {YEAR} (median of {found['runs']} builds): {found['seconds']:.1f} s, "
            f"{found['pages']} pages, peak memory "
            f"{found['peak_mib']:.0f} MiB; bare WeasyPrint render of the same HTML "
            f"{found['bare_pdf_seconds']:.1f} s, {found['bare_peak_mib']:.0f} MiB "
            f"(ratio {found['seconds'] / found['bare_pdf_seconds']:.2f}×)"
        )
    if options.json:
        with open(options.json, "w", encoding="utf-8") as out:
            json.dump(results, out, ensure_ascii=False, indent=1)
    return 0


def _lists(office, superuser_client, requests: int) -> dict:
    from django.contrib import admin

    from alliance.registers.declaration import DECLARED

    print("\n## Register lists (first page, default order) against the admin changelist")
    print(f"{'list':28} {'median':>8} {'p95':>8} {'queries':>7} {'admin':>8} {'ratio':>6}")
    ratios = []
    results = {}
    seen = set()
    for register in DECLARED:
        key = (register.namespace, register.name)
        if key in seen:
            continue
        seen.add(key)
        pages = [(office, register.list_url(), False)]
        model = register.model
        if model in admin.site._registry:
            meta = model._meta
            pages.append((superuser_client, f"/admin/{meta.app_label}/{meta.model_name}/", False))
        found = _measure_many(pages, requests)
        ours = results[f"{register.namespace}:{register.name}"] = found[0]
        line = f"{register.namespace}:{register.name:<{27 - len(register.namespace)}} "
        line += f"{ours['median']:7.0f}ms {ours['p95']:7.0f}ms {ours['queries']:7d}"
        if len(found) > 1:
            theirs = found[1]
            ratio = ours["ratio"] = ours["median"] / theirs["median"]
            ratios.append(ratio)
            line += f" {theirs['median']:7.0f}ms {ratio:5.2f}×"
        print(line)
    if ratios:
        print(f"median ratio {statistics.median(ratios):.2f}×, worst {max(ratios):.2f}×")
    return results


def _searches(office, superuser_client, requests: int) -> dict:
    print("\n## Searches of the student list (trigram indexes on PostgreSQL)")
    from urllib.parse import quote

    from placements.models import Student

    results = {}
    sample = Student.objects.order_by("pk").values("name", "student_number")[1]
    two = next(
        (n for n in Student.objects.values_list("name", flat=True)[:500] if len(n) == 2), "张伟"
    )
    for label, query in (
        ("three-character name", sample["name"][:3]),
        ("two-character name", two),
        ("student number", sample["student_number"][-6:]),
    ):
        ours, theirs = _measure_many(
            [
                (office, f"/placements/students/?q={quote(query)}", False),
                (superuser_client, f"/admin/placements/student/?q={quote(query)}", False),
            ],
            requests,
        )
        ours["ratio"] = ours["median"] / theirs["median"]
        results[f"search: {label}"] = ours
        print(
            f"{label:28} {ours['median']:7.0f}ms {ours['p95']:7.0f}ms {ours['queries']:7d} "
            f"{theirs['median']:7.0f}ms {ours['median'] / theirs['median']:5.2f}×"
        )
    return results


def _figures(office, superuser_client, requests: int) -> dict:
    from django.core.cache import cache

    from reports import figures, services

    print("\n## Figure pages (stored figures): first request after a write, then read")
    reference = "/admin/members/organization/"
    print(f"(ratio: to the admin changelist of organisations, {reference}, taken in turn)")
    print(f"{'page':28} {'first':>8} {'median':>8} {'p95':>8} {'queries':>7} {'ratio':>6}")
    # Every block stored and current, as the worker leaves them; then a write: the pages show
    # the stored blocks, saying they are being updated, until the worker's refresh.
    services.figures_refresh()
    figures.record_change()
    cache.delete(figures.REFRESH_QUEUED)  # no worker runs here: the refresh is timed below
    results = {}
    for name, url, htmx in FIGURE_PAGES:
        found, admin_page = _measure_many(
            [(office, url.format(year=YEAR), htmx), (superuser_client, reference, False)],
            requests,
        )
        found["ratio"] = found["median"] / admin_page["median"]
        results[name] = found
        print(
            f"{name:28} {found['first']:7.0f}ms {found['median']:7.0f}ms {found['p95']:7.0f}ms "
            f"{found['queries']:7d} {found['median'] / admin_page['median']:5.2f}×"
        )
    started = time.perf_counter()
    services.figures_refresh()
    seconds = time.perf_counter() - started
    print(f"the worker's refresh after the write: {seconds:.1f} s")
    return {"pages": results, "refresh_seconds": seconds}


if __name__ == "__main__":
    sys.exit(main())
