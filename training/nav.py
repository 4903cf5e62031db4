from django.utils.translation import gettext_lazy as _

from alliance.menus import Menu

from .registers import (
    ASSIGNMENTS,
    BASES,
    CERTIFICATIONS,
    CRAFTSMEN,
    EXCHANGES,
    PARTNERS,
    PROGRAMMES,
    SECONDMENTS,
    STATIONS,
    TEACHERS,
    WORKSHOPS,
)

MENU = Menu(
    _("Training and teachers"),
    [
        WORKSHOPS.link(),
        BASES.link(),
        STATIONS.link(),
        TEACHERS.link(),
        SECONDMENTS.link(),
        CRAFTSMEN.link(),
        ASSIGNMENTS.link(),
        PROGRAMMES.link(),
        CERTIFICATIONS.link(),
        PARTNERS.link(),
        EXCHANGES.link(),
    ],
    order=20,
)
