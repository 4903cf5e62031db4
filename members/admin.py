from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    CouncilMeeting,
    CouncilSeat,
    ExpertMember,
    Major,
    Organization,
    OrganizationPhoto,
    Resolution,
    SchoolYearFigures,
    User,
)


class PhotoInline(admin.TabularInline):
    model = OrganizationPhoto
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "credit_code", "is_local", "status"]
    list_filter = ["kind", "status", "is_local"]
    search_fields = ["name", "credit_code"]
    inlines = [PhotoInline]


@admin.register(User)
class PortalUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "first_name", "role", "organization", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = (*UserAdmin.fieldsets, ("Portal", {"fields": ("role", "organization", "phone")}))


@admin.register(SchoolYearFigures)
class SchoolYearFiguresAdmin(SimpleHistoryAdmin):
    list_display = ["school", "year", "enrolled_students", "professional_teachers", "graduates"]
    list_filter = ["year"]


@admin.register(CouncilSeat)
class CouncilSeatAdmin(SimpleHistoryAdmin):
    list_display = ["person", "organization", "role", "term_start", "term_end"]
    list_filter = ["role"]


@admin.register(ExpertMember)
class ExpertMemberAdmin(SimpleHistoryAdmin):
    list_display = ["person", "organization", "title", "role", "order"]


class ResolutionInline(admin.TabularInline):
    model = Resolution
    extra = 0


@admin.register(CouncilMeeting)
class CouncilMeetingAdmin(SimpleHistoryAdmin):
    list_display = ["date", "title", "kind", "status"]
    list_filter = ["kind", "status"]
    inlines = [ResolutionInline]


@admin.register(Major)
class MajorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "school", "status", "industry"]
    list_filter = ["status"]
    search_fields = ["name", "code"]
