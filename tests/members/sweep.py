"""URL arguments of the members routes for the URL sweep (run after seed_demo).

Objects belong to the demo HR's enterprise or the demo school, so that every role allowed on a
route gets 200 there.
"""

from __future__ import annotations


def _hr_enterprise():
    from members.models import Organization

    return Organization.objects.get(name="山东华建铝业集团有限公司")


def _demo_school():
    from members.models import Organization

    return Organization.objects.get(name="临朐县职业教育中心学校")


def _photo():
    """A photo of the HR's enterprise; the sweep creates one (a tiny PNG) when the demo has none."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from members.models import OrganizationPhoto

    enterprise = _hr_enterprise()
    photo = enterprise.photos.first()
    if photo is None:
        buffer = io.BytesIO()
        Image.new("RGB", (4, 4), "white").save(buffer, format="PNG")
        photo = OrganizationPhoto.objects.create(
            organization=enterprise,
            image=SimpleUploadedFile("sweep.png", buffer.getvalue(), "image/png"),
        )
    return photo


def _figures():
    from members.models import SchoolYearFigures

    return SchoolYearFigures.objects.filter(school=_demo_school()).order_by("-year").first()


def _meeting():
    from members.models import CouncilMeeting

    return CouncilMeeting.objects.order_by("date").first()


def _meeting_with_minutes():
    from django.core.files.base import ContentFile

    meeting = _meeting()
    if not meeting.minutes:
        meeting.minutes.save("minutes.pdf", ContentFile(b"%PDF-1.4\n%sweep\n"), save=True)
    return meeting


def _resolution():
    return _meeting().resolutions.order_by("pk").first()


def _seat():
    from members.models import CouncilSeat

    return CouncilSeat.objects.order_by("pk").first()


def _expert():
    from members.models import ExpertMember

    return ExpertMember.objects.order_by("pk").first()


def _major():
    from members.models import Major

    return Major.objects.filter(school=_demo_school()).order_by("pk").first()


def _major_with_plan():
    from django.core.files.base import ContentFile

    major = _major()
    if not major.plan_document:
        major.plan_document.save("plan.pdf", ContentFile(b"%PDF-1.4\n%sweep\n"), save=True)
    return major


def _hr_account():
    from members.models import User

    return User.objects.get(username="hr")


def _governance(model_name: str):
    """The first demo record of a governance register (the demo seeds every one of them)."""
    from members import models

    return getattr(models, model_name).objects.order_by("pk").first()


def _document_with_file():
    from django.core.files.base import ContentFile

    document = _governance("PolicyDocument")
    if not document.file:
        document.file.save("charter.pdf", ContentFile(b"%PDF-1.4\n%sweep\n"), save=True)
    return document


def _consultation_with_file():
    from django.core.files.base import ContentFile

    consultation = _governance("ExpertConsultation")
    if not consultation.advice_file:
        consultation.advice_file.save("advice.pdf", ContentFile(b"%PDF-1.4\n%sweep\n"), save=True)
    return consultation


def _plan_with_summary():
    from django.core.files.base import ContentFile

    plan = _governance("WorkPlan")
    if not plan.summary_file:
        plan.summary_file.save("summary.pdf", ContentFile(b"%PDF-1.4\n%sweep\n"), save=True)
    return plan


def _hr_task():
    """A task the demo HR's enterprise owns, so that every role on the task pages gets 200."""
    from members.models import WorkTask

    return WorkTask.objects.filter(owner=_hr_enterprise()).order_by("pk").first()


def _media_with_clipping():
    from django.core.files.base import ContentFile

    from members.models import MediaReport

    report = MediaReport.objects.order_by("pk").first()
    if not report.clipping:
        report.clipping.save("clipping.pdf", ContentFile(b"%PDF-1.4\n%sweep\n"), save=True)
    return report


def _published_case():
    from members.models import ModelCase

    return ModelCase.objects.filter(status="published").order_by("pk").first()


