"""Django admin, for maintenance by superusers only; daily work happens in the portal."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Apprenticeship,
    CareerMentor,
    GraduatePlacement,
    Internship,
    OrderClass,
    OrderClassAlignment,
    OrderClassEnrolment,
    OutreachEvent,
    OutreachPhoto,
    RetentionFollowUp,
    Student,
)


@admin.register(Student)
class StudentAdmin(SimpleHistoryAdmin):
    list_display = ["student_number", "name", "school", "major", "enrolment_year", "study_mode"]
    list_filter = ["school", "study_mode", "enrolment_year"]
    search_fields = ["student_number", "name"]


class AlignmentInline(admin.TabularInline):
    model = OrderClassAlignment
    extra = 0


@admin.register(OrderClass)
class OrderClassAdmin(SimpleHistoryAdmin):
    list_display = ["name", "school", "major", "cohort_year", "graduation_year", "planned_size"]
    list_filter = ["school", "graduation_year"]
    search_fields = ["name"]
    filter_horizontal = ["enterprises"]
    inlines = [AlignmentInline]


@admin.register(OrderClassEnrolment)
class OrderClassEnrolmentAdmin(SimpleHistoryAdmin):
    list_display = ["order_class", "student", "enrolled_on"]
    raw_id_fields = ["student"]


@admin.register(Apprenticeship)
class ApprenticeshipAdmin(SimpleHistoryAdmin):
    list_display = ["student", "enterprise", "contract_start", "contract_end", "mode", "status"]
    list_filter = ["status", "mode", "enterprise"]
    raw_id_fields = ["student"]


@admin.register(Internship)
class InternshipAdmin(SimpleHistoryAdmin):
    list_display = ["student", "enterprise", "start_date", "end_date", "evaluation"]
    raw_id_fields = ["student"]


@admin.register(GraduatePlacement)
class GraduatePlacementAdmin(SimpleHistoryAdmin):
    list_display = [
        "student",
        "graduation_year",
        "destination",
        "employer",
        "employer_location",
        "hire_status",
    ]
    list_filter = ["graduation_year", "destination", "employer_location", "hire_status"]
    raw_id_fields = ["student", "via_order_class"]


@admin.register(RetentionFollowUp)
class RetentionFollowUpAdmin(SimpleHistoryAdmin):
    list_display = ["placement", "contacted_on", "still_employed", "resolved"]
    raw_id_fields = ["placement"]


class PhotoInline(admin.TabularInline):
    model = OutreachPhoto
    extra = 0


@admin.register(OutreachEvent)
class OutreachEventAdmin(SimpleHistoryAdmin):
    list_display = ["date", "kind", "title", "school", "participants"]
    list_filter = ["kind", "school"]
    filter_horizontal = ["enterprises"]
    inlines = [PhotoInline]


@admin.register(CareerMentor)
class CareerMentorAdmin(SimpleHistoryAdmin):
    list_display = ["person", "title", "enterprise", "appointed_on", "ended_on"]
    filter_horizontal = ["schools"]
