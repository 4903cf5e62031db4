"""Import templates: a data sheet with headers only; the example row, on the instructions sheet,
uses allowed values and real types."""

from __future__ import annotations

import io

import openpyxl
import pytest

from alliance.exchange import all_registers, plan_import, template_example, write_template
from alliance.xlsx import read_sheet
from tests.alliance.xlsx_files import workbook_bytes

pytestmark = pytest.mark.django_db

IMPORTABLE = sorted(r.key for r in all_registers() if r.import_roles)
TYPE_ERRORS = {
    "不是允许的取值。",
    "请输入整数。",
    "请输入数字。",
    "请输入日期，例如 2024-09-01。",
    "请填写“是”或“否”。",
}


def _register(key):
    return next(r for r in all_registers() if r.key == key)


@pytest.mark.parametrize("key", IMPORTABLE)
def test_template_data_sheet_holds_the_headers_only(key, secretariat_user):
    register = _register(key)
    out = io.BytesIO()
    write_template(register, secretariat_user, out)
    data, instructions = openpyxl.load_workbook(io.BytesIO(out.getvalue())).worksheets
    assert [[c.value for c in row] for row in data.iter_rows()] == [
        [c.header for c in register.columns]
    ]
    assert instructions.title == "说明"


@pytest.mark.parametrize("key", IMPORTABLE)
def test_template_example_row_has_no_type_errors(key, secretariat_user):
    register = _register(key)
    example = template_example(register, secretariat_user)
    headers = [c.header for c in register.columns]
    content = workbook_bytes(headers, [[example.get(h) for h in headers]])
    plan = plan_import(register, read_sheet(io.BytesIO(content)), secretariat_user)
    assert [e for e in plan.errors if e.message in TYPE_ERRORS] == []
