"""The secretariat sends an employer a link; the employer, with no account and no log-in,
confirms the hire from it in the browser; the link then no longer works."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def pending_hire(transactional_db):
    from tests.members.factories import EnterpriseFactory, SchoolFactory, UserFactory
    from tests.placements.factories import GraduatePlacementFactory

    UserFactory(username="office", role="secretariat")
    return GraduatePlacementFactory(
        employer=EnterpriseFactory(name="山东华建铝业集团有限公司"),
        student__school=SchoolFactory(name="临朐县职业教育中心学校"),
        student__name="赵一鸣",
        job="挤压操作工",
    )


def test_a_hire_is_confirmed_from_the_link_without_logging_in(
    pending_hire, login, page, browser, live_server
):
    from placements.models import HireStatus

    login("office")
    page.goto(f"{live_server.url}/placements/hires/")
    page.click("#pending-hires .hire-link")
    page.fill("input[name=recipient]", "华建铝业人力资源部王经理")
    page.click("#issue-button")
    page.wait_for_load_state()
    url = page.input_value("#issued-url")
    assert "/l/" in url

    # The employer: a fresh browser with no session at all.
    employer = browser.new_context(locale="zh-CN").new_page()
    employer.goto(url.replace("http://testserver", live_server.url))
    assert "赵一鸣" in employer.inner_text("#link-record")
    assert "山东华建铝业集团有限公司" in employer.inner_text("#link-record")
    employer.select_option("select[name=decision]", "confirm")
    employer.click("#link-submit")
    employer.wait_for_load_state()
    assert "用人单位已确认" in employer.inner_text("#link-outcome")
    pending_hire.refresh_from_db()
    assert pending_hire.hire_status == HireStatus.CONFIRMED
    assert pending_hire.hire_decided_by is None  # decided through the link, not an account

    # Used once: the same link now says so.
    employer.goto(url.replace("http://testserver", live_server.url))
    assert "已答复" in employer.inner_text("#link-closed")

    # The secretariat's list shows it answered.
    page.goto(f"{live_server.url}/links/")
    assert "已答复" in page.inner_text("#signed-links")
