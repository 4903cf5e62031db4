"""Excel exchange of registers: the register spec, export, and the dry-run / import engine.

Split by job: :mod:`.specs` (Register, Column, Ref and the registry), :mod:`.reading` (cells to
typed values), :mod:`.planning` (the dry run), :mod:`.applying` (writing a checked plan) and
:mod:`.writing` (exports and import templates). The public names the apps use are re-exported
here, so ``from alliance.exchange import Column, Ref, Register, register`` is the one import.

This package imports no app: permissions are passed in by the specs, so members, training and
placements can declare their registers here without depending on each other.
"""

from .applying import apply_plan
from .planning import CHANGED, NEW, UNCHANGED, Plan, RowError, plan_import
from .reading import KEEP, check_headers
from .specs import (
    Column,
    Ref,
    Register,
    all_registers,
    get_register,
    register,
)
from .writing import (
    export_queryset,
    export_rows,
    template_example,
    template_notes,
    write_export,
    write_template,
)

__all__ = [
    "CHANGED",
    "KEEP",
    "NEW",
    "UNCHANGED",
    "Column",
    "Plan",
    "Ref",
    "Register",
    "RowError",
    "all_registers",
    "apply_plan",
    "check_headers",
    "export_queryset",
    "export_rows",
    "get_register",
    "plan_import",
    "register",
    "template_example",
    "template_notes",
    "write_export",
    "write_template",
]
