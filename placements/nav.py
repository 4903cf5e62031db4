from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .registers import (
    APPRENTICESHIPS,
    EVENTS,
    INTERNSHIPS,
    MENTORS,
    ORDER_CLASSES,
    PLACEMENTS,
    STUDENTS,
)

MENU = Menu(
    _("Students and employment"),
    [
        STUDENTS.link(),
        ORDER_CLASSES.link(),
        APPRENTICESHIPS.link(),
        INTERNSHIPS.link(),
        PLACEMENTS.link(),
        Link(_("Hires to confirm"), "placements:hire_list", "patch-check"),
        Link(_("Follow-ups due"), "placements:followups_due", "telephone-outbound"),
        EVENTS.link(),
        MENTORS.link(),
    ],
    order=40,
)
