"""Records of the persona organisations (fixtures ``enterprise``/``school`` of tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.training.factories import (
    CertificationFactory,
    CraftsmanFactory,
    InSchoolWorkshopFactory,
    ProductionOrderFactory,
    SecondmentFactory,
    StationPostFactory,
    StudentRotationFactory,
    TeacherFactory,
    TeacherStationFactory,
    TeachingAssignmentFactory,
    TrainingBaseFactory,
    TrainingProgrammeFactory,
)


@pytest.fixture
def records(enterprise, school):
    """One record of every kind owned by the persona enterprise and school, linked together."""
    station = TeacherStationFactory(enterprise=enterprise)
    workshop = InSchoolWorkshopFactory(school=school, enterprises=[enterprise])
    teacher = TeacherFactory(school=school)
    craftsman = CraftsmanFactory(enterprise=enterprise, phone="13812345678")
    programme = TrainingProgrammeFactory(school=school, enterprises=[enterprise])
    return {
        "workshop": workshop,
        "order": ProductionOrderFactory(workshop=workshop),
        "rotation": StudentRotationFactory(workshop=workshop),
        "base": TrainingBaseFactory(enterprise=enterprise),
        "station": station,
        "post": StationPostFactory(station=station),
        "teacher": teacher,
        "secondment": SecondmentFactory(teacher=teacher, enterprise=enterprise, station=station),
        "craftsman": craftsman,
        "assignment": TeachingAssignmentFactory(craftsman=craftsman, school=school),
        "programme": programme,
        "certification": CertificationFactory(school=school, programme=programme),
    }


@pytest.fixture
def other_records(other_enterprise, other_school):
    """The same, owned by the other enterprise and the other school."""
    station = TeacherStationFactory(enterprise=other_enterprise)
    workshop = InSchoolWorkshopFactory(school=other_school, enterprises=[other_enterprise])
    teacher = TeacherFactory(school=other_school)
    craftsman = CraftsmanFactory(enterprise=other_enterprise)
    programme = TrainingProgrammeFactory(school=other_school, enterprises=[other_enterprise])
    return {
        "workshop": workshop,
        "order": ProductionOrderFactory(workshop=workshop),
        "rotation": StudentRotationFactory(workshop=workshop),
        "base": TrainingBaseFactory(enterprise=other_enterprise),
        "station": station,
        "post": StationPostFactory(station=station),
        "teacher": teacher,
        "secondment": SecondmentFactory(teacher=teacher, enterprise=other_enterprise),
        "craftsman": craftsman,
        "assignment": TeachingAssignmentFactory(craftsman=craftsman, school=other_school),
        "programme": programme,
        "certification": CertificationFactory(school=other_school, programme=programme),
    }
