"""FilterSets of the members registers, shared by the list pages and the Excel export."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from alliance.years import YearFilter

from .models import (
    CouncilMeeting,
    MeetingKind,
    MeetingStatus,
    Organization,
    OrganizationKind,
    OrganizationStatus,
    Role,
    SchoolYearFigures,
    User,
)
from .selectors import members_at_end_of

LOCAL_CHOICES = [("true", _("Inside the county")), ("false", _("Outside the county"))]


def industry_choices() -> list[tuple[str, str]]:
    industries = (
        Organization.objects.exclude(industry="")
        .order_by("industry")
        .values_list("industry", flat=True)
        .distinct()
    )
    return [(name, name) for name in industries]


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices, label=_("kind"))
    industry = django_filters.ChoiceFilter(choices=industry_choices, label=_("industry"))
    is_local = django_filters.TypedChoiceFilter(
        choices=LOCAL_CHOICES, coerce=lambda v: v == "true", label=_("location")
    )
    status = django_filters.ChoiceFilter(choices=OrganizationStatus.choices, label=_("status"))
    year = YearFilter(method="member_in_year", label=_("member at the end of year"))

    class Meta:
        model = Organization
        fields = ["q", "kind", "industry", "is_local", "status", "year"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(credit_code__icontains=value.upper()))

    def member_in_year(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(pk__in=members_at_end_of(value).values("pk"))


class SchoolYearFiguresFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="school__name", lookup_expr="icontains", label=_("Search")
    )
    school = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.schools().order_by("name"), label=_("school")
    )
    year = YearFilter(label=_("year"))

    class Meta:
        model = SchoolYearFigures
        fields = ["q", "school", "year"]


class CouncilMeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    year = YearFilter(field_name="date", lookup_expr="year", label=_("year"))
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, label=_("status"))

    class Meta:
        model = CouncilMeeting
        fields = ["q", "year", "kind", "status"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value))


class AccountFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    role = django_filters.ChoiceFilter(choices=Role.choices, label=_("role"))
    is_active = django_filters.BooleanFilter(
        label=_("active"),
        widget=forms.Select(
            choices=[("", "---------"), ("true", _("Account enabled")), ("false", _("Deactivated"))]
        ),
    )

    class Meta:
        model = User
        fields = ["q", "role", "is_active"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(username__icontains=value)
            | Q(first_name__icontains=value)
            | Q(organization__name__icontains=value)
        )


def bootstrap_filter_form(form) -> None:
    """Filter forms use Bootstrap's small controls."""
    for field in form.fields.values():
        is_select = isinstance(field.widget, forms.Select)
        field.widget.attrs.setdefault(
            "class", "form-select form-select-sm" if is_select else "form-control form-control-sm"
        )
