"""Forms of the placements registers.

Personal fields (ID number, phone, wage band) are never sent to a browser unmasked for users
other than the secretariat, not even as the value of an edit form's input: for them the field
starts empty, shows the masked value as a hint, and an empty answer keeps the stored value.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.access import sees_personal_data
from alliance.registers import PortalForm, RegisterForm, style_form
from members.forms import offer_majors
from members.models import Major, Organization
from training.models import TrainingBase

from . import permissions
from .models import (
    Apprenticeship,
    ApprenticeshipPath,
    CareerMentor,
    CoDevelopedMaterial,
    GraduatePlacement,
    HireStatus,
    Internship,
    OrderClass,
    OrderClassAlignment,
    OrderClassKind,
    OutreachEvent,
    OutreachPhoto,
    PreferentialMeasure,
    RetentionFollowUp,
    Student,
    TalentDemand,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class KeepMaskedMixin:
    """For users who may not see personal data, personal fields of an existing record start
    empty (the masked value is shown as a hint) and an empty answer keeps the stored value."""

    masked_fields: dict[str, Callable[[str], str]] = {}

    def _mask_personal_fields(self, user) -> None:
        self._kept: set[str] = set()
        if sees_personal_data(user) or not self.instance.pk:
            return
        for name, mask in self.masked_fields.items():
            if name not in self.fields:
                continue
            stored = getattr(self.instance, name)
            if not stored:
                continue
            field = self.fields[name]
            field.required = False
            self.initial[name] = ""
            if isinstance(field, forms.ChoiceField):
                # A <select> takes no placeholder: the help text says what is stored.
                shown = permissions.WAGE_MASK
            else:
                shown = mask(stored)
                field.widget.attrs["placeholder"] = shown
            field.help_text = _("Stored: %(value)s. Leave empty to keep it.") % {"value": shown}
            self._kept.add(name)

    def _keep(self, cleaned: dict) -> None:
        # ``construct_instance`` then writes the stored value back, and the model validates it.
        for name in self._kept:
            if not cleaned.get(name):
                cleaned[name] = getattr(self.instance, name)


class StudentForm(KeepMaskedMixin, RegisterForm):
    masked_fields = permissions.STUDENT_PERSONAL

    class Meta:
        model = Student
        fields = [
            "school",
            "student_number",
            "name",
            "national_id",
            "gender",
            "major",
            "class_name",
            "enrolment_year",
            "study_mode",
            "phone",
        ]

    def limit_choices(self, user) -> None:
        schools = permissions.schools_for(user)
        self.fields["school"].queryset = schools
        offer_majors(self.fields["major"], Major.objects.filter(school__in=schools))
        self._mask_personal_fields(user)

    def clean(self):
        cleaned = super().clean()
        self._keep(cleaned)
        return cleaned


class ApprenticeStudentForm(RegisterForm):
    """The employee's registration as a part-time student (招工即招生), on a new apprenticeship."""

    class Meta:
        model = Student
        fields = [
            "school",
            "student_number",
            "name",
            "national_id",
            "gender",
            "phone",
            "major",
            "enrolment_year",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = permissions.all_schools()
        # The employee enrols in a major of the school chosen above (the model checks the pair).
        offer_majors(self.fields["major"], Major.objects.all())
        style_form(self)

    def _get_validation_exclusions(self):
        # An employee already registered with the school under this number is reused by the
        # service, so the (school, student number) constraint must not refuse it here.
        exclude = super()._get_validation_exclusions()
        exclude.add("student_number")
        return exclude


class StudentByNumberMixin:
    """Choose a student by school and student number: a select of every student would not scale
    (a school keeps thousands)."""

    def _add_student_fields(self, user) -> None:
        self.fields = {
            "school": forms.ModelChoiceField(permissions.schools_for(user), label=_("school")),
            "student_number": forms.CharField(label=_("student number"), max_length=32),
            **self.fields,
        }
        if self.instance.pk and self.instance.student_id:
            self.initial.setdefault("school", self.instance.student.school_id)
            self.initial.setdefault("student_number", self.instance.student.student_number)

    def _resolve_student(self, cleaned: dict) -> None:
        school, number = cleaned.get("school"), (cleaned.get("student_number") or "").strip()
        if not school or not number:
            return
        # Another organisation's student and no student at all get the same answer.
        student = (
            permissions.students_linkable_by(self.user)
            .filter(school=school, student_number=number)
            .first()
        )
        if student is None:
            self.add_error("student_number", _("No student with this number at this school."))
            return
        self.instance.student = student


class OrderClassForm(RegisterForm):
    class Meta:
        model = OrderClass
        fields = [
            "school",
            "name",
            "kind",
            "major",
            "enterprises",
            "cohort_year",
            "graduation_year",
            "planned_size",
            "agreement",
        ]
        widgets = {"enterprises": forms.SelectMultiple(attrs={"size": 8})}
        help_texts = {"enterprises": _("One enterprise, or several for a joint class (联合组班).")}

    def limit_choices(self, user) -> None:
        schools = permissions.schools_for(user)
        self.fields["school"].queryset = schools
        self.fields["enterprises"].queryset = permissions.all_enterprises()
        offer_majors(self.fields["major"], Major.objects.filter(school__in=schools))


class EnrolForm(PortalForm):
    student_numbers = forms.CharField(
        label=_("student numbers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Student numbers of the class's school, separated by spaces, commas or new lines."
        ),
    )

    def __init__(self, *args, order_class: OrderClass, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_class = order_class

    def clean_student_numbers(self):
        numbers = [n for n in re.split(r"[\s,，、;；]+", self.cleaned_data["student_numbers"]) if n]
        students = list(
            Student.objects.filter(school=self.order_class.school_id, student_number__in=numbers)
        )
        unknown = sorted(set(numbers) - {s.student_number for s in students})
        if unknown:
            raise forms.ValidationError(
                _("No student with these numbers at %(school)s: %(numbers)s")
                % {"school": self.order_class.school, "numbers": "、".join(unknown)}
            )
        self.students = students
        return numbers


class AlignmentForm(RegisterForm):
    class Meta:
        model = OrderClassAlignment
        fields = ["status", "document", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class ApprenticeshipForm(RegisterForm):
    class Meta:
        model = Apprenticeship
        fields = [
            "enterprise",
            "path",
            "employee_category",
            "order_class",
            "agreement",
            "major",
            "contract_start",
            "contract_end",
            "enterprise_mentor",
            "school_mentor",
            "mode",
            "status",
            "ended_on",
            "outcome",
        ]
        widgets = {"contract_start": DATE, "contract_end": DATE, "ended_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = permissions.enterprises_for(user)
        self.fields["order_class"].queryset = permissions.pilot_classes_for(user).select_related(
            "school"
        )
        style_form(self)

    def clean(self):
        cleaned = super().clean()
        # Records from before the category was kept may lack it; a form always records it.
        if cleaned.get("path") == ApprenticeshipPath.EMPLOYEE and not cleaned.get(
            "employee_category"
        ):
            self.add_error(
                "employee_category", _("Say whether the employee is newly hired or transferred.")
            )
        return cleaned


class InternshipForm(StudentByNumberMixin, RegisterForm):
    class Meta:
        model = Internship
        fields = [
            "stage",
            "enterprise",
            "training_base",
            "master",
            "start_date",
            "end_date",
            "evaluation",
            "evaluation_notes",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "evaluation_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def limit_choices(self, user) -> None:
        self.fields["enterprise"].queryset = permissions.all_enterprises()
        self.fields["training_base"].queryset = TrainingBase.objects.select_related("enterprise")
        self.fields["training_base"].label_from_instance = lambda b: f"{b.enterprise} · {b.name}"
        self._add_student_fields(user)

    def clean(self):
        cleaned = super().clean()
        self._resolve_student(cleaned)
        return cleaned


class PlacementForm(KeepMaskedMixin, StudentByNumberMixin, RegisterForm):
    masked_fields = permissions.PLACEMENT_PERSONAL

    class Meta:
        model = GraduatePlacement
        fields = [
            "graduation_year",
            "destination",
            "employer",
            "employer_name",
            "employer_location",
            "job",
            "wage_band",
            "via_order_class",
        ]

    def limit_choices(self, user) -> None:
        self.fields["employer"].queryset = permissions.all_enterprises()
        self.fields["via_order_class"].queryset = permissions.order_classes_editable_by(
            user
        ).select_related("school")
        self._add_student_fields(user)
        self._mask_personal_fields(user)

    def clean(self):
        cleaned = super().clean()
        self._resolve_student(cleaned)
        self._keep(cleaned)
        employer = cleaned.get("employer")
        if self.instance.pk and (employer.pk if employer else None) != self.instance.employer_id:
            # A new employer has not confirmed anything yet.
            self.instance.hire_status = HireStatus.PENDING
            self.instance.hire_decided_at = None
            self.instance.hire_decided_by = None
        return cleaned


class FollowUpForm(RegisterForm):
    class Meta:
        model = RetentionFollowUp
        fields = [
            "contacted_on",
            "milestone",
            "still_employed",
            "problems",
            "resolved",
            "resolved_by",
        ]
        widgets = {"contacted_on": DATE, "problems": forms.Textarea(attrs={"rows": 3})}


class EventForm(RegisterForm):
    class Meta:
        model = OutreachEvent
        fields = [
            "kind",
            "title",
            "date",
            "school",
            "enterprises",
            "mentor",
            "participants",
            "covers_local_employment",
            "notes",
        ]
        widgets = {
            "date": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "enterprises": forms.SelectMultiple(attrs={"size": 8}),
        }

    def limit_choices(self, user) -> None:
        self.fields["school"].queryset = permissions.schools_for(user)
        self.fields["enterprises"].queryset = permissions.all_enterprises()
        self.fields["mentor"].queryset = CareerMentor.objects.select_related("enterprise")


class PhotoForm(RegisterForm):
    class Meta:
        model = OutreachPhoto
        fields = ["image", "caption"]
        widgets = {"image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"})}


class MentorForm(RegisterForm):
    class Meta:
        model = CareerMentor
        fields = ["enterprise", "person", "title", "schools", "appointed_on", "ended_on"]
        widgets = {
            "appointed_on": DATE,
            "ended_on": DATE,
            "schools": forms.SelectMultiple(attrs={"size": 4}),
        }

    def limit_choices(self, user) -> None:
        self.fields["enterprise"].queryset = permissions.enterprises_for(user)
        self.fields["schools"].queryset = permissions.all_schools()


class PreferentialMeasureForm(RegisterForm):
    owner_field = "enterprise"

    class Meta:
        model = PreferentialMeasure
        fields = ["enterprise", "area", "measure", "since", "until", "document"]
        widgets = {"since": DATE, "until": DATE}


class TalentDemandForm(RegisterForm):
    owner_field = "enterprise"

    class Meta:
        model = TalentDemand
        fields = [
            "enterprise",
            "survey_year",
            "post",
            "major",
            "headcount",
            "wage_min",
            "wage_max",
            "needed_by",
            "notes",
        ]
        widgets = {"needed_by": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def limit_choices(self, user) -> None:
        offer_majors(self.fields["major"], Major.objects.all())


class MaterialForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = CoDevelopedMaterial
        fields = [
            "school",
            "kind",
            "title",
            "major",
            "enterprises",
            "completed_on",
            "file",
            "order_class",
            "training_base",
            "apprentice_enterprise",
            "apprentice_cohort_year",
        ]
        widgets = {"completed_on": DATE, "enterprises": forms.SelectMultiple(attrs={"size": 6})}

    def limit_choices(self, user) -> None:
        offer_majors(
            self.fields["major"], Major.objects.filter(school__in=permissions.schools_for(user))
        )
        self.fields["enterprises"].queryset = permissions.all_enterprises()
        self.fields["apprentice_enterprise"].queryset = permissions.all_enterprises()
        self.fields["order_class"].queryset = permissions.order_classes_editable_by(user)
        self.fields["training_base"].queryset = TrainingBase.objects.select_related("enterprise")
        self.fields["training_base"].label_from_instance = lambda b: f"{b.enterprise} · {b.name}"


class JointClassForm(PortalForm):
    """The order class a group of talent demands becomes (联合组班)."""

    demands = forms.ModelMultipleChoiceField(
        TalentDemand.objects.none(),
        label=_("talent demands"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    school = forms.ModelChoiceField(Organization.objects.none(), label=_("school"))
    name = forms.CharField(label=_("name"), max_length=100)
    kind = forms.ChoiceField(
        label=_("kind of class"), choices=OrderClassKind.choices, initial=OrderClassKind.ORDER
    )
    cohort_year = forms.IntegerField(label=_("cohort (enrolment) year"), min_value=2000)
    graduation_year = forms.IntegerField(label=_("graduation year"), min_value=2000)
    planned_size = forms.IntegerField(label=_("planned size"), min_value=1)

    def __init__(self, *args, user, demands, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = permissions.schools_for(user)
        self.fields["demands"].queryset = demands
        self.fields["demands"].label_from_instance = lambda d: (
            f"{d.enterprise} · {d.post} · {d.major.name} × {d.headcount}"
        )

    def clean(self):
        cleaned = super().clean()
        cohort, graduation = cleaned.get("cohort_year"), cleaned.get("graduation_year")
        if cohort and graduation and graduation < cohort:
            self.add_error(
                "graduation_year", _("The graduation year cannot be before the cohort year.")
            )
        return cleaned
