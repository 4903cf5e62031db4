"""Errors of the open API as JSON: DRF's handler, plus the portal's own bad requests (a year out
of range, ``alliance.years``) which pages show as a 400 page."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    if isinstance(exc, BadRequest):
        exc = ValidationError({"detail": str(exc)})
    return exception_handler(exc, context)
