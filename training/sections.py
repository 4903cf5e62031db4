"""The training section of an organisation's page (registered with ``members.sections``).

An enterprise's page shows whether it meets "at least one training base" and "at least one
teacher station" (Linqu §(一)3, §(二)4) and what it gives the schools; a school's page shows its
5 % secondment rate and 2× training ratio, linking to the school's obligations page.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from members.models import Organization
from members.sections import OrganizationSection, register

from . import permissions, selectors
from .models import TeacherStation, TrainingBase


@register
def training_section(organization: Organization, user) -> OrganizationSection | None:
    if not getattr(user, "is_authenticated", False):
        return None
    year = selectors.default_year()
    one = Organization.objects.filter(pk=organization.pk)
    context: dict = {"year": year}
    if organization.is_enterprise:
        context["enterprise_row"] = selectors.enterprise_obligations(year, one)[0]
        context["bases"] = TrainingBase.objects.filter(enterprise=organization).only("pk", "name")
        context["stations"] = TeacherStation.objects.filter(enterprise=organization).only(
            "pk", "name"
        )
    elif organization.is_school:
        context["school_row"] = selectors.school_obligations(year, one)[0]
        if permissions.can_view_school_obligations(user, organization):
            context["obligations_url"] = (
                reverse("training:school_obligations", args=[organization.pk]) + f"?year={year}"
            )
    else:
        return None
    return OrganizationSection(
        title=_("Training platforms and teachers"),
        template="training/_organization_section.html",
        context=context,
        order=30,
    )