KWARGS = {
    "members:organization_detail": lambda: {"pk": _hr_enterprise().pk},
    "members:organization_update": lambda: {"pk": _hr_enterprise().pk},
    "members:school_update": lambda: {"pk": _demo_school().pk},
    "members:organization_withdraw": lambda: {"pk": _hr_enterprise().pk},
    "members:organization_rejoin": lambda: {"pk": _hr_enterprise().pk},
    "members:organization_photo_add": lambda: {"pk": _hr_enterprise().pk},
    "members:photo_file": lambda: {"pk": _photo().pk, "field": "image"},
    "members:organization_photo_delete": lambda: {"pk": _photo().pk},
    "members:corridor": lambda: {"pk": _demo_school().pk},
    "members:school_figures_detail": lambda: {"pk": _figures().pk},
    "members:school_figures_options": lambda: {"kind": "filter", "field": "school"},
    "members:school_figures_update": lambda: {"pk": _figures().pk},
    "members:major_detail": lambda: {"pk": _major().pk},
    "members:major_update": lambda: {"pk": _major().pk},
    "members:major_options": lambda: {"kind": "filter", "field": "school"},
    "members:major_file": lambda: {"pk": _major_with_plan().pk, "field": "plan_document"},
    "members:seat_detail": lambda: {"pk": _seat().pk},
    "members:seat_options": lambda: {"kind": "filter", "field": "organization"},
    "members:seat_update": lambda: {"pk": _seat().pk},
    "members:expert_detail": lambda: {"pk": _expert().pk},
    "members:expert_options": lambda: {"kind": "filter", "field": "organization"},
    "members:expert_update": lambda: {"pk": _expert().pk},
    "members:meeting_detail": lambda: {"pk": _meeting().pk},
    "members:meeting_update": lambda: {"pk": _meeting().pk},
    "members:meeting_file": lambda: {"pk": _meeting_with_minutes().pk, "field": "minutes"},
    "members:resolution_create": lambda: {"pk": _meeting().pk},
    "members:resolution_edit": lambda: {"pk": _resolution().pk},
    "members:resolution_done": lambda: {"pk": _resolution().pk},
    "members:account_detail": lambda: {"pk": _hr_account().pk},
    "members:account_update": lambda: {"pk": _hr_account().pk},
    "members:account_set_active": lambda: {"pk": _hr_account().pk},
    "members:account_reset_password": lambda: {"pk": _hr_account().pk},
    "members:media_detail": lambda: {"pk": _media_with_clipping().pk},
    "members:media_update": lambda: {"pk": _media_with_clipping().pk},
    "members:media_file": lambda: {"pk": _media_with_clipping().pk, "field": "clipping"},
    "members:media_options": lambda: {"kind": "filter", "field": "organization"},
    "members:model_case_detail": lambda: {"pk": _published_case().pk},
    "members:model_case_update": lambda: {"pk": _published_case().pk},
    "members:model_case_options": lambda: {"kind": "filter", "field": "organization"},
    "members:document_detail": lambda: {"pk": _governance("PolicyDocument").pk},
    "members:document_update": lambda: {"pk": _governance("PolicyDocument").pk},
    "members:document_file": lambda: {"pk": _document_with_file().pk, "field": "file"},
    "members:office_detail": lambda: {"pk": _governance("AllianceOffice").pk},
    "members:office_update": lambda: {"pk": _governance("AllianceOffice").pk},
    "members:office_options": lambda: {"kind": "filter", "field": "host"},
    "members:office_budget_detail": lambda: {"pk": _governance("OfficeBudget").pk},
    "members:office_budget_update": lambda: {"pk": _governance("OfficeBudget").pk},
    "members:office_budget_options": lambda: {"kind": "filter", "field": "office"},
    "members:office_staff_detail": lambda: {"pk": _governance("OfficeStaff").pk},
    "members:office_staff_update": lambda: {"pk": _governance("OfficeStaff").pk},
    "members:office_staff_options": lambda: {"kind": "filter", "field": "organization"},
    "members:consultation_detail": lambda: {"pk": _governance("ExpertConsultation").pk},
    "members:consultation_update": lambda: {"pk": _governance("ExpertConsultation").pk},
    "members:consultation_file": lambda: {
        "pk": _consultation_with_file().pk,
        "field": "advice_file",
    },
    "members:plan_detail": lambda: {"pk": _governance("WorkPlan").pk},
    "members:plan_update": lambda: {"pk": _governance("WorkPlan").pk},
    "members:plan_file": lambda: {"pk": _plan_with_summary().pk, "field": "summary_file"},
    "members:task_detail": lambda: {"pk": _hr_task().pk},
    "members:task_update": lambda: {"pk": _hr_task().pk},
    "members:task_options": lambda: {"kind": "filter", "field": "owner"},
    "members:resolution_to_task": lambda: {"pk": _resolution().pk},
}

# Routes whose GET the sweep cannot open for every allowed role (undoing a withdrawal needs a
# withdrawn member) or that a POST would change: checked for refusal only.
POST_ONLY = {
    "members:organization_rejoin",
    "members:resolution_done",
    "members:resolution_to_task",
    "members:account_set_active",
}
