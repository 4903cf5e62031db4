"""Pages of the training registers and the obligation pages.

Views are thin: each register is a list, a detail page and create/edit forms, configured by the
permission scopes of ``permissions.py`` (another organisation's record answers 404) and the
FilterSets of ``filters.py``. The rules are in the models' ``clean()``.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery, Sum
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, UpdateView

from alliance.access import ENTERPRISE_STAFF, EVERYONE, SCHOOL_STAFF, STAFF, allow
from alliance.history import history_rows
from alliance.masking import mask_phone
from alliance.registers import RegisterListView

from . import filters, forms, permissions, services
from .models import (
    Certification,
    Craftsman,
    InSchoolWorkshop,
    ProductionOrder,
    Secondment,
    StationPost,
    StudentRotation,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
)

# --- shared behaviour ---------------------------------------------------------------------------


def _display(obj, name: str) -> object:
    """A field's value as a person reads it (choice label, yes/no, names of related rows)."""
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return "、".join(str(o) for o in getattr(obj, name).all()) or "—"
    if field.choices:
        return getattr(obj, f"get_{name}_display")()
    value = getattr(obj, name)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if value in (None, ""):
        return "—"
    return value


class RegisterConfig:
    """What the three views of one register share."""

    register: str  # URL name prefix and the key of the register actions include
    scope: Callable  # permissions.<plural>_visible_to
    editable: Callable  # permissions.<plural>_editable_by
    editors: tuple[str, ...]  # roles that may create records


class TrainingList(RegisterConfig, RegisterListView):
    related: tuple[str, ...] = ()
    prefetch: tuple = ()

    def scoped_queryset(self):
        qs = type(self).scope(self.request.user).select_related(*self.related)
        return qs.prefetch_related(*self.prefetch) if self.prefetch else qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["can_create"] = permissions.can_create(self.request.user, self.editors)
        ctx["create_url"] = reverse(f"training:{self.register}_create")
        ctx["list_url"] = reverse(f"training:{self.register}_list")
        ctx["shows_phone"] = permissions.shows_phone(self.request.user)
        return ctx


class TrainingDetail(RegisterConfig, DetailView):
    template_name = "training/detail.html"
    related: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    masked: dict[str, Callable[[str], str]] = {}

    def get_queryset(self):
        return type(self).scope(self.request.user).select_related(*self.related)

    def masks(self) -> dict:
        return {} if permissions.shows_phone(self.request.user) else self.masked

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        obj, masks = self.object, self.masks()
        rows = []
        for name in self.fields:
            value = _display(obj, name)
            if name in masks:
                value = masks[name](str(value)) if value != "—" else value
            rows.append((obj._meta.get_field(name).verbose_name, value))
        ctx.update(
            rows=rows,
            history=history_rows(obj, masked=masks),
            can_edit=type(self).editable(self.request.user).filter(pk=obj.pk).exists(),
            edit_url=reverse(f"training:{self.register}_update", args=[obj.pk]),
            list_url=reverse(f"training:{self.register}_list"),
            verbose_name=obj._meta.verbose_name,
            verbose_name_plural=obj._meta.verbose_name_plural,
        )
        return ctx


class TrainingFormMixin(RegisterConfig):
    template_name = "training/form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    @transaction.atomic
    def form_valid(self, form):
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return reverse(f"training:{self.register}_detail", args=[self.object.pk])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        model = self.model or self.form_class._meta.model
        obj = getattr(self, "object", None)
        ctx["verbose_name"] = model._meta.verbose_name
        ctx["cancel_url"] = (
            reverse(f"training:{self.register}_detail", args=[obj.pk])
            if obj and obj.pk
            else reverse(f"training:{self.register}_list")
        )
        return ctx


class TrainingCreate(TrainingFormMixin, CreateView):
    pass


class TrainingUpdate(TrainingFormMixin, UpdateView):
    def get_queryset(self):
        return type(self).editable(self.request.user)


# --- in-school workshops (校中厂) -----------------------------------------------------------------


