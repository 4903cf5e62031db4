"""Create/edit forms of the training registers.

Each form takes the acting ``user``: an HR or school account's records always belong to its own
organisation (the owner field is shown fixed), and choices of related rows (teachers, programmes)
are limited to what the user may use. The rules themselves live in the models' ``clean()``.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.access import acting_organization, sees_personal_data
from alliance.masking import mask_phone
from alliance.registers import RegisterForm
from members.forms import offer_majors
from members.models import Major, Organization

from . import permissions
from .models import (
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


def _offer_teachers(field, user) -> None:
    """The teachers ``user`` keeps, labelled so that two of the same name can be told apart."""
    field.queryset = permissions.teachers_editable_by(user).select_related("school")
    field.label_from_instance = lambda t: " · ".join(
        part for part in (t.name, t.employee_number, t.school.name) if part
    )


def _offer_craftsmen(field, user) -> None:
    field.queryset = permissions.craftsmen_visible_to(user).select_related("enterprise")
    field.label_from_instance = lambda c: f"{c.name}（{c.enterprise}）"


class InSchoolWorkshopForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = InSchoolWorkshop
        fields = [
            "school",
            "name",
            "enterprises",
            "production_line",
            "opened_on",
            "status",
            "technical_managers",
            "for_teaching",
            "for_staff_training",
            "for_production",
            "for_technical_service",
        ]

    def limit_choices(self, user) -> None:
        # Technical managers are the school's own teachers (Linqu (一)2).
        _offer_teachers(self.fields["technical_managers"], user)


class ProductionOrderForm(RegisterForm):
    class Meta:
        model = ProductionOrder
        fields = ["description", "quantity", "value", "start_on", "end_on"]


class StudentRotationForm(RegisterForm):
    class Meta:
        model = StudentRotation
        fields = ["class_name", "major", "headcount", "start_on", "end_on"]


class TrainingBaseForm(RegisterForm):
    owner_field = "enterprise"

    class Meta:
        model = TrainingBase
        fields = [
            "enterprise",
            "name",
            "address",
            "capacity",
            "majors",
            "masters_count",
            "master_names",
            "established_on",
            "closed_on",
            "status",
        ]


class TeacherStationForm(RegisterForm):
    owner_field = "enterprise"

    class Meta:
        model = TeacherStation
        fields = ["enterprise", "name", "established_on", "closed_on"]


class StationPostForm(RegisterForm):
    class Meta:
        model = StationPost
        fields = ["year", "post", "major", "places"]

    def limit_choices(self, user) -> None:
        # A post serves the teachers of any school: every school's catalogue is offered.
        offer_majors(self.fields["major"], Major.objects.all())

    def validate_unique(self):
        # ``station`` is set by the view, not on the form: check the natural key with it.
        exclude = self._get_validation_exclusions() - {"station"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except forms.ValidationError as e:
            self._update_errors(e)


class TeacherForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = Teacher
        fields = [
            "school",
            "name",
            "employee_number",
            "department",
            "is_professional",
            "is_dual_qualified",
        ]


class SecondmentForm(RegisterForm):
    class Meta:
        model = Secondment
        fields = [
            "teacher",
            "enterprise",
            "station",
            "start_on",
            "end_on",
            "days",
            "post",
            "status",
            "outcome_report",
        ]

    def limit_choices(self, user) -> None:
        # A coordinator seconds only their own school's teachers.
        self.fields["teacher"].queryset = permissions.teachers_editable_by(user).select_related(
            "school"
        )
        # Hundreds of teachers, some of the same name: show the staff number and department
        # (and the school to the secretariat, who sees every school's teachers).
        with_school = acting_organization(user) is None
        self.fields["teacher"].label_from_instance = lambda t: " · ".join(
            part
            for part in (
                t.name,
                t.employee_number,
                t.department,
                t.school.name if with_school else "",
            )
            if part
        )
        self.fields["station"].queryset = TeacherStation.objects.select_related("enterprise")
        self.fields["station"].label_from_instance = lambda s: f"{s.enterprise} · {s.name}"


class CraftsmanForm(RegisterForm):
    owner_field = "enterprise"

    class Meta:
        model = Craftsman
        fields = [
            "enterprise",
            "name",
            "skill_level",
            "specialty",
            "role",
            "phone",
            "joined_on",
            "left_on",
            "active",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        # Phones are personal data: only the secretariat sees a stored number, even in the form.
        self.keeps_hidden_phone = bool(
            self.instance.pk and self.instance.phone and not sees_personal_data(user)
        )
        if self.keeps_hidden_phone:
            self.initial["phone"] = ""
            self.fields["phone"].widget.attrs["placeholder"] = mask_phone(self.instance.phone)
            self.fields["phone"].help_text = _("Leave empty to keep the stored number.")

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "")
        if not phone and self.keeps_hidden_phone:
            return self.instance.phone
        return phone


class TeachingAssignmentForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = TeachingAssignment
        fields = ["school", "craftsman", "course", "year", "term", "hours", "kind"]

    def limit_choices(self, user) -> None:
        self.fields["craftsman"].queryset = Craftsman.objects.select_related("enterprise")
        self.fields["craftsman"].label_from_instance = lambda c: f"{c.name}（{c.enterprise}）"


class TrainingProgrammeForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = TrainingProgramme
        fields = [
            "school",
            "title",
            "enterprises",
            "funding_department",
            "form",
            "venue",
            "audience",
            "start_on",
            "end_on",
            "participants",
            "hours",
        ]


class CertificationForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = Certification
        fields = [
            "school",
            "programme",
            "assessed_on",
            "occupation",
            "level",
            "candidates",
            "passed",
        ]

    def limit_choices(self, user) -> None:
        self.fields["programme"].queryset = permissions.programmes_editable_by(user)


# --- co-building (issue 15) ----------------------------------------------------------------------


class CoBuiltInstitutionForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = CoBuiltInstitution
        fields = [
            "kind",
            "school",
            "name",
            "enterprises",
            "mode",
            "major",
            "founded_on",
            "closed_on",
            "leaders",
            "teachers",
            "craftsmen",
            "host_base",
            "host_workshop",
            "description",
        ]

    def limit_choices(self, user) -> None:
        _offer_teachers(self.fields["teachers"], user)
        _offer_craftsmen(self.fields["craftsmen"], user)
        offer_majors(self.fields["major"], Major.objects.filter(school__in=_own_schools(user)))
        self.fields["host_workshop"].queryset = permissions.workshops_editable_by(user)
        self.fields["host_base"].queryset = TrainingBase.objects.select_related("enterprise")
        self.fields["host_base"].label_from_instance = lambda b: f"{b.enterprise} · {b.name}"


def _own_schools(user):
    """The schools ``user`` files records for (the secretariat: every school)."""
    org = acting_organization(user)
    schools = Organization.objects.schools()
    return schools.filter(pk=org.pk) if org is not None else schools


class InstitutionYearForm(RegisterForm):
    class Meta:
        model = InstitutionYear
        fields = ["institution", "year", "activities", "outputs", "events", "people_trained"]

    def limit_choices(self, user) -> None:
        self.fields["institution"].queryset = permissions.institutions_editable_by(user)


class ServiceProjectForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = ServiceProject
        fields = [
            "kind",
            "school",
            "title",
            "enterprises",
            "institution",
            "lead",
            "start_on",
            "end_on",
            "value",
            "status",
            "result",
        ]

    def limit_choices(self, user) -> None:
        self.fields["institution"].queryset = permissions.institutions_editable_by(user)


class PatentForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = Patent
        fields = [
            "school",
            "title",
            "kind",
            "number",
            "status",
            "inventors",
            "enterprises",
            "filed_on",
            "granted_on",
            "project",
            "institution",
            "transferred_to",
            "transferred_on",
            "transfer_value",
        ]

    def limit_choices(self, user) -> None:
        self.fields["project"].queryset = permissions.projects_editable_by(user)
        self.fields["institution"].queryset = permissions.institutions_editable_by(user)


class SharedEquipmentForm(RegisterForm):
    class Meta:
        model = SharedEquipment
        fields = [
            "school",
            "enterprise",
            "name",
            "direction",
            "quantity",
            "value",
            "since",
            "until",
            "workshop",
            "base",
        ]

    def limit_choices(self, user) -> None:
        # Either side records it; an HR or school account is one of the two parties.
        org = acting_organization(user)
        if org is not None:
            side = "school" if org.is_school else "enterprise"
            field = self.fields[side]
            field.queryset = field.queryset.filter(pk=org.pk)
        self.fields["workshop"].queryset = InSchoolWorkshop.objects.select_related("school")
        self.fields["base"].queryset = TrainingBase.objects.select_related("enterprise")


class WorkshopContributionForm(RegisterForm):
    class Meta:
        model = WorkshopContribution
        fields = ["workshop", "year", "kind", "description", "value"]

    def limit_choices(self, user) -> None:
        self.fields["workshop"].queryset = permissions.workshops_editable_by(user).select_related(
            "school"
        )
        self.fields["workshop"].label_from_instance = lambda w: f"{w.school} · {w.name}"


class TwoWayAppointmentForm(RegisterForm):
    class Meta:
        model = TwoWayAppointment
        fields = [
            "direction",
            "school",
            "enterprise",
            "teacher",
            "craftsman",
            "position",
            "start_on",
            "end_on",
            "duties",
        ]

    def limit_choices(self, user) -> None:
        org = acting_organization(user)
        if org is not None:
            side = "school" if org.is_school else "enterprise"
            field = self.fields[side]
            field.queryset = field.queryset.filter(pk=org.pk)
        # A school names its own teachers; HR never sees a school's teacher register.
        _offer_teachers(self.fields["teacher"], user)
        _offer_craftsmen(self.fields["craftsman"], user)


class PartnerInstitutionForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = PartnerInstitution
        fields = [
            "school",
            "name",
            "kind",
            "location",
            "agreement_title",
            "agreement_signed_on",
            "agreement_until",
            "agreement_file",
            "notes",
        ]


class PartnerExchangeForm(RegisterForm):
    class Meta:
        model = PartnerExchange
        fields = ["partner", "date", "area", "direction", "title", "participants", "outcome"]

    def limit_choices(self, user) -> None:
        self.fields["partner"].queryset = permissions.partners_editable_by(user).select_related(
            "school"
        )


class QualityEvaluationSurveyForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = QualityEvaluationSurvey
        fields = [
            "school",
            "title",
            "enterprises",
            "held_on",
            "method",
            "participants",
            "plan_file",
            "report_file",
            "findings",
        ]
