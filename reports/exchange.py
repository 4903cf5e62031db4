"""Excel sheets of the reports app's registers (see ``alliance.exchange``): assessments (export)
and incentives (export and import). Headers are the fixed Chinese file format."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from alliance.access import EVERYONE, SECRETARIAT, is_secretariat, sees_personal_data
from alliance.exchange import Column, Ref, Register, register
from members.exchange import organization_ref
from members.permissions import organizations_editable_by

from .assessments import Assessment, Incentive
from .permissions import (
    assessments_visible_to,
    incentives_editable_by,
    incentives_visible_to,
)
from .registers import ASSESSMENTS, INCENTIVES

register(
    Register(
        key="assessments",
        title=_("Member assessments"),
        model=Assessment,
        list_url="reports:assessment_list",
        columns=[
            Column("年度", "year"),
            Column("成员单位", attr="organization.name", width=28),
            Column("状态", "status"),
            Column("达标指标", "indicators_met"),
            Column("有目标的指标", "indicators_judged"),
            Column("指标得分", "indicator_score"),
            Column("评价得分", "assessor_score"),
            Column("第三方机构", "third_party_body", width=24),
            Column("第三方评分", "third_party_score"),
            Column("总分", "total_score"),
            Column("等次", "grade"),
            Column("审定会议", attr="approved_at_meeting", width=28),
            Column("公布日期", "published_on"),
        ],
        visible_to=assessments_visible_to,
        export_roles=EVERYONE,
        filterset=ASSESSMENTS.filterset_class(),
        select_related=("organization", "approved_at_meeting"),
        order_by=("-year", "organization__kind", "organization__name"),
        sees_personal_data=sees_personal_data,
    )
)

register(
    Register(
        key="incentives",
        title=_("Incentives"),
        model=Incentive,
        list_url="reports:incentive_list",
        columns=[
            Column("支持类型", "kind", example="设备引进"),
            Column("金额（元）", "amount", example=200000),
            Column("支持部门", "granting_department", example="临朐县财政局", width=20),
            Column("受支持单位", attr="recipient.name", width=28),
            Column("支持日期", "granted_on", example="2025-06-30"),
            Column(
                "考核年度",
                attr="assessment.year",
                required=False,
                note=_("The year of the recipient's approved assessment the support rests on."),
            ),
            Column("用途", "purpose", width=40, example="数控加工实训设备购置"),
        ],
        refs=[
            organization_ref("recipient", "受支持单位"),
            Ref(
                "assessment",
                {"考核年度": "year", "受支持单位": "organization__name"},
                Assessment.objects.all,
                what="考核",
            ),
        ],
        natural_keys=[("recipient", "granted_on", "kind")],
        visible_to=incentives_visible_to,
        editable_by=incentives_editable_by,
        writable_organizations=organizations_editable_by,
        can_create=is_secretariat,
        export_roles=EVERYONE,
        import_roles=frozenset({SECRETARIAT}),
        filterset=INCENTIVES.filterset_class(),
        select_related=("recipient", "assessment"),
        order_by=("-granted_on", "-pk"),
        sees_personal_data=sees_personal_data,
    )
)