class WorkshopConfig(RegisterConfig):
    register = "workshop"
    scope = permissions.workshops_visible_to
    editable = permissions.workshops_editable_by
    editors = SCHOOL_STAFF
    model = InSchoolWorkshop


@allow(*EVERYONE)
class WorkshopList(WorkshopConfig, TrainingList):
    filterset_class = filters.InSchoolWorkshopFilter
    template_name = "training/workshop_list.html"
    related = ("school",)
    prefetch = ("enterprises",)

    def scoped_queryset(self):
        # An aggregate drops the model's default ordering: restate it for stable pages. distinct:
        # searching the partner enterprises joins rows that would multiply the count.
        return (
            super()
            .scoped_queryset()
            .annotate(order_count=Count("orders", distinct=True))
            .order_by("school__name", "name")
        )


@allow(*EVERYONE)
class WorkshopDetail(WorkshopConfig, TrainingDetail):
    template_name = "training/workshop_detail.html"
    related = ("school",)
    fields = ("school", "name", "enterprises", "production_line", "opened_on", "status")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["orders"] = self.object.orders.all()
        ctx["rotations"] = self.object.rotations.all()
        totals = self.object.orders.aggregate(value=Sum("value"), quantity=Sum("quantity"))
        ctx["order_totals"] = totals
        return ctx


@allow(*SCHOOL_STAFF)
class WorkshopCreate(WorkshopConfig, TrainingCreate):
    form_class = forms.InSchoolWorkshopForm


@allow(*SCHOOL_STAFF)
class WorkshopUpdate(WorkshopConfig, TrainingUpdate):
    form_class = forms.InSchoolWorkshopForm


