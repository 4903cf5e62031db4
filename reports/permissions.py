"""Who may see which scorecard and who manages report runs and targets."""

from __future__ import annotations

from django.db.models import QuerySet

from alliance.access import COUNCIL, acting_organization, is_secretariat
from members.models import Organization


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
