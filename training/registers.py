"""The training registers, each declared once for the register framework (alliance.registers)."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from alliance.access import ENTERPRISE_STAFF, EVERYONE
from alliance.registers import Register, RegisterTable

from . import filters, forms, permissions
from .models import TrainingBase


class TrainingBaseTable(RegisterTable):
    name = tables.Column(linkify=("training:base_detail", [tables.A("pk")]))
    enterprise = tables.Column(order_by=("enterprise__name",))
    majors = tables.Column(default="—")
    capacity = tables.Column(attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}})
    masters_count = tables.Column(
        verbose_name=_("Masters"), attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}}
    )
    established_on = tables.DateColumn(format="Y-m-d")
    status = tables.Column()

    class Meta(RegisterTable.Meta):
        model = TrainingBase
        fields = ("name", "enterprise", "majors", "capacity", "masters_count", "established_on")
        sequence = (*fields, "status")


class TrainingBaseRegister(Register):
    model = TrainingBase
    namespace, name, slug = "training", "base", "bases"
    icon = "buildings"
    label, create_label = _("Training bases"), _("New training base")
    table = TrainingBaseTable
    filterset = filters.TrainingBaseFilter
    search = ("name", "majors", "address", "master_names", "enterprise__name")
    related = ("enterprise",)
    readers, editors = EVERYONE, ENTERPRISE_STAFF
    scope = staticmethod(permissions.bases_visible_to)
    editable = staticmethod(permissions.bases_editable_by)
    form = forms.TrainingBaseForm
    excel = "bases"
    detail_fields = (
        "enterprise",
        "name",
        "address",
        "capacity",
        "majors",
        "masters_count",
        "master_names",
        "established_on",
        "closed_on",
        "status",
    )


BASES = TrainingBaseRegister()
