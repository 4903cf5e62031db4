"""Long jobs without a message broker: a Celery task run in a thread of the web process.

With no ``REDIS_URL`` (the default ``make run``) nothing consumes Celery's queue, and an eager
task holds the request for as long as the job takes (a report build: 16–27 s, with the button
still active). Here the task runs in a daemon thread instead; its own row (status, progress) is
what the progress page polls, exactly as under a worker. A job started here dies with the
process; the services' stale-job checks then mark it failed, as for a worker that died.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_running: dict[tuple[str, tuple], threading.Thread] = {}


def enqueue(task, *args) -> None:
    """Run the Celery ``task`` with ``args``: by the broker, or with none in a thread here.

    A second call for the same task and arguments while the first runs joins it (starts
    nothing). Broker errors propagate to the caller, as from ``task.delay``.
    """
    if not settings.BACKGROUND_THREADS:
        task.delay(*args)
        return
    key = (task.name, args)
    with _lock:
        if key in _running:
            return
        thread = threading.Thread(
            target=_run, args=(key, task, args), name=f"job {task.name}{args}", daemon=True
        )
        _running[key] = thread
    thread.start()


def running(task, *args) -> bool:
    """Whether this process runs ``task`` with ``args`` in a thread now."""
    with _lock:
        return (task.name, args) in _running


def wait_all(timeout: float | None = None) -> None:
    """Wait for the threads running now (for tests and an orderly shutdown)."""
    with _lock:
        threads = list(_running.values())
    for thread in threads:
        thread.join(timeout)


def _run(key: tuple[str, tuple], task, args: tuple) -> None:
    try:
        # apply() runs the task here with Celery's request context, so its own retry and
        # failure handling behave as under a worker.
        task.apply(args=args, throw=True)
    except Exception:
        logger.exception("background job %s%s failed", task.name, args)
    finally:
        # The thread opened its own database connection: close it rather than leak it.
        connections.close_all()
        with _lock:
            _running.pop(key, None)
