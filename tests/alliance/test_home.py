from __future__ import annotations

import pytest

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
