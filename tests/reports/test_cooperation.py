"""Issue 15 (part b) figures on numbers worked out by hand, and the report's chapters: the Qufu
plan's modern apprenticeship pilot class and a joint order class formed from two enterprises'
demand are recorded and appear in the annual report."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from placements import services
from placements.selectors import AlignmentRecords, FollowUpRecords
from reports.document import build_html
from reports.indicators import ALLIANCE_SCOPE, BY_CODE, ENTERPRISE, SCHOOL, Scope, evaluate
from reports.sources import DataSet
from tests.members.factories import MajorFactory
from tests.placements.factories import (
    OrderClassEnrolmentFactory,
    PilotClassFactory,
    StudentFactory,
    TalentDemandFactory,
)
from tests.placements.test_pages import _apprentice_post
from training.selectors import ProgrammeRecord

pytestmark = pytest.mark.django_db

S1, S2 = 1, 2
E1, E2 = 11, 12
OUTSIDER = 99
B1, B2, B3, B9 = 101, 102, 103, 109  # training bases (B9 of a non-member)
NONE = frozenset()


def ids(first: int, n: int) -> frozenset[int]:
    """``n`` record ids from ``first``: the records behind a count."""
    return frozenset(range(first, first + n))


def _class(pk, school, kind, enterprises, name, *, enrolled, apprentices=0) -> dict:
    """A class as ``classes_running`` answers it."""
    return {
        "pk": pk,
        "school": school,
        "school__name": f"#{school}",
        "kind": kind,
        "enterprises": enterprises,
        "name": name,
        "major": "",
        "enrolled": enrolled,
        "apprentices": apprentices,
    }


YEAR_2025 = {
    "member_school_ids": {S1, S2},
    "member_enterprise_ids": {E1, E2},
    "materials_by_kind": {
        S1: {"loose_leaf": ids(1, 2), "programme": ids(3, 1)},
        S2: {"workbook": ids(4, 1)},
    },
    "order_class_alignment": {
        S1: AlignmentRecords(ids(1, 4), ids(1, 3)),
        S2: AlignmentRecords(ids(5, 2), NONE),
        OUTSIDER: AlignmentRecords(ids(90, 9), ids(90, 9)),
    },
    # demand id -> headcount
    "demand_by_enterprise": {E1: {1: 12}, E2: {2: 5, 3: 3}, OUTSIDER: {9: 50}},
    "classes_running": [
        _class(1, S1, "order", ["甲", "乙"], "甲乙联合订单班", enrolled=30),
        _class(2, S1, "apprenticeship_pilot", ["甲"], "甲试点班", enrolled=6, apprentices=6),
        _class(3, S2, "directed", ["乙"], "乙定向班", enrolled=0),
        _class(9, OUTSIDER, "order", ["丙", "丁"], "外部联合班", enrolled=9),
    ],
    "apprentices_by_path": {
        E1: {
            "employee": ids(1, 5),
            "pilot": ids(6, 6),
            "new_hire": ids(1, 3),
            "transferred": ids(4, 2),
        },
        E2: {"employee": ids(20, 2), "pilot": NONE, "new_hire": ids(20, 2), "transferred": NONE},
        OUTSIDER: {
            "employee": ids(90, 9),
            "pilot": ids(100, 9),
            "new_hire": ids(90, 9),
            "transferred": NONE,
        },
    },
    "active_bases": {
        B1: {"name": "一号基地", "enterprise": E1, "enterprise_name": "甲", "masters": 3},
        B2: {"name": "二号基地", "enterprise": E1, "enterprise_name": "甲", "masters": 0},
        B3: {"name": "三号基地", "enterprise": E2, "enterprise_name": "乙", "masters": 1},
        B9: {"name": "外部基地", "enterprise": OUTSIDER, "enterprise_name": "丙", "masters": 0},
    },
    "internships_by_base": {
        B1: {"cognitive": ids(1, 10), "placement": ids(11, 4)},
        B3: {"shadowing": ids(15, 5)},
        B9: {"placement": ids(90, 30)},
    },
    # programmes starting in 2025: id -> (school, funding department, audience, participants)
    "programme_records": {
        701: ProgrammeRecord(S1, "human_resources", "employees", 200),
        702: ProgrammeRecord(S1, "human_resources", "employees", 100),
        703: ProgrammeRecord(S1, "emergency", "public", 120),
        704: ProgrammeRecord(S2, "human_resources", "employees", 100),
        705: ProgrammeRecord(S2, "agriculture", "public", 80),
        709: ProgrammeRecord(OUTSIDER, "agriculture", "public", 900),
    },
    "mentor_events": {
        1: {
            "person": "甲导师",
            "enterprise": E1,
            "enterprise_name": "甲",
            "career_class": ids(1, 3),
        },
        2: {
            "person": "乙导师",
            "enterprise": E2,
            "enterprise_name": "乙",
            "career_class": ids(4, 1),
            "expert_lecture": ids(5, 1),
        },
        3: {"person": "乙导师二", "enterprise": E2, "enterprise_name": "乙"},
        4: {
            "person": "外部",
            "enterprise": OUTSIDER,
            "enterprise_name": "丙",
            "career_class": ids(90, 9),
        },
    },
    "preference_areas": {E1: {"recruitment", "pay"}, OUTSIDER: {"pay"}},
    "followup_records": {
        S1: FollowUpRecords(ids(1, 40), ids(1, 30)),
        S2: FollowUpRecords(ids(41, 10), ids(41, 2)),
    },
    "exchange_records": {
        S1: {"curriculum": frozenset({801, 802}), "teacher_training": frozenset({803})},
        S2: {"majors": frozenset({804})},
        OUTSIDER: {"majors": frozenset({809})},
    },
}


@pytest.fixture
def data(fake_selectors):
    fake_selectors({2025: YEAR_2025})
    return DataSet()


def text(html: str) -> str:
    """The report's text without its tags (a sentence may hold a highlighted part)."""
    return re.sub(r"<[^>]+>", "", html)


