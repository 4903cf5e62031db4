"""With Redis down, pages that read the cache still answer: a running import shows the progress
last saved on its batch instead of a 500."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.urls import reverse
from redis.exceptions import RedisError

from alliance.models import ImportBatch, ImportStatus

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every cache call fails at once with a connection error.
DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/12",
    }
}


def test_a_running_import_page_answers_when_redis_is_down(client_for, school_user, settings):
    settings.CACHES = DOWN
    batch = ImportBatch.objects.create(
        register="school_figures",
        user=school_user,
        file_name="big.xlsx",
        status=ImportStatus.IMPORTING,
        progress=40,
    )
    with pytest.raises(RedisError):  # the premise: the cache really is unreachable
        caches["default"].get("probe")
    client = client_for(school_user)
    page = client.get(reverse("exchange:batch", args=[batch.pk]))
    assert page.status_code == 200
    assert 'data-progress="40"' in page.content.decode()
    fragment = client.get(reverse("exchange:batch", args=[batch.pk]), HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
