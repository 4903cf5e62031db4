from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from alliance.access import AUTHENTICATED, PUBLIC, allow

from .health import health
from .worklist import work_for


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


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
