"""Reading a sheet's cells for a register: headers checked, each cell converted to its field's type."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from alliance import xlsx

from .specs import BOOL, CHOICE, DATE, DECIMAL, INT, MANY, REF, TEXT, Register


class _Keep:
    """A masked value (``370724********1234``) from an export: keep the stored value."""

    def __repr__(self) -> str:
        return "<keep the stored value>"


KEEP = _Keep()
MASK_CHARS = ("*", "＊")
TRUE_WORDS = {"是", "y", "yes", "true", "1", "√", "✓", "有"}
FALSE_WORDS = {"否", "n", "no", "false", "0", "×", "无"}
LIST_SEPARATORS = re.compile(r"[、,，;；\n]+")


def cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def convert(kind: str, value: Any, choices: dict[str, Any] | None) -> Any:
    """Cell value → Python value for the field kind; raises ValueError with a message."""
    if kind in (TEXT, REF):
        return cell_text(value)
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
        word = cell_text(value).lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError(_("Enter 是 or 否."))
    if kind == CHOICE:
        word = cell_text(value).lower()
        if word in choices:
            return choices[word]
        raise ValueError(_("Not an allowed value."))
    if kind == MANY:
        return [part.strip() for part in LIST_SEPARATORS.split(cell_text(value)) if part.strip()]
    raise AssertionError(kind)


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
