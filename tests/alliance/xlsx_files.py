"""Workbooks built in tests (openpyxl), good and bad, for the Excel exchange tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_bytes(
    headers: Sequence[Any],
    rows: Sequence[Sequence[Any]] = (),
    setup: Callable[[Any], None] | None = None,
) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    if setup is not None:
        setup(sheet)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def read_workbook(content: bytes) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows) of the first sheet of ``content``."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    return values[0], values[1:]


def upload(content: bytes, name: str = "data.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX_TYPE)


def zip_bomb_bytes() -> bytes:
    """A zip that looks like a workbook but whose sheet inflates 20 MB from a few KB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b"0" * (20 * 1024 * 1024) + b">")
    return out.getvalue()


def encrypted_bytes() -> bytes:
    """What Excel writes for a password-protected workbook: an OLE compound file."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096
