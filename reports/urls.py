from django.urls import path

from . import assessment_views, status_views, views
from .registers import ASSESSMENTS, INCENTIVES

app_name = "reports"

urlpatterns = [
    path("", views.public_list, name="public_list"),
    path("published/<int:pk>/report.pdf", views.published_pdf, name="published_pdf"),
    path("published/<int:pk>/indicators.csv", views.published_csv, name="published_csv"),
    path("published/<int:pk>/indicators.json", views.published_json, name="published_json"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("scorecards/", views.scorecards, name="scorecards"),
    path("scorecards/mine/", views.my_scorecard, name="my_scorecard"),
    path("scorecards/school/<int:pk>/", views.school_scorecard, name="school_scorecard"),
    path(
        "scorecards/enterprise/<int:pk>/", views.enterprise_scorecard, name="enterprise_scorecard"
    ),
    path("obligations/", views.obligations, name="obligations"),
    path("obligations/schools/<int:pk>/", views.school_obligations, name="school_obligations"),
    path("local-employment/", views.local_employment, name="local_employment"),
    path("outreach/", views.outreach_overview, name="outreach_overview"),
    path("retention/", views.retention_funnel, name="retention_funnel"),
    path("counted/", views.counted, name="counted"),
    path("status-data/", status_views.status_data, name="status_data"),
    path("status-data/export.xlsx", status_views.status_data_export, name="status_data_export"),
    path("targets/", views.targets, name="targets"),
    path("coverage/", views.coverage, name="coverage"),
    path("runs/", views.runs, name="runs"),
    path("runs/narrative/", views.narrative, name="narrative"),
    path("runs/<int:pk>/", views.run_detail, name="run_detail"),
    path("runs/<int:pk>/publish/", views.run_publish, name="run_publish"),
    path("runs/<int:pk>/restart/", views.run_restart, name="run_restart"),
    path("runs/<int:pk>/report.pdf", views.run_pdf, name="run_pdf"),
    # member assessment and incentives
    path("assessments/scoring/", assessment_views.scoring, name="assessment_scoring"),
    path("assessments/<int:pk>/score/", assessment_views.score, name="assessment_score"),
    path("assessments/open/", assessment_views.prepare, name="assessment_prepare"),
    path("assessments/approve/", assessment_views.approve, name="assessment_approve"),
    path("assessments/publish/", assessment_views.publish, name="assessment_publish"),
    *ASSESSMENTS.urls(),
    *INCENTIVES.urls(),
    path("published/<int:pk>/annex.xlsx", views.published_annex_xlsx, name="published_annex_xlsx"),
    path("published/<int:pk>/annex.csv", views.published_annex_csv, name="published_annex_csv"),
    path("runs/<int:pk>/annex.xlsx", views.run_annex_xlsx, name="run_annex_xlsx"),
    path("runs/<int:pk>/annex.csv", views.run_annex_csv, name="run_annex_csv"),
]
