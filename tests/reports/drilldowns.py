"""What the hand-worked drill-down tests share: the year, a member that left before it, the
list a figure's link opens, and the figure itself."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from members.models import OrganizationStatus
from reports.indicators import ALLIANCE_SCOPE, BY_CODE, evaluate
from reports.sources import DataSet

YEAR = 2025
WITHDRAWN_2024 = {
    "joined_on": dt.date(2023, 12, 8),
    "left_on": dt.date(2024, 6, 30),
    "status": OrganizationStatus.WITHDRAWN,
}


def counted_list(client, code: str, part: str = "", **scope):
    """The ``reports:counted`` list of ``code`` for YEAR (``part="denominator"``: its base)."""
    query = {"indicator": code, "year": YEAR, **scope}
    if part:
        query["part"] = part
    response = client.get(reverse("reports:counted"), query)
    assert response.status_code == 200, code
    return response.context["listed"]


def figure(code: str, scope=ALLIANCE_SCOPE):
    return evaluate(BY_CODE[code], DataSet(), YEAR, scope).measure
