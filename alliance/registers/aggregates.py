"""Figures of each listed row over its related records (hours taught, orders, photos).

``annotate(Count("orders"))`` joins and groups the whole filtered table, and the page count
groups it again: the craftsmen list summed 17,960 craftsmen's hours to show 25. These are
correlated subqueries instead: the database computes them for the rows of the page only, and
Django leaves them out of the count query (an annotation nothing filters or orders by).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce


def _related(model: type[models.Model], relation: str) -> tuple[type[models.Model], str]:
    """(the model holding one row per related record, its field pointing back at ``model``)."""
    field = model._meta.get_field(relation)
    if field.many_to_many:
        if field.auto_created:  # the reverse side of another model's ManyToManyField
            through = field.remote_field.through
            return through, field.field.m2m_reverse_field_name()
        return field.remote_field.through, field.m2m_field_name()
    return field.related_model, field.field.name


def _per_row(model, relation: str, aggregate, output, **filters) -> Subquery:
    related, link = _related(model, relation)
    rows = related._default_manager.filter(**{link: OuterRef("pk")}, **filters).order_by()
    return Subquery(
        rows.values(link).annotate(value=aggregate).values("value")[:1], output_field=output
    )


def row_count(model: type[models.Model], relation: str, **filters) -> Coalesce:
    """How many related records (of ``relation``, matching ``filters``) each row has."""
    return Coalesce(
        _per_row(model, relation, Count("pk"), IntegerField(), **filters),
        0,
        output_field=IntegerField(),
    )


def row_sum(model: type[models.Model], path: str, **filters) -> Subquery:
    """The sum of ``relation__field`` over each row's related records (None when it has none)."""
    relation, _, name = path.partition("__")
    related, _link = _related(model, relation)
    return _per_row(model, relation, Sum(name), related._meta.get_field(name), **filters)
