"""Pages of the training app beyond its registers (``registers.py``): the records kept on a
register's page (a workshop's orders and rotations, a station's practice posts), copying a
station's posts to a new year.

Parents and records are fetched through the scopes of ``permissions.py`` (another
organisation's record answers 404); the rules are in the models' ``clean()``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import CreateView, UpdateView

from alliance.access import ENTERPRISE_STAFF, EVERYONE, SCHOOL_STAFF, allow
from alliance.registers import Register
from alliance.registers.views import confirm
from alliance.years import parse_year

from . import forms, permissions, selectors, services
from .registers import STATIONS, WORKSHOPS

# --- records kept on their parent's page -------------------------------------------------------


class ChildFormMixin:
    """A record created and edited from its parent register's page (``#anchor`` there)."""

    template_name = "training/child_form.html"
    parent_register: Register
    parent_field: str
    anchor: str

    def parent(self) -> models.Model:
        raise NotImplementedError

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        with transaction.atomic():
            self.object = form.save()
        messages.success(self.request, _("Saved “%(name)s”.") % {"name": self.object})
        return HttpResponseRedirect(
            self.parent_register.detail_url(self.parent()) + f"#{self.anchor}"
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        parent = self.parent()
        ctx.update(
            parent=parent,
            heading=self.parent_register.heading(),
            list_url=self.parent_register.list_url(),
            cancel_url=self.parent_register.detail_url(parent),
            verbose_name=self.form_class._meta.model._meta.verbose_name,
        )
        return ctx


class ChildCreate(ChildFormMixin, CreateView):
    def parent(self) -> models.Model:
        if not hasattr(self, "_parent"):
            self._parent = get_object_or_404(
                self.parent_register.editable_queryset(self.request.user), pk=self.kwargs["pk"]
            )
        return self._parent

    def get_form_kwargs(self):
        instance = self.form_class._meta.model(**{self.parent_field: self.parent()})
        return {**super().get_form_kwargs(), "instance": instance}


class ChildUpdate(ChildFormMixin, UpdateView):
    editable: Callable

    def get_queryset(self):
        return type(self).editable(self.request.user).select_related(self.parent_field)

    def parent(self) -> models.Model:
        return getattr(self.object, self.parent_field)


class WorkshopChild:
    parent_register, parent_field = WORKSHOPS, "workshop"


class StationChild:
    parent_register, parent_field = STATIONS, "station"


@allow(SCHOOL_STAFF)
class OrderCreate(WorkshopChild, ChildCreate):
    form_class, anchor = forms.ProductionOrderForm, "orders"


@allow(SCHOOL_STAFF)
class OrderUpdate(WorkshopChild, ChildUpdate):
    form_class, anchor = forms.ProductionOrderForm, "orders"
    editable = staticmethod(permissions.orders_editable_by)


@allow(SCHOOL_STAFF)
class RotationCreate(WorkshopChild, ChildCreate):
    form_class, anchor = forms.StudentRotationForm, "rotations"


@allow(SCHOOL_STAFF)
class RotationUpdate(WorkshopChild, ChildUpdate):
    form_class, anchor = forms.StudentRotationForm, "rotations"
    editable = staticmethod(permissions.rotations_editable_by)


@allow(ENTERPRISE_STAFF)
class PostCreate(StationChild, ChildCreate):
    form_class, anchor = forms.StationPostForm, "posts"


@allow(ENTERPRISE_STAFF)
class PostUpdate(StationChild, ChildUpdate):
    form_class, anchor = forms.StationPostForm, "posts"
    editable = staticmethod(permissions.posts_editable_by)


@allow(ENTERPRISE_STAFF)
def post_copy(request, pk: int):
    """Carry the station's latest posts over to the chosen year (one click each January).

    Copied posts cannot be removed from the portal, so the copy is confirmed first.
    """
    station = get_object_or_404(permissions.stations_editable_by(request.user), pk=pk)
    # The confirmation form posts back to this address, query string and all.
    to_year = parse_year(request, default=timezone.localdate().year)
    station_url = STATIONS.detail_url(station) + "#posts"

    def perform() -> str:
        from_year, added = services.station_posts_copy(station=station, to_year=to_year)
        if from_year is None:
            raise ValidationError(_("There are no posts of an earlier year to copy."))
        return _("%(added)s posts of %(from)s offered again in %(to)s.") % {
            "added": added,
            "from": from_year,
            "to": to_year,
        }

    return confirm(
        request,
        question=_("Offer the latest posts of “%(station)s” again in %(year)s?")
        % {"station": station, "year": to_year},
        detail=_("Posts already offered in that year are left as they are."),
        button=_("Copy"),
        danger=False,
        perform=perform,
        cancel_url=station_url,
        done_url=station_url,
    )


@allow(EVERYONE)
def practice_posts(request):
    """Practice places each teacher station offers in a year against the places filled, with
    the stations that offer none flagged (Linqu (二)4: posts set every year)."""
    year = parse_year(request, default=timezone.localdate().year)
    rows = selectors.station_posts(year)
    return render(
        request,
        "training/practice_posts.html",
        {"year": year, "rows": rows, "without_posts": [r for r in rows if r["no_posts"]]},
    )
