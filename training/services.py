"""Writes of the training app that go beyond saving one form.

Keyword-only, typed, atomic, and every record passes ``full_clean()`` before it is saved, so the
model rules apply exactly as in the forms and imports.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from .models import StationPost, TeacherStation


@transaction.atomic
def station_posts_copy(*, station: TeacherStation, to_year: int) -> tuple[int | None, int]:
    """Offer in ``to_year`` the practice posts of the station's latest earlier year.

    The plan asks stations to set their posts every year (Linqu §(二)4); most posts carry over.
    Posts already offered in ``to_year`` are left alone, so copying twice adds nothing.
    Returns (the year copied from or None when there is none, the number of posts added).
    """
    from_year = station.posts.filter(year__lt=to_year).aggregate(y=Max("year"))["y"]
    if from_year is None:
        return None, 0
    offered = set(station.posts.filter(year=to_year).values_list("post", "major_id"))
    added = 0
    for post in station.posts.filter(year=from_year).order_by("pk"):
        if (post.post, post.major_id) in offered:
            continue
        copy = StationPost(
            station=station, year=to_year, post=post.post, major=post.major, places=post.places
        )
        copy.full_clean()
        copy.save()
        added += 1
    return from_year, added
