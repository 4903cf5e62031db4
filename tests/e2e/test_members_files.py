"""An HTML page disguised as a photo (PNG magic bytes) or as minutes (``%PDF-`` first), opened by
another user in a real Chromium, runs no script: the one file view never lets the browser
render it as a page of the portal."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

SCRIPT = b"<html><body><script>document.title='pwned';alert('pwned')</script></body></html>"


def test_html_disguised_as_a_photo_or_minutes_runs_no_script(demo, login, page, live_server):
    from django.core.files.base import ContentFile
    from django.urls import reverse

    from members.models import CouncilMeeting, Organization, OrganizationPhoto

    # Written straight to storage: the upload check would refuse both files.
    enterprise = Organization.objects.get(name="山东华建铝业集团有限公司")
    photo = OrganizationPhoto(organization=enterprise, caption="伪装的图片")
    photo.image.save("evil.png", ContentFile(b"\x89PNG\r\n\x1a\n" + SCRIPT), save=True)
    meeting = CouncilMeeting.objects.order_by("date").first()
    meeting.minutes.save("evil.pdf", ContentFile(b"%PDF-1.4\n" + SCRIPT), save=True)
    photo_url = live_server.url + reverse("members:photo_file", args=[photo.pk, "image"])

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login("council")  # not the account that stored the files

    # Shown in the organisation's page as an <img>: the broken "image" runs nothing.
    page.goto(f"{live_server.url}/members/organisations/{enterprise.pk}/")
    page.wait_for_load_state("networkidle")
    title = page.title()
    assert "pwned" not in title

    # Opened directly, both are downloads, never pages of the portal.
    with page.expect_download() as photo_download:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; "
            "document.body.appendChild(a); a.click(); }",
            photo_url,
        )
    assert photo_download.value.suggested_filename == "evil.png"
    page.goto(f"{live_server.url}/members/meetings/{meeting.pk}/")
    with page.expect_download() as minutes_download:
        page.click("#fields a[href$='/files/minutes/']")
    assert minutes_download.value.suggested_filename == "evil.pdf"
    page.wait_for_timeout(300)
    assert "pwned" not in page.title() and not dialogs

    # The headers that keep a browser from running it even if it tried to show it.
    for url in (
        photo_url,
        live_server.url + reverse("members:meeting_file", args=[meeting.pk, "minutes"]),
    ):
        response = page.request.get(url)
        assert response.headers["content-disposition"].startswith("attachment")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in response.headers["content-security-policy"]
        assert not response.headers["content-type"].startswith("text/html")
