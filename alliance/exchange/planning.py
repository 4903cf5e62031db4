"""The dry run: every row converted, resolved, validated and scoped; nothing written.

Import is planned first (:func:`plan_import`): every cell is converted and checked, every
reference resolved, every row built into a model instance and validated with the model's own
``full_clean`` (so an import obeys the same rules as the forms), uniqueness and scope are
checked in bulk, and nothing is written. ``applying.apply_plan`` then writes the plan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connections, models
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from alliance import glossary, xlsx

from .reading import KEEP, MASK_CHARS, cell_text, check_headers, convert
from .specs import CHOICE, Column, Ref, Register, attribute_path, choice_maps, column_rule


@dataclass
class RowError:
    """One problem of one row: where (row, column), what was found, what is wrong and allowed."""

    row: int
    column: str
    message: str
    value: str = ""  # the cell as the user typed it (masked like the register's pages)
    allowed: str | None = None  # None: the column's rule from the instructions sheet

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message,
            "allowed": self.allowed or "",
        }


NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"


@dataclass
class Plan:
    register: Register
    row_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    to_create: list[models.Model] = field(default_factory=list)
    to_update: list[models.Model] = field(default_factory=list)
    update_fields: set[str] = field(default_factory=set)
    unchanged: int = 0
    # Rows that add a record and rows that change one (``to_create`` and ``to_update`` hold the
    # records themselves only when the plan keeps them; see ``plan_import``).
    new_count: int = 0
    changed_count: int = 0
    # (instance, field name, [related objects]) to set after the rows are saved.
    many: list[tuple[models.Model, str, list[models.Model]]] = field(default_factory=list)
    # What the dry run shows for each valid row, in file order: {"row", "status" (NEW, CHANGED,
    # UNCHANGED), "label" (the row's first cells), "changes" ([header, old, new] per field)}.
    preview: list[dict[str, Any]] | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


#: Rows listed on the dry run's page, in file order: a line for each of 100,000 rows took
#: 40 MB to build, for a page that shows these.
PREVIEW_ROWS = 5000

#: Rows planned together: a row's converted values, its record and its checks are kept for its
#: chunk only (100,000 rows planned at once took 200 MiB above the sheet itself).
CHUNK_ROWS = 5000


class _Row:
    __slots__ = ("changes", "errors", "existing", "instance", "number", "raw", "values")

    def __init__(self, number: int):
        self.number = number
        self.raw: dict[str, Any] = {}  # header → the cell as read
        self.values: dict[str, Any] = {}
        self.errors: list[RowError] = []
        self.instance = None
        self.existing = None
        self.changes: list[tuple[str, Any, Any]] = []  # (field name, old, new) of an update

    def error(self, column: str, message: str, allowed: str | None = None) -> None:
        self.errors.append(RowError(self.number, column, str(message), allowed=allowed))


def _index_candidates(ref: Ref, rows: list[_Row], user) -> dict[tuple, Any]:
    """Records the user may name through ``ref``, indexed by the looked-up values (a few queries)."""
    headers = list(ref.lookups)
    queryset = ref.candidates_for(user)
    related = {lk.rsplit("__", 1)[0] for lk in ref.lookups.values() if "__" in lk}
    if related:
        queryset = queryset.select_related(*related)
    if len(headers) > 1:
        # Composite (school + student number): narrow by a column of the model itself.
        own = [h for h in headers if "__" not in ref.lookups[h]]
        if own:
            values = {cell_text(r.values[own[0]]) for r in rows if r.values.get(own[0]) is not None}
            queryset = queryset.filter(**{f"{ref.lookups[own[0]]}__in": values})
    index: dict[tuple, Any] = {}
    lookups = [ref.lookups[h] for h in headers]
    for obj in queryset:
        key = tuple(str(attribute_path(obj, lk.replace("__", ".")) or "").strip() for lk in lookups)
        index.setdefault(key, obj)
        for alternative in ref.alternatives:
            value = attribute_path(obj, alternative.replace("__", "."))
            if value:
                index.setdefault((str(value).strip(),), obj)
    return index


def _resolve_refs(register: Register, rows: list[_Row], user, indexes: dict) -> None:
    """``indexes``: the candidates of each reference not narrowed by the rows, kept between
    chunks (a reference through several columns is looked up for each chunk's rows)."""
    for ref in register.refs:
        headers = list(ref.lookups)
        if len(headers) > 1:
            index = _index_candidates(ref, rows, user)
        else:
            if ref.field not in indexes:
                indexes[ref.field] = _index_candidates(ref, rows, user)
            index = indexes[ref.field]
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
            key = tuple("" if v is None else cell_text(v) for v in values)
            obj = index.get(key)
            if obj is None:
                row.error(
                    headers[0] if len(headers) == 1 else "+".join(headers),
                    _("No %(what)s “%(value)s” found.")
                    % {"what": ref.what or headers[0], "value": " ".join(key)},
                )
                continue
            row.values[ref.field] = obj


def _resolve_many(register: Register, rows: list[_Row], indexes: dict) -> None:
    for column in register.import_columns:
        if not column.many:
            continue
        if column.header not in indexes:
            indexes[column.header] = {str(o).strip(): o for o in column.many()}
        index = indexes[column.header]
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


#: Above this many values, a PostgreSQL lookup passes them as one array parameter.
ONE_ARRAY_FROM = 100


def _having_keys(model: type[models.Model], fields: tuple[str, ...], keys) -> models.QuerySet:
    """The records whose ``fields`` may hold one of ``keys``: each field among the keys' values
    (a school's students narrowed to the student numbers of these rows, not all of them)."""
    connection = connections[model._default_manager.db]
    filters = {}
    for i, name in enumerate(fields):
        model_field = model._meta.get_field(name)
        values: Any = list({key[i] for key in keys})
        if connection.vendor == "postgresql" and len(values) > ONE_ARRAY_FROM:
            # A placeholder per value made each chunk's two lookups cost more than the rest of
            # its checks (the driver splits and quotes a statement of 5,000 parameters).
            array = f"{model_field.db_type(connection)}[]"
            values = RawSQL(f"SELECT unnest(%s::{array})", [values])
        filters[f"{model_field.attname}__in"] = values
    return model._default_manager.filter(**filters)


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
        queryset = _having_keys(model, fields, wanted)
        if register.select_related:
            queryset = queryset.select_related(*register.select_related)
        for obj in queryset:
            key = _key_value(obj, fields)
            for row in wanted.get(key, ()):
                row.existing = obj


def _assign(
    register: Register, row: _Row, target: models.Model, diff: list | None = None
) -> list[str]:
    """Set the row's values on ``target``; return the concrete fields that changed.

    ``diff`` collects (field name, old value, new value) of each change, for the dry run.
    """
    changed = []
    for column in register.import_columns:
        if column.field is None or column.many:
            continue
        model_field = register.model_field(column.field)
        value = row.values.get(column.header)
        if value is None:
            if not model_field.blank and model_field.has_default():
                # An empty cell of a column ``required_of`` calls optional: the field's default
                # (a column added to a sheet already in use, such as an apprenticeship's path).
                value = model_field.get_default()
            else:
                value = (
                    None
                    if model_field.null
                    else (
                        "" if isinstance(model_field, models.CharField | models.TextField) else None
                    )
                )
                if value is None and not model_field.null and model_field.has_default():
                    value = model_field.get_default()
        if value is KEEP:
            continue
        old = getattr(target, model_field.attname)
        if old != value:
            changed.append(model_field.name)
            if diff is not None:
                diff.append((model_field.name, old, value))
            setattr(target, model_field.attname, value)
    for ref in register.refs:
        obj = row.values.get(ref.field)
        model_field = register.model_field(ref.field)
        if getattr(target, model_field.attname) != (obj.pk if obj else None):
            changed.append(ref.field)
            if diff is not None:
                diff.append((ref.field, getattr(target, ref.field), obj))
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


def _check_unique(register: Register, rows: list[_Row], seen_in_file: dict) -> None:
    """Unique fields and constraints, in bulk: duplicates inside the file and against the database.

    ``seen_in_file``: for each set of unique fields, the row number of each value found so far
    (kept from one chunk of rows to the next).
    """
    model = register.model
    sets = list(dict.fromkeys([*register.natural_keys, *_unique_sets(model)]))
    for fields in sets:
        seen: dict[tuple, int] = seen_in_file.setdefault(fields, {})
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
        attnames = [model._meta.get_field(f).attname for f in fields]
        queryset = _having_keys(model, fields, by_key)
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
            value = attribute_path(instance, path)
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
    preview: bool = True,
    keep_records: bool = True,
    write: Callable[[Plan], None] | None = None,
) -> Plan:
    """Check every row of ``sheet`` and work out what an import would create and update.

    ``check_fields=False`` skips the field validators (ID numbers, phones ...) and keeps every
    other check: for the import of a file whose dry run passed, the values are the same (the
    stored file does not change) but the data they refer to may have. ``preview=False`` leaves
    out the per-row list the dry run shows (``plan.preview`` is then None); it lists the first
    ``PREVIEW_ROWS`` valid rows (the counts cover every row).

    The rows are planned ``CHUNK_ROWS`` at a time. ``keep_records=False`` keeps only the counts
    (``new_count``, ``changed_count``), not the records, in the plan: a dry run of a big file.
    ``write`` is called with the plan of each chunk (its records to create and update) as long
    as no row so far has a problem: the import writes as it checks, inside the caller's
    transaction, which the caller rolls back when the plan is not ``ok`` in the end. Rows are
    checked the same way whether earlier chunks were written or not (a row repeating a key of
    an earlier row is reported as a repeat, not taken for an update of that row's record).

    Raises ``xlsx.WorkbookError`` when the file as a whole is refused (columns); row problems
    are collected in ``plan.errors`` (row number, column header, reason). Writes nothing but
    through ``write``.
    """
    check_headers(register, sheet.headers)
    if not sheet.rows:
        raise xlsx.WorkbookError(
            _(
                "The first sheet has only the header row: enter one record per row from row 2 "
                "(the instructions sheet is never imported)."
            )
        )
    plan = Plan(register=register, row_count=len(sheet.rows), preview=[] if preview else None)
    position = {h: i for i, h in enumerate(sheet.headers)}
    columns = register.import_columns
    kinds = {c.header: register.kind_of(c) for c in columns}
    choices = {
        c.header: choice_maps(register.model_field(c.field))[0]
        for c in columns
        if kinds[c.header] == CHOICE
    }
    required = {c.header: register.required_of(c) for c in columns}
    total = len(sheet.rows)

    writable_names = (
        dict(register.writable_organizations(user).values_list("pk", "name"))
        if register.owners
        else {}
    )
    writable = set(writable_names)
    may_create = register.can_create(user) if register.can_create else True
    exclude = [r.field for r in register.refs] + [c.field for c in columns if c.many]
    owner_header = ""
    if register.owners:
        owner_field = register.owners[0].split(".")[0].removesuffix("_id")
        owner_header = register.header_of_field(owner_field) or ""

    not_yours = _("You may only import records of your own organisation.")
    own = "、".join(list(writable_names.values())[:5])
    own_allowed = _("Records of your own organisation: %(names)s.") % {"names": own} if own else ""
    # A model that normalises values in clean_fields (Organization's credit code) needs it always.
    overrides_clean_fields = register.model.clean_fields is not models.Model.clean_fields
    shown = _Shown(register, unmasked=register.sees_personal_data(user))
    indexes: dict = {}  # the candidates of references and many-to-many columns
    seen_in_file: dict = {}  # the unique values found so far (_check_unique)
    for offset in range(0, total, CHUNK_ROWS):
        rows: list[_Row] = []
        for number, cells in sheet.rows[offset : offset + CHUNK_ROWS]:
            row = _Row(number)
            if cells and cells[-1] is xlsx.EXTRA_VALUE:
                row.error(
                    "",
                    _("This row has values in columns without a header."),
                    allowed=_("Values only under the template's headers."),
                )
                cells = cells[:-1]
            for column in columns:
                index = position[column.header]
                value = cells[index] if index < len(cells) else None
                row.raw[column.header] = value
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
                    row.values[column.header] = convert(
                        kinds[column.header], value, choices.get(column.header)
                    )
                except ValueError as exc:
                    row.error(column.header, str(exc))
            rows.append(row)

        _resolve_refs(register, rows, user, indexes)
        _resolve_many(register, rows, indexes)

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
        for done, row in enumerate(rows, start=offset + 1):
            if progress is not None and done % 500 == 0:
                progress(done, total)
            if row.errors:
                if check_fields:
                    _clean_partial(register, row, exclude)
                continue
            if row.existing is not None:
                if row.existing.pk not in editable_ids:
                    # Worded as for a new row of another organisation: the dry run must not tell
                    # whether another organisation holds this record.
                    row.error(owner_header, not_yours, allowed=own_allowed)
                    continue
                row.instance = row.existing
                changed = _assign(register, row, row.instance, row.changes)
            else:
                changed = None
                if register.owners and not (_owner_ids(row.instance, register.owners) & writable):
                    row.error(owner_header, not_yours, allowed=own_allowed)
                    continue
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
            if (
                row.existing is not None
                and register.owners
                and not (_owner_ids(row.instance, register.owners) & writable)
            ):
                # An update may not hand one's own record to another organisation either.
                row.error(owner_header, not_yours, allowed=own_allowed)
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

        _check_unique(register, rows, seen_in_file)

        chunk = Plan(register=register)
        for row in rows:
            plan.errors.extend(row.errors)
            if row.errors:
                continue
            changed = row.values.get("__changed__")
            for column in columns:
                if column.many:
                    new = row.values.get(column.field) or []
                    if row.existing is not None:
                        old = list(getattr(row.existing, column.field).all())
                        if {o.pk for o in old} != {o.pk for o in new}:
                            row.changes.append((column.field, old, new))
                    chunk.many.append((row.instance, column.field, new))
            if row.existing is None:
                status = NEW
                chunk.to_create.append(row.instance)
            elif row.changes:
                status = CHANGED
                chunk.to_update.append(row.instance)
                chunk.update_fields.update(changed or ())
            else:
                status = UNCHANGED
                plan.unchanged += 1
            if plan.preview is not None and len(plan.preview) < PREVIEW_ROWS:
                plan.preview.append(
                    {
                        "row": row.number,
                        "status": status,
                        "label": shown.label(row),
                        "changes": [shown.change(*change) for change in row.changes],
                    }
                )
        _describe_errors(register, rows, shown)
        plan.new_count += len(chunk.to_create)
        plan.changed_count += len(chunk.to_update)
        if write is not None and plan.ok:
            write(chunk)
        if keep_records:
            plan.to_create += chunk.to_create
            plan.to_update += chunk.to_update
            plan.update_fields |= chunk.update_fields
            plan.many += chunk.many
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


