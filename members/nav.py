from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .registers import (
    ACCOUNTS,
    EXPERTS,
    MAJORS,
    MEETINGS,
    ORGANIZATIONS,
    SCHOOL_FIGURES,
    SEATS,
)

MENU = Menu(
    _("Members"),
    [
        Link(_("My organisation"), "members:my_organization", "house"),
        ORGANIZATIONS.link(),
        SCHOOL_FIGURES.link(),
        MAJORS.link(),
        Link(_("Council"), "members:council", "people"),
        SEATS.link(),
        EXPERTS.link(),
        MEETINGS.link(),
        ACCOUNTS.link(),
        Link(_("Culture corridor"), "members:corridor_index", "easel"),
    ],
    order=10,
)
