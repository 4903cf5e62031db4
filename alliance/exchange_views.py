"""Excel export and import pages of every register (see ``alliance.exchange``).

``exchange_urls`` gives each register its own export, template and import routes, declared with
the register's roles (``allow``), and passes the register's key; the rows are then scoped by
the register's app permissions.
"""

from __future__ import annotations

import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from redis.exceptions import RedisError

from alliance.access import STAFF, allow, audience_of, has_access

from . import audit, xlsx
from .exchange import (
    CHANGED,
    NEW,
    UNCHANGED,
    Register,
    export_queryset,
    get_register,
    write_export,
    write_template,
)
from .exchange_services import batch_confirm, batch_upload, progress_of
from .models import AuditKind, ImportBatch

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_STATUSES = (NEW, CHANGED, UNCHANGED)
PREVIEW_PER_PAGE = 100


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel workbook (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx", "class": "form-control"}),
    )


def _register_or_404(key: str) -> Register:
    register = get_register(key)
    if register is None:
        raise Http404
    return register


def may_import(user, register: Register) -> bool:
    return bool(register.import_roles) and has_access(user, audience_of(register.import_roles))


def may_export(user, register: Register) -> bool:
    return has_access(user, audience_of(register.export_roles))


def _importable(request, key: str) -> Register:
    register = _register_or_404(key)
    if not may_import(request.user, register):
        raise PermissionDenied
    return register


def _xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def export(request, register: str):
    """The rows the register list shows for the same query string, as an .xlsx file."""
    spec = _register_or_404(register)
    if not may_export(request.user, spec):
        raise PermissionDenied
    out = io.BytesIO()
    rows = write_export(spec, request.user, export_queryset(spec, request.user, request.GET), out)
    audit.record(
        AuditKind.EXPORT,
        user=request.user,
        request=request,
        target=spec.key,
        detail={
            "filters": dict(request.GET.lists()),
            "rows": rows,
            # Full ID numbers and phones left the portal in this file.
            "unmasked": any(c.mask for c in spec.columns) and spec.sees_personal_data(request.user),
        },
    )
    return _xlsx_response(out.getvalue(), f"{spec.title}-{timezone.localdate():%Y%m%d}.xlsx")


def template(request, register: str):
    spec = _importable(request, register)
    out = io.BytesIO()
    write_template(spec, request.user, out)
    return _xlsx_response(
        out.getvalue(), _("%(register)s import template.xlsx") % {"register": spec.title}
    )


def upload(request, register: str):
    spec = _importable(request, register)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = batch_upload(register=spec, user=request.user, upload=form.cleaned_data["file"])
        return redirect("exchange:batch", pk=batch.pk)
    return render(
        request,
        "exchange/upload.html",
        {
            "register": spec,
            "form": form,
            "limits": xlsx.limits_text(),
            "template_url": reverse(f"exchange:{spec.key}_template"),
        },
    )


def _my_batches(request):
    return ImportBatch.objects.filter(user=request.user)


@allow(STAFF)
def batch_detail(request, pk: int):
    """The dry run's result and the confirm button; while a job runs, htmx polls the status."""
    batch = _my_batches(request).filter(pk=pk).first()
    if batch is None:
        # Another user's batch looks the same as a missing one.
        messages.warning(request, _("This import does not exist or is not yours."))
        return redirect("exchange:batches")
    register = get_register(batch.register)
    show = request.GET.get("show", "")
    rows = batch.preview
    if show in PREVIEW_STATUSES:
        rows = [r for r in rows if r["status"] == show]
    context = {
        "batch": batch,
        "register": register,
        "progress": _progress(batch),
        "show": show,
        "preview": Paginator(rows, PREVIEW_PER_PAGE).get_page(request.GET.get("page")),
        "list_url": _list_url(register),
        "upload_url": reverse(f"exchange:{register.key}_import")
        if register and may_import(request.user, register)
        else None,
    }
    template_name = "exchange/batch.html"
    if getattr(request, "htmx", False):
        template_name += "#status"
    return render(request, template_name, context)


def _progress(batch: ImportBatch) -> int:
    # A running job's progress lives in the cache (Redis): with Redis down the page still
    # answers, with the last progress saved on the batch.
    try:
        return progress_of(batch)
    except RedisError:
        return batch.progress


def _list_url(register: Register | None) -> str | None:
    return reverse(register.list_url) if register is not None and register.list_url else None


@allow(STAFF)
@require_POST
def batch_confirm_view(request, pk: int):
    batch = get_object_or_404(_my_batches(request), pk=pk)
    register = get_register(batch.register)
    if register is None or not may_import(request.user, register):
        raise PermissionDenied
    batch = batch_confirm(batch=batch, user=request.user)
    return redirect("exchange:batch", pk=batch.pk)


@allow(STAFF)
def batches(request):
    """My imports: the user's batches, newest first (leave a running job and come back here)."""
    page = Paginator(
        _my_batches(request).only(
            "pk",
            "register",
            "file_name",
            "status",
            "row_count",
            "created_count",
            "updated_count",
            "error_count",
            "created_at",
            "finished_at",
        ),
        25,
    ).get_page(request.GET.get("page"))
    titles = {}
    for batch in page:
        spec = get_register(batch.register)
        titles[batch.register] = spec.title if spec else batch.register
    rows = [(batch, titles[batch.register]) for batch in page]
    return render(request, "exchange/batches.html", {"page_obj": page, "rows": rows})
