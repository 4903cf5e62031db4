"""Every members page per role: allowed (200), wrong role (403), anonymous (login), and another
organisation's object (404). The URL sweep checks the same routes across the whole project."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alliance.access import view_access
from members.models import Organization, SchoolYearFigures
from tests.members.factories import OrganizationPhotoFactory
from tests.members.sweep import KWARGS, POST_ONLY

pytestmark = pytest.mark.django_db

USERNAMES = ["secretariat", "council", "hr", "school"]
GET_ROUTES = [
    "members:my_organization",
    "members:organization_list",
    "members:organization_create",
    "members:organization_detail",
    "members:organization_edit",
    "members:school_edit",
    "members:organization_withdraw",
    "members:organization_photo_add",
    "members:organization_photo",
    "members:corridor_index",
    "members:corridor",
    "members:school_figures_list",
    "members:school_figures_create",
    "members:school_figures_edit",
    "members:council",
    "members:seat_create",
    "members:seat_edit",
    "members:expert_list",
    "members:expert_create",
    "members:expert_edit",
    "members:meeting_list",
    "members:meeting_create",
    "members:meeting_detail",
    "members:meeting_edit",
    "members:meeting_minutes",
    "members:resolution_create",
    "members:resolution_edit",
    "members:account_list",
    "members:account_create",
    "members:account_edit",
    "members:account_reset_password",
]


def _url(name: str) -> str:
    return reverse(name, kwargs=KWARGS[name]() if name in KWARGS else None)


def _audience(name: str):
    from django.urls import resolve

    return view_access(resolve(_url(name)).func)


@pytest.mark.parametrize("name", GET_ROUTES)
def test_each_members_page_answers_only_its_roles(name, client, demo_user):
    url = _url(name)
    audience = _audience(name)
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    for username in USERNAMES:
        user = demo_user(username)
        client.force_login(user)
        response = client.get(url)
        expected = 200 if user.role in audience else 403
        if response.status_code == 302 and expected == 200:
            continue  # e.g. the corridor index sends a coordinator to its own school
        assert response.status_code == expected, f"{name} as {username}"


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only_routes_refuse_wrong_roles(name, client, demo_user):
    url = _url(name)
    audience = _audience(name)
    assert client.post(url).status_code == 302
    for username in USERNAMES:
        user = demo_user(username)
        if user.role in audience:
            continue
        client.force_login(user)
        assert client.post(url).status_code == 403, f"{name} as {username}"


def test_hr_edits_own_enterprise_but_not_another(client, demo_user):
    client.force_login(demo_user("hr"))
    own = Organization.objects.get(name="山东华建铝业集团有限公司")
    other = Organization.objects.get(name="山东雷奥新能源有限公司")
    assert client.get(reverse("members:organization_edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("members:organization_edit", args=[other.pk])).status_code == 404
    response = client.post(
        reverse("members:organization_edit", args=[other.pk]), {"industry": "被篡改"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.industry != "被篡改"
    assert client.get(reverse("members:organization_photo_add", args=[other.pk])).status_code == 404


def test_hr_cannot_delete_another_enterprises_photo(client, demo_user):
    other = Organization.objects.get(name="山东雷奥新能源有限公司")
    photo = OrganizationPhotoFactory(organization=other)
    before = other.photos.count()
    client.force_login(demo_user("hr"))
    assert (
        client.post(reverse("members:organization_photo_delete", args=[photo.pk])).status_code
        == 404
    )
    assert other.photos.count() == before


def test_coordinator_cannot_edit_other_schools_figures_or_open_its_corridor(client, demo_user):
    other_school = Organization.objects.get(name="临朐县技工学校")
    figures = SchoolYearFigures.objects.filter(school=other_school).first()
    client.force_login(demo_user("school"))
    assert client.get(reverse("members:school_figures_edit", args=[figures.pk])).status_code == 404
    assert client.get(reverse("members:corridor", args=[other_school.pk])).status_code == 404
    own_school = demo_user("school").organization
    assert client.get(reverse("members:school_edit", args=[other_school.pk])).status_code == 404
    assert client.get(reverse("members:school_edit", args=[own_school.pk])).status_code == 200


def test_deactivated_account_is_refused(client, demo_user):
    user = demo_user("hr")
    user.is_active = False
    user.save()
    client.force_login(user)
    response = client.get(reverse("members:organization_list"))
    assert response.status_code in (302, 403)
