"""The register framework: a register is declared once and gets its pages (see declaration)."""

from .aggregates import row_count, row_sum
from .counting import cached_rows
from .declaration import Register
from .filters import RegisterFilterSet
from .forms import PortalForm, RegisterForm, style_form
from .tables import DateColumn, DateTimeColumn, MaskedColumn, NumberColumn, RegisterTable

__all__ = [
    "DateColumn",
    "DateTimeColumn",
    "MaskedColumn",
    "NumberColumn",
    "PortalForm",
    "Register",
    "RegisterFilterSet",
    "RegisterForm",
    "RegisterTable",
    "cached_rows",
    "row_count",
    "row_sum",
    "style_form",
]
