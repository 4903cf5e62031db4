from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .registers import BASES

MENU = Menu(
    _("Training and teachers"),
    [
        Link(_("Obligations: 5 % and 2×"), "training:obligations", "speedometer2"),
        Link(_("In-school workshops"), "training:workshop_list", "building-gear"),
        BASES.link(),
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
