"""Pages of the signed links: the answer page (no account), and the secretariat's issue, list
and revoke pages. The same views serve every purpose an app registered."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import signed_links
from .access import PUBLIC, SECRETARIAT_ONLY, allow
from .models import SignedLink
from .registers.forms import PortalForm

PAGE_SIZE = 50
STATUS_LABELS = {
    "open": gettext_lazy("Waiting for an answer"),
    "used": gettext_lazy("Answered"),
    "revoked": gettext_lazy("Revoked"),
    "expired": gettext_lazy("Expired"),
}


class IssueForm(PortalForm):
    recipient = forms.CharField(
        label=gettext_lazy("Send to"),
        max_length=200,
        help_text=gettext_lazy(
            "An e-mail address: the link is sent there. Or a name: copy the link into a message yourself."
        ),
    )


@never_cache
@allow(PUBLIC)
def answer(request, token: str):
    """The recipient's page: what is asked, the form, and the answer — once."""
    link, obj = signed_links.find(token)
    if link is None or obj is None or not link.is_open:
        signed_links.refuse(link=link, reason=link.status if link else "unknown")
        return render(
            request,
            "alliance/signed_link_closed.html",
            {"status": link.status if link else "unknown"},
            status=410 if link else 404,
        )
    purpose = signed_links.PURPOSES[link.purpose]
    form = purpose.form(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            outcome = signed_links.answer(link=link, obj=obj, cleaned_data=form.cleaned_data)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return render(request, "alliance/signed_link_done.html", {"outcome": outcome})
    return render(
        request,
        "alliance/signed_link.html",
        {
            "purpose": purpose,
            "lines": purpose.describe(obj),
            "form": form,
            "error": error,
            "link": link,
        },
    )


@allow(SECRETARIAT_ONLY)
def issue(request, purpose: str, pk: int):
    """Send a link for one record: by e-mail, or shown once to be copied into a message."""
    if purpose not in signed_links.PURPOSES:
        raise Http404
    declared = signed_links.PURPOSES[purpose]
    obj = get_object_or_404(declared.issuable(request.user), pk=pk)
    initial = {"recipient": declared.recipient(obj)} if declared.recipient else {}
    form = IssueForm(request.POST or None, initial=initial)
    url = None
    if request.method == "POST" and form.is_valid():
        recipient = form.cleaned_data["recipient"]
        _link, url = signed_links.issue(
            purpose=declared,
            obj=obj,
            recipient=recipient,
            user=request.user,
            base_url=request.build_absolute_uri("/"),
        )
        if "@" in recipient:
            messages.success(request, _("The link was sent to %(to)s.") % {"to": recipient})
    return render(
        request,
        "alliance/signed_link_issue.html",
        {
            "purpose": declared,
            "lines": declared.describe(obj),
            "form": form,
            "url": url,
        },
    )


@allow(SECRETARIAT_ONLY)
def link_list(request):
    links = SignedLink.objects.select_related("created_by", "revoked_by")
    status = request.GET.get("status", "")
    if status == "open":
        links = links.usable()
    page = Paginator(links, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        (
            link,
            signed_links.PURPOSES[link.purpose].label
            if link.purpose in signed_links.PURPOSES
            else link.purpose,
            STATUS_LABELS[link.status],
        )
        for link in page
    ]
    return render(
        request,
        "alliance/signed_link_list.html",
        {"page_obj": page, "rows": rows, "status": status},
    )


@require_POST
@allow(SECRETARIAT_ONLY)
def link_revoke(request, pk: int):
    link = get_object_or_404(SignedLink, pk=pk)
    if signed_links.revoke(link=link, user=request.user):
        messages.success(request, _("The link is revoked: it can no longer be answered."))
    else:
        messages.error(request, _("This link was already answered or revoked."))
    return redirect("signed_link_list")
