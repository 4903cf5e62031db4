"""Forms of the member assessments and incentives (rules live in the models and services)."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.registers import PortalForm, RegisterFilterSet, RegisterForm, style_form
from alliance.years import YearFilter
from members.models import CouncilMeeting, MeetingStatus, Organization, OrganizationKind

from .assessments import (
    Assessment,
    AssessmentStatus,
    Grade,
    Incentive,
    IncentiveKind,
    ScoreItem,
)
from .forms import FIRST_YEAR

ASSESSED_KINDS = [OrganizationKind.SCHOOL, OrganizationKind.ENTERPRISE]


class AssessmentForm(RegisterForm):
    """The office's part of an assessment: the member and year (when opened by hand), the
    third-party evaluation and notes. Scores come from the assessors, the grade is computed."""

    class Meta:
        model = Assessment
        fields = [
            "organization",
            "year",
            "third_party_body",
            "third_party_score",
            "third_party_report",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["organization"].disabled = True
            self.fields["year"].disabled = True
        else:
            self.fields["year"].initial = timezone.localdate().year - 1

    def limit_choices(self, user) -> None:
        self.fields["organization"].queryset = Organization.objects.filter(
            kind__in=ASSESSED_KINDS
        ).order_by("kind", "name")


class ScoreForm(PortalForm):
    """One assessor's scores of the three items (0–100; an empty item is not scored)."""

    department = forms.CharField(
        label=_("scoring department"),
        max_length=50,
        help_text=_(
            "E.g. 临朐县教育和体育局: departments' score sheets are entered by the office."
        ),
    )
    comment = forms.CharField(label=_("comment"), required=False, widget=forms.Textarea)

    def __init__(self, *args, for_department: bool, **kwargs):
        super().__init__(*args, **kwargs)
        scores = {
            f"score_{item}": forms.DecimalField(
                label=label, required=False, min_value=0, max_value=100, decimal_places=1
            )
            for item, label in ScoreItem.choices
        }
        kept = {n: f for n, f in self.fields.items() if for_department or n != "department"}
        self.fields = {**scores, **kept}
        style_form(self)

    def scores(self) -> dict:
        return {item: self.cleaned_data.get(f"score_{item}") for item in ScoreItem.values}


class YearForm(PortalForm):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=2100)


class ApproveForm(YearForm):
    meeting = forms.ModelChoiceField(
        label=_("approved at council meeting"),
        queryset=CouncilMeeting.objects.filter(status=MeetingStatus.HELD).order_by("-date"),
    )


class AssessmentFilter(RegisterFilterSet):
    year = YearFilter(label=_("year"))
    kind = django_filters.ChoiceFilter(
        field_name="organization__kind",
        choices=[(k.value, k.label) for k in ASSESSED_KINDS],
        label=_("kind"),
    )
    grade = django_filters.ChoiceFilter(choices=Grade.choices, label=_("grade"))
    status = django_filters.ChoiceFilter(choices=AssessmentStatus.choices, label=_("status"))
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.filter(kind__in=ASSESSED_KINDS).order_by("name"),
        label=_("member"),
    )

    class Meta:
        model = Assessment
        fields = ["year", "kind", "grade", "status", "organization"]


class IncentiveForm(RegisterForm):
    class Meta:
        model = Incentive
        fields = [
            "kind",
            "amount",
            "granting_department",
            "recipient",
            "granted_on",
            "assessment",
            "purpose",
            "document",
        ]

    def limit_choices(self, user) -> None:
        self.fields["recipient"].queryset = Organization.objects.order_by("kind", "name")
        self.fields["assessment"].queryset = (
            Assessment.objects.exclude(status=AssessmentStatus.SCORING)
            .select_related("organization")
            .order_by("-year", "organization__name")
        )


class IncentiveFilter(RegisterFilterSet):
    year = YearFilter(field_name="granted_on", lookup_expr="year", label=_("year"))
    kind = django_filters.ChoiceFilter(choices=IncentiveKind.choices, label=_("kind of support"))
    recipient = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.order_by("name"), label=_("recipient")
    )

    class Meta:
        model = Incentive
        fields = ["year", "kind", "recipient"]
