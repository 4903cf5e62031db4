"""Long choice lists (enterprises, teachers, students) searched on the server.

A select of a few hundred organisations costs more to render than the page's rows. When a
choice field has more than :data:`REMOTE_AFTER` rows, its widget renders only the chosen option
and the searchable select (Tom Select) asks the register's options endpoint as the user types;
the endpoint answers from the same queryset the form or filter would accept, so it can offer
nothing the user may not choose.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import QuerySet
from django.http import JsonResponse

#: more rows than this and the options are searched on the server
REMOTE_AFTER = 60
#: options answered per search
PAGE = 20


def _chosen_only(widget, value) -> list[tuple]:
    iterator = widget.choices
    field = iterator.field
    choices = [("", field.empty_label)] if field.empty_label is not None else []
    chosen = [v for v in value if v not in ("", None)]
    if chosen:
        try:
            rows = list(iterator.queryset.filter(pk__in=chosen))
        except (ValueError, ValidationError):
            rows = []  # a hand-typed bad id: the form reports it
        choices += [(field.prepare_value(row), field.label_from_instance(row)) for row in rows]
    return choices


class RemoteSelect(forms.Select):
    """A select that renders only its chosen option (the rest are searched on demand)."""

    def optgroups(self, name, value, attrs=None):
        full = self.choices
        self.choices = _chosen_only(self, value)
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = full


class RemoteSelectMultiple(forms.SelectMultiple):
    def optgroups(self, name, value, attrs=None):
        full = self.choices
        self.choices = [c for c in _chosen_only(self, value) if c[0] != ""]
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = full


def _searchable(queryset: QuerySet) -> bool:
    return _has_name(queryset.model)


def _has_name(model) -> bool:
    try:
        model._meta.get_field("name")
    except FieldDoesNotExist:
        return False
    return True


def _filter_model(register, choice_filter):
    """The model a choice filter chooses among: its queryset's, or, for a queryset given as a
    callable (built per request), the related model of the field it filters."""
    if isinstance(choice_filter.queryset, QuerySet):
        return choice_filter.queryset.model
    try:
        field = register.model._meta.get_field(choice_filter.field_name.split("__")[0])
    except FieldDoesNotExist:
        return None
    return field.related_model


def has_searchable_choices(register) -> bool:
    """Whether a filter or form field of the register chooses among rows searchable by name:
    only such a register gets an options endpoint (any other would answer nothing but 404)."""
    import django_filters

    choosers = (django_filters.ModelChoiceFilter, django_filters.ModelMultipleChoiceFilter)
    models = [
        _filter_model(register, f)
        for f in register.filterset_class().base_filters.values()
        if isinstance(f, choosers)
    ]
    if register.form is not None:
        models += [
            f.queryset.model
            for f in register.form.base_fields.values()
            if isinstance(f, forms.ModelChoiceField)
        ]
    return any(model is not None and _has_name(model) for model in models)


def use_remote_options(form: forms.BaseForm, url_for: Callable[[str], str]) -> None:
    """Switch the form's long model choice fields to server-side search."""
    for name, field in form.fields.items():
        if not isinstance(field, forms.ModelChoiceField) or field.disabled:
            continue
        if isinstance(field.widget, RemoteSelect | RemoteSelectMultiple):
            continue
        if isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            continue
        if not _searchable(field.queryset) or field.queryset.count() <= REMOTE_AFTER:
            continue
        remote = (
            RemoteSelectMultiple
            if isinstance(field, forms.ModelMultipleChoiceField)
            else RemoteSelect
        )
        attrs = {**field.widget.attrs, "data-searchable": "true", "data-options-url": url_for(name)}
        field.widget = remote(attrs=attrs)
        field.widget.choices = field.choices
        field.widget.is_required = field.required


def options_response(field: forms.ModelChoiceField, query: str) -> JsonResponse:
    """``{"results": [{"value": ..., "text": ...}]}``: the field's rows whose name holds ``query``."""
    queryset = field.queryset
    for word in query.split():
        queryset = queryset.filter(name__icontains=word)
    rows = queryset[:PAGE]
    results = [
        {"value": str(field.prepare_value(r)), "text": field.label_from_instance(r)} for r in rows
    ]
    return JsonResponse({"results": results})
