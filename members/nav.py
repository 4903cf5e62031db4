from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

MENU = Menu(
    _("Members"),
    [
        Link(_("My organisation"), "members:my_organization", "house"),
        Link(_("Organisations"), "members:organization_list", "building"),
        Link(_("School yearly figures"), "members:school_figures_list", "bar-chart"),
        Link(_("Council"), "members:council", "people"),
        Link(_("Expert committee"), "members:expert_list", "mortarboard"),
        Link(_("Council meetings"), "members:meeting_list", "calendar-event"),
        Link(_("Accounts"), "members:account_list", "person-gear"),
        Link(_("Culture corridor"), "members:corridor_index", "easel"),
    ],
    order=10,
)
