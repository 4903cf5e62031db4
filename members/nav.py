from django.utils.translation import gettext_lazy as _

from alliance.menus import Menu

MENU = Menu(_("Members"), [], order=10)
