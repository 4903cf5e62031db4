"""The list base of the registers not yet declared on the framework (removed once all are)."""

from __future__ import annotations

from django.db.models import QuerySet
from django_filters.views import FilterView


class RegisterListView(FilterView):
    paginate_by = 25
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
