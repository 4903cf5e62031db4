"""Who may call an endpoint: the audience of its view, as ``alliance.access.allow`` declares for
pages (the URL sweep reads ``view.access`` on both)."""

from __future__ import annotations

from rest_framework.permissions import BasePermission

from alliance.access import PUBLIC, has_access


class AudienceAccess(BasePermission):
    """The view's ``audience``; a view that declares none is refused to everyone."""

    def has_permission(self, request, view) -> bool:
        audience = getattr(view, "audience", None)
        if audience is None:
            return False
        return audience == PUBLIC or has_access(request.user, audience)
