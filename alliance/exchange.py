"""Excel exchange of registers: the register spec, export, and the dry-run / import engine.

Each app declares its registers in ``<app>/exchange.py`` (found by :func:`autodiscover`) as a
:class:`Register`: the model, its columns (fixed Chinese headers, the model field each fills),
the references to other records by natural keys users know (an organisation's name or credit
code, a student's number and school ...), the natural key that finds the existing row to
update, and the app's own scope functions (``<plural>_visible_to`` / ``<plural>_editable_by``).

This module imports no app: permissions are passed in by the specs, so members, training and
placements can declare their registers here without depending on each other.

Import is planned first (:func:`plan_import`): every cell is converted and checked, every
reference resolved, every row built into a model instance and validated with the model's own
``full_clean`` (so an import obeys the same rules as the forms), uniqueness and scope are
checked in bulk, and nothing is written. :func:`apply_plan` then writes the plan with bulk
operations and one history row per record carrying the batch in its change reason.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from . import xlsx

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


class _Keep:
    """A masked value (``370724********1234``) from an export: keep the stored value."""

    def __repr__(self) -> str:
        return "<keep the stored value>"


KEEP = _Keep()
MASK_CHARS = ("*", "＊")
TRUE_WORDS = {"是", "y", "yes", "true", "1", "√", "✓", "有"}
FALSE_WORDS = {"否", "n", "no", "false", "0", "×", "无"}
LIST_SEPARATORS = re.compile(r"[、,，;；\n]+")
# The language the files are written in whatever the interface language: headers, choice
# labels and notes form the file format, which must not change when a user switches to English.
FILE_LANGUAGE = "zh-hans"


def _kind_label(kind: str) -> str:
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
    """

    field: str
    lookups: dict[str, str]
    candidates: Callable[[], QuerySet]
    alternatives: tuple[str, ...] = ()
    what: str = ""  # what is named, for messages: "学校", "学生"
    optional: tuple[str, ...] = ()  # headers that may stay empty (a teacher's staff number)


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
_discovered = False


def register(spec: Register) -> Register:
    _REGISTERS[spec.key] = spec
    return spec


def autodiscover() -> None:
    global _discovered
    if not _discovered:
        autodiscover_modules("exchange")
        _discovered = True


def get_register(key: str) -> Register | None:
    autodiscover()
    return _REGISTERS.get(key)


def all_registers() -> list[Register]:
    autodiscover()
    return list(_REGISTERS.values())


# -- values -------------------------------------------------------------------------------


def _path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part)
        if callable(obj) and not isinstance(obj, models.Model):
            obj = obj()
    return obj


def _choice_maps(model_field) -> tuple[dict[str, Any], dict[Any, str]]:
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


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _convert(kind: str, value: Any, choices: dict[str, Any] | None) -> Any:
    """Cell value → Python value for the field kind; raises ValueError with a message."""
    if kind in (TEXT, REF):
        return _text(value)
    if kind == INT:
        if isinstance(value, bool):
            raise ValueError(_("Enter a whole number."))
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.replace(",", "")):
            return int(value.replace(",", ""))
        raise ValueError(_("Enter a whole number."))
    if kind == DECIMAL:
        if isinstance(value, bool | dt.date):
            raise ValueError(_("Enter a number."))
        try:
            number = Decimal(str(value).replace(",", "").strip())
        except InvalidOperation:
            raise ValueError(_("Enter a number.")) from None
        if not number.is_finite():
            raise ValueError(_("Enter a number."))
        return number
    if kind == DATE:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool) and 1 < value < 2958466:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        match = _DATE_RE.match(str(value).strip())
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                pass
        raise ValueError(_("Enter a date such as 2024-09-01."))
    if kind == BOOL:
        if isinstance(value, bool):
            return value
        word = _text(value).lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError(_("Enter 是 or 否."))
    if kind == CHOICE:
        word = _text(value).lower()
        if word in choices:
            return choices[word]
        raise ValueError(_("Not an allowed value."))
    if kind == MANY:
        return [part.strip() for part in LIST_SEPARATORS.split(_text(value)) if part.strip()]
    raise AssertionError(kind)


