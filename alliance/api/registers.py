"""Every register read-only through the API, built from its declaration with no code of its own.

For each register whose pages exist (``alliance.registers.urls.declared_registers``) this
module makes two endpoints — the list (its FilterSet's filters: ``year``, ``school``,
``enterprise``, ``q``…, paged) and one record — that read the rows through the register's
``scope``, show the fields of its detail page, and mask its ``personal_fields`` for everyone but
the secretariat, exactly as the pages do. Who may call them is the register's ``readers``.
"""

from __future__ import annotations

from django.db import models
from django.urls import path, reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from alliance.registers import Register
from alliance.registers.urls import declared_registers
from alliance.registers.views import audit_personal_data


@extend_schema_field(
    {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
        "required": ["id", "name"],
    }
)
class RelatedRecord(serializers.RelatedField):
    """A related row as its id and the name the pages show for it."""

    def to_representation(self, value) -> dict:
        return {"id": value.pk, "name": str(value)}


@extend_schema_field(OpenApiTypes.URI)
class FileLink(serializers.Field):
    """An upload as the address of the register's file view (which checks who asks again)."""

    def __init__(self, register: Register, **kwargs):
        self.register = register
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance) -> str | None:
        if not getattr(instance, self.field_name):
            return None
        url = reverse(self.register.url_name("file"), args=[instance.pk, self.field_name])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


def _model_fields(register: Register) -> list[models.Field]:
    meta = register.model._meta
    return [meta.get_field(name) for name in register.shown_fields()]


class RecordSerializer(serializers.ModelSerializer):
    """Masks the register's personal fields for whoever the view says (``context["masks"]``),
    and leaves out the uploads' addresses for readers who may not open the files."""

    file_fields: tuple[str, ...] = ()

    def to_representation(self, instance) -> dict:
        data = super().to_representation(instance)
        for name, mask in self.context.get("masks", {}).items():
            if data.get(name) not in (None, ""):
                data[name] = mask(str(data[name]))
        if not self.context.get("may_open_files", False):
            for name in self.file_fields:
                data[name] = None
        return data


def serializer_for(register: Register) -> type[RecordSerializer]:
    """The register's record as JSON: ``id``, the fields of its detail page and the addresses of
    the uploads its file view serves (as the detail page lists them)."""
    attrs: dict = {"file_fields": tuple(register.files)}
    names = ["id"]
    for field in _model_fields(register):
        name = field.name
        if isinstance(field, models.FileField):
            continue  # an upload is served by the file view alone (below), never from MEDIA_URL
        if field.is_relation:
            many = field.many_to_many or field.one_to_many
            attrs[name] = RelatedRecord(read_only=True, many=many)
        elif name in register.personal_fields:
            # Masked text for most readers, whatever the column's type.
            attrs[name] = serializers.CharField(read_only=True, label=field.verbose_name)
        names.append(name)
    for name in register.files:
        attrs[name] = FileLink(
            register, label=register.model._meta.get_field(name).verbose_name, allow_null=True
        )
        names.append(name)
    meta = type("Meta", (), {"model": register.model, "fields": names, "read_only_fields": names})
    class_name = f"{register.namespace.title()}{register.name.title().replace('_', '')}"
    return type(class_name, (RecordSerializer,), {**attrs, "Meta": meta})


class RegisterEndpoint(viewsets.ReadOnlyModelViewSet):
    """The list and the record of one register (``register`` is set per register)."""

    register: Register
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        user = self.request.user
        register = self.register
        rows = register.list_queryset(user) if self.action == "list" else register.queryset(user)
        single, many = [], []
        for field in _model_fields(register):
            if field.many_to_many or field.one_to_many:
                many.append(field.name)
            elif field.is_relation:
                single.append(field.name)
        if single:
            rows = rows.select_related(*single)
        if many:
            rows = rows.prefetch_related(*many)
        # Pages need a stable order.
        return rows if rows.ordered else rows.order_by("pk")

    def get_serializer_context(self) -> dict:
        user = self.request.user
        return {
            **super().get_serializer_context(),
            "masks": self.register.masks(user),
            "may_open_files": self.register.may_open_files(user),
        }

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        audit_personal_data(request, self.register)
        return response

    def retrieve(self, request, *args, **kwargs):
        record = self.get_object()
        audit_personal_data(request, self.register, record)
        return Response(self.get_serializer(record).data)


def endpoint_for(register: Register) -> type[RegisterEndpoint]:
    label = register.heading()
    tag = f"registers: {register.namespace}"
    endpoint = type(
        f"{register.model.__name__}{register.name.title()}Endpoint",
        (RegisterEndpoint,),
        {
            "register": register,
            "audience": register.readers,
            "serializer_class": serializer_for(register),
            "filterset_class": register.filterset_class(),
            "__doc__": f"{register.model._meta.verbose_name_plural} ({register.url_name('list')})",
        },
    )
    # Operation ids named like the routes: a client picks "training_base_list" from the document.
    prefix = f"{register.namespace}_{register.name}"
    return extend_schema_view(
        list=extend_schema(tags=[tag], summary=f"{label}: list", operation_id=f"{prefix}_list"),
        retrieve=extend_schema(
            tags=[tag], summary=f"{label}: one record", operation_id=f"{prefix}_detail"
        ),
    )(endpoint)


def register_routes() -> list:
    """The routes of every declared register: ``registers/<namespace>/<slug>/`` and ``<pk>/``,
    named ``<namespace>_<name>_list`` and ``<namespace>_<name>_detail``."""
    routes = []
    for register in declared_registers():
        endpoint = endpoint_for(register)
        prefix = f"registers/{register.namespace}/{register.slug}/"
        for suffix, actions, page in (
            ("", {"get": "list"}, "list"),
            ("<int:pk>/", {"get": "retrieve"}, "detail"),
        ):
            view = endpoint.as_view(actions)
            view.access = register.readers  # for the URL sweep and the menus
            routes.append(
                path(prefix + suffix, view, name=f"{register.namespace}_{register.name}_{page}")
            )
    return routes
