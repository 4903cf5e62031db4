"""``Authorization: Bearer <key>`` with the account's API token (alliance.api.tokens)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from rest_framework import authentication, exceptions

from .tokens import user_for_key


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        user = user_for_key(parts[1].decode(errors="replace"))
        if user is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        return user, None

    def authenticate_header(self, request) -> str:
        # A 401 (not a 403) for a call without credentials, telling the client what to send.
        return 'Bearer realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """The token as an HTTP bearer scheme in the OpenAPI document (Swagger's "Authorize")."""

    target_class = ApiTokenAuthentication
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix="Bearer"
        )
