from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from members.models import CouncilMeeting, Resolution
from members.selectors import default_year
from reports.selectors import indicator_rows
from tests.members.factories import (
    CouncilMeetingFactory,
    CouncilSeatFactory,
    EnterpriseFactory,
    ExpertMemberFactory,
    ResolutionFactory,
)

pytestmark = pytest.mark.django_db

COUNCIL = reverse("members:council")


def test_council_page_compares_this_years_meetings_with_the_plan(
    client_for, council_user, django_assert_max_num_queries
):
    today = timezone.localdate()
    seats = CouncilSeatFactory.create_batch(8)
    meeting = CouncilMeetingFactory(date=today.replace(month=1, day=15))
    meeting.attendees.set(seats)
    for _ in range(5):
        ResolutionFactory(meeting=meeting, due_on=today.replace(month=1, day=20))
    CouncilMeetingFactory(date=dt.date(today.year - 1, 6, 1))
    client = client_for(council_user)
    # session, user, the year's meetings, seats, overdue resolutions, expert count; the
    # meeting indicator: the year's target overrides, regular meetings per half-year; the
    # composition indicators: the target overrides again, seats by kind
    with django_assert_max_num_queries(10):
        response = client.get(COUNCIL, {"year": today.year})
    assert response.status_code == 200
    section = response.context["sections"][0]
    row = section.context["row"]
    assert (row.value, row.met) == (1, False)
    overdue = response.context["overdue"]
    if today > today.replace(month=1, day=20):
        assert len(overdue) == 5
    body = response.content.decode()
    assert "≥ 2 (每半年一次)" in body and "未达成" in body
    assert "Mark done" not in body and "标记完成" not in body  # council members read only


