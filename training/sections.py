"""The training section of an organisation's page (registered with ``members.sections``).

An enterprise's page lists its training bases and teacher stations. Whether they meet the plan
is an indicator result, shown by the reports app's section of the same page.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from members.models import Organization
from members.sections import OrganizationSection, register

from .models import TeacherStation, TrainingBase


@register
def training_section(organization: Organization, user) -> OrganizationSection | None:
    if not getattr(user, "is_authenticated", False) or not organization.is_enterprise:
        return None
    return OrganizationSection(
        title=_("Training platforms and teachers"),
        template="training/_organization_section.html",
        context={
            "bases": TrainingBase.objects.filter(enterprise=organization).only("pk", "name"),
            "stations": TeacherStation.objects.filter(enterprise=organization).only("pk", "name"),
        },
        order=30,
    )
