"""URL arguments of the placements routes for the URL sweep: objects of the demo data that the
demo school (临朐县职业教育中心学校) and the demo HR's enterprise (山东华建铝业集团有限公司) both
may open, so that every allowed role gets a page."""

from __future__ import annotations

CENTRE = "临朐县职业教育中心学校"
HR_ENTERPRISE = "山东华建铝业集团有限公司"


def _student():
    from placements.models import Student

    return Student.objects.filter(school__name=CENTRE).order_by("pk").first()


def _order_class():
    from placements.models import OrderClass

    return (
        OrderClass.objects.filter(school__name=CENTRE, enterprises__name=HR_ENTERPRISE)
        .order_by("pk")
        .first()
    )


def _apprenticeship():
    from placements.models import Apprenticeship

    return Apprenticeship.objects.filter(
        student__school__name=CENTRE, enterprise__name=HR_ENTERPRISE
    ).first()


def _internship():
    from placements.models import Internship

    return Internship.objects.filter(
        student__school__name=CENTRE, enterprise__name=HR_ENTERPRISE
    ).first()


def _followup():
    from placements.models import RetentionFollowUp

    return (
        RetentionFollowUp.objects.filter(
            placement__student__school__name=CENTRE, placement__employer__name=HR_ENTERPRISE
        )
        .order_by("pk")
        .first()
    )


def _event():
    from placements.models import OutreachEvent

    return OutreachEvent.objects.filter(school__name=CENTRE, photos__isnull=False).first()


def _mentor():
    from placements.models import CareerMentor

    return CareerMentor.objects.filter(enterprise__name=HR_ENTERPRISE).first()


def _enrolment():
    return _order_class().enrolments.order_by("pk").first()


def _pilot_apprenticeship():
    from placements.models import Apprenticeship

    return (
        Apprenticeship.objects.filter(
            path="pilot", enterprise__name=HR_ENTERPRISE, student__school__name=CENTRE
        )
        .exclude(agreement="")
        .first()
    )


def _material():
    from placements.models import CoDevelopedMaterial

    return CoDevelopedMaterial.objects.filter(school__name=CENTRE).exclude(file="").first()


def _demand():
    from placements.models import TalentDemand

    return TalentDemand.objects.filter(enterprise__name=HR_ENTERPRISE).order_by("pk").first()


def _preference():
    from placements.models import PreferentialMeasure

    return (
        PreferentialMeasure.objects.filter(enterprise__name=HR_ENTERPRISE)
        .exclude(document="")
        .first()
    )


KWARGS = {
    "placements:student_detail": lambda: {"pk": _student().pk},
    "placements:student_update": lambda: {"pk": _student().pk},
    "placements:orderclass_detail": lambda: {"pk": _order_class().pk},
    "placements:orderclass_update": lambda: {"pk": _order_class().pk},
    "placements:orderclass_enrol": lambda: {"pk": _order_class().pk},
    "placements:orderclass_unenrol": lambda: {
        "pk": _order_class().pk,
        "enrolment_pk": _enrolment().pk,
    },
    "placements:orderclass_file": lambda: {"pk": _order_class().pk, "field": "agreement"},
    "placements:alignment_edit": lambda: {"pk": _order_class().pk, "aspect": "objectives"},
    "placements:alignment_file": lambda: {
        "pk": _order_class().alignments.get(aspect="objectives").pk,
        "field": "document",
    },
    "placements:apprenticeship_detail": lambda: {"pk": _apprenticeship().pk},
    "placements:apprenticeship_update": lambda: {"pk": _apprenticeship().pk},
    "placements:internship_detail": lambda: {"pk": _internship().pk},
    "placements:internship_update": lambda: {"pk": _internship().pk},
    "placements:placement_detail": lambda: {"pk": _followup().placement_id},
    "placements:placement_update": lambda: {"pk": _followup().placement_id},
    "placements:followup_create": lambda: {"pk": _followup().placement_id},
    "placements:followup_edit": lambda: {
        "pk": _followup().placement_id,
        "followup_pk": _followup().pk,
    },
    "placements:hire_decide": lambda: {"pk": _followup().placement_id, "decision": "confirm"},
    "placements:event_detail": lambda: {"pk": _event().pk},
    "placements:event_update": lambda: {"pk": _event().pk},
    "placements:event_photo_add": lambda: {"pk": _event().pk},
    "placements:photo_file": lambda: {"pk": _event().photos.first().pk, "field": "image"},
    "placements:mentor_detail": lambda: {"pk": _mentor().pk},
    "placements:mentor_update": lambda: {"pk": _mentor().pk},
    "placements:apprenticeship_options": lambda: {"kind": "filter", "field": "enterprise"},
    "placements:event_options": lambda: {"kind": "filter", "field": "enterprise"},
    "placements:internship_options": lambda: {"kind": "filter", "field": "enterprise"},
    "placements:mentor_options": lambda: {"kind": "filter", "field": "enterprise"},
    "placements:orderclass_options": lambda: {"kind": "filter", "field": "enterprise"},
    "placements:placement_options": lambda: {"kind": "filter", "field": "enterprise"},
    "placements:student_options": lambda: {"kind": "filter", "field": "school"},
    # issue 15 (part b)
    "placements:apprenticeship_file": lambda: {
        "pk": _pilot_apprenticeship().pk,
        "field": "agreement",
    },
    "placements:material_detail": lambda: {"pk": _material().pk},
    "placements:material_update": lambda: {"pk": _material().pk},
    "placements:material_file": lambda: {"pk": _material().pk, "field": "file"},
    "placements:material_options": lambda: {"kind": "filter", "field": "enterprise"},
    "placements:demand_detail": lambda: {"pk": _demand().pk},
    "placements:demand_update": lambda: {"pk": _demand().pk},
    "placements:demand_options": lambda: {"kind": "filter", "field": "enterprise"},
    "placements:preference_detail": lambda: {"pk": _preference().pk},
    "placements:preference_update": lambda: {"pk": _preference().pk},
    "placements:preference_file": lambda: {"pk": _preference().pk, "field": "document"},
    "placements:preference_options": lambda: {"kind": "filter", "field": "enterprise"},
}
POST_ONLY = {"placements:orderclass_enrol", "placements:event_photo_add"}
