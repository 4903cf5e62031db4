"""FilterSets of the placements registers (list pages and Excel exports share them).

Every register accepts the shared drill-down parameters where they make sense: ``year``,
``school`` and ``enterprise`` (organisation ids); the search box (``q``) comes from each
register's ``search`` declaration (``placements.registers``).
"""

from __future__ import annotations

import datetime as dt

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from alliance.registers import RegisterFilterSet
from alliance.years import YearFilter
from members.models import Organization

from .models import (
    Apprenticeship,
    ApprenticeshipMode,
    ApprenticeshipPath,
    ApprenticeshipStatus,
    CareerMentor,
    CoDevelopedMaterial,
    Destination,
    EmployerLocation,
    GraduatePlacement,
    HireStatus,
    Internship,
    InternshipEvaluation,
    InternshipStage,
    MaterialKind,
    OrderClass,
    OrderClassEnrolment,
    OrderClassKind,
    OutreachEvent,
    OutreachKind,
    PreferenceArea,
    PreferentialMeasure,
    Student,
    StudyMode,
    TalentDemand,
)


def _schools(request) -> QuerySet[Organization]:
    return Organization.objects.schools()


def _enterprises(request) -> QuerySet[Organization]:
    return Organization.objects.enterprises()


def _overlapping(start: str, end: str):
    """Rows whose period [start, end] overlaps the calendar year."""

    def method(queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            **{f"{start}__lte": dt.date(value, 12, 31), f"{end}__gte": dt.date(value, 1, 1)}
        )

    return method


class StudentFilter(RegisterFilterSet):
    school = django_filters.ModelChoiceFilter(label=_("school"), queryset=_schools)
    year = YearFilter(label=_("enrolment year"), field_name="enrolment_year")
    major = django_filters.CharFilter(
        label=_("major"), field_name="major__name", lookup_expr="icontains"
    )
    study_mode = django_filters.ChoiceFilter(label=_("study mode"), choices=StudyMode.choices)

    class Meta:
        model = Student
        fields = ["school", "year", "major", "study_mode"]


class OrderClassFilter(RegisterFilterSet):
    school = django_filters.ModelChoiceFilter(label=_("school"), queryset=_schools)
    enterprise = django_filters.ModelChoiceFilter(
        label=_("enterprise"), queryset=_enterprises, method="filter_enterprise"
    )
    year = YearFilter(label=_("graduation year"), field_name="graduation_year")
    kind = django_filters.ChoiceFilter(label=_("kind of class"), choices=OrderClassKind.choices)

    class Meta:
        model = OrderClass
        fields = ["school", "enterprise", "year", "kind"]

    def filter_enterprise(self, queryset, name, value):
        return queryset.filter(enterprises=value).distinct() if value else queryset


class OrderClassEnrolmentFilter(RegisterFilterSet):
    """The students of order classes (exported from an order class's page; not a register)."""

    search_fields = ("student__name", "student__student_number", "order_class__name")
    school = django_filters.ModelChoiceFilter(
        label=_("school"), queryset=_schools, field_name="order_class__school"
    )
    enterprise = django_filters.ModelChoiceFilter(
        label=_("enterprise"), queryset=_enterprises, method="filter_enterprise"
    )
    year = YearFilter(label=_("graduation year"), field_name="order_class__graduation_year")
    order_class = django_filters.NumberFilter(label=_("order class"), field_name="order_class")

    class Meta:
        model = OrderClassEnrolment
        fields = ["school", "enterprise", "year", "order_class"]

    def filter_enterprise(self, queryset, name, value):
        return queryset.filter(order_class__enterprises=value).distinct() if value else queryset


class ApprenticeshipFilter(RegisterFilterSet):
    school = django_filters.ModelChoiceFilter(
        label=_("school"), queryset=_schools, field_name="student__school"
    )
    enterprise = django_filters.ModelChoiceFilter(label=_("enterprise"), queryset=_enterprises)
    year = YearFilter(label=_("Year"), method="filter_year")
    status = django_filters.ChoiceFilter(label=_("status"), choices=ApprenticeshipStatus.choices)
    mode = django_filters.ChoiceFilter(label=_("training mode"), choices=ApprenticeshipMode.choices)
    path = django_filters.ChoiceFilter(label=_("path"), choices=ApprenticeshipPath.choices)

    class Meta:
        model = Apprenticeship
        fields = ["school", "enterprise", "year", "status", "mode", "path"]

    filter_year = staticmethod(_overlapping("contract_start", "contract_end"))


