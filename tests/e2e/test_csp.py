"""Under the Content-Security-Policy (no inline script, no style attribute) the pages still work
in Chromium, and the browser reports no violation: dashboards draw, pickers submit, bars fill."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

PAGES = [
    "/",
    "/reports/dashboard/?year=2025",
    "/reports/scorecards/?year=2025",
    "/reports/obligations/?year=2025",
    "/members/council/",
    "/members/corridor/",
    "/placements/students/",
    "/reports/outreach/",
    "/exchange/imports/",
]


def _violations(page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def test_pages_raise_no_csp_violation_and_charts_draw(demo, login, page, live_server):
    violations = _violations(page)
    login("secretariat")
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response.ok, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "camera=()" in response.headers["permissions-policy"]
        page.wait_for_load_state("networkidle")
        if path.startswith("/reports/dashboard/"):
            page.wait_for_selector("#chart-bars canvas")
            page.wait_for_selector("#chart-trends canvas")
    assert not violations, violations


def test_year_picker_submits_without_an_inline_handler(demo, login, page, live_server):
    violations = _violations(page)
    login("secretariat")
    page.goto(f"{live_server.url}/reports/obligations/?year=2025")
    with page.expect_navigation():
        page.select_option("#year-picker select[name=year]", "2024")
    assert "year=2024" in page.url
    assert not violations, violations
