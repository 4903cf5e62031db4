"""Each import template's example row uses allowed values and real types."""

from __future__ import annotations

import io

import pytest

from alliance.exchange import all_registers, plan_import, write_template
from alliance.xlsx import read_sheet

pytestmark = pytest.mark.django_db

TYPE_ERRORS = {
    "不是允许的取值。",
    "请输入整数。",
    "请输入数字。",
    "请输入日期，例如 2024-09-01。",
    "请填写“是”或“否”。",
}


@pytest.mark.parametrize("key", sorted(r.key for r in all_registers() if r.import_roles))
def test_template_example_row_has_no_type_errors(key, secretariat_user):
    register = next(r for r in all_registers() if r.key == key)
    out = io.BytesIO()
    write_template(register, secretariat_user, out)
    plan = plan_import(register, read_sheet(io.BytesIO(out.getvalue())), secretariat_user)
    assert [e for e in plan.errors if e.message in TYPE_ERRORS] == []
