"""Who may see which scorecard and who manages report runs and targets."""

from __future__ import annotations

from django.db.models import QuerySet

from alliance.access import (
    COUNCIL,
    EVERYONE,
    acting_organization,
    is_council,
    is_enterprise_hr,
    is_school_coordinator,
    is_secretariat,
    scope_to_organization,
)
from members.models import Organization, OrganizationKind

from .assessments import Assessment, AssessmentStatus, AssessorKind, Incentive


def sees_all_scorecards(user) -> bool:
    """Secretariat and council see every member's scorecard (aggregates, no personal data)."""
    return is_secretariat(user) or (user.is_authenticated and user.role == COUNCIL)


def scorecard_organizations(user) -> QuerySet[Organization]:
    """Organisations whose scorecard the user may open: all, or only their own."""
    organizations = Organization.objects.all()
    if sees_all_scorecards(user):
        return organizations
    own = acting_organization(user)
    return organizations.filter(pk=own.pk) if own else organizations.none()


def manages_reports(user) -> bool:
    return is_secretariat(user)


def status_data_schools(user) -> QuerySet[Organization]:
    """Schools whose status-data table the user may read: every school for the secretariat and
    the council, a coordinator's own school (aggregates per major and enterprise, no people)."""
    return scorecard_organizations(user).schools().order_by("name")


# --- member assessments and incentives -------------------------------------------------------------
# The office prepares, approves (at a council meeting) and publishes the assessments; the council
# reads them all; a member reads the published results (its own and the others': publication is
# the point). Scoring: an enterprise's HR scores member schools, a school's coordinator member
# enterprises, the office enters the government departments' score sheets; nobody scores itself.


def assessments_visible_to(user) -> QuerySet[Assessment]:
    if is_secretariat(user) or is_council(user):
        return Assessment.objects.all()
    if acting_organization(user) is None:
        return Assessment.objects.none()
    return Assessment.objects.filter(status=AssessmentStatus.PUBLISHED)


def assessments_editable_by(user) -> QuerySet[Assessment]:
    """The office completes an assessment (third-party evaluation, notes) until it is approved."""
    if not is_secretariat(user):
        return Assessment.objects.none()
    return Assessment.objects.filter(status=AssessmentStatus.SCORING)


def assessor_kind_of(user) -> str | None:
    """What the user scores as: departments' sheets (the office), a school, an enterprise."""
    if is_secretariat(user):
        return AssessorKind.DEPARTMENT
    if is_enterprise_hr(user):
        return AssessorKind.ENTERPRISE
    if is_school_coordinator(user):
        return AssessorKind.SCHOOL
    return None


def assessments_scorable_by(user) -> QuerySet[Assessment]:
    scoring = Assessment.objects.filter(status=AssessmentStatus.SCORING)
    kind = assessor_kind_of(user)
    if kind == AssessorKind.DEPARTMENT:
        return scoring
    if kind == AssessorKind.ENTERPRISE:
        return scoring.filter(organization__kind=OrganizationKind.SCHOOL)
    if kind == AssessorKind.SCHOOL:
        return scoring.filter(organization__kind=OrganizationKind.ENTERPRISE)
    return Assessment.objects.none()


def manages_assessments(user) -> bool:
    return is_secretariat(user)


def incentives_visible_to(user) -> QuerySet[Incentive]:
    """Support paid from public funds is announced (公示): every role reads every grant."""
    return scope_to_organization(user, Incentive.objects.all(), readers=EVERYONE)


def incentives_editable_by(user) -> QuerySet[Incentive]:
    return Incentive.objects.all() if is_secretariat(user) else Incentive.objects.none()