def _export_value(
    register: Register, column: Column, obj: Any, unmasked: bool, labels: dict
) -> Any:
    if column.many:
        related = getattr(obj, column.field).all()
        return "、".join(sorted(str(o) for o in related))
    path = column.attr or column.field
    value = _path(obj, path)
    if column.header in labels and value not in (None, ""):
        value = labels[column.header].get(value, value)
    elif isinstance(value, bool):
        value = "是" if value else "否"
    elif isinstance(value, models.Model):
        value = str(value)
    if column.mask and value and not unmasked:
        value = column.mask(str(value))
    return value


# -- export -------------------------------------------------------------------------------


def export_queryset(register: Register, user, params) -> QuerySet:
    """Exactly the rows of the register list for these GET parameters (same FilterSet, same scope)."""
    queryset = register.visible_to(user)
    if register.filterset is not None:
        filterset = register.filterset(params, queryset=queryset)
        # An invalid filter shows all rows on the list (RegisterListView.strict = False):
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
            maps[column.header] = _choice_maps(register.model_field(column.field))[1]
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


def template_notes(register: Register) -> list[list[str]]:
    lines = [[_("Column"), _("Required"), _("What to enter")]]
    for column in register.import_columns:
        kind = register.kind_of(column)
        parts = [str(column.note)] if column.note else []
        parts.append(_("Type: %(kind)s.") % {"kind": _kind_label(kind)})
        if kind == CHOICE:
            labels = _choice_maps(register.model_field(column.field))[1]
            parts.append(_("Allowed values: %(values)s.") % {"values": "、".join(labels.values())})
        ref = register.ref_of(column.header)
        if ref is not None:
            parts.append(_("Must name an existing %(what)s.") % {"what": ref.what or column.header})
        if column.mask:
            parts.append(
                _(
                    "Personal data: exports for users other than the secretariat show it masked; "
                    "a masked value re-imported leaves the stored value unchanged."
                )
            )
        lines.append(
            [column.header, _("yes") if register.required_of(column) else _("no"), " ".join(parts)]
        )
    lines.append([])
    keys = " / ".join(
        "+".join(register.header_of_field(f) or f for f in key) for key in register.natural_keys
    )
    lines.append(
        [
            _("Matching"),
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
            xlsx.limits_text()
            + " "
            + _(
                "Values only: formulas are refused (paste as values). Keep the header row as it is."
            ),
        ]
    )
    if register.notes:
        lines.append([_("Notes"), "", str(register.notes)])
    return lines


def write_template(register: Register, user, out) -> None:
    with translation.override(FILE_LANGUAGE):
        example = dict(register.example)
        if register.example_for is not None:
            example.update({k: v for k, v in register.example_for(user).items() if v is not None})
        row = [
            _example_value(register, c, example.get(c.header, c.example)) for c in register.columns
        ]
        xlsx.write_workbook(
            out,
            title=str(register.title),
            columns=[xlsx.Column(c.header, c.width) for c in register.columns],
            rows=[row],
            notes=template_notes(register),
            notes_title=_("Notes"),
        )


def _example_value(register: Register, column: Column, value: Any) -> Any:
    """The example of a choice column is always an allowed label (the field's default or first)."""
    if register.kind_of(column) != CHOICE or not column.field:
        return value
    model_field = register.model_field(column.field)
    accepted, labels = _choice_maps(model_field)
    if value is not None and str(value).strip().lower() in accepted:
        return value
    default = model_field.get_default() if model_field.has_default() else None
    return labels.get(default) or next(iter(labels.values()), None)


# -- import planning ------------------------------------------------------------------------


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class Plan:
    register: Register
    row_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    to_create: list[models.Model] = field(default_factory=list)
    to_update: list[models.Model] = field(default_factory=list)
    update_fields: set[str] = field(default_factory=set)
    unchanged: int = 0
    # (instance, field name, [related objects]) to set after the rows are saved.
    many: list[tuple[models.Model, str, list[models.Model]]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Row:
    __slots__ = ("errors", "existing", "instance", "number", "values")

    def __init__(self, number: int):
        self.number = number
        self.values: dict[str, Any] = {}
        self.errors: list[RowError] = []
        self.instance = None
        self.existing = None

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, str(message)))


