from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .permissions import EVERYONE, HR_EDITORS, STAFF_ROLES, STUDENT_ROLES

MENU = Menu(
    _("Students and employment"),
    [
        Link(_("Students"), "placements:student_list", STUDENT_ROLES, "people"),
        Link(_("Order classes"), "placements:orderclass_list", EVERYONE, "journal-bookmark"),
        Link(
            _("Apprenticeships"), "placements:apprenticeship_list", STAFF_ROLES, "person-workspace"
        ),
        Link(_("Internships"), "placements:internship_list", STAFF_ROLES, "briefcase"),
        Link(_("Graduate placements"), "placements:placement_list", STAFF_ROLES, "mortarboard"),
        Link(_("Hires to confirm"), "placements:hire_list", HR_EDITORS, "patch-check"),
        Link(_("Local employment rate"), "placements:local_employment", EVERYONE, "graph-up-arrow"),
        Link(_("Outreach events"), "placements:event_list", EVERYONE, "megaphone"),
        Link(_("Outreach overview"), "placements:outreach_overview", EVERYONE, "calendar-check"),
        Link(_("Career mentors"), "placements:mentor_list", EVERYONE, "person-badge"),
    ],
    order=40,
)
