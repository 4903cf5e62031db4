"""Safe reading and writing of Excel (.xlsx) workbooks (imports no app).

Reading takes files from users, so every limit is checked *before* openpyxl parses anything:
the file's size, that it is really a zip with a workbook in it (not a renamed CSV, an old
.xls or an encrypted workbook, which are OLE files), and the zip's uncompressed sizes and
ratios (a zip bomb inflates a few KB into GBs of XML). Then the first sheet is streamed in
read-only mode, refusing sheets over the row and column limits and merged header cells.
Formula cells are returned as :class:`Formula` so that the caller reports them per cell.

Writing neutralises text that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
``@`` ...) by prefixing an apostrophe, and writes dates and numbers as real Excel types.
Reading removes that apostrophe again, so an export re-imports without loss.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 60
# The XML of a 10 MB workbook of plain values is at most a few hundred MB uncompressed;
# real spreadsheets compress about 5-20 times, bombs thousands of times.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000

# What a spreadsheet may run as a formula when the cell text starts with it (OWASP CSV injection).
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

DATE_FORMAT = "yyyy-mm-dd"


class WorkbookError(Exception):
    """The file as a whole is refused; ``message`` says why, in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula instead of a value."""

    text: str


@dataclass
class Sheet:
    headers: list[str]
    # (spreadsheet row number, cell values) for every non-empty row after the header.
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


def limits_text() -> str:
    return _("At most %(size)s, %(rows)s rows and %(columns)s columns.") % {
        "size": filesizeformat(MAX_BYTES),
        "rows": f"{MAX_ROWS:,}",
        "columns": MAX_COLUMNS,
    }


def neutralise(value: Any) -> Any:
    """Text a spreadsheet would evaluate gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return QUOTE + value
    return value


def unneutralise(value: Any) -> Any:
    if (
        isinstance(value, str)
        and value.startswith(QUOTE)
        and value[1:].startswith(DANGEROUS_PREFIXES)
    ):
        return value[1:]
    return value


def _size_of(file: IO[bytes]) -> int:
    file.seek(0, io.SEEK_END)
    size = file.tell()
    file.seek(0)
    return size


