"""Receivers for the framework's edges: Django's auth signals and django-axes' lockout.

Log-in, log-out and failed log-ins happen inside ``django.contrib.auth``; these receivers are
how the audit trail and the session limits learn of them (connected in ``AllianceConfig``).
"""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import audit, sessions, twofactor
from .models import AuditKind


@receiver(user_logged_in, dispatch_uid="alliance-audit-login")
def logged_in(sender, request, user, **kwargs):
    sessions.start(request)
    twofactor.at_login(request, user)
    audit.record(AuditKind.LOGIN, user=user, request=request)


@receiver(user_login_failed, dispatch_uid="alliance-audit-login-failed")
def login_failed(sender, credentials, request=None, **kwargs):
    audit.record(
        AuditKind.LOGIN_FAILED,
        user=None,
        request=request,
        username=str(credentials.get("username") or ""),
    )


@receiver(user_logged_out, dispatch_uid="alliance-audit-logout")
def logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(AuditKind.LOGOUT, user=user, request=request)


@receiver(user_locked_out, dispatch_uid="alliance-audit-lockout")
def locked_out(sender, request, username, ip_address, **kwargs):
    audit.record(AuditKind.LOCKOUT, user=None, request=request, username=str(username or ""))
