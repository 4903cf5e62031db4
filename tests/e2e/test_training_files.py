"""An uploaded file that is really HTML (PNG magic bytes, then a script) runs no script when
another user opens it from the portal: it is served as a sandboxed download, never as a page."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

pytestmark = pytest.mark.e2e

FAKE_PNG = (
    b"\x89PNG\r\n\x1a\n"
    b"<html><head><title>report</title></head><body>"
    b"<script>document.title = 'pwned'; alert('pwned');</script></body></html>"
)


def test_disguised_html_outcome_report_runs_no_script(
    transactional_db, hr_user, school, enterprise, login, page, live_server
):
    from tests.training.factories import SecondmentFactory, TeacherFactory

    secondment = SecondmentFactory(teacher=TeacherFactory(school=school), enterprise=enterprise)
    # Stored directly: the upload validator refuses it; what matters is how it is served.
    secondment.outcome_report.save("report.png", ContentFile(FAKE_PNG))

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login(hr_user.username)
    page.goto(f"{live_server.url}/training/secondments/{secondment.pk}/")
    title = page.title()
    link = page.locator("#fields a[href$='/files/outcome_report/']")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "report.png"
    page.wait_for_timeout(300)
    assert page.title() == title != "pwned" and not dialogs

    # Headers of the same request as the browser makes it (same session cookie).
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["content-type"] == "application/octet-stream"
    assert "sandbox" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
