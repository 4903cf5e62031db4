"""Each bad file gets a clear Chinese message on the import page and changes nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alliance import xlsx
from alliance.models import ImportBatch, ImportStatus
from members.models import Organization, SchoolYearFigures
from tests.alliance.xlsx_files import encrypted_bytes, upload, workbook_bytes, zip_bomb_bytes

pytestmark = pytest.mark.django_db

FIGURES_HEADERS = ["学校", "年份", "在校生数", "专业教师数", "毕业生数"]


@pytest.fixture
def figures_client(client_for, school_user):
    return client_for(school_user)


def post_figures(client, content: bytes, name: str = "figures.xlsx"):
    response = client.post(
        reverse("exchange:school_figures_import"), {"file": upload(content, name)}, follow=True
    )
    assert response.status_code == 200
    return response


def snapshot():
    return (
        list(Organization.objects.order_by("pk").values()),
        list(SchoolYearFigures.objects.order_by("pk").values()),
    )


@pytest.fixture
def unchanged(school):
    """Asserts at the end of the test that no organisation or figures row changed."""
    before = snapshot()
    yield
    assert snapshot() == before


def refused(response, text: str) -> None:
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.INVALID
    page = response.content.decode()
    assert text in page, page[page.find("batch-status") : page.find("batch-status") + 1500]


def test_pdf_is_not_an_xlsx(figures_client, unchanged):
    response = post_figures(figures_client, b"%PDF-1.7\n...", "figures.xlsx")
    refused(response, "不是 Excel 工作簿")


def test_renamed_csv_is_refused(figures_client, unchanged):
    response = post_figures(
        figures_client, "学校,年份\n临朐县职业教育中心学校,2025\n".encode(), "figures.xlsx"
    )
    refused(response, "CSV")


def test_encrypted_workbook_is_refused(figures_client, unchanged):
    refused(post_figures(figures_client, encrypted_bytes()), "密码")


def test_corrupt_workbook_is_refused(figures_client, unchanged, school):
    content = workbook_bytes(FIGURES_HEADERS, [[school.name, 2025, 3000, 100, 900]] * 100)
    refused(post_figures(figures_client, content[: len(content) // 2]), "已损坏")


def test_oversized_file_is_refused_and_the_limit_stated(figures_client, unchanged, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_BYTES", 2000)
    content = workbook_bytes(FIGURES_HEADERS, [["很长的学校名称" * 5, 2025, 3000, 100, 900]] * 200)
    refused(post_figures(figures_client, content), "上限")


def test_oversized_sheet_is_refused_and_the_limit_stated(
    figures_client, unchanged, monkeypatch, school
):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 3)
    content = workbook_bytes(
        FIGURES_HEADERS, [[school.name, 2020 + i, 3000, 100, 900] for i in range(4)]
    )
    refused(post_figures(figures_client, content), "超过 3 行")


def test_too_many_columns_is_refused(figures_client, unchanged):
    content = workbook_bytes([*FIGURES_HEADERS, *[f"列{i}" for i in range(60)]])
    refused(post_figures(figures_client, content), "上限为 60")


def test_zip_bomb_is_refused(figures_client, unchanged):
    refused(post_figures(figures_client, zip_bomb_bytes()), "压缩炸弹")


def test_formulas_instead_of_values_are_row_errors(figures_client, unchanged, school):
    content = workbook_bytes(FIGURES_HEADERS, [[school.name, 2025, "=3000+1", 100, 900]])
    response = post_figures(figures_client, content)
    refused(response, "公式")
    assert ImportBatch.objects.get().errors == [
        {
            "row": 2,
            "column": "在校生数",
            "value": "=3000+1",
            "message": "该单元格是公式，请填写数值本身（选择性粘贴为数值）。",
            "allowed": "类型：整数。",
        }
    ]


def test_merged_header_cells_are_refused(figures_client, unchanged, school):
    content = workbook_bytes(
        ["学校", None, "年份", "在校生数", "专业教师数", "毕业生数"],
        [[school.name, "", 2025, 3000, 100, 900]],
        setup=lambda sheet: sheet.merge_cells("A1:B1"),
    )
    refused(post_figures(figures_client, content), "合并")


def test_extra_column_is_refused(figures_client, unchanged, school):
    content = workbook_bytes([*FIGURES_HEADERS, "备注"], [[school.name, 2025, 3000, 100, 900, "x"]])
    refused(post_figures(figures_client, content), "未知的列：备注")


def test_missing_column_is_refused(figures_client, unchanged, school):
    content = workbook_bytes(FIGURES_HEADERS[:-1], [[school.name, 2025, 3000, 100]])
    refused(post_figures(figures_client, content), "缺少的列：毕业生数")


def test_wrong_types_are_row_errors(figures_client, unchanged, school):
    content = workbook_bytes(FIGURES_HEADERS, [[school.name, "明年", 3000, "很多", 900]])
    refused(post_figures(figures_client, content), "请输入整数")
    assert {(e["row"], e["column"]) for e in ImportBatch.objects.get().errors} == {
        (2, "年份"),
        (2, "专业教师数"),
    }


def test_duplicate_keys_inside_the_file_are_row_errors(figures_client, unchanged, school):
    content = workbook_bytes(
        FIGURES_HEADERS, [[school.name, 2025, 3000, 100, 900], [school.name, 2025, 3100, 110, 950]]
    )
    refused(post_figures(figures_client, content), "与第 2 行重复")
    assert [e["row"] for e in ImportBatch.objects.get().errors] == [3]


def test_a_row_naming_another_organisation_is_a_row_error(
    figures_client, other_school, unchanged, school
):
    content = workbook_bytes(
        FIGURES_HEADERS,
        [[school.name, 2025, 3000, 100, 900], [other_school.name, 2025, 3000, 100, 900]],
    )
    refused(post_figures(figures_client, content), "只能导入本单位的记录")
    assert [(e["row"], e["column"]) for e in ImportBatch.objects.get().errors] == [(3, "学校")]


def test_a_rule_of_the_model_is_a_row_error(figures_client, unchanged, school):
    # SchoolYearFigures.clean: no more graduates than enrolled students.
    content = workbook_bytes(FIGURES_HEADERS, [[school.name, 2025, 300, 100, 900]])
    refused(post_figures(figures_client, content), "毕业生")
    assert ImportBatch.objects.get().errors[0]["column"] == "毕业生数"


def test_unknown_school_is_a_row_error(figures_client, unchanged):
    content = workbook_bytes(FIGURES_HEADERS, [["不存在的学校", 2025, 3000, 100, 900]])
    refused(post_figures(figures_client, content), "不存在的学校")
