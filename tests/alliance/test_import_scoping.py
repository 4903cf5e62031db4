"""Imports and exports follow the pages' scopes and mask personal data for all but the secretariat."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from alliance.exchange import apply_plan, get_register, plan_import
from alliance.xlsx import read_sheet
from placements.models import Student
from tests.alliance.xlsx_files import read_workbook, upload, workbook_bytes
from tests.placements import factories as pf
from tests.training import factories as tf
from training.models import Craftsman

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
CRAFTSMAN_HEADERS = [
    "企业",
    "姓名",
    "技能等级",
    "专长",
    "类别",
    "手机",
    "入库日期",
    "退出日期",
    "在库",
]


def plan(key, content, user):
    return plan_import(get_register(key), read_sheet(io.BytesIO(content)), user)


def student_row(school, number="2025000001", national_id="", phone=""):
    return [
        school.name,
        number,
        "张三",
        national_id,
        "男",
        "数控技术应用",
        "1班",
        2025,
        "全日制",
        phone,
    ]


def test_school_imports_its_own_students_only(school_user, school, other_school):
    content = workbook_bytes(
        STUDENT_HEADERS, [student_row(school), student_row(other_school, "2025000002")]
    )
    result = plan("students", content, school_user)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (3, "学校", "只能导入本单位的记录。")
    ]


def test_school_cannot_update_another_schools_student_by_naming_it(
    school_user, school, other_school
):
    pf.StudentFactory(school=other_school, student_number="2025000001")
    content = workbook_bytes(STUDENT_HEADERS, [student_row(other_school)])
    result = plan("students", content, school_user)
    assert result.errors and result.errors[0].column == "学校"
    assert not result.to_create and not result.to_update


def test_hr_imports_craftsmen_of_their_enterprise_only(hr_user, enterprise, other_enterprise):
    rows = [
        [e.name, "李师傅", "技师", "", "能工巧匠", "", None, None, "是"]
        for e in (enterprise, other_enterprise)
    ]
    result = plan("craftsmen", workbook_bytes(CRAFTSMAN_HEADERS, rows), hr_user)
    assert [(e.row, e.column) for e in result.errors] == [(3, "企业")]


def test_hr_cannot_import_students(client_for, hr_user):
    assert client_for(hr_user).get(reverse("exchange:students_import")).status_code == 403


def test_school_export_masks_personal_data(client_for, school_user, school):
    student = pf.StudentFactory(school=school)
    response = client_for(school_user).get(reverse("exchange:students_export"))
    headers, rows = read_workbook(response.content)
    row = rows[0]
    assert (
        row[headers.index("身份证号")]
        == student.national_id[:6] + "********" + student.national_id[-4:]
    )
    assert row[headers.index("手机")] == student.phone[:3] + "****" + student.phone[-4:]


def test_secretariat_export_is_not_masked(client_for, secretariat_user, school):
    student = pf.StudentFactory(school=school)
    _headers, rows = read_workbook(
        client_for(secretariat_user).get(reverse("exchange:students_export")).content
    )
    assert student.national_id in rows[0] and student.phone in rows[0]


def test_masked_export_reimported_keeps_the_stored_personal_data(client_for, school_user, school):
    student = pf.StudentFactory(school=school)
    content = client_for(school_user).get(reverse("exchange:students_export")).content
    result = plan("students", content, school_user)
    assert result.errors == [] and result.unchanged == 1
    apply_plan(result, user=school_user, reason="x")
    stored = Student.objects.get()
    assert (stored.national_id, stored.phone) == (student.national_id, student.phone)


def test_masked_value_for_a_new_record_is_a_row_error(school_user, school):
    content = workbook_bytes(
        STUDENT_HEADERS, [student_row(school, national_id="370724********1234")]
    )
    result = plan("students", content, school_user)
    assert [(e.column) for e in result.errors] == ["身份证号"]


def test_phone_of_craftsmen_is_masked_for_schools(client_for, school_user):
    craftsman = tf.CraftsmanFactory()
    _headers, rows = read_workbook(
        client_for(school_user).get(reverse("exchange:craftsmen_export")).content
    )
    assert craftsman.phone not in rows[0]


def test_wage_band_is_masked_for_hr(client_for, hr_user, enterprise):
    pf.GraduatePlacementFactory(employer=enterprise, wage_band="4000_5000")
    headers, rows = read_workbook(
        client_for(hr_user).get(reverse("exchange:placements_export")).content
    )
    assert rows[0][headers.index("月薪")] == "＊＊＊"


def test_school_import_of_students_through_the_page(client_for, school_user, school):
    client = client_for(school_user)
    content = workbook_bytes(
        STUDENT_HEADERS, [student_row(school, "2025000001"), student_row(school, "2025000002")]
    )
    client.post(reverse("exchange:students_import"), {"file": upload(content)})
    from alliance.models import ImportBatch

    batch = ImportBatch.objects.get()
    client.post(reverse("exchange:confirm", args=[batch.pk]))
    assert Student.objects.filter(school=school).count() == 2
    assert Craftsman.objects.count() == 0
