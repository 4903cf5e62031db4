"""A school coordinator imports students from Excel, fixes a bad row, and round-trips an export."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

pytestmark = pytest.mark.e2e

SCHOOL = "临朐县职业教育中心学校"


def _fill_template(path: Path, rows: list[list]) -> bytes:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _upload(page, content: bytes, name: str):
    page.set_input_files(
        "#upload-form input[type=file]",
        {
            "name": name,
            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "buffer": content,
        },
    )
    page.click("#upload-form button[type=submit]")
    page.wait_for_load_state()


def test_school_imports_students_from_the_template_fixes_a_bad_row_and_round_trips(
    demo, login, page, live_server, tmp_path
):
    from placements.models import Student

    login("school")
    page.goto(f"{live_server.url}/placements/students/")
    page.click("text=从 Excel 导入")
    page.wait_for_load_state()
    assert "导入学生" in page.inner_text("h1")

    with page.expect_download() as download_info:
        page.click("#template-link")
    template = tmp_path / "template.xlsx"
    download_info.value.save_as(template)
    headers = [c.value for c in openpyxl.load_workbook(template).worksheets[0][1]]
    assert headers[:3] == ["学校", "学号", "姓名"]
    data, instructions = openpyxl.load_workbook(template).worksheets
    # The data sheet holds the header only; the example, naming the school, is on 说明.
    assert data.max_row == 1 and instructions.title == "说明"
    assert SCHOOL in [c.value for row in instructions.iter_rows() for c in row]

    good = [
        SCHOOL,
        "E2E0001",
        "赵一",
        None,
        "男",
        "数控技术应用",
        "2025级数控1班",
        2025,
        "全日制",
        None,
    ]
    bad = [
        SCHOOL,
        "E2E0002",
        "钱二",
        "37072420080101123",
        "女",
        "数控技术应用",
        "2025级数控1班",
        "二〇二五",
        "全日制",
        None,
    ]
    _upload(page, _fill_template(template, [good, bad]), "学生.xlsx")
    errors = page.inner_text("#batch-errors")
    assert "3" in errors and "入学年份" in errors and "请输入整数" in errors
    assert "二〇二五" in errors and "类型：整数。" in errors
    assert "身份证号" in errors
    page.screenshot(path="/tmp/exchange-dry-run.png", full_page=True)
    assert not Student.objects.filter(student_number__startswith="E2E").exists()

    page.click("#upload-again")
    page.wait_for_load_state()
    fixed = [*bad[:3], None, *bad[4:7], 2025, *bad[8:]]
    _upload(page, _fill_template(template, [good, fixed]), "学生（修改后）.xlsx")
    assert "新增 2 条" in page.inner_text("#confirm-form")
    page.click("#confirm-form button[type=submit]")
    page.wait_for_load_state()
    assert "已导入" in page.inner_text("#batch-state")
    page.click("#to-list")
    page.wait_for_load_state()
    assert page.url.endswith("/placements/students/")
    page.goto(f"{live_server.url}/placements/students/?q=E2E")
    body = page.inner_text("body")
    assert "赵一" in body and "钱二" in body
    page.screenshot(path="/tmp/exchange-students.png", full_page=True)

    # Export → edit in a spreadsheet → import: only the edited row changes, nothing is lost.
    with page.expect_download() as download_info:
        page.click("[data-export-link]")
    exported = tmp_path / "export.xlsx"
    download_info.value.save_as(exported)
    workbook = openpyxl.load_workbook(exported)
    sheet = workbook.worksheets[0]
    assert sheet.max_row == 3  # the filtered rows only
    for row in sheet.iter_rows(min_row=2):
        if row[1].value == "E2E0001":
            row[6].value = "2025级数控2班"
    out = io.BytesIO()
    workbook.save(out)
    page.goto(f"{live_server.url}/exchange/students/import/")
    _upload(page, out.getvalue(), "导出.xlsx")
    assert "新增 0 条，更新 1 条" in page.inner_text("#confirm-form")
    assert "班级：2025级数控1班 → 2025级数控2班" in page.inner_text("#batch-preview")
    page.screenshot(path="/tmp/exchange-preview.png", full_page=True)
    page.click("#confirm-form button[type=submit]")
    page.wait_for_load_state()
    assert Student.objects.get(student_number="E2E0001").class_name == "2025级数控2班"
    assert Student.objects.filter(student_number__startswith="E2E").count() == 2

    # Back to the list of imports from the menu, as a user who left the page would.
    page.click("nav >> text=数据导入导出")
    page.click(".dropdown-menu.show >> text=我的导入")
    page.wait_for_load_state()
    assert "学生（修改后）.xlsx" in page.inner_text("#batches")
