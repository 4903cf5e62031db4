from django.utils.translation import gettext_lazy as _

from .menus import Link, Menu

# The imports a user uploaded: big ones run in the background, so the user comes back here.
MENU = Menu(
    _("Data exchange"),
    [Link(_("My imports"), "exchange:batches", "cloud-upload")],
    order=90,
)
