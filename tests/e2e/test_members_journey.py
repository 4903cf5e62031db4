"""The secretariat's members journey in a real Chromium: register an enterprise (a wrong credit
code first), record a council meeting with a resolution, create an HR account that then logs in."""

from __future__ import annotations

import random

import pytest
from playwright.sync_api import expect

from alliance.fake_ids import credit_code

pytestmark = pytest.mark.e2e

NEW_ENTERPRISE = "临朐县联盟新材料科技有限公司"


def test_secretariat_registers_enterprise_records_meeting_and_creates_hr_account(
    demo, login, page, live_server, browser
):
    good = credit_code(random.Random("e2e-members"))
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")

    login("secretariat")
    page.goto(f"{live_server.url}/members/organisations/")
    assert "山东华建铝业集团有限公司" in page.inner_text("#register-table")
    page.screenshot(path="/tmp/members-organization-list.png", full_page=True)
    # The filters refresh only the rows (htmx) and keep the URL shareable.
    page.fill("#filters input[name=q]", "华建")
    # expect() rather than wait_for_function: the CSP forbids the eval it would need.
    expect(page.locator("#register-table tbody tr")).to_have_count(1)
    assert "q=" in page.url

    # Register: the wrong check character is refused with a Chinese message, then corrected.
    page.click("a[href='/members/organisations/new/']")
    page.select_option("select[name=kind]", "enterprise")
    page.fill("input[name=name]", NEW_ENTERPRISE)
    page.fill("input[name=credit_code]", wrong.lower())
    page.fill("input[name=industry]", "新材料")
    page.fill("textarea[name=development_status]", "新建的联盟成员企业，主营铝基新材料。")
    page.fill("input[name=wage_min]", "4800")
    page.fill("input[name=wage_max]", "7600")
    page.click("#record-form button[type=submit]")
    page.wait_for_load_state()
    error = page.inner_text(".invalid-feedback")
    assert "统一社会信用代码" in error and "校验" in error
    page.screenshot(path="/tmp/members-organization-form-error.png", full_page=True)
    page.fill("input[name=credit_code]", good)
    page.click("#record-form button[type=submit]")
    page.wait_for_load_state()
    assert NEW_ENTERPRISE in page.inner_text("h1")
    assert good in page.inner_text("#details-pane")
    page.screenshot(path="/tmp/members-organization-detail.png", full_page=True)

    # A council meeting with a resolution owned by the new enterprise.
    page.goto(f"{live_server.url}/members/meetings/new/")
    page.fill("input[name=date]", "2025-12-19")
    page.select_option("select[name=kind]", "extraordinary")
    page.select_option("select[name=status]", "held")
    page.fill("input[name=title]", "2025年理事会临时会议")
    seats = page.locator("select[name=attendees] option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    page.select_option("select[name=attendees]", seats[:5])
    page.click("#record-form button[type=submit]")
    page.wait_for_load_state()
    assert "2025年理事会临时会议" in page.inner_text("h1")
    page.click("a[href$='/resolutions/new/']")
    page.fill("textarea[name=text]", "新成员企业年内建成技能实训基地")
    page.select_option("select[name=owner]", label=NEW_ENTERPRISE)
    page.fill("input[name=due_on]", "2026-01-31")
    page.click("#record-form button[type=submit]")
    page.wait_for_load_state()
    assert "新成员企业年内建成技能实训基地" in page.inner_text("#resolutions")

    page.goto(f"{live_server.url}/members/corridor/")
    page.click("main .list-group a >> nth=0")
    assert "企业文化长廊" in page.inner_text("h1")
    page.screenshot(path="/tmp/members-corridor.png")

    page.goto(f"{live_server.url}/members/council/?year=2025")
    assert "吴维斌" in page.inner_text("#council-seats")
    page.screenshot(path="/tmp/members-council.png", full_page=True)

    # An HR account for the new enterprise; the temporary password is shown once.
    page.goto(f"{live_server.url}/members/accounts/new/")
    page.fill("input[name=username]", "hr_newmaterial")
    page.fill("input[name=full_name]", "新材料人力资源部")
    page.select_option("select[name=role]", "enterprise_hr")
    page.select_option("select[name=organization]", label=NEW_ENTERPRISE)
    page.click("#record-form button[type=submit]")
    page.wait_for_load_state()
    password = page.inner_text("#new-password").strip()
    page.screenshot(path="/tmp/members-account-password.png")
    assert len(password) >= 10

    # The new HR manager logs in from another browser and edits its own profile.
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    hr_page = context.new_page()
    hr_page.goto(f"{live_server.url}/accounts/login/")
    hr_page.fill("input[name=username]", "hr_newmaterial")
    hr_page.fill("input[name=password]", password)
    hr_page.click("main button[type=submit]")
    hr_page.wait_for_load_state()
    # The secretariat has seen that password: the manager must choose its own first.
    assert hr_page.url == f"{live_server.url}/accounts/password/"
    assert "请先设置您自己的密码" in hr_page.inner_text("#must-change")
    hr_page.fill("input[name=old_password]", password)
    hr_page.fill("input[name=new_password1]", "Xincailiao#2026")
    hr_page.fill("input[name=new_password2]", "Xincailiao#2026")
    hr_page.click("main button[type=submit]")
    hr_page.wait_for_load_state()
    hr_page.goto(f"{live_server.url}/")
    assert hr_page.url == f"{live_server.url}/"
    assert NEW_ENTERPRISE in hr_page.inner_text("body")
    hr_page.goto(f"{live_server.url}/members/organisations/?q=新材料科技")
    hr_page.click(f'#register-table a:has-text("{NEW_ENTERPRISE}")')
    hr_page.click("#edit-link")
    hr_page.fill("textarea[name=future_plans]", "三年内建成省级技能实训基地。")
    hr_page.click("#record-form button[type=submit]")
    hr_page.wait_for_load_state()
    assert "三年内建成省级技能实训基地" in hr_page.inner_text("#details-pane")
    context.close()
