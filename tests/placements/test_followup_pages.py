"""The follow-ups due page (secretariat and employer) and the retention funnel page (every
role: counts only), per role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from alliance import worklist
from placements import views
from tests.placements.factories import (
    GraduatePlacementFactory,
    OrderClassEnrolmentFactory,
    RetentionFollowUpFactory,
)

pytestmark = pytest.mark.django_db

DUE = reverse("placements:followups_due")
FUNNEL = reverse("reports:retention_funnel")


@pytest.fixture
def due(enterprise, other_enterprise, monkeypatch):
    monkeypatch.setattr(views.timezone, "localdate", lambda: dt.date(2026, 3, 1))
    # Graduated 2025: the 6-month follow-up fell due on 1 January 2026.
    ours = GraduatePlacementFactory(employer=enterprise, student__name="李向阳")
    theirs = GraduatePlacementFactory(employer=other_enterprise, student__name="孙海燕")
    answered = GraduatePlacementFactory(employer=enterprise, student__name="周明")
    RetentionFollowUpFactory(placement=answered, milestone=6, contacted_on=dt.date(2026, 1, 8))
    return ours, theirs


def test_secretariat_sees_every_follow_up_due_and_can_send_a_link(
    client_for, secretariat_user, due
):
    html = client_for(secretariat_user).get(DUE).content.decode()
    assert "李向阳" in html and "孙海燕" in html and "周明" not in html
    assert "2026-01-01" in html
    assert reverse("signed_link_issue", args=["followup", due[0].pk]) in html


def test_hr_sees_only_its_own_employees(client_for, hr_user, due):
    html = client_for(hr_user).get(DUE).content.decode()
    assert "李向阳" in html and "孙海燕" not in html
    assert "/links/new/" not in html  # only the secretariat issues links
    assert f"{reverse('placements:followup_create', args=[due[0].pk])}?milestone=6" in html


@pytest.mark.parametrize("persona", ["school_user", "council_user"])
def test_schools_and_council_are_refused(client_for, request, persona, due):
    assert client_for(request.getfixturevalue(persona)).get(DUE).status_code == 403


def test_the_due_page_runs_a_bounded_number_of_queries(
    client_for, secretariat_user, enterprise, due, django_assert_max_num_queries
):
    GraduatePlacementFactory.create_batch(10, employer=enterprise)
    client = client_for(secretariat_user)
    # 4: session, user, the placements with student, school and employer, their follow-ups.
    with django_assert_max_num_queries(4):
        assert client.get(DUE).status_code == 200


def test_the_recording_form_starts_at_the_milestone_due(client_for, hr_user, due):
    url = reverse("placements:followup_create", args=[due[0].pk]) + "?milestone=6"
    html = client_for(hr_user).get(url).content.decode()
    assert '<option value="6" selected>' in html


@pytest.mark.parametrize("persona", ["secretariat_user", "hr_user", "school_user", "council_user"])
def test_every_role_reads_the_funnel_without_names(
    client_for, request, persona, school, enterprise, django_assert_max_num_queries
):
    student_placement = GraduatePlacementFactory(
        graduation_year=2024, employer=enterprise, student__school=school, student__name="陈思远"
    )
    OrderClassEnrolmentFactory(student=student_placement.student, order_class__school=school)
    RetentionFollowUpFactory(
        placement=student_placement, milestone=6, contacted_on=dt.date(2025, 1, 10)
    )
    client = client_for(request.getfixturevalue(persona))
    # session, user, targets, members (schools, enterprises), the funnel, organisation names.
    with django_assert_max_num_queries(10):
        response = client.get(FUNNEL, {"year": 2024})
    html = response.content.decode()
    assert response.status_code == 200
    assert "陈思远" not in html
    assert school.name in html and enterprise.name in html
    assert 'id="funnel-data"' in html


def test_the_home_page_of_hr_lists_its_follow_ups_due(client_for, hr_user, due, monkeypatch):
    monkeypatch.setattr(worklist.timezone, "localdate", lambda: dt.date(2026, 3, 1))
    html = client_for(hr_user).get("/").content.decode()
    start = html.index('id="work-followups"')
    section = html[start : html.index("</section>", start)]
    assert "1 名在县内就业的毕业生需要回访" in section and DUE in section
