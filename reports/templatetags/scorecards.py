"""The scorecards page's cells, written in Python: a page of fifty schools and fifty enterprises
is about 2,600 cells, and as a template loop with its conditions they were most of the page's
time at city scale."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

#: a cell's classes by whether its target is met (None: no target applies)
CELL_CLASSES = {
    False: "text-end text-danger fw-semibold",
    True: "text-end text-success",
    None: "text-end",
}


@register.simple_tag
def scorecard_cells(line) -> str:
    """The ``<td>`` cells of one scorecard line: value, fraction, and the status for screen
    readers."""
    return format_html_join(
        "",
        '<td class="{}">{}{}<span class="visually-hidden"> {}</span></td>',
        (
            (
                CELL_CLASSES[cell.met],
                cell.text,
                format_html('<div class="small text-muted">{}</div>', cell.fraction)
                if cell.fraction
                else "",
                cell.status,
            )
            for cell in line.cells
        ),
    )
