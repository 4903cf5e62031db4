from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "alliance"
    verbose_name = _("Alliance portal")

    def ready(self):
        from . import signals  # noqa: F401  connects the audit and session receivers
