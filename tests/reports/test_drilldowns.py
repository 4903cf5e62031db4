"""A figure's drill-down lists exactly what it counted (issue 11, item 5), on the demo data.

For every indicator whose drill-down is the ``reports:counted`` list, at the alliance and at
every member school and enterprise it applies to: the numerator's list has as many rows as the
numerator, the denominator's list as many as the denominator, and the link carries the year.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from members.models import User
from reports.indicators import ALLIANCE_SCOPE, ENTERPRISE, INDICATORS, SCHOOL, Scope
from reports.links import indicator_links
from reports.selectors import indicator_rows
from reports.sources import DataSet

pytestmark = pytest.mark.django_db

YEAR = 2025
EXACT = [i.code for i in INDICATORS if i.drilldown == "reports:counted"]


def test_the_exact_drilldowns_cover_the_organisation_counts():
    assert EXACT == [
        "base_coverage",
        "station_coverage",
        "mentor_coverage",
        "chairman_visits",
        "outreach_per_semester",
        "recommendation_events",
        "corridor_coverage",
        "culture_profile_completeness",
    ]


def test_every_drilldown_lists_exactly_what_was_counted(client):
    # Seeding costs seconds: one seed, every indicator and scope checked against it.
    call_command("seed_demo", verbosity=0)
    user = User.objects.get(username="secretariat")
    client.force_login(user)
    data = DataSet()
    year_data = data.year(YEAR)
    scopes = (
        [(ALLIANCE_SCOPE, {})]
        + [(Scope(SCHOOL, s), {"school": s}) for s in sorted(year_data.schools)]
        + [(Scope(ENTERPRISE, e), {"enterprise": e}) for e in sorted(year_data.enterprises)]
    )
    checked = 0
    for scope, query in scopes:
        rows = [r for r in indicator_rows(YEAR, scope, data=data) if r.indicator.code in EXACT]
        for link in indicator_links(rows, YEAR, user, **query):
            row = link["row"]
            where = f"{row.indicator.code} at {scope.label}"
            assert f"year={YEAR}" in link["url"], where
            numerator = client.get(link["url"])
            assert len(numerator.context["items"]) == row.measure.numerator, where
            denominator = client.get(link["base_url"])
            assert len(denominator.context["items"]) == row.measure.denominator, where
            checked += 1
    assert checked > len(EXACT) * 3  # the alliance, and several schools and enterprises


def test_a_coordinator_cannot_list_another_schools_counts(client_for, school_user, other_school):
    url = f"/reports/counted/?indicator=outreach_per_semester&year={YEAR}&school={other_school.pk}"
    assert client_for(school_user).get(url).status_code == 404


def test_an_unknown_indicator_or_a_plain_count_has_no_list(client_for, council_user):
    client = client_for(council_user)
    assert client.get("/reports/counted/?indicator=nonsense").status_code == 404
    assert client.get("/reports/counted/?indicator=council_meetings").status_code == 404
    assert client.get("/reports/counted/").status_code == 302
