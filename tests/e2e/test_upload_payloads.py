"""Every upload field against the payloads an attacker would try: an HTML page behind PDF or PNG
magic bytes, an SVG with a script, a page named like a document. Opened by another user of
another organisation's partner, none runs a script: each is served by the one file view as a
download (or a checked raster image), sandboxed, with ``nosniff``.

The photo, minutes and outcome-report fields have their journeys in the apps' own file tests;
this file covers every field, including the order-class agreement and the alignment documents.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

pytestmark = pytest.mark.e2e

SCRIPT = b"<script>document.title='pwned';alert('pwned')</script>"
PAYLOADS = {
    "html-as-pdf": (b"%PDF-1.4\n<html><body>" + SCRIPT + b"</body></html>", "agreement.pdf"),
    "html-as-png": (b"\x89PNG\r\n\x1a\n<html><body>" + SCRIPT + b"</body></html>", "scan.png"),
    "svg": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>document.title="pwned";'
        b"alert(1)</script></svg>",
        "chart.svg",
    ),
    "html-named-docx": (b"<html><body>" + SCRIPT + b"</body></html>", "plan.docx"),
}


def _agreement(order_class, content: bytes, name: str) -> str:
    order_class.agreement.save(name, ContentFile(content), save=True)
    return f"/placements/order-classes/{order_class.pk}/files/agreement/"


def _alignment(order_class, content: bytes, name: str) -> str:
    from tests.placements.factories import OrderClassAlignmentFactory

    alignment = OrderClassAlignmentFactory(order_class=order_class)
    alignment.document.save(name, ContentFile(content), save=True)
    return f"/placements/alignments/{alignment.pk}/files/document/"


def _minutes(order_class, content: bytes, name: str) -> str:
    from tests.members.factories import CouncilMeetingFactory

    meeting = CouncilMeetingFactory()
    meeting.minutes.save(name, ContentFile(content), save=True)
    return f"/members/meetings/{meeting.pk}/files/minutes/"


def _outcome_report(order_class, content: bytes, name: str) -> str:
    from tests.training.factories import SecondmentFactory

    secondment = SecondmentFactory(enterprise=order_class.enterprises.first())
    secondment.outcome_report.save(name, ContentFile(content), save=True)
    return f"/training/secondments/{secondment.pk}/files/outcome_report/"


FIELDS = {
    "agreement": _agreement,
    "alignment": _alignment,
    "minutes": _minutes,
    "outcome-report": _outcome_report,
}


@pytest.fixture
def order_class(transactional_db, school, enterprise):
    from tests.placements.factories import OrderClassFactory

    return OrderClassFactory(school=school, enterprises=[enterprise])


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_no_uploaded_payload_runs_a_script(
    field, order_class, secretariat_user, login, page, live_server
):
    """The secretariat — the account an attacker most wants — opens a partner's uploads."""
    # One transaction: the uploads queue one refresh of the stored figures, not one each.
    with transaction.atomic():
        paths = {payload: FIELDS[field](order_class, *PAYLOADS[payload]) for payload in PAYLOADS}
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login(secretariat_user.username)

    for payload, path in paths.items():
        response = page.request.get(live_server.url + path)
        assert response.status == 200, payload
        headers = response.headers
        assert headers["x-content-type-options"] == "nosniff", payload
        assert "sandbox" in headers["content-security-policy"], payload
        assert "html" not in headers["content-type"], payload
        assert "svg" not in headers["content-type"], payload
        assert headers["content-disposition"].startswith("attachment"), payload

        try:
            page.goto(live_server.url + path)
        except Exception as error:  # Chromium aborts a navigation that turns into a download
            assert "download" in str(error).lower() or "aborted" in str(error).lower(), payload
        page.wait_for_timeout(200)
        assert page.title() != "pwned", payload
    assert dialogs == []
