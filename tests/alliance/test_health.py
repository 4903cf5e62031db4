from __future__ import annotations

import pytest
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_health_reports_eager_mode_without_broker(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "eager", "worker": "eager"}


def test_health_reports_down_broker_in_body_not_as_error(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"].startswith("down")
    assert body["worker"].startswith("unknown")


def test_health_reports_live_broker(client, settings):
    import os

    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("REDIS_URL not set")
    settings.REDIS_URL = url
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


def test_health_is_503_when_database_is_down(client, monkeypatch):
    from django.db import connection

    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"].startswith("down")
