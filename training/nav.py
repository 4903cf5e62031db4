from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .permissions import (
    OBLIGATION_READERS,
    PEOPLE_READERS,
    PLATFORM_READERS,
    SCHOOL_READERS,
)

MENU = Menu(
    _("Training and teachers"),
    [
        Link(
            _("Obligations: 5 % and 2×"), "training:obligations", OBLIGATION_READERS, "speedometer2"
        ),
        Link(_("In-school workshops"), "training:workshop_list", PLATFORM_READERS, "building-gear"),
        Link(_("Training bases"), "training:base_list", PLATFORM_READERS, "buildings"),
        Link(_("Teacher stations"), "training:station_list", PLATFORM_READERS, "house-gear"),
        Link(_("Teachers"), "training:teacher_list", SCHOOL_READERS, "person-badge"),
        Link(_("Secondments"), "training:secondment_list", PEOPLE_READERS, "briefcase"),
        Link(_("Craftsmen pool"), "training:craftsman_list", PEOPLE_READERS, "tools"),
        Link(_("Teaching assignments"), "training:assignment_list", PEOPLE_READERS, "easel"),
        Link(_("In-service training"), "training:programme_list", PLATFORM_READERS, "mortarboard"),
        Link(_("Skill certifications"), "training:certification_list", PLATFORM_READERS, "award"),
    ],
    order=20,
)