def check_container(file: IO[bytes]) -> None:
    """Refuse anything that is not a plain, reasonably sized .xlsx zip, before parsing it."""
    size = _size_of(file)
    if size == 0:
        raise WorkbookError(_("The file is empty."))
    if size > MAX_BYTES:
        raise WorkbookError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)}
        )
    head = file.read(8)
    file.seek(0)
    if head.startswith(OLE_MAGIC):
        raise WorkbookError(
            _(
                "This workbook is password-protected or in the old .xls format. Remove the "
                "password and save it as an Excel workbook (.xlsx)."
            )
        )
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookError(
            _(
                "This is not an Excel workbook (.xlsx); it looks like a text or CSV file that was "
                "renamed. Open it in Excel and save it as an Excel workbook (.xlsx)."
            )
        )
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WorkbookError(
            _("The workbook is damaged and cannot be read. Save it again in Excel.")
        ) from None
    finally:
        file.seek(0)
    if len(members) > MAX_MEMBERS:
        raise WorkbookError(_("The workbook has too many parts to be read safely."))
    total = sum(m.file_size for m in members)
    bomb = total > MAX_UNCOMPRESSED_BYTES or any(
        m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if bomb:
        raise WorkbookError(
            _(
                "The workbook expands to far more data than its size suggests (a “zip bomb”) "
                "and was refused."
            )
        )
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise WorkbookError(_("This is a Word document, not an Excel workbook (.xlsx)."))
        raise WorkbookError(_("This zip file is not an Excel workbook (.xlsx)."))


_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _merged_header_ranges(file: IO[bytes], sheet_path: str) -> list[str]:
    """Merged ranges touching row 1, read from the sheet XML (read-only openpyxl drops them)."""
    found = []
    with zipfile.ZipFile(file) as archive, archive.open(sheet_path) as xml:
        tail = b""
        while chunk := xml.read(1024 * 1024):
            data = tail + chunk
            for match in _MERGE_RE.finditer(data):
                first_row = int(match.group(2))
                if first_row == 1:
                    found.append(match.group(0).split(b'"')[1].decode())
            tail = data[-200:]
    file.seek(0)
    return sorted(set(found))


def _first_sheet_path(workbook) -> str:
    sheet = workbook.worksheets[0]
    # openpyxl keeps where each read-only sheet came from.
    return getattr(sheet, "_worksheet_path", None) or "xl/worksheets/sheet1.xml"


def read_sheet(file: IO[bytes]) -> Sheet:
    """The first sheet's header and rows, after all safety checks (raises WorkbookError)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    check_container(file)
    try:
        workbook = openpyxl.load_workbook(file, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise WorkbookError(
            _("The workbook is damaged and cannot be read. Save it again in Excel.")
        ) from None
    except Exception:  # openpyxl raises many parser errors for damaged XML
        raise WorkbookError(
            _("The workbook is damaged and cannot be read. Save it again in Excel.")
        ) from None
    try:
        if not workbook.worksheets:
            raise WorkbookError(_("The workbook has no sheet."))
        sheet = workbook.worksheets[0]
        merged = _merged_header_ranges(file, _first_sheet_path(workbook))
        if merged:
            raise WorkbookError(
                _(
                    "The header row has merged cells (%(cells)s). Unmerge them: each column needs its own header."
                )
                % {"cells": "、".join(merged)}
            )
        return _read_rows(sheet)
    except WorkbookError:
        raise
    except Exception:
        raise WorkbookError(
            _("The workbook is damaged and cannot be read. Save it again in Excel.")
        ) from None
    finally:
        workbook.close()


def _cell_value(cell) -> Any:
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and cell.data_type == "f"):
        return Formula(str(value))
    if value.__class__.__name__ in ("ArrayFormula", "DataTableFormula"):
        return Formula(str(getattr(value, "text", value)))
    if isinstance(value, str):
        value = unneutralise(value.strip())
        return value if value != "" else None
    return value


def _read_rows(sheet) -> Sheet:
    rows_iter = sheet.iter_rows()
    header_cells = None
    for cells in rows_iter:
        if any(c.value not in (None, "") for c in cells):
            header_cells = cells
            break
    if header_cells is None:
        raise WorkbookError(_("The first sheet is empty: it needs a header row and data rows."))
    if header_cells[0].row != 1:
        raise WorkbookError(_("The header must be in the first row of the first sheet."))
    width = max((i + 1 for i, c in enumerate(header_cells) if c.value not in (None, "")), default=0)
    if width > MAX_COLUMNS:
        raise WorkbookError(
            _("The sheet has %(count)s columns; the limit is %(limit)s.")
            % {"count": width, "limit": MAX_COLUMNS}
        )
    headers = []
    for cell in header_cells[:width]:
        value = _cell_value(cell)
        if isinstance(value, Formula):
            raise WorkbookError(
                _("The header row contains formulas; type the column names as text.")
            )
        headers.append("" if value is None else str(value).strip())
    result = Sheet(headers=headers)
    count = 0
    for cells in rows_iter:
        values = [_cell_value(c) for c in cells[:width]]
        if len(cells) > width and any(
            getattr(c, "value", None) not in (None, "") for c in cells[width:]
        ):
            # A value under no header: an extra, unnamed column.
            values.append(_ExtraValue)
        if all(v is None for v in values):
            continue
        count += 1
        if count > MAX_ROWS:
            raise WorkbookError(
                _("The sheet has more than %(limit)s data rows.") % {"limit": f"{MAX_ROWS:,}"}
            )
        row_number = next(
            (c.row for c in cells if getattr(c, "row", None)), header_cells[0].row + count
        )
        result.rows.append((row_number, values))
    return result


class _ExtraValueType:
    def __repr__(self) -> str:
        return "<value outside the header>"


_ExtraValue = _ExtraValueType()
EXTRA_VALUE = _ExtraValue


# -- writing ------------------------------------------------------------------------------


@dataclass
class Column:
    header: str
    width: int = 14
    note: str = ""


def _typed_cell(sheet, value: Any):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=_excel_value(value))
    if isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, Decimal):
        cell.number_format = "0.00"
    return cell


def _excel_value(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        # Excel has no time zones: write the local wall time.
        from django.utils import timezone

        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool | int | float | dt.date | dt.time) or value is None:
        return value
    return neutralise(str(value))


def write_workbook(
    out: IO[bytes],
    *,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    notes: Sequence[Sequence[str]] | None = None,
    notes_title: str = "",
) -> None:
    """Write one data sheet (bold frozen header, typed cells) and an optional notes sheet."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=neutralise(column.header))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_typed_cell(sheet, value) for value in row])
    if notes:
        notes_sheet = workbook.create_sheet(title=(notes_title or "notes")[:31])
        notes_sheet.column_dimensions["A"].width = 18
        notes_sheet.column_dimensions["B"].width = 10
        notes_sheet.column_dimensions["C"].width = 70
        wrap = Alignment(wrap_text=True, vertical="top")
        for index, line in enumerate(notes):
            cells = []
            for value in line:
                cell = WriteOnlyCell(notes_sheet, value=neutralise(value))
                cell.alignment = wrap
                if index == 0:
                    cell.font = bold
                cells.append(cell)
            notes_sheet.append(cells)
    workbook.save(out)
