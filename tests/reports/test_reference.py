"""A small alliance whose figures were worked out by hand (issue 11, item 8).

Every expected value below is written by hand, with its arithmetic, and never computed by the
code under test. The same figures are then read from ``kpi``, the dashboard, the obligation
page, the council page and the PDF text: they must all agree with the hand figures.

The data set: two member schools (甲, 乙), two member enterprises (甲, 乙) and one enterprise that
withdrew in June 2024 (退出), records across 2024 and 2025, and the boundary cases of the plan:
school 甲 seconds exactly 5 % of its professional teachers and trains exactly twice its enrolment.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse

from members.models import OrganizationStatus
from placements.models import EmployerLocation
from reports.models import ReportStatus
from reports.services import report_build_now
from tests.members.factories import (
    CouncilMeetingFactory,
    EnterpriseFactory,
    SchoolFactory,
    SchoolYearFiguresFactory,
)
from tests.placements.factories import GraduatePlacementFactory, StudentFactory
from tests.training.factories import (
    SecondmentFactory,
    TeacherFactory,
    TrainingBaseFactory,
    TrainingProgrammeFactory,
)

pytestmark = pytest.mark.django_db

# code -> (value text, numerator / denominator or "", met)
EXPECTED_2025 = {
    # 厂中校: 甲 has a base, 乙 none; 退出's base does not count (no member in 2025): 1 / 2
    "base_coverage": ("50%", "1 / 2", False),
    # seconded professional teachers: 甲 2, 乙 0 (a non-professional teacher does not count);
    # professional teachers 40 + 20 = 60; 2 × 100 / 60 = 3.33… → 3.3 %, below 5 %
    "secondment_rate": ("3.3%", "2 / 60", False),
    # person-times 1000 + 500 = 1500; enrolled 500 + 300 = 800; 1500 / 800 = 1.875 → 1.88 < 2
    "training_ratio": ("1.88", "1,500 / 800", False),
    # 2025 graduates of 甲 employed: 4, of whom 3 in the county: 75.0 %; 2024: 2 / 4 = 50.0 %,
    # so it rose
    "local_employment_rate": ("75%", "3 / 4", True),
    # of the 4 employed, 1 works at 甲 (a member); the one at 退出 is no member employment
    "alliance_employment_rate": ("25%", "1 / 4", None),
    # two regular meetings, in March and April: both in the first half-year, so not met
    "council_meetings": ("2", "", False),
}
# per school (secondment rate, training ratio)
SCHOOLS_2025 = {
    # 甲: 2 / 40 = exactly 5.0 % (met); 1000 / 500 = exactly 2.00 (met)
    "甲职业学校": (("5%", "2 / 40", True), ("2", "1,000 / 500", True)),
    # 乙: 0 / 20 = 0.0 %; 500 / 300 = 1.666… → 1.67
    "乙职业学校": (("0%", "0 / 20", False), ("1.67", "500 / 300", False)),
}


@pytest.fixture
def alliance():
    school_a = SchoolFactory(name="甲职业学校")
    school_b = SchoolFactory(name="乙职业学校")
    enterprise_a = EnterpriseFactory(name="甲企业")
    EnterpriseFactory(name="乙企业")
    gone = EnterpriseFactory(
        name="退出企业",
        joined_on=dt.date(2023, 12, 8),
        left_on=dt.date(2024, 6, 30),
        status=OrganizationStatus.WITHDRAWN,
    )
    SchoolYearFiguresFactory(
        school=school_a, year=2025, enrolled_students=500, professional_teachers=40
    )
    SchoolYearFiguresFactory(
        school=school_b, year=2025, enrolled_students=300, professional_teachers=20
    )
    TrainingBaseFactory(enterprise=enterprise_a)
    TrainingBaseFactory(enterprise=gone)
    for _ in range(2):
        SecondmentFactory(teacher=TeacherFactory(school=school_a), enterprise=enterprise_a)
    SecondmentFactory(
        teacher=TeacherFactory(school=school_b, is_professional=False), enterprise=enterprise_a
    )
    TrainingProgrammeFactory(school=school_a, participants=1000, enterprises=[enterprise_a])
    TrainingProgrammeFactory(school=school_b, participants=500)
    for year, employers in [
        (2024, [(None, "county"), (None, "county"), (None, "city"), (None, "elsewhere")]),
        (2025, [(enterprise_a, "county"), (gone, "county"), (None, "county"), (None, "city")]),
    ]:
        for employer, location in employers:
            GraduatePlacementFactory(
                student=StudentFactory(school=school_a),
                graduation_year=year,
                employer=employer,
                employer_name="" if employer else "某非成员公司",
                employer_location=EmployerLocation(location),
            )
    CouncilMeetingFactory(date=dt.date(2025, 3, 10))
    CouncilMeetingFactory(date=dt.date(2025, 4, 20))


def _as_expected(row) -> tuple:
    return (row.value_text, row.fraction_text, row.met)


def test_kpi_gives_the_hand_figures(alliance):
    out = io.StringIO()
    call_command("kpi", year=2025, stdout=out)
    rows = {r["code"]: r for r in json.loads(out.getvalue())["indicators"]}
    for code, (value, fraction, met) in EXPECTED_2025.items():
        row = rows[code]
        got = (
            f"{row['numerator']:,} / {row['denominator']:,}"
            if row["denominator"] is not None
            else ""
        )
        assert (row["value_text"], got, row["met"]) == (value, fraction, met), code


def test_dashboard_gives_the_hand_figures(client_for, council_user, alliance):
    response = client_for(council_user).get(reverse("reports:dashboard"), {"year": 2025})
    rows = {card["row"].indicator.code: card["row"] for card in response.context["cards"]}
    for code, expected in EXPECTED_2025.items():
        assert _as_expected(rows[code]) == expected, code


def test_obligation_page_gives_the_hand_figures(client_for, secretariat_user, alliance):
    response = client_for(secretariat_user).get(reverse("reports:obligations"), {"year": 2025})
    alliance_rows = {i["row"].indicator.code: i["row"] for i in response.context["alliance"]}
    for code in ("base_coverage", "secondment_rate", "training_ratio"):
        assert _as_expected(alliance_rows[code]) == EXPECTED_2025[code], code
    schools = {
        line.name: tuple(_as_expected(i["row"]) for i in items)
        for line, items in response.context["schools"]
    }
    assert schools == SCHOOLS_2025
    enterprises = [line.name for line, _items in response.context["enterprises"]]
    assert sorted(enterprises) == sorted(["甲企业", "乙企业"])  # 退出 is no member in 2025


def test_council_page_gives_the_hand_figure(client_for, council_user, alliance):
    response = client_for(council_user).get(reverse("members:council"), {"year": 2025})
    row = response.context["sections"][0].context["row"]
    assert _as_expected(row) == EXPECTED_2025["council_meetings"]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_pdf_text_gives_the_hand_figures(alliance):
    report = report_build_now(year=2025)
    assert report.status == ReportStatus.DONE, report.error
    text = subprocess.run(
        ["pdftotext", "-layout", report.pdf.path, "-"], capture_output=True, text=True, check=True
    ).stdout
    table = text.split("7 实施方案指标完成情况")[-1].split("8 成员学校与企业指标一览")[0]
    flat = re.sub(r"\s+", "", table)
    for code, (value, fraction, _met) in EXPECTED_2025.items():
        assert value in table, code
        assert fraction.replace(" ", "") in flat, code


def test_scorecards_give_the_hand_figures_with_their_fractions(
    client_for, secretariat_user, alliance
):
    response = client_for(secretariat_user).get(reverse("reports:scorecards"), {"year": 2025})
    lines = {line.name: line for line in response.context["school_lines"]}
    for name, expected in SCHOOLS_2025.items():
        cells = {cell.code: cell for cell in lines[name].cells}
        got = tuple(
            (cells[code].text, cells[code].fraction, cells[code].met)
            for code in ("secondment_rate", "training_ratio")
        )
        assert got == expected, name
    assert "1,000 / 500" in response.content.decode()
