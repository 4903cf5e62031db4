"""Bulk writes by COPY (``alliance.bulk``): the rows, their keys and their history as
django-simple-history's own bulk writes leave them."""

from __future__ import annotations

import pytest
from django.db import connection

from alliance.bulk import insert_rows, insert_with_history
from members.models import CouncilMeeting
from placements.models import Student
from tests.members.factories import (
    CouncilMeetingFactory,
    MajorFactory,
    SchoolFactory,
    UserFactory,
)
from tests.placements.factories import StudentFactory

pytestmark = pytest.mark.django_db


def test_new_rows_get_their_keys_and_one_history_row_each():
    school = SchoolFactory()
    major = MajorFactory(school=school)
    clerk = UserFactory()
    students = StudentFactory.build_batch(3, school=school, major=major)
    insert_with_history(Student, students, user=clerk, reason="Excel import #7")

    keys = [s.pk for s in students]
    assert None not in keys and len(set(keys)) == 3
    stored = {s.pk: s for s in Student.objects.filter(pk__in=keys)}
    for student in students:
        assert stored[student.pk].national_id == student.national_id
        assert stored[student.pk].school_id == school.pk
    history = Student.history.filter(id__in=keys)
    assert sorted(history.values_list("id", flat=True)) == sorted(keys)
    assert set(history.values_list("history_type", "history_change_reason", "history_user")) == {
        ("+", "Excel import #7", clerk.pk)
    }
    assert {h.id: h.name for h in history} == {s.pk: s.name for s in students}
    # The sequence moved past the keys handed out: the next record saved gets a new one.
    assert StudentFactory(school=school, major=major).pk > max(keys)


def test_a_file_is_recorded_in_the_history_by_its_name_and_no_user_is_no_one():
    meeting = CouncilMeetingFactory.build(minutes="meetings/2025-minutes.pdf")
    insert_with_history(CouncilMeeting, [meeting], user=None, reason="import")
    version = CouncilMeeting.history.get(id=meeting.pk)
    assert str(version.minutes) == "meetings/2025-minutes.pdf"
    assert version.history_user_id is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the keys come from a sequence")
def test_rows_without_keys_asked_are_left_to_the_database():
    school = SchoolFactory()
    students = StudentFactory.build_batch(2, school=school, major=MajorFactory(school=school))
    insert_rows(Student, students)
    assert [s.pk for s in students] == [None, None]
    assert Student.objects.filter(school=school).count() == 2
