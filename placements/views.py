"""Pages of the placements registers: thin views over permissions, forms and services.

Every object is fetched through a scoped queryset of ``placements.permissions`` (another
organisation's row is a 404); roles that may not open a page at all get a 403 from ``allow``.
Personal data is masked here, on the server, before a template sees it.
"""

from __future__ import annotations

import datetime as dt
import mimetypes

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.access import (
    ENTERPRISE_STAFF,
    EVERYONE,
    SCHOOL_STAFF,
    STAFF,
    allow,
    sees_personal_data,
)
from alliance.history import history_rows
from alliance.masking import mask_national_id, mask_phone
from alliance.registers import RegisterListView
from members.models import Organization

from . import filters, forms, permissions, selectors, services
from .models import (
    Aspect,
    GraduatePlacement,
    OrderClassAlignment,
    OutreachKind,
)


def show_personal(obj, user, student_attr: str | None = None) -> None:
    """Set ``shown_national_id`` / ``shown_phone`` on a student (masked unless the secretariat)."""
    student = getattr(obj, student_attr) if student_attr else obj
    full = sees_personal_data(user)
    student.shown_national_id = (
        student.national_id if full else mask_national_id(student.national_id)
    )
    student.shown_phone = student.phone if full else mask_phone(student.phone)


def show_wage(placement: GraduatePlacement, user) -> None:
    value = placement.get_wage_band_display()
    placement.shown_wage = value if sees_personal_data(user) else permissions.mask_wage(value)


