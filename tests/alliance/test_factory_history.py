"""The test factories' history switch (tests/factory_base.py) silences only factory rows."""

from __future__ import annotations

import threading

import factory

from tests.factory_base import with_history
from tests.members.factories import EnterpriseFactory


def test_factory_rows_have_no_history_and_every_other_write_keeps_it(db):
    enterprise = EnterpriseFactory()
    assert enterprise.history.count() == 0
    enterprise.industry = "新材料"
    enterprise.save()
    assert enterprise.history.count() == 1
    with with_history():
        kept = EnterpriseFactory()
    assert kept.history.count() == 1


def test_a_factory_in_one_thread_leaves_the_other_threads_writes_recorded(db):
    enterprise = EnterpriseFactory()
    inside, done = threading.Event(), threading.Event()

    def midway():
        inside.set()
        done.wait(5)
        return "线程里的企业"

    def factory_in_progress():
        # A factory mid-build in another thread, as in a browser test's test thread while
        # the live server's thread writes (built, not saved: that thread has no test database).
        EnterpriseFactory.build(name=factory.LazyFunction(midway))

    thread = threading.Thread(target=factory_in_progress)
    thread.start()
    assert inside.wait(5)
    enterprise.industry = "新材料"
    enterprise.save()  # meanwhile, a page's write in this thread
    done.set()
    thread.join(5)
    assert enterprise.history.count() == 1
