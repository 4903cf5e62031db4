"""FilterSets of the training registers (the lists and the Excel export share them).

Every register accepts the shared drill-down parameters where they make sense: ``year``,
``school``, ``enterprise`` (organisation ids); ``q`` (the search box) comes from the register's
``search`` declaration.
"""

from __future__ import annotations

import datetime as dt

import django_filters as df
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from alliance.registers import RegisterFilterSet
from alliance.years import FIRST_YEAR, LAST_YEAR, YearFilter
from members.models import Organization

from .models import (
    AppointmentDirection,
    AssignmentKind,
    Certification,
    CertificationLevel,
    CoBuiltInstitution,
    ContributionKind,
    Craftsman,
    CraftsmanRole,
    EquipmentDirection,
    ExchangeArea,
    FundingDepartment,
    InSchoolWorkshop,
    InstitutionKind,
    InstitutionYear,
    PartnerExchange,
    PartnerInstitution,
    PartnerKind,
    Patent,
    PatentKind,
    PatentStatus,
    PlatformStatus,
    ProgrammeAudience,
    ProjectKind,
    ProjectStatus,
    QualityEvaluationSurvey,
    Secondment,
    SecondmentStatus,
    ServiceProject,
    SharedEquipment,
    SkillLevel,
    SurveyMethod,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    Term,
    TrainingBase,
    TrainingProgramme,
    TwoWayAppointment,
    WorkshopContribution,
    WorkshopStatus,
)


def _schools(request) -> QuerySet[Organization]:
    return Organization.objects.schools()


def _enterprises(request) -> QuerySet[Organization]:
    return Organization.objects.enterprises()


def _overlapping_year(start: str, end: str | None):
    """Rows whose period (or open-ended life) overlaps the calendar year."""

    def method(queryset, name, value):
        if not value:
            return queryset
        first, last = dt.date(value, 1, 1), dt.date(value, 12, 31)
        if end is None:
            return queryset.filter(**{f"{start}__range": (first, last)})
        return queryset.filter(
            Q(**{f"{start}__lte": last})
            & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": first}))
        )

    return method


def _year_filter(method) -> YearFilter:
    return YearFilter(
        label=_("Year"),
        method=method,
        widget=forms.NumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR}),
    )


def _school_filter(field: str = "school") -> df.ModelChoiceFilter:
    return df.ModelChoiceFilter(field_name=field, label=_("School"), queryset=_schools)


def _enterprise_filter(field: str = "enterprise") -> df.ModelChoiceFilter:
    # Through a many-to-many (a workshop's, a programme's partners) one enterprise matches at
    # most one link per record: no row repeats, and no DISTINCT sorts the whole table.
    return df.ModelChoiceFilter(field_name=field, label=_("Enterprise"), queryset=_enterprises)


class InSchoolWorkshopFilter(RegisterFilterSet):
    school = _school_filter()
    enterprise = _enterprise_filter("enterprises")
    status = df.ChoiceFilter(choices=WorkshopStatus.choices, label=_("Status"))
    year = _year_filter(
        lambda qs, name, value: (
            qs.filter(Q(opened_on__isnull=True) | Q(opened_on__year__lte=value)) if value else qs
        )
    )

    class Meta:
        model = InSchoolWorkshop
        fields = ["school", "enterprise", "status", "year"]


class TrainingBaseFilter(RegisterFilterSet):
    enterprise = _enterprise_filter()
    status = df.ChoiceFilter(choices=PlatformStatus.choices, label=_("Status"))
    year = _year_filter(_overlapping_year("established_on", "closed_on"))

    class Meta:
        model = TrainingBase
        fields = ["enterprise", "status", "year"]


class TeacherStationFilter(RegisterFilterSet):
    enterprise = _enterprise_filter()
    year = _year_filter(_overlapping_year("established_on", "closed_on"))

    class Meta:
        model = TeacherStation
        fields = ["enterprise", "year"]


class TeacherFilter(RegisterFilterSet):
    school = _school_filter()
    is_professional = df.BooleanFilter(label=_("Professional teacher"))
    is_dual_qualified = df.BooleanFilter(label=_("Dual-qualified teacher"))

    class Meta:
        model = Teacher
        fields = ["school", "is_professional", "is_dual_qualified"]


class SecondmentFilter(RegisterFilterSet):
    school = _school_filter("teacher__school")
    enterprise = _enterprise_filter()
    status = df.ChoiceFilter(choices=SecondmentStatus.choices, label=_("Status"))
    year = _year_filter(_overlapping_year("start_on", "end_on"))

    class Meta:
        model = Secondment
        fields = ["school", "enterprise", "status", "year"]


class CraftsmanFilter(RegisterFilterSet):
    enterprise = _enterprise_filter()
    skill_level = df.ChoiceFilter(choices=SkillLevel.choices, label=_("Skill level"))
    role = df.ChoiceFilter(choices=CraftsmanRole.choices, label=_("Role"))
    active = df.BooleanFilter(label=_("Active"))

    class Meta:
        model = Craftsman
        fields = ["enterprise", "skill_level", "role", "active"]


class TeachingAssignmentFilter(RegisterFilterSet):
    school = _school_filter()
    enterprise = _enterprise_filter("craftsman__enterprise")
    year = YearFilter(label=_("Year"))
    term = df.ChoiceFilter(choices=Term.choices, label=_("Term"))
    kind = df.ChoiceFilter(choices=AssignmentKind.choices, label=_("Kind"))

    class Meta:
        model = TeachingAssignment
        fields = ["school", "enterprise", "year", "term", "kind"]