def _add_errors(form, error: ValidationError) -> None:
    """Errors from a service or model: on their field when the form has it, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _render_form(
    request, form, *, title: str, cancel: str, extra=None, template="placements/form.html"
):
    return render(
        request, template, {"form": form, "title": title, "cancel_url": cancel, **(extra or {})}
    )


def _edit(
    request,
    *,
    form,
    save,
    title: str,
    cancel: str,
    success: str,
    extra=None,
    template="placements/form.html",
):
    """Validate ``form``, call ``save(form)`` (a service), redirect to ``success(obj)``."""
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(form)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(success(obj) if callable(success) else success)
    return _render_form(request, form, title=title, cancel=cancel, extra=extra, template=template)


def _save_record(form):
    return services.record_save(record=form.save(commit=False))


class ScopedList(RegisterListView):
    """A register list over a permissions queryset; ``register`` keys the export/import buttons."""

    visible = None
    related: tuple[str, ...] = ()
    register = ""
    create_allowed = None
    personal_student: str | None = None

    def scoped_queryset(self):
        return type(self).visible(self.request.user).select_related(*self.related)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["register"] = self.register
        context["can_create"] = bool(self.create_allowed and type(self).create_allowed(user))
        if self.personal_student is not None:
            for obj in context["object_list"]:
                show_personal(obj, user, self.personal_student or None)
        return context


# --- students ---------------------------------------------------------------------------


@allow(*SCHOOL_STAFF)
class StudentList(ScopedList):
    visible = staticmethod(permissions.students_visible_to)
    create_allowed = staticmethod(permissions.can_create_student)
    filterset_class = filters.StudentFilter
    related = ("school",)
    register = "students"
    personal_student = ""
    template_name = "placements/student_list.html"


@allow(*SCHOOL_STAFF)
def student_detail(request, pk):
    student = get_object_or_404(
        permissions.students_visible_to(request.user).select_related("school"), pk=pk
    )
    show_personal(student, request.user)
    context = {
        "student": student,
        "can_edit": permissions.students_editable_by(request.user).filter(pk=pk).exists(),
        "order_classes": student.order_classes.all(),
        "apprenticeships": student.apprenticeships.select_related("enterprise"),
        "internships": student.internships.select_related("enterprise"),
        "placements": student.placements.select_related("employer"),
        "history": history_rows(student, masked=permissions.student_masks(request.user)),
    }
    return render(request, "placements/student_detail.html", context)


@allow(*SCHOOL_STAFF)
def student_edit(request, pk=None):
    user = request.user
    student = get_object_or_404(permissions.students_editable_by(user), pk=pk) if pk else None
    form = forms.StudentForm(request.POST or None, instance=student, user=user)
    if student is None:
        form.fields["school"].initial = user.organization_id
    return _edit(
        request,
        form=form,
        save=_save_record,
        title=_("Edit student") if student else _("New student"),
        cancel=reverse("placements:student_detail", args=[pk])
        if pk
        else reverse("placements:student_list"),
        success=lambda s: reverse("placements:student_detail", args=[s.pk]),
    )


# --- order classes ----------------------------------------------------------------------


@allow(*EVERYONE)
class OrderClassList(ScopedList):
    visible = staticmethod(permissions.order_classes_visible_to)
    create_allowed = staticmethod(permissions.can_create_order_class)
    filterset_class = filters.OrderClassFilter
    related = ("school",)
    register = "order_classes"
    template_name = "placements/orderclass_list.html"

    def scoped_queryset(self):
        return (
            super()
            .scoped_queryset()
            .prefetch_related(Prefetch("enterprises", queryset=Organization.objects.only("name")))
            .annotate(enrolled=Count("enrolments", distinct=True))
            .order_by("-graduation_year", "name", "pk")  # aggregation drops Meta.ordering
        )


def _order_class_or_404(request, pk, *, editable: bool = False):
    user = request.user
    scope = (
        permissions.order_classes_editable_by(user)
        if editable
        else permissions.order_classes_visible_to(user)
    )
    return get_object_or_404(scope.select_related("school"), pk=pk)


@allow(*EVERYONE)
def orderclass_detail(request, pk):
    user = request.user
    order_class = _order_class_or_404(request, pk)
    can_edit = permissions.order_classes_editable_by(user).filter(pk=pk).exists()
    context = {
        "order_class": order_class,
        "enterprises": list(order_class.enterprises.all()),
        "alignments": order_class.alignments.order_by("pk"),
        "can_edit": can_edit,
        "history": history_rows(order_class),
        "enrol_form": forms.EnrolForm(order_class=order_class) if can_edit else None,
    }
    if permissions.sees_order_class_students(user):
        enrolments = list(
            order_class.enrolments.select_related("student").order_by("student__student_number")
        )
        hired = selectors.order_class_hired_students(order_class)
        for enrolment in enrolments:
            show_personal(enrolment, user, "student")
            enrolment.hired_by = hired.get(enrolment.student_id)
        context["enrolments"] = enrolments
        context["hired_count"] = sum(1 for e in enrolments if e.hired_by)
    context["enrolled_count"] = order_class.enrolments.count()
    return render(request, "placements/orderclass_detail.html", context)


@allow(*SCHOOL_STAFF)
def orderclass_edit(request, pk=None):
    user = request.user
    order_class = _order_class_or_404(request, pk, editable=True) if pk else None
    form = forms.OrderClassForm(
        request.POST or None, request.FILES or None, instance=order_class, user=user
    )
    if order_class is None:
        form.fields["school"].initial = user.organization_id

    def save(form):
        return services.order_class_save(
            order_class=form.save(commit=False), enterprises=form.cleaned_data["enterprises"]
        )

    return _edit(
        request,
        form=form,
        save=save,
        title=_("Edit order class") if order_class else _("New order class"),
        cancel=reverse("placements:orderclass_detail", args=[pk])
        if pk
        else reverse("placements:orderclass_list"),
        success=lambda o: reverse("placements:orderclass_detail", args=[o.pk]),
    )


@require_POST
@allow(*SCHOOL_STAFF)
def orderclass_enrol(request, pk):
    order_class = _order_class_or_404(request, pk, editable=True)
    form = forms.EnrolForm(request.POST, order_class=order_class)
    if form.is_valid():
        added = services.order_class_enrol(
            order_class=order_class, students=form.students, enrolled_on=dt.date.today()
        )
        messages.success(request, _("%(count)d students enrolled.") % {"count": added})
    else:
        for error in form.errors.get("student_numbers", []):
            messages.error(request, error)
    return redirect("placements:orderclass_detail", pk=pk)


@require_POST
@allow(*SCHOOL_STAFF)
def orderclass_unenrol(request, pk, enrolment_pk):
    enrolment = get_object_or_404(
        permissions.order_class_enrolments_editable_by(request.user),
        pk=enrolment_pk,
        order_class=pk,
    )
    try:
        services.order_class_unenrol(enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The student left the order class."))
    return redirect("placements:orderclass_detail", pk=pk)


@allow(*SCHOOL_STAFF)
def alignment_edit(request, pk, aspect):
    order_class = _order_class_or_404(request, pk, editable=True)
    if aspect not in Aspect.values:
        raise Http404
    alignment, _created = OrderClassAlignment.objects.get_or_create(
        order_class=order_class, aspect=aspect
    )
    form = forms.AlignmentForm(request.POST or None, request.FILES or None, instance=alignment)
    detail = reverse("placements:orderclass_detail", args=[pk])
    return _edit(
        request,
        form=form,
        save=_save_record,
        title=f"{order_class} · {alignment.get_aspect_display()}",
        cancel=detail,
        success=detail,
    )


def _file_response(field_file):
    if not field_file:
        raise Http404
    content_type = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    return FileResponse(
        field_file.open("rb"),
        content_type=content_type,
        filename=field_file.name.rsplit("/", 1)[-1],
    )


@allow(*STAFF)
def orderclass_agreement(request, pk):
    return _file_response(_order_class_or_404(request, pk).agreement)


@allow(*STAFF)
def alignment_document(request, pk, aspect):
    order_class = _order_class_or_404(request, pk)
    alignment = get_object_or_404(OrderClassAlignment, order_class=order_class, aspect=aspect)
    return _file_response(alignment.document)


# --- apprenticeships --------------------------------------------------------------------


@allow(*STAFF)
class ApprenticeshipList(ScopedList):
    visible = staticmethod(permissions.apprenticeships_visible_to)
    create_allowed = staticmethod(permissions.can_create_apprenticeship)
    filterset_class = filters.ApprenticeshipFilter
    related = ("student", "student__school", "enterprise")
    register = "apprenticeships"
    template_name = "placements/apprenticeship_list.html"


@allow(*STAFF)
def apprenticeship_detail(request, pk):
    user = request.user
    apprenticeship = get_object_or_404(
        permissions.apprenticeships_visible_to(user).select_related(
            "student", "student__school", "enterprise"
        ),
        pk=pk,
    )
    show_personal(apprenticeship, user, "student")
    context = {
        "apprenticeship": apprenticeship,
        "can_edit": permissions.apprenticeships_editable_by(user).filter(pk=pk).exists(),
        "history": history_rows(apprenticeship),
    }
    return render(request, "placements/apprenticeship_detail.html", context)


@allow(*ENTERPRISE_STAFF)
def apprenticeship_create(request):
    user = request.user
    form = forms.ApprenticeshipForm(
        request.POST or None, user=user, initial={"enterprise": user.organization_id}
    )
    student_form = forms.ApprenticeStudentForm(request.POST or None, user=user, prefix="student")
    if request.method == "POST" and form.is_valid() and student_form.is_valid():
        try:
            apprenticeship = services.apprenticeship_register(
                apprenticeship=form.save(commit=False), student=student_form.save(commit=False)
            )
        except ValidationError as error:
            _add_errors(
                student_form if "student_number" in getattr(error, "error_dict", {}) else form,
                error,
            )
        else:
            messages.success(request, _("Saved."))
            return redirect("placements:apprenticeship_detail", pk=apprenticeship.pk)
    return render(
        request,
        "placements/apprenticeship_form.html",
        {
            "form": form,
            "student_form": student_form,
            "title": _("New apprentice"),
            "cancel_url": reverse("placements:apprenticeship_list"),
        },
    )


@allow(*ENTERPRISE_STAFF)
def apprenticeship_edit(request, pk):
    user = request.user
    apprenticeship = get_object_or_404(permissions.apprenticeships_editable_by(user), pk=pk)
    form = forms.ApprenticeshipForm(request.POST or None, instance=apprenticeship, user=user)
    detail = reverse("placements:apprenticeship_detail", args=[pk])
    return _edit(
        request,
        form=form,
        save=_save_record,
        title=_("Edit apprenticeship"),
        cancel=detail,
        success=detail,
    )


# --- internships ------------------------------------------------------------------------


@allow(*STAFF)
class InternshipList(ScopedList):
    visible = staticmethod(permissions.internships_visible_to)
    create_allowed = staticmethod(permissions.can_create_internship)
    filterset_class = filters.InternshipFilter
    related = ("student", "student__school", "enterprise", "training_base")
    register = "internships"
    template_name = "placements/internship_list.html"


@allow(*STAFF)
def internship_detail(request, pk):
    user = request.user
    internship = get_object_or_404(
        permissions.internships_visible_to(user).select_related(
            "student", "student__school", "enterprise", "training_base"
        ),
        pk=pk,
    )
    context = {
        "internship": internship,
        "can_edit": permissions.internships_editable_by(user).filter(pk=pk).exists(),
        "history": history_rows(internship),
    }
    return render(request, "placements/internship_detail.html", context)


@allow(*SCHOOL_STAFF)
def internship_edit(request, pk=None):
    user = request.user
    internship = get_object_or_404(permissions.internships_editable_by(user), pk=pk) if pk else None
    form = forms.InternshipForm(request.POST or None, instance=internship, user=user)
    if internship is None:
        form.fields["school"].initial = user.organization_id
    return _edit(
        request,
        form=form,
        save=_save_record,
        title=_("Edit internship") if internship else _("New internship"),
        cancel=reverse("placements:internship_detail", args=[pk])
        if pk
        else reverse("placements:internship_list"),
        success=lambda i: reverse("placements:internship_detail", args=[i.pk]),
    )


# --- graduate placements, hires and the local-talent archive -------------------------------


@allow(*STAFF)
class PlacementList(ScopedList):
    visible = staticmethod(permissions.placements_visible_to)
    create_allowed = staticmethod(permissions.can_create_placement)
    filterset_class = filters.GraduatePlacementFilter
    related = ("student", "student__school", "employer")
    register = "placements"
    template_name = "placements/placement_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for placement in context["object_list"]:
            show_wage(placement, self.request.user)
        return context


@allow(*STAFF)
def placement_detail(request, pk):
    user = request.user
    placement = get_object_or_404(
        permissions.placements_visible_to(user).select_related(
            "student", "student__school", "employer", "via_order_class", "hire_decided_by"
        ),
        pk=pk,
    )
    show_personal(placement, user, "student")
    show_wage(placement, user)
    context = {
        "placement": placement,
        "can_edit": permissions.placements_editable_by(user).filter(pk=pk).exists(),
        "can_decide": permissions.hires_decidable_by(user).filter(pk=pk).exists(),
        "can_follow_up": placement.is_local and permissions.can_add_followup(user, placement),
        "followups": placement.followups.all(),
        "history": history_rows(placement, masked=permissions.placement_masks(user)),
    }
    return render(request, "placements/placement_detail.html", context)


@allow(*SCHOOL_STAFF)
def placement_edit(request, pk=None):
    user = request.user
    placement = get_object_or_404(permissions.placements_editable_by(user), pk=pk) if pk else None
    form = forms.PlacementForm(request.POST or None, instance=placement, user=user)
    if placement is None:
        form.fields["school"].initial = user.organization_id
        form.fields["graduation_year"].initial = dt.date.today().year
    return _edit(
        request,
        form=form,
        save=_save_record,
        title=_("Edit graduate placement") if placement else _("New graduate placement"),
        cancel=reverse("placements:placement_detail", args=[pk])
        if pk
        else reverse("placements:placement_list"),
        success=lambda p: reverse("placements:placement_detail", args=[p.pk]),
    )


@allow(*ENTERPRISE_STAFF)
def hire_list(request):
    """Graduates recorded as hired by the HR's enterprise, awaiting its confirmation."""
    user = request.user
    pending = list(
        permissions.pending_hires_for(user)
        .select_related("student", "student__school", "employer", "via_order_class")
        .order_by("-graduation_year", "student__name")[:200]
    )
    for placement in pending:
        show_personal(placement, user, "student")
    decided = (
        permissions.hires_decidable_by(user)
        .exclude(hire_status="pending")
        .select_related("student", "student__school", "employer")
        .order_by("-hire_decided_at")[:20]
    )
    return render(request, "placements/hire_list.html", {"pending": pending, "decided": decided})


