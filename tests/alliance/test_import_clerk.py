"""Imports a clerk can trust (issue 13): every error names the row, the column, the value found
and what is allowed; the dry run lists each row as new, changed (old → new) or unchanged,
masked for everyone but the secretariat."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from alliance.exchange import get_register, plan_import
from alliance.models import ImportBatch, ImportStatus
from alliance.xlsx import read_sheet
from placements.models import Student
from tests.alliance.xlsx_files import upload, workbook_bytes
from tests.placements import factories as pf

pytestmark = pytest.mark.django_db

STUDENT_HEADERS = [
    "学校",
    "学号",
    "姓名",
    "身份证号",
    "性别",
    "专业",
    "班级",
    "入学年份",
    "学习形式",
    "手机",
]


def student_row(school, number, name="张三", **values):
    row = {
        "学校": school.name,
        "学号": number,
        "姓名": name,
        "身份证号": "",
        "性别": "男",
        "专业": "数控技术应用",
        "班级": "数控1班",
        "入学年份": 2025,
        "学习形式": "全日制",
        "手机": "",
    }
    row.update(values)
    return [row[h] for h in STUDENT_HEADERS]


def students_file(rows) -> bytes:
    return workbook_bytes(STUDENT_HEADERS, rows)


def plan(key: str, content: bytes, user):
    return plan_import(get_register(key), read_sheet(io.BytesIO(content)), user)


# -- errors ------------------------------------------------------------------------------------


def test_three_errors_name_row_column_value_and_allowed_values(client_for, school_user, school):
    content = students_file(
        [
            student_row(school, "2025000001", 性别="未知"),
            student_row(school, "2025000002", 入学年份="明年"),
            student_row(school, "2025000003", 学习形式="函授"),
        ]
    )
    client = client_for(school_user)
    response = client.post(reverse("exchange:students_import"), {"file": upload(content)})
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.INVALID
    assert batch.errors == [
        {
            "row": 2,
            "column": "性别",
            "value": "未知",
            "message": "不是允许的取值。",
            "allowed": "类型：可选值之一。可选值：男、女。",
        },
        {
            "row": 3,
            "column": "入学年份",
            "value": "明年",
            "message": "请输入整数。",
            "allowed": "类型：整数。",
        },
        {
            "row": 4,
            "column": "学习形式",
            "value": "函授",
            "message": "不是允许的取值。",
            "allowed": "类型：可选值之一。可选值：全日制、非全日制（学徒）。",
        },
    ]
    page = client.get(response["Location"]).content.decode()
    for text in ("填写的值", "应填写", "未知", "明年", "函授", "可选值：男、女。"):
        assert text in page
    assert not Student.objects.exists()


def test_a_bad_date_names_the_date_format(school_user, school, enterprise):
    pf.StudentFactory(school=school, student_number="2025000001")
    register = get_register("internships")
    headers = [c.header for c in register.import_columns]
    values = {
        "学校": school.name,
        "学号": "2025000001",
        "企业": enterprise.name,
        "师傅": "李师傅",
        "开始日期": "2025年13月1日",
        "结束日期": "2026-01-15",
    }
    content = workbook_bytes(headers, [[values.get(h) for h in headers]])
    (error,) = plan("internships", content, school_user).errors
    assert (error.row, error.column, error.value) == (2, "开始日期", "2025年13月1日")
    assert error.message == "请输入日期，例如 2024-09-01。"
    assert error.allowed == "类型：日期（YYYY-MM-DD）。"


def test_a_bad_id_number_is_shown_masked_to_a_school(school_user, secretariat_user, school):
    # 370724200605170010 is valid; the last digit changed breaks the check digit.
    content = students_file([student_row(school, "2025000001", 身份证号="370724200605170011")])
    (for_school,) = plan("students", content, school_user).errors
    (for_secretariat,) = plan("students", content, secretariat_user).errors
    assert (for_school.row, for_school.column) == (2, "身份证号")
    assert for_school.value == "370724********0011"
    assert for_secretariat.value == "370724200605170011"


def test_a_missing_student_names_both_cells_and_what_is_expected(school_user, school):
    register = get_register("placements")
    headers = [c.header for c in register.import_columns]
    values = {"学校": school.name, "学号": "2099000001", "毕业年份": 2025, "毕业去向": "就业"}
    content = workbook_bytes(headers, [[values.get(h) for h in headers]])
    errors = [e for e in plan("placements", content, school_user).errors if e.column == "学号+学校"]
    assert [(e.row, e.value, e.message, e.allowed) for e in errors] == [
        (
            2,
            f"2099000001 {school.name}",
            f"未找到学生“2099000001 {school.name}”。",
            "类型：已有记录的名称。须为系统中已有的学生。",
        )
    ]


# -- dry run preview ---------------------------------------------------------------------------


@pytest.fixture
def two_students(school):
    changed = pf.StudentFactory(
        school=school,
        student_number="2025000001",
        name="张三",
        national_id="",
        phone="13812345678",
        major__name="数控技术应用",
        class_name="数控1班",
        enrolment_year=2025,
    )
    same = pf.StudentFactory(
        school=school,
        student_number="2025000002",
        name="李四",
        national_id="",
        phone="",
        major__name="数控技术应用",
        class_name="数控1班",
        enrolment_year=2025,
    )
    return changed, same


def preview_file(school) -> bytes:
    return students_file(
        [
            student_row(school, "2025000001", 专业="机电技术应用", 手机="13900001111"),
            student_row(school, "2025000002", name="李四"),
            student_row(school, "2025000003", name="王五"),
        ]
    )


def test_dry_run_lists_new_changed_and_unchanged_rows_masked_for_a_school(
    school_user, school, two_students
):
    result = plan("students", preview_file(school), school_user)
    assert result.errors == []
    assert result.preview == [
        {
            "row": 2,
            "status": "changed",
            "label": "临朐县职业教育中心学校 · 2025000001 · 张三",
            # a reference (the catalogue's major) is compared after the plain columns
            "changes": [
                ["手机", "138****5678", "139****1111"],
                ["专业", "数控技术应用", "机电技术应用"],
            ],
        },
        {
            "row": 3,
            "status": "unchanged",
            "label": "临朐县职业教育中心学校 · 2025000002 · 李四",
            "changes": [],
        },
        {
            "row": 4,
            "status": "new",
            "label": "临朐县职业教育中心学校 · 2025000003 · 王五",
            "changes": [],
        },
    ]


def test_dry_run_lists_the_first_rows_and_counts_them_all(
    school_user, school, two_students, monkeypatch
):
    from alliance.exchange import planning

    monkeypatch.setattr(planning, "PREVIEW_ROWS", 2)
    result = plan("students", preview_file(school), school_user)
    # Rows 2 and 3 listed; row 4 (new) counted, not listed.
    assert [line["row"] for line in result.preview] == [2, 3]
    assert (len(result.to_create), len(result.to_update), result.unchanged) == (1, 1, 1)


def test_dry_run_shows_the_secretariat_full_values(secretariat_user, school, two_students):
    result = plan("students", preview_file(school), secretariat_user)
    assert result.preview[0]["changes"][0] == ["手机", "13812345678", "13900001111"]


def test_dry_run_page_shows_old_and_new_before_confirming(
    client_for, school_user, school, two_students, django_assert_max_num_queries
):
    client = client_for(school_user)
    client.post(reverse("exchange:students_import"), {"file": upload(preview_file(school))})
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.READY
    # Session, user, the batch; nothing per row (the preview is stored with the batch).
    with django_assert_max_num_queries(4):
        page = client.get(reverse("exchange:batch", args=[batch.pk])).content.decode()
    assert "专业：数控技术应用 → 机电技术应用" in page
    assert "手机：138****5678 → 139****1111" in page
    assert "13812345678" not in page and "13900001111" not in page
    assert "新增" in page and "无变化" in page
    assert 'id="confirm-form"' in page
    # Nothing is written before the user confirms.
    assert Student.objects.get(student_number="2025000001").major.name == "数控技术应用"
    assert not Student.objects.filter(student_number="2025000003").exists()

    changed_only = client.get(
        reverse("exchange:batch", args=[batch.pk]), {"show": "changed"}
    ).content.decode()
    assert "2025000001" in changed_only and "2025000003" not in changed_only
