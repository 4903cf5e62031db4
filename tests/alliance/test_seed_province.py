"""``seed_demo --scale province`` on a miniature province (the real one takes minutes): the
organisations, students and outcomes of every school, inserted school by school, idempotently."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from members import demo as members_demo
from members.models import Organization
from placements import demo as placements_demo
from placements.models import GraduatePlacement, Student

pytestmark = pytest.mark.django_db


def test_a_miniature_province_is_seeded_once(monkeypatch):
    monkeypatch.setitem(members_demo.LARGE_SCALES, "province", (5, 30))
    monkeypatch.setitem(placements_demo.COHORT_SIZE, "province", 4)
    call_command("seed_demo", scale="province", without_report=True, verbosity=0)
    assert Organization.objects.schools().count() == 5
    assert Organization.objects.enterprises().count() == 30
    # Every school: six cohorts of four full-time students; outcomes of three graduating cohorts
    # (the apprentices are part-time students of their own).
    full_time = Student.objects.filter(study_mode="full_time")
    for school in Organization.objects.schools():
        assert full_time.filter(school=school).count() == 6 * 4
    assert GraduatePlacement.objects.count() == 5 * 3 * 4
    students = Student.objects.count()
    call_command("seed_demo", scale="province", without_report=True, verbosity=0)
    assert Student.objects.count() == students
