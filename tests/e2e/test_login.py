from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

ROLES = {
    "secretariat": "联盟办公室",
    "council": "理事会成员",
    "hr": "企业人力资源",
    "school": "学校联络员",
}


@pytest.mark.parametrize("username", list(ROLES))
def test_demo_role_logs_in_to_its_chinese_home(demo, login, page, live_server, username):
    login(username)
    assert page.url == f"{live_server.url}/"
    assert ROLES[username] in page.inner_text("body")
    assert page.locator("html").get_attribute("lang") == "zh-CN"


def test_switches_to_english_and_back(demo, login, page):
    login("secretariat")
    page.click("#language-switch button[value=en]")
    page.wait_for_load_state()
    assert "Welcome" in page.inner_text("h1")
    page.click("#language-switch button[value=zh-hans]")
    page.wait_for_load_state()
    assert "欢迎" in page.inner_text("h1")


def test_wrong_password_stays_on_login_with_chinese_message(demo, login, page):
    login("hr", password="wrong-password")
    assert "/accounts/login/" in page.url
    assert "请输入一个正确的" in page.inner_text("body")
