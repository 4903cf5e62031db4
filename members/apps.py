from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members and governance")

    def ready(self) -> None:
        # Registers the members' Excel sheets with the exchange engine (alliance imports no app).
        from . import exchange  # noqa: F401
