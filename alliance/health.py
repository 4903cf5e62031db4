"""Health of the portal's three moving parts: database, broker and Celery worker."""

from __future__ import annotations

from django.conf import settings
from django.db import connection


def database_status() -> str:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as exc:  # any failure is a "down" answer, never a 500
        return f"down: {exc.__class__.__name__}"


def broker_status() -> str:
    if not settings.REDIS_URL:
        return "eager"  # no broker configured: tasks run in-process
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
        return "ok"
    except Exception as exc:
        return f"down: {exc.__class__.__name__}"


def worker_status(broker: str) -> str:
    if broker == "eager":
        return "eager"
    if broker != "ok":
        return "unknown: broker down"
    from alliance.celery import app

    try:
        replies = app.control.inspect(timeout=1.0).ping() or {}
    except Exception as exc:
        return f"down: {exc.__class__.__name__}"
    return f"ok: {len(replies)}" if replies else "down: no worker answered"


def health() -> dict[str, str]:
    broker = broker_status()
    return {"database": database_status(), "broker": broker, "worker": worker_status(broker)}
