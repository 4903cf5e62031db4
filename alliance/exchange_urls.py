"""Routes of the Excel exchange: my imports, and per register its export, template and import.

Each register's routes are declared with the register's own roles, so the URL sweep and the
403s follow the register (students: the secretariat and schools; craftsmen: the secretariat
and HR ...).
"""

from django.urls import path

from alliance.access import allow

from . import exchange_views as views
from .exchange import all_registers

app_name = "exchange"

urlpatterns = [
    path("imports/", views.batches, name="batches"),
    path("imports/<int:pk>/", views.batch_detail, name="batch"),
    path("imports/<int:pk>/confirm/", views.batch_confirm_view, name="confirm"),
]

for spec in all_registers():
    key = spec.key
    urlpatterns.append(
        path(
            f"{key}/export/",
            allow(*spec.export_roles)(views.export),
            {"register": key},
            name=f"{key}_export",
        )
    )
    if not spec.import_roles:
        continue  # exported only
    urlpatterns += [
        path(
            f"{key}/template/",
            allow(*spec.import_roles)(views.template),
            {"register": key},
            name=f"{key}_template",
        ),
        path(
            f"{key}/import/",
            allow(*spec.import_roles)(views.upload),
            {"register": key},
            name=f"{key}_import",
        ),
    ]
