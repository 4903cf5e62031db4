from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .registers import (
    APPRENTICESHIPS,
    DEMANDS,
    EVENTS,
    INTERNSHIPS,
    MATERIALS,
    MENTORS,
    ORDER_CLASSES,
    PLACEMENTS,
    PREFERENCES,
    STUDENTS,
)

MENU = Menu(
    _("Students and employment"),
    [
        STUDENTS.link(),
        ORDER_CLASSES.link(),
        MATERIALS.link(),
        DEMANDS.link(),
        Link(_("Demand and joint classes"), "placements:demand_overview", "diagram-3"),
        APPRENTICESHIPS.link(),
        INTERNSHIPS.link(),
        PLACEMENTS.link(),
        Link(_("Hires to confirm"), "placements:hire_list", "patch-check"),
        Link(_("Follow-ups due"), "placements:followups_due", "telephone-outbound"),
        EVENTS.link(),
        MENTORS.link(),
        PREFERENCES.link(),
        Link(_("Graduates not followed up"), "placements:not_followed_list", "person-exclamation"),
    ],
    order=40,
)
