"""Pages of the placements app beyond its registers (``placements.registers`` declares those):
child records on a register's page (enrolments, the five alignments, follow-ups, photos), the
employer's hire confirmation, the apprentice registration, and the two overview pages.

Every object is fetched through a scoped queryset of ``placements.permissions`` (another
organisation's row is a 404); roles that may not open a page at all get a 403 from ``allow``.
Personal data is masked here, on the server, before a template sees it.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.access import (
    ENTERPRISE_STAFF,
    SCHOOL_STAFF,
    SECRETARIAT_ONLY,
    STAFF,
    allow,
    is_secretariat,
)
from alliance.registers.views import add_errors, confirm
from alliance.years import parse_year
from members.selectors import default_year

from . import forms, permissions, selectors, services
from .models import (
    Aspect,
    OrderClassAlignment,
    TalentDemand,
)
from .registers import APPRENTICESHIPS, EVENTS, ORDER_CLASSES, PLACEMENTS

#: how many follow-ups due one page lists (oldest first)
SHOWN_DUE = 200
#: the employer's two answers to a hire a school recorded
HIRE_DECISIONS = ("confirm", "decline")


def _child_form(request, *, form, save, obj, register, parent):
    """The form of a record kept on its parent's page (an alignment, a follow-up): validate,
    ``save(form)`` through a service, and go back to the parent with a success message."""
    parent_url = register.detail_url(parent)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved “%(name)s”.") % {"name": saved})
            return redirect(parent_url)
    return render(
        request,
        "registers/form.html",
        {
            "form": form,
            "object": obj,
            "verbose_name": form._meta.model._meta.verbose_name,
            "heading": register.heading(),
            "list_url": register.list_url(),
            "cancel_url": parent_url,
        },
    )


def _save_record(form):
    return services.record_save(record=form.save(commit=False))


# --- order classes: enrolments and the five alignments ------------------------------------------


def _editable_order_class(request, pk):
    return get_object_or_404(
        permissions.order_classes_editable_by(request.user).select_related("school"), pk=pk
    )


@require_POST
@allow(SCHOOL_STAFF)
def orderclass_enrol(request, pk):
    order_class = _editable_order_class(request, pk)
    form = forms.EnrolForm(request.POST, order_class=order_class)
    if form.is_valid():
        added = services.order_class_enrol(
            order_class=order_class, students=form.students, enrolled_on=dt.date.today()
        )
        messages.success(request, _("%(count)d students enrolled.") % {"count": added})
    else:
        for error in form.errors.get("student_numbers", []):
            messages.error(request, error)
    return redirect(ORDER_CLASSES.detail_url(order_class))


@allow(SCHOOL_STAFF)
def orderclass_unenrol(request, pk, enrolment_pk):
    enrolment = get_object_or_404(
        permissions.order_class_enrolments_editable_by(request.user).select_related(
            "student", "order_class"
        ),
        pk=enrolment_pk,
        order_class=pk,
    )
    detail = ORDER_CLASSES.detail_url(enrolment.order_class)

    def perform():
        services.order_class_unenrol(enrolment=enrolment)
        return _("The student left the order class.")

    return confirm(
        request,
        question=_("Remove %(student)s from %(order_class)s?")
        % {"student": enrolment.student, "order_class": enrolment.order_class},
        perform=perform,
        cancel_url=detail,
        done_url=detail,
        button=_("Remove"),
    )


@allow(SCHOOL_STAFF)
def alignment_edit(request, pk, aspect):
    order_class = _editable_order_class(request, pk)
    if aspect not in Aspect.values:
        raise Http404
    alignment, _created = OrderClassAlignment.objects.get_or_create(
        order_class=order_class, aspect=aspect
    )
    form = forms.AlignmentForm(
        request.POST or None, request.FILES or None, instance=alignment, user=request.user
    )
    return _child_form(
        request,
        form=form,
        save=_save_record,
        obj=alignment,
        register=ORDER_CLASSES,
        parent=order_class,
    )


# --- apprenticeships ----------------------------------------------------------------------------


@allow(ENTERPRISE_STAFF)
def apprenticeship_create(request):
    """A new apprentice: an employee registered as a part-time student with the apprenticeship
    (招工即招生), or a full-time student of a pilot class on a tripartite agreement."""
    user = request.user
    form = forms.ApprenticeshipForm(
        request.POST or None,
        request.FILES or None,
        user=user,
        initial={"enterprise": user.organization_id},
    )
    student_form = forms.ApprenticeStudentForm(request.POST or None, user=user, prefix="student")
    if request.method == "POST" and form.is_valid() and student_form.is_valid():
        try:
            apprenticeship = services.apprenticeship_register(
                apprenticeship=form.save(commit=False),
                student=student_form.save(commit=False),
                user=user,
            )
        except ValidationError as error:
            add_errors(
                student_form if "student_number" in getattr(error, "error_dict", {}) else form,
                error,
            )
        else:
            messages.success(request, _("Saved “%(name)s”.") % {"name": apprenticeship})
            return redirect(APPRENTICESHIPS.detail_url(apprenticeship))
    return render(
        request,
        "placements/apprenticeship_form.html",
        {
            "form": form,
            "student_form": student_form,
            "title": _("New apprentice"),
            "heading": APPRENTICESHIPS.heading(),
            "list_url": APPRENTICESHIPS.list_url(),
            "cancel_url": APPRENTICESHIPS.list_url(),
        },
    )


# --- hires and the local-talent archive ---------------------------------------------------------


@allow(ENTERPRISE_STAFF)
def hire_list(request):
    """Graduates recorded as hired by the HR's enterprise, awaiting its confirmation."""
    user = request.user
    pending = list(
        permissions.pending_hires_for(user)
        .select_related(
            "student", "student__school", "student__major", "employer", "via_order_class"
        )
        .order_by("-graduation_year", "student__name")[:200]
    )
    for placement in pending:
        placement.personal = permissions.personal_data(placement.student, user)
    decided = (
        permissions.hires_decidable_by(user)
        .exclude(hire_status="pending")
        .select_related("student", "student__school", "student__major", "employer")
        .order_by("-hire_decided_at")[:20]
    )
    return render(request, "placements/hire_list.html", {"pending": pending, "decided": decided})


