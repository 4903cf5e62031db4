"""Forms of the members app. Rules live in the models and services; forms only collect input."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.registers import PortalForm, RegisterForm
from alliance.validators import validate_mobile

from .models import (
    AllianceOffice,
    CouncilMeeting,
    CouncilSeat,
    ExpertConsultation,
    ExpertMember,
    Major,
    MediaReport,
    ModelCase,
    OfficeBudget,
    OfficeStaff,
    Organization,
    OrganizationPhoto,
    PolicyDocument,
    Resolution,
    Role,
    SchoolYearFigures,
    User,
    WorkPlan,
    WorkTask,
    normalize_credit_code,
)
from .permissions import MANAGED_ACCOUNT_ROLES, schools_for_figures

PROFILE_FIELDS = [
    "industry",
    "size",
    "address",
    "chairman",
    "leaders",
    "development_status",
    "future_plans",
    "wage_min",
    "wage_max",
]


class OrganizationProfileForm(RegisterForm):
    """What an HR manager or coordinator may change of their own organisation."""

    class Meta:
        model = Organization
        fields = PROFILE_FIELDS


CORRIDOR_FIELDS = ["corridor_installed_on", "corridor_location"]


class SchoolProfileForm(RegisterForm):
    """A coordinator's form for its school: the profile and the school's culture corridor."""

    class Meta:
        model = Organization
        fields = [*PROFILE_FIELDS, *CORRIDOR_FIELDS]


class OrganizationForm(RegisterForm):
    """The secretariat's form: registration data and profile. Withdrawal has its own page."""

    class Meta:
        model = Organization
        fields = [
            "kind",
            "name",
            "credit_code",
            "is_local",
            "outside_alliance",
            "joined_on",
            *PROFILE_FIELDS,
            *CORRIDOR_FIELDS,
        ]
        labels = {"name": _("organisation name")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["joined_on"].initial = timezone.localdate
        elif not self.instance.is_school:
            for name in CORRIDOR_FIELDS:
                del self.fields[name]

    def clean_credit_code(self) -> str | None:
        return normalize_credit_code(self.cleaned_data.get("credit_code"))


class MajorForm(RegisterForm):
    owner_field = "school"

    class Meta:
        model = Major
        fields = [
            "school",
            "code",
            "name",
            "industry",
            "status",
            "enterprises",
            "school_lead",
            "school_lead_plan",
            "enterprise_lead",
            "enterprise_lead_employer",
            "enterprise_lead_plan",
            "plan_document",
            "active",
        ]


def offer_majors(field: forms.ModelChoiceField, queryset) -> None:
    """A choice of majors from several schools' catalogues, each labelled with its school."""
    field.queryset = queryset.select_related("school").order_by("school__name", "code", "name")
    field.label_from_instance = lambda major: f"{major.school.name} · {major}"


class WithdrawForm(PortalForm):
    left_on = forms.DateField(label=_("withdrawn on"), initial=timezone.localdate)


class OrganizationPhotoForm(RegisterForm):
    class Meta:
        model = OrganizationPhoto
        fields = ["image", "caption"]
        widgets = {"image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"})}


