"""The placements section of an organisation's page (registered in ``PlacementsConfig.ready``).

Figures only — counts that any signed-in role may read — so the section shows no personal data;
links lead to the registers, where each role's own scope applies.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from members.models import Organization
from members.sections import OrganizationSection, register

from .models import (
    Apprenticeship,
    CareerMentor,
    GraduatePlacement,
    OrderClass,
    OutreachEvent,
    Student,
    working_q,
)
from .selectors import local_q, mentors_active_q


@register
def placements_section(organization: Organization, user) -> OrganizationSection | None:
    if not user.is_authenticated:
        return None
    year = dt.date.today().year
    if organization.is_school:
        figures = {
            "students": Student.objects.filter(school=organization).count(),
            "order_classes": OrderClass.objects.filter(school=organization).count(),
            "events": OutreachEvent.objects.filter(school=organization, date__year=year).count(),
        }
        graduates = GraduatePlacement.objects.filter(
            student__school=organization, graduation_year=year - 1
        ).aggregate(employed=Count("pk", filter=working_q()), local=Count("pk", filter=local_q()))
        figures["graduation_year"] = year - 1
        figures["local_rate"] = (
            graduates["local"] / graduates["employed"] if graduates["employed"] else None
        )
    elif organization.is_enterprise:
        figures = {
            "order_classes": OrderClass.objects.filter(enterprises=organization).count(),
            "apprentices": Apprenticeship.objects.filter(
                enterprise=organization, contract_end__gte=dt.date(year, 1, 1)
            )
            .exclude(status__in=["completed", "withdrawn"])
            .count(),
            "hires": GraduatePlacement.objects.filter(Q(employer=organization), working_q())
            .exclude(hire_status="declined")
            .count(),
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
