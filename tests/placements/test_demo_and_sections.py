from __future__ import annotations

import random

import pytest
from django.apps import apps
from django.urls import reverse

from members.sections import sections_for
from placements import demo, selectors
from placements.models import GraduatePlacement, OrderClass
from placements.sections import placements_section
from tests.placements.factories import (
    ApprenticeshipFactory,
    GraduatePlacementFactory,
    OrderClassFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in apps.get_app_config("placements").get_models()}


@pytest.fixture
def seeded(demo):
    """The demo alliance (seeded once per test process), placements part included."""


def test_demo_is_idempotent(seeded):
    before = _counts()
    demo.seed(random.Random("2025:placements.demo"))
    assert _counts() == before


def test_demo_local_rate_rises_for_the_centre_and_falls_for_the_technical_school(seeded):
    by_name = {o.name: o.pk for o in apps.get_model("members", "Organization").objects.schools()}
    counts = {y: selectors.employment_counts(y) for y in demo.GRADUATION_YEARS}

    def rates(school: str) -> list[float]:
        return [
            counts[y][by_name[school]].local / counts[y][by_name[school]].employed
            for y in demo.GRADUATION_YEARS
        ]

    centre, technical = rates(demo.CENTRE), rates(demo.TECHNICAL)
    assert centre == sorted(centre) and centre[0] < centre[-1]
    assert technical == sorted(technical, reverse=True) and technical[0] > technical[-1]


def test_demo_has_a_joint_order_class_and_pending_hires_for_the_demo_hr(seeded):
    assert any(oc.enterprises.count() == 2 for oc in OrderClass.objects.all())
    assert GraduatePlacement.objects.filter(
        employer__name=demo.HR_ENTERPRISE, hire_status="pending"
    ).exists()


def test_demo_follows_graduates_to_24_months_with_some_follow_ups_due(seeded):
    import datetime as dt

    from placements.models import RetentionFollowUp

    milestones = set(
        RetentionFollowUp.objects.exclude(milestone=None).values_list("milestone", flat=True)
    )
    assert milestones == {6, 12, 24}
    # The 2023 cohort reached 24 months in July 2025: its funnel is complete and narrows.
    [total] = _funnel_total(2023)
    assert total.graduates > total.hired > total.retained[0] >= total.retained[2] > 0
    due = selectors.followups_due(
        GraduatePlacement.objects.filter(employer__name=demo.HR_ENTERPRISE),
        today=dt.date(2026, 11, 30),
    )
    assert due, "the demo HR has follow-ups due on its home page"


def _funnel_total(year: int):
    from reports.selectors import funnel_breakdown
    from reports.sources import DataSet

    return funnel_breakdown(year, data=DataSet())["total"]


def test_school_section_shows_figures_only(school, council_user, django_assert_max_num_queries):
    OrderClassFactory(school=school)
    GraduatePlacementFactory(student=StudentFactory(school=school), graduation_year=2025)
    with django_assert_max_num_queries(4):  # the default year, students, order classes, events
        section = placements_section(school, council_user)
    assert section.template in [s.template for s in sections_for(school, council_user)]
    assert section.context["figures"]["students"] == 1
    assert section.context["figures"]["order_classes"] == 1


def test_enterprise_section_on_the_organisation_page(client_for, hr_user, enterprise):
    ApprenticeshipFactory(enterprise=enterprise, contract_end="2099-12-31")
    response = client_for(hr_user).get(reverse("members:organization_detail", args=[enterprise.pk]))
    assert response.status_code == 200
    assert 'id="placements-section"' in response.content.decode()