def check_headers(register: Register, headers: list[str]) -> None:
    """Refuse the file when columns are missing, unknown or repeated (raises WorkbookError)."""
    known = {c.header for c in register.columns}
    problems = []
    repeated = sorted({h for h in headers if h and headers.count(h) > 1})
    if repeated:
        problems.append(_("Repeated columns: %(cols)s.") % {"cols": "、".join(repeated)})
    blank = [str(i + 1) for i, h in enumerate(headers) if not h]
    if blank:
        problems.append(
            _("Columns without a header: number %(cols)s.") % {"cols": "、".join(blank)}
        )
    unknown = [h for h in headers if h and h not in known]
    if unknown:
        problems.append(_("Unknown columns: %(cols)s.") % {"cols": "、".join(unknown)})
    missing = [c.header for c in register.import_columns if c.header not in headers]
    if missing:
        problems.append(_("Missing columns: %(cols)s.") % {"cols": "、".join(missing)})
    if problems:
        raise xlsx.WorkbookError(
            " ".join(problems)
            + " "
            + _("Use the register's template: download it from the import page.")
        )


def _index_candidates(ref: Ref, rows: list[_Row]) -> dict[tuple, Any]:
    """Existing records a ref may name, indexed by the looked-up values (a few queries)."""
    headers = list(ref.lookups)
    queryset = ref.candidates()
    related = {lk.rsplit("__", 1)[0] for lk in ref.lookups.values() if "__" in lk}
    if related:
        queryset = queryset.select_related(*related)
    if len(headers) > 1:
        # Composite (school + student number): narrow by a column of the model itself.
        own = [h for h in headers if "__" not in ref.lookups[h]]
        if own:
            values = {_text(r.values[own[0]]) for r in rows if r.values.get(own[0]) is not None}
            queryset = queryset.filter(**{f"{ref.lookups[own[0]]}__in": values})
    index: dict[tuple, Any] = {}
    lookups = [ref.lookups[h] for h in headers]
    for obj in queryset:
        key = tuple(str(_path(obj, lk.replace("__", ".")) or "").strip() for lk in lookups)
        index.setdefault(key, obj)
        for alternative in ref.alternatives:
            value = _path(obj, alternative.replace("__", "."))
            if value:
                index.setdefault((str(value).strip(),), obj)
    return index


def _resolve_refs(register: Register, rows: list[_Row]) -> None:
    for ref in register.refs:
        headers = list(ref.lookups)
        index = _index_candidates(ref, rows)
        model_field = register.model_field(ref.field)
        for row in rows:
            values = [row.values.get(h) for h in headers]
            # The first header names the record (a student number, a base's name); without it
            # there is no reference, whatever the shared columns (school, enterprise) hold.
            if values[0] is None:
                if not model_field.null:
                    row.error(headers[0], _("This column is required."))
                row.values[ref.field] = None
                continue
            missing = [
                h
                for h, v in zip(headers, values, strict=True)
                if v is None and h not in ref.optional
            ]
            if missing:
                row.error(missing[0], _("This column is required."))
                continue
            key = tuple("" if v is None else _text(v) for v in values)
            obj = index.get(key)
            if obj is None:
                row.error(
                    headers[0] if len(headers) == 1 else "+".join(headers),
                    _("No %(what)s “%(value)s” found.")
                    % {"what": ref.what or headers[0], "value": " ".join(key)},
                )
                continue
            row.values[ref.field] = obj


def _resolve_many(register: Register, rows: list[_Row]) -> None:
    for column in register.import_columns:
        if not column.many:
            continue
        index = {str(o).strip(): o for o in column.many()}
        for row in rows:
            names = row.values.get(column.header) or []
            found = []
            for name in names:
                if name in index:
                    found.append(index[name])
                else:
                    row.error(column.header, _("No “%(value)s” found.") % {"value": name})
            row.values[column.field] = found


def _key_value(instance, fields: tuple[str, ...]) -> tuple | None:
    values = []
    for name in fields:
        model_field = instance._meta.get_field(name)
        value = getattr(instance, model_field.attname)
        if value is None:
            return None
        values.append(value)
    return tuple(values)


