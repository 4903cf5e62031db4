"""Create/edit forms of the training registers.

Each form takes the acting ``user``: an HR or school account's records always belong to its own
organisation (the owner field is shown fixed), and choices of related rows (teachers, programmes)
are limited to what the user may use. The rules themselves live in the models' ``clean()``.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.masking import mask_phone
from members.models import Organization

from . import permissions
from .models import (
    Certification,
    Craftsman,
    InSchoolWorkshop,
    ProductionOrder,
    Secondment,
    StationPost,
    StudentRotation,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PortalForm(forms.ModelForm):
    """Bootstrap classes on every widget; ``owner_field`` fixed to the user's organisation."""

    owner_field: str | None = None

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        owner = permissions.owner_organization(user)
        if self.owner_field and self.owner_field in self.fields and owner is not None:
            field = self.fields[self.owner_field]
            field.queryset = Organization.objects.filter(pk=owner.pk)
            field.initial = owner.pk
            field.disabled = True
            if not self.instance.pk:
                setattr(self.instance, self.owner_field, owner)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                continue
            css = (
                "form-select"
                if isinstance(widget, forms.Select | forms.SelectMultiple)
                else "form-control"
            )
            widget.attrs.setdefault("class", css)


class InSchoolWorkshopForm(PortalForm):
    owner_field = "school"

    class Meta:
        model = InSchoolWorkshop
        fields = ["school", "name", "enterprises", "production_line", "opened_on", "status"]
        widgets = {"opened_on": DATE, "enterprises": forms.SelectMultiple(attrs={"size": 8})}


class ProductionOrderForm(PortalForm):
    class Meta:
        model = ProductionOrder
        fields = ["description", "quantity", "value", "start_on", "end_on"]
        widgets = {"start_on": DATE, "end_on": DATE}


class StudentRotationForm(PortalForm):
    class Meta:
        model = StudentRotation
        fields = ["class_name", "major", "headcount", "start_on", "end_on"]
        widgets = {"start_on": DATE, "end_on": DATE}


class TrainingBaseForm(PortalForm):
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
        widgets = {"established_on": DATE, "closed_on": DATE}


class TeacherStationForm(PortalForm):
    owner_field = "enterprise"

    class Meta:
        model = TeacherStation
        fields = ["enterprise", "name", "established_on", "closed_on"]
        widgets = {"established_on": DATE, "closed_on": DATE}


class StationPostForm(PortalForm):
    class Meta:
        model = StationPost
        fields = ["year", "post", "major", "places"]

    def validate_unique(self):
        # ``station`` is set by the view, not on the form: check the natural key with it.
        exclude = self._get_validation_exclusions() - {"station"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except forms.ValidationError as e:
            self._update_errors(e)


class TeacherForm(PortalForm):
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


class SecondmentForm(PortalForm):
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
        widgets = {"start_on": DATE, "end_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        # A coordinator seconds only their own school's teachers.
        self.fields["teacher"].queryset = permissions.teachers_editable_by(user).select_related(
            "school"
        )
        # Hundreds of teachers, some of the same name: show the staff number and department
        # (and the school to the secretariat, who sees every school's teachers).
        with_school = permissions.owner_organization(user) is None
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


class CraftsmanForm(PortalForm):
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
        widgets = {"joined_on": DATE, "left_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        # Phones are personal data: only the secretariat sees a stored number, even in the form.
        self.keeps_hidden_phone = bool(
            self.instance.pk and self.instance.phone and not permissions.shows_phone(user)
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


class TeachingAssignmentForm(PortalForm):
    owner_field = "school"

    class Meta:
        model = TeachingAssignment
        fields = ["school", "craftsman", "course", "year", "term", "hours", "kind"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["craftsman"].queryset = Craftsman.objects.select_related("enterprise")
        self.fields["craftsman"].label_from_instance = lambda c: f"{c.name}（{c.enterprise}）"


class TrainingProgrammeForm(PortalForm):
    owner_field = "school"

    class Meta:
        model = TrainingProgramme
        fields = [
            "school",
            "title",
            "enterprises",
            "funding_department",
            "start_on",
            "end_on",
            "participants",
            "hours",
        ]
        widgets = {
            "start_on": DATE,
            "end_on": DATE,
            "enterprises": forms.SelectMultiple(attrs={"size": 8}),
        }


class CertificationForm(PortalForm):
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
        widgets = {"assessed_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["programme"].queryset = permissions.programmes_editable_by(user)


class YearForm(forms.Form):
    """A year (the year to copy a station's practice posts to)."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