@require_POST
@allow(*ENTERPRISE_STAFF)
def hire_decide(request, pk):
    placement = get_object_or_404(permissions.hires_decidable_by(request.user), pk=pk)
    confirm = request.POST.get("decision") == "confirm"
    services.hire_decide(placement=placement, user=request.user, confirm=confirm)
    messages.success(
        request,
        (_("Hire of %(name)s confirmed.") if confirm else _("Hire of %(name)s declined."))
        % {"name": placement.student.name},
    )
    return redirect(request.POST.get("next") or reverse("placements:hire_list"))


@allow(*STAFF)
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
    form = forms.FollowUpForm(request.POST or None, instance=followup)

    def save(form):
        record = form.save(commit=False)
        record.placement = placement
        return services.followup_add(followup=record)

    detail = reverse("placements:placement_detail", args=[pk])
    return _edit(
        request,
        form=form,
        save=save,
        title=_("Follow-up of %(name)s") % {"name": placement.student.name},
        cancel=detail,
        success=detail,
    )


# --- outreach and career mentors ------------------------------------------------------------


@allow(*EVERYONE)
class EventList(ScopedList):
    visible = staticmethod(permissions.events_visible_to)
    create_allowed = staticmethod(permissions.can_create_event)
    filterset_class = filters.OutreachEventFilter
    related = ("school",)
    register = "events"
    template_name = "placements/event_list.html"

    def scoped_queryset(self):
        return (
            super()
            .scoped_queryset()
            .prefetch_related(Prefetch("enterprises", queryset=Organization.objects.only("name")))
            .annotate(photo_count=Count("photos", distinct=True))
            .order_by("-date", "-pk")  # aggregation drops Meta.ordering
        )