class SchoolYearFiguresForm(RegisterForm):
    class Meta:
        model = SchoolYearFigures
        fields = ["school", "year", "enrolled_students", "professional_teachers", "graduates"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["year"].initial = timezone.localdate().year

    def limit_choices(self, user) -> None:
        # A coordinator may choose only its own school: another one is "not a valid choice".
        self.fields["school"].queryset = schools_for_figures(user).order_by("name")


class CouncilSeatForm(RegisterForm):
    class Meta:
        model = CouncilSeat
        fields = ["person", "organization", "position", "role", "term_start", "term_end"]

    def limit_choices(self, user) -> None:
        self.fields["organization"].queryset = Organization.objects.active().order_by("name")


class ExpertMemberForm(RegisterForm):
    class Meta:
        model = ExpertMember
        fields = ["person", "organization", "title", "role", "expertise", "order"]


class CouncilMeetingForm(RegisterForm):
    class Meta:
        model = CouncilMeeting
        fields = [
            "date",
            "kind",
            "status",
            "title",
            "location",
            "attendees",
            "attendee_count",
            "summary",
            "minutes",
        ]
        # A multiple select, not checkboxes: the shared form include renders one checkbox per field.
        widgets = {"attendees": forms.SelectMultiple(attrs={"size": 10})}

    def limit_choices(self, user) -> None:
        self.fields["attendees"].queryset = CouncilSeat.objects.select_related(
            "organization"
        ).order_by("organization__name", "person")
        self.fields["attendees"].label_from_instance = lambda seat: (
            f"{seat.person}（{seat.organization}）"
        )


class ResolutionForm(RegisterForm):
    class Meta:
        model = Resolution
        fields = ["text", "owner", "due_on", "status", "done_on"]

    def limit_choices(self, user) -> None:
        self.fields["owner"].queryset = Organization.objects.active().order_by("kind", "name")


# --- governance registers --------------------------------------------------------------------------


def _meetings_newest_first(form: RegisterForm, name: str) -> None:
    form.fields[name].queryset = CouncilMeeting.objects.order_by("-date")


class PolicyDocumentForm(RegisterForm):
    class Meta:
        model = PolicyDocument
        fields = [
            "kind",
            "title",
            "issuer",
            "adopted_at",
            "effective_on",
            "version",
            "replaces",
            "status",
            "ended_on",
            "summary",
            "file",
        ]

    def limit_choices(self, user) -> None:
        _meetings_newest_first(self, "adopted_at")
        # Only a version in force is replaced by a new one; a record edited keeps its own choice.
        versions = PolicyDocument.objects.filter(status="in_force")
        if self.instance.pk:
            versions = versions.exclude(pk=self.instance.pk) | PolicyDocument.objects.filter(
                pk=self.instance.replaces_id
            )
        self.fields["replaces"].queryset = versions.order_by("kind", "-effective_on")


class AllianceOfficeForm(RegisterForm):
    class Meta:
        model = AllianceOffice
        fields = ["name", "host", "venue", "floor_area", "established_on", "duties"]


class OfficeBudgetForm(RegisterForm):
    # An alliance has one office: it is chosen for the user.
    own_organization_fields = ("office",)

    class Meta:
        model = OfficeBudget
        fields = ["office", "year", "amount", "source", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["year"].initial = timezone.localdate().year


class OfficeStaffForm(RegisterForm):
    own_organization_fields = ("office",)

    class Meta:
        model = OfficeStaff
        fields = ["office", "person", "organization", "role", "start_on", "end_on"]


class ExpertConsultationForm(RegisterForm):
    class Meta:
        model = ExpertConsultation
        fields = [
            "date",
            "question",
            "asked_by",
            "experts",
            "advice",
            "advice_file",
            "outcome",
            "resolution",
        ]
        widgets = {"experts": forms.SelectMultiple(attrs={"size": 8})}

    def limit_choices(self, user) -> None:
        self.fields["experts"].queryset = ExpertMember.objects.select_related(
            "organization"
        ).order_by("order", "pk")
        self.fields["experts"].label_from_instance = lambda expert: (
            f"{expert.person}（{expert.organization}）"
        )
        self.fields["resolution"].queryset = Resolution.objects.select_related("meeting").order_by(
            "-meeting__date", "pk"
        )


class WorkPlanForm(RegisterForm):
    class Meta:
        model = WorkPlan
        fields = ["year", "title", "adopted_at", "summary", "summary_file"]

    def limit_choices(self, user) -> None:
        _meetings_newest_first(self, "adopted_at")


class WorkTaskForm(RegisterForm):
    class Meta:
        model = WorkTask
        fields = [
            "plan",
            "title",
            "owner",
            "partners",
            "measures",
            "deadline",
            "status",
            "done_on",
            "progress",
        ]
        widgets = {"partners": forms.SelectMultiple(attrs={"size": 6})}

    def limit_choices(self, user) -> None:
        # Members and the bodies named only as task owners (government departments) alike.
        organizations = Organization.objects.active().order_by("kind", "name")
        self.fields["owner"].queryset = organizations
        self.fields["partners"].queryset = organizations


def _managed_role_choices() -> list[tuple[str, str]]:
    return [(role.value, role.label) for role in Role if role in MANAGED_ACCOUNT_ROLES]


class AccountForm(PortalForm):
    """Creates (with ``username`` and an optional password) or edits an account."""

    username = forms.CharField(label=_("username"), max_length=150)
    full_name = forms.CharField(label=_("name"), max_length=150)
    role = forms.ChoiceField(label=_("role"), choices=_managed_role_choices)
    organization = forms.ModelChoiceField(
        label=_("organisation"), queryset=Organization.objects.active().order_by("kind", "name")
    )
    phone = forms.CharField(
        label=_("mobile phone"), max_length=11, required=False, validators=[validate_mobile]
    )
    email = forms.EmailField(label=_("email"), required=False)
    password = forms.CharField(
        label=_("initial password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to generate a temporary password, shown once after saving."),
    )

    def __init__(self, *args, editing: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if editing is not None:
            del self.fields["password"]
            self.fields["username"].disabled = True

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if self.editing is None and User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("This username is taken."))
        return username

    def apply_errors(self, error: ValidationError) -> None:
        """Show a service's ValidationError on the form's fields."""
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                target = field if field in self.fields else None
                if field == "first_name":
                    target = "full_name"
                for message in messages:
                    self.add_error(target, message)
        else:
            target = "password" if "password" in self.fields else None
            for message in error.messages:
                self.add_error(target, message)


class PasswordResetForm(PortalForm):
    password = forms.CharField(
        label=_("new password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to generate a temporary password, shown once."),
    )


class MediaReportForm(RegisterForm):
    link = forms.URLField(label=_("link"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = MediaReport
        fields = ["kind", "outlet", "published_on", "title", "link", "clipping", "organizations"]
        widgets = {"organizations": forms.SelectMultiple(attrs={"size": 8})}

    def limit_choices(self, user) -> None:
        self.fields["organizations"].queryset = Organization.objects.order_by("kind", "name")


NOMINATION_FIELDS = ["kind", "year", "title", "person", "organization", "partners", "summary"]


class ModelCaseNominationForm(RegisterForm):
    """A member nominates one of its own people or cases; the office decides."""

    owner_field = "organization"

    class Meta:
        model = ModelCase
        fields = NOMINATION_FIELDS
        widgets = {"partners": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["year"].initial = timezone.localdate().year

    def limit_choices(self, user) -> None:
        self.fields["partners"].queryset = Organization.objects.active().order_by("kind", "name")


class ModelCaseForm(ModelCaseNominationForm):
    """The office's form: the nomination plus approval, publication and the report's choice."""

    owner_field = None

    class Meta:
        model = ModelCase
        fields = [
            *NOMINATION_FIELDS,
            "nominated_by",
            "nominated_on",
            "status",
            "approved_on",
            "approved_at_meeting",
            "published_on",
            "published_where",
            "in_report",
        ]
        widgets = {"partners": forms.SelectMultiple(attrs={"size": 8})}

    def limit_choices(self, user) -> None:
        super().limit_choices(user)
        self.fields["organization"].queryset = Organization.objects.order_by("kind", "name")
        self.fields["nominated_by"].queryset = Organization.objects.order_by("kind", "name")
