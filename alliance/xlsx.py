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
import itertools
import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
#: A province's students of one year in one sheet (issue 17 measures 100,000 rows: 37-46 s and a
#: peak of 470 MiB for the dry run and the import; the sheet is read whole, to check it whole).
MAX_ROWS = 100_000
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


# -- reading ------------------------------------------------------------------------------
# A lean streaming reader of the first sheet (ElementTree's C parser over the zip member): 3.4×
# faster than openpyxl's read-only mode on the 10,000-row students sheet (tests/alliance/
# bench_reader.py, `make bench`), which matters for large imports, and it
# sees what openpyxl's read-only mode drops (merged cells). Only what an import needs is read:
# shared and inline strings, numbers, booleans, dates (from the cell's number format), formulas.

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index


_COLUMNS = {chr(65 + i): i + 1 for i in range(26)}


def _first_sheet_path(archive: zipfile.ZipFile) -> str:
    from xml.etree import ElementTree

    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheet = workbook.find(f"{MAIN_NS}sheets/{MAIN_NS}sheet")
    if sheet is None:
        raise WorkbookError(_("The workbook has no sheet."))
    rel_id = sheet.get(f"{REL_NS}id")
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(f"{PKG_REL_NS}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    raise WorkbookError(_("The workbook has no sheet."))


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    from xml.etree import ElementTree

    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings = []
    with archive.open("xl/sharedStrings.xml") as xml:
        for _event, element in ElementTree.iterparse(xml):
            if element.tag == f"{MAIN_NS}si":
                strings.append(_string_item(element))
                element.clear()
    return strings


def _string_item(element) -> str:
    """Text of a string item (plain or rich text), without phonetic guides."""
    parts = []
    for child in element:
        if child.tag == f"{MAIN_NS}t":
            parts.append(child.text or "")
        elif child.tag == f"{MAIN_NS}r":
            text = child.find(f"{MAIN_NS}t")
            parts.append(text.text or "" if text is not None else "")
    return "".join(parts)


def _date_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell styles whose number format shows a date."""
    from xml.etree import ElementTree

    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    if "xl/styles.xml" not in archive.namelist():
        return set()
    styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    formats = dict(BUILTIN_FORMATS)
    for fmt in styles.iter(f"{MAIN_NS}numFmt"):
        formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
    cell_xfs = styles.find(f"{MAIN_NS}cellXfs")
    if cell_xfs is None:
        return set()
    return {
        index
        for index, xf in enumerate(cell_xfs.findall(f"{MAIN_NS}xf"))
        if is_date_format(formats.get(int(xf.get("numFmtId", "0")), "") or "")
    }


_ROW_RE = re.compile(rb"<(?:\w+:)?row[\s>]")


def count_rows(file: IO[bytes]) -> int:
    """Rows of the first sheet (header included), counted in its XML without parsing cells.

    Decides whether a file is checked in the request or by a background job. Call it after
    :func:`check_container`.
    """
    try:
        with zipfile.ZipFile(file) as archive:
            path = _first_sheet_path(archive)
            count, tail = 0, b""
            with archive.open(path) as xml:
                while chunk := xml.read(1024 * 1024):
                    data = tail + chunk
                    count += len(_ROW_RE.findall(data)) - len(_ROW_RE.findall(tail))
                    tail = data[-16:]
            return count
    except Exception:
        return 0
    finally:
        file.seek(0)


def read_sheet(file: IO[bytes]) -> Sheet:
    """The first sheet's header and rows, after all safety checks (raises WorkbookError)."""
    from xml.etree.ElementTree import ParseError

    check_container(file)
    try:
        with zipfile.ZipFile(file) as archive:
            path = _first_sheet_path(archive)
            if path not in archive.namelist():
                raise WorkbookError(_("The workbook has no sheet."))
            shared = _shared_strings(archive)
            dates = _date_styles(archive)
            with archive.open(path) as xml:
                return _read_rows(xml, shared, dates)
    except WorkbookError:
        raise
    except (ParseError, zipfile.BadZipFile, KeyError, ValueError, IndexError, OSError, EOFError):
        raise WorkbookError(
            _("The workbook is damaged and cannot be read. Save it again in Excel.")
        ) from None
    finally:
        file.seek(0)


F_TAG, V_TAG, IS_TAG = f"{MAIN_NS}f", f"{MAIN_NS}v", f"{MAIN_NS}is"


def _value(cell, shared: list[str], dates: set[int]) -> Any:
    kind = cell.get("t", "n")
    raw = inline = None
    for child in cell:
        tag = child.tag
        if tag == F_TAG:
            return Formula("=" + (child.text or ""))
        if tag == V_TAG:
            raw = child.text
        elif tag == IS_TAG:
            inline = child
    if kind == "inlineStr":
        return _text_value(_string_item(inline)) if inline is not None else None
    if raw is None or raw == "":
        return None
    if kind == "s":
        return _text_value(shared[int(raw)])
    if kind in ("str", "e"):
        return _text_value(raw)
    if kind == "b":
        return raw == "1"
    if kind == "d":
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(raw)
    number = float(raw) if ("." in raw or "e" in raw or "E" in raw) else int(raw)
    if dates and int(cell.get("s", "0")) in dates:
        from openpyxl.utils.datetime import from_excel

        return from_excel(number)
    return number


def _text_value(text: str) -> str | None:
    text = unneutralise(text.strip())
    return text or None


def _read_rows(xml, shared: list[str], dates: set[int]) -> Sheet:
    from xml.etree import ElementTree

    headers: list[str] | None = None
    width = 0
    rows: list[tuple[int, list[Any]]] = []
    merged: list[str] = []
    row_tag, cell_tag, merge_tag = f"{MAIN_NS}row", f"{MAIN_NS}c", f"{MAIN_NS}mergeCell"
    row_counter = 0
    values_of = _ColumnValues()
    # Rows are cleared once read; the emptied row elements left in the tree cost a few MB at most.
    for _event, element in ElementTree.iterparse(xml):
        if element.tag == merge_tag:
            ref = element.get("ref", "")
            match = _CELL_REF.match(ref.split(":")[0])
            if match and match.group(2) == "1":
                merged.append(ref)
            continue
        if element.tag != row_tag:
            continue
        row_counter = int(element.get("r") or row_counter + 1)
        cells: dict[int, Any] = {}
        column_counter = 0
        for cell in element:
            if cell.tag != cell_tag:
                continue
            ref = cell.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                column_counter = _COLUMNS.get(letters) or _column_index(letters)
            else:
                column_counter += 1
            value = _value(cell, shared, dates)
            if value is not None:
                cells[column_counter] = values_of.one(column_counter, value)
        element.clear()
        if not cells:
            continue
        if headers is None:
            if row_counter != 1:
                raise WorkbookError(_("The header must be in the first row of the first sheet."))
            width = max(cells)
            if width > MAX_COLUMNS:
                raise WorkbookError(
                    _("The sheet has %(count)s columns; the limit is %(limit)s.")
                    % {"count": width, "limit": MAX_COLUMNS}
                )
            if any(isinstance(v, Formula) for v in cells.values()):
                raise WorkbookError(
                    _("The header row contains formulas; type the column names as text.")
                )
            headers = [_header_text(cells.get(i)) for i in range(1, width + 1)]
            continue
        values = [cells.get(i) for i in range(1, width + 1)]
        if any(column > width for column in cells):
            # A value under no header: an extra, unnamed column.
            values.append(EXTRA_VALUE)
        rows.append((row_counter, values))
        if len(rows) > MAX_ROWS:
            raise WorkbookError(
                _("The sheet has more than %(limit)s data rows.") % {"limit": f"{MAX_ROWS:,}"}
            )
    if merged:
        raise WorkbookError(
            _(
                "The header row has merged cells (%(cells)s). Unmerge them: each column needs its own header."
            )
            % {"cells": "、".join(sorted(set(merged)))}
        )
    if headers is None:
        raise WorkbookError(_("The first sheet is empty: it needs a header row and data rows."))
    return Sheet(headers=headers, rows=rows)


class _ColumnValues:
    """One object per distinct value of a column that repeats (a school, a major, a year).

    Each cell read is a new object, about a hundred bytes: 100,000 rows of ten columns took
    116 MiB, most of it the same few values again. A column with more than ``LIMIT`` distinct
    values (names, ID numbers) is not kept: keeping it would only add its index.
    """

    LIMIT = 4096

    def __init__(self) -> None:
        self.columns: dict[int, dict | None] = {}

    def one(self, column: int, value: Any) -> Any:
        known = self.columns.setdefault(column, {})
        if known is None:
            return value
        key = (value.__class__, value)  # 1, 1.0 and True are equal keys otherwise
        found = known.get(key)
        if found is not None:
            return found
        if len(known) >= self.LIMIT:
            self.columns[column] = None
        else:
            known[key] = value
        return value


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def dump_sheet(sheet: Sheet, out: IO[bytes]) -> None:
    """Write a read sheet to ``out`` as JSON lines (the headers, then one line a row), so that
    the import after a dry run need not parse the workbook again; :func:`load_sheet` reads it a
    line at a time."""

    def encode(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return {"dt": value.isoformat()}
        if isinstance(value, dt.date):
            return {"d": value.isoformat()}
        if isinstance(value, dt.time):
            return {"t": value.isoformat()}
        if isinstance(value, Formula):
            return {"f": value.text}
        if value is EXTRA_VALUE:
            return {"x": 1}
        raise TypeError(type(value))

    for line in itertools.chain([sheet.headers], sheet.rows):
        out.write(json.dumps(line, default=encode, ensure_ascii=False).encode())
        out.write(b"\n")


def load_sheet(lines: IO[bytes]) -> Sheet:
    def decode(obj: dict) -> Any:
        if "dt" in obj:
            return dt.datetime.fromisoformat(obj["dt"])
        if "d" in obj:
            return dt.date.fromisoformat(obj["d"])
        if "t" in obj:
            return dt.time.fromisoformat(obj["t"])
        if "f" in obj:
            return Formula(obj["f"])
        if "x" in obj:
            return EXTRA_VALUE
        return obj

    headers = json.loads(lines.readline())
    values_of = _ColumnValues()
    rows = []
    # readline, not iteration: a Django File's iterator starts again from the first line.
    for line in iter(lines.readline, b""):
        number, values = json.loads(line, object_hook=decode)
        rows.append((number, [values_of.one(i, v) for i, v in enumerate(values)]))
    return Sheet(headers=headers, rows=rows)


class _ExtraValueType:
    def __repr__(self) -> str:
        return "<value outside the header>"


EXTRA_VALUE = _ExtraValueType()


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
    notes_widths: Sequence[int] = (18, 10, 70),
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
        for index, width in enumerate(notes_widths, start=1):
            notes_sheet.column_dimensions[get_column_letter(index)].width = width
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


# ---------------------------------------------------------------------------------------------
# Large workbooks written directly (the annual report's annex)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Styles: 0 plain, 1 bold (the header), 2 a number with two decimals (Decimal amounts), 3 a
# date, 4 a date and time.
_STYLES = (
    f'{_XML}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_EPOCH = dt.datetime(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug folded in)


def _letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _escape(text: str) -> str:
    text = _ILLEGAL.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell_xml(ref: str, value: Any, style: int = 0) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, Decimal):
        return f'<c r="{ref}" s="2"><v>{value}</v></c>'
    if isinstance(value, dt.datetime):
        serial = (_excel_value(value) - _EPOCH) / dt.timedelta(days=1)
        return f'<c r="{ref}" s="4"><v>{serial!r}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="3"><v>{(value - _EPOCH.date()).days}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = _escape(str(neutralise(str(value))))
    bold = ' s="1"' if style == 1 else ""
    return f'<c r="{ref}"{bold} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet_xml(columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> str:
    letters = [_letters(i) for i in range(len(columns))]
    parts = [
        f'{_XML}<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        "</sheetView></sheetViews><cols>",
        *(
            f'<col min="{i}" max="{i}" width="{c.width}" customWidth="1"/>'
            for i, c in enumerate(columns, start=1)
        ),
        '</cols><sheetData><row r="1">',
        *(_cell_xml(f"{letters[i]}1", c.header, 1) for i, c in enumerate(columns)),
        "</row>",
    ]
    for number, row in enumerate(rows, start=2):
        parts.append(f'<row r="{number}">')
        parts.extend(_cell_xml(f"{letters[i]}{number}", v) for i, v in enumerate(row))
        parts.append("</row>")
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def write_sheets(
    out: IO[bytes], sheets: Iterable[tuple[str, Sequence[Column], Iterable[Sequence[Any]]]]
) -> None:
    """Write several data sheets, (title, columns, rows) each, as one workbook: a bold frozen
    header and typed cells (numbers, amounts with two decimals, dates, text), like
    :func:`write_workbook`. The XML is written directly: ten times faster than openpyxl for the
    annual report's annex (30,000 cells at city scale). Titles are cut to Excel's 31 characters
    and must stay distinct."""
    titles = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number, (title, columns, rows) in enumerate(sheets, start=1):
            titles.append(title[:31])
            archive.writestr(f"xl/worksheets/sheet{number}.xml", _sheet_xml(columns, rows))
        count = len(titles)
        archive.writestr(
            "[Content_Types].xml",
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for n in range(1, count + 1)
            )
            + "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            f'{_XML}<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
            f'Type="{_OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE_RELS}"><sheets>'
            + "".join(
                f'<sheet name="{_escape(t).replace(chr(34), "&quot;")}" sheetId="{n}" r:id="rId{n}"/>'
                for n, t in enumerate(titles, start=1)
            )
            + "</sheets></workbook>",
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_XML}<Relationships xmlns="{_RELS}">'
            + "".join(
                f'<Relationship Id="rId{n}" Type="{_OFFICE_RELS}/worksheet" '
                f'Target="worksheets/sheet{n}.xml"/>'
                for n in range(1, count + 1)
            )
            + f'<Relationship Id="rId{count + 1}" Type="{_OFFICE_RELS}/styles" '
            'Target="styles.xml"/></Relationships>',
        )
        archive.writestr("xl/styles.xml", _STYLES)
