"""The register framework: a register is declared once and gets its pages (see declaration)."""

from .declaration import Register
from .filters import RegisterFilterSet
from .forms import PortalForm, RegisterForm, style_form
from .tables import MaskedColumn, NumberColumn, RegisterTable

__all__ = [
    "MaskedColumn",
    "NumberColumn",
    "PortalForm",
    "Register",
    "RegisterFilterSet",
    "RegisterForm",
    "RegisterTable",
    "style_form",
]
