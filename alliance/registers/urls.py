"""The routes of a register, built from its declaration, each with its audience."""

from __future__ import annotations

from functools import partial

from django.urls import path

from alliance.access import allow

from .declaration import Register
from .files import file_view
from .options import has_searchable_choices
from .views import RegisterCreate, RegisterDetail, RegisterList, RegisterUpdate, register_options

#: every register whose routes were built, by "namespace:name": the open API reads each one
#: (alliance.api.registers) with no line of its own.
DECLARED: dict[str, Register] = {}


def declared_registers() -> list[Register]:
    """The registers with pages, in the order their URL configurations declared them (complete
    once the project's URL configuration is loaded: ``alliance.urls`` includes the API after the
    apps for this reason)."""
    return list(DECLARED.values())


def register_urls(register: Register) -> list:
    slug, name = register.slug, register.name
    DECLARED[f"{register.namespace}:{name}"] = register
    readers = allow(register.readers)
    routes = [
        path(f"{slug}/", readers(RegisterList.as_view(register=register)), name=f"{name}_list"),
        path(
            f"{slug}/<int:pk>/",
            readers(RegisterDetail.as_view(register=register)),
            name=f"{name}_detail",
        ),
    ]
    if has_searchable_choices(register):
        routes.append(
            path(
                f"{slug}/options/<str:kind>/<str:field>/",
                readers(partial(register_options, register=register)),
                name=f"{name}_options",
            )
        )
    if register.form is not None and register.editors is not None:
        editors = allow(register.editors)
        creators = allow(register.creation_audience())
        routes += [
            path(
                f"{slug}/new/",
                creators(RegisterCreate.as_view(register=register)),
                name=f"{name}_create",
            ),
            path(
                f"{slug}/<int:pk>/edit/",
                editors(RegisterUpdate.as_view(register=register)),
                name=f"{name}_update",
            ),
        ]
    if register.files:
        routes.append(
            path(
                f"{slug}/<int:pk>/files/<str:field>/",
                allow(register.file_readers or register.readers)(
                    file_view(type(register).scope, register.files)
                ),
                name=f"{name}_file",
            )
        )
    return routes
