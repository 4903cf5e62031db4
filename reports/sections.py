"""What ``reports`` adds to the other apps' pages: indicator results, never a second computation.

The council page shows the ``council_meetings`` indicator with the target of the plan in force,
so the page and the published report judge the same meetings by the same rule; a member's page
shows its scorecard's indicators, to those who may open that scorecard.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from members.models import Organization, OrganizationKind
from members.sections import OrganizationSection, register, register_council

from . import plans, selectors
from .indicators import ALLIANCE_SCOPE, BY_CODE, ENTERPRISE, SCHOOL, Scope, evaluate
from .links import drilldown, indicator_links
from .permissions import assessments_visible_to, incentives_visible_to, scorecard_organizations
from .sources import DataSet


@register_council
def council_meetings_section(year: int, user) -> OrganizationSection:
    indicator = BY_CODE["council_meetings"]
    target = selectors.applied_targets(year)[indicator.code]
    row = evaluate(indicator, DataSet(), year, ALLIANCE_SCOPE, target)
    return OrganizationSection(
        title=_("Council meetings"),
        template="reports/_council_meetings.html",
        context={
            "row": row,
            "first_half": row.measure.extra["first_half"],
            "second_half": row.measure.extra["second_half"],
            "plan": plans.current(),
            "url": drilldown(
                indicator.drilldown, user=user, year=year, **indicator.drilldown_query
            ),
        },
        order=10,
    )


@register
def plan_figures_section(organization: Organization, user) -> OrganizationSection | None:
    kind = SCHOOL if organization.is_school else ENTERPRISE if organization.is_enterprise else None
    if kind is None or not getattr(user, "is_authenticated", False):
        return None
    if not scorecard_organizations(user).filter(pk=organization.pk).exists():
        return None
    year = selectors.default_year()
    data = DataSet()
    rows = selectors.indicator_rows(year, Scope(kind, organization.pk), data=data)
    members = data.year(year).schools if kind == SCHOOL else data.year(year).enterprises
    return OrganizationSection(
        title=_("Figures of the plan, %(year)s") % {"year": year},
        template="reports/_organization_section.html",
        context={
            "year": year,
            "is_member": organization.pk in members,
            "cards": indicator_links(rows, year, user, **{kind: organization.pk}),
            "scorecard_url": reverse(f"reports:{kind}_scorecard", args=[organization.pk])
            + f"?year={year}",
        },
        order=20,
    )


@register_council
def council_composition_section(year: int, user) -> OrganizationSection:
    """The council's make-up against the plan (双主体, 共同参与): the two composition indicators,
    with the kinds of organisation the council lacks named as warnings."""
    targets = selectors.applied_targets(year)
    data = DataSet()
    rows = [
        evaluate(BY_CODE[code], data, year, ALLIANCE_SCOPE, targets[code])
        for code in ("council_dual_subjects", "council_participants")
    ]
    kinds = dict(OrganizationKind.choices)
    return OrganizationSection(
        title=_("Council composition"),
        template="reports/_council_composition.html",
        context={
            "composition": [
                {
                    "row": row,
                    "missing": [kinds[k] for k in row.measure.extra["missing"]],
                    "seats": [(kinds[k], n) for k, n in row.measure.extra["seats"].items()],
                }
                for row in rows
            ],
            "composition_url": drilldown("members:seat_list", user=user),
        },
        order=15,
    )


@register
def assessment_section(organization: Organization, user) -> OrganizationSection | None:
    """The member's assessments the user may read (published ones, for the other members) and
    the support it received: two queries."""
    if not getattr(user, "is_authenticated", False):
        return None
    assessments = list(
        assessments_visible_to(user).filter(organization=organization).order_by("-year")
    )
    incentives = list(
        incentives_visible_to(user).filter(recipient=organization).order_by("-granted_on")
    )
    if not assessments and not incentives:
        return None
    return OrganizationSection(
        title=_("Assessments and support"),
        template="reports/_assessment_section.html",
        context={"assessments": assessments, "incentives": incentives},
        order=30,
    )
