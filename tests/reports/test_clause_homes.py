"""The five plan clauses given a home late, on numbers worked out by hand: new practice brought
into class (Linqu 任务(二)5), local employment in career classes (任务(四)11), quality evaluation
surveys and the check of the training process (Qufu 三(三)), and the documents the plans require
(Qufu 三(六) teacher qualification among them)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from members.models import REQUIRED_DOCUMENT_KINDS, DocumentKind, Organization
from members.selectors import required_documents_in_force
from placements.selectors import (
    EvaluationRecords,
    internship_evaluations,
    schools_with_local_career_class,
)
from reports.document import build_html
from reports.indicators import ALLIANCE_SCOPE, BY_CODE, SCHOOL, Scope, evaluate
from reports.sources import DataSet
from tests.members.factories import PolicyDocumentFactory
from tests.placements.factories import InternshipFactory, OutreachEventFactory, StudentFactory
from tests.training.factories import QualityEvaluationSurveyFactory
from training.selectors import quality_survey_records

pytestmark = pytest.mark.django_db

S1, S2, S3 = 1, 2, 3
OUTSIDER = 99
REQUIRED = [
    ("Charter", 1),
    ("Management rules", 2),
    ("Teacher enterprise-practice rules", 1),
    ("Lead-teacher training plan and assessment", 0),
    ("Multi-party quality evaluation rules", 0),
    ("External cooperation mechanism", 1),
    ("Teacher qualification standards and title appointment rules", 1),
]


def ids(first: int, n: int) -> frozenset[int]:
    """``n`` record ids from ``first``: the records behind a count."""
    return frozenset(range(first, first + n))


YEAR_2025 = {
    "member_school_ids": {S1, S2, S3},
    "materials_by_kind": {
        S1: {"innovation": ids(1, 2), "programme": ids(3, 1)},
        S2: {"innovation": ids(4, 1)},
        OUTSIDER: {"innovation": ids(90, 5)},
    },
    "schools_with_local_career_class": {S1, OUTSIDER},
    "internship_evaluations": {
        S1: EvaluationRecords(ids(1, 10), ids(1, 8)),
        S2: EvaluationRecords(ids(11, 6), ids(11, 3)),
        OUTSIDER: EvaluationRecords(ids(90, 9), frozenset()),
    },
    # survey ids: one of S1, two of S3, four of the outsider
    "quality_survey_records": {
        S1: frozenset({1}),
        S3: frozenset({2, 3}),
        OUTSIDER: frozenset({4, 5, 6, 7}),
    },
    "required_documents_in_force": REQUIRED,
}


@pytest.fixture
def data(fake_selectors):
    fake_selectors({2025: YEAR_2025})
    return DataSet()


def value(data, code, scope=ALLIANCE_SCOPE):
    return evaluate(BY_CODE[code], data, 2025, scope)


def test_new_practice_in_class_counts_member_schools_only(data):
    # S1 2 + S2 1 = 3; the outsider's 5 and S1's programme are not counted.
    assert value(data, "innovations_in_class").value == 3
    assert value(data, "innovations_in_class", Scope(SCHOOL, S1)).value == 2
    assert value(data, "innovations_in_class", Scope(SCHOOL, S3)).value == 0


def test_local_career_classes_share_of_member_schools(data):
    row = value(data, "local_career_classes")
    # S1 of S1, S2, S3: 1 / 3 = 33.3 %; the outsider is not a member.
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal("33.3"), 1, 3)
    assert row.measure.counted == frozenset({S1})
    assert row.met is None  # report-only: the plan sets no number
    assert value(data, "local_career_classes", Scope(SCHOOL, S2)).value == Decimal(0)


def test_internships_evaluated(data):
    row = value(data, "internships_evaluated")
    # (8 + 3) / (10 + 6) = 11 / 16 = 68.75 → 68.8 %
    assert (row.value, row.measure.numerator, row.measure.denominator) == (
        Decimal("68.8"),
        11,
        16,
    )
    assert value(data, "internships_evaluated", Scope(SCHOOL, S2)).value == Decimal("50.0")
    assert value(data, "internships_evaluated", Scope(SCHOOL, S3)).value is None  # none ended


def test_quality_surveys_with_a_report(data):
    # S1 1 + S3 2 = 3; the outsider's 4 are not a member school's.
    assert value(data, "quality_surveys").value == 3
    assert value(data, "quality_surveys", Scope(SCHOOL, S3)).value == 2


def test_required_documents_lists_the_kinds_missing(data):
    row = value(data, "required_documents")
    # 5 of the 7 required kinds have a document in force: 5 / 7 = 71.4 %
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal("71.4"), 5, 7)
    assert row.measure.extra["missing"] == [
        "Lead-teacher training plan and assessment",
        "Multi-party quality evaluation rules",
    ]


def test_report_chapters_carry_the_figures(data):
    html = build_html(2025, data=data).html
    assert "引入课堂的新技术、新工艺、新规范和典型生产案例：3" in html
    assert "有评价记录的岗位实习：68.8%" in html
    assert "33.3%" in html
    # the required kinds still missing, as the selector names them
    assert "尚缺： Lead-teacher training plan and assessment、Multi-party" in html


# --- the selectors on records ------------------------------------------------------------------


def test_schools_with_local_career_class(school, other_school):
    OutreachEventFactory(
        kind="career_class", school=school, date=dt.date(2025, 11, 6), covers_local_employment=True
    )
    # Not counted: a career class without local content, another kind, another year.
    OutreachEventFactory(kind="career_class", school=other_school, date=dt.date(2025, 11, 6))
    OutreachEventFactory(
        kind="expert_lecture",
        school=other_school,
        date=dt.date(2025, 4, 16),
        covers_local_employment=True,
    )
    OutreachEventFactory(
        kind="career_class",
        school=other_school,
        date=dt.date(2024, 11, 6),
        covers_local_employment=True,
    )
    assert schools_with_local_career_class(2025) == {school.pk}
    assert schools_with_local_career_class(2024) == {other_school.pk}


def test_internship_evaluations_by_school(school, other_school, enterprise):
    student = StudentFactory(school=school)
    good, excellent, unjudged = (
        InternshipFactory(
            student=student,
            enterprise=enterprise,
            start_date=dt.date(2025, month, 1),
            end_date=dt.date(2025, 6, 30),
            evaluation=evaluation,
        ).pk
        for month, evaluation in ((2, "good"), (3, "excellent"), (4, ""))
    )
    # Ends next year: not judged yet.
    InternshipFactory(
        student=StudentFactory(school=other_school),
        enterprise=enterprise,
        start_date=dt.date(2025, 9, 1),
        end_date=dt.date(2026, 1, 31),
    )
    # three ended in 2025, two of them evaluated
    assert internship_evaluations(2025) == {
        school.pk: ({good, excellent, unjudged}, {good, excellent})
    }


def test_quality_surveys_count_once_reported(school, other_school, enterprise):
    from django.core.files.base import ContentFile

    reported = QualityEvaluationSurveyFactory(school=school, enterprises=[enterprise])
    reported.report_file.save("调研报告.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    QualityEvaluationSurveyFactory(school=other_school, enterprises=[enterprise])  # no report
    assert quality_survey_records(2025) == {school.pk: frozenset({reported.pk})}
    assert quality_survey_records(2024) == {}


def test_required_documents_in_force_by_kind():
    PolicyDocumentFactory(kind="teacher_qualification", effective_on=dt.date(2025, 9, 1))
    PolicyDocumentFactory(kind="charter", effective_on=dt.date(2024, 7, 1))
    PolicyDocumentFactory(  # ended before the year's end: not in force
        kind="lead_teacher", effective_on=dt.date(2024, 1, 1), ended_on=dt.date(2025, 3, 1)
    )
    PolicyDocumentFactory(kind="other", effective_on=dt.date(2024, 1, 1))
    counts = dict(required_documents_in_force(2025))
    assert len(counts) == len(REQUIRED_DOCUMENT_KINDS) == 7
    assert counts[str(DocumentKind.TEACHER_QUALIFICATION.label)] == 1
    assert counts[str(DocumentKind.CHARTER.label)] == 1
    assert counts[str(DocumentKind.LEAD_TEACHER.label)] == 0
    assert sum(counts.values()) == 2


# --- the demo ----------------------------------------------------------------------------------


def test_demo_fills_the_clauses_believably(demo):
    from training import demo as training_demo
    from training.models import QualityEvaluationSurvey

    data = DataSet()

    def figure(code):
        return evaluate(BY_CODE[code], data, 2025, ALLIANCE_SCOPE)

    # One case at each school in 2025 (铝型材在线淬火新工艺, 钢结构机器人焊接).
    assert figure("innovations_in_class").value == 2
    # The vocational centre's career class covers local employment; the technical school's only
    # from 2026: 1 of 2 schools.
    assert figure("local_career_classes").value == Decimal("50.0")
    # Two surveys in 2025, one with its report uploaded.
    assert figure("quality_surveys").value == 1
    # The 12 cognitive internships of November 2025, two in three evaluated: 8 / 12 = 66.7 %.
    evaluated = figure("internships_evaluated").measure
    assert (evaluated.value, evaluated.numerator, evaluated.denominator) == (
        Decimal("66.7"),
        8,
        12,
    )
    documents = figure("required_documents").measure
    assert "教师资格标准与职称评聘办法" not in documents.extra["missing"]
    assert "专业带头人培养方案和考评机制" in documents.extra["missing"]
    before = QualityEvaluationSurvey.objects.count()
    training_demo.seed_quality_surveys(
        list(Organization.objects.schools()),
        {e.name: e for e in Organization.objects.enterprises()},
    )
    assert QualityEvaluationSurvey.objects.count() == before == 2


def test_local_career_classes_drill_down_to_the_schools_counted(client, demo):
    from members.models import User
    from reports.links import indicator_links
    from reports.selectors import indicator_rows

    user = User.objects.get(username="secretariat")
    client.force_login(user)
    rows = [
        r
        for r in indicator_rows(2025, ALLIANCE_SCOPE)
        if r.indicator.code == "local_career_classes"
    ]
    (link,) = indicator_links(rows, 2025, user)
    # 1 school of 2 (the vocational centre), as the demo test above works out.
    assert client.get(link["url"]).context["listed"].total == 1
    assert client.get(link["base_url"]).context["listed"].total == 2


def test_school_marks_a_career_class_as_covering_local_employment(
    client_for, school_user, school, enterprise
):
    from placements.models import OutreachEvent

    response = client_for(school_user).post(
        reverse("placements:event_create"),
        {
            "kind": "career_class",
            "title": "认识临朐：本地企业与创业故事",
            "date": "2025-11-06",
            "school": school.pk,
            "enterprises": [enterprise.pk],
            "participants": 60,
            "covers_local_employment": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert OutreachEvent.objects.get().covers_local_employment is True
    assert schools_with_local_career_class(2025) == {school.pk}
