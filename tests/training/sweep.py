"""URL arguments of the training routes for the URL sweep (run after seed_demo).

Objects belong to the demo HR's enterprise or the demo school, and are chosen so that every
role the route allows may open them (e.g. a secondment of the demo school hosted by the demo
HR's enterprise, with an outcome report).
"""

from __future__ import annotations

from training.models import (
    Certification,
    CoBuiltInstitution,
    Craftsman,
    InSchoolWorkshop,
    InstitutionYear,
    PartnerExchange,
    PartnerInstitution,
    Patent,
    ProductionOrder,
    QualityEvaluationSurvey,
    Secondment,
    ServiceProject,
    SharedEquipment,
    StationPost,
    StudentRotation,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
    TwoWayAppointment,
    WorkshopContribution,
)

HR = "山东华建铝业集团有限公司"
SCHOOL = "临朐县职业教育中心学校"


def _pk(qs) -> dict:
    return {"pk": qs.order_by("pk").values_list("pk", flat=True)[0]}


def _workshop():
    return InSchoolWorkshop.objects.filter(school__name=SCHOOL, enterprises__name=HR)


def _secondment():
    return Secondment.objects.filter(teacher__school__name=SCHOOL, enterprise__name=HR).exclude(
        outcome_report=""
    )


def _programme():
    return TrainingProgramme.objects.filter(school__name=SCHOOL, enterprises__name=HR)


def _institution():
    return CoBuiltInstitution.objects.filter(school__name=SCHOOL, enterprises__name=HR)


def _ours(model, enterprise_path: str):
    """Records of the demo school shared with the demo HR's enterprise."""
    return model.objects.filter(school__name=SCHOOL, **{enterprise_path: HR})


def _org(name: str) -> dict:
    from members.models import Organization

    return {"pk": Organization.objects.get(name=name).pk}


def _partner():
    return PartnerInstitution.objects.filter(school__name=SCHOOL).exclude(agreement_file="")


def _survey():
    return _ours(QualityEvaluationSurvey, "enterprises__name").exclude(report_file="")