@allow(ENTERPRISE_STAFF)
def hire_decide(request, pk, decision):
    """The employer confirms or declines a hire, after a confirmation step: the school and the
    alliance's figures take the answer as final."""
    if decision not in HIRE_DECISIONS:
        raise Http404
    placement = get_object_or_404(
        permissions.hires_decidable_by(request.user).select_related("student", "employer"), pk=pk
    )
    hired = decision == "confirm"
    names = {"name": placement.student.name, "employer": placement.employer}

    def perform():
        services.hire_decide(placement=placement, user=request.user, confirm=hired)
        done = _("Hire of %(name)s confirmed.") if hired else _("Hire of %(name)s declined.")
        return done % names

    question = (
        _("Confirm that %(name)s was hired by %(employer)s?")
        if hired
        else _("Declare that %(name)s is not an employee of %(employer)s?")
    )
    hires = reverse("placements:hire_list")
    return confirm(
        request,
        question=question % names,
        perform=perform,
        cancel_url=hires,
        done_url=hires,
        button=_("Confirm hire") if hired else _("Not our employee"),
        danger=not hired,
    )


@allow(STAFF)
def followup_edit(request, pk, followup_pk=None):
    user = request.user
    placement = get_object_or_404(
        permissions.placements_visible_to(user).select_related("student"), pk=pk
    )
    if followup_pk:
        followup = get_object_or_404(
            permissions.followups_editable_by(user), pk=followup_pk, placement=placement
        )
    else:
        # The archive follows graduates working in the county only (留临人才档案).
        if not (placement.is_local and permissions.can_add_followup(user, placement)):
            raise Http404
        followup = None
    # From the list of follow-ups due: the milestone it answers is already chosen.
    initial = {"milestone": request.GET.get("milestone")} if followup is None else None
    form = forms.FollowUpForm(request.POST or None, instance=followup, user=user, initial=initial)

    def save(form):
        record = form.save(commit=False)
        record.placement = placement
        return services.followup_add(followup=record)

    return _child_form(
        request, form=form, save=save, obj=followup, register=PLACEMENTS, parent=placement
    )


