"""URL arguments of the reports routes for the URL sweep (objects of the demo data)."""

from django.core.files.base import ContentFile

from members.models import Organization
from reports.models import AnnualReport, Assessment, Incentive


def _published():
    return {
        "pk": AnnualReport.objects.filter(is_published=True).values_list("pk", flat=True).first()
    }


def _school():
    return {"pk": Organization.objects.get(name="临朐县职业教育中心学校").pk}


def _enterprise():
    return {"pk": Organization.objects.get(name="山东华建铝业集团有限公司").pk}


def _published_assessment():
    """A published assessment (every role reads it) with a third-party report to open."""
    assessment = Assessment.objects.filter(status="published").order_by("pk").first()
    if not assessment.third_party_report:
        assessment.third_party_report.save(
            "evaluation.pdf", ContentFile(b"%PDF-1.4\n%sweep\n"), save=True
        )
    return {"pk": assessment.pk}


def _being_scored():
    return {"pk": Assessment.objects.filter(status="scoring").order_by("pk").first().pk}


def _hr_incentive():
    """Support the demo HR's enterprise received."""
    incentive = Incentive.objects.filter(recipient__name="山东华建铝业集团有限公司").first()
    if not incentive.document:
        incentive.document.save("grant.pdf", ContentFile(b"%PDF-1.4\n%sweep\n"), save=True)
    return {"pk": incentive.pk}


KWARGS = {
    "reports:published_pdf": _published,
    "reports:published_csv": _published,
    "reports:published_json": _published,
    "api:open_data_year": lambda: {
        "year": AnnualReport.objects.filter(is_published=True).values_list("year", flat=True)[0]
    },
    "reports:run_detail": _published,
    "reports:run_pdf": _published,
    "reports:run_publish": _published,
    "reports:run_restart": _published,
    "reports:school_scorecard": _school,
    "reports:enterprise_scorecard": _enterprise,
    "reports:school_obligations": _school,
    "reports:assessment_detail": _published_assessment,
    "reports:assessment_update": _being_scored,
    "reports:assessment_file": lambda: {**_published_assessment(), "field": "third_party_report"},
    "reports:assessment_options": lambda: {"kind": "filter", "field": "organization"},
    "reports:assessment_score": _being_scored,
    "reports:incentive_detail": _hr_incentive,
    "reports:incentive_update": _hr_incentive,
    "reports:incentive_file": lambda: {**_hr_incentive(), "field": "document"},
    "reports:incentive_options": lambda: {"kind": "filter", "field": "recipient"},
    "reports:published_annex_xlsx": _published,
    "reports:published_annex_csv": _published,
    "reports:run_annex_xlsx": _published,
    "reports:run_annex_csv": _published,
}
# An assessment is scored by HR when it is a school's and by coordinators when it is an
# enterprise's: no one assessment lets every allowed role open the scoring form (test_assessment.py
# opens it for each), so the sweep checks its refusals only.
POST_ONLY = {"reports:run_restart", "reports:assessment_score"}
