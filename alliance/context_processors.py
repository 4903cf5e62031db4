from django.conf import settings

from .navigation import menus_for


def portal(request):
    user = getattr(request, "user", None)
    return {
        "ALLIANCE_NAME": settings.ALLIANCE_NAME,
        "menus": menus_for(user) if user is not None and user.is_authenticated else [],
    }
