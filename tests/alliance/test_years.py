"""A year out of range (``?year=-1``, ``?year=99999``, ``?year=abc``) is a 400 with a message on
every page that reads a year, and no page answers it with a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alliance.years import YearOutOfRange, check_year
from tests.alliance.test_url_sweep import _all_routes

pytestmark = pytest.mark.django_db

BAD_YEARS = ["-1", "99999"]

# The pages that read ?year= (by hand: a dashboard, picker or register filter each).
YEAR_PAGES = [
    "members:council",
    "members:organization_list",
    "members:school_figures_list",
    "members:meeting_list",
    "reports:obligations",
    "training:workshop_list",
    "training:base_list",
    "training:station_list",
    "training:secondment_list",
    "training:assignment_list",
    "training:programme_list",
    "training:certification_list",
    "placements:student_list",
    "placements:orderclass_list",
    "placements:apprenticeship_list",
    "placements:internship_list",
    "placements:placement_list",
    "reports:local_employment",
    "placements:event_list",
    "reports:outreach_overview",
    "placements:mentor_list",
    "reports:dashboard",
    "reports:scorecards",
    "reports:targets",
]


@pytest.mark.parametrize("year", BAD_YEARS)
@pytest.mark.parametrize("name", YEAR_PAGES)
def test_out_of_range_year_is_a_bad_request_with_a_message(
    client_for, secretariat_user, name, year
):
    response = client_for(secretariat_user).get(reverse(name), {"year": year})
    assert response.status_code == 400
    # The message names the range (the reports start at their first report year, 2023).
    assert "2100" in response.content.decode()


def test_obligations_of_a_school_refuse_a_huge_year(client_for, secretariat_user, school):
    url = reverse("reports:school_obligations", args=[school.pk])
    assert client_for(secretariat_user).get(url, {"year": "99999"}).status_code == 400


def test_no_page_answers_a_bad_year_with_a_server_error(client_for, secretariat_user):
    client = client_for(secretariat_user)
    errors = []
    for name, _route, entry in _all_routes():
        if entry.pattern.regex.groupindex:
            continue
        # One bad year per page: -1 and 99999 take the same path (both are checked on every
        # page that reads a year above).
        status = client.get(reverse(name), {"year": "99999"}).status_code
        if status >= 500:
            errors.append(f"{name} ?year=99999: {status}")
    assert not errors, errors


def test_a_valid_year_passes_and_an_empty_one_takes_the_default(client_for, secretariat_user):
    assert check_year(" 2025 ") == 2025
    with pytest.raises(YearOutOfRange):
        check_year("2101")
    response = client_for(secretariat_user).get(reverse("members:council"), {"year": ""})
    assert response.status_code == 200
