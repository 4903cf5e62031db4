"""The secretariat's view of the audit trail: search, page through, export to Excel."""

from __future__ import annotations

import datetime as dt
import io
import json

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import audit, xlsx
from .access import SECRETARIAT_ONLY, allow
from .models import AuditEvent, AuditKind

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_SIZE = 50
# An export is one workbook in memory: a bounded one.
EXPORT_MAX_ROWS = 100_000


class AuditSearchForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("User name"), required=False, max_length=150)
    kind = forms.ChoiceField(
        label=gettext_lazy("Event"),
        required=False,
        choices=[("", gettext_lazy("All events")), *AuditKind.choices],
    )
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    q = forms.CharField(label=gettext_lazy("Text"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            field.widget.attrs["class"] = f"{css} form-control-sm"


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def search(params) -> tuple[AuditSearchForm, object]:
    """The form and the events it selects (all events when the form is invalid or empty)."""
    form = AuditSearchForm(params)
    events = AuditEvent.objects.all()
    if not form.is_valid():
        return form, events
    data = form.cleaned_data
    if data["username"]:
        events = events.filter(username__icontains=data["username"])
    if data["kind"]:
        events = events.filter(kind=data["kind"])
    if data["date_from"]:
        events = events.filter(created_at__gte=_day_start(data["date_from"]))
    if data["date_to"]:
        events = events.filter(created_at__lt=_day_start(data["date_to"] + dt.timedelta(days=1)))
    if data["q"]:
        events = events.annotate(detail_text=Cast("detail", TextField())).filter(
            Q(target__icontains=data["q"])
            | Q(username__icontains=data["q"])
            | Q(ip_address__icontains=data["q"])
            | Q(detail_text__icontains=data["q"])
        )
    return form, events


def detail_text(event: AuditEvent) -> str:
    return json.dumps(event.detail, ensure_ascii=False, sort_keys=True) if event.detail else ""


@allow(SECRETARIAT_ONLY)
def event_list(request):
    form, events = search(request.GET)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(event, detail_text(event)) for event in page]
    return render(request, "audit/list.html", {"form": form, "page_obj": page, "rows": rows})


@allow(SECRETARIAT_ONLY)
def event_export(request):
    """The events of the current search as .xlsx (formulas neutralised by ``alliance.xlsx``)."""
    _form, events = search(request.GET)
    events = list(events[:EXPORT_MAX_ROWS])
    out = io.BytesIO()
    xlsx.write_workbook(
        out,
        title=_("Audit log"),
        columns=[
            xlsx.Column(_("Time"), 18),
            xlsx.Column(_("Event"), 22),
            xlsx.Column(_("User name"), 16),
            xlsx.Column(_("Address"), 16),
            xlsx.Column(_("Object"), 30),
            xlsx.Column(_("Details"), 60),
        ],
        rows=(
            [
                e.created_at,
                e.get_kind_display(),
                e.username,
                e.ip_address or "",
                e.target,
                detail_text(e),
            ]
            for e in events
        ),
    )
    audit.record(
        AuditKind.EXPORT,
        user=request.user,
        request=request,
        target="audit",
        detail={"filters": dict(request.GET.lists()), "rows": len(events)},
    )
    response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{_('Audit log')}-{timezone.localdate():%Y%m%d}.xlsx"
    )
    return response
