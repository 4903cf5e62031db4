from __future__ import annotations

import datetime as dt

import pytest

from alliance import worklist

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_login_page_is_chinese_by_default(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert "登录" in response.content.decode()
    assert '<html lang="zh-CN">' in response.content.decode()


def test_english_on_request(client):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Log in" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "expected_role_label"),
    [
        ("secretariat_user", "联盟办公室"),
        ("hr_user", "企业人力资源"),
        ("school_user", "学校联络员"),
        ("council_user", "理事会成员"),
    ],
)
def test_each_role_sees_its_home(client_for, request, persona, expected_role_label):
    user = request.getfixturevalue(persona)
    response = client_for(user).get("/")
    assert response.status_code == 200
    assert expected_role_label in response.content.decode()


def test_unknown_page_is_friendly_404(client_for, council_user, settings):
    settings.DEBUG = False
    response = client_for(council_user).get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_wrong_password_shows_chinese_error(client):
    response = client.post("/accounts/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode()


# ---------------------------------------------------------------------------------------------
# Home pages as work lists, per role. "Today" is 15 October 2025: the autumn semester 2025-2,
# the second half-year; the school figures of 2025 make 2025 the dashboards' year.

TODAY = dt.date(2025, 10, 15)


@pytest.fixture
def year_2025(monkeypatch, school, enterprise):
    from tests.members.factories import SchoolYearFiguresFactory

    monkeypatch.setattr(worklist.timezone, "localdate", lambda: TODAY)
    # 40 professional teachers and 500 students: the secondment and training denominators.
    SchoolYearFiguresFactory(
        school=school, year=2025, professional_teachers=40, enrolled_students=500
    )


def _section(html: str, key: str) -> str:
    start = html.index(f'id="work-{key}"')
    return html[start : html.index("</section>", start)]


def test_secretariat_home_lists_missing_data_overdue_resolutions_meeting_imports_and_report(
    client_for, secretariat_user, school, enterprise, year_2025, django_assert_max_num_queries
):
    from alliance.models import ImportBatch, ImportStatus
    from tests.members.factories import CouncilMeetingFactory, ResolutionFactory

    CouncilMeetingFactory(date=dt.date(2025, 6, 26))  # the first half-year's meeting only
    ResolutionFactory(text="完成实训基地挂牌", owner=enterprise, due_on=dt.date(2025, 9, 30))
    ResolutionFactory(text="年底前修订章程", owner=enterprise, due_on=dt.date(2025, 12, 31))
    ImportBatch.objects.create(
        register="students",
        user=secretariat_user,
        file_name="学生名册.xlsx",
        status=ImportStatus.READY,
    )
    ImportBatch.objects.create(
        register="students",
        user=secretariat_user,
        file_name="旧名册.xlsx",
        status=ImportStatus.DONE,
    )
    client = client_for(secretariat_user)
    client.get("/")  # the year's figures computed and stored (reports/figures.py)
    # Session and user, the figures' version and the stored data coverage, resolutions,
    # meetings, import batches, report runs
    with django_assert_max_num_queries(12):
        html = client.get("/").content.decode()

    coverage = _section(html, "coverage")
    assert "2025" in coverage
    # The school entered its figures but no secondment; the enterprise has no training base.
    assert "学校年度数据" not in coverage
    assert "教师入企实践：1 / 1 家未填报" in coverage
    assert school.name in coverage and enterprise.name in coverage
    resolutions = _section(html, "resolutions")
    assert "完成实训基地挂牌" in resolutions and "2025-09-30" in resolutions
    assert "年底前修订章程" not in resolutions
    assert "应于 2025-12-31 前召开常规会议" in _section(html, "meeting")
    imports = _section(html, "imports")
    assert "学生名册.xlsx" in imports and "旧名册.xlsx" not in imports
    assert "2025 年度报告尚未生成" in _section(html, "report")


def test_secretariat_report_status_follows_the_runs(client_for, secretariat_user, year_2025):
    from reports.models import AnnualReport, ReportStatus

    run = AnnualReport.objects.create(year=2025, status=ReportStatus.RUNNING, stage="正在排版 PDF")
    client = client_for(secretariat_user)
    report = _section(client.get("/").content.decode(), "report")
    assert "2025 年度报告正在生成" in report and f"/reports/runs/{run.pk}/" in report
    AnnualReport.objects.filter(pk=run.pk).update(status=ReportStatus.DONE)
    report = _section(client.get("/").content.decode(), "report")
    assert "2025 年度报告已生成，请检查后发布" in report


def test_hr_home_lists_its_hires_to_confirm_and_unmet_obligations(
    client_for, hr_user, enterprise, other_enterprise, year_2025, django_assert_max_num_queries
):
    from placements.models import HireStatus
    from tests.placements.factories import GraduatePlacementFactory
    from tests.training.factories import TeacherStationFactory

    GraduatePlacementFactory.create_batch(2, employer=enterprise)
    GraduatePlacementFactory(employer=enterprise, hire_status=HireStatus.CONFIRMED)
    GraduatePlacementFactory(employer=other_enterprise)  # another enterprise's hire
    TeacherStationFactory(enterprise=enterprise)  # its station obligation is met
    client = client_for(hr_user)
    client.get("/")  # the year's figures computed and stored (reports/figures.py)
    # Session and user, pending hires, follow-ups due, assessments to score, overdue tasks,
    # imports, the figures' version and the enterprise's stored line
    with django_assert_max_num_queries(14):
        html = client.get("/").content.decode()

    assert "2 名毕业生登记为本企业录用" in _section(html, "hires")
    assert "/placements/hires/" in _section(html, "hires")
    obligations = _section(html, "obligations")
    # No training base: 0 of 1 member enterprises, 0% against the plan's 100%.
    assert "企业技能实训基地覆盖率" in obligations and "当前 0%，目标 ≥ 100%" in obligations
    assert "教师活动站覆盖率" not in obligations
    assert "data coverage" not in html.lower() and 'id="work-coverage"' not in html


def test_school_home_lists_missing_figures_open_targets_and_events_due(
    client_for, school_user, school, other_school, year_2025, django_assert_max_num_queries
):
    from placements.models import OutreachKind
    from tests.members.factories import SchoolYearFiguresFactory
    from tests.placements.factories import OutreachEventFactory
    from tests.training.factories import SecondmentFactory, TeacherFactory, TrainingProgrammeFactory

    SchoolYearFiguresFactory(school=other_school, year=2023)
    # 1 seconded professional teacher of 40: 1 / 40 = 2.5%, under the 5% target.
    SecondmentFactory(teacher=TeacherFactory(school=school))
    # 1,000 person-times for 500 students: 1000 / 500 = 2.00, the 2× target is met.
    TrainingProgrammeFactory(school=school, participants=1000)
    OutreachEventFactory(school=school, kind=OutreachKind.PARENTS_VISIT, date=dt.date(2025, 9, 20))
    OutreachEventFactory(school=other_school, kind=OutreachKind.PROMOTION_WEEK, date=TODAY)
    client = client_for(school_user)
    client.get("/")  # the year's figures computed and stored (reports/figures.py)
    # Session and user, figure years, events, imports, the figures' version and the school's
    # stored line
    with django_assert_max_num_queries(15):
        html = client.get("/").content.decode()

    figures = _section(html, "figures")
    # 2023 and 2024 missing (another school's 2023 figures do not count); 2025 entered.
    assert "2023" in figures and "2024" in figures and "2025" not in figures
    targets = _section(html, "targets")
    assert "2.5%" in targets and "≥ 5%" in targets
    assert "2.00" not in targets
    events = _section(html, "events")
    assert "2025-2" in events
    assert "企业宣传周" in events and "家长企业行" not in events
    assert "毕业生就业推荐会" in events


def test_council_home_lists_the_indicators_not_met_with_links(
    client_for, council_user, enterprise, year_2025, django_assert_max_num_queries
):
    from tests.training.factories import TeacherStationFactory

    TeacherStationFactory(enterprise=enterprise)  # station coverage 1 / 1 = 100%: met
    client = client_for(council_user)
    client.get("/")  # the year's figures computed and stored (reports/figures.py)
    # Session and user, the figures' version and the alliance's stored row
    with django_assert_max_num_queries(10):
        html = client.get("/").content.decode()

    indicators = _section(html, "indicators")
    # Training bases: 0 of 1 member enterprises = 0%.
    assert "企业技能实训基地覆盖率" in indicators and "当前 0%" in indicators
    assert "教师活动站覆盖率" not in indicators
    assert 'href="/reports/dashboard/?year=2025"' in indicators
    assert 'id="work-hires"' not in html and 'id="work-coverage"' not in html


def test_council_home_queries_do_not_grow_with_the_records(client_for, council_user, year_2025):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.tasks import refresh_figures
    from tests.members.factories import EnterpriseFactory
    from tests.training.factories import TeacherStationFactory

    client = client_for(council_user)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for enterprise in EnterpriseFactory.create_batch(5):
        TeacherStationFactory(enterprise=enterprise)
    with CaptureQueriesContext(connection) as stale:
        html = client.get("/").content.decode()
    # Until the worker's refresh the list reads the stored figures, saying so, as cheaply.
    assert "数据正在更新" in _section(html, "indicators")
    assert len(stale) == len(few)
    refresh_figures()
    with CaptureQueriesContext(connection) as many:
        html = client.get("/").content.decode()
    assert len(many) == len(few)
    assert "数据正在更新" not in html
