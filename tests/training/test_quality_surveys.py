"""Quality evaluation surveys (Qufu 三(三)): who reads and keeps them, another school's survey
is never shown, the list stays within a bounded number of queries, and the demo fills them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.training.factories import QualityEvaluationSurveyFactory
from training.models import QualityEvaluationSurvey

pytestmark = pytest.mark.django_db

READ = {"secretariat": 200, "council": 200, "hr": 200, "school": 200}
KEEP = {"secretariat": 200, "council": 403, "hr": 403, "school": 200}


@pytest.fixture
def personas(secretariat_user, council_user, hr_user, school_user):
    return {
        "secretariat": secretariat_user,
        "council": council_user,
        "hr": hr_user,
        "school": school_user,
    }


def test_each_role_gets_its_answer(client_for, personas, school, enterprise):
    survey = QualityEvaluationSurveyFactory(school=school, enterprises=[enterprise])
    pages = [
        (reverse("training:quality_survey_list"), READ),
        (reverse("training:quality_survey_detail", args=[survey.pk]), READ),
        (reverse("training:quality_survey_create"), KEEP),
        (reverse("training:quality_survey_update", args=[survey.pk]), KEEP),
    ]
    for url, expected in pages:
        for role, status in expected.items():
            response = client_for(personas[role]).get(url)
            assert response.status_code == status, f"{role} on {url}: {response.status_code}"


def test_another_schools_survey_is_404(client_for, personas, other_school, other_enterprise):
    survey = QualityEvaluationSurveyFactory(school=other_school, enterprises=[other_enterprise])
    for role in ("hr", "school"):
        detail = reverse("training:quality_survey_detail", args=[survey.pk])
        assert client_for(personas[role]).get(detail).status_code == 404, role
    update = reverse("training:quality_survey_update", args=[survey.pk])
    assert client_for(personas["school"]).get(update).status_code == 404
    listed = client_for(personas["school"]).get(reverse("training:quality_survey_list"))
    assert survey.title not in listed.content.decode()


def test_school_records_a_survey(client_for, school_user, school, enterprise):
    response = client_for(school_user).post(
        reverse("training:quality_survey_create"),
        {
            "school": school.pk,
            "title": "多主体质量评价制度调研",
            "enterprises": [enterprise.pk],
            "held_on": "2025-04-18",
            "method": "both",
            "participants": 46,
            "findings": "建议每学期召开一次校企评价会。",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    survey = QualityEvaluationSurvey.objects.get()
    assert list(survey.enterprises.all()) == [enterprise] and survey.method == "both"


def test_list_queries_are_bounded(
    client_for, secretariat_user, school, enterprise, django_assert_max_num_queries
):
    for _ in range(5):
        QualityEvaluationSurveyFactory(school=school, enterprises=[enterprise])
    client = client_for(secretariat_user)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("training:quality_survey_list")).status_code == 200
