"""``{% register_actions key as actions %}``: the export/import links of a register list."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse

from alliance.exchange import get_register
from alliance.exchange_views import may_export, may_import

register = template.Library()


@dataclass(frozen=True)
class RegisterActions:
    export_url: str | None
    template_url: str | None
    import_url: str | None


@register.simple_tag(takes_context=True)
def register_actions(context, key: str) -> RegisterActions | None:
    spec = get_register(key)
    request = context.get("request")
    if spec is None or request is None:
        return None
    user = request.user
    export_url = None
    if may_export(user, spec):
        # The list's own query string, without its page: the export holds every filtered row.
        params = request.GET.copy()
        params.pop("page", None)
        query = params.urlencode()
        export_url = reverse(f"exchange:{key}_export") + (f"?{query}" if query else "")
    can_import = may_import(user, spec)
    return RegisterActions(
        export_url=export_url,
        template_url=reverse(f"exchange:{key}_template") if can_import else None,
        import_url=reverse(f"exchange:{key}_import") if can_import else None,
    )