class WorkshopChildMixin(TrainingFormMixin):
    """Orders and rotations are kept on their workshop's page."""

    register = "workshop"
    child_editable: Callable

    def get_success_url(self) -> str:
        return (
            reverse("training:workshop_detail", args=[self.object.workshop_id]) + f"#{self.anchor}"
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = reverse("training:workshop_detail", args=[self.workshop().pk])
        ctx["parent"] = self.workshop()
        return ctx


class WorkshopChildCreate(WorkshopChildMixin, CreateView):
    def workshop(self) -> InSchoolWorkshop:
        if not hasattr(self, "_workshop"):
            self._workshop = get_object_or_404(
                permissions.workshops_editable_by(self.request.user), pk=self.kwargs["pk"]
            )
        return self._workshop

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.form_class._meta.model(workshop=self.workshop())
        return kwargs


class WorkshopChildUpdate(WorkshopChildMixin, UpdateView):
    def get_queryset(self):
        return type(self).child_editable(self.request.user).select_related("workshop")

    def workshop(self) -> InSchoolWorkshop:
        return self.object.workshop


@allow(*SCHOOL_STAFF)
class OrderCreate(WorkshopChildCreate):
    form_class = forms.ProductionOrderForm
    anchor = "orders"


@allow(*SCHOOL_STAFF)
class OrderUpdate(WorkshopChildUpdate):
    form_class = forms.ProductionOrderForm
    model = ProductionOrder
    child_editable = permissions.orders_editable_by
    anchor = "orders"


@allow(*SCHOOL_STAFF)
class RotationCreate(WorkshopChildCreate):
    form_class = forms.StudentRotationForm
    anchor = "rotations"


@allow(*SCHOOL_STAFF)
class RotationUpdate(WorkshopChildUpdate):
    form_class = forms.StudentRotationForm
    model = StudentRotation
    child_editable = permissions.rotations_editable_by
    anchor = "rotations"


# --- training bases (厂中校) ------------------------------------------------------------------------


class BaseConfig(RegisterConfig):
    register = "base"
    scope = permissions.bases_visible_to
    editable = permissions.bases_editable_by
    editors = ENTERPRISE_STAFF
    model = TrainingBase


@allow(*EVERYONE)
class BaseList(BaseConfig, TrainingList):
    filterset_class = filters.TrainingBaseFilter
    template_name = "training/base_list.html"
    related = ("enterprise",)


@allow(*EVERYONE)
class BaseDetail(BaseConfig, TrainingDetail):
    related = ("enterprise",)
    fields = (
        "enterprise",
        "name",
        "address",
        "capacity",
        "majors",
        "masters_count",
        "master_names",
        "established_on",
        "closed_on",
        "status",
    )


@allow(*ENTERPRISE_STAFF)
class BaseCreate(BaseConfig, TrainingCreate):
    form_class = forms.TrainingBaseForm


@allow(*ENTERPRISE_STAFF)
class BaseUpdate(BaseConfig, TrainingUpdate):
    form_class = forms.TrainingBaseForm


# --- teacher stations (教师活动站) ----------------------------------------------------------------


class StationConfig(RegisterConfig):
    register = "station"
    scope = permissions.stations_visible_to
    editable = permissions.stations_editable_by
    editors = ENTERPRISE_STAFF
    model = TeacherStation


@allow(*EVERYONE)
class StationList(StationConfig, TrainingList):
    filterset_class = filters.TeacherStationFilter
    template_name = "training/station_list.html"
    related = ("enterprise",)

    def scoped_queryset(self):
        # A subquery, not a join: searching the posts would otherwise multiply the sum.
        places = (
            StationPost.objects.filter(station=OuterRef("pk"))
            .order_by()
            .values("station")
            .annotate(total=Sum("places"))
            .values("total")
        )
        return (
            super()
            .scoped_queryset()
            .annotate(post_places=Subquery(places))
            .order_by("enterprise__name", "name")
        )


@allow(*EVERYONE)
class StationDetail(StationConfig, TrainingDetail):
    template_name = "training/station_detail.html"
    related = ("enterprise",)
    fields = ("enterprise", "name", "established_on", "closed_on")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["posts"] = self.object.posts.all()
        ctx["can_edit_posts"] = ctx["can_edit"]
        ctx["next_year"] = timezone.localdate().year
        return ctx


@allow(*ENTERPRISE_STAFF)
class StationCreate(StationConfig, TrainingCreate):
    form_class = forms.TeacherStationForm


@allow(*ENTERPRISE_STAFF)
class StationUpdate(StationConfig, TrainingUpdate):
    form_class = forms.TeacherStationForm


class PostMixin(TrainingFormMixin):
    register = "station"

    def get_success_url(self) -> str:
        return reverse("training:station_detail", args=[self.object.station_id]) + "#posts"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = reverse("training:station_detail", args=[self.station().pk])
        ctx["parent"] = self.station()
        return ctx


@allow(*ENTERPRISE_STAFF)
class PostCreate(PostMixin, CreateView):
    form_class = forms.StationPostForm

    def station(self) -> TeacherStation:
        if not hasattr(self, "_station"):
            self._station = get_object_or_404(
                permissions.stations_editable_by(self.request.user), pk=self.kwargs["pk"]
            )
        return self._station

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": StationPost(station=self.station())}


@allow(*ENTERPRISE_STAFF)
class PostUpdate(PostMixin, UpdateView):
    form_class = forms.StationPostForm

    def get_queryset(self):
        return permissions.posts_editable_by(self.request.user).select_related("station")

    def station(self) -> TeacherStation:
        return self.object.station


@require_POST
@allow(*ENTERPRISE_STAFF)
def post_copy(request, pk: int):
    """Carry the station's latest posts over to the chosen year (one click each January)."""
    station = get_object_or_404(permissions.stations_editable_by(request.user), pk=pk)
    form = forms.YearForm(request.POST)
    to_year = (
        form.cleaned_data["year"]
        if form.is_valid() and form.cleaned_data["year"]
        else timezone.localdate().year
    )
    from_year, added = services.station_posts_copy(station=station, to_year=to_year)
    if from_year is None:
        messages.warning(request, _("There are no posts of an earlier year to copy."))
    else:
        messages.success(
            request,
            _("%(added)s posts of %(from)s offered again in %(to)s.")
            % {"added": added, "from": from_year, "to": to_year},
        )
    return redirect(reverse("training:station_detail", args=[station.pk]) + "#posts")


# --- teachers and secondments (教师入企实践) ------------------------------------------------------


class TeacherConfig(RegisterConfig):
    register = "teacher"
    scope = permissions.teachers_visible_to
    editable = permissions.teachers_editable_by
    editors = SCHOOL_STAFF
    model = Teacher


@allow(*SCHOOL_STAFF)
class TeacherList(TeacherConfig, TrainingList):
    filterset_class = filters.TeacherFilter
    template_name = "training/teacher_list.html"
    related = ("school",)


@allow(*SCHOOL_STAFF)
class TeacherDetail(TeacherConfig, TrainingDetail):
    template_name = "training/teacher_detail.html"
    related = ("school",)
    fields = (
        "school",
        "name",
        "employee_number",
        "department",
        "is_professional",
        "is_dual_qualified",
    )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["secondments"] = self.object.secondments.select_related("enterprise", "station")
        return ctx


@allow(*SCHOOL_STAFF)
class TeacherCreate(TeacherConfig, TrainingCreate):
    form_class = forms.TeacherForm


@allow(*SCHOOL_STAFF)
class TeacherUpdate(TeacherConfig, TrainingUpdate):
    form_class = forms.TeacherForm


class SecondmentConfig(RegisterConfig):
    register = "secondment"
    scope = permissions.secondments_visible_to
    editable = permissions.secondments_editable_by
    editors = SCHOOL_STAFF
    model = Secondment


@allow(*STAFF)
class SecondmentList(SecondmentConfig, TrainingList):
    filterset_class = filters.SecondmentFilter
    template_name = "training/secondment_list.html"
    related = ("teacher__school", "enterprise", "station")


@allow(*STAFF)
class SecondmentDetail(SecondmentConfig, TrainingDetail):
    template_name = "training/secondment_detail.html"
    related = ("teacher__school", "enterprise", "station")
    fields = ("teacher", "enterprise", "station", "start_on", "end_on", "days", "post", "status")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["school"] = self.object.teacher.school
        return ctx


@allow(*SCHOOL_STAFF)
class SecondmentCreate(SecondmentConfig, TrainingCreate):
    form_class = forms.SecondmentForm


@allow(*SCHOOL_STAFF)
class SecondmentUpdate(SecondmentConfig, TrainingUpdate):
    form_class = forms.SecondmentForm


@allow(*STAFF)
def secondment_report(request, pk: int):
    """The outcome report, only to those who may see the secondment (never from MEDIA_URL)."""
    secondment = get_object_or_404(permissions.secondments_visible_to(request.user), pk=pk)
    if not secondment.outcome_report:
        raise Http404
    try:
        handle = secondment.outcome_report.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=os.path.basename(secondment.outcome_report.name)
    )


