"""seed_demo fills every register of issue 15 (part b) with believable Linqu records, once."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command

from placements import selectors
from placements.models import (
    Apprenticeship,
    CoDevelopedMaterial,
    Internship,
    OrderClass,
    OutreachEvent,
    PreferentialMeasure,
    StudyMode,
    TalentDemand,
)
from training.models import PartnerExchange, PartnerInstitution, TrainingProgramme

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for app in ("placements", "training")
        for m in apps.get_app_config(app).get_models()
    }


def test_demo_fills_the_new_registers_once(demo):
    pilot = OrderClass.objects.get(kind="apprenticeship_pilot")
    pilots = Apprenticeship.objects.filter(path="pilot", order_class=pilot)
    assert pilots.count() >= 5
    assert not pilots.exclude(student__study_mode=StudyMode.FULL_TIME).exists()
    assert pilots.exclude(agreement="").exists()
    assert OrderClass.objects.filter(kind="directed").exists()
    assert Apprenticeship.objects.filter(employee_category="transferred").exists()
    assert set(Internship.objects.values_list("stage", flat=True)) == {
        "cognitive",
        "shadowing",
        "placement",
    }
    # one formed joint class of 2025, and a proposal for 2026 (three enterprises, 机电)
    assert TalentDemand.objects.filter(survey_year=2025, order_class__isnull=False).count() == 2
    assert [p["major"] for p in selectors.joint_class_proposals(2026)] == [
        "机电技术应用",
        "焊接加工",
    ]
    assert CoDevelopedMaterial.objects.values("kind").distinct().count() >= 6
    assert PreferentialMeasure.objects.values("enterprise").distinct().count() >= 5
    assert OutreachEvent.objects.filter(mentor__isnull=False).exists()
    assert set(TrainingProgramme.objects.values_list("audience", flat=True)) == {
        "employees",
        "public",
    }
    assert PartnerInstitution.objects.count() == 3 and PartnerExchange.objects.count() == 6

    before = _counts()
    call_command("seed_demo", verbosity=0, without_report=True)
    assert _counts() == before
