"""The API's own pages: its OpenAPI document, the Swagger UI page, and the token page."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from alliance.access import EVERYONE, PUBLIC, allow
from alliance.models import ApiToken

from .permissions import AudienceAccess
from .tokens import token_issue, token_revoke


class OpenApiDocument(SpectacularAPIView):
    """The OpenAPI 3 document of the whole API (JSON; ``?format=yaml`` for YAML)."""

    audience = PUBLIC
    permission_classes = [AudienceAccess]


class ApiBrowser(SpectacularSwaggerSplitView):
    """Swagger UI from the installed package's static files; its start-up script is a separate
    request (``?script``) because the CSP forbids inline scripts."""

    audience = PUBLIC
    permission_classes = [AudienceAccess]
    url_name = "api:schema"
    template_name = "api/swagger.html"


def _as_view(view_class) -> object:
    view = view_class.as_view()
    view.access = PUBLIC
    return view


schema = _as_view(OpenApiDocument)
browser = _as_view(ApiBrowser)


@allow(EVERYONE)
def token(request):
    """The account's API token: create (or replace) it, see when it was last used, revoke it.

    The key is shown once, on the page that creates it; only its digest is kept.
    """
    key = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            if token_revoke(user=request.user):
                messages.success(request, _("Your API token was revoked."))
            return redirect("api_token")
        key = token_issue(user=request.user)
    current = ApiToken.objects.filter(user=request.user).first()
    return render(request, "api/token.html", {"key": key, "token": current})
