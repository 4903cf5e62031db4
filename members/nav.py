from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .permissions import (
    ALL_ROLES,
    ENTERPRISE_HR,
    GOVERNANCE,
    SCHOOL_COORDINATOR,
    SCHOOL_FIGURES_READERS,
    SECRETARIAT,
)

_ALL = tuple(sorted(ALL_ROLES))

MENU = Menu(
    _("Members"),
    [
        Link(
            _("My organisation"),
            "members:my_organization",
            (ENTERPRISE_HR, SCHOOL_COORDINATOR),
            "house",
        ),
        Link(_("Organisations"), "members:organization_list", _ALL, "building"),
        Link(
            _("School yearly figures"),
            "members:school_figures_list",
            tuple(sorted(SCHOOL_FIGURES_READERS)),
            "bar-chart",
        ),
        Link(_("Council"), "members:council", tuple(sorted(GOVERNANCE)), "people"),
        Link(
            _("Expert committee"), "members:expert_list", tuple(sorted(GOVERNANCE)), "mortarboard"
        ),
        Link(
            _("Council meetings"),
            "members:meeting_list",
            tuple(sorted(GOVERNANCE)),
            "calendar-event",
        ),
        Link(_("Accounts"), "members:account_list", (SECRETARIAT,), "person-gear"),
        Link(_("Culture corridor"), "members:corridor_index", _ALL, "easel"),
    ],
    order=10,
)
