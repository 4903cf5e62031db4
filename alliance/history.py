"""Who changed what on a record, read from django-simple-history (imports no app).

``history_rows`` pairs each historical version with the one before it and lists the changed
fields with their labels; fields named in ``masked`` are shown masked (personal data for
viewers other than the secretariat).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

ACTIONS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryRow:
    when: object
    who: str
    action: str
    reason: str
    changes: list[Change]


def _display(record, field_name: str) -> str:
    field = record._meta.get_field(field_name)
    value = getattr(record, field.attname)
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _display_many(field, rows: list[dict]) -> str:
    """The related rows a many-to-many field held (``m2m_fields``), by name."""
    key = field.m2m_reverse_field_name()
    ids = [row[key] for row in rows]
    if not ids:
        return "—"
    names = field.related_model._default_manager.in_bulk(ids)
    return "、".join(str(names.get(pk, pk)) for pk in ids)


def history_rows(
    obj, masked: dict[str, Callable[[str], str]] | None = None, limit: int = 50
) -> list[HistoryRow]:
    """The newest ``limit`` versions of ``obj``, newest first, in two queries."""
    masked = masked or {}
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        if len(rows) == limit:
            break
        changes = []
        if older is not None:
            # Many-to-many sets (``m2m_fields``) are diffed too, from their own history tables.
            delta = newer.diff_against(older)
            for change in delta.changes:
                field = obj._meta.get_field(change.field)
                if field.many_to_many:
                    old, new = _display_many(field, change.old), _display_many(field, change.new)
                else:
                    old, new = _display(older, change.field), _display(newer, change.field)
                if change.field in masked:
                    old, new = masked[change.field](old), masked[change.field](new)
                changes.append(Change(str(field.verbose_name), old, new))
        user = newer.history_user
        rows.append(
            HistoryRow(
                when=newer.history_date,
                who=(user.get_full_name() or user.username) if user else str(_("system")),
                action=str(ACTIONS.get(newer.history_type, newer.history_type)),
                reason=newer.history_change_reason or "",
                changes=changes,
            )
        )
    return rows
