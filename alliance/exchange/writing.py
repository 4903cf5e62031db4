"""Writing a register's rows (the filtered list) and its import template as .xlsx files."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from alliance import glossary, xlsx

from .specs import (
    CHOICE,
    FILE_LANGUAGE,
    Column,
    Register,
    attribute_path,
    choice_maps,
    column_rule,
    sentences,
)


def _export_value(
    register: Register, column: Column, obj: Any, unmasked: bool, labels: dict
) -> Any:
    if column.many:
        related = getattr(obj, column.field).all()
        return "、".join(sorted(str(o) for o in related))
    path = column.attr or column.field
    value = attribute_path(obj, path)
    if column.header in labels and value not in (None, ""):
        value = labels[column.header].get(value, value)
    elif isinstance(value, bool):
        value = glossary.yes_no(value)
    elif isinstance(value, models.Model):
        value = str(value)
    if column.mask and value and not unmasked:
        value = column.mask(str(value))
    return value


def export_queryset(register: Register, user, params) -> QuerySet:
    """Exactly the rows of the register list for these GET parameters (same FilterSet, same scope)."""
    queryset = register.visible_to(user)
    if register.filterset is not None:
        filterset = register.filterset(params, queryset=queryset)
        # An invalid filter shows all rows on the list (RegisterList.strict = False):
        # export the same rows.
        queryset = filterset.qs if filterset.is_valid() else queryset
    if register.select_related:
        queryset = queryset.select_related(*register.select_related)
    prefetch = list(register.prefetch_related) + [c.field for c in register.columns if c.many]
    if prefetch:
        queryset = queryset.prefetch_related(*prefetch)
    if register.order_by:
        queryset = queryset.order_by(*register.order_by)
    return queryset


def _label_maps(register: Register) -> dict[str, dict]:
    maps = {}
    for column in register.columns:
        if register.kind_of(column) == CHOICE and column.field:
            maps[column.header] = choice_maps(register.model_field(column.field))[1]
    return maps


def export_rows(register: Register, user, queryset: QuerySet) -> Iterator[list[Any]]:
    unmasked = register.sees_personal_data(user)
    labels = _label_maps(register)
    chunked = queryset if queryset._prefetch_related_lookups else queryset.iterator(chunk_size=2000)
    for obj in chunked:
        yield [
            _export_value(register, column, obj, unmasked, labels) for column in register.columns
        ]


def write_export(register: Register, user, queryset: QuerySet, out) -> int:
    """Write the export workbook; returns the number of rows written (for the audit trail)."""
    written = 0

    def counted():
        nonlocal written
        for row in export_rows(register, user, queryset):
            written += 1
            yield row

    with translation.override(FILE_LANGUAGE):
        xlsx.write_workbook(
            out,
            title=str(register.title),
            columns=[xlsx.Column(c.header, c.width) for c in register.columns],
            rows=counted(),
        )
    return written


def template_notes(register: Register, example: dict[str, Any] | None = None) -> list[list[Any]]:
    """The instructions sheet: per column, whether it is required, an example and the rules."""
    example = example or {}
    lines = [[_("Column"), _("Required"), _("Example"), _("What to enter")]]
    for column in register.import_columns:
        rule = column_rule(register, column)
        if column.mask:
            rule = sentences(
                [
                    rule,
                    _(
                        "Personal data: exports for users other than the secretariat show it "
                        "masked; a masked value re-imported leaves the stored value unchanged."
                    ),
                ]
            )
        lines.append(
            [
                column.header,
                glossary.yes_no(register.required_of(column)),
                example.get(column.header),
                rule,
            ]
        )
    lines.append([])
    keys = " / ".join(
        "+".join(register.header_of_field(f) or f for f in key) for key in register.natural_keys
    )
    lines.append(
        [
            _("Matching"),
            "",
            "",
            _(
                "A row whose %(keys)s matches an existing record updates it; other rows are added. "
                "Importing the same file again changes nothing."
            )
            % {"keys": keys},
        ]
    )
    lines.append(
        [
            _("Limits"),
            "",
            "",
            sentences(
                [
                    xlsx.limits_text(),
                    _(
                        "Values only: formulas are refused (paste as values). Keep the header "
                        "row as it is."
                    ),
                ]
            ),
        ]
    )
    lines.append(
        [
            _("Examples"),
            "",
            "",
            _(
                "The examples are on this sheet only and are never imported. Fill in the first "
                "sheet, one record per row, from row 2; the dry run shows every row before "
                "anything is saved."
            ),
        ]
    )
    if register.notes:
        lines.append([_("Notes"), "", "", str(register.notes)])
    return lines


def template_example(register: Register, user) -> dict[str, Any]:
    """An example value per importable column (the user's own organisation where it has one)."""
    with translation.override(FILE_LANGUAGE):
        example = dict(register.example)
        if register.example_for is not None:
            example.update({k: v for k, v in register.example_for(user).items() if v is not None})
        return {
            c.header: _example_value(register, c, example.get(c.header, c.example))
            for c in register.import_columns
        }


def write_template(register: Register, user, out) -> None:
    """The import template: a data sheet with the header row only, then the instructions sheet.

    The example row lives on the instructions sheet, which is never read: only the first sheet
    is imported, so an example can never become a record.
    """
    with translation.override(FILE_LANGUAGE):
        xlsx.write_workbook(
            out,
            title=str(register.title),
            columns=[xlsx.Column(c.header, c.width) for c in register.columns],
            rows=[],
            notes=template_notes(register, template_example(register, user)),
            notes_title=_("Instructions"),
            notes_widths=(18, 8, 24, 70),
        )


def _example_value(register: Register, column: Column, value: Any) -> Any:
    """The example of a choice column is always an allowed label (the field's default or first)."""
    if register.kind_of(column) != CHOICE or not column.field:
        return value
    model_field = register.model_field(column.field)
    accepted, labels = choice_maps(model_field)
    if value is not None and str(value).strip().lower() in accepted:
        return value
    default = model_field.get_default() if model_field.has_default() else None
    return labels.get(default) or next(iter(labels.values()), None)
