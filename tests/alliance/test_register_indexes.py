"""Every register's list is served in its default order by an index, so a page of a large
list never sorts the whole table (issue 17: the student list spilled its sort to disk)."""

from __future__ import annotations

import pytest
from django.db import models

import alliance.urls  # noqa: F401  (every app's registers are declared by its URLs)
from alliance.registers.declaration import DECLARED


def _indexed_prefixes(model) -> list[list[tuple[str, bool]]]:
    """The leading columns of each index of ``model``, as (field name, descending)."""
    meta = model._meta
    found = [[(f.lstrip("-"), f.startswith("-")) for f in index.fields] for index in meta.indexes]
    found += [
        [(f, False) for f in c.fields]
        for c in meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields
    ]
    found += [[(f, False) for f in together] for together in meta.unique_together]
    for field in meta.concrete_fields:
        if field.db_index or field.unique or field.is_relation:
            found.append([(field.name, False)])
    return found


def _covers(indexed: list[tuple[str, bool]], wanted: list[tuple[str, bool]]) -> bool:
    """An index serves the order read forwards or backwards (all directions flipped)."""
    head = indexed[: len(wanted)]
    names = [n for n, _d in head] == [n for n, _d in wanted]
    same = [d for _n, d in head] == [d for _n, d in wanted]
    flipped = [not d for _n, d in head] == [d for _n, d in wanted]
    return len(head) == len(wanted) and names and (same or flipped)


def _needed(model, ordering) -> list[tuple[type, list[tuple[str, bool]]]]:
    """(model, columns) an index must lead with: the local fields of the order up to the first
    step into another table; an order that starts in another table (``enterprise__name``) needs
    the foreign key with the local fields after it, and the other table's field indexed."""
    needed, local = [], []
    for term in ordering:
        name, desc = term.lstrip("-"), term.startswith("-")
        name = "id" if name == "pk" else name
        if "__" in name:
            relation, _, rest = name.partition("__")
            if not local:
                related = model._meta.get_field(relation).related_model
                needed += _needed(related, [("-" if desc else "") + rest])
                local.append((relation, desc))
                continue
            break
        local.append((model._meta.get_field(name).name if name != "id" else "id", desc))
    # The primary key ends an order only to make it total: an index need not carry it.
    while len(local) > 1 and local[-1][0] == "id":
        local.pop()
    if local and local != [("id", False)] and local != [("id", True)]:
        needed.append((model, local))
    return needed


@pytest.mark.parametrize("register", DECLARED, ids=lambda r: f"{r.namespace}:{r.name}")
def test_the_default_order_of_every_list_has_an_index(register):
    ordering = register.model._meta.ordering
    for model, columns in _needed(register.model, ordering):
        assert any(_covers(i, columns) for i in _indexed_prefixes(model)), (
            f"{register.namespace}:{register.name} orders by {ordering}: add "
            f"models.Index(fields={[('-' if d else '') + n for n, d in columns]}) to "
            f"{model.__name__}.Meta.indexes"
        )
