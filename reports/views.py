from __future__ import annotations

from django.shortcuts import render

from members.permissions import PUBLIC, allow


@allow(PUBLIC)
def public_list(request):
    """The alliance's public page: published annual quality reports."""
    return render(request, "reports/public_list.html", {"reports": []})
