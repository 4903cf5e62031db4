"""The annual report PDF: built from real records through the other apps' selectors, its text
holds the Chinese section titles and exactly the figures ``kpi`` prints, fonts embedded."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.management import call_command

from placements.models import Destination, EmployerLocation, OutreachKind
from reports.models import ReportStatus
from reports.services import report_build_now
from tests.members.factories import CouncilMeetingFactory, SchoolYearFiguresFactory
from tests.placements.factories import (
    CareerMentorFactory,
    GraduatePlacementFactory,
    OutreachEventFactory,
    StudentFactory,
)
from tests.training.factories import (
    CraftsmanFactory,
    SecondmentFactory,
    TeacherFactory,
    TeacherStationFactory,
    TeachingAssignmentFactory,
    TrainingBaseFactory,
    TrainingProgrammeFactory,
)

pytestmark = pytest.mark.django_db

SECTION_TITLES = [
    "目录",
    "联盟概况",
    "合作平台：校中厂与厂中校",
    "师资队伍：教师入企实践与工匠入校任教",
    "校企协同育人",
    "毕业生留临就业",
    "企业文化宣传",
    "组织保障：制度、办公室、专家咨询与工作计划",
    "实施方案指标完成情况",
    "成员学校与企业指标一览",
    "数据覆盖情况说明",
]


@pytest.fixture
def alliance_2025(school, other_school, enterprise, other_enterprise):
    """Two schools, two enterprises; figures chosen so that every indicator has a value."""
    SchoolYearFiguresFactory(
        school=school, year=2025, enrolled_students=100, professional_teachers=20, graduates=30
    )
    SchoolYearFiguresFactory(
        school=other_school, year=2025, enrolled_students=50, professional_teachers=10, graduates=10
    )
    TrainingBaseFactory(enterprise=enterprise)
    TeacherStationFactory(enterprise=enterprise)
    SecondmentFactory(teacher=TeacherFactory(school=school), enterprise=enterprise)
    TrainingProgrammeFactory(school=school, participants=250)
    # 600.0 hours of teaching: the report prints "600学时", never "600.0学时"
    TeachingAssignmentFactory(
        craftsman=CraftsmanFactory(enterprise=enterprise), school=school, hours=Decimal("600.0")
    )
    CareerMentorFactory(enterprise=enterprise)
    CareerMentorFactory(enterprise=other_enterprise)
    OutreachEventFactory(school=school, kind=OutreachKind.PARENTS_VISIT, date=dt.date(2025, 4, 20))
    OutreachEventFactory(school=school, kind=OutreachKind.PROMOTION_WEEK, date=dt.date(2025, 5, 20))
    OutreachEventFactory(
        school=school, kind=OutreachKind.RECOMMENDATION_FAIR, date=dt.date(2025, 6, 1)
    )
    OutreachEventFactory(
        school=school,
        kind=OutreachKind.CHAIRMAN_VISIT,
        date=dt.date(2025, 10, 9),
        enterprises=[other_enterprise],
    )
    for location in [EmployerLocation.COUNTY, EmployerLocation.COUNTY, EmployerLocation.CITY]:
        GraduatePlacementFactory(
            student=StudentFactory(school=school), employer=enterprise, employer_location=location
        )
    GraduatePlacementFactory(
        student=StudentFactory(school=school),
        employer=None,
        employer_name="外地某公司",
        employer_location=EmployerLocation.ELSEWHERE,
    )
    GraduatePlacementFactory(
        student=StudentFactory(school=other_school),
        destination=Destination.FURTHER_STUDY,
        employer=None,
        employer_location="",
        job="",
    )
    CouncilMeetingFactory(date=dt.date(2025, 6, 30))
    CouncilMeetingFactory(date=dt.date(2025, 12, 20))


def kpi_json(year: int = 2025) -> dict:
    out = io.StringIO()
    call_command("kpi", year=year, stdout=out)
    return json.loads(out.getvalue())


def test_kpi_json_has_the_issue_shape(alliance_2025):
    payload = kpi_json()
    assert payload["year"] == 2025 and payload["scope"] == "alliance"
    row = payload["indicators"][0]
    assert list(row)[:7] == ["code", "label", "value", "target", "met", "numerator", "denominator"]
    rows = {r["code"]: r for r in payload["indicators"]}
    assert rows["base_coverage"]["value"] == 50.0 and rows["base_coverage"]["met"] is False
    assert (
        rows["secondment_rate"]["numerator"] == 1 and rows["secondment_rate"]["denominator"] == 30
    )
    assert rows["training_ratio"]["value"] == 1.67  # 250 / 150
    assert (
        rows["local_employment_rate"]["numerator"] == 2
        and rows["local_employment_rate"]["denominator"] == 4
    )
    assert rows["mentor_coverage"]["value"] == 100.0 and rows["mentor_coverage"]["met"] is True
    assert rows["chairman_visits"]["value"] == 50.0
    assert rows["council_meetings"]["value"] == 2 and rows["council_meetings"]["met"] is True


def test_kpi_for_one_school_and_table_format(alliance_2025, school):
    out = io.StringIO()
    call_command("kpi", year=2025, school=school.pk, format="table", stdout=out)
    text = out.getvalue()
    assert "secondment_rate" in text and "5%" in text and "council_meetings" not in text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_pdf_has_the_chinese_sections_and_the_kpi_figures(alliance_2025):
    report = report_build_now(year=2025)
    assert report.status == ReportStatus.DONE, report.error
    text = subprocess.run(
        ["pdftotext", "-layout", report.pdf.path, "-"], capture_output=True, text=True, check=True
    ).stdout
    for title in SECTION_TITLES:
        assert title in text, title
    # The tagged PDF's footer extracts with or without the spaces around the numbers.
    assert "临朐县产教融合发展联盟" in text and re.search(rf"共\s*{report.pages}\s*页", text)
    # The indicator table (chapter 八, after the governance chapter 七) shows every kpi figure with the same label.
    table = text.split("八、实施方案指标完成情况")[-1].split("九、成员学校与企业指标一览")[0]
    flat = re.sub(r"\s+", "", table)
    for row in kpi_json()["indicators"]:
        assert row["value_text"] in table, row["code"]
        if row["denominator"] is not None:
            assert f"{row['numerator']}/{row['denominator']}" in flat, row["code"]
    assert report.indicators == kpi_json()["indicators"]
    assert "授课600学时" in flat_text(text) and "600.0" not in text


def flat_text(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="needs poppler-utils")
def test_pdf_embeds_the_noto_cjk_fonts_and_no_personal_data(alliance_2025):
    from placements.models import Student

    report = report_build_now(year=2025)
    fonts = subprocess.run(
        ["pdffonts", report.pdf.path], capture_output=True, text=True, check=True
    ).stdout
    lines = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert any("Noto-Sans-CJK-SC" in line for line in lines)
    assert any("Noto-Serif-CJK-SC" in line for line in lines)
    # Bold is set in the sans face: the serif's bold file (27 MB) is never loaded to be embedded.
    assert not any("Noto-Serif-CJK-SC-Bold" in line for line in lines)
    for line in lines:
        emb = line.split()[-5]
        assert emb == "yes", line

    text = subprocess.run(
        ["pdftotext", report.pdf.path, "-"], capture_output=True, text=True, check=True
    ).stdout
    students = Student.objects.all()
    assert students  # the fixture's graduates, whose names and ID numbers must not print
    for student in students:
        assert student.name not in text and student.national_id not in text


def test_kpi_for_one_enterprise(alliance_2025, enterprise):
    out = io.StringIO()
    call_command("kpi", year=2025, enterprise=enterprise.pk, stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["scope"] == f"enterprise:{enterprise.pk}"
    rows = {r["code"]: r for r in payload["indicators"]}
    assert rows["base_coverage"]["value"] == 100 and rows["base_coverage"]["met"] is True
    assert "secondment_rate" not in rows


def test_build_report_prints_the_pdf_path(alliance_2025):
    out = io.StringIO()
    call_command("build_report", year=2025, stdout=out, stderr=io.StringIO())
    path = out.getvalue().strip()
    assert path.endswith(".pdf")
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_dashboards_show_no_personal_data(
    alliance_2025, client_for, council_user, enterprise, school
):
    from django.urls import reverse

    from placements.models import Student
    from training.models import Craftsman

    client = client_for(council_user)
    pages = [
        client.get(reverse("reports:dashboard"), {"year": 2025}),
        client.get(reverse("reports:scorecards"), {"year": 2025}),
        client.get(reverse("reports:school_scorecard", args=[school.pk]), {"year": 2025}),
        client.get(reverse("reports:enterprise_scorecard", args=[enterprise.pk]), {"year": 2025}),
    ]
    secrets = [s.name for s in Student.objects.all()] + [
        s.national_id for s in Student.objects.all()
    ]
    secrets += [c.phone for c in Craftsman.objects.all() if c.phone] + [
        c.name for c in Craftsman.objects.all()
    ]
    for response in pages:
        assert response.status_code == 200
        content = response.content.decode()
        for secret in secrets:
            assert secret not in content
