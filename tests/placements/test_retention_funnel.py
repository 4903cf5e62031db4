"""The retention funnel of a graduation cohort and the 6/12/24-month follow-ups due."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from placements import selectors
from placements.models import EmployerLocation, GraduatePlacement, HireStatus, milestone_date
from reports.indicators import ALLIANCE_SCOPE, BY_CODE, ENTERPRISE, SCHOOL, Scope
from reports.selectors import funnel_breakdown
from reports.sources import DataSet
from tests.members.factories import EnterpriseFactory, SchoolFactory
from tests.placements.factories import (
    ApprenticeshipFactory,
    GraduatePlacementFactory,
    OrderClassEnrolmentFactory,
    RetentionFollowUpFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db


def test_milestones_are_counted_from_the_first_of_july():
    assert milestone_date(2024, 6) == dt.date(2025, 1, 1)
    assert milestone_date(2024, 12) == dt.date(2025, 7, 1)
    assert milestone_date(2024, 24) == dt.date(2026, 7, 1)


def _graduate(school, *, pipeline="order", major="机电技术应用", **placement):
    student = StudentFactory(school=school, major__name=major)
    if pipeline == "order":
        OrderClassEnrolmentFactory(student=student, order_class__school=school)
    elif pipeline == "apprentice":
        ApprenticeshipFactory(student=student)
    return GraduatePlacementFactory(student=student, graduation_year=2024, **placement)


def _follow(placement, months, still=True):
    return RetentionFollowUpFactory(
        placement=placement,
        milestone=months,
        contacted_on=milestone_date(2024, months) + dt.timedelta(days=10),
        still_employed=still,
    )


@pytest.fixture
def cohort():
    school = SchoolFactory()
    employer = EnterpriseFactory()
    g1 = _graduate(school, employer=employer, hire_status=HireStatus.CONFIRMED)
    for months in (6, 12, 24):
        _follow(g1, months)
    g2 = _graduate(school, pipeline="apprentice", major="数控技术", employer=employer)
    _follow(g2, 6)
    _follow(g2, 12, still=False)
    # Employed, but not by a member: in the cohort, not hired.
    _graduate(
        school, employer=None, employer_name="潍坊某公司", employer_location=EmployerLocation.CITY
    )
    # The employer declined the hire: not hired.
    _graduate(school, employer=employer, hire_status=HireStatus.DECLINED)
    # Hired by the member but in neither an order class nor an apprenticeship: not in the funnel.
    _graduate(school, pipeline=None, employer=employer)
    return school, employer


def test_funnel_indicators_follow_the_cohort(cohort):
    school, employer = cohort
    data = DataSet()

    def value(code, scope=ALLIANCE_SCOPE):
        from reports.indicators import evaluate

        return evaluate(BY_CODE[code], data, 2024, scope).value

    # 4 graduates in the pipeline (g1, g2, elsewhere, declined), 2 hired: 2 / 4 = 50 %.
    assert value("funnel_hired") == Decimal("50.0")
    # 6 months: g1 and g2 still there, 2 / 2 hired = 100 %; 12 months: g1 only, 1 / 2 = 50 %;
    # 24 months: g1 (g2 left and is no longer followed), 1 / 2 = 50 %.
    assert value("retained_6m") == Decimal("100.0")
    assert value("retained_12m") == Decimal("50.0")
    assert value("retained_24m") == Decimal("50.0")
    assert value("retained_12m", Scope(SCHOOL, school.pk)) == Decimal("50.0")
    assert value("retained_24m", Scope(ENTERPRISE, employer.pk)) == Decimal("50.0")


def test_no_follow_up_yet_is_no_figure_not_zero(cohort):
    from reports.indicators import evaluate

    # The 2025 cohort has no follow-up at all: unknown, never 0 %.
    assert evaluate(BY_CODE["retained_6m"], DataSet(), 2025, ALLIANCE_SCOPE).value is None


def test_breakdown_by_school_major_and_enterprise(cohort):
    _school, employer = cohort
    lines = funnel_breakdown(2024, data=DataSet())
    [total] = lines["total"]
    assert (total.graduates, total.hired) == (4, 2)
    assert total.followed == [2, 2, 1] and total.retained == [2, 1, 1]
    majors = {line.key: (line.graduates, line.hired, line.retained) for line in lines["major"]}
    # g2 is the only 数控技术 graduate: hired, there at 6 months, gone at 12.
    assert majors["数控技术"] == (1, 1, [1, 0, 0])
    assert majors["机电技术应用"] == (3, 1, [1, 1, 1])
    [at_employer] = lines["enterprise"]
    assert (at_employer.key, at_employer.hired) == (employer.pk, 2)


def test_funnel_is_one_query(cohort, django_assert_num_queries):
    with django_assert_num_queries(1):
        selectors.retention_funnel(2024)


def test_one_follow_up_per_milestone():
    placement = _graduate(SchoolFactory())
    _follow(placement, 6)
    with pytest.raises(IntegrityError):
        _follow(placement, 6)


def test_follow_ups_due_list_missing_milestones_only():
    school = SchoolFactory()
    answered = _graduate(school)
    _follow(answered, 6)
    missing = _graduate(school)
    left = _graduate(school)
    _follow(left, 6, still=False)
    _graduate(school, hire_status=HireStatus.DECLINED)
    due = selectors.followups_due(GraduatePlacement.objects.all(), today=dt.date(2025, 3, 1))
    # On 1 March 2025 only the 6-month follow-up (1 January) has come: the graduate without it.
    assert [(d.placement, d.milestone, d.due_on) for d in due] == [
        (missing, 6, dt.date(2025, 1, 1))
    ]
    later = selectors.followups_due(GraduatePlacement.objects.all(), today=dt.date(2025, 8, 1))
    # 1 August: the 12-month follow-up (1 July) is due for both graduates still followed; the
    # missed 6-month one is no longer asked six months after its date: the 12-month one replaces it.
    assert sorted((d.placement.pk, d.milestone) for d in later) == sorted(
        [(missing.pk, 12), (answered.pk, 12)]
    )


def test_the_funnel_is_open_data_and_in_the_report(cohort):
    from reports.document import report_context
    from reports.selectors import kpi_payload

    # The public JSON/CSV and ``kpi`` carry every indicator row: the funnel's too, with definitions.
    rows = {row["code"]: row for row in kpi_payload(2024)["indicators"]}
    assert rows["retained_12m"]["value"] == 50.0
    assert (rows["retained_12m"]["numerator"], rows["retained_12m"]["denominator"]) == (1, 2)
    assert "12" in rows["retained_12m"]["formula"]
    # The 2026 report shows the cohorts of 2024, 2025 and 2026: 2024's at 24 months.
    context = report_context(2026)
    cohorts = dict(context["funnel_rows"])
    assert cohorts[2024].retained == [2, 1, 1] and cohorts[2026] is None


def test_a_milestone_follow_up_cannot_be_made_long_before_its_date():
    from django.core.exceptions import ValidationError

    from placements.models import RetentionFollowUp

    placement = _graduate(SchoolFactory())
    # The 12-month follow-up of the 2024 graduates falls due on 1 July 2025.
    early = RetentionFollowUp(placement=placement, milestone=12, contacted_on=dt.date(2025, 5, 1))
    with pytest.raises(ValidationError) as error:
        early.full_clean()
    assert "2025-07-01" in str(error.value)
    RetentionFollowUp(
        placement=placement, milestone=12, contacted_on=dt.date(2025, 6, 15)
    ).full_clean()


def test_the_dashboard_draws_the_stored_funnel(cohort, client_for, council_user):
    client = client_for(council_user)
    url = reverse("reports:dashboard")
    client.get(url, {"year": 2024})  # computes and stores the year's figures
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url, {"year": 2024})
    # The cohort's stages: 4 graduates in the pipeline, 2 hired, 2 / 1 / 1 there after 6, 12
    # and 24 months (worked out in test_breakdown_by_school_major_and_enterprise).
    stages = [s["value"] for s in page.context["funnel_data"]["stages"]]
    assert stages == [4, 2, 2, 1, 1]
    # Read from the stored figures: no placement is read for it.
    assert not any("placements_graduateplacement" in q["sql"] for q in queries)
