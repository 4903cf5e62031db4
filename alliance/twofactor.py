"""Optional TOTP two-factor authentication for the secretariat (django-otp).

A secretariat account with a confirmed authenticator, or any secretariat account when
``REQUIRE_2FA`` is on, is sent after its password to the verify page (or the enrolment page)
and may open nothing else until it has given a code. Whether a session still owes a code is
decided once, at log-in, and kept in the session: reading pages costs no extra query.
"""

from __future__ import annotations

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit
from .access import SECRETARIAT_ONLY, allow, is_secretariat
from .models import AuditKind
from .sessions import page_redirect

PENDING = "alliance:2fa"
VERIFY, ENROL = "verify", "enrol"
DEVICE_NAME = "authenticator"


def at_login(request, user) -> None:
    """Note in the new session whether the account still owes a code (or an enrolment)."""
    session = getattr(request, "session", None)
    if session is None or not is_secretariat(user):
        return
    if user_has_device(user, confirmed=True):
        session[PENDING] = VERIFY
    elif settings.REQUIRE_2FA:
        session[PENDING] = ENROL


# Pages a session that owes a code may still open.
_OPEN_ROUTES = ("two_factor_verify", "two_factor_setup", "logout", "set_language")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pending = request.session.get(PENDING) if hasattr(request, "session") else None
        if (
            pending
            and request.user.is_authenticated
            and request.path not in {reverse(name) for name in _OPEN_ROUTES}
        ):
            target = "two_factor_verify" if pending == VERIFY else "two_factor_setup"
            return page_redirect(request, reverse(target))
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Six-digit code from the authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={
                "class": "form-control",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )


def _qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    # Generated here from a URL of ours, not from user input.
    return mark_safe(image.to_string(encoding="unicode"))


def _verified(request, device: TOTPDevice, action: str) -> None:
    otp_login(request, device)
    request.session.pop(PENDING, None)
    audit.record(
        AuditKind.TWO_FACTOR, user=request.user, request=request, detail={"action": action}
    )


@never_cache
@allow(SECRETARIAT_ONLY)
def setup(request):
    """Enrol an authenticator app (QR code drawn here, no outside service), or show the status."""
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if confirmed is not None:
        return render(
            request,
            "registration/two_factor_setup.html",
            {"enrolled": True, "can_remove": not settings.REQUIRE_2FA},
        )
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            _verified(request, device, "enrolled")
            messages.success(request, _("Two-factor authentication is on for your account."))
            return redirect("home")
        form.add_error("token", _("The code is wrong or has expired. Try the current code."))
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": b32encode(device.bin_key).decode(),
        },
    )


@require_POST
@allow(SECRETARIAT_ONLY)
def remove(request):
    """Turn two-factor authentication off for oneself (refused while it is required)."""
    if settings.REQUIRE_2FA:
        messages.error(request, _("Two-factor authentication is required for the secretariat."))
        return redirect("two_factor_setup")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user).delete()
        audit.record(
            AuditKind.TWO_FACTOR, user=request.user, request=request, detail={"action": "removed"}
        )
    messages.success(request, _("Two-factor authentication is off for your account."))
    return redirect("two_factor_setup")


@never_cache
@allow(SECRETARIAT_ONLY)
def verify(request):
    """The second step of the log-in: a code from the enrolled authenticator."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _wait = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["token"]):
            _verified(request, device, "verified")
            return redirect("home")
        audit.record(
            AuditKind.TWO_FACTOR, user=request.user, request=request, detail={"action": "failed"}
        )
        form.add_error(
            "token",
            _("The code is wrong or has expired. Try the current code.")
            if allowed
            else _("Too many wrong codes. Wait a moment, then try again."),
        )
    return render(request, "registration/two_factor_verify.html", {"form": form})
