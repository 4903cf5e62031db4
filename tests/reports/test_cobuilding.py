"""The co-building figures (issue 15) on numbers worked out by hand, and the report chapter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from members.selectors import MajorRecords
from reports.document import build_html
from reports.indicators import ALLIANCE_SCOPE, BY_CODE, ENTERPRISE, SCHOOL, Scope, evaluate
from reports.sources import DataSet
from tests.members.factories import MajorFactory
from tests.training.factories import CoBuiltInstitutionFactory
from training.models import Patent
from training.selectors import PatentRecords, TeacherRecords

pytestmark = pytest.mark.django_db

S1, S2 = 1, 2
E1, E2 = 11, 12
OUTSIDER = 99


def _ids(first: int, n: int) -> frozenset[int]:
    return frozenset(range(first, first + n))


YEAR_2025 = {
    "member_school_ids": {S1, S2},
    "member_enterprise_ids": {E1, E2},
    # majors (ids): S1 6, of which 4 with a partner and 2 with both leads; S2 4, 1 and 1
    "enrolling_majors": {
        S1: MajorRecords(_ids(1, 6), _ids(1, 4), _ids(1, 2)),
        S2: MajorRecords(_ids(7, 4), _ids(7, 1), _ids(7, 1)),
        OUTSIDER: MajorRecords(_ids(100, 50), _ids(100, 50), _ids(100, 50)),
    },
    "institutions_by_kind": {
        "industry_college": {
            "active": 2,
            "founded": 1,
            "logged": 2,
            "events": 9,
            "people_trained": 90,
        },
        "innovation_workshop": {
            "active": 1,
            "founded": 0,
            "logged": 1,
            "events": 4,
            "people_trained": 0,
        },
    },
    "open_institutions": {
        201: {"kind": "industry_college", "school": S1, "enterprises": frozenset({E1})},
        202: {"kind": "innovation_workshop", "school": S1, "enterprises": frozenset()},
        203: {"kind": "industry_college", "school": S2, "enterprises": frozenset({E1, E2})},
    },
    "running_projects": {
        301: {"school": S1, "enterprises": frozenset({E1}), "value": Decimal(100000)},
        302: {"school": S1, "enterprises": frozenset({E1, E2}), "value": Decimal(100000)},
        303: {"school": S1, "enterprises": frozenset(), "value": Decimal(30000)},
        304: {"school": S2, "enterprises": frozenset({E2}), "value": Decimal(60000)},
        309: {"school": OUTSIDER, "enterprises": frozenset({E1}), "value": Decimal(9)},
    },
    # patent 401 of S1 filed, granted from an institution and transferred; 402 only filed;
    # 403 of S2 granted
    "patent_records": {
        S1: PatentRecords(
            frozenset({401, 402}), frozenset({401}), frozenset({401}), frozenset({401})
        ),
        S2: PatentRecords(frozenset(), frozenset({403}), frozenset(), frozenset()),
    },
    # professional teachers (ids): S1 80, of whom 36 dual-qualified; S2 40 and 10
    "professional_teacher_records": {
        S1: TeacherRecords(_ids(1000, 80), _ids(1000, 36)),
        S2: TeacherRecords(_ids(2000, 40), _ids(2000, 10)),
    },
    "station_posts": [
        {
            "station_id": station,
            "enterprise_id": enterprise,
            "offered": offered,
            "filled": filled,
            "places_filled": min(offered, filled),
            "no_posts": not offered,
        }
        for station, enterprise, offered, filled in [
            (501, E1, 6, 8),
            (502, E1, 4, 1),
            (503, E2, 0, 0),
            (509, OUTSIDER, 9, 9),
        ]
    ],
    "running_appointments": {
        601: {"direction": "teacher_at_enterprise", "school": S1, "enterprise": E1},
        602: {"direction": "craftsman_at_school", "school": S1, "enterprise": E1},
        603: {"direction": "craftsman_at_school", "school": OUTSIDER, "enterprise": OUTSIDER},
    },
}


@pytest.fixture
def data(fake_selectors):
    fake_selectors({2025: YEAR_2025})
    return DataSet()


def value(data, code, scope=ALLIANCE_SCOPE):
    return evaluate(BY_CODE[code], data, 2025, scope)


def test_majors_with_partner_and_both_leads(data):
    # (4 + 1) / (6 + 4) = 50 %; both leads (2 + 1) / 10 = 30 %; the outsider's majors never count
    row = value(data, "majors_with_partner")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal(50), 5, 10)
    assert value(data, "majors_with_both_leads").value == Decimal(30)
    # school 2 alone: 1 / 4 = 25 %
    assert value(data, "majors_with_partner", Scope(SCHOOL, S2)).value == Decimal(25)


def test_institutions_per_kind(data):
    row = value(data, "co_built_institutions")
    assert row.value == 3  # 2 industry colleges + 1 innovation workshop
    assert row.measure.extra == {"industry_college": 2, "innovation_workshop": 1}
    assert value(data, "co_built_institutions", Scope(SCHOOL, S2)).value == 1


def test_projects_and_patents(data):
    row = value(data, "service_projects")
    assert (row.value, row.measure.extra["value"]) == (4, Decimal(290000))  # 3 + 1; 230k + 60k
    patents = value(data, "patents_granted")
    assert patents.value == 2  # 1 + 1 granted
    assert patents.measure.extra == {"filed": 2, "transferred": 1, "from_institutions": 1}


def test_dual_qualified_share(data):
    # (36 + 10) / (80 + 40) = 46 / 120 = 38.3 %; school 1 alone 36 / 80 = 45 %
    assert value(data, "dual_qualified_share").value == Decimal("38.3")
    assert value(data, "dual_qualified_share", Scope(SCHOOL, S1)).value == Decimal(45)


def test_practice_posts_offered_filled_and_stations_without_posts(data):
    # member stations: 3, of which 2 offer posts: 66.7 %; the outsider's station is not counted
    assert value(data, "stations_offering_posts").value == Decimal("66.7")
    # filled, capped by the places offered: min(8, 6) + min(1, 4) = 7 of 6 + 4 + 0 = 10 → 70 %
    row = value(data, "practice_posts_filled")
    assert (row.value, row.measure.numerator, row.measure.denominator) == (Decimal(70), 7, 10)
    assert value(data, "stations_offering_posts", Scope(ENTERPRISE, E2)).value == Decimal(0)


def test_two_way_appointments(data):
    row = value(data, "two_way_appointments")
    assert row.value == 3 and row.measure.extra == {
        "craftsman_at_school": 2,
        "teacher_at_enterprise": 1,
    }
    assert value(data, "two_way_appointments", Scope(ENTERPRISE, E1)).value == 2


def test_a_patent_from_an_innovation_workshop_is_recorded_and_reported(
    client_for, school_user, school, enterprise
):
    """Issue 15's done-when: a patent from a co-built 创新工坊 is recorded and in the report."""
    workshop = CoBuiltInstitutionFactory(
        kind="innovation_workshop", name="铝型材创新工坊", school=school, enterprises=[enterprise]
    )
    MajorFactory(school=school)
    response = client_for(school_user).post(
        reverse("training:patent_create"),
        {
            "school": school.pk,
            "title": "一种铝型材挤压模具冷却装置",
            "kind": "utility_model",
            "number": "ZL202420567812.3",
            "status": "granted",
            "inventors": "张志强",
            "enterprises": [enterprise.pk],
            "filed_on": "2024-06-12",
            "granted_on": "2025-02-18",
            "institution": workshop.pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    patent = Patent.objects.get()
    assert patent.institution == workshop and patent.school == school

    html = build_html(2025).html
    assert "一种铝型材挤压模具冷却装置" in html
    assert "铝型材创新工坊（创新工坊）" in html
    # the chapter's sentence: 1 granted, of which 1 from a co-built institution
    assert "授权 1 项（其中来自共建机构 1 项）" in html


def test_a_patent_cannot_name_another_schools_institution(
    client_for, school_user, school, other_school
):
    theirs = CoBuiltInstitutionFactory(kind="innovation_workshop", school=other_school)
    response = client_for(school_user).post(
        reverse("training:patent_create"),
        {
            "school": school.pk,
            "title": "专利",
            "kind": "invention",
            "status": "filed",
            "filed_on": "2025-03-08",
            "institution": theirs.pk,
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["institution"]
    assert not Patent.objects.exists()
