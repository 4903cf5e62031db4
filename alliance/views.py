from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from alliance.access import AUTHENTICATED, PUBLIC, allow

from .health import health
from .years import YearOutOfRange


@allow(AUTHENTICATED)
def home(request):
    """Each role's sections: the menus it may use (``menus`` from the context processor)."""
    return render(request, "home.html")


@never_cache
@allow(PUBLIC)
def healthz(request):
    """200 whenever the database answers; a down broker or worker is reported in the body."""
    status = health()
    code = 200 if status["database"] == "ok" else 503
    return JsonResponse(status, status=code)


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