# --- craftsmen (兼职技师人才资源库) and teaching assignments ----------------------------------------


class CraftsmanConfig(RegisterConfig):
    register = "craftsman"
    scope = permissions.craftsmen_visible_to
    editable = permissions.craftsmen_editable_by
    editors = ENTERPRISE_STAFF
    model = Craftsman


@allow(*STAFF)
class CraftsmanList(CraftsmanConfig, TrainingList):
    filterset_class = filters.CraftsmanFilter
    template_name = "training/craftsman_list.html"
    related = ("enterprise",)

    def scoped_queryset(self):
        return (
            super()
            .scoped_queryset()
            .annotate(total_hours=Sum("assignments__hours"))
            .order_by("enterprise__name", "name")
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # Phones are masked on the server for everyone but the secretariat.
        show = ctx["shows_phone"]
        for craftsman in ctx["object_list"]:
            craftsman.phone_shown = craftsman.phone if show else mask_phone(craftsman.phone)
        return ctx


@allow(*STAFF)
class CraftsmanDetail(CraftsmanConfig, TrainingDetail):
    template_name = "training/craftsman_detail.html"
    related = ("enterprise",)
    fields = (
        "name",
        "enterprise",
        "skill_level",
        "specialty",
        "role",
        "phone",
        "joined_on",
        "left_on",
        "active",
    )
    masked = {"phone": mask_phone}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # Only the teaching the user may see (a school sees its own assignments).
        assignments = permissions.assignments_visible_to(self.request.user).filter(
            craftsman=self.object
        )
        ctx["assignments"] = assignments.select_related("school")
        ctx["hours_by_year"] = (
            assignments.order_by().values("year").annotate(hours=Sum("hours")).order_by("-year")
        )
        return ctx


@allow(*ENTERPRISE_STAFF)
class CraftsmanCreate(CraftsmanConfig, TrainingCreate):
    form_class = forms.CraftsmanForm


@allow(*ENTERPRISE_STAFF)
class CraftsmanUpdate(CraftsmanConfig, TrainingUpdate):
    form_class = forms.CraftsmanForm


class AssignmentConfig(RegisterConfig):
    register = "assignment"
    scope = permissions.assignments_visible_to
    editable = permissions.assignments_editable_by
    editors = SCHOOL_STAFF
    model = TeachingAssignment


@allow(*STAFF)
class AssignmentList(AssignmentConfig, TrainingList):
    filterset_class = filters.TeachingAssignmentFilter
    template_name = "training/assignment_list.html"
    related = ("craftsman__enterprise", "school")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # Hours per school and year of the filtered rows (one query).
        ctx["totals"] = (
            ctx["filter"]
            .qs.order_by()
            .values("year", "school__name")
            .annotate(hours=Sum("hours"))
            .order_by("-year", "school__name")
        )
        return ctx


@allow(*STAFF)
class AssignmentDetail(AssignmentConfig, TrainingDetail):
    related = ("craftsman__enterprise", "school")
    fields = ("craftsman", "school", "course", "year", "term", "hours", "kind")


@allow(*SCHOOL_STAFF)
class AssignmentCreate(AssignmentConfig, TrainingCreate):
    form_class = forms.TeachingAssignmentForm


@allow(*SCHOOL_STAFF)
class AssignmentUpdate(AssignmentConfig, TrainingUpdate):
    form_class = forms.TeachingAssignmentForm


# --- in-service training (职工在岗培训) and certification (技能等级认定) ------------------------------


class ProgrammeConfig(RegisterConfig):
    register = "programme"
    scope = permissions.programmes_visible_to
    editable = permissions.programmes_editable_by
    editors = SCHOOL_STAFF
    model = TrainingProgramme


@allow(*EVERYONE)
class ProgrammeList(ProgrammeConfig, TrainingList):
    filterset_class = filters.TrainingProgrammeFilter
    template_name = "training/programme_list.html"
    related = ("school",)
    prefetch = ("enterprises",)


@allow(*EVERYONE)
class ProgrammeDetail(ProgrammeConfig, TrainingDetail):
    template_name = "training/programme_detail.html"
    related = ("school",)
    fields = (
        "school",
        "title",
        "enterprises",
        "funding_department",
        "start_on",
        "end_on",
        "participants",
        "hours",
    )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["certifications"] = self.object.certifications.all()
        return ctx


@allow(*SCHOOL_STAFF)
class ProgrammeCreate(ProgrammeConfig, TrainingCreate):
    form_class = forms.TrainingProgrammeForm


@allow(*SCHOOL_STAFF)
class ProgrammeUpdate(ProgrammeConfig, TrainingUpdate):
    form_class = forms.TrainingProgrammeForm


class CertificationConfig(RegisterConfig):
    register = "certification"
    scope = permissions.certifications_visible_to
    editable = permissions.certifications_editable_by
    editors = SCHOOL_STAFF
    model = Certification


@allow(*EVERYONE)
class CertificationList(CertificationConfig, TrainingList):
    filterset_class = filters.CertificationFilter
    template_name = "training/certification_list.html"
    related = ("school", "programme")


@allow(*EVERYONE)
class CertificationDetail(CertificationConfig, TrainingDetail):
    related = ("school", "programme")
    fields = ("school", "programme", "assessed_on", "occupation", "level", "candidates", "passed")


@allow(*SCHOOL_STAFF)
class CertificationCreate(CertificationConfig, TrainingCreate):
    form_class = forms.CertificationForm


@allow(*SCHOOL_STAFF)
class CertificationUpdate(CertificationConfig, TrainingUpdate):
    form_class = forms.CertificationForm
