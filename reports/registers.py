"""The registers of the reports app: member assessments and the incentives they justify."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from alliance.access import EVERYONE, SECRETARIAT_ONLY
from alliance.registers import DateColumn, NumberColumn, Register, RegisterTable

from . import assessment_forms as forms
from . import permissions, services
from .assessments import Assessment, Incentive, method_text


class AssessmentTable(RegisterTable):
    organization = tables.Column(
        order_by=("organization__name",),
        linkify=("reports:assessment_detail", [tables.A("pk")]),
    )
    kind = tables.Column(
        accessor="organization__kind", verbose_name=_("kind"), order_by=("organization__kind",)
    )
    total_score = NumberColumn()
    grade = tables.Column(default="—")

    class Meta(RegisterTable.Meta):
        model = Assessment
        fields = ("year", "organization", "kind", "total_score", "grade", "status")

    def render_kind(self, record):
        return record.organization.get_kind_display()


class AssessmentRegister(Register):
    model = Assessment
    namespace, name, slug = "reports", "assessment", "assessments"
    icon = "clipboard2-check"
    label, create_label = _("Member assessments"), _("Open an assessment")
    table = AssessmentTable
    filterset = forms.AssessmentFilter
    search = ("organization__name",)
    related = ("organization", "approved_at_meeting")
    readers, editors = EVERYONE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.assessments_visible_to)
    editable = staticmethod(permissions.assessments_editable_by)
    form = forms.AssessmentForm
    files = ("third_party_report",)
    excel = "assessments"
    list_template = "reports/assessment_list.html"
    detail_template = "reports/assessment_detail.html"
    detail_fields = (
        "organization",
        "year",
        "status",
        "grade",
        "total_score",
        "indicator_score",
        "assessor_score",
        "third_party_body",
        "third_party_score",
        "approved_at_meeting",
        "published_on",
        "notes",
    )

    def save(self, request, form):
        return services.assessment_save(assessment=form.save(commit=False))

    def list_context(self, request, rows):
        return {
            "method": method_text(),
            "manages": permissions.manages_assessments(request.user),
        }

    def detail_context(self, request, obj):
        return {
            "method": method_text(),
            "scores": list(obj.scores.select_related("assessor")),
            "incentives_granted": list(obj.incentives.all()),
        }


ASSESSMENTS = AssessmentRegister()


class IncentiveTable(RegisterTable):
    granted_on = DateColumn()
    recipient = tables.Column(
        order_by=("recipient__name",), linkify=("reports:incentive_detail", [tables.A("pk")])
    )
    amount = NumberColumn(digits=2)

    class Meta(RegisterTable.Meta):
        model = Incentive
        fields = ("granted_on", "recipient", "kind", "amount", "granting_department", "assessment")


class IncentiveRegister(Register):
    model = Incentive
    namespace, name, slug = "reports", "incentive", "incentives"
    icon = "cash-coin"
    label, create_label = _("Incentives"), _("Record support granted")
    table = IncentiveTable
    filterset = forms.IncentiveFilter
    search = ("recipient__name", "granting_department", "purpose")
    related = ("recipient", "assessment__organization")
    readers, editors = EVERYONE, SECRETARIAT_ONLY
    scope = staticmethod(permissions.incentives_visible_to)
    editable = staticmethod(permissions.incentives_editable_by)
    form = forms.IncentiveForm
    files = ("document",)
    excel = "incentives"
    detail_fields = (
        "kind",
        "amount",
        "granting_department",
        "recipient",
        "granted_on",
        "assessment",
        "purpose",
    )


INCENTIVES = IncentiveRegister()
