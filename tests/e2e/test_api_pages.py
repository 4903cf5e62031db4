"""The open API's Swagger page in Chromium under the portal's CSP: Swagger UI (from the installed
package, no CDN) draws the document with no violation; it and the portal pages of issue 16 pass
axe and the phone layout check the accessibility walk applies to every page."""

from __future__ import annotations

import pytest

from tests.e2e.test_accessibility import (
    _axe_violations,
    _phone_problems,
    _session_cookie,
    axe_context,
)

pytestmark = pytest.mark.e2e


def _csp_violations(page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def test_swagger_ui_draws_the_document_under_the_csp(demo, page, live_server):
    violations = _csp_violations(page)
    external: list[str] = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(live_server.url) else external.append(request.url)
        ),
    )
    response = page.goto(f"{live_server.url}/api/v1/docs/")
    assert response.ok
    page.wait_for_selector(".swagger-ui .information-container .title")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".opblock-summary-path", has_text="/api/v1/open-data/").count() >= 1
    assert not violations, violations
    assert not external, external  # no CDN: every asset from the portal


def test_issue_pages_pass_axe(demo, browser, live_server):
    from members.models import User

    context = axe_context(browser)
    context.add_cookies([_session_cookie(User.objects.get(username="school"), live_server)])
    page = context.new_page()
    problems: list[str] = []
    for path in ("/accounts/api-token/", "/reports/status-data/?year=2024", "/api/v1/docs/"):
        response = page.goto(live_server.url + path)
        assert response.ok, path
        page.wait_for_load_state("networkidle")
        problems += [f"{path}: {v}" for v in _axe_violations(page)]
        problems += _phone_problems(page, path)
    context.close()
    assert not problems, "\n".join(problems)
