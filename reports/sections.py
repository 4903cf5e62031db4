"""What ``reports`` adds to the other apps' pages: indicator results, never a second computation.

The council page shows the ``council_meetings`` indicator with the target of the plan in force,
so the page and the published report judge the same meetings by the same rule.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from members.sections import OrganizationSection, register_council

from . import plans, selectors
from .indicators import ALLIANCE_SCOPE, BY_CODE, evaluate
from .links import drilldown
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
