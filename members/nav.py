from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .registers import (
    ACCOUNTS,
    CONSULTATIONS,
    DOCUMENTS,
    EXPERTS,
    MEETINGS,
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
        Link(_("Council"), "members:council", "people"),
        SEATS.link(),
        EXPERTS.link(),
        MEETINGS.link(),
        DOCUMENTS.link(),
        OFFICES.link(),
        CONSULTATIONS.link(),
        PLANS.link(),
        TASKS.link(),
        Link(_("Supervision (overdue tasks)"), "members:task_overdue", "alarm"),
        ACCOUNTS.link(),
        Link(_("Culture corridor"), "members:corridor_index", "easel"),
    ],
    order=10,
)