def _find_existing(register: Register, rows: list[_Row]) -> None:
    """Attach the existing record each row's natural key names (a query per natural key)."""
    model = register.model
    for fields in register.natural_keys:
        wanted: dict[tuple, list[_Row]] = defaultdict(list)
        for row in rows:
            if row.existing is not None or row.errors:
                continue
            key = _key_value(row.instance, fields)
            if key is not None:
                wanted[key].append(row)
        if not wanted:
            continue
        first = model._meta.get_field(fields[0])
        first_values = {k[0] for k in wanted}
        queryset = model._default_manager.filter(**{f"{first.attname}__in": first_values})
        if register.select_related:
            queryset = queryset.select_related(*register.select_related)
        for obj in queryset:
            key = _key_value(obj, fields)
            for row in wanted.get(key, ()):
                row.existing = obj


def _assign(register: Register, row: _Row, target: models.Model) -> list[str]:
    """Set the row's values on ``target``; return the concrete fields that changed."""
    changed = []
    for column in register.import_columns:
        if column.field is None or column.many:
            continue
        model_field = register.model_field(column.field)
        value = row.values.get(column.header)
        if value is None:
            value = (
                None
                if model_field.null
                else ("" if isinstance(model_field, models.CharField | models.TextField) else None)
            )
            if value is None and not model_field.null and model_field.has_default():
                value = model_field.get_default()
        if value is KEEP:
            continue
        old = getattr(target, model_field.attname)
        if old != value:
            changed.append(model_field.name)
            setattr(target, model_field.attname, value)
    for ref in register.refs:
        obj = row.values.get(ref.field)
        model_field = register.model_field(ref.field)
        if getattr(target, model_field.attname) != (obj.pk if obj else None):
            changed.append(ref.field)
        setattr(target, ref.field, obj)
    return changed