@allow(*EVERYONE)
def event_detail(request, pk):
    user = request.user
    event = get_object_or_404(permissions.events_visible_to(user).select_related("school"), pk=pk)
    can_edit = permissions.events_editable_by(user).filter(pk=pk).exists()
    context = {
        "event": event,
        "enterprises": event.enterprises.all(),
        "photos": event.photos.all(),
        "can_edit": can_edit,
        "photo_form": forms.PhotoForm() if can_edit else None,
        "history": history_rows(event),
    }
    return render(request, "placements/event_detail.html", context)


@allow(*SCHOOL_STAFF)
def event_edit(request, pk=None):
    user = request.user
    event = get_object_or_404(permissions.events_editable_by(user), pk=pk) if pk else None
    initial = {}
    if event is None:
        initial = {"school": user.organization_id, "date": dt.date.today()}
        if request.GET.get("kind") in OutreachKind.values:
            initial["kind"] = request.GET["kind"]
    form = forms.EventForm(request.POST or None, instance=event, user=user, initial=initial)

    def save(form):
        return services.event_save(
            event=form.save(commit=False), enterprises=form.cleaned_data["enterprises"]
        )

    return _edit(
        request,
        form=form,
        save=save,
        title=_("Edit outreach event") if event else _("New outreach event"),
        cancel=reverse("placements:event_detail", args=[pk])
        if pk
        else reverse("placements:event_list"),
        success=lambda e: reverse("placements:event_detail", args=[e.pk]),
    )


