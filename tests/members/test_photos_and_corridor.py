from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.members.factories import EnterpriseFactory, OrganizationPhotoFactory, png_bytes

pytestmark = pytest.mark.django_db


def _upload(
    client, enterprise, content: bytes, name: str = "厂区.png", content_type: str = "image/png"
):
    return client.post(
        reverse("members:organization_photo_add", args=[enterprise.pk]),
        {"image": SimpleUploadedFile(name, content, content_type), "caption": "生产车间"},
    )


def test_hr_adds_a_photo_served_through_a_checked_view(
    client_for, hr_user, enterprise, council_user
):
    client = client_for(hr_user)
    assert _upload(client, enterprise, png_bytes()).status_code == 302
    photo = enterprise.photos.get()
    response = client_for(council_user).get(reverse("members:photo_file", args=[photo.pk, "image"]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    anonymous = client_for(None).get(reverse("members:photo_file", args=[photo.pk, "image"]))
    assert anonymous.status_code == 302


def test_a_renamed_pdf_is_not_accepted_as_a_photo(client_for, hr_user, enterprise):
    response = _upload(client_for(hr_user), enterprise, b"%PDF-1.4 not an image", name="fake.png")
    assert response.status_code == 200
    assert response.context["form"].errors["image"]
    assert not enterprise.photos.exists()


def test_a_photo_over_2_mb_is_refused(client_for, hr_user, enterprise, settings):
    big = png_bytes() + b"\0" * (2 * 1024 * 1024)
    response = _upload(client_for(hr_user), enterprise, big)
    assert response.status_code == 200 and response.context["form"].errors["image"]


def test_hr_removes_its_own_photo(client_for, hr_user, enterprise):
    photo = OrganizationPhotoFactory(organization=enterprise)
    response = client_for(hr_user).post(
        reverse("members:organization_photo_delete", args=[photo.pk])
    )
    assert response.status_code == 302 and not enterprise.photos.exists()


def test_school_coordinator_cannot_add_photos(client_for, school_user, school):
    assert (
        client_for(school_user)
        .get(reverse("members:organization_photo_add", args=[school.pk]))
        .status_code
        == 403
    )


def test_corridor_shows_every_active_enterprise_with_its_profile(
    client_for, school_user, school, django_assert_max_num_queries
):
    for i in range(6):
        org = EnterpriseFactory(
            name=f"长廊企业{i}有限公司",
            development_status=f"发展现状{i}",
            wage_min=4000,
            wage_max=6500,
            leaders="张三 董事长",
        )
        OrganizationPhotoFactory(organization=org)
    EnterpriseFactory(name="已退出企业有限公司", status="withdrawn", left_on="2025-01-01")
    client = client_for(school_user)
    # session, user, school, the page's count, enterprises, their photos, the user's
    # organisation (page header)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("members:corridor", args=[school.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('class="card shadow-sm mb-4 corridor-card"') == 6
    assert "发展现状3" in body and "4,000–6,500" in body and "张三 董事长" in body
    assert "已退出企业有限公司" not in body


def test_corridor_index_sends_a_coordinator_to_its_school(
    client_for, school_user, school, other_school
):
    response = client_for(school_user).get(reverse("members:corridor_index"))
    assert response.status_code == 302 and response["Location"] == reverse(
        "members:corridor", args=[school.pk]
    )


def test_corridor_index_lists_schools_for_the_secretariat(
    client_for, secretariat_user, school, other_school
):
    response = client_for(secretariat_user).get(reverse("members:corridor_index"))
    assert response.status_code == 200 and len(response.context["schools"]) == 2


def test_coordinator_gets_404_on_another_schools_corridor(client_for, school_user, other_school):
    assert (
        client_for(school_user).get(reverse("members:corridor", args=[other_school.pk])).status_code
        == 404
    )


def test_photos_are_served_as_images_only(client_for, council_user):
    photo = OrganizationPhotoFactory()
    response = client_for(council_user).get(reverse("members:photo_file", args=[photo.pk, "image"]))
    assert response["Content-Type"] == "image/png"
    assert (
        response["X-Content-Type-Options"] == "nosniff"
        and "sandbox" in response["Content-Security-Policy"]
    )


def test_the_corridor_shows_twenty_enterprises_a_page(client_for, council_user, school):
    EnterpriseFactory.create_batch(25)
    url = reverse("members:corridor", args=[school.pk])
    client = client_for(council_user)
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    # 25 enterprises: 20 on the first page, 5 on the second.
    assert first.count('class="card shadow-sm mb-4 corridor-card"') == 20
    assert second.count('class="card shadow-sm mb-4 corridor-card"') == 5
    assert "?page=2" in first
