"""The base of every factory: rows a test arranges arrive without a history entry.

A history entry is an INSERT, and for a many-to-many field a second one, for every row a factory
saves; a factory row with its parents (organisation, school, teacher) cost four. That was a
fifth of the unit tests' time, spent on entries no test reads: the tests of the history write
their rows through the pages and services, or through ``with_history``.

simple_history asks ``settings.SIMPLE_HISTORY_ENABLED`` before each entry. ``HISTORY_SWITCH``
stands there (``tests/conftest.py``) and answers per thread, so that a factory in the test
thread never silences the live server's thread in a browser test.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

import factory

_thread = threading.local()


class HistorySwitch:
    """Truthy (history kept) unless this thread is inside a factory."""

    def __bool__(self) -> bool:
        return not getattr(_thread, "factory_depth", 0)


HISTORY_SWITCH = HistorySwitch()


@contextmanager
def _without_history():
    _thread.factory_depth = getattr(_thread, "factory_depth", 0) + 1
    try:
        yield
    finally:
        _thread.factory_depth -= 1


@contextmanager
def with_history():
    """Factories inside keep history, as the pages do (tests of the history itself)."""
    forced = getattr(_thread, "history_forced", False)
    _thread.history_forced = True
    try:
        yield
    finally:
        _thread.history_forced = forced


class RecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _generate(cls, strategy, params):
        # Around the whole build: the parents (sub-factories) and the many-to-many links
        # (post-generation) are written inside it too.
        if getattr(_thread, "history_forced", False):
            return super()._generate(strategy, params)
        with _without_history():
            return super()._generate(strategy, params)
