"""Every members page per role: allowed (200), wrong role (403), anonymous (login), and another
organisation's object (404). The URL sweep checks the same routes across the whole project."""

from __future__ import annotations

import pytest
from django.urls import reverse

from members.models import Organization, SchoolYearFigures
from tests.alliance.access_policy import POLICY
from tests.members.factories import OrganizationPhotoFactory
from tests.members.sweep import KWARGS, POST_ONLY

pytestmark = pytest.mark.django_db

USERNAMES = ["secretariat", "council", "hr", "school"]
# Who may open each members page: the hand-written policy table (from DESIGN §1).
MEMBERS = {name: roles for name, roles in POLICY.items() if name.startswith("members:")}
GET_ROUTES = sorted(set(MEMBERS) - POST_ONLY)


def _url(name: str) -> str:
    return reverse(name, kwargs=KWARGS[name]() if name in KWARGS else None)


@pytest.mark.parametrize("name", GET_ROUTES)
def test_each_members_page_answers_only_its_roles(name, client, demo_user):
    url = _url(name)
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    for username in USERNAMES:
        user = demo_user(username)
        client.force_login(user)
        response = client.get(url)
        expected = 200 if user.role in MEMBERS[name] else 403
        if response.status_code == 302 and expected == 200:
            continue  # e.g. the corridor index sends a coordinator to its own school
        assert response.status_code == expected, f"{name} as {username}"


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only_routes_refuse_wrong_roles(name, client, demo_user):
    url = _url(name)
    assert client.post(url).status_code == 302
    for username in USERNAMES:
        user = demo_user(username)
        if user.role in MEMBERS[name]:
            continue
        client.force_login(user)
        assert client.post(url).status_code == 403, f"{name} as {username}"


def test_hr_edits_own_enterprise_but_not_another(client, demo_user):
    client.force_login(demo_user("hr"))
    own = Organization.objects.get(name="山东华建铝业集团有限公司")
    other = Organization.objects.get(name="山东雷奥新能源有限公司")
    assert client.get(reverse("members:organization_update", args=[own.pk])).status_code == 200
    assert client.get(reverse("members:organization_update", args=[other.pk])).status_code == 404
    response = client.post(
        reverse("members:organization_update", args=[other.pk]), {"industry": "被篡改"}
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
    assert (
        client.get(reverse("members:school_figures_update", args=[figures.pk])).status_code == 404
    )
    assert client.get(reverse("members:corridor", args=[other_school.pk])).status_code == 404
    own_school = demo_user("school").organization
    assert client.get(reverse("members:school_update", args=[other_school.pk])).status_code == 404
    assert client.get(reverse("members:school_update", args=[own_school.pk])).status_code == 200


def test_deactivated_account_is_refused(client, demo_user):
    user = demo_user("hr")
    user.is_active = False
    user.save()
    client.force_login(user)
    response = client.get(reverse("members:organization_list"))
    assert response.status_code in (302, 403)