class InternshipFilter(RegisterFilterSet):
    school = django_filters.ModelChoiceFilter(
        label=_("school"), queryset=_schools, field_name="student__school"
    )
    enterprise = django_filters.ModelChoiceFilter(label=_("enterprise"), queryset=_enterprises)
    year = YearFilter(label=_("Year"), method="filter_year")
    evaluation = django_filters.ChoiceFilter(
        label=_("evaluation"), choices=InternshipEvaluation.choices
    )
    stage = django_filters.ChoiceFilter(label=_("stage"), choices=InternshipStage.choices)
    training_base = django_filters.NumberFilter(
        label=_("training base"), field_name="training_base"
    )

    class Meta:
        model = Internship
        fields = ["school", "enterprise", "year", "evaluation", "stage", "training_base"]

    filter_year = staticmethod(_overlapping("start_date", "end_date"))


class GraduatePlacementFilter(RegisterFilterSet):
    school = django_filters.ModelChoiceFilter(
        label=_("school"), queryset=_schools, field_name="student__school"
    )
    enterprise = django_filters.ModelChoiceFilter(
        label=_("employer"), queryset=_enterprises, field_name="employer"
    )
    year = YearFilter(label=_("graduation year"), field_name="graduation_year")
    destination = django_filters.ChoiceFilter(label=_("destination"), choices=Destination.choices)
    location = django_filters.ChoiceFilter(
        label=_("employer location"),
        choices=EmployerLocation.choices,
        field_name="employer_location",
    )
    hire_status = django_filters.ChoiceFilter(
        label=_("employer confirmation"), choices=HireStatus.choices
    )

    class Meta:
        model = GraduatePlacement
        fields = ["school", "enterprise", "year", "destination", "location", "hire_status"]


class OutreachEventFilter(RegisterFilterSet):
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=OutreachKind.choices)
    school = django_filters.ModelChoiceFilter(label=_("school"), queryset=_schools)
    enterprise = django_filters.ModelChoiceFilter(
        label=_("enterprise"), queryset=_enterprises, method="filter_enterprise"
    )
    year = YearFilter(label=_("Year"), field_name="date__year")

    class Meta:
        model = OutreachEvent
        fields = ["kind", "school", "enterprise", "year"]

    def filter_enterprise(self, queryset, name, value):
        return queryset.filter(enterprises=value).distinct() if value else queryset


class CareerMentorFilter(RegisterFilterSet):
    enterprise = django_filters.ModelChoiceFilter(label=_("enterprise"), queryset=_enterprises)
    school = django_filters.ModelChoiceFilter(
        label=_("school"), queryset=_schools, method="filter_school"
    )
    year = YearFilter(label=_("Year"), method="filter_year")

    class Meta:
        model = CareerMentor
        fields = ["enterprise", "school", "year"]

    def filter_school(self, queryset, name, value):
        return queryset.filter(schools=value).distinct() if value else queryset

    def filter_year(self, queryset, name, value):
        from .selectors import mentors_active_q

        return queryset.filter(mentors_active_q(value)) if value else queryset


class PreferentialMeasureFilter(RegisterFilterSet):
    enterprise = django_filters.ModelChoiceFilter(label=_("enterprise"), queryset=_enterprises)
    area = django_filters.ChoiceFilter(label=_("area"), choices=PreferenceArea.choices)

    class Meta:
        model = PreferentialMeasure
        fields = ["enterprise", "area"]


class TalentDemandFilter(RegisterFilterSet):
    enterprise = django_filters.ModelChoiceFilter(label=_("enterprise"), queryset=_enterprises)
    year = YearFilter(label=_("survey year"), field_name="survey_year")
    major = django_filters.CharFilter(
        label=_("major"), field_name="major__name", lookup_expr="icontains"
    )
    formed = django_filters.BooleanFilter(
        label=_("formed into an order class"),
        field_name="order_class",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = TalentDemand
        fields = ["enterprise", "year", "major", "formed"]


class MaterialFilter(RegisterFilterSet):
    school = django_filters.ModelChoiceFilter(label=_("school"), queryset=_schools)
    enterprise = django_filters.ModelChoiceFilter(
        label=_("enterprise"), queryset=_enterprises, field_name="enterprises", distinct=True
    )
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=MaterialKind.choices)
    year = YearFilter(label=_("Year"), field_name="completed_on", lookup_expr="year")
    order_class = django_filters.NumberFilter(label=_("order class"), field_name="order_class")

    class Meta:
        model = CoDevelopedMaterial
        fields = ["school", "enterprise", "kind", "year", "order_class"]
