"""The open API under ``/api/v1/`` (project wiring): the reports' open data and status-data
table, every register read-only (built from the declarations of the registers whose pages the
apps' URL configurations made, so ``alliance.urls`` includes this after them), the OpenAPI
document and its Swagger UI page."""

from django.urls import path

from reports import api as reports_api

from .api import views
from .api.registers import register_routes

app_name = "api"

urlpatterns = [
    path("schema/", views.schema, name="schema"),
    path("docs/", views.browser, name="browser"),
    *reports_api.urlpatterns,
    *register_routes(),
]
