"""The register table's body rows, rendered in Python (``registers/_table.html``).

django-tables2's template renders each cell through three template lookups and two ``if`` tags;
at 25 rows of 8 columns that was most of a register page's time. This tag writes the same
markup: each cell with its column's ``td`` attributes (computed for the row, as the template's
``column.attrs.td`` are) and its value shown as ``{{ cell }}`` shows it (localised, escaped).
"""

from __future__ import annotations

from django import template
from django.template.base import render_value_in_context
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag(takes_context=True)
def register_row(context, row) -> str:
    cells = format_html_join(
        "",
        "<td {}>{}</td>",
        (
            (column.attrs["td"].as_html(), render_value_in_context(cell, context))
            for column, cell in row.items()
        ),
    )
    return format_html("<tr {}>{}</tr>", row.attrs.as_html(), cells)