def _message_list(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {
            name: [str(m) for e in errors for m in e.messages]
            for name, errors in error.error_dict.items()
        }
    return {NON_FIELD_ERRORS: [str(m) for m in error.messages]}


def _unique_sets(model: type[models.Model]) -> list[tuple[str, ...]]:
    sets = [(f.name,) for f in model._meta.local_fields if f.unique and not f.primary_key]
    sets += [tuple(u) for u in model._meta.unique_together]
    for constraint in model._meta.constraints:
        if (
            isinstance(constraint, models.UniqueConstraint)
            and constraint.fields
            and constraint.condition is None
        ):
            sets.append(tuple(constraint.fields))
    return sets


def _check_unique(register: Register, rows: list[_Row]) -> None:
    """Unique fields and constraints, in bulk: duplicates inside the file and against the database."""
    model = register.model
    sets = list(dict.fromkeys([*register.natural_keys, *_unique_sets(model)]))
    for fields in sets:
        seen: dict[tuple, int] = {}
        by_key: dict[tuple, _Row] = {}
        header = register.header_of_field(fields[-1]) or fields[-1]
        headers = "+".join(register.header_of_field(f) or f for f in fields)
        for row in rows:
            if row.errors or row.instance is None:
                continue
            key = _key_value(row.instance, fields)
            if key is None:
                continue
            if key in seen:
                row.error(
                    header,
                    _("Repeats row %(row)s: %(columns)s must be unique.")
                    % {"row": seen[key], "columns": headers},
                )
                continue
            seen[key] = row.number
            by_key[key] = row
        if not by_key:
            continue
        first = model._meta.get_field(fields[0]).attname
        attnames = [model._meta.get_field(f).attname for f in fields]
        queryset = model._default_manager.filter(**{f"{first}__in": {k[0] for k in by_key}})
        for pk, *values in queryset.values_list("pk", *attnames).iterator(chunk_size=5000):
            row = by_key.get(tuple(values))
            if row is not None and row.instance.pk != pk:
                row.error(
                    header, _("Another record already has this %(columns)s.") % {"columns": headers}
                )


def _owner_ids(instance, paths: tuple[str, ...]) -> set:
    ids = set()
    for path in paths:
        try:
            value = _path(instance, path)
        except Exception:
            value = None
        if value is not None:
            ids.add(value)
    return ids


def plan_import(
    register: Register,
    sheet: xlsx.Sheet,
    user,
    progress: Callable[[int, int], None] | None = None,
    check_fields: bool = True,
) -> Plan:
    """Check every row of ``sheet`` and work out what an import would create and update.

    ``check_fields=False`` skips the field validators (ID numbers, phones ...) and keeps every
    other check: for the import of a file whose dry run passed, the values are the same (the
    stored file does not change) but the data they refer to may have.

    Raises ``xlsx.WorkbookError`` when the file as a whole is refused (columns); row problems
    are collected in ``plan.errors`` (row number, column header, reason). Writes nothing.
    """
    check_headers(register, sheet.headers)
    plan = Plan(register=register, row_count=len(sheet.rows))
    position = {h: i for i, h in enumerate(sheet.headers)}
    columns = register.import_columns
    kinds = {c.header: register.kind_of(c) for c in columns}
    choices = {
        c.header: _choice_maps(register.model_field(c.field))[0]
        for c in columns
        if kinds[c.header] == CHOICE
    }
    required = {c.header: register.required_of(c) for c in columns}
    total = len(sheet.rows)

    rows: list[_Row] = []
    for number, cells in sheet.rows:
        row = _Row(number)
        if cells and cells[-1] is xlsx.EXTRA_VALUE:
            row.error("", _("This row has values in columns without a header."))
            cells = cells[:-1]
        for column in columns:
            index = position[column.header]
            value = cells[index] if index < len(cells) else None
            if isinstance(value, xlsx.Formula):
                row.error(
                    column.header,
                    _("This cell holds a formula; enter the value itself (paste as values)."),
                )
                continue
            if value is None:
                if required[column.header] and not register.ref_of(column.header):
                    row.error(column.header, _("This column is required."))
                row.values[column.header] = None
                continue
            if (
                column.mask
                and isinstance(value, str)
                and any(c in value for c in MASK_CHARS)
                and column.mask(value) == value
            ):
                row.values[column.header] = KEEP
                continue
            try:
                row.values[column.header] = _convert(
                    kinds[column.header], value, choices.get(column.header)
                )
            except ValueError as exc:
                row.error(column.header, str(exc))
        rows.append(row)

    _resolve_refs(register, rows)
    _resolve_many(register, rows)

    # Build unsaved instances (needed for natural keys), then find the existing records.
    # Rows with errors get an instance too, so that the model's own rules report their other
    # problems in the same dry run (the columns already in error are left out of that check).
    for row in rows:
        row.instance = register.model()
        _assign(register, row, row.instance)
    _find_existing(register, rows)

    editable_ids: set = set()
    existing_ids = [r.existing.pk for r in rows if r.existing is not None]
    if existing_ids:
        editable_ids = set(
            register.editable_by(user).filter(pk__in=existing_ids).values_list("pk", flat=True)
        )
    writable = (
        set(register.writable_organizations(user).values_list("pk", flat=True))
        if register.owners
        else set()
    )
    may_create = register.can_create(user) if register.can_create else True
    exclude = [r.field for r in register.refs] + [c.field for c in columns if c.many]
    owner_header = ""
    if register.owners:
        owner_field = register.owners[0].split(".")[0].removesuffix("_id")
        owner_header = register.header_of_field(owner_field) or ""

    # A model that normalises values in clean_fields (Organization's credit code) needs it always.
    overrides_clean_fields = register.model.clean_fields is not models.Model.clean_fields
    for done, row in enumerate(rows, start=1):
        if progress is not None and done % 500 == 0:
            progress(done, total)
        if row.errors:
            if check_fields:
                _clean_partial(register, row, exclude)
            continue
        if row.existing is not None:
            if row.existing.pk not in editable_ids:
                row.error(
                    owner_header or "",
                    _("This record belongs to another organisation; you may not change it."),
                )
                continue
            row.instance = row.existing
            changed = _assign(register, row, row.instance)
        else:
            changed = None
            masked = [h for h, v in row.values.items() if v is KEEP]
            if masked:
                row.error(
                    masked[0],
                    _(
                        "A masked value can only be re-imported for an existing record; enter the full value."
                    ),
                )
                continue
            if not may_create:
                row.error(
                    "", _("You may not add new records to this register; only update your own.")
                )
                continue
        if register.owners and not (_owner_ids(row.instance, register.owners) & writable):
            row.error(owner_header, _("You may only import records of your own organisation."))
            continue
        try:
            if check_fields or overrides_clean_fields:
                row.instance.full_clean(
                    exclude=exclude, validate_unique=False, validate_constraints=False
                )
            else:
                row.instance.clean()
        except ValidationError as exc:
            for name, messages in _message_list(exc).items():
                header = (
                    ""
                    if name == NON_FIELD_ERRORS
                    else (register.header_of_field(name) or _verbose(register, name))
                )
                for message in messages:
                    row.error(header, message)
            continue
        row.values["__changed__"] = changed

    _check_unique(register, rows)

    for row in rows:
        plan.errors.extend(row.errors)
        if row.errors:
            continue
        changed = row.values.get("__changed__")
        many_changed = False
        for column in columns:
            if column.many:
                new = row.values.get(column.field) or []
                if row.existing is not None:
                    old = {o.pk for o in getattr(row.existing, column.field).all()}
                    many_changed |= old != {o.pk for o in new}
                plan.many.append((row.instance, column.field, new))
        if row.existing is None:
            plan.to_create.append(row.instance)
        elif changed or many_changed:
            plan.to_update.append(row.instance)
            plan.update_fields.update(changed or ())
        else:
            plan.unchanged += 1
    plan.errors.sort(key=lambda e: (e.row, e.column))
    if progress is not None:
        progress(total, total)
    return plan


def _clean_partial(register: Register, row: _Row, exclude: list[str]) -> None:
    """The model's checks on a row that already has errors, leaving out the columns in error."""
    failed = {e.column for e in row.errors}
    skip = [*exclude, *(c.field for c in register.import_columns if c.field and c.header in failed)]
    try:
        row.instance.full_clean(exclude=skip, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for name, messages in _message_list(exc).items():
            if name == NON_FIELD_ERRORS:
                continue  # rules across fields would mostly repeat the errors already found
            header = register.header_of_field(name) or _verbose(register, name)
            if header in failed:
                continue
            for message in messages:
                row.error(header, message)


def _verbose(register: Register, name: str) -> str:
    model_field = register.model_field(name)
    return str(model_field.verbose_name) if model_field is not None else name


def apply_plan(plan: Plan, *, user, reason: str, batch_size: int = 1000) -> tuple[int, int]:
    """Write a checked plan in one transaction; history rows carry ``reason`` and ``user``.

    Returns (created, updated). The caller has checked ``plan.ok``.
    """
    from simple_history.utils import bulk_create_with_history, bulk_update_with_history

    model = plan.register.model
    history_user = user if getattr(user, "pk", None) else None
    has_history = hasattr(model, "history")
    with transaction.atomic():
        if plan.to_create:
            if has_history:
                created = bulk_create_with_history(
                    plan.to_create,
                    model,
                    batch_size=batch_size,
                    default_user=history_user,
                    default_change_reason=reason,
                )
                # SQLite/other back ends may return new objects; map them back for m2m.
                for original, saved in zip(plan.to_create, created, strict=True):
                    original.pk = saved.pk
            else:
                model._default_manager.bulk_create(plan.to_create, batch_size=batch_size)
        if plan.to_update:
            fields = sorted(plan.update_fields)
            if has_history:
                bulk_update_with_history(
                    plan.to_update,
                    model,
                    fields,
                    batch_size=batch_size,
                    default_user=history_user,
                    default_change_reason=reason,
                )
            elif fields:
                model._default_manager.bulk_update(plan.to_update, fields, batch_size=batch_size)
        _apply_many(plan)
    return len(plan.to_create), len(plan.to_update)


def _apply_many(plan: Plan) -> None:
    by_field: dict[str, list[tuple[models.Model, list[models.Model]]]] = defaultdict(list)
    for instance, name, related in plan.many:
        by_field[name].append((instance, related))
    for name, pairs in by_field.items():
        manager_field = plan.register.model._meta.get_field(name)
        through = manager_field.remote_field.through
        source = manager_field.m2m_field_name()
        target = manager_field.m2m_reverse_field_name()
        ids = [i.pk for i, _r in pairs]
        through._default_manager.filter(**{f"{source}__in": ids}).delete()
        through._default_manager.bulk_create(
            [
                through(**{f"{source}_id": i.pk, f"{target}_id": o.pk})
                for i, related in pairs
                for o in related
            ],
            batch_size=1000,
        )
