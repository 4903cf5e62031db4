"""FilterSets of the members registers, shared by the list pages and the Excel export.

The search box comes from each register's ``search`` declaration (``members.registers``).
"""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from alliance.registers import RegisterFilterSet
from alliance.years import YearFilter

from .models import (
    CouncilMeeting,
    CouncilRole,
    CouncilSeat,
    ExpertMember,
    ExpertRole,
    Major,
    MajorStatus,
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


class OrganizationFilter(RegisterFilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices, label=_("kind"))
    industry = django_filters.ChoiceFilter(choices=industry_choices, label=_("industry"))
    is_local = django_filters.TypedChoiceFilter(
        choices=LOCAL_CHOICES, coerce=lambda v: v == "true", label=_("location")
    )
    status = django_filters.ChoiceFilter(choices=OrganizationStatus.choices, label=_("status"))
    year = YearFilter(method="member_in_year", label=_("member at the end of year"))

    class Meta:
        model = Organization
        fields = ["kind", "industry", "is_local", "status", "year"]

    def member_in_year(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(pk__in=members_at_end_of(value).values("pk"))


class SchoolYearFiguresFilter(RegisterFilterSet):
    school = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.schools().order_by("name"), label=_("school")
    )
    year = YearFilter(label=_("year"))

    class Meta:
        model = SchoolYearFigures
        fields = ["school", "year"]


class CouncilSeatFilter(RegisterFilterSet):
    role = django_filters.ChoiceFilter(choices=CouncilRole.choices, label=_("council role"))
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.order_by("name"), label=_("organisation")
    )

    class Meta:
        model = CouncilSeat
        fields = ["role", "organization"]


class ExpertMemberFilter(RegisterFilterSet):
    role = django_filters.ChoiceFilter(choices=ExpertRole.choices, label=_("committee role"))
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.order_by("name"), label=_("organisation")
    )

    class Meta:
        model = ExpertMember
        fields = ["role", "organization"]


class CouncilMeetingFilter(RegisterFilterSet):
    year = YearFilter(field_name="date", lookup_expr="year", label=_("year"))
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, label=_("status"))

    class Meta:
        model = CouncilMeeting
        fields = ["year", "kind", "status"]


class AccountFilter(RegisterFilterSet):
    role = django_filters.ChoiceFilter(choices=Role.choices, label=_("role"))
    is_active = django_filters.BooleanFilter(label=_("active"))

    class Meta:
        model = User
        fields = ["role", "is_active"]


class MajorFilter(RegisterFilterSet):
    school = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.schools().order_by("name"), label=_("school")
    )
    status = django_filters.ChoiceFilter(choices=MajorStatus.choices, label=_("major status"))
    industry = django_filters.CharFilter(label=_("county industry served"), lookup_expr="icontains")
    has_partner = django_filters.BooleanFilter(
        label=_("with a partner enterprise"), method="filter_has_partner"
    )

    class Meta:
        model = Major
        fields = ["school", "status", "industry", "has_partner"]

    def filter_has_partner(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if value is None:
            return queryset
        if value:
            return queryset.filter(enterprises__isnull=False).distinct()
        return queryset.filter(enterprises__isnull=True)
