from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .registers import (
    ASSIGNMENTS,
    BASES,
    CERTIFICATIONS,
    CRAFTSMEN,
    PROGRAMMES,
    SECONDMENTS,
    STATIONS,
    TEACHERS,
    WORKSHOPS,
)

MENU = Menu(
    _("Training and teachers"),
    [
        Link(_("Obligations: 5 % and 2×"), "training:obligations", "speedometer2"),
        WORKSHOPS.link(),
        BASES.link(),
        STATIONS.link(),
        TEACHERS.link(),
        SECONDMENTS.link(),
        CRAFTSMEN.link(),
        ASSIGNMENTS.link(),
        PROGRAMMES.link(),
        CERTIFICATIONS.link(),
    ],
    order=20,
)
