"""A real task through Redis to a real worker, and its effect in the database."""

from __future__ import annotations

import os

import pytest

from alliance.celery import app
from members.models import Organization
from tests.members.factories import OrganizationFactory

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a real broker)"),
]


@app.task(name="tests.organization_set_industry")
def organization_set_industry(organization_id: int, industry: str) -> None:
    Organization.objects.filter(pk=organization_id).update(industry=industry)


def test_task_runs_on_a_real_worker(celery_worker, wait_for):
    org = OrganizationFactory(industry="旧行业")
    result = organization_set_industry.delay(org.pk, "新行业")
    assert not app.conf.task_always_eager
    assert result.get(timeout=20) is None
    assert wait_for(lambda: Organization.objects.get(pk=org.pk).industry == "新行业")
