from __future__ import annotations

from django import template
from django.template.loader import get_template
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def render_section(context, section) -> str:
    """Render an organisation section's template with the page context plus the section's own."""
    with context.push(section=section, **section.context):
        return get_template(section.template).template.render(context)


@register.filter
def wage_range(organization) -> str:
    """“4,500–8,000 yuan/month” (元/月), an open range, or an em dash."""
    low, high = organization.wage_min, organization.wage_max
    if low is None and high is None:
        return "—"
    if low is not None and high is not None and low != high:
        return _("%(low)s–%(high)s yuan/month") % {"low": f"{low:,}", "high": f"{high:,}"}
    if low is not None and high is not None:
        return _("%(amount)s yuan/month") % {"amount": f"{low:,}"}
    if low is not None:
        return _("from %(amount)s yuan/month") % {"amount": f"{low:,}"}
    return _("up to %(amount)s yuan/month") % {"amount": f"{high:,}"}
