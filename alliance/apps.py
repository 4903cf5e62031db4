from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "alliance"
    verbose_name = _("Alliance portal")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  connects the audit and session receivers
        from .registers import counting
        from .registers.indexes import after_migrate

        # A write ends the cached counts of the lists reading its table.
        counting.watch()

        # Trigram indexes for the registers' search boxes (PostgreSQL), after every migrate.
        post_migrate.connect(after_migrate, dispatch_uid="alliance-search-indexes")
