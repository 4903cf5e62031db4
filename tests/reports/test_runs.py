"""Annual report runs: request, claim, build, publish, failures, stale workers, broker down."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import AnnualReport, ReportStatus
from reports.tasks import fail_stale_reports

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_year(fake_selectors):
    from tests.reports.test_indicators import YEAR_2024, YEAR_2025

    fake_selectors({2025: YEAR_2025, 2024: YEAR_2024})


def _start(client, django_capture_on_commit_callbacks, year=2025):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:runs"), {"year": year})
    return response


def test_secretariat_starts_a_run_and_it_finishes(
    client_for, secretariat_user, small_year, django_capture_on_commit_callbacks
):
    client = client_for(secretariat_user)
    response = _start(client, django_capture_on_commit_callbacks)
    report = AnnualReport.objects.get()
    assert response["Location"] == reverse("reports:run_detail", args=[report.pk])
    assert report.status == ReportStatus.DONE, report.error
    assert report.requested_by == secretariat_user
    assert report.pages >= 8 and len(report.sha256) == 64
    assert report.pdf.read(5) == b"%PDF-"
    assert report.started_at <= report.finished_at
    page = client.get(reverse("reports:run_detail", args=[report.pk]))
    assert "发布" in page.content.decode()


def test_progress_fragment_polls_until_finished(client_for, secretariat_user):
    report = AnnualReport.objects.create(
        year=2025,
        status=ReportStatus.RUNNING,
        progress=50,
        stage="正在排版 PDF",
        started_at=timezone.now(),
    )
    response = client_for(secretariat_user).get(
        reverse("reports:run_detail", args=[report.pk]), HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert (
        "<html" not in content and 'hx-trigger="every 1s"' in content and "正在排版 PDF" in content
    )
    AnnualReport.objects.filter(pk=report.pk).update(status=ReportStatus.FAILED, error="boom")
    content = (
        client_for(secretariat_user)
        .get(reverse("reports:run_detail", args=[report.pk]), HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert "hx-trigger" not in content and "boom" in content


def test_a_claimed_run_is_not_built_twice(small_year):
    report = AnnualReport.objects.create(year=2025)
    assert services.report_generate(report_id=report.pk).status == ReportStatus.DONE
    sha = AnnualReport.objects.get(pk=report.pk).sha256
    assert services.report_generate(report_id=report.pk) is None  # already done: nothing to claim
    running = AnnualReport.objects.create(
        year=2025, status=ReportStatus.RUNNING, started_at=timezone.now()
    )
    assert services.report_generate(report_id=running.pk) is None
    assert AnnualReport.objects.get(pk=report.pk).sha256 == sha


def test_a_broken_build_is_recorded_as_failed(small_year, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("template exploded")

    monkeypatch.setattr(services, "build_html", broken)
    report = AnnualReport.objects.create(year=2025)
    services.report_generate(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and "template exploded" in report.error


def test_a_transient_error_gives_the_run_back_to_the_queue(small_year, monkeypatch):
    from django.db import OperationalError

    def flaky(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "build_html", flaky)
    report = AnnualReport.objects.create(year=2025)
    with pytest.raises(services.TransientReportError):
        services.report_generate(report_id=report.pk)
    assert AnnualReport.objects.get(pk=report.pk).status == ReportStatus.QUEUED


def test_task_retries_a_transient_error_then_succeeds(small_year, monkeypatch):
    from reports import document
    from reports.tasks import generate_annual_report

    real = document.build_html
    calls = []

    def flaky_once(year, **kwargs):
        calls.append(year)
        if len(calls) == 1:
            from django.db import OperationalError

            raise OperationalError("connection reset")
        return real(year, **kwargs)

    monkeypatch.setattr(services, "build_html", flaky_once)
    report = AnnualReport.objects.create(year=2025)
    # Eager mode runs the retry at once, then reports it as a Retry.
    generate_annual_report.apply(args=[report.pk], throw=False)
    report.refresh_from_db()
    assert len(calls) == 2 and report.status == ReportStatus.DONE


def test_a_run_whose_worker_died_is_marked_failed_and_can_be_restarted(
    client_for, secretariat_user, small_year, django_capture_on_commit_callbacks
):
    long_ago = timezone.now() - dt.timedelta(hours=2)
    report = AnnualReport.objects.create(
        year=2025, status=ReportStatus.RUNNING, started_at=long_ago, progress=50
    )
    client = client_for(secretariat_user)
    # Pages change nothing on GET: the run stays as it is until the periodic check.
    client.get(reverse("reports:runs"))
    client.get(reverse("reports:run_detail", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.RUNNING
    assert fail_stale_reports() == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and "停止" in report.error
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:run_restart", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.error == ""


def test_a_recent_running_run_is_left_alone():
    report = AnnualReport.objects.create(
        year=2025, status=ReportStatus.RUNNING, started_at=timezone.now()
    )
    assert services.report_fail_stale() == 0
    assert AnnualReport.objects.get(pk=report.pk).status == ReportStatus.RUNNING


def test_a_long_run_that_still_beats_is_left_alone_and_a_silent_one_fails(settings):
    settings.REPORT_STALE_SECONDS = 120
    now = timezone.now()
    started = now - dt.timedelta(minutes=30)
    beating = AnnualReport.objects.create(
        year=2025, status=ReportStatus.RUNNING, started_at=started, heartbeat_at=now
    )
    silent = AnnualReport.objects.create(
        year=2024,
        status=ReportStatus.RUNNING,
        started_at=started,
        heartbeat_at=now - dt.timedelta(seconds=121),
    )
    assert services.report_fail_stale(now=now) == 1
    assert AnnualReport.objects.get(pk=beating.pk).status == ReportStatus.RUNNING
    failed = AnnualReport.objects.get(pk=silent.pk)
    assert failed.status == ReportStatus.FAILED and failed.can_restart


@pytest.mark.django_db(transaction=True)  # the heartbeat thread has its own connection
def test_a_worker_stamps_a_heartbeat_while_it_builds(small_year, settings, monkeypatch):
    settings.REPORT_HEARTBEAT_SECONDS = 0.05
    report = AnnualReport.objects.create(year=2025)
    seen = []

    def slow_render(html):
        claimed = AnnualReport.objects.get(pk=report.pk).heartbeat_at
        time.sleep(0.5)
        seen.append((claimed, AnnualReport.objects.get(pk=report.pk).heartbeat_at))
        return b"%PDF-1.7 fake", 1

    monkeypatch.setattr(services, "render_pdf", slow_render)
    services.report_generate(report_id=report.pk)
    before, after = seen[0]
    assert before is not None and after > before


def _drop_connections(app):
    # The app keeps a pool of broker connections made with the old URL: forget them.
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)  # real commits: on_commit enqueues inside the request
def test_broker_down_answers_fast_with_a_chinese_message(client_for, secretariat_user):
    """REDIS_URL pointing at a closed port: the page answers in seconds and the run is kept, failed."""
    from alliance.celery import app

    previous = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app.conf.task_always_eager = False
    _drop_connections(app)
    client = client_for(secretariat_user)
    try:
        started = time.monotonic()
        response = client.post(reverse("reports:runs"), {"year": 2025})
        elapsed = time.monotonic() - started
    finally:
        app.conf.broker_url, app.conf.task_always_eager = previous
        _drop_connections(app)
    print(f"broker down: answered in {elapsed:.2f} s")
    assert elapsed < 8, elapsed
    assert response.status_code == 302 and response["Location"] == reverse("reports:runs")
    page = client.get(reverse("reports:runs")).content.decode()
    assert "任务队列（Redis）无法连接" in page
    report = AnnualReport.objects.get()
    assert report.status == ReportStatus.FAILED and "Redis" in report.error and report.can_restart


def test_publish_then_rerun_keeps_the_published_file(
    client_for, secretariat_user, small_year, django_capture_on_commit_callbacks
):
    client = client_for(secretariat_user)
    _start(client, django_capture_on_commit_callbacks)
    first = AnnualReport.objects.get()
    client.post(reverse("reports:run_publish", args=[first.pk]))
    first.refresh_from_db()
    assert first.is_published and first.published_at
    published_bytes = first.pdf.read()
    _start(client, django_capture_on_commit_callbacks)  # the year again: a new draft
    _start(client, django_capture_on_commit_callbacks)  # and again: replaces the previous draft
    runs = list(AnnualReport.objects.order_by("pk"))
    assert len(runs) == 2 and runs[0].pk == first.pk and not runs[1].is_published
    first.refresh_from_db()
    with first.pdf.open("rb") as handle:
        assert handle.read() == published_bytes


def test_a_draft_cannot_be_published_twice_or_while_running(client_for, secretariat_user):
    report = AnnualReport.objects.create(year=2025, status=ReportStatus.RUNNING)
    client_for(secretariat_user).post(reverse("reports:run_publish", args=[report.pk]))
    assert not AnnualReport.objects.get(pk=report.pk).is_published


def test_public_page_lists_published_reports_with_open_data(
    client_for, secretariat_user, small_year
):
    draft = services.report_build_now(year=2025)
    anonymous = client_for(None)
    assert anonymous.get(reverse("reports:published_pdf", args=[draft.pk])).status_code == 404
    services.report_publish(report=draft)
    page = anonymous.get(reverse("reports:public_list")).content.decode()
    assert (
        "2025年度产教融合质量报告" in page
        and reverse("reports:published_pdf", args=[draft.pk]) in page
    )
    pdf = anonymous.get(reverse("reports:published_pdf", args=[draft.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    data = json.loads(anonymous.get(reverse("reports:published_json", args=[draft.pk])).content)
    rows = {row["code"]: row for row in data["indicators"]}
    assert rows["training_ratio"]["value"] == 2.07 and rows["training_ratio"]["formula"]
    assert rows["base_coverage"]["numerator"] == 3 and rows["base_coverage"]["denominator"] == 4
    csv_text = anonymous.get(reverse("reports:published_csv", args=[draft.pk])).content.decode(
        "utf-8-sig"
    )
    assert csv_text.splitlines()[0].startswith("code,label,unit,value")
    assert "training_ratio" in csv_text and "社会培训人次 ÷ 在校生数" in csv_text


def test_open_data_keeps_the_published_figures(client_for, small_year, fake_selectors):
    report = services.report_build_now(year=2025)
    services.report_publish(report=report)
    fake_selectors({})  # the records change (here: vanish) after publication
    data = json.loads(
        client_for(None).get(reverse("reports:published_json", args=[report.pk])).content
    )
    assert {row["code"]: row for row in data["indicators"]}["training_ratio"]["value"] == 2.07


def test_only_the_secretariat_opens_drafts(client_for, council_user, small_year):
    report = services.report_build_now(year=2025)
    assert (
        client_for(council_user).get(reverse("reports:run_pdf", args=[report.pk])).status_code
        == 403
    )
    assert client_for(None).get(reverse("reports:run_pdf", args=[report.pk])).status_code == 302


def test_a_future_year_is_refused(client_for, secretariat_user):
    response = client_for(secretariat_user).post(
        reverse("reports:runs"), {"year": timezone.localdate().year + 1}
    )
    assert (
        response.status_code == 200 and "只能为已经开始的年度生成报告" in response.content.decode()
    )
    assert not AnnualReport.objects.exists()


def test_a_queued_run_nobody_took_is_failed_after_an_hour():
    report = AnnualReport.objects.create(year=2025)
    AnnualReport.objects.filter(pk=report.pk).update(
        requested_at=timezone.now() - dt.timedelta(hours=2)
    )
    assert services.report_fail_stale() == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and "Celery" in report.error


def test_finished_run_page_shows_its_indicator_table(client_for, secretariat_user, small_year):
    report = services.report_build_now(year=2025)
    content = (
        client_for(secretariat_user)
        .get(reverse("reports:run_detail", args=[report.pk]))
        .content.decode()
    )
    assert 'id="run-indicators"' in content and "2.07" in content


def test_open_data_csv_neutralises_formula_cells(client_for):
    report = AnnualReport.objects.create(
        year=2025,
        status=ReportStatus.DONE,
        is_published=True,
        published_at=timezone.now(),
        indicators=[
            {
                "code": "x",
                "label": '=HYPERLINK("http://evil.example","点击")',
                "unit": "+1",
                "value": -3,
                "target_text": "@SUM(A1)",
                "met": True,
            }
        ],
    )
    response = client_for(None).get(reverse("reports:published_csv", args=[report.pk]))
    row = response.content.decode("utf-8-sig").splitlines()[1]
    assert "'=HYPERLINK" in row and ",'+1," in row and "'@SUM(A1)" in row
    # Numbers stay numbers: a negative value is data, not a formula.
    assert ",-3," in row


def test_default_settings_fail_a_dead_workers_run_within_ten_minutes(settings):
    # Silent for REPORT_STALE_SECONDS after the last beat, then seen at the next minutely check.
    check_every = settings.CELERY_BEAT_SCHEDULE["reports-fail-stale"]["schedule"]
    worst = settings.REPORT_HEARTBEAT_SECONDS + settings.REPORT_STALE_SECONDS + check_every
    assert worst <= 10 * 60
