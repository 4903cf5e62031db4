from __future__ import annotations

import datetime as dt

import pytest

from tests.placements.factories import (
    ApprenticeshipFactory,
    CareerMentorFactory,
    GraduatePlacementFactory,
    InternshipFactory,
    OrderClassAlignmentFactory,
    OrderClassEnrolmentFactory,
    OrderClassFactory,
    OutreachEventFactory,
    OutreachPhotoFactory,
    RetentionFollowUpFactory,
    StudentFactory,
)


@pytest.fixture
def records(school, other_school, enterprise, other_enterprise):
    """One record of every register for the persona organisations ("own"), and one of another
    school and enterprise ("other")."""
    own_class = OrderClassFactory(school=school, enterprises=[enterprise, other_enterprise])
    for aspect in ("objectives", "model", "content", "management", "assessment"):
        OrderClassAlignmentFactory(order_class=own_class, aspect=aspect)
    own_student = StudentFactory(
        school=school, national_id="370724200605170010", phone="13812345678"
    )
    OrderClassEnrolmentFactory(order_class=own_class, student=own_student)
    own_placement = GraduatePlacementFactory(
        student=own_student, employer=enterprise, via_order_class=own_class
    )
    other_student = StudentFactory(school=other_school)
    other_class = OrderClassFactory(school=other_school, enterprises=[other_enterprise])
    event = OutreachEventFactory(school=school, enterprises=[enterprise])
    return {
        "own": {
            "student": own_student,
            "orderclass": own_class,
            "placement": own_placement,
            "followup": RetentionFollowUpFactory(placement=own_placement),
            "apprenticeship": ApprenticeshipFactory(
                enterprise=enterprise,
                student=StudentFactory(school=school, study_mode="part_time_apprentice"),
            ),
            "internship": InternshipFactory(student=own_student, enterprise=enterprise),
            "event": event,
            "photo": OutreachPhotoFactory(event=event),
            "mentor": CareerMentorFactory(enterprise=enterprise, schools=[school]),
        },
        "other": {
            "student": other_student,
            "orderclass": other_class,
            "placement": GraduatePlacementFactory(student=other_student, employer=other_enterprise),
            "apprenticeship": ApprenticeshipFactory(
                enterprise=other_enterprise,
                student=StudentFactory(school=other_school, study_mode="part_time_apprentice"),
            ),
            "internship": InternshipFactory(student=other_student, enterprise=other_enterprise),
            "event": OutreachEventFactory(school=other_school, date=dt.date(2025, 10, 1)),
            "mentor": CareerMentorFactory(enterprise=other_enterprise),
        },
    }
