"""The reports' part of the open API: the published indicators (open data, no login) and the
status-data table of a school (the same numbers as its Excel export)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from alliance.access import PUBLIC, SCHOOL_READERS

from . import selectors
from .models import AnnualReport
from .status_data import FIELDS, NO_SOURCE_YET, academic_year_label
from .status_views import table_for


class IndicatorSerializer(serializers.Serializer):
    """One published indicator: its value and its definition (label, unit, formula, target and
    the plan clause the target comes from)."""

    code = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    value = serializers.FloatField(allow_null=True)
    numerator = serializers.FloatField(allow_null=True)
    denominator = serializers.FloatField(allow_null=True)
    target = serializers.FloatField(allow_null=True)
    comparison = serializers.CharField(allow_null=True)
    target_text = serializers.CharField(allow_null=True, allow_blank=True)
    target_source = serializers.CharField(allow_null=True, allow_blank=True)
    target_plan = serializers.CharField(allow_null=True, allow_blank=True)
    met = serializers.BooleanField(allow_null=True)
    formula = serializers.CharField(allow_blank=True)


class PublishedYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    published_at = serializers.DateTimeField(allow_null=True)
    pdf_sha256 = serializers.CharField()
    pdf_url = serializers.URLField()
    indicators_url = serializers.URLField()


class OpenDataSerializer(serializers.Serializer):
    alliance = serializers.CharField()
    year = serializers.IntegerField()
    published_at = serializers.DateTimeField(allow_null=True)
    pdf_sha256 = serializers.CharField()
    indicators = IndicatorSerializer(many=True)


def _published_at(report: AnnualReport):
    return timezone.localtime(report.published_at) if report.published_at else None


class OpenDataYears(APIView):
    audience = PUBLIC

    @extend_schema(
        operation_id="open_data_years",
        tags=["open data"],
        summary="Years with a published annual quality report",
        responses=PublishedYearSerializer(many=True),
    )
    def get(self, request):
        rows = [
            {
                "year": report.year,
                "published_at": _published_at(report),
                "pdf_sha256": report.sha256,
                "pdf_url": request.build_absolute_uri(
                    reverse("reports:published_pdf", args=[report.pk])
                ),
                "indicators_url": request.build_absolute_uri(
                    reverse("api:open_data_year", args=[report.year])
                ),
            }
            for report in selectors.published_years()
        ]
        return Response(PublishedYearSerializer(rows, many=True).data)


class OpenDataYear(APIView):
    audience = PUBLIC

    @extend_schema(
        operation_id="open_data_indicators",
        tags=["open data"],
        summary="The published indicators of a year, with their definitions",
        responses=OpenDataSerializer,
    )
    def get(self, request, year: int):
        report = next((r for r in selectors.published_years() if r.year == year), None)
        if report is None:
            raise Http404
        payload = {
            "alliance": settings.ALLIANCE_NAME,
            "year": report.year,
            "published_at": _published_at(report),
            "pdf_sha256": report.sha256,
            "indicators": selectors.open_data_rows(report),
        }
        return Response(OpenDataSerializer(payload).data)


STATUS_ROW = (
    "StatusDataRow",
    {
        f.key: (
            serializers.CharField(allow_null=True, help_text=f.header)
            if f.key in ("school_code", "major", "enterprise_name", "credit_code")
            else serializers.IntegerField(allow_null=True, help_text=f.header)
        )
        for f in FIELDS
    },
)


class StatusData(APIView):
    audience = SCHOOL_READERS

    @extend_schema(
        operation_id="status_data",
        tags=["status data"],
        summary="A school's school–enterprise cooperation table (产学合作) for an academic year",
        parameters=[
            OpenApiParameter("school", int, description="the school's organisation id"),
            OpenApiParameter("year", int, description="the academic year starting in September"),
        ],
        responses=inline_serializer(
            "StatusDataTable",
            {
                "school": serializers.IntegerField(),
                "school_name": serializers.CharField(),
                "academic_year": serializers.CharField(),
                "headers": serializers.DictField(child=serializers.CharField()),
                "no_source_yet": serializers.DictField(child=serializers.CharField()),
                "rows": inline_serializer(*STATUS_ROW, many=True),
            },
        ),
    )
    def get(self, request):
        table = table_for(request.user, request.GET.get("school"), request.GET.get("year"))
        return Response(
            {
                "school": table.school_id,
                "school_name": table.school_name,
                "academic_year": academic_year_label(table.academic_year),
                "headers": {f.key: f.header for f in FIELDS},
                "no_source_yet": {key: str(note) for key, note in NO_SOURCE_YET.items()},
                "rows": table.records(),
            }
        )


def _route(route: str, view_class, name: str):
    view = view_class.as_view()
    view.access = view_class.audience
    return path(route, view, name=name)


urlpatterns = [
    _route("open-data/", OpenDataYears, "open_data_years"),
    _route("open-data/<int:year>/", OpenDataYear, "open_data_year"),
    _route("status-data/", StatusData, "status_data"),
]
