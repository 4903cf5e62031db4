"""Headers and input guards: CSP and Permissions-Policy on every answer, a body-size cap (413)
before Django reads the body, and ``next`` never leading off the site."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from alliance.redirects import next_or

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_csp_and_a_permissions_policy(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert "geolocation=()" in response["Permissions-Policy"]


def test_a_body_over_the_upload_cap_is_refused_with_413(client, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    # 1 MB allowed + 1 MB margin; announce 3 MB: refused before the body is read.
    response = client.generic(
        "POST",
        reverse("login"),
        data=b"x" * 10,
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(3 * 1024 * 1024),
    )
    assert response.status_code == 413


def test_a_body_within_the_cap_passes(client, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    response = client.post(reverse("login"), {"username": "nobody", "password": "x"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"],
)
def test_next_off_the_site_falls_back_to_the_default(target):
    request = RequestFactory().post("/x", {"next": target})
    assert next_or(request, "/home/") == "/home/"


def test_next_on_the_site_is_followed():
    request = RequestFactory().post("/x", {"next": "/members/council/?year=2024"})
    assert next_or(request, "/home/") == "/members/council/?year=2024"
