from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .registers import (
    APPOINTMENTS,
    ASSIGNMENTS,
    BASES,
    CERTIFICATIONS,
    CONTRIBUTIONS,
    CRAFTSMEN,
    EQUIPMENT,
    EXCHANGES,
    INSTITUTION_YEARS,
    INSTITUTIONS,
    PARTNERS,
    PATENTS,
    PROGRAMMES,
    PROJECTS,
    QUALITY_SURVEYS,
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
        # co-building (issue 15)
        INSTITUTIONS.link(),
        INSTITUTION_YEARS.link(),
        PROJECTS.link(),
        PATENTS.link(),
        EQUIPMENT.link(),
        CONTRIBUTIONS.link(),
        APPOINTMENTS.link(),
        Link(_("Practice posts by station"), "training:practice_posts", "clipboard-check"),
        PARTNERS.link(),
        EXCHANGES.link(),
        QUALITY_SURVEYS.link(),
    ],
    order=20,
)
