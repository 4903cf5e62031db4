"""An outreach photo that is really an HTML page with PNG magic bytes, opened by another user,
runs no script: the file view serves it as a download, sandboxed, never as a page."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

pytestmark = pytest.mark.e2e

# PNG's signature, then a page whose script would announce itself in the title and an alert.
DISGUISED = (
    b"\x89PNG\r\n\x1a\n"
    b"<html><body><script>document.title='pwned';alert('pwned')</script></body></html>"
)


@pytest.fixture
def disguised_photo(transactional_db, school):
    from placements.models import OutreachPhoto
    from tests.placements.factories import OutreachEventFactory

    event = OutreachEventFactory(school=school)
    # Saved straight to storage: the upload validator would refuse it, the point is the serving.
    photo = OutreachPhoto(event=event, caption="伪装的图片")
    photo.image.save("photo.png", ContentFile(DISGUISED), save=True)
    return photo


def test_html_disguised_as_png_runs_no_script(
    disguised_photo, council_user, login, page, live_server
):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login(council_user.username)

    # On the event's page the "photo" is an <img>: a browser never runs script from an image.
    page.goto(f"{live_server.url}/placements/events/{disguised_photo.event_id}/")
    assert page.locator("#photos img").count() == 1
    assert page.title() != "pwned"

    url = f"{live_server.url}/placements/photos/{disguised_photo.pk}/files/image/"
    response = page.request.get(url)
    assert response.status == 200
    headers = response.headers
    assert headers["content-disposition"].startswith("attachment")
    assert headers["content-type"] == "application/octet-stream"
    assert "sandbox" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"

    # Opened directly, the browser downloads it instead of rendering it.
    with page.expect_download() as download:
        try:
            page.goto(url)
        except Exception as error:  # Chromium aborts the navigation when a download starts
            assert "download" in str(error).lower() or "aborted" in str(error).lower()
    assert download.value.suggested_filename.endswith(".png")
    assert page.title() != "pwned"
    assert dialogs == []
