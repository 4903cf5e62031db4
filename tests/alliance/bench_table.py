"""One table of every scale from the figures ``make bench`` wrote (issue 17):

    python -m tests.alliance.bench_table county.json city.json province.json [--import import.json]

Each scale's file is written by ``bench_scale --json``; the import's by ``bench_import`` with
``BENCH_JSON``. A row per page: at each scale its p95 server time, its SQL queries and its
median's ratio to the admin changelist's taken in turn. A mark follows each figure over issue
17's budget: a list's ratio above 1.0×, a figure page's queries above 10, a list's or the
dashboard's p95 above 300 ms at province scale; the city's report over 40 pages, 400 MiB or
1.2× a bare render; the import over 1.2× its floor or 300 MB. The other figures are printed
for comparison, unmarked.
"""

from __future__ import annotations

import argparse
import json
import sys

#: issue 17's budgets
RATIO = 1.0
#: the pages whose p95 the province budget names: the lists (and searches) and the dashboard
P95_PAGES = "figures: dashboard"
REPORT_SCALE = "city"
REPORT_PAGES = 40
FIGURE_QUERIES = 10
PROVINCE_P95_MS = 300.0
REPORT_RATIO = 1.2
MIB = 2**20 / 1e6  # MB in a MiB: the budgets are in MB, the peaks are read in MiB
REPORT_MIB = 400 / MIB  # 381 MiB
IMPORT_RATIO = 1.2
IMPORT_MIB = 300 / MIB  # 286 MiB
OVER = "✗"


def _cell(found: dict | None, scale: str, name: str, *, figure: bool) -> tuple[str, bool]:
    """A page's cell at one scale, and whether a figure in it misses its budget."""
    if found is None:
        return "—", False
    over = found.get("ratio") is not None and found["ratio"] > RATIO and not figure
    over |= figure and found["queries"] > FIGURE_QUERIES
    timed = not figure or name == P95_PAGES
    over |= timed and scale == "province" and found["p95"] > PROVINCE_P95_MS
    ratio = f"{found['ratio']:.2f}×" if found.get("ratio") is not None else "  —  "
    text = f"{found['p95']:5.0f} ms {found['queries']:3d} q {ratio}"
    return text + (f" {OVER}" if over else "  "), over


def _pages(result: dict) -> dict[str, tuple[dict, bool]]:
    pages = {name: (found, False) for name, found in (result.get("lists") or {}).items()}
    pages |= {name: (found, False) for name, found in (result.get("searches") or {}).items()}
    figures = (result.get("figures") or {}).get("pages", {})
    pages |= {f"figures: {name}": (found, True) for name, found in figures.items()}
    return pages


def table(results: list[dict], imported: dict | None = None) -> tuple[list[str], int]:
    """The table's lines and how many figures miss their budget."""
    scales = [r["scale"] for r in results]
    pages = [_pages(r) for r in results]
    names = list(dict.fromkeys(name for found in pages for name in found))
    width = max([len(n) for n in names] + [24])
    lines = [
        "## Every scale: p95 server time · SQL queries · median against the admin changelist",
        f"{'page':{width}} " + " ".join(f"{scale:>24}" for scale in scales),
    ]
    missed = 0
    for name in names:
        cells = []
        for scale, found in zip(scales, pages, strict=True):
            page, figure = found.get(name, (None, name.startswith("figures: ")))
            text, over = _cell(page, scale, name, figure=figure)
            missed += over
            cells.append(f"{text:>24}")
        lines.append(f"{name:{width}} " + " ".join(cells))
    for result in results:
        report = result.get("report")
        if not report:
            continue
        ratio = report["seconds"] / report["bare_pdf_seconds"]
        budgeted = result["scale"] == REPORT_SCALE
        over = budgeted and (
            ratio > REPORT_RATIO
            or report["peak_mib"] > REPORT_MIB
            or report["pages"] >= REPORT_PAGES
        )
        missed += over
        budgets = (
            f" (budget < {REPORT_PAGES} pages, ≤ {REPORT_RATIO}× a bare render, "
            f"≤ 400 MB = {REPORT_MIB:.0f} MiB)"
            if budgeted
            else ""
        )
        lines.append(
            f"report at {result['scale']} scale: {report['pages']} pages, "
            f"{report['seconds']:.1f} s = {ratio:.2f}× a bare render, "
            f"peak {report['peak_mib']:.0f} MiB{budgets}" + (f" {OVER}" if over else "")
        )
    if imported:
        ratio = imported["seconds"] / imported["floor_seconds"]
        over = ratio > IMPORT_RATIO or imported["peak_mib"] > IMPORT_MIB
        missed += over
        lines.append(
            f"import of {imported['rows']:,} students into {imported['students']:,}: "
            f"{imported['seconds']:.1f} s, {ratio:.2f}× the floor (budget ≤ {IMPORT_RATIO}×), "
            f"peak {imported['peak_mib']:.0f} MiB (budget < 300 MB = {IMPORT_MIB:.0f} MiB)"
            + (f" {OVER}" if over else "")
        )
    lines.append(f"{missed} figure(s) over budget" if missed else "every figure within budget")
    return lines, missed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scales", nargs="+", help="bench_scale --json files, smallest first")
    parser.add_argument("--import", dest="imported", help="bench_import's BENCH_JSON file")
    options = parser.parse_args()
    results = []
    for path in options.scales:
        with open(path, encoding="utf-8") as found:
            results.append(json.load(found))
    imported = None
    if options.imported:
        with open(options.imported, encoding="utf-8") as found:
            imported = json.load(found)
    lines, _missed = table(results, imported)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
