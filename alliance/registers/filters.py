"""The filter base of every register list: a search box over the declared fields, and an
"all" choice on every choice filter (a filter without one silently hides rows)."""

from __future__ import annotations

import django_filters
from django import forms
from django.db import connections
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from alliance import glossary

from .forms import style_form
from .indexes import word_lookup

ALL = glossary.ALL


class RegisterFilterSet(django_filters.FilterSet):
    """``search_fields`` is set by the register (its ``search`` declaration)."""

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.search_fields:
            self.form.fields.pop("q", None)
        for field in self.form.fields.values():
            field.required = False
            if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
                continue
            if isinstance(field, forms.NullBooleanField):
                field.widget = forms.Select(
                    choices=[("", ALL), ("true", glossary.YES), ("false", glossary.NO)]
                )
            elif hasattr(field, "empty_label"):
                # ModelChoiceField and django-filter's ChoiceField draw their own empty choice;
                # the widget was copied with the class's choices, so it is given the field's.
                field.empty_label = ALL
                field.widget.choices = field.choices
            elif isinstance(field, forms.ChoiceField):
                choices = [c for c in field.choices if c[0] not in ("", None)]
                field.choices = [("", ALL), *choices]
        # The Excel export builds this form too and never draws it: no count query per list.
        style_form(self.form, small=True, count_choices=False)

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        model = queryset.model
        vendor = connections[queryset.db].vendor
        for word in value.split():
            condition = Q()
            for path in self.search_fields:
                lookup = f"{path}__{word_lookup(model, path, word, vendor)}"
                if _many_valued(model, path):
                    # A subquery, not a join: a join repeats rows, and removing the repeats
                    # (DISTINCT) sorts the whole result, for the page and again for its count.
                    matching = model._default_manager.filter(**{lookup: word})
                    condition |= Q(pk__in=matching.values("pk"))
                else:
                    condition |= Q(**{lookup: word})
            queryset = queryset.filter(condition)
        return queryset


def _many_valued(model, path: str) -> bool:
    """Whether ``path`` crosses a relation with several rows per record (m2m, reverse FK)."""
    for part in path.split("__")[:-1]:
        field = model._meta.get_field(part)
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
    return False


def filterset_for(register) -> type[RegisterFilterSet]:
    """The register's FilterSet with its search fields (cached on the register class)."""
    cls = type(register)
    cached = cls.__dict__.get("_filterset_class")
    if cached is not None:
        return cached
    base = register.filterset or RegisterFilterSet
    if not issubclass(base, RegisterFilterSet):
        raise TypeError(f"{base.__name__} must derive from RegisterFilterSet")
    meta = getattr(base, "Meta", None)
    attrs = {"search_fields": tuple(register.search)}
    if meta is None or getattr(meta, "model", None) is None:
        attrs["Meta"] = type("Meta", (), {"model": register.model, "fields": []})
    filterset = type(f"{cls.__name__}Filter", (base,), attrs)
    cls._filterset_class = filterset
    return filterset