@require_POST
@allow(*SCHOOL_STAFF)
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
    return redirect("placements:event_detail", pk=pk)


@allow(*EVERYONE)
def event_photo(request, pk, photo_pk):
    event = get_object_or_404(permissions.events_visible_to(request.user), pk=pk)
    photo = get_object_or_404(event.photos, pk=photo_pk)
    return _file_response(photo.image)


@allow(*EVERYONE)
class MentorList(ScopedList):
    visible = staticmethod(permissions.mentors_visible_to)
    create_allowed = staticmethod(permissions.can_create_mentor)
    filterset_class = filters.CareerMentorFilter
    related = ("enterprise",)
    register = "mentors"
    template_name = "placements/mentor_list.html"

    def scoped_queryset(self):
        return (
            super()
            .scoped_queryset()
            .prefetch_related(Prefetch("schools", queryset=Organization.objects.only("name")))
        )


@allow(*EVERYONE)
def mentor_detail(request, pk):
    user = request.user
    mentor = get_object_or_404(
        permissions.mentors_visible_to(user).select_related("enterprise"), pk=pk
    )
    context = {
        "mentor": mentor,
        "schools": mentor.schools.all(),
        "can_edit": permissions.mentors_editable_by(user).filter(pk=pk).exists(),
        "history": history_rows(mentor),
    }
    return render(request, "placements/mentor_detail.html", context)


@allow(*ENTERPRISE_STAFF)
def mentor_edit(request, pk=None):
    user = request.user
    mentor = get_object_or_404(permissions.mentors_editable_by(user), pk=pk) if pk else None
    form = forms.MentorForm(
        request.POST or None,
        instance=mentor,
        user=user,
        initial={} if mentor else {"enterprise": user.organization_id},
    )

    def save(form):
        return services.mentor_save(
            mentor=form.save(commit=False), schools=form.cleaned_data["schools"]
        )

    return _edit(
        request,
        form=form,
        save=save,
        title=_("Edit career mentor") if mentor else _("New career mentor"),
        cancel=reverse("placements:mentor_detail", args=[pk])
        if pk
        else reverse("placements:mentor_list"),
        success=lambda m: reverse("placements:mentor_detail", args=[m.pk]),
    )