@allow(STAFF)
def not_followed_list(request):
    """County-employed graduates the local-talent archive has not contacted this year (Linqu
    §(四)11 留临人才档案): a school its graduates, HR its employees, the secretariat all."""
    year = parse_year(request, default=default_year)
    rows = (
        permissions.placements_visible_to(request.user)
        .filter(pk__in=selectors.local_graduates_not_followed(year).values("pk"))
        .select_related("student", "student__school", "employer")
        .order_by("student__school__name", "-graduation_year", "student__name")
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "placements/not_followed_list.html",
        {"page": page, "year": year, "heading": _("Graduates not followed up")},
    )


# --- talent demand and joint order classes (Linqu §(四)11, §(三)6) ------------------------------


@allow(SECRETARIAT_ONLY)
def demand_overview(request):
    """The survey's demand per major against the graduates of that major, and the groups of
    enterprises with the same need: each a proposed joint order class."""
    year = parse_year(request, default=default_year)
    return render(
        request,
        "placements/demand_overview.html",
        {
            "year": year,
            "rows": selectors.demand_against_graduates(year),
            "proposals": selectors.joint_class_proposals(year),
        },
    )


@allow(SECRETARIAT_ONLY)
def joint_class_create(request):
    """One step from the talent demands of several enterprises to a real order class."""
    year = parse_year(request, default=default_year, from_post=request.method == "POST")
    major = (request.POST if request.method == "POST" else request.GET).get("major", "").strip()
    demands = TalentDemand.objects.filter(
        survey_year=year, order_class__isnull=True
    ).select_related("enterprise", "major")
    if major:
        demands = demands.filter(major__name=major)
    chosen = list(demands)
    initial = {
        "demands": chosen,
        "name": _("%(major)s joint order class") % {"major": major} if major else "",
        "cohort_year": year,
        "graduation_year": year + 3,
        "planned_size": sum(d.headcount for d in chosen) or None,
    }
    form = forms.JointClassForm(
        request.POST or None, user=request.user, demands=demands, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            order_class = services.order_class_from_demands(
                demands=data["demands"],
                school=data["school"],
                name=data["name"],
                kind=data["kind"],
                cohort_year=data["cohort_year"],
                graduation_year=data["graduation_year"],
                planned_size=data["planned_size"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved “%(name)s”.") % {"name": order_class})
            return redirect(ORDER_CLASSES.detail_url(order_class))
    return render(
        request,
        "placements/joint_class_form.html",
        {"form": form, "year": year, "major": major},
    )


@allow(ENTERPRISE_STAFF)
def followups_due(request):
    """The 6/12/24-month follow-ups owed: for the secretariat all of them, for HR its own
    employees (留临人才档案). Each can be recorded here or sent to the graduate as a link."""
    user = request.user
    due = selectors.followups_due(
        permissions.followup_placements_for(user), today=timezone.localdate()
    )
    return render(
        request,
        "placements/followups_due.html",
        {"due": due[:SHOWN_DUE], "total": len(due), "can_send": is_secretariat(user)},
    )


# --- outreach -------------------------------------------------------------------------------------


@require_POST
@allow(SCHOOL_STAFF)
def event_photo_add(request, pk):
    event = get_object_or_404(permissions.events_editable_by(request.user), pk=pk)
    form = forms.PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.event_photo_add(
                event=event, image=form.cleaned_data["image"], caption=form.cleaned_data["caption"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Photo added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(EVENTS.detail_url(event))
