"""``make bench``'s one table of every scale marks each figure over issue 17's budgets."""

from __future__ import annotations

from tests.alliance.bench_table import table


def _page(p95, queries, ratio):
    return {"median": p95 / 2, "p95": p95, "queries": queries, "ratio": ratio}


def test_the_table_has_a_column_per_scale_and_marks_what_misses_a_budget():
    county = {
        "scale": "county",
        "lists": {"members:organizations": _page(40, 6, 0.6)},
        "figures": {"pages": {"dashboard": _page(30, 5, 0.4)}, "refresh_seconds": 1.0},
    }
    city = {
        "scale": "city",
        # 52 s against a bare 40 s: 1.3×, over the city's 1.2×.
        "report": {"seconds": 52.0, "bare_pdf_seconds": 40.0, "pages": 36, "peak_mib": 380},
    }
    province = {
        "scale": "province",
        # Over: a ratio of 1.10× to the admin, and a p95 of 320 ms at province scale.
        "lists": {"members:organizations": _page(320, 6, 1.1)},
        # Over: 11 queries on a figure page. Not over: the scorecards' p95 of 400 ms (the
        # province's time budget names the lists and the dashboard).
        "figures": {
            "pages": {"dashboard": _page(90, 11, 0.3), "scorecards": _page(400, 7, 0.8)},
            "refresh_seconds": 60.0,
        },
        # No budget at province scale: printed, not marked.
        "report": {"seconds": 60.0, "bare_pdf_seconds": 30.0, "pages": 60, "peak_mib": 380},
    }
    # 30 s against a floor of 27 s: 1.11×; 250 MiB.
    imported = {
        "rows": 100_000,
        "seconds": 30.0,
        "floor_seconds": 27.0,
        "peak_mib": 250,
        "students": 2_000_000,
    }
    lines, missed = table([county, city, province], imported)
    assert lines[1].split() == ["page", "county", "city", "province"]
    organizations = next(line for line in lines if line.startswith("members:organizations"))
    assert organizations.count("✗") == 1  # the province cell only
    assert "0.60×" in organizations and "1.10× ✗" in organizations
    dashboard = next(line for line in lines if line.startswith("figures: dashboard"))
    assert dashboard.endswith("11 q 0.30× ✗")
    scorecards = next(line for line in lines if line.startswith("figures: scorecards"))
    assert "✗" not in scorecards
    report = next(line for line in lines if line.startswith("report at city"))
    assert "1.30×" in report and report.endswith("✗")
    report = next(line for line in lines if line.startswith("report at province"))
    assert "2.00×" in report and "✗" not in report
    imported_line = next(line for line in lines if line.startswith("import of 100,000"))
    assert "1.11×" in imported_line and "✗" not in imported_line
    assert missed == 3 and lines[-1] == "3 figure(s) over budget"


def test_the_memory_budgets_are_megabytes_not_mebibytes():
    # 300 MB = 300,000,000 bytes = 286.1 MiB: a peak of 290 MiB is over, one of 285 MiB is not.
    imported = {"rows": 100_000, "seconds": 30.0, "floor_seconds": 30.0, "students": 2_000_000}
    for peak, over in ((290, True), (285, False)):
        lines, missed = table([], {**imported, "peak_mib": peak})
        assert (missed, lines[-2].endswith("✗")) == (int(over), over)