class TrainingProgrammeFilter(RegisterFilterSet):
    school = _school_filter()
    enterprise = _enterprise_filter("enterprises")
    funding_department = df.ChoiceFilter(
        choices=FundingDepartment.choices, label=_("Funding department")
    )
    audience = df.ChoiceFilter(choices=ProgrammeAudience.choices, label=_("Audience"))
    # Person-times count in the year a programme starts (as the 2× obligation does).
    year = _year_filter(_overlapping_year("start_on", None))

    class Meta:
        model = TrainingProgramme
        fields = ["school", "enterprise", "funding_department", "audience", "year"]


class CertificationFilter(RegisterFilterSet):
    school = _school_filter()
    level = df.ChoiceFilter(choices=CertificationLevel.choices, label=_("Level"))
    year = YearFilter(field_name="assessed_on", lookup_expr="year", label=_("Year"))

    class Meta:
        model = Certification
        fields = ["school", "level", "year"]


# --- co-building (issue 15) ----------------------------------------------------------------------


class DistinctFilterSet(RegisterFilterSet):
    @property
    def qs(self):
        # Filtering on partner enterprises joins the M2M: one row per record.
        return super().qs.distinct()


class CoBuiltInstitutionFilter(DistinctFilterSet):
    kind = df.ChoiceFilter(choices=InstitutionKind.choices, label=_("Kind"))
    school = _school_filter()
    enterprise = _enterprise_filter("enterprises")
    year = _year_filter(_overlapping_year("founded_on", "closed_on"))

    class Meta:
        model = CoBuiltInstitution
        fields = ["kind", "school", "enterprise", "year"]


class InstitutionYearFilter(RegisterFilterSet):
    kind = df.ChoiceFilter(
        field_name="institution__kind", choices=InstitutionKind.choices, label=_("Kind")
    )
    school = _school_filter("institution__school")
    year = YearFilter(label=_("Year"))

    class Meta:
        model = InstitutionYear
        fields = ["kind", "school", "year"]


class ServiceProjectFilter(DistinctFilterSet):
    kind = df.ChoiceFilter(choices=ProjectKind.choices, label=_("Kind"))
    school = _school_filter()
    enterprise = _enterprise_filter("enterprises")
    status = df.ChoiceFilter(choices=ProjectStatus.choices, label=_("Status"))
    year = _year_filter(_overlapping_year("start_on", "end_on"))

    class Meta:
        model = ServiceProject
        fields = ["kind", "school", "enterprise", "status", "year"]


class PatentFilter(DistinctFilterSet):
    kind = df.ChoiceFilter(choices=PatentKind.choices, label=_("Kind"))
    status = df.ChoiceFilter(choices=PatentStatus.choices, label=_("Status"))
    school = _school_filter()
    enterprise = _enterprise_filter("enterprises")
    institution = df.ModelChoiceFilter(
        label=_("Co-built institution"), queryset=lambda request: CoBuiltInstitution.objects.all()
    )
    year = YearFilter(field_name="filed_on", lookup_expr="year", label=_("Year filed"))

    class Meta:
        model = Patent
        fields = ["kind", "status", "school", "enterprise", "institution", "year"]


class SharedEquipmentFilter(RegisterFilterSet):
    direction = df.ChoiceFilter(choices=EquipmentDirection.choices, label=_("Kind"))
    school = _school_filter()
    enterprise = _enterprise_filter()
    year = _year_filter(_overlapping_year("since", "until"))

    class Meta:
        model = SharedEquipment
        fields = ["direction", "school", "enterprise", "year"]


class WorkshopContributionFilter(RegisterFilterSet):
    school = _school_filter("workshop__school")
    kind = df.ChoiceFilter(choices=ContributionKind.choices, label=_("Contribution"))
    year = YearFilter(label=_("Year"))

    class Meta:
        model = WorkshopContribution
        fields = ["school", "kind", "year"]


class TwoWayAppointmentFilter(RegisterFilterSet):
    direction = df.ChoiceFilter(choices=AppointmentDirection.choices, label=_("Direction"))
    school = _school_filter()
    enterprise = _enterprise_filter()
    year = _year_filter(_overlapping_year("start_on", "end_on"))

    class Meta:
        model = TwoWayAppointment
        fields = ["direction", "school", "enterprise", "year"]


class PartnerInstitutionFilter(RegisterFilterSet):
    school = _school_filter()
    kind = df.ChoiceFilter(choices=PartnerKind.choices, label=_("Kind"))

    class Meta:
        model = PartnerInstitution
        fields = ["school", "kind"]


class PartnerExchangeFilter(RegisterFilterSet):
    school = _school_filter("partner__school")
    area = df.ChoiceFilter(choices=ExchangeArea.choices, label=_("Area"))
    year = YearFilter(field_name="date", lookup_expr="year", label=_("Year"))

    class Meta:
        model = PartnerExchange
        fields = ["school", "area", "year"]


class QualityEvaluationSurveyFilter(DistinctFilterSet):
    method = df.ChoiceFilter(choices=SurveyMethod.choices, label=_("Method"))
    school = _school_filter()
    enterprise = _enterprise_filter("enterprises")
    year = YearFilter(label=_("Year"), field_name="held_on", lookup_expr="year")

    class Meta:
        model = QualityEvaluationSurvey
        fields = ["method", "school", "enterprise", "year"]
