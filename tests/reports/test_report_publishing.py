"""The report as a county publishes it: the secretariat's texts, Chinese chapter numbers, a
tagged PDF named in Chinese, and publication only after a confirmation."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reports.models import AnnualReport, ReportNarrative, ReportStatus
from reports.services import narrative_save, report_build_now
from tests.members.factories import SchoolYearFiguresFactory

pytestmark = pytest.mark.django_db

PRACTICES = "联盟全年召开理事会会议两次，组织成员企业与学校共建实训基地。\n推动订单班扩面提质。"


@pytest.fixture
def year_2025(school, enterprise):
    SchoolYearFiguresFactory(
        school=school, year=2025, enrolled_students=1200, professional_teachers=80, graduates=300
    )


def _text(report: AnnualReport) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", report.pdf.path, "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_the_secretariats_texts_are_chapters_of_the_report(year_2025, secretariat_user):
    narrative_save(
        year=2025, practices=PRACTICES, cases="", problems="部分企业尚未设立教师活动站。"
    )
    report = report_build_now(year=2025, requested_by=secretariat_user)
    assert report.status == ReportStatus.DONE, report.error
    text = _text(report)
    # Chapters 一 (overview), 二 (the practices written by the secretariat), then the figures;
    # no empty "typical cases" chapter; the problems chapter before the indicator table.
    assert "一、联盟概况" in text and "二、主要做法与成效" in text and "三、合作平台" in text
    assert "联盟全年召开理事会会议两次" in text and "推动订单班扩面提质" in text
    assert "、典型案例" not in text
    assert text.index("存在问题与改进措施") < text.index(
        "实施方案指标完成情况", text.index("目录") + 200
    )
    # The run keeps the words it was built with, whatever is written later.
    narrative_save(year=2025, practices="改写后的文字", cases="", problems="")
    report.refresh_from_db()
    assert report.narrative["practices"] == PRACTICES


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_the_published_pdf_is_named_in_chinese_tagged_and_free_of_english_codes(client, year_2025):
    """One build for three properties of the public file (a build costs seconds)."""
    report = report_build_now(year=2025)
    report.is_published = True
    report.save()
    response = client.get(reverse("reports:published_pdf", args=[report.pk]))
    # 临朐县产教融合发展联盟2025年度质量报告.pdf, percent-encoded in the header
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert (
        "2025%E5%B9%B4%E5%BA%A6%E8%B4%A8%E9%87%8F%E6%8A%A5%E5%91%8A.pdf"
        in (response["Content-Disposition"])
    )

    with report.pdf.open("rb") as handle:
        pdf = PdfReader(io.BytesIO(handle.read()))
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    assert str(catalog["/Lang"]).lower().startswith("zh")
    assert "2025" in str(pdf.metadata.title)

    text = _text(report)
    for code in ("base_coverage", "secondment_rate", "training_ratio", "council_meetings"):
        assert code not in text


def test_publishing_asks_first_and_publishes_only_on_confirmation(client_for, secretariat_user):
    report = AnnualReport.objects.create(year=2025, status=ReportStatus.DONE)
    client = client_for(secretariat_user)
    url = reverse("reports:run_publish", args=[report.pk])
    page = client.get(url)
    assert page.status_code == 200 and "确认发布2025年度质量报告？" in page.content.decode()
    report.refresh_from_db()
    assert not report.is_published
    client.post(url)
    report.refresh_from_db()
    assert report.is_published


def test_narrative_page_saves_the_years_texts(client_for, secretariat_user, council_user):
    url = reverse("reports:narrative")
    assert client_for(council_user).get(url).status_code == 403
    client = client_for(secretariat_user)
    response = client.post(
        f"{url}?year=2025", {"practices": PRACTICES, "cases": "", "problems": ""}, follow=True
    )
    assert "已保存" in response.content.decode()
    assert ReportNarrative.objects.get(year=2025).practices == PRACTICES


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (12, "十二"), (20, "二十"), (21, "二十一")],
)
def test_chapters_are_numbered_the_chinese_way(n, expected):
    from reports.document import chinese_number

    assert chinese_number(n) == expected
