"""Celery tasks of the project package: thin wrappers that load a batch id and call a service."""

from __future__ import annotations

from celery import shared_task

from . import exchange_services, reminders, retention


@shared_task(acks_late=True, soft_time_limit=600, time_limit=660)
def check_import_batch(batch_id: int) -> str:
    return exchange_services.batch_check(batch_id=batch_id).status


@shared_task(acks_late=True, soft_time_limit=600, time_limit=660)
def run_import_batch(batch_id: int) -> str:
    return exchange_services.batch_import(batch_id=batch_id).status


@shared_task(acks_late=True)
def apply_retention() -> dict[str, int]:
    """Nightly (``CELERY_BEAT_SCHEDULE``): prune old audit events and import workbooks."""
    return retention.retention_apply()


@shared_task(acks_late=True)
def send_reminders() -> int:
    """On the ``REMINDER_CRON`` schedule: each account's digest of what is due (one a day)."""
    return reminders.digests_send()
