from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu
from members.permissions import ALL_ROLES

MENU = Menu(
    _("Reports"),
    [Link(_("Published annual reports"), "reports:public_list", tuple(ALL_ROLES), "file-earmark-pdf")],
    order=90,
)
