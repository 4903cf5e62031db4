from django.utils.translation import gettext_lazy as _

from .menus import Link, Menu

# The imports a user uploaded: big ones run in the background, so the user comes back here.
MENU = Menu(
    _("Data exchange"),
    [
        Link(_("My imports"), "exchange:batches", "cloud-upload"),
        Link(_("API token"), "api_token", "key"),
    ],
    order=90,
)

# The secretariat's security pages: who did what (audit trail), the links answered without an
# account, and its own second factor.
SECURITY_MENU = Menu(
    _("Security"),
    [
        Link(_("Audit log"), "audit:list", "journal-text"),
        Link(_("Issued links"), "signed_link_list", "link-45deg"),
        Link(_("Two-factor authentication"), "two_factor_setup", "shield-lock"),
    ],
    order=95,
)
