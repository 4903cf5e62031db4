"""What the members registers get from the framework: sorting, pagination that keeps the filters,
search, "all" on every choice filter, success messages, confirmation steps, the one file view,
and attendance in a meeting's history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse

from alliance.registers.filters import ALL
from members.models import CouncilMeeting, Organization, OrganizationPhoto
from tests.members.factories import (
    CouncilMeetingFactory,
    CouncilSeatFactory,
    EnterpriseFactory,
    ExpertMemberFactory,
    OrganizationPhotoFactory,
    ResolutionFactory,
    SchoolYearFiguresFactory,
    png_bytes,
)

pytestmark = pytest.mark.django_db

ORGANIZATIONS = reverse("members:organization_list")


def _names(response) -> list[str]:
    return [row.record.name for row in response.context["table"].page.object_list]


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- lists -------------------------------------------------------------------------------------


def test_organisation_columns_sort_both_ways(client_for, council_user):
    for name in ("乙公司", "甲公司", "丙公司"):
        EnterpriseFactory(name=name)
    client = client_for(council_user)
    ascending = _names(client.get(ORGANIZATIONS, {"sort": "name"}))
    descending = _names(client.get(ORGANIZATIONS, {"sort": "-name"}))
    assert ascending == sorted(ascending) and descending == ascending[::-1]
    assert 'href="?sort=name"' in client.get(ORGANIZATIONS).content.decode()


@pytest.mark.parametrize(
    ("route", "column"),
    [
        ("members:school_figures_list", "enrolled_students"),
        ("members:seat_list", "term_start"),
        ("members:expert_list", "person"),
        ("members:meeting_list", "date"),
        ("members:account_list", "username"),
    ],
)
def test_every_members_list_sorts_by_its_columns(client_for, secretariat_user, route, column):
    response = client_for(secretariat_user).get(reverse(route), {"sort": column})
    assert response.status_code == 200
    assert response.context["table"].order_by == (column,)


def test_meeting_list_sorts_by_attendance(client_for, council_user):
    seats = CouncilSeatFactory.create_batch(3)
    small = CouncilMeetingFactory(date=dt.date(2025, 3, 1), title="小会")
    small.attendees.set(seats[:1])
    large = CouncilMeetingFactory(date=dt.date(2025, 9, 1), title="大会")
    large.attendees.set(seats)
    response = client_for(council_user).get(reverse("members:meeting_list"), {"sort": "attendance"})
    assert [r.record.title for r in response.context["table"].page.object_list] == ["小会", "大会"]


def test_pagination_keeps_the_filters(client_for, council_user):
    for i in range(30):
        EnterpriseFactory(name=f"分页企业{i:02d}")
    response = client_for(council_user).get(ORGANIZATIONS, {"kind": "enterprise"})
    body = response.content.decode()
    # 30 enterprises at 25 a page: two pages, the link to the second keeps kind=enterprise.
    assert response.context["paginator"].num_pages == 2
    assert "kind=enterprise&amp;page=2" in body or "page=2&amp;kind=enterprise" in body
    second = client_for(council_user).get(ORGANIZATIONS, {"kind": "enterprise", "page": 2})
    assert len(second.context["table"].page.object_list) == 5


def test_search_over_related_names(client_for, council_user, secretariat_user):
    owner = EnterpriseFactory(name="检索专用企业")
    ExpertMemberFactory(person="专家甲", organization=owner)
    ExpertMemberFactory(person="专家乙")
    response = client_for(council_user).get(reverse("members:expert_list"), {"q": "检索专用"})
    assert [row.record.person for row in response.context["table"].page.object_list] == ["专家甲"]
    CouncilMeetingFactory(title="年度理事会", summary="审议质量报告")
    CouncilMeetingFactory(title="临时会议", summary="其他")
    response = client_for(council_user).get(reverse("members:meeting_list"), {"q": "质量报告"})
    assert [r.record.title for r in response.context["table"].page.object_list] == ["年度理事会"]


@pytest.mark.parametrize(
    ("route", "fields"),
    [
        ("members:organization_list", ("kind", "industry", "is_local", "status")),
        ("members:school_figures_list", ("school",)),
        ("members:seat_list", ("role", "organization")),
        ("members:expert_list", ("role", "organization")),
        ("members:meeting_list", ("kind", "status")),
        ("members:account_list", ("role", "is_active")),
    ],
)
def test_every_choice_filter_offers_all(client_for, secretariat_user, route, fields):
    form = client_for(secretariat_user).get(reverse(route)).context["filter"].form
    for name in fields:
        first = next(iter(form.fields[name].widget.choices))
        assert first[0] == "" and str(first[1]) == str(ALL), name


# --- saving ------------------------------------------------------------------------------------


def test_register_form_says_it_saved(client_for, school_user, school):
    response = client_for(school_user).post(
        reverse("members:school_figures_create"),
        {
            "school": school.pk,
            "year": 2025,
            "enrolled_students": 3000,
            "professional_teachers": 150,
            "graduates": 900,
        },
        follow=True,
    )
    assert response.status_code == 200 and response.context["object"].school == school
    assert any(str(school) in m for m in _messages(response))


def test_the_apps_own_forms_say_they_saved(client_for, secretariat_user):
    meeting = CouncilMeetingFactory(date=dt.date(2025, 6, 26))
    response = client_for(secretariat_user).post(
        reverse("members:resolution_create", args=[meeting.pk]),
        {
            "text": "建设实训基地",
            "owner": EnterpriseFactory().pk,
            "due_on": "2025-12-31",
            "status": "open",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("members:meeting_detail", args=[meeting.pk])
    assert _messages(response) and "建设实训基地" in response.content.decode()


def test_coordinator_edits_its_school_from_the_detail_page(client_for, school_user, school):
    response = client_for(school_user).get(reverse("members:organization_detail", args=[school.pk]))
    assert response.context["edit_url"] == reverse("members:school_update", args=[school.pk])
    form = client_for(school_user).get(response.context["edit_url"]).context["form"]
    assert "name" not in form.fields and "development_status" in form.fields


# --- confirmations -------------------------------------------------------------------------------


def test_withdrawal_asks_first(client_for, secretariat_user, enterprise):
    url = reverse("members:organization_withdraw", args=[enterprise.pk])
    response = client_for(secretariat_user).get(url)
    assert response.status_code == 200
    assert "registers/confirm.html" in [t.name for t in response.templates]
    assert "left_on" in response.content.decode()
    enterprise.refresh_from_db()
    assert enterprise.status == "active"
    response = client_for(secretariat_user).post(url, {"left_on": ""})
    enterprise.refresh_from_db()
    assert response.status_code == 200 and enterprise.status == "active"


def test_undoing_a_withdrawal_asks_first(client_for, secretariat_user):
    org = EnterpriseFactory(status="withdrawn", left_on=dt.date(2025, 1, 1))
    url = reverse("members:organization_rejoin", args=[org.pk])
    response = client_for(secretariat_user).get(url)
    org.refresh_from_db()
    assert response.status_code == 200 and org.status == "withdrawn"
    response = client_for(secretariat_user).post(url, follow=True)
    org.refresh_from_db()
    assert org.status == "active" and _messages(response)


def test_removing_a_photo_asks_first(client_for, hr_user, enterprise):
    photo = OrganizationPhotoFactory(organization=enterprise)
    url = reverse("members:organization_photo_delete", args=[photo.pk])
    client = client_for(hr_user)
    assert client.get(url).status_code == 200 and enterprise.photos.exists()
    response = client.post(url, follow=True)
    assert not enterprise.photos.exists() and _messages(response)


# --- files ---------------------------------------------------------------------------------------


def _photo(enterprise, content: bytes) -> OrganizationPhoto:
    photo = OrganizationPhoto(organization=enterprise)
    photo.image.save("photo.png", ContentFile(content), save=True)
    return photo


def test_a_real_photo_is_shown_inline_sandboxed(client_for, council_user, enterprise):
    photo = _photo(enterprise, png_bytes())
    response = client_for(council_user).get(reverse("members:photo_file", args=[photo.pk, "image"]))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_html_with_png_magic_is_a_download(client_for, council_user, enterprise):
    photo = _photo(enterprise, b"\x89PNG\r\n\x1a\n<script>alert(1)</script>")
    response = client_for(council_user).get(reverse("members:photo_file", args=[photo.pk, "image"]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]


def test_minutes_are_downloads_typed_by_their_content(client_for, council_user, hr_user):
    meeting = CouncilMeetingFactory()
    meeting.minutes.save("纪要.docx", ContentFile(b"%PDF-1.4\n% minutes\n"), save=True)
    url = reverse("members:meeting_file", args=[meeting.pk, "minutes"])
    response = client_for(council_user).get(url)
    # The name says Word; the content says PDF: the content wins.
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client_for(hr_user).get(url).status_code == 403
    assert client_for(council_user).get(url.replace("minutes", "summary")).status_code == 404


# --- history -------------------------------------------------------------------------------------


def test_meeting_history_records_attendance(client_for, secretariat_user, council_user):
    seats = CouncilSeatFactory.create_batch(2)
    meeting = CouncilMeetingFactory(date=dt.date(2025, 6, 26), status="held")
    client_for(secretariat_user).post(
        reverse("members:meeting_update", args=[meeting.pk]),
        {
            "date": "2025-06-26",
            "kind": "regular",
            "status": "held",
            "title": meeting.title,
            "attendees": [s.pk for s in seats],
        },
    )
    assert CouncilMeeting.objects.get().attendees.count() == 2
    history = (
        client_for(council_user)
        .get(reverse("members:meeting_detail", args=[meeting.pk]))
        .context["history"]
    )
    changed = {c.field for row in history for c in row.changes}
    assert any("出席" in name or "attending" in name for name in changed)


def test_overdue_resolution_shows_on_its_owners_page(client_for, hr_user, enterprise):
    ResolutionFactory(owner=enterprise, text="年内建成实训基地", due_on=dt.date(2025, 1, 31))
    response = client_for(hr_user).get(reverse("members:organization_detail", args=[enterprise.pk]))
    assert "年内建成实训基地" in response.content.decode()


def test_coordinator_cannot_open_another_schools_figures(client_for, school_user, other_school):
    figures = SchoolYearFiguresFactory(school=other_school)
    response = client_for(school_user).get(
        reverse("members:school_figures_detail", args=[figures.pk])
    )
    assert response.status_code == 404
    assert Organization.objects.filter(pk=other_school.pk).exists()
