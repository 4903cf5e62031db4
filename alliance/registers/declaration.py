"""A register is declared once, as Django's ``ModelAdmin`` declares an admin page.

::

    class TrainingBaseRegister(Register):       # training/registers.py
        model = TrainingBase
        namespace, name, slug = "training", "base", "bases"
        table = TrainingBaseTable                # django-tables2: columns, sorting, links
        filterset = TrainingBaseFilter           # django-filter: the list's filters
        search = ("name", "enterprise__name")
        form = TrainingBaseForm                  # a ModelForm on alliance.registers.forms
        readers, editors = EVERYONE, ENTERPRISE_STAFF
        scope = staticmethod(permissions.bases_visible_to)
        editable = staticmethod(permissions.bases_editable_by)
        excel = "bases"                          # the alliance.exchange register key
        detail_fields = ("enterprise", "name", "capacity", ...)
        icon = "buildings"

and ``urlpatterns = [*TrainingBaseRegister().urls(), ...]`` gives the list (filters, search,
sorting, pagination, Excel export and import), the detail page with its history tab, the
create and edit forms with success messages, and the one file view for its uploads. Hooks
(``list_queryset``, ``list_context``, ``detail_context``, ``save``) are for what a register
genuinely adds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import django_filters
import django_tables2 as tables
from django.db import models
from django.db.models import QuerySet
from django.urls import reverse

from alliance.access import Audience, has_access, sees_personal_data
from alliance.menus import Link

Mask = Callable[[str], str]

#: every register declared in this process (each adds itself): the framework's checks that span
#: registers (search indexes, the ordering-index test) find them here
DECLARED: list[Register] = []


class Register:
    # --- what is kept ---------------------------------------------------------------------------
    model: ClassVar[type[models.Model]]
    namespace: ClassVar[str]  # the app's URL namespace ("training")
    name: ClassVar[str]  # the URL name prefix ("base": base_list, base_detail, ...)
    slug: ClassVar[str]  # the URL path segment ("bases")
    icon: ClassVar[str] = "table"
    label: ClassVar[str | None] = None  # the menu and heading text (default: verbose_name_plural)
    create_label: ClassVar[str | None] = None  # the "new" button (default: "New <verbose_name>")

    # --- list -------------------------------------------------------------------------------------
    table: ClassVar[type[tables.Table]]
    filterset: ClassVar[type[django_filters.FilterSet] | None] = None
    search: ClassVar[tuple[str, ...]] = ()
    search_placeholder: ClassVar[str | None] = None
    related: ClassVar[tuple[str, ...]] = ()  # select_related on every page
    prefetch: ClassVar[tuple[Any, ...]] = ()
    per_page: ClassVar[int] = 25

    # --- access -----------------------------------------------------------------------------------
    readers: ClassVar[Audience]  # who may open the list and detail pages
    editors: ClassVar[Audience | None] = None  # who may open the forms (None: no forms)
    creators: ClassVar[Audience | None] = None  # who may open the create form (None: the editors)
    scope: ClassVar[Callable[[Any], QuerySet]]  # rows a user may read
    editable: ClassVar[Callable[[Any], QuerySet] | None] = None  # rows a user may change

    # --- detail, form, files, Excel ---------------------------------------------------------------
    detail_fields: ClassVar[tuple[str, ...]] = ()  # default: the form's fields
    personal_fields: ClassVar[dict[str, Mask]] = {}  # masked for all but the secretariat
    form: ClassVar[type | None] = None
    files: ClassVar[tuple[str, ...]] = ()  # FileFields served by the file view
    file_readers: ClassVar[Audience | None] = None  # who may open the files (default: readers)
    excel: ClassVar[str | None] = None  # the key of the alliance.exchange register

    list_template: ClassVar[str] = "registers/list.html"
    rows_template: ClassVar[str] = "registers/_rows.html"  # what htmx refreshes under the filters
    detail_template: ClassVar[str] = "registers/detail.html"
    form_template: ClassVar[str] = "registers/form.html"

    def __init__(self) -> None:
        DECLARED.append(self)

    # --- names and links --------------------------------------------------------------------------
    def url_name(self, page: str) -> str:
        return f"{self.namespace}:{self.name}_{page}"

    def list_url(self) -> str:
        return reverse(self.url_name("list"))

    def detail_url(self, obj: models.Model) -> str:
        return reverse(self.url_name("detail"), args=[obj.pk])

    def options_url(self, kind: str, field: str) -> str:
        return reverse(self.url_name("options"), args=[kind, field])

    def update_url(self, user, obj: models.Model) -> str:
        """The edit page of ``obj`` for ``user`` (a register may send some roles elsewhere)."""
        return reverse(self.url_name("update"), args=[obj.pk])

    def heading(self) -> str:
        return str(self.label or self.model._meta.verbose_name_plural)

    def link(self) -> Link:
        """The register's menu entry; the menu shows it to the readers of the list."""
        # The label stays lazy: menus are built once, read in each user's language.
        return Link(
            self.label or self.model._meta.verbose_name_plural, self.url_name("list"), self.icon
        )

    # --- rows ---------------------------------------------------------------------------------------
    def queryset(self, user) -> QuerySet:
        qs = type(self).scope(user)
        if self.related:
            qs = qs.select_related(*self.related)
        if self.prefetch:
            qs = qs.prefetch_related(*self.prefetch)
        return qs

    def list_queryset(self, user) -> QuerySet:
        """The list's rows; a register adds annotations for its columns here."""
        return self.queryset(user)

    def editable_queryset(self, user) -> QuerySet:
        if self.editable is None or self.editors is None or not has_access(user, self.editors):
            return self.model._default_manager.none()
        return type(self).editable(user)

    def creation_audience(self) -> Audience | None:
        return self.creators if self.creators is not None else self.editors

    def may_create(self, user) -> bool:
        audience = self.creation_audience()
        return self.form is not None and audience is not None and has_access(user, audience)

    def may_edit(self, user, obj: models.Model) -> bool:
        return self.editable_queryset(user).filter(pk=obj.pk).exists()

    def filterset_class(self) -> type:
        """The list's FilterSet with the search box (the Excel export filters with it too)."""
        from .filters import filterset_for

        return filterset_for(self)

    def may_open_files(self, user) -> bool:
        return has_access(user, self.file_readers or self.readers)

    def shown_fields(self) -> tuple[str, ...]:
        """The fields of the detail page: as declared, or those the form edits."""
        if self.detail_fields:
            return self.detail_fields
        return tuple(self.form._meta.fields) if self.form is not None else ()

    def masks(self, user) -> dict[str, Mask]:
        return {} if sees_personal_data(user) else dict(self.personal_fields)

    # --- hooks --------------------------------------------------------------------------------------
    def list_context(self, request, rows: QuerySet) -> dict[str, Any]:
        """Extra context of the list (figures of the filtered ``rows`` shown beside them)."""
        return {}

    def detail_context(self, request, obj: models.Model) -> dict[str, Any]:
        """Extra context of the detail page (related records a register shows below its fields)."""
        return {}

    def form_for(self, user, obj: models.Model | None) -> type:
        """The form class for ``user`` (a register whose editors fill in different forms)."""
        return self.form

    def initial(self, request) -> dict[str, Any]:
        """Initial values of the create form (e.g. a parent record named in the query string)."""
        return {}

    def save(self, request, form) -> models.Model:
        """Save a valid form (a register whose writes span models calls its service here)."""
        return form.save()

    # --- routes -------------------------------------------------------------------------------------
    def urls(self) -> list:
        from .urls import register_urls

        return register_urls(self)
