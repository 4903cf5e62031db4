"""A form that starts a long job disables its button once sent (static/js/jobs.js)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from tests.members.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_build_button_disables_while_the_request_is_under_way(live_server, page):
    client = Client()
    client.force_login(UserFactory(username="office", role="secretariat"))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"{live_server.url}/reports/runs/")
    button = page.locator("#start-run button[type=submit]")
    assert button.is_enabled()
    posted = []

    def answer(route):
        # 204 No Content: the browser stays on the page as it was when the form was sent, as
        # it does while a slow server works on the request.
        if route.request.method == "POST":
            posted.append(route.request.post_data)
            route.fulfill(status=204)
        else:
            route.continue_()

    page.route("**/reports/runs/", answer)
    button.click()
    assert button.is_disabled()
    assert page.locator("#start-run").get_attribute("aria-busy") == "true"
    assert len(posted) == 1 and "year=" in posted[0]
