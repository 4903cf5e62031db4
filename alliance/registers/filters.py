"""The filter base of every register list: a search box over the declared fields, and an
"all" choice on every choice filter (a filter without one silently hides rows)."""

from __future__ import annotations

import django_filters
from django import forms
from django.db import connections
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from alliance import glossary

from .counting import cached_count, large_table
from .forms import style_form
from .indexes import word_lookup

ALL = glossary.ALL

#: Up to this many matches of a search, a large list finds them first by the search indexes
#: and then sorts them (``filter_search``).
FEW_MATCHES = 10_000
#: a LIMIT no table reaches (PostgreSQL's bigint): it only keeps a subquery apart
UNLIMITED = 2**62


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
        searched, words = queryset, value.split()
        for word in words:
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
            searched = searched.filter(condition)
        # Words of two characters or more are served by the bigram and trigram indexes.
        indexed = vendor == "postgresql" and words and min(map(len, words)) >= 2
        if indexed and large_table(queryset):
            return _few_matches_first(queryset, searched)
        return searched


def _few_matches_first(queryset: QuerySet, searched: QuerySet) -> QuerySet:
    """A search's matches in a large table, found first by the search indexes when they are few.

    The planner cannot tell how many rows a word matches (in a column of numbers it guesses
    0.5 % of the table for any two Chinese characters) and may walk the list's order index,
    testing every row until a page is full: 11 s for a name matching 568 of 2,000,000
    students, 1.4 s for a three-character name matching 4. When at most ``FEW_MATCHES`` rows
    match (counted by the indexes, stopping there), they are read first, in a subquery the
    planner may not merge (its LIMIT), and sorted: 0.1 s. Many matches fill a page in a few
    steps of the ordered walk, which is then the better plan.
    """
    matches = searched.order_by().values("pk")
    if cached_count(matches[: FEW_MATCHES + 1]) > FEW_MATCHES:
        return searched
    return queryset.filter(pk__in=matches[:UNLIMITED])


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
