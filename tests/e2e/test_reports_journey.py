"""The secretariat builds the 2025 report in the browser, publishes it, the public downloads it."""

from __future__ import annotations

import pytest

from reports.indicators import INDICATORS

pytestmark = pytest.mark.e2e


def test_secretariat_builds_and_publishes_the_2025_report(
    demo, login, page, live_server, browser, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    login("secretariat")
    page.goto(f"{live_server.url}/reports/runs/")
    page.fill("#start-run input[name=year]", "2025")
    page.click("#start-run button[type=submit]")  # eager Celery in tests: built during the request
    page.wait_for_selector("#run-progress[data-status=done]", timeout=90_000)
    assert "已完成" in page.inner_text("#run-status")
    page.screenshot(path="/tmp/reports-run.png", full_page=True)
    pdf = page.request.get(live_server.url + page.get_attribute("#open-pdf", "href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF-")

    page.click("#publish")
    page.wait_for_load_state()
    # Publishing cannot be undone: the portal asks first, and nothing is public before the answer.
    assert "确认发布2025年度质量报告？" in page.inner_text("h1")
    page.click("#confirm-button")
    page.wait_for_load_state()
    assert "报告已发布到公开页面" in page.inner_text("body")

    anonymous = browser.new_context(locale="zh-CN")
    public = anonymous.new_page()
    public.goto(f"{live_server.url}/reports/")
    assert "2025年度产教融合质量报告" in public.inner_text("#published-reports")
    public.screenshot(path="/tmp/reports-public.png", full_page=True)
    link = public.locator("#published-reports .list-group-item", has_text="2025").locator(
        "a", has_text="PDF"
    )
    download = public.request.get(live_server.url + link.get_attribute("href"))
    assert download.ok and download.headers["content-type"] == "application/pdf"
    assert download.body().startswith(b"%PDF-")
    data = public.request.get(
        live_server.url
        + public.locator("#published-reports .list-group-item", has_text="2025")
        .locator("a", has_text="JSON")
        .get_attribute("href")
    ).json()
    assert data["year"] == 2025 and len(data["indicators"]) == len(INDICATORS)
    anonymous.close()


def test_dashboards_draw_their_charts(demo, login, page, live_server):
    login("secretariat")
    page.goto(f"{live_server.url}/reports/dashboard/?year=2025")
    page.wait_for_selector("#chart-bars canvas")
    page.wait_for_selector("#chart-trends canvas")
    assert "实施方案指标完成情况" in page.inner_text("body")
    page.screenshot(path="/tmp/reports-dashboard.png", full_page=True)
    page.goto(f"{live_server.url}/reports/scorecards/?year=2025")
    page.screenshot(path="/tmp/reports-scorecards.png", full_page=True)
    page.goto(f"{live_server.url}/reports/coverage/?year=2025")
    page.screenshot(path="/tmp/reports-coverage.png", full_page=True)


def test_hr_opens_the_enterprise_obligation_scorecard(demo, login, page, live_server):
    login("hr")
    page.goto(f"{live_server.url}/reports/scorecards/mine/?year=2025")
    page.wait_for_selector("#chart-trends canvas")
    assert "山东华建铝业集团有限公司" in page.inner_text("h1")
    page.screenshot(path="/tmp/reports-hr-scorecard.png", full_page=True)
