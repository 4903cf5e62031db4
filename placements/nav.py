from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

MENU = Menu(
    _("Students and employment"),
    [
        Link(_("Students"), "placements:student_list", "people"),
        Link(_("Order classes"), "placements:orderclass_list", "journal-bookmark"),
        Link(_("Apprenticeships"), "placements:apprenticeship_list", "person-workspace"),
        Link(_("Internships"), "placements:internship_list", "briefcase"),
        Link(_("Graduate placements"), "placements:placement_list", "mortarboard"),
        Link(_("Hires to confirm"), "placements:hire_list", "patch-check"),
        Link(_("Outreach events"), "placements:event_list", "megaphone"),
        Link(_("Career mentors"), "placements:mentor_list", "person-badge"),
    ],
    order=40,
)
