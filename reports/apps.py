from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        # The start-up check of ALLIANCE_PLAN, the sections shown on other apps' pages, and the
        # Excel sheets of the assessments and incentives.
        from . import exchange, figures, plans, sections  # noqa: F401

        # Stored figures are recomputed after any write to the records they read.
        figures.watch()
