"""The placements' signed links (``alliance.signed_links``): an employer confirms a hire, a
master signs off an internship, a graduate answers a follow-up — without an account."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.access import ENTERPRISE_HR
from alliance.registers.forms import PortalForm
from alliance.signed_links import Purpose, register
from members.selectors import organization_email

from . import permissions, services
from .models import GraduatePlacement, HireStatus, Internship, InternshipEvaluation
from .selectors import next_milestone

# Select lists with an empty first choice: the answer is never preselected.
CHOOSE = ("", gettext_lazy("Please choose"))
YES_NO = [CHOOSE, ("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]


class HireAnswerForm(PortalForm):
    decision = forms.ChoiceField(
        label=gettext_lazy("Your answer"),
        choices=[
            CHOOSE,
            ("confirm", gettext_lazy("Yes, this graduate works for us")),
            ("decline", gettext_lazy("No, not our employee")),
        ],
    )


class EvaluationAnswerForm(PortalForm):
    evaluation = forms.ChoiceField(
        label=gettext_lazy("Evaluation"), choices=[CHOOSE, *InternshipEvaluation.choices]
    )
    notes = forms.CharField(
        label=gettext_lazy("Comments"), required=False, widget=forms.Textarea, max_length=2000
    )


class FollowUpAnswerForm(PortalForm):
    still_employed = forms.ChoiceField(
        label=gettext_lazy("Do you still work for the same employer?"),
        choices=YES_NO,
    )
    problems = forms.CharField(
        label=gettext_lazy("Anything the alliance could help with?"),
        required=False,
        widget=forms.Textarea,
        max_length=2000,
    )


def _describe_hire(placement: GraduatePlacement) -> list[str]:
    return [
        _(
            "%(school)s records that %(name)s (%(major)s, graduated %(year)s) was hired by "
            "%(employer)s%(job)s."
        )
        % {
            "school": placement.student.school,
            "name": placement.student.name,
            "major": placement.student.major,
            "year": placement.graduation_year,
            "employer": placement.employer,
            "job": _(" as %(job)s") % {"job": placement.job} if placement.job else "",
        },
        _("Please confirm that this graduate works for your enterprise, or say that it is not so."),
    ]


def _perform_hire(placement: GraduatePlacement, data: dict) -> str:
    hired = data["decision"] == "confirm"
    services.hire_decide(placement=placement, user=None, confirm=hired)
    return str(HireStatus.CONFIRMED.label if hired else HireStatus.DECLINED.label)


def _describe_internship(internship: Internship) -> list[str]:
    return [
        _("%(name)s (%(school)s) did an internship at %(enterprise)s from %(start)s to %(end)s.")
        % {
            "name": internship.student.name,
            "school": internship.student.school,
            "enterprise": internship.enterprise,
            "start": internship.start_date.isoformat(),
            "end": internship.end_date.isoformat(),
        },
        _("As the master, please give the intern's evaluation."),
    ]


def _perform_internship(internship: Internship, data: dict) -> str:
    services.internship_evaluate(
        internship=internship, evaluation=data["evaluation"], notes=data.get("notes", "")
    )
    return str(InternshipEvaluation(data["evaluation"]).label)


def _describe_followup(placement: GraduatePlacement) -> list[str]:
    milestone = next_milestone(placement, today=timezone.localdate())
    lines = [
        _("Dear %(name)s, the alliance follows its graduates working in the county.")
        % {"name": placement.student.name},
        _("Our records say you work at %(employer)s.") % {"employer": placement.employer_display},
    ]
    if milestone:
        lines.append(
            _("This is the follow-up %(months)s months after your graduation.")
            % {"months": milestone}
        )
    return lines


def _perform_followup(placement: GraduatePlacement, data: dict) -> str:
    still = data["still_employed"] == "yes"
    services.followup_answer(placement=placement, still_employed=still, problems=data["problems"])
    return str(_("still employed there") if still else _("no longer employed there"))


HIRE = register(
    Purpose(
        key="hire",
        label=gettext_lazy("Confirm a graduate's hire"),
        model=GraduatePlacement,
        form=HireAnswerForm,
        describe=_describe_hire,
        perform=_perform_hire,
        issuable=permissions.pending_hires_for,
        recipient=lambda placement: organization_email(placement.employer_id, ENTERPRISE_HR),
    )
)
INTERNSHIP = register(
    Purpose(
        key="internship",
        label=gettext_lazy("Sign off an internship evaluation"),
        model=Internship,
        form=EvaluationAnswerForm,
        describe=_describe_internship,
        perform=_perform_internship,
        issuable=permissions.internships_editable_by,
    )
)
FOLLOWUP = register(
    Purpose(
        key="followup",
        label=gettext_lazy("Answer a graduate follow-up"),
        model=GraduatePlacement,
        form=FollowUpAnswerForm,
        describe=_describe_followup,
        perform=_perform_followup,
        issuable=permissions.followup_placements_for,
    )
)
