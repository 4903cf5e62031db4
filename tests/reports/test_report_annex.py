"""The report's long tables are an annex built and published with the PDF: an Excel workbook with
a sheet per table and a zip with a CSV file per table; the PDF keeps only the enterprises that
miss a target."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from django.urls import reverse

from reports.models import ReportStatus
from reports.services import report_build_now
from tests.members.factories import SchoolYearFiguresFactory
from tests.training.factories import (
    CraftsmanFactory,
    TeachingAssignmentFactory,
    TrainingBaseFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(school, enterprise, other_enterprise):
    SchoolYearFiguresFactory(
        school=school, year=2025, enrolled_students=1200, professional_teachers=80, graduates=300
    )
    TrainingBaseFactory(enterprise=enterprise, capacity=40, masters_count=3)
    craftsman = CraftsmanFactory(enterprise=enterprise)
    TeachingAssignmentFactory(craftsman=craftsman, school=school, hours=32)
    built = report_build_now(year=2025)
    assert built.status == ReportStatus.DONE, built.error
    return built


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _csv_files(report) -> dict[str, list[list[str]]]:
    with report.annex_csv.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        return {name: _csv_rows(archive.read(name)) for name in archive.namelist()}


def _workbook(report):
    with report.annex_xlsx.open("rb") as handle:
        return openpyxl.load_workbook(io.BytesIO(handle.read()))


SHEETS = [
    "联盟企业",
    "各校教师入企实践",
    "各校培训与订单班",
    "各校留临就业",
    "企业文化宣传",
    "校企共建专业",
    "各校共建情况",
    "各校共同开发教学成果",
    "联合订单班",
    "订单班、定向培养班和现代学徒制试点班",
    "实训基地实习",
    "职业规划导师",
    "县内毕业生优先政策",
    "各校留临人才回访",
    "各校对外交流",
    "考核结果",
    "激励支持",
    "企业文化长廊",
    "学校指标达成表",
]


def test_the_annex_has_a_sheet_and_a_csv_file_per_table(report):
    workbook = _workbook(report)
    assert workbook.sheetnames == SHEETS
    files = _csv_files(report)
    assert list(files) == [f"{n:02d}-{name}.csv" for n, name in enumerate(SHEETS, start=1)]
    # The CSV file of a sheet holds the sheet's rows, header first (Excel keeps 32 hours as
    # the number 32, the CSV as the text "32.0").
    for (_name, rows), sheet in zip(files.items(), workbook.worksheets, strict=True):
        values = [[_plain(v) for v in row] for row in sheet.values]
        assert [[_plain(v) for v in row] for row in rows] == values


def _plain(value):
    if value is None:
        return ""
    try:
        return float(value)
    except ValueError:
        return str(value)


def test_the_annex_has_one_row_per_member_enterprise(report, enterprise, other_enterprise):
    rows = _csv_files(report)["01-联盟企业.csv"]
    header, body = rows[0], {row[0]: row for row in rows[1:]}
    assert set(body) == {enterprise.name, other_enterprise.name}
    line = dict(zip(header, body[enterprise.name], strict=True))
    # One base of capacity 40 with 3 masters; one craftsman teaching 32 hours.
    assert (line["技能实训基地（厂中校）"], line["容纳人数"], line["师傅"], line["工匠"]) == (
        "1",
        "40",
        "3",
        "1",
    )
    # The other enterprise has no base and no teacher station: both coverage targets missed.
    other = dict(zip(header, body[other_enterprise.name], strict=True))
    assert "企业技能实训基地覆盖率" in other["未达标指标"]
    sheet = _workbook(report)["联盟企业"]
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == header
    assert sheet.max_row == 3


def test_the_pdf_lists_only_the_enterprises_missing_a_target(school, enterprise, other_enterprise):
    from reports.document import report_context
    from tests.placements.factories import CareerMentorFactory, OutreachEventFactory
    from tests.training.factories import TeacherStationFactory

    # The first enterprise meets all four coverage targets; the other meets none.
    TrainingBaseFactory(enterprise=enterprise)
    TeacherStationFactory(enterprise=enterprise)
    CareerMentorFactory(enterprise=enterprise)
    OutreachEventFactory(school=school, kind="chairman_visit", enterprises=[enterprise])
    context = report_context(2025)
    # The other enterprise misses each of the four coverage targets; the first, none.
    missing = {str(item["label"]): item["names"] for item in context["enterprises_missing"]}
    assert len(missing) == 4
    assert all(names == [other_enterprise.name] for names in missing.values())
    assert (context["enterprises_missing_count"], context["enterprise_lines_total"]) == (1, 2)
    assert {row[0] for row in context["annex"].sheet("联盟企业").rows} == {
        enterprise.name,
        other_enterprise.name,
    }


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_the_pdf_points_to_the_annex(report, other_enterprise):
    text = subprocess.run(
        ["pdftotext", "-layout", report.pdf.path, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert other_enterprise.name in text[text.index("未达标企业") :]
    assert "见附件" in text


def test_the_annex_is_downloaded_from_the_public_page_once_published(client, report):
    assert client.get(reverse("reports:published_annex_csv", args=[report.pk])).status_code == 404
    report.is_published = True
    report.save()
    page = client.get(reverse("reports:public_list")).content.decode()
    assert reverse("reports:published_annex_xlsx", args=[report.pk]) in page
    response = client.get(reverse("reports:published_annex_csv", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert (
        "附件" in response["Content-Disposition"] or "filename*" in response["Content-Disposition"]
    )
    response = client.get(reverse("reports:published_annex_xlsx", args=[report.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_newer_draft_removes_the_older_drafts_annex(
    school, enterprise, django_capture_on_commit_callbacks
):
    first = report_build_now(year=2025)
    storage, names = first.annex_csv.storage, [first.annex_csv.name, first.annex_xlsx.name]
    assert all(storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        report_build_now(year=2025)
    assert not any(storage.exists(name) for name in names)


def test_outreach_keeps_in_the_pdf_only_the_semesters_missing_an_event(fake_selectors):
    from reports.document import report_context
    from reports.sources import DataSet

    both = {"parents_visit": 1, "promotion_week": 2}
    fake_selectors(
        {
            2025: {
                "member_school_ids": {1, 2},
                "outreach_by_semester": {
                    (1, "2025-1"): both,
                    (1, "2025-2"): both,
                    (2, "2025-1"): {"parents_visit": 1, "career_class": 3},
                    (2, "2025-2"): both,
                },
            }
        }
    )
    context = report_context(2025, data=DataSet())
    # Four school semesters in the annex; the PDF keeps school 2's spring, without a promotion
    # week.
    rows = context["annex"].sheet("企业文化宣传").rows
    assert [row[:4] for row in rows] == [
        ["#1", "2025-1", 1, 2],
        ["#1", "2025-2", 1, 2],
        ["#2", "2025-1", 1, 0],
        ["#2", "2025-2", 1, 2],
    ]
    assert [(r["name"], r["semester"]) for r in context["outreach_missing"]] == [("#2", "2025-1")]
    assert context["outreach_count"] == 4


def test_past_a_citys_schools_the_pdf_keeps_the_schools_missing_a_target(
    school, other_school, monkeypatch
):
    """With more member schools than the PDF prints in full (a province's 400; here more than
    one), a per-school table keeps the schools that miss its targets and the annex keeps all."""
    from reports import annex
    from reports.document import report_context
    from tests.training.factories import SecondmentFactory, TeacherFactory

    monkeypatch.setattr(annex, "SCHOOLS_IN_FULL", 1)
    # The first school seconds 1 of its 10 professional teachers (10% ≥ the 5% target); the
    # other seconds none of its 10 (0% < 5%).
    SchoolYearFiguresFactory(school=school, year=2025, professional_teachers=10)
    SchoolYearFiguresFactory(school=other_school, year=2025, professional_teachers=10)
    SecondmentFactory(teacher=TeacherFactory(school=school, is_professional=True))
    context = report_context(2025)
    teachers = context["teachers_table"]
    assert [r["name"] for r in teachers.rows] == [other_school.name]
    assert (teachers.total, teachers.missing, teachers.left_out) == (2, 1, 1)
    rows = context["annex"].sheet(teachers.sheet).rows
    assert sorted((row[0], row[3]) for row in rows) == sorted(
        [(school.name, "10%"), (other_school.name, "0%")]
    )
    # The scorecards print the other school (it misses the secondment target at least).
    lines = context["scorecards_table"]
    assert other_school.name in {line.name for line in lines.rows}
    assert {row[0] for row in context["annex"].sheet(lines.sheet).rows} == {
        school.name,
        other_school.name,
    }


def test_the_pdf_says_how_many_schools_a_shortened_table_leaves_to_the_annex(school, other_school):
    from django.template.loader import render_to_string
    from django.utils import translation

    from reports.annex import SchoolTable

    with translation.override("zh-hans"):
        shortened = render_to_string(
            "reports/pdf/_school_table_note.html",
            {"table": SchoolTable([{"name": "甲"}], total=400, missing=120, sheet="各校留临就业")},
        )
        none_missing = render_to_string(
            "reports/pdf/_school_table_note.html",
            {"table": SchoolTable([], total=400, missing=0, sheet="各校留临就业")},
        )
        no_target = render_to_string(
            "reports/pdf/_school_table_note.html",
            {"table": SchoolTable([], total=400, missing=0, sheet="各校对外交流", judged=False)},
        )
        whole = render_to_string(
            "reports/pdf/_school_table_note.html",
            {"table": SchoolTable([{"name": "甲"}], total=1, missing=0, sheet="各校留临就业")},
        )
    assert "400 所成员学校中有 120 所未达到本表的目标" in shortened
    assert "列出其中未达标项最多的 1 所" in shortened
    assert "“各校留临就业”" in shortened
    assert "全部 400 所成员学校均达到本表的目标" in none_missing
    assert "本表不涉及方案目标：全部 400 所成员学校的数据见附件" in no_target
    # A table printed whole needs no note.
    assert whole.strip() == ""


def test_a_school_table_prints_every_school_up_to_a_citys_forty():
    from reports.annex import SCHOOLS_IN_FULL, school_table

    rows = [{"name": f"学校{i:03d}", "missed": i % 3} for i in range(SCHOOLS_IN_FULL + 20)]
    whole, _sheet = school_table(
        "甲", ["学校"], rows[:SCHOOLS_IN_FULL], lambda r: [r["name"]], lambda r: r["missed"]
    )
    assert whole.rows == rows[:SCHOOLS_IN_FULL]
    # 60 schools: 40 miss one or two targets (i % 3); the 40 printed are the 20 missing two,
    # then the first 20 missing one, each group in name order.
    shortened, sheet = school_table(
        "甲", ["学校"], rows, lambda r: [r["name"]], lambda r: r["missed"]
    )
    assert [r["missed"] for r in shortened.rows] == [2] * 20 + [1] * 20
    assert shortened.rows[0]["name"] == "学校002" and shortened.rows[20]["name"] == "学校001"
    assert (shortened.total, shortened.missing, len(sheet.rows)) == (60, 40, 60)
    assert shortened.judged
    # No target applies to any school (report-only figures): the PDF prints none of the 60.
    unjudged, _sheet = school_table("甲", ["学校"], rows, lambda r: [r["name"]], lambda r: None)
    assert (unjudged.rows, unjudged.judged, unjudged.left_out) == ([], False, 60)
