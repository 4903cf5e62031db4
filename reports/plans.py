"""The county plans a deployment can follow (``settings.ALLIANCE_PLAN``), as profiles.

A plan sets, for each indicator, the default target and comparison and the clause cited beside
it, and the sentences with which pages and the annual report quote it. The indicator catalogue
says how a figure is computed; the plan says what it is held against. An indicator the plan sets
no target for is reported without one. The secretariat's per-year ``Target`` rows still win over
the plan (see ``reports.selectors.applied_targets``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core import checks
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance import glossary


class Comparison(models.TextChoices):
    AT_LEAST = "gte", _("at least")
    RISES = "rises", _("rises every year")
    REPORT = "report", glossary.REPORT_ONLY


@dataclass(frozen=True)
class PlanTarget:
    value: Decimal | None
    comparison: str
    clause: str


@dataclass(frozen=True)
class Plan:
    key: str
    #: the plan's published title (a proper name, quoted as is in both languages)
    title: str
    #: short name in running text ("the Linqu plan")
    name: str
    targets: dict[str, PlanTarget]
    #: the clause cited for an indicator the plan sets no target for
    unset_clause: str
    #: what the council page says the plan asks of council meetings ("" when it asks nothing)
    council_rule: str = ""
    #: the local-employment sentence of the report and the local employment page
    employment_rule: str = ""
    #: what the obligation pages say the plan asks of schools and enterprises
    obligations_rule: str = ""

    def target(self, code: str) -> PlanTarget:
        return self.targets.get(code) or PlanTarget(None, Comparison.REPORT, str(self.unset_clause))


LINQU = Plan(
    key="linqu",
    title="关于组建临朐县产教融合发展联盟实施方案",
    name=_("Linqu plan"),
    targets={
        "base_coverage": PlanTarget(
            Decimal(100),
            Comparison.AT_LEAST,
            _(
                "Linqu plan (1) 3: every alliance enterprise builds at least one skills training base"
            ),
        ),
        "station_coverage": PlanTarget(
            Decimal(100),
            Comparison.AT_LEAST,
            _("Linqu plan (2) 4: every alliance enterprise builds at least one teacher station"),
        ),
        "secondment_rate": PlanTarget(
            Decimal(5),
            Comparison.AT_LEAST,
            _(
                "Linqu plan (2) 4: schools send at least five per cent of professional teachers to enterprises every year"
            ),
        ),
        "training_ratio": PlanTarget(
            Decimal(2),
            Comparison.AT_LEAST,
            _("Linqu plan (3) 8: yearly training person-times at least twice the enrolment"),
        ),
        "order_class_hire_rate": PlanTarget(
            None,
            Comparison.REPORT,
            _(
                "Linqu plan (3) 6: order-class graduates are placed directly with the order enterprises"
            ),
        ),
        "apprentices_new": PlanTarget(
            None,
            Comparison.REPORT,
            _("Linqu plan (3) 7: apprenticeships for new and transferred employees"),
        ),
        "apprentices_in_training": PlanTarget(
            None,
            Comparison.REPORT,
            _("Linqu plan (3) 7: apprenticeships for new and transferred employees"),
        ),
        "apprentices_completed": PlanTarget(
            None,
            Comparison.REPORT,
            _("Linqu plan (3) 7: apprenticeships for new and transferred employees"),
        ),
        "craftsmen_teaching": PlanTarget(
            None,
            Comparison.REPORT,
            _("Linqu plan (2) 5: a pool of part-time technicians teaching in schools"),
        ),
        "local_employment_rate": PlanTarget(
            None,
            Comparison.RISES,
            _("Linqu plan (4) 11: the share of graduates staying in the county rises every year"),
        ),
        "alliance_employment_rate": PlanTarget(
            None,
            Comparison.REPORT,
            _("Linqu plan (4) 11: graduates are recommended to alliance enterprises first"),
        ),
        "mentor_coverage": PlanTarget(
            Decimal(100),
            Comparison.AT_LEAST,
            _(
                "Linqu plan (4) 10: every enterprise names a senior technician or manager as career mentor"
            ),
        ),
        "chairman_visits": PlanTarget(
            Decimal(100),
            Comparison.AT_LEAST,
            _("Linqu plan (4) 10: every year each alliance chairman visits a school once"),
        ),
        "outreach_per_semester": PlanTarget(
            Decimal(100),
            Comparison.AT_LEAST,
            _(
                "Linqu plan (4) 9: parents' enterprise visits and enterprise promotion weeks every semester"
            ),
        ),
        "recommendation_events": PlanTarget(
            Decimal(1),
            Comparison.AT_LEAST,
            _("Linqu plan (4) 11: one graduate recommendation event every year"),
        ),
        "council_meetings": PlanTarget(
            Decimal(2),
            Comparison.AT_LEAST,
            _("Linqu plan, safeguards (1): the council meets in principle every half year"),
        ),
        # issue 16: the retention funnel, reported (the plan asks for the archive, not a rate).
        **{
            code: PlanTarget(
                None,
                Comparison.REPORT,
                _(
                    "Linqu plan (4) 11: a local-talent archive follows the graduates who stay "
                    "in the county"
                ),
            )
            for code in ("funnel_hired", "retained_6m", "retained_12m", "retained_24m")
        },
        # 职业学校在校内建立企业文化长廊: every school sets one up.
        "corridor_coverage": PlanTarget(
            Decimal(100),
            Comparison.AT_LEAST,
            _("Linqu plan (4) 9: every vocational school sets up an enterprise culture corridor"),
        ),
        # 组建企业、学校双主体，政府、科研机构、商协会共同参与的理事会
        "council_dual_subjects": PlanTarget(
            Decimal(2),
            Comparison.AT_LEAST,
            _("Linqu plan, safeguards (1): enterprises and schools are the council's two pillars"),
        ),
        "council_participants": PlanTarget(
            Decimal(3),
            Comparison.AT_LEAST,
            _(
                "Linqu plan, safeguards (1): government, research institutes and associations "
                "take part in the council"
            ),
        ),
    },
    unset_clause=_("Not set by the Linqu plan: report only"),
    council_rule=_("The plan: a council meeting every half year (Linqu plan, 保障措施(一))."),
    employment_rule=_("The plan asks the local share to rise every year."),
    obligations_rule=_(
        "The Linqu plan asks every school to second at least 5 % of its professional teachers "
        "to enterprises and to train at least twice its enrolment every year, and every member "
        "enterprise to run a training base and a teacher station."
    ),
)


QUFU = Plan(
    key="qufu",
    title="曲阜市促进校企合作产教融合实施方案",
    name=_("Qufu plan"),
    targets={
        # 职业学校年社会培训人次最少达到在校生规模的2倍以上: the one quantitative target Qufu sets.
        "training_ratio": PlanTarget(
            Decimal(2),
            Comparison.AT_LEAST,
            _(
                "Qufu plan 3 (7): schools' yearly social training person-times at least twice the enrolment"
            ),
        ),
    },
    unset_clause=_("Not set by the Qufu plan: report only"),
    obligations_rule=_(
        "The Qufu plan asks every vocational school to reach yearly social training "
        "person-times of at least twice its enrolment; the other figures are reported without "
        "a target."
    ),
)

PLANS: dict[str, Plan] = {plan.key: plan for plan in (LINQU, QUFU)}


def current() -> Plan:
    """The plan of this deployment (``ALLIANCE_PLAN``)."""
    return PLANS[settings.ALLIANCE_PLAN]


@checks.register()
def check_plan(app_configs, **kwargs):
    """A deployment naming an unknown plan fails at start-up, not on the first dashboard."""
    if getattr(settings, "ALLIANCE_PLAN", None) in PLANS:
        return []
    return [
        checks.Error(
            f"ALLIANCE_PLAN must be one of {', '.join(sorted(PLANS))}.",
            id="reports.E001",
        )
    ]