def test_secretariat_records_a_meeting_with_minutes_and_a_resolution(
    client_for, secretariat_user, council_user
):
    seats = CouncilSeatFactory.create_batch(3)
    client = client_for(secretariat_user)
    minutes = SimpleUploadedFile("纪要.pdf", b"%PDF-1.4\n% minutes\n", "application/pdf")
    response = client.post(
        reverse("members:meeting_create"),
        {
            "date": "2025-06-26",
            "kind": "regular",
            "status": "held",
            "title": "2025年上半年理事会会议",
            "attendees": [s.pk for s in seats[:2]],
            "minutes": minutes,
        },
    )
    meeting = CouncilMeeting.objects.get()
    assert response.status_code == 302
    assert meeting.attendees.count() == 2 and meeting.minutes
    owner = EnterpriseFactory()
    response = client.post(
        reverse("members:resolution_create", args=[meeting.pk]),
        {"text": "建设实训基地", "owner": owner.pk, "due_on": "2025-12-31", "status": "open"},
    )
    assert response.status_code == 302
    resolution = Resolution.objects.get()
    assert resolution.meeting == meeting
    download = client_for(council_user).get(
        reverse("members:meeting_file", args=[meeting.pk, "minutes"])
    )
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_minutes_must_be_pdf_docx_or_image(client_for, secretariat_user):
    response = client_for(secretariat_user).post(
        reverse("members:meeting_create"),
        {
            "date": "2025-06-26",
            "kind": "regular",
            "status": "held",
            "title": "x",
            "minutes": SimpleUploadedFile("纪要.pdf", b"MZ\x90\x00 an exe", "application/pdf"),
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["minutes"]


def test_resolution_due_before_the_meeting_is_refused(client_for, secretariat_user):
    meeting = CouncilMeetingFactory(date=dt.date(2025, 6, 26))
    response = client_for(secretariat_user).post(
        reverse("members:resolution_create", args=[meeting.pk]),
        {"text": "x", "owner": EnterpriseFactory().pk, "due_on": "2025-01-01", "status": "open"},
    )
    assert response.status_code == 200 and response.context["form"].errors["due_on"]


def test_secretariat_marks_a_resolution_done(client_for, secretariat_user):
    resolution = ResolutionFactory()
    response = client_for(secretariat_user).post(
        reverse("members:resolution_done", args=[resolution.pk])
    )
    resolution.refresh_from_db()
    assert response.status_code == 302
    assert resolution.status == "done" and resolution.done_on == timezone.localdate()


def test_council_member_cannot_change_resolutions(client_for, council_user):
    resolution = ResolutionFactory()
    assert (
        client_for(council_user)
        .post(reverse("members:resolution_done", args=[resolution.pk]))
        .status_code
        == 403
    )
    resolution.refresh_from_db()
    assert resolution.status == "open"


def test_meeting_list_is_bounded(client_for, council_user, django_assert_max_num_queries):
    seats = CouncilSeatFactory.create_batch(4)
    for month in range(1, 13):
        meeting = CouncilMeetingFactory(date=dt.date(2025, month, 1))
        meeting.attendees.set(seats)
        ResolutionFactory(meeting=meeting)
    client = client_for(council_user)
    # session, user, the table's size, count, page of annotated meetings
    with django_assert_max_num_queries(5):
        response = client.get(reverse("members:meeting_list"), {"year": 2025})
    assert len(response.context["object_list"]) == 12
    assert response.context["object_list"][0].seats_attending == 4


def test_meeting_detail_shows_resolutions_and_history(client_for, council_user):
    resolution = ResolutionFactory(text="编制质量报告")
    response = client_for(council_user).get(
        reverse("members:meeting_detail", args=[resolution.meeting_id])
    )
    assert response.status_code == 200 and "编制质量报告" in response.content.decode()


def test_school_and_hr_cannot_read_council_records(client_for, school_user, hr_user):
    meeting = CouncilMeetingFactory()
    for user in (school_user, hr_user):
        client = client_for(user)
        assert client.get(COUNCIL).status_code == 403
        assert client.get(reverse("members:meeting_detail", args=[meeting.pk])).status_code == 403


def test_expert_committee_lists_the_director_first(client_for, council_user):
    ExpertMemberFactory(person="委员乙", order=1)
    ExpertMemberFactory(person="主任甲", role="director", order=0)
    response = client_for(council_user).get(reverse("members:expert_list"))
    assert [e.person for e in response.context["object_list"]] == ["主任甲", "委员乙"]


def test_secretariat_adds_a_seat_with_a_term_in_order(client_for, secretariat_user):
    org = EnterpriseFactory()
    client = client_for(secretariat_user)
    data = {
        "person": "张三",
        "organization": org.pk,
        "role": "director",
        "term_start": "2025-01-01",
        "term_end": "2024-01-01",
    }
    response = client.post(reverse("members:seat_create"), data)
    assert response.status_code == 200 and response.context["form"].errors["term_end"]
    response = client.post(reverse("members:seat_create"), {**data, "term_end": "2027-12-31"})
    assert response.status_code == 302


def test_council_page_looks_back_at_a_past_year(client_for, secretariat_user):
    CouncilMeetingFactory(date=dt.date(2024, 6, 20))
    CouncilMeetingFactory(date=dt.date(2024, 12, 18))
    response = client_for(secretariat_user).get(COUNCIL, {"year": 2024})
    row = response.context["sections"][0].context["row"]
    assert response.context["year"] == 2024 and (row.value, row.met) == (2, True)
    # No year: the year the dashboards open on, never simply today's; a bad year is refused.
    assert client_for(secretariat_user).get(COUNCIL).context["year"] == default_year()
    assert client_for(secretariat_user).get(COUNCIL, {"year": "abc"}).status_code == 400


def test_two_meetings_in_one_half_year_are_not_on_track_as_in_the_report(
    client_for, secretariat_user
):
    CouncilMeetingFactory(date=dt.date(2025, 3, 10))
    CouncilMeetingFactory(date=dt.date(2025, 4, 20))
    response = client_for(secretariat_user).get(COUNCIL, {"year": 2025})
    row = response.context["sections"][0].context["row"]
    assert (row.value, row.met) == (2, False)
    kpi = {r.indicator.code: r for r in indicator_rows(2025)}["council_meetings"]
    assert kpi.met is False and kpi.value == 2


def test_marking_a_resolution_done_never_redirects_off_the_site(client_for, secretariat_user):
    resolution = ResolutionFactory()
    response = client_for(secretariat_user).post(
        reverse("members:resolution_done", args=[resolution.pk]),
        {"next": "https://evil.example/phish"},
    )
    assert response["Location"] == reverse("members:meeting_detail", args=[resolution.meeting_id])