class _Shown:
    """Values as the register's pages show them: choice labels, 是/否, dates, masked personal data."""

    def __init__(self, register: Register, *, unmasked: bool):
        self.register = register
        self.unmasked = unmasked
        self.columns = {c.header: c for c in register.import_columns}
        self.by_field = {c.field: c for c in register.import_columns if c.field}
        self.labels = {
            c.field: dict(register.model_field(c.field).flatchoices)
            for c in register.import_columns
            if c.field and register.kind_of(c) == CHOICE
        }
        self.label_headers = [c.header for c in register.import_columns][:3]

    def text(self, value: Any, column: Column | None, labels: dict | None = None) -> str:
        if value is None or value == "" or value is KEEP:
            return ""
        if isinstance(value, xlsx.Formula):
            text = value.text
        elif isinstance(value, list):
            text = "、".join(sorted(str(v) for v in value))
        elif isinstance(value, bool):
            text = str(glossary.yes_no(value))
        elif labels is not None and value in labels:
            text = str(labels[value])
        else:
            text = cell_text(value)
        if column is not None and column.mask and not self.unmasked:
            text = column.mask(text)
        return text

    def cell(self, row: _Row, header: str) -> str:
        """The cell(s) an error is about, as found in the file ("学号+学校" joins two cells)."""
        parts = [self.text(row.raw.get(h), self.columns.get(h)) for h in header.split("+") if h]
        return " ".join(p for p in parts if p)

    def label(self, row: _Row) -> str:
        return " · ".join(t for t in (self.cell(row, h) for h in self.label_headers) if t)

    def change(self, name: str, old: Any, new: Any) -> list[str]:
        column = self.by_field.get(name)
        labels = self.labels.get(name)
        header = self.register.header_of_field(name) or _verbose(self.register, name)
        return [header, self.text(old, column, labels), self.text(new, column, labels)]


def _describe_errors(register: Register, rows: list[_Row], shown: _Shown) -> None:
    """Complete every error with the value found and, unless it says so itself, the column's rule."""
    rules = {c.header: column_rule(register, c) for c in register.import_columns}
    for row in rows:
        for error in row.errors:
            error.value = shown.cell(row, error.column)
            if error.allowed is None:
                error.allowed = rules.get(error.column.split("+")[0], "")
