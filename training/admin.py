"""Admin for maintenance only (superusers); daily work happens in the portal's pages."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(
    models.InSchoolWorkshop,
    models.ProductionOrder,
    models.StudentRotation,
    models.TrainingBase,
    models.TeacherStation,
    models.StationPost,
    models.Teacher,
    models.Secondment,
    models.Craftsman,
    models.TeachingAssignment,
    models.TrainingProgramme,
    models.Certification,
)
class TrainingAdmin(SimpleHistoryAdmin):
    pass
