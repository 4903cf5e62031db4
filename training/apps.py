from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self) -> None:
        # Registers the training section of the organisation pages (members imports no app).
        # Its Excel sheets likewise, with the exchange engine.
        from . import exchange, sections  # noqa: F401
