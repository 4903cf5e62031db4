from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

MENU = Menu(
    _("Training and teachers"),
    [
        Link(_("In-school workshops"), "training:workshop_list", "building-gear"),
        Link(_("Training bases"), "training:base_list", "buildings"),
        Link(_("Teacher stations"), "training:station_list", "house-gear"),
        Link(_("Teachers"), "training:teacher_list", "person-badge"),
        Link(_("Secondments"), "training:secondment_list", "briefcase"),
        Link(_("Craftsmen pool"), "training:craftsman_list", "tools"),
        Link(_("Teaching assignments"), "training:assignment_list", "easel"),
        Link(_("In-service training"), "training:programme_list", "mortarboard"),
        Link(_("Skill certifications"), "training:certification_list", "award"),
    ],
    order=20,
)
