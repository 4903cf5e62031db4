from django.utils.translation import gettext_lazy as _

from alliance.menus import Link, Menu

from .registers import ASSESSMENTS, INCENTIVES

MENU = Menu(
    _("Reports"),
    [
        Link(_("Alliance dashboard"), "reports:dashboard", "speedometer2"),
        Link(_("My scorecard"), "reports:my_scorecard", "clipboard-check"),
        Link(_("Member scorecards"), "reports:scorecards", "table"),
        Link(_("Obligations of the plan"), "reports:obligations", "speedometer2"),
        Link(_("Local employment rate"), "reports:local_employment", "graph-up-arrow"),
        Link(_("Outreach overview"), "reports:outreach_overview", "calendar-check"),
        Link(_("Status-data table"), "reports:status_data", "file-earmark-spreadsheet"),
        Link(_("Retention funnel"), "reports:retention_funnel", "funnel"),
        Link(_("Data coverage"), "reports:coverage", "exclamation-diamond"),
        Link(_("Targets"), "reports:targets", "bullseye"),
        ASSESSMENTS.link(),
        Link(_("Assessments to score"), "reports:assessment_scoring", "pencil-square"),
        INCENTIVES.link(),
        Link(_("Annual report runs"), "reports:runs", "gear"),
        Link(_("Published annual reports"), "reports:public_list", "file-earmark-pdf"),
    ],
    order=90,
)
