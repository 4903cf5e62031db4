"""FilterSets of the members registers, shared by the list pages and the Excel export.

The search box comes from each register's ``search`` declaration (``members.registers``).
"""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.registers import RegisterFilterSet
from alliance.years import YearFilter

from .models import (
    OPEN_TASK_STATUSES,
    AdviceOutcome,
    AllianceOffice,
    CouncilMeeting,
    CouncilRole,
    CouncilSeat,
    DocumentKind,
    DocumentStatus,
    ExpertConsultation,
    ExpertMember,
    ExpertRole,
    Major,
    MajorStatus,
    MediaKind,
    MediaReport,
    MeetingKind,
    MeetingStatus,
    ModelCase,
    ModelCaseKind,
    ModelCaseStatus,
    OfficeBudget,
    OfficeStaff,
    Organization,
    OrganizationKind,
    OrganizationStatus,
    PolicyDocument,
    Role,
    SchoolYearFigures,
    TaskStatus,
    User,
    WorkPlan,
    WorkTask,
)
from .selectors import documents_in_force, members_at_end_of

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


# --- governance registers --------------------------------------------------------------------------


class PolicyDocumentFilter(RegisterFilterSet):
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=DocumentStatus.choices, label=_("status"))
    year = YearFilter(method="in_force_in", label=_("in force at the end of year"))

    class Meta:
        model = PolicyDocument
        fields = ["kind", "status", "year"]

    def in_force_in(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # The same rule as the documents_in_force figure, so its drill-down lists what it counts.
        return queryset.filter(pk__in=[d.pk for d in documents_in_force(value)])


class AllianceOfficeFilter(RegisterFilterSet):
    host = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.order_by("name"), label=_("shares offices with")
    )

    class Meta:
        model = AllianceOffice
        fields = ["host"]


class OfficeBudgetFilter(RegisterFilterSet):
    office = django_filters.ModelChoiceFilter(
        queryset=AllianceOffice.objects.order_by("name"), label=_("office")
    )
    year = YearFilter(label=_("year"))

    class Meta:
        model = OfficeBudget
        fields = ["office", "year"]


class OfficeStaffFilter(RegisterFilterSet):
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.order_by("name"), label=_("seconded from")
    )

    class Meta:
        model = OfficeStaff
        fields = ["organization"]


class ExpertConsultationFilter(RegisterFilterSet):
    year = YearFilter(field_name="date", lookup_expr="year", label=_("year"))
    outcome = django_filters.ChoiceFilter(choices=AdviceOutcome.choices, label=_("adopted"))

    class Meta:
        model = ExpertConsultation
        fields = ["year", "outcome"]


class WorkPlanFilter(RegisterFilterSet):
    year = YearFilter(label=_("year"))

    class Meta:
        model = WorkPlan
        fields = ["year"]


class WorkTaskFilter(RegisterFilterSet):
    year = YearFilter(field_name="plan__year", label=_("year"))
    owner = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.order_by("kind", "name"), label=_("owner")
    )
    status = django_filters.ChoiceFilter(choices=TaskStatus.choices, label=_("status"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("overdue"))

    class Meta:
        model = WorkTask
        fields = ["year", "owner", "status", "overdue"]

    def filter_overdue(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if value is None:
            return queryset
        late = Q(status__in=OPEN_TASK_STATUSES, deadline__lt=timezone.localdate())
        return queryset.filter(late) if value else queryset.exclude(late)


class MediaReportFilter(RegisterFilterSet):
    year = YearFilter(field_name="published_on", lookup_expr="year", label=_("year"))
    kind = django_filters.ChoiceFilter(choices=MediaKind.choices, label=_("medium"))
    organization = django_filters.ModelChoiceFilter(
        field_name="organizations",
        queryset=Organization.objects.order_by("name"),
        label=_("organisation featured"),
    )

    class Meta:
        model = MediaReport
        fields = ["year", "kind", "organization"]


class ModelCaseFilter(RegisterFilterSet):
    year = YearFilter(label=_("year"))
    kind = django_filters.ChoiceFilter(choices=ModelCaseKind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=ModelCaseStatus.choices, label=_("status"))
    in_report = django_filters.BooleanFilter(label=_("in the annual report"))
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.order_by("name"), label=_("organisation")
    )

    class Meta:
        model = ModelCase
        fields = ["year", "kind", "status", "in_report", "organization"]
