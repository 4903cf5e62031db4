"""The annex of the annual report: the tables that grow with the number of members and records
(one row per enterprise, base, mentor, major, class, school semester, assessed member…),
published beside the PDF as one Excel workbook (a sheet per table) and a zip of CSV files (a
file per table). The PDF keeps a summary of each and the rows that need attention, and names
the sheet holding the full list, so that a city or province report stays readable and light.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO, StringIO

from alliance.xlsx import Column, neutralise, write_sheets

#: Excel's limit on a sheet's title
SHEET_TITLE_LENGTH = 31

#: how many names a paragraph of the PDF lists (the members or records that need attention)
#: before it counts the rest and leaves them to the annex: when most of 500 mentors gave no
#: class, naming them all would bring back the pages the annex took out.
NAMES_SHOWN = 30

#: a county has 5 member schools and a city 40: up to this many, each per-school table of the PDF
#: lists every school. Past it (a province's 400 schools, nine tables) the PDF keeps this many
#: schools that miss a target in the table, the most targets missed first, and the annex holds
#: every school's row.
SCHOOLS_IN_FULL = 40


@dataclass
class Sheet:
    """One table of the annex: ``name`` is the sheet's title (and the CSV file's name), the one
    the PDF points to."""

    name: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)


@dataclass
class Annex:
    sheets: list[Sheet]

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)


def sheet(name, headers, rows) -> Sheet:
    """A sheet with its name and headers as text (they may be lazy translations)."""
    title = str(name)
    if len(title) > SHEET_TITLE_LENGTH:
        raise ValueError(f"sheet title longer than {SHEET_TITLE_LENGTH} characters: {title}")
    return Sheet(title, [str(h) for h in headers], [list(r) for r in rows])


@dataclass
class SchoolTable:
    """A per-school table of the PDF: the ``rows`` it prints, of ``total`` member schools, and
    the annex sheet holding them all."""

    rows: list
    total: int
    #: the schools that miss at least one of the table's targets
    missing: int
    sheet: str
    #: whether a target of the plan applies to the table at all (for some school)
    judged: bool = True

    @property
    def left_out(self) -> int:
        return self.total - len(self.rows)


def school_table(
    name,
    headers,
    rows: list,
    cells: Callable[[object], list],
    misses: Callable[[object], int | None],
) -> tuple[SchoolTable, Sheet]:
    """The PDF's part of a per-school table and its annex sheet. ``rows`` are in name order, one
    per member school; ``cells`` gives a row's values for the sheet, ``misses`` how many of the
    table's targets the school misses (None: no target applies to it)."""
    missed = [misses(row) for row in rows]
    worst = sorted((-count, index) for index, count in enumerate(missed) if count)
    printed = rows
    if len(rows) > SCHOOLS_IN_FULL:
        printed = [rows[index] for _count, index in worst[:SCHOOLS_IN_FULL]]
    judged = any(count is not None for count in missed)
    table = SchoolTable(printed, len(rows), len(worst), str(name), judged)
    return table, sheet(name, headers, [cells(row) for row in rows])


def targets_missed(school_results: dict, *codes: str) -> Callable[[dict], int | None]:
    """``misses`` for ``school_table``: how many of the indicators ``codes`` miss their target
    for the row's school (``row["id"]``), from each school's indicator rows by code."""
    return lambda row: missed_count(school_results[row["id"]][code].met for code in codes)


def missed_count(marks) -> int | None:
    """How many of the met/not-met ``marks`` are not met; None when none is judged (no target)."""
    marks = list(marks)
    if all(mark is None for mark in marks):
        return None
    return sum(1 for mark in marks if mark is False)


def few(names: list[str], limit: int = NAMES_SHOWN) -> dict:
    """The first ``limit`` names, how many there are and how many are left to the annex."""
    return {"count": len(names), "names": names[:limit], "more": max(0, len(names) - limit)}


def annex_xlsx(annex: Annex) -> bytes:
    out = BytesIO()
    write_sheets(
        out,
        (
            (
                s.name,
                [Column(h, width=30 if i == 0 else 14) for i, h in enumerate(s.headers)],
                s.rows,
            )
            for s in annex.sheets
        ),
    )
    return out.getvalue()


def _csv(s: Sheet) -> bytes:
    out = StringIO()
    out.write("\ufeff")  # so that Excel opens the Chinese text as UTF-8
    writer = csv.writer(out)
    writer.writerow([neutralise(h) for h in s.headers])
    for row in s.rows:
        writer.writerow([neutralise(v) for v in row])
    return out.getvalue().encode("utf-8")


def annex_csv_zip(annex: Annex) -> bytes:
    """One CSV file per sheet, numbered in the order of the workbook, in one zip."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index, s in enumerate(annex.sheets, start=1):
            archive.writestr(f"{index:02d}-{s.name}.csv", _csv(s))
    return out.getvalue()
