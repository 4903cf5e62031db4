"""Masking of personal data for everyone but the secretariat (imports no app)."""

from __future__ import annotations


def mask_national_id(value: str | None) -> str:
    """``370724199001011234`` → ``370724********1234``."""
    if not value:
        return ""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str | None) -> str:
    """``13812345678`` → ``138****5678``."""
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
