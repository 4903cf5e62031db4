"""alliance.xlsx: safe reading (limits checked before parsing) and writing (typed, neutralised)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation

from alliance import xlsx
from tests.alliance.xlsx_files import encrypted_bytes, workbook_bytes, zip_bomb_bytes


@pytest.fixture(autouse=True)
def _english():
    # Messages checked in English here; the Chinese ones are checked on the import page tests.
    with translation.override("en"):
        yield


def read(content: bytes) -> xlsx.Sheet:
    return xlsx.read_sheet(io.BytesIO(content))


@pytest.mark.parametrize("text", ["=1+1", "+86", "-SUM(A1)", "@cmd", "\tx"])
def test_text_that_a_spreadsheet_would_run_is_neutralised(text):
    assert xlsx.neutralise(text) == "'" + text
    assert xlsx.unneutralise(xlsx.neutralise(text)) == text


def test_other_values_are_not_neutralised():
    assert xlsx.neutralise("张三") == "张三"
    assert xlsx.neutralise(-5) == -5
    assert xlsx.unneutralise("'ordinary") == "'ordinary"


def test_written_workbook_has_real_types_and_neutralised_text():
    out = io.BytesIO()
    xlsx.write_workbook(
        out,
        title="数据",
        columns=[
            xlsx.Column("日期"),
            xlsx.Column("数量"),
            xlsx.Column("金额"),
            xlsx.Column("备注"),
        ],
        rows=[[dt.date(2024, 9, 1), 12, Decimal("3.50"), '=HYPERLINK("http://x")']],
        notes=[["列", "必填", "说明"], ["日期", "是", "YYYY-MM-DD"]],
        notes_title="说明",
    )
    workbook = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    sheet = workbook["数据"]
    assert [c.value for c in sheet[1]] == ["日期", "数量", "金额", "备注"]
    date_cell, number_cell, amount_cell, text_cell = sheet[2]
    assert date_cell.is_date and date_cell.value.date() == dt.date(2024, 9, 1)
    assert number_cell.data_type == "n" and number_cell.value == 12
    assert amount_cell.data_type == "n" and amount_cell.value == 3.5
    assert text_cell.data_type == "s" and text_cell.value.startswith("'=")
    assert workbook.sheetnames == ["数据", "说明"]


def test_several_sheets_written_directly_read_back_typed():
    out = io.BytesIO()
    columns = [xlsx.Column(h) for h in ("名称", "数量", "金额", "日期", "时间", "是否")]
    xlsx.write_sheets(
        out,
        [
            (
                "企业 <甲&乙>",
                columns,
                [
                    ["=1+1", 12, Decimal("3.50"), dt.date(2024, 9, 1), None, True],
                    ["控制\x07字符", 2.5, Decimal("0"), None, dt.datetime(2024, 9, 1, 8, 30), ""],
                ],
            ),
            ("空表", [xlsx.Column("名称", width=30)], []),
        ],
    )
    workbook = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    assert workbook.sheetnames == ["企业 <甲&乙>", "空表"]
    sheet = workbook["企业 <甲&乙>"]
    assert [c.value for c in sheet[1]] == ["名称", "数量", "金额", "日期", "时间", "是否"]
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
    name, number, amount, day, _time, flag = sheet[2]
    assert name.data_type == "s" and name.value == "'=1+1"  # never run as a formula
    assert (number.value, amount.value, amount.number_format) == (12, 3.5, "0.00")
    assert day.is_date and day.value == dt.datetime(2024, 9, 1)
    assert flag.value is True
    name, number, _amount, _day, moment, flag = sheet[3]
    assert (name.value, number.value) == ("控制字符", 2.5)  # a character XML cannot hold dropped
    assert moment.is_date and moment.value == dt.datetime(2024, 9, 1, 8, 30)
    assert flag.value is None
    empty = workbook["空表"]
    assert [c.value for c in empty[1]] == ["名称"] and empty.max_row == 1
    assert empty.column_dimensions["A"].width == 30


def test_reading_returns_header_rows_and_row_numbers():
    sheet = read(workbook_bytes(["名称", "数量"], [["甲", 1], [None, None], ["乙", 2]]))
    assert sheet.headers == ["名称", "数量"]
    assert sheet.rows == [(2, ["甲", 1]), (4, ["乙", 2])]


def test_reading_removes_the_neutralising_apostrophe():
    sheet = read(workbook_bytes(["备注"], [["'=1+1"]]))
    assert sheet.rows == [(2, ["=1+1"])]


def test_formula_cells_are_returned_as_formulas():
    sheet = read(workbook_bytes(["数量"], [["=1+1"]]))
    assert sheet.rows[0][1] == [xlsx.Formula("=1+1")]


def test_value_outside_the_header_is_flagged():
    sheet = read(workbook_bytes(["名称"], [["甲", "多余"]]))
    assert sheet.rows[0][1][-1] is xlsx.EXTRA_VALUE


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"name,code\n\xe7\x94\xb2,1\n", "renamed"),
        (b"%PDF-1.4 fake", "renamed"),
        (encrypted_bytes(), "password"),
        (zip_bomb_bytes(), "zip bomb"),
    ],
)
def test_unsafe_or_foreign_files_are_refused_before_parsing(content, words):
    with pytest.raises(xlsx.WorkbookError) as error:
        read(content)
    assert words in error.value.message


def test_truncated_workbook_is_refused_as_damaged():
    content = workbook_bytes(["名称"], [["甲"]] * 50)
    with pytest.raises(xlsx.WorkbookError) as error:
        read(content[: len(content) // 2])
    assert "damaged" in error.value.message


def test_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_BYTES", 1000)
    with pytest.raises(xlsx.WorkbookError) as error:
        read(workbook_bytes(["名称"], [["甲" * 50]] * 200))
    assert "limit" in error.value.message


def test_sheet_over_the_row_limit_is_refused(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 5)
    with pytest.raises(xlsx.WorkbookError) as error:
        read(workbook_bytes(["名称"], [["甲"]] * 6))
    assert "more than 5" in error.value.message


def test_sheet_over_the_column_limit_is_refused():
    with pytest.raises(xlsx.WorkbookError) as error:
        read(workbook_bytes([f"列{i}" for i in range(xlsx.MAX_COLUMNS + 1)]))
    assert "61 columns" in error.value.message


def test_merged_header_cells_are_refused():
    content = workbook_bytes(
        ["名称", None, "数量"], [["甲", "", 1]], setup=lambda s: s.merge_cells("A1:B1")
    )
    with pytest.raises(xlsx.WorkbookError) as error:
        read(content)
    assert "A1:B1" in error.value.message


def test_limits_are_stated():
    assert (
        "10.0" in xlsx.limits_text()
        and "100,000" in xlsx.limits_text()
        and "60" in xlsx.limits_text()
    )


def test_rows_are_counted_without_parsing_cells():
    assert xlsx.count_rows(io.BytesIO(workbook_bytes(["名称"], [["甲"]] * 2500))) == 2501


def test_a_read_sheet_survives_its_json_copy():
    sheet = read(
        workbook_bytes(["日期", "公式", "数"], [[dt.date(2024, 9, 1), "=1+1", 2.5, "多余"]])
    )
    parsed = io.BytesIO()
    xlsx.dump_sheet(sheet, parsed)
    parsed.seek(0)
    assert xlsx.load_sheet(parsed) == sheet


def test_xml_entity_bomb_inside_the_workbook_is_refused():
    import zipfile

    entities = "".join(
        f'<!ENTITY lol{i} "' + (f"&lol{i - 1};" if i > 1 else "lol") * 10 + '">'
        for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns="{xlsx.MAIN_NS[1:-1]}">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
    )
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes(["名称"], [["甲"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = (
                bomb.encode() if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            )
            target.writestr(item, data)
    with pytest.raises(xlsx.WorkbookError) as error:
        read(out.getvalue())
    assert "damaged" in error.value.message


def test_a_repeated_value_is_one_object_and_equal_values_of_other_types_stay_apart():
    # 100,000 rows of a school's name were 100,000 strings (116 MiB for ten such columns).
    sheet = read(
        workbook_bytes(["学校", "数"], [["临朐县职业教育中心", 1], ["临朐县职业教育中心", True]])
    )
    parsed = io.BytesIO()
    xlsx.dump_sheet(sheet, parsed)
    parsed.seek(0)
    for copy in (sheet, xlsx.load_sheet(parsed)):
        (_, first), (_, second) = copy.rows
        assert first[0] == "临朐县职业教育中心" and first[0] is second[0]
        assert first[1] == 1 and first[1] is not True and second[1] is True
