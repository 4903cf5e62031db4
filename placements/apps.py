from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "placements"
    verbose_name = _("Placements")

    def ready(self) -> None:
        # Registers the placements section of an organisation's page (members imports no app).
        # Its Excel sheets likewise, with the exchange engine, and its signed-link purposes.
        from . import exchange, links, sections  # noqa: F401
