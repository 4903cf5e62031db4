"""Base views shared by every register (organisations, bases, students ...).

A register list is a django-filter ``FilterView`` with pagination; the app supplies the
queryset already scoped through its ``permissions.py`` (``scoped_queryset``), a FilterSet and a
template. With htmx the same view answers with the template's ``rows`` partial only, so
filters and pages refresh the table without reloading the page.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django_filters.views import FilterView


class RegisterListView(FilterView):
    paginate_by = 25
    # Django-filter would otherwise show nothing for an invalid filter; show all rows instead
    # and let the form display its errors.
    strict = False

    def scoped_queryset(self) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet:
        return self.scoped_queryset()

    def get_template_names(self) -> list[str]:
        names = super().get_template_names()
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:
            return [f"{names[0]}#rows"]
        return names
