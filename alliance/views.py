from __future__ import annotations

from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from alliance.access import AUTHENTICATED, PUBLIC, allow
from members import services as members_services

from . import audit
from .health import health
from .models import AuditKind
from .ratelimit import count_login_attempt
from .worklist import work_for
from .years import YearOutOfRange


@allow(AUTHENTICATED)
def home(request):
    """Each role's work list: what waits for it, each item linking to the page that settles it."""
    return render(request, "home.html", {"sections": work_for(request.user)})


@never_cache
@allow(PUBLIC)
def healthz(request):
    """200 whenever the database answers; a down broker or worker is reported in the body."""
    status = health()
    code = 200 if status["database"] == "ok" else 503
    return JsonResponse(status, status=code)


@allow(PUBLIC)
class LoginView(auth_views.LoginView):
    """Django's log-in page, with a per-address limit on attempts (django-axes locks per user)."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        attempts, limit = count_login_attempt(request), settings.LOGIN_RATE_PER_MINUTE
        if attempts > limit:
            if attempts == limit + 1:
                # Once per address and minute: a flood of attempts must not flood the trail too.
                audit.record(
                    AuditKind.LOGIN_RATE_LIMITED,
                    user=None,
                    request=request,
                    username=request.POST.get("username", ""),
                )
            return render(request, "registration/rate_limited.html", status=429)
        return super().post(request, *args, **kwargs)


@allow(AUTHENTICATED)
class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's own password; this is what a temporary password must be replaced by."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["must_change"] = self.request.user.must_change_password
        return context

    def form_valid(self, form):
        try:
            members_services.account_change_password(
                user=form.user, password=form.cleaned_data["new_password1"]
            )
        except ValidationError as error:
            form.add_error("new_password1", error)
            return self.form_invalid(form)
        update_session_auth_hash(self.request, form.user)
        return HttpResponseRedirect(self.get_success_url())


def bad_request(request, exception=None):
    # Only messages written for users are shown; others may describe the request's internals.
    message = str(exception) if isinstance(exception, YearOutOfRange) else ""
    return render(request, "400.html", {"message": message}, status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
