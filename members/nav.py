from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .registers import (
    ACCOUNTS,
    CONSULTATIONS,
    DOCUMENTS,
    EXPERTS,
    MAJORS,
    MEDIA,
    MEETINGS,
    MODEL_CASES,
    OFFICES,
    ORGANIZATIONS,
    PLANS,
    SCHOOL_FIGURES,
    SEATS,
    TASKS,
)

MENU = Menu(
    _("Members"),
    [
        Link(_("My organisation"), "members:my_organization", "house"),
        ORGANIZATIONS.link(),
        SCHOOL_FIGURES.link(),
        MAJORS.link(),
        Link(_("Council"), "members:council", "people"),
        SEATS.link(),
        EXPERTS.link(),
        MEETINGS.link(),
        ACCOUNTS.link(),
        Link(_("Culture corridor"), "members:corridor_index", "easel"),
        Link(_("Corridor check"), "members:corridor_check", "clipboard-check"),
        MEDIA.link(),
        MODEL_CASES.link(),
    ],
    order=10,
)


# The plan's safeguards (Linqu 保障措施(一), Qufu 四): the rules, the office, expert advice and the
# work plan with its supervision.
GOVERNANCE_MENU = Menu(
    _("Safeguards and supervision"),
    [
        DOCUMENTS.link(),
        OFFICES.link(),
        CONSULTATIONS.link(),
        PLANS.link(),
        TASKS.link(),
        Link(_("Supervision (overdue tasks)"), "members:task_overdue", "alarm"),
    ],
    order=15,
)
