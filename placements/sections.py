"""The placements section of an organisation's page (registered in ``PlacementsConfig.ready``).

Register counts only — that any signed-in role may read — so the section shows no personal data;
links lead to the registers, where each role's own scope applies. Rates and the plan's figures
(apprentices, hires, local employment) are indicator results, shown by the reports section.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from members.models import Organization
from members.sections import OrganizationSection, register
from members.selectors import default_year

from .models import (
    CareerMentor,
    OrderClass,
    OutreachEvent,
    Student,
)
from .selectors import mentors_active_q


@register
def placements_section(organization: Organization, user) -> OrganizationSection | None:
    if not user.is_authenticated:
        return None
    # The year the dashboards open on, so that the counts sit beside the same year's figures.
    year = default_year()
    if organization.is_school:
        figures = {
            "students": Student.objects.filter(school=organization).count(),
            "order_classes": OrderClass.objects.filter(school=organization).count(),
            "events": OutreachEvent.objects.filter(school=organization, date__year=year).count(),
        }
    elif organization.is_enterprise:
        figures = {
            "order_classes": OrderClass.objects.filter(enterprises=organization).count(),
            "mentors": CareerMentor.objects.filter(
                mentors_active_q(year), enterprise=organization
            ).count(),
            "events": OutreachEvent.objects.filter(
                enterprises=organization, date__year=year
            ).count(),
        }
    else:
        return None
    return OrganizationSection(
        title=str(_("Students and employment")),
        template="placements/_organization_section.html",
        context={"figures": figures, "organization": organization, "year": year},
        order=60,
    )
