from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AnnualReport, Target


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["year", "indicator", "comparison", "value", "source"]
    list_filter = ["year", "indicator"]


@admin.register(AnnualReport)
class AnnualReportAdmin(SimpleHistoryAdmin):
    """Maintenance only: runs are started and published in the portal, never edited here."""

    list_display = ["year", "status", "requested_at", "pages", "is_published", "published_at"]
    list_filter = ["status", "is_published", "year"]
    readonly_fields = [f.name for f in AnnualReport._meta.fields]

    def has_add_permission(self, request):
        return False
