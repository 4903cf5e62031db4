"""The pages every register gets from its declaration: list, detail, create, edit, confirm.

Rows are always fetched through the register's scope (another organisation's record is a 404);
who may open a page at all is the register's audience, checked by ``alliance.access.allow``
where the routes are built (``urls.py``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import ModelChoiceField
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django.views.generic.edit import CreateView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from alliance import audit, glossary
from alliance.access import sees_personal_data
from alliance.history import history_rows
from alliance.models import AuditKind
from alliance.numbers import format_number
from alliance.redirects import next_or

from .counting import RegisterPaginator
from .declaration import Register
from .options import options_response, use_remote_options


def _display(obj, name: str, masks: dict) -> Any:
    """A field's value as a person reads it (choice label, yes/no, names of related rows)."""
    field = obj._meta.get_field(name)
    if field.many_to_many:
        value = "、".join(str(o) for o in getattr(obj, name).all())
    elif field.choices:
        value = getattr(obj, f"get_{name}_display")()
    else:
        value = getattr(obj, name)
        if isinstance(value, bool):
            value = glossary.yes_no(value)
        elif isinstance(value, Decimal | float):
            value = format_number(value)
    if value in (None, ""):
        return glossary.NO_VALUE
    return masks[name](str(value)) if name in masks else value


def audit_personal_data(request, register: Register, obj=None) -> None:
    """PIPL: a page showing the secretariat a register's personal data unmasked is recorded:
    which register, which record (or which filtered list), by whom."""
    if register.personal_fields and sees_personal_data(request.user):
        detail = {"register": register.name, "query": request.GET.urlencode()}
        if obj is not None:
            detail["record"] = obj.pk
        audit.record(
            AuditKind.PERSONAL_DATA,
            user=request.user,
            request=request,
            target=obj if obj is not None else register.name,
            detail=detail,
        )


class RegisterMixin:
    register: Register = None  # set by as_view(register=...)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["register"] = self.register
        context["heading"] = self.register.heading()
        context["list_url"] = self.register.list_url()
        return context


class RegisterList(RegisterMixin, SingleTableMixin, FilterView):
    strict = False  # an invalid filter shows its error and all rows, never an empty page

    def get_queryset(self):
        return self.register.list_queryset(self.request.user)

    def get_filterset_class(self):
        return self.register.filterset_class()

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        use_remote_options(filterset.form, lambda field: self.register.options_url("filter", field))
        return filterset

    def get_table_class(self):
        return self.register.table

    def get_table_pagination(self, table):
        # The rows' queryset (filtered, searched, scoped) for the paginator to count cheaply.
        return {
            "per_page": self.register.per_page,
            "paginator_class": RegisterPaginator,
            "queryset": table.data.data,
        }

    def get_template_names(self):
        # htmx (the filter form) refreshes the rows only.
        if getattr(self.request, "htmx", False) and not self.request.htmx.boosted:
            return [self.register.rows_template]
        return [self.register.list_template]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        table = context["table"]
        # Django's usual names for the page, for templates and tests that read them.
        context["paginator"], context["page_obj"] = table.paginator, table.page
        context["can_create"] = self.register.may_create(user)
        context["create_url"] = (
            reverse(self.register.url_name("create")) if context["can_create"] else ""
        )
        context["create_label"] = self.register.create_label or _("New %(name)s") % {
            "name": self.register.model._meta.verbose_name
        }
        context.update(self.register.list_context(self.request, self.object_list))
        if not getattr(self.request, "htmx", False):
            audit_personal_data(self.request, self.register)
        return context


class RegisterDetail(RegisterMixin, DetailView):
    def get_queryset(self):
        return self.register.queryset(self.request.user)

    def get_template_names(self):
        return [self.register.detail_template]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj, user, register = self.object, self.request.user, self.register
        masks = register.masks(user)
        files = []
        for name in register.files if register.may_open_files(user) else ():
            if getattr(obj, name):
                files.append(
                    (
                        obj._meta.get_field(name).verbose_name,
                        reverse(register.url_name("file"), args=[obj.pk, name]),
                    )
                )
        can_edit = register.may_edit(user, obj)
        context.update(
            rows=[
                (obj._meta.get_field(name).verbose_name, _display(obj, name, masks))
                for name in register.shown_fields()
            ],
            files=files,
            history=history_rows(obj, masked=masks),
            can_edit=can_edit,
            edit_url=register.update_url(user, obj) if can_edit else "",
            verbose_name=obj._meta.verbose_name,
            **register.detail_context(self.request, obj),
        )
        audit_personal_data(self.request, register, obj)
        return context


class RegisterFormMixin(RegisterMixin):
    def get_form_class(self):
        return self.register.form_for(self.request.user, getattr(self, "object", None))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        use_remote_options(form, lambda field: self.register.options_url("form", field))
        return form

    def get_template_names(self):
        return [self.register.form_template]

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.object = self.register.save(self.request, form)
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved “%(name)s”.") % {"name": self.object})
        return HttpResponseRedirect(self.register.detail_url(self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = getattr(self, "object", None)
        context["verbose_name"] = self.register.model._meta.verbose_name
        context["cancel_url"] = (
            self.register.detail_url(obj) if obj is not None and obj.pk else context["list_url"]
        )
        return context


class RegisterCreate(RegisterFormMixin, CreateView):
    def dispatch(self, request, *args, **kwargs):
        if not self.register.may_create(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {**super().get_initial(), **self.register.initial(self.request)}


class RegisterUpdate(RegisterFormMixin, UpdateView):
    def get_queryset(self):
        return self.register.editable_queryset(self.request.user)


def register_options(request, register: Register, kind: str, field: str):
    """The options of one long choice field of the register's filters or form, searched."""
    if kind == "filter":
        form = register.filterset_class()(
            request=request, queryset=register.model._default_manager.none()
        ).form
    elif kind == "form" and register.may_create(request.user):
        form = register.form(user=request.user)
    else:
        raise Http404
    choice = form.fields.get(field)
    if not isinstance(choice, ModelChoiceField) or choice.disabled:
        raise Http404
    return options_response(choice, request.GET.get("q", ""))


def add_errors(form, error: ValidationError) -> None:
    """Errors from a service or model: on their field when the form has it, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def confirm(
    request,
    *,
    question: str,
    perform,
    cancel_url: str,
    done_url: str,
    detail: str = "",
    button: str = "",
    danger: bool = True,
    form=None,
):
    """An action that cannot be undone (publish, withdraw, delete): GET asks, POST performs.

    ``perform()`` does the work (a service) and returns the success message; a
    ``ValidationError`` it raises is shown on the confirmation page and nothing changes.
    An action that needs an input (the date of a withdrawal) passes a bound ``form``: it is
    shown on the page and ``perform`` runs only once it is valid.
    """
    error = None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            with transaction.atomic():
                message = perform()
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            if message:
                messages.success(request, message)
            return HttpResponseRedirect(next_or(request, done_url))
    return render(
        request,
        "registers/confirm.html",
        {
            "question": question,
            "detail": detail,
            "button": button or _("Confirm"),
            "danger": danger,
            "cancel_url": cancel_url,
            "error": error,
            "form": form,
        },
        status=400 if error else 200,
    )
