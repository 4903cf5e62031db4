from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        # The start-up check of ALLIANCE_PLAN, and the sections shown on other apps' pages.
        from . import figures, plans, sections  # noqa: F401

        # Stored figures are recomputed after any write to the records they read.
        figures.watch()