def value(data, code, scope=ALLIANCE_SCOPE):
    return evaluate(BY_CODE[code], data, 2025, scope)


def test_materials_and_the_five_alignments(data):
    row = value(data, "materials_codeveloped")
    assert row.value == 4  # 2 + 1 at S1, 1 at S2
    assert row.measure.extra["by_kind"] == {"loose_leaf": 2, "programme": 1, "workbook": 1}
    # (3 + 0) fully aligned of (4 + 2) running = 50.0 %; the outsider's classes are not counted
    assert value(data, "order_classes_aligned").value == Decimal("50.0")
    assert value(data, "order_classes_aligned", Scope(SCHOOL, S1)).value == Decimal("75.0")


def test_demand_joint_classes_and_pilot_apprentices(data):
    assert value(data, "talent_demand").value == 20  # 12 + 8, members only
    assert value(data, "joint_order_classes").value == 1  # S1's class of two enterprises
    row = value(data, "pilot_apprentices")
    assert row.value == 6
    # employees 5 + 2, new hires 3 + 2, transfers 2 + 0; one pilot class at a member school
    assert row.measure.extra == {
        "pilot_classes": 1,
        "employees": 7,
        "new_hire": 5,
        "transferred": 2,
    }


def test_bases_with_masters_and_internships_by_stage(data):
    # B1 and B3 of B1, B2, B3 have a master: 2 / 3 = 66.7 %
    row = value(data, "bases_with_masters")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal("66.7"), 2, 3)
    assert value(data, "bases_with_masters", Scope(ENTERPRISE, E1)).value == Decimal("50.0")
    interns = value(data, "internships_at_bases")
    assert interns.value == 19  # 10 + 4 + 5; the outsider's base not counted
    assert interns.measure.extra["by_stage"] == {"cognitive": 10, "placement": 4, "shadowing": 5}


def test_training_by_audience_and_funding_department(data):
    employees = value(data, "training_employees")
    assert employees.value == 400  # S1 200 + 100, S2 100
    assert employees.measure.extra["by_department"] == {"human_resources": 400}
    assert employees.measure.counted == {701, 702, 704}  # the outsider's 709 is not listed
    public = value(data, "training_public")
    assert public.value == 200  # 120 + 80
    assert public.measure.extra["by_department"] == {"emergency": 120, "agriculture": 80}
    assert value(data, "training_public", Scope(SCHOOL, S2)).value == 80


def test_guidance_figures(data):
    # (3 + 1 + 1 + 0) classes and lectures ÷ 3 member mentors = 1.67; one mentor gave none
    frequency = value(data, "mentor_class_frequency")
    assert frequency.value == Decimal("1.67")
    assert frequency.measure.extra["idle_mentors"] == 1
    assert value(data, "mentor_class_frequency", Scope(ENTERPRISE, E1)).value == Decimal("3.00")
    # E1 of E1, E2 has a measure in force: 50.0 %
    assert value(data, "preference_coverage").value == Decimal("50.0")
    # (30 + 2) followed ÷ (40 + 10) = 64.0 %
    assert value(data, "followup_rate").value == Decimal("64.0")


def test_external_exchanges(data):
    row = value(data, "external_exchanges")
    assert row.value == 4  # 801–804; the outsider's 809 is not a member school's
    assert row.measure.counted == {801, 802, 803, 804}
    assert row.measure.extra["by_kind"] == {"curriculum": 2, "teacher_training": 1, "majors": 1}


def test_report_chapters_show_every_area(data):
    html = build_html(2025).html
    for title in (
        "校企共同开发教学成果",
        "用人需求与联合订单班",
        "多种形式的人才培养",
        "就业指导",
        "对外合作",
    ):
        assert title in html
    assert "1 个基地没有师傅：甲 · 二号基地" in text(html)  # the base without a master is named


