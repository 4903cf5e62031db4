"""An import dry run answers the same for another organisation's record as for none (issue 12):
the errors of a file do not change when the other organisation's record is deleted."""

from __future__ import annotations

import io

import pytest

from alliance.exchange import get_register, plan_import
from alliance.xlsx import read_sheet
from tests.alliance.xlsx_files import workbook_bytes
from tests.placements import factories as pf
from tests.training import factories as tf

pytestmark = pytest.mark.django_db


def sheet(key: str, *rows: dict) -> bytes:
    headers = [c.header for c in get_register(key).import_columns]
    return workbook_bytes(headers, [[row.get(h) for h in headers] for row in rows])


def errors(key: str, content: bytes, user) -> list[dict]:
    plan = plan_import(get_register(key), read_sheet(io.BytesIO(content)), user)
    return [e.as_dict() for e in plan.errors]


def apprenticeship(school, enterprise, number: str) -> dict:
    return {
        "学校": school.name,
        "学号": number,
        "企业": enterprise.name,
        "专业": "铝型材加工",
        "劳动合同开始": "2025-03-01",
        "劳动合同结束": "2028-02-28",
        "企业导师": "李师傅",
        "学校导师": "王老师",
        "培养模式": "工学交替",
        "状态": "in_training",
    }


def test_hr_gets_the_same_answer_for_a_student_not_tied_to_it_as_for_none(
    hr_user, school, enterprise
):
    student = pf.StudentFactory(school=school, student_number="2025000009")
    content = sheet("apprenticeships", apprenticeship(school, enterprise, "2025000009"))
    with_student = errors("apprenticeships", content, hr_user)
    student.delete()
    assert errors("apprenticeships", content, hr_user) == with_student
    assert [(e["column"], e["message"]) for e in with_student] == [
        ("学号+学校", f"未找到学生“2025000009 {school.name}”。")
    ]


def test_hr_may_name_a_student_already_tied_to_its_enterprise(hr_user, school, enterprise):
    pf.InternshipFactory(
        student=pf.StudentFactory(school=school, student_number="2025000009"),
        enterprise=enterprise,
    )
    content = sheet("apprenticeships", apprenticeship(school, enterprise, "2025000009"))
    assert [
        e for e in errors("apprenticeships", content, hr_user) if e["column"] == "学号+学校"
    ] == []


def test_school_gets_the_same_answer_for_another_schools_student_as_for_none(
    school_user, other_school
):
    student = pf.StudentFactory(school=other_school, student_number="2025000009")
    row = {
        "学校": other_school.name,
        "学号": "2025000009",
        "姓名": "张三",
        "性别": "男",
        "专业": "数控技术应用",
        "班级": "1班",
        "入学年份": 2025,
        "学习形式": "全日制",
        "手机": "138****5678",  # a masked value from an export: refused the same way either way
    }
    content = sheet("students", row)
    with_student = errors("students", content, school_user)
    student.delete()
    assert errors("students", content, school_user) == with_student
    assert [(e["column"], e["message"]) for e in with_student] == [
        ("学校", "只能导入本单位的记录。")
    ]


def test_school_gets_the_same_answer_for_another_schools_placement_as_for_none(
    school_user, school, other_school
):
    student = pf.StudentFactory(school=other_school, student_number="2025000009")
    placement = pf.GraduatePlacementFactory(student=student, graduation_year=2025)
    row = {"学校": other_school.name, "学号": "2025000009", "毕业年份": 2025, "毕业去向": "就业"}
    content = sheet("placements", row)
    with_records = errors("placements", content, school_user)
    placement.delete()
    student.delete()
    assert errors("placements", content, school_user) == with_records


def test_school_gets_the_same_answer_for_another_schools_teacher_as_for_none(
    school_user, other_school, enterprise
):
    teacher = tf.TeacherFactory(school=other_school, name="王芳", employee_number="")
    row = {
        "学校": other_school.name,
        "教师姓名": "王芳",
        "企业": enterprise.name,
        "开始日期": "2025-07-01",
        "结束日期": "2025-08-15",
        "实践天数": 30,
        "岗位": "数控加工",
        "状态": "已完成",
    }
    content = sheet("secondments", row)
    with_teacher = errors("secondments", content, school_user)
    teacher.delete()
    assert errors("secondments", content, school_user) == with_teacher
    assert [e["message"] for e in with_teacher if e["column"].startswith("教师姓名")] == [
        f"未找到教师“王芳 {other_school.name} ”。"
    ]
