"""The portal's form renderer (``FORM_RENDERER``): Django's, with selects written in Python.

Django draws a select through two more templates per option (the option and its attributes):
a filter's select of 60 organisations took 2.5 ms, more than a register page's rows, and a
list's filter form cost more than the admin's whole changelist body. This writes the markup of
``django/forms/widgets/select.html`` directly; any other widget, or a select whose options use
another template, is drawn by the templates as before.
"""

from __future__ import annotations

import html

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict) -> str:
    """As ``django/forms/widgets/attrs.html``: False left out, True as a bare name."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{html.escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_select(widget: dict) -> str | None:
    """A select widget's context as HTML, or None when an option asks for another template."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            if option["template_name"] != OPTION:
                return None
            parts.append(
                f'\n  <option value="{html.escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class PortalFormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name == SELECT:
            html = render_select(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request=request)
