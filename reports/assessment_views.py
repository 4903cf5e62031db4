"""Pages of the member assessment beyond its register: scoring, and the office's yearly steps
(open the year's assessments, approval at a council meeting, publication)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.access import SECRETARIAT, STAFF, allow
from alliance.registers.views import confirm

from . import permissions, selectors, services
from .assessment_forms import ApproveForm, ScoreForm, YearForm
from .assessment_selectors import scores_given
from .assessments import AssessorKind, ScoreItem, method_text
from .registers import ASSESSMENTS


@allow(STAFF)
def scoring(request):
    """The assessments waiting for this user's scores, with the scores already given."""
    kind = permissions.assessor_kind_of(request.user)
    assessments = list(
        permissions.assessments_scorable_by(request.user)
        .select_related("organization")
        .order_by("-year", "organization__kind", "organization__name")
    )
    own = None if kind == AssessorKind.DEPARTMENT else request.user.organization_id
    given = scores_given([a.pk for a in assessments], kind=kind, assessor_id=own)
    rows = [(a, given.get(a.pk, 0)) for a in assessments]
    return render(
        request,
        "reports/assessment_scoring.html",
        {"rows": rows, "items": len(ScoreItem.values), "method": method_text()},
    )


@allow(STAFF)
def score(request, pk: int):
    assessment = get_object_or_404(
        permissions.assessments_scorable_by(request.user).select_related("organization"), pk=pk
    )
    kind = permissions.assessor_kind_of(request.user)
    for_department = kind == AssessorKind.DEPARTMENT
    department = request.POST.get("department") or request.GET.get("department", "")
    own = None if for_department else request.user.organization
    existing = assessment.scores.filter(assessor_kind=kind, assessor=own)
    if for_department:
        existing = existing.filter(department=department.strip())
    initial = {f"score_{s.item}": s.score for s in existing}
    if existing:
        initial["comment"] = existing[0].comment
    if for_department:
        initial["department"] = department
    form = ScoreForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        for_department=for_department,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_score(
                assessment=assessment,
                by=request.user,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                department=form.cleaned_data.get("department", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Scores for %(name)s saved.") % {"name": assessment.organization.name},
            )
            return redirect("reports:assessment_scoring")
    return render(
        request,
        "reports/assessment_score.html",
        {"assessment": assessment, "form": form, "for_department": for_department},
    )


@allow(SECRETARIAT)
def prepare(request):
    form = YearForm(
        request.POST if request.method == "POST" else None,
        initial={"year": selectors.default_year()},
    )

    def perform():
        opened, refreshed = services.assessments_prepare(year=form.cleaned_data["year"])
        return _(
            "%(opened)s assessments opened, %(refreshed)s refreshed with the latest indicator "
            "results."
        ) % {"opened": opened, "refreshed": refreshed}

    return confirm(
        request,
        question=_("Open the year's assessment of every member school and enterprise?"),
        detail=_(
            "Each member's scorecard results of the year are taken into its assessment; "
            "assessments still being scored are refreshed. Approved ones are left as they are."
        ),
        button=_("Open assessments"),
        danger=False,
        perform=perform,
        cancel_url=ASSESSMENTS.list_url(),
        done_url=ASSESSMENTS.list_url(),
        form=form,
    )


@allow(SECRETARIAT)
def approve(request):
    form = ApproveForm(
        request.POST if request.method == "POST" else None,
        initial={"year": selectors.default_year()},
    )

    def perform():
        count = services.assessments_approve(
            year=form.cleaned_data["year"], meeting=form.cleaned_data["meeting"]
        )
        return _("%(count)s grades approved.") % {"count": count}

    return confirm(
        request,
        question=_("Record the council's approval of the year's grades?"),
        detail=_(
            "Every assessment of the year that has a grade is approved at the meeting chosen; "
            "its scores and indicator results are then kept as they are."
        ),
        button=_("Approve"),
        danger=False,
        perform=perform,
        cancel_url=ASSESSMENTS.list_url(),
        done_url=ASSESSMENTS.list_url(),
        form=form,
    )


@allow(SECRETARIAT)
def publish(request):
    form = YearForm(
        request.POST if request.method == "POST" else None,
        initial={"year": selectors.default_year()},
    )

    def perform():
        count = services.assessments_publish(year=form.cleaned_data["year"])
        return _("%(count)s results published to the members.") % {"count": count}

    return confirm(
        request,
        question=_("Publish the year's approved results to the members?"),
        detail=_("Every member can then read every member's grade and scores of that year."),
        button=_("Publish"),
        danger=False,
        perform=perform,
        cancel_url=ASSESSMENTS.list_url(),
        done_url=f"{reverse('reports:assessment_list')}?status=published",
        form=form,
    )
