from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu
from members.permissions import ALL_ROLES, COUNCIL, ENTERPRISE_HR, SCHOOL_COORDINATOR, SECRETARIAT

MENU = Menu(
    _("Reports"),
    [
        Link(_("Alliance dashboard"), "reports:dashboard", tuple(ALL_ROLES), "speedometer2"),
        Link(
            _("My scorecard"),
            "reports:my_scorecard",
            (ENTERPRISE_HR, SCHOOL_COORDINATOR),
            "clipboard-check",
        ),
        Link(_("Member scorecards"), "reports:scorecards", (SECRETARIAT, COUNCIL), "table"),
        Link(_("Data coverage"), "reports:coverage", (SECRETARIAT,), "exclamation-diamond"),
        Link(_("Targets"), "reports:targets", (SECRETARIAT,), "bullseye"),
        Link(_("Annual report runs"), "reports:runs", (SECRETARIAT,), "gear"),
        Link(
            _("Published annual reports"),
            "reports:public_list",
            tuple(ALL_ROLES),
            "file-earmark-pdf",
        ),
    ],
    order=90,
)
