from __future__ import annotations

import pytest
from django.urls import reverse

from tests.members.factories import MajorFactory
from tests.training.factories import StationPostFactory, TeacherStationFactory
from training.services import station_posts_copy

pytestmark = pytest.mark.django_db


def test_copy_offers_the_latest_years_posts_again_once():
    station = TeacherStationFactory()
    cnc, mechatronics = MajorFactory(name="数控"), MajorFactory(name="机电")
    StationPostFactory(station=station, year=2023, post="旧岗位")
    StationPostFactory(station=station, year=2024, post="工艺员", major=cnc, places=3)
    StationPostFactory(station=station, year=2024, post="质检员", major=mechatronics, places=1)
    StationPostFactory(station=station, year=2025, post="质检员", major=mechatronics, places=2)
    assert station_posts_copy(station=station, to_year=2025) == (2024, 1)
    assert set(station.posts.filter(year=2025).values_list("post", "places")) == {
        ("工艺员", 3),
        ("质检员", 2),
    }
    assert station_posts_copy(station=station, to_year=2025) == (2024, 0)


def test_copy_without_earlier_posts_adds_nothing():
    station = TeacherStationFactory()
    assert station_posts_copy(station=station, to_year=2025) == (None, 0)


def test_hr_copies_posts_of_their_own_station_only(
    client_for, hr_user, other_hr_user, school_user, enterprise
):
    station = TeacherStationFactory(enterprise=enterprise)
    StationPostFactory(station=station, year=2024)
    url = reverse("training:post_copy", args=[station.pk])
    url += "?year=2025"
    assert client_for(other_hr_user).post(url).status_code == 404
    assert client_for(school_user).post(url).status_code == 403
    # The copy cannot be undone from the portal: GET only asks.
    page = client_for(hr_user).get(url)
    assert page.status_code == 200 and 'id="confirm-form"' in page.content.decode()
    assert not station.posts.filter(year=2025).exists()
    response = client_for(hr_user).post(url, follow=True)
    assert station.posts.filter(year=2025).count() == 1
    assert "2024" in response.content.decode()


def test_copy_without_earlier_posts_says_so_and_adds_nothing(client_for, hr_user, enterprise):
    station = TeacherStationFactory(enterprise=enterprise)
    url = reverse("training:post_copy", args=[station.pk]) + "?year=2025"
    response = client_for(hr_user).post(url)
    assert response.status_code == 400 and not station.posts.exists()
    assert "没有往年岗位可沿用" in response.content.decode()