def test_qufu_pilot_class_and_a_joint_class_are_recorded_and_reported(
    client_for, hr_user, secretariat_user, school, enterprise, other_enterprise
):
    # Qufu 三(二): a modern apprenticeship pilot class of full-time students, each on a
    # tripartite agreement recorded by the enterprise.
    pilot = PilotClassFactory(
        school=school,
        name="华建铝业现代学徒制试点班",
        enterprises=[enterprise],
        cohort_year=2024,
        graduation_year=2027,
    )
    for n in range(2):
        OrderClassEnrolmentFactory(
            order_class=pilot,
            student=StudentFactory(school=school, student_number=f"QF{n}", name=f"学生{n}"),
        )
        response = client_for(hr_user).post(
            reverse("placements:apprenticeship_create"),
            _apprentice_post(
                school,
                enterprise,
                **{
                    "student-student_number": f"QF{n}",
                    "student-name": f"学生{n}",
                    "path": "pilot",
                    "employee_category": "",
                    "order_class": pilot.pk,
                    "contract_start": "2024-09-01",
                    "contract_end": "2027-06-30",
                },
            ),
        )
        assert response.status_code == 302, response.context["form"].errors
    # Linqu (三)6: two enterprises need the same major; the office forms one class of them.
    major = MajorFactory(school=school, name="数控技术应用")
    demands = [
        TalentDemandFactory(enterprise=enterprise, major=major, post="数控操作工", headcount=12),
        TalentDemandFactory(enterprise=other_enterprise, major=major, post="挤压工", headcount=8),
    ]
    services.order_class_from_demands(
        demands=demands,
        school=school,
        name="数控联合订单班",
        kind="order",
        cohort_year=2025,
        graduation_year=2028,
        planned_size=20,
    )

    data = DataSet()
    assert evaluate(BY_CODE["pilot_apprentices"], data, 2025, ALLIANCE_SCOPE).value == 2
    assert evaluate(BY_CODE["joint_order_classes"], data, 2025, ALLIANCE_SCOPE).value == 1
    built = build_html(2025, data=data)
    html = built.html
    assert "依三方协议参加现代学徒制试点的全日制学生2人" in html
    # Every class is a row of the annex; the PDF counts them by kind.
    classes = {
        row[0]: row for row in built.annex.sheet("订单班、定向培养班和现代学徒制试点班").rows
    }
    assert classes["华建铝业现代学徒制试点班"][1] == "现代学徒制试点班"
    joint = built.annex.sheet("联合订单班").rows
    assert [(row[0], row[4]) for row in joint] == [
        ("数控联合订单班", "山东华建铝业集团有限公司、山东雷奥新能源有限公司")
    ]
    assert "联合订单班 1 个" in html
    assert "成员企业共提出需求20人" in html


def test_the_annex_holds_every_row_and_the_pdf_only_those_needing_attention(data):
    built = build_html(2025, data=data)
    sheets = {s.name: s.rows for s in built.annex.sheets}
    # Every class of a member school (3 of 4: the outsider's is not a member's) ...
    assert [row[0] for row in sheets["订单班、定向培养班和现代学徒制试点班"]] == [
        "甲乙联合订单班",
        "甲试点班",
        "乙定向班",
    ]
    # ... every base and mentor of a member enterprise, with its counts ...
    assert sheets["实训基地实习"] == [
        ["一号基地", "甲", 3, 10, 0, 4],
        ["二号基地", "甲", 0, 0, 0, 0],
        ["三号基地", "乙", 1, 0, 5, 0],
    ]
    assert sheets["职业规划导师"] == [
        ["甲导师", "甲", 3, 0],
        ["乙导师", "乙", 1, 1],
        ["乙导师二", "乙", 0, 0],
    ]
    # ... and every member enterprise with its measures (E2 has none).
    assert sheets["县内毕业生优先政策"] == [["#11", "招工用人、薪酬激励"], ["#12", ""]]
    html = text(built.html)
    # The PDF: totals, then only the class without a student, the base without a master, the
    # mentor who gave no class nor lecture and the enterprise without a measure.
    assert "1 个在办班级没有在读学生：#2 · 乙定向班" in html
    assert "甲试点班" not in html and "一号基地" not in html
    assert "本年度成员企业职业规划导师 3 名，共上职业规划课 4 次、企业进校园讲座 1 次。" in html
    assert "1 名导师本年度既未上课也未讲座：乙导师二（乙）" in html
    assert "甲导师" not in html
    assert "2 家成员企业中有 1 家有有效的优先政策" in html
    assert "1 家成员企业没有任何优先政策：#12" in html
    assert "完整名单见随本报告发布的附件（Excel 工作表及 CSV 文件“职业规划导师”）" in html


def test_a_long_list_of_exceptions_is_cut_and_left_to_the_annex(fake_selectors):
    mentors = {
        n: {"person": f"导师{n:02d}", "enterprise": E1, "enterprise_name": "甲"}
        for n in range(1, 36)
    }
    fake_selectors({2025: {**YEAR_2025, "mentor_events": mentors}})
    built = build_html(2025, data=DataSet())
    # 35 idle mentors: the PDF names the first 30 and counts the other 5; the annex has all.
    html = text(built.html)
    assert "35 名导师本年度既未上课也未讲座：导师01（甲）" in html
    assert "导师30（甲）等，另有 5 项（全部见附件）" in html
    assert "导师31" not in html
    assert len(built.annex.sheet("职业规划导师").rows) == 35
