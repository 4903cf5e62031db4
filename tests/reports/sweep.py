"""URL arguments of the reports routes for the URL sweep (objects of the demo data)."""

from members.models import Organization
from reports.models import AnnualReport


def _published():
    return {
        "pk": AnnualReport.objects.filter(is_published=True).values_list("pk", flat=True).first()
    }


def _school():
    return {"pk": Organization.objects.get(name="临朐县职业教育中心学校").pk}


def _enterprise():
    return {"pk": Organization.objects.get(name="山东华建铝业集团有限公司").pk}


KWARGS = {
    "reports:published_pdf": _published,
    "reports:published_csv": _published,
    "reports:published_json": _published,
    "reports:published_annex_xlsx": _published,
    "reports:published_annex_csv": _published,
    "reports:run_annex_xlsx": _published,
    "reports:run_annex_csv": _published,
    "reports:run_detail": _published,
    "reports:run_pdf": _published,
    "reports:run_publish": _published,
    "reports:run_restart": _published,
    "reports:school_scorecard": _school,
    "reports:enterprise_scorecard": _enterprise,
    "reports:school_obligations": _school,
}
POST_ONLY = {"reports:run_restart"}
