"""The open API as an outside program uses it: a client built from the OpenAPI document (no URL
written by hand) reads the open data without a login and, with an HR token, only its own
enterprise's records. Also the document itself and its Swagger page (local assets, CSP-clean)."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.validation import validate_schema

from alliance.api.tokens import token_issue
from reports.models import AnnualReport, ReportStatus
from tests.placements.factories import ApprenticeshipFactory, InternshipFactory
from tests.training.factories import CraftsmanFactory

pytestmark = pytest.mark.django_db

INDICATOR = {
    "code": "training_ratio",
    "label": "社会培训人次与在校生比",
    "unit": "",
    "value": 2.5,
    "value_text": "2.5",
    "numerator": 5000,
    "denominator": 2000,
    "target": 2.0,
    "comparison": "at_least",
    "target_text": "≥ 2.0",
    "target_source": "临朐方案（三）8",
    "target_overridden": False,
    "target_plan": "linqu",
    "met": True,
    "previous": None,
    "extra": {},
    "formula": "培训人次 ÷ 在校生数",
}


class SchemaClient:
    """Calls operations by their ``operationId`` as the OpenAPI document describes them: the
    path template, its path parameters, the rest as the query string."""

    def __init__(self, http, schema: dict, token: str | None = None):
        self.http = http
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.operations = {
            operation["operationId"]: (path, method)
            for path, item in schema["paths"].items()
            for method, operation in item.items()
            if isinstance(operation, dict) and "operationId" in operation
        }

    def call(self, operation_id: str, **params):
        path, method = self.operations[operation_id]
        for name in re.findall(r"{(\w+)}", path):
            path = path.replace(f"{{{name}}}", str(params.pop(name)))
        return getattr(self.http, method)(path, params, headers=self.headers)


@pytest.fixture(autouse=True)
def _fresh_rate_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def schema(client) -> dict:
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def published(db):
    AnnualReport.objects.create(
        year=2024, status=ReportStatus.DONE, indicators=[{**INDICATOR, "value": 1.0}]
    )  # built, never published: not open data
    return AnnualReport.objects.create(
        year=2025,
        status=ReportStatus.DONE,
        indicators=[INDICATOR],
        sha256="a" * 64,
        is_published=True,
        published_at=timezone.now(),
    )


def test_the_document_is_openapi_3_with_the_token_scheme(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["components"]["securitySchemes"]["apiToken"]["scheme"] == "bearer"
    ids = {op["operationId"] for item in schema["paths"].values() for op in item.values()}
    assert {"open_data_years", "open_data_indicators", "status_data"} <= ids
    assert {"placements_apprenticeship_list", "training_base_detail"} <= ids


def test_a_client_from_the_document_reads_the_open_data_without_login(client, schema, published):
    api = SchemaClient(client, schema)
    years = api.call("open_data_years")
    assert years.status_code == 200
    assert [y["year"] for y in years.json()] == [2025]
    data = api.call("open_data_indicators", year=2025).json()
    assert data["year"] == 2025 and data["pdf_sha256"] == "a" * 64
    (row,) = data["indicators"]
    # The value with its definition: label, unit, formula, target and the clause it comes from.
    assert row["code"] == "training_ratio" and row["value"] == 2.5 and row["met"] is True
    assert row["formula"] == "培训人次 ÷ 在校生数" and row["target_source"] == "临朐方案（三）8"
    assert api.call("open_data_indicators", year=2024).status_code == 404


def test_the_open_data_matches_the_published_json(client, published):
    api = client.get(reverse("api:open_data_year", args=[2025])).json()
    public = client.get(reverse("reports:published_json", args=[published.pk])).json()
    assert api["indicators"] == public["indicators"]


def test_a_client_from_the_document_with_an_hr_token_reads_only_its_enterprise(
    client, schema, hr_user, enterprise, other_enterprise
):
    own = ApprenticeshipFactory(enterprise=enterprise)
    other = ApprenticeshipFactory(enterprise=other_enterprise)
    InternshipFactory(enterprise=enterprise)
    InternshipFactory(enterprise=other_enterprise)
    CraftsmanFactory(enterprise=enterprise)
    CraftsmanFactory(enterprise=other_enterprise)
    api = SchemaClient(client, schema, token=token_issue(user=hr_user))
    for operation in (
        "placements_apprenticeship_list",
        "placements_internship_list",
        "training_craftsman_list",
    ):
        response = api.call(operation)
        assert response.status_code == 200, operation
        rows = response.json()["results"]
        assert len(rows) == 1, operation
        assert rows[0]["enterprise"]["id"] == enterprise.pk, operation
    assert api.call("placements_apprenticeship_detail", id=own.pk).status_code == 200
    assert api.call("placements_apprenticeship_detail", id=other.pk).status_code == 404
    # Students are the schools' personal data: HR's token does not open them.
    assert api.call("placements_student_list").status_code == 403
    # The filters the document names are the lists' filters.
    rows = api.call("placements_apprenticeship_list", enterprise=other_enterprise.pk).json()
    assert rows["results"] == []


def test_the_swagger_page_uses_local_assets_and_no_inline_script(client):
    response = client.get(reverse("api:browser"))
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all('src="' in attrs for attrs in scripts)  # nothing inline
    assert "style=" not in html and "<style" not in html
    for src in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not src.startswith(("http:", "https:", "//")), src  # no CDN
    for asset in ("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"):
        assert finders.find(f"drf_spectacular_sidecar/swagger-ui-dist/{asset}")
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp
    script = client.get(reverse("api:browser"), {"script": ""})
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert reverse("api:schema") in script.content.decode()


def test_the_document_is_valid_openapi(schema):
    validate_schema(schema)  # raises on a document that breaks the OpenAPI 3 JSON schema
