"""Writing a checked plan: bulk operations in one transaction, one history row per record."""

from __future__ import annotations

from collections import defaultdict

from django.db import models, transaction

from ..bulk import insert_with_history
from ..changes import records_written
from .planning import Plan


def apply_plan(plan: Plan, *, user, reason: str, batch_size: int = 1000) -> tuple[int, int]:
    """Write a checked plan in one transaction; history rows carry ``reason`` and ``user``.

    Returns (created, updated). The caller has checked ``plan.ok``.
    """
    from simple_history.utils import bulk_update_with_history

    model = plan.register.model
    history_user = user if getattr(user, "pk", None) else None
    has_history = hasattr(model, "history")
    with transaction.atomic():
        if plan.to_create:
            if has_history:
                insert_with_history(model, plan.to_create, user=history_user, reason=reason)
            else:
                model._default_manager.bulk_create(plan.to_create, batch_size=batch_size)
        if plan.to_update:
            fields = sorted(plan.update_fields)
            if has_history:
                bulk_update_with_history(
                    plan.to_update,
                    model,
                    fields,
                    batch_size=batch_size,
                    default_user=history_user,
                    default_change_reason=reason,
                )
            elif fields:
                model._default_manager.bulk_update(plan.to_update, fields, batch_size=batch_size)
        _apply_many(plan)
        if plan.to_create or plan.to_update or plan.many:
            # Bulk writes send no post_save: say so, inside the transaction that writes.
            records_written.send(sender=model)
    return len(plan.to_create), len(plan.to_update)


def _apply_many(plan: Plan) -> None:
    by_field: dict[str, list[tuple[models.Model, list[models.Model]]]] = defaultdict(list)
    for instance, name, related in plan.many:
        by_field[name].append((instance, related))
    for name, pairs in by_field.items():
        manager_field = plan.register.model._meta.get_field(name)
        through = manager_field.remote_field.through
        source = manager_field.m2m_field_name()
        target = manager_field.m2m_reverse_field_name()
        ids = [i.pk for i, _r in pairs]
        through._default_manager.filter(**{f"{source}__in": ids}).delete()
        through._default_manager.bulk_create(
            [
                through(**{f"{source}_id": i.pk, f"{target}_id": o.pk})
                for i, related in pairs
                for o in related
            ],
            batch_size=1000,
        )
