"""The column spec of a register's sheet, and the registry of every register.

Each app declares its registers in ``<app>/exchange.py`` (imported by the app's ``AppConfig.ready``) as a
:class:`Register`: the model, its columns (fixed Chinese headers, the model field each fills),
the references to other records by natural keys users know (an organisation's name or credit
code, a student's number and school ...), the natural key that finds the existing row to
update, and the app's own scope functions (``<plural>_visible_to`` / ``<plural>_editable_by``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

TEXT, INT, DECIMAL, DATE, BOOL, CHOICE, REF, MANY = (
    "text",
    "int",
    "decimal",
    "date",
    "bool",
    "choice",
    "ref",
    "many",
)
# The language the files are written in whatever the interface language: headers, choice
# labels and notes form the file format, which must not change when a user switches to English.
FILE_LANGUAGE = "zh-hans"


def kind_label(kind: str) -> str:
    return {
        TEXT: _("text"),
        INT: _("whole number"),
        DECIMAL: _("number"),
        DATE: _("date (YYYY-MM-DD)"),
        BOOL: _("是 / 否"),
        CHOICE: _("one of the allowed values"),
        REF: _("name of an existing record"),
        MANY: _("names separated by 、"),
    }[kind]


@dataclass(frozen=True)
class Ref:
    """A foreign key filled from one or more columns naming an existing record.

    ``lookups`` maps each header to the lookup on the referenced model (``{"学校": "name"}``;
    ``{"学校": "school__name", "学号": "student_number"}`` for a student). A single column may
    be matched by several lookups in order (``alternatives``: an organisation by credit code
    or name). ``candidates`` returns the records that may be referenced.

    ``linkable`` (user → queryset), when given, replaces ``candidates`` by the records this
    user may link (a school's own students): a record outside it is reported exactly like one
    that does not exist, so an import never tells whether another organisation has it.
    """

    field: str
    lookups: dict[str, str]
    candidates: Callable[[], QuerySet]
    alternatives: tuple[str, ...] = ()
    what: str = ""  # what is named, for messages: "学校", "学生"
    optional: tuple[str, ...] = ()  # headers that may stay empty (a teacher's staff number)
    linkable: Callable[[Any], QuerySet] | None = None

    def candidates_for(self, user) -> QuerySet:
        return self.linkable(user) if self.linkable is not None else self.candidates()


@dataclass(frozen=True)
class Column:
    """One column of a register's sheet.

    ``field``: the model field the column fills (None for a column that is part of a
    :class:`Ref`, or export-only). ``attr``: dotted path read for export (default ``field``).
    """

    header: str
    field: str | None = None
    attr: str | None = None
    kind: str | None = None
    required: bool | None = None
    note: str = ""
    example: Any = None
    mask: Callable[[str], str] | None = None
    importable: bool = True
    width: int = 14
    many: Callable[[], QuerySet] | None = None  # candidates of a many-to-many column (by name)


@dataclass
class Register:
    key: str
    title: str
    model: type[models.Model]
    columns: list[Column]
    visible_to: Callable[[Any], QuerySet]
    sees_personal_data: Callable[[Any], bool]
    # Roles that may export / import (each route declares them; rows are then scoped). A
    # register without import roles is exported only.
    export_roles: frozenset[str]
    import_roles: frozenset[str] = frozenset()
    natural_keys: list[tuple[str, ...]] = field(default_factory=list)
    editable_by: Callable[[Any], QuerySet] | None = None
    # Organisations the user may write rows for (``members.permissions.organizations_editable_by``).
    writable_organizations: Callable[[Any], QuerySet] | None = None
    refs: list[Ref] = field(default_factory=list)
    # Paths from an instance to the ids of the organisations owning it; a row is in scope when
    # one of them is writable by the user. Empty: only existing rows in ``editable_by`` and, for
    # new rows, ``can_create``.
    owners: tuple[str, ...] = ()
    can_create: Callable[[Any], bool] | None = None
    filterset: type | None = None
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    order_by: tuple[str, ...] = ()
    example: dict[str, Any] = field(default_factory=dict)
    # Fills the example row from the user's organisation: {header: callable(user) -> value}.
    example_for: Callable[[Any], dict[str, Any]] | None = None
    notes: str = ""
    list_url: str = ""  # URL name of the register's list page ("members:organizations")

    # -- derived ----------------------------------------------------------------------------
    def model_field(self, name: str):
        try:
            return self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None

    def kind_of(self, column: Column) -> str:
        if column.kind:
            return column.kind
        if column.many:
            return MANY
        model_field = self.model_field(column.field) if column.field else None
        if model_field is None:
            return REF if self.ref_of(column.header) else TEXT
        if model_field.choices:
            return CHOICE
        if isinstance(model_field, models.BooleanField):
            return BOOL
        if isinstance(model_field, models.DateTimeField):
            return TEXT
        if isinstance(model_field, models.DateField):
            return DATE
        if isinstance(model_field, models.DecimalField | models.FloatField):
            return DECIMAL
        if isinstance(model_field, models.IntegerField):
            return INT
        return TEXT

    def required_of(self, column: Column) -> bool:
        if column.required is not None:
            return column.required
        if column.field:
            model_field = self.model_field(column.field)
            if model_field is not None and not model_field.many_to_many:
                return not model_field.blank and not model_field.has_default()
        ref = self.ref_of(column.header)
        if ref is not None:
            return not self.model_field(ref.field).null
        return False

    def ref_of(self, header: str) -> Ref | None:
        return next((r for r in self.refs if header in r.lookups), None)

    @property
    def import_columns(self) -> list[Column]:
        return [c for c in self.columns if c.importable]

    def header_of_field(self, name: str) -> str | None:
        for column in self.columns:
            if column.field == name and column.importable:
                return column.header
        for ref in self.refs:
            if ref.field == name:
                return next(iter(ref.lookups))
        return None


_REGISTERS: dict[str, Register] = {}


def register(spec: Register) -> Register:
    _REGISTERS[spec.key] = spec
    return spec


def get_register(key: str) -> Register | None:
    return _REGISTERS.get(key)


def all_registers() -> list[Register]:
    return list(_REGISTERS.values())


def attribute_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part)
        if callable(obj) and not isinstance(obj, models.Model):
            obj = obj()
    return obj


def choice_maps(model_field) -> tuple[dict[str, Any], dict[Any, str]]:
    """Accepted spellings → value (file labels, English labels, stored values) and value → label."""
    accepted: dict[str, Any] = {}
    labels: dict[Any, str] = {}
    for value, label in model_field.flatchoices:
        if value in (None, ""):
            continue
        with translation.override(FILE_LANGUAGE):
            file_label = str(label)
        with translation.override("en"):
            english = str(label)
        labels[value] = file_label
        for spelling in (str(value), english, file_label):
            accepted.setdefault(spelling.strip().lower(), value)
    return accepted, labels


def column_rule(register: Register, column: Column) -> str:
    """What a cell of ``column`` may hold: the instructions sheet's text, repeated with every error."""
    kind = register.kind_of(column)
    parts = [str(column.note)] if column.note else []
    parts.append(_("Type: %(kind)s.") % {"kind": kind_label(kind)})
    if kind == CHOICE:
        labels = choice_maps(register.model_field(column.field))[1]
        parts.append(_("Allowed values: %(values)s.") % {"values": "、".join(labels.values())})
    ref = register.ref_of(column.header)
    if ref is not None:
        parts.append(_("Must name an existing %(what)s.") % {"what": ref.what or column.header})
    return sentences(parts)


def sentences(parts: list[str]) -> str:
    """Sentences one after another: Chinese sentences end in "。" and take no space between them."""
    language = translation.get_language() or ""
    return ("" if language.startswith("zh") else " ").join(p for p in parts if p)