KWARGS = {
    "training:workshop_detail": lambda: _pk(_workshop()),
    "training:workshop_update": lambda: _pk(_workshop()),
    "training:order_create": lambda: _pk(_workshop()),
    "training:order_update": lambda: _pk(ProductionOrder.objects.filter(workshop__in=_workshop())),
    "training:rotation_create": lambda: _pk(_workshop()),
    "training:rotation_update": lambda: _pk(
        StudentRotation.objects.filter(workshop__in=_workshop())
    ),
    "training:base_detail": lambda: _pk(TrainingBase.objects.filter(enterprise__name=HR)),
    "training:base_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:base_update": lambda: _pk(TrainingBase.objects.filter(enterprise__name=HR)),
    "training:station_detail": lambda: _pk(TeacherStation.objects.filter(enterprise__name=HR)),
    "training:station_update": lambda: _pk(TeacherStation.objects.filter(enterprise__name=HR)),
    "training:post_create": lambda: _pk(TeacherStation.objects.filter(enterprise__name=HR)),
    "training:post_copy": lambda: _pk(TeacherStation.objects.filter(enterprise__name=HR)),
    "training:post_update": lambda: _pk(StationPost.objects.filter(station__enterprise__name=HR)),
    "training:teacher_detail": lambda: _pk(Teacher.objects.filter(school__name=SCHOOL)),
    "training:teacher_update": lambda: _pk(Teacher.objects.filter(school__name=SCHOOL)),
    "training:secondment_detail": lambda: _pk(_secondment()),
    "training:secondment_update": lambda: _pk(_secondment()),
    "training:secondment_file": lambda: {**_pk(_secondment()), "field": "outcome_report"},
    "training:craftsman_detail": lambda: _pk(Craftsman.objects.filter(enterprise__name=HR)),
    "training:craftsman_update": lambda: _pk(Craftsman.objects.filter(enterprise__name=HR)),
    "training:assignment_detail": lambda: _pk(
        TeachingAssignment.objects.filter(school__name=SCHOOL, craftsman__enterprise__name=HR)
    ),
    "training:assignment_update": lambda: _pk(
        TeachingAssignment.objects.filter(school__name=SCHOOL, craftsman__enterprise__name=HR)
    ),
    "training:programme_detail": lambda: _pk(_programme()),
    "training:programme_update": lambda: _pk(_programme()),
    "training:certification_detail": lambda: _pk(
        Certification.objects.filter(programme__in=_programme())
    ),
    "training:certification_update": lambda: _pk(
        Certification.objects.filter(programme__in=_programme())
    ),
    "training:assignment_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:certification_options": lambda: {"kind": "filter", "field": "school"},
    "training:craftsman_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:programme_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:secondment_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:station_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:teacher_options": lambda: {"kind": "filter", "field": "school"},
    "training:workshop_options": lambda: {"kind": "filter", "field": "enterprise"},
    # co-building (issue 15): records of the demo school with the demo HR's enterprise
    "training:institution_detail": lambda: _pk(_institution()),
    "training:institution_update": lambda: _pk(_institution()),
    "training:institution_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:institution_year_detail": lambda: _pk(
        InstitutionYear.objects.filter(institution__in=_institution())
    ),
    "training:institution_year_update": lambda: _pk(
        InstitutionYear.objects.filter(institution__in=_institution())
    ),
    "training:institution_year_options": lambda: {"kind": "filter", "field": "school"},
    "training:project_detail": lambda: _pk(_ours(ServiceProject, "enterprises__name")),
    "training:project_update": lambda: _pk(_ours(ServiceProject, "enterprises__name")),
    "training:project_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:patent_detail": lambda: _pk(_ours(Patent, "enterprises__name")),
    "training:patent_update": lambda: _pk(_ours(Patent, "enterprises__name")),
    "training:patent_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:equipment_detail": lambda: _pk(_ours(SharedEquipment, "enterprise__name")),
    "training:equipment_update": lambda: _pk(_ours(SharedEquipment, "enterprise__name")),
    "training:equipment_options": lambda: {"kind": "filter", "field": "enterprise"},
    "training:contribution_detail": lambda: _pk(
        WorkshopContribution.objects.filter(workshop__in=_workshop())
    ),
    "training:contribution_update": lambda: _pk(
        WorkshopContribution.objects.filter(workshop__in=_workshop())
    ),
    "training:contribution_options": lambda: {"kind": "filter", "field": "school"},
    "training:appointment_detail": lambda: _pk(_ours(TwoWayAppointment, "enterprise__name")),
    "training:appointment_update": lambda: _pk(_ours(TwoWayAppointment, "enterprise__name")),
    "training:appointment_options": lambda: {"kind": "filter", "field": "enterprise"},
    # issue 15 (part b): external cooperation of the demo school
    "training:partner_detail": lambda: _pk(_partner()),
    "training:partner_update": lambda: _pk(_partner()),
    "training:partner_file": lambda: {**_pk(_partner()), "field": "agreement_file"},
    "training:partner_options": lambda: {"kind": "filter", "field": "school"},
    "training:exchange_detail": lambda: _pk(
        PartnerExchange.objects.filter(partner__school__name=SCHOOL)
    ),
    "training:exchange_update": lambda: _pk(
        PartnerExchange.objects.filter(partner__school__name=SCHOOL)
    ),
    "training:exchange_options": lambda: {"kind": "filter", "field": "school"},
    # quality evaluation surveys of the demo school with the demo HR's enterprise
    "training:quality_survey_detail": lambda: _pk(_survey()),
    "training:quality_survey_update": lambda: _pk(_survey()),
    "training:quality_survey_file": lambda: {**_pk(_survey()), "field": "report_file"},
    "training:quality_survey_options": lambda: {"kind": "filter", "field": "school"},
}
