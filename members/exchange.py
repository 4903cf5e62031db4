"""Excel registers of the members app (see ``alliance.exchange``): organisations, school figures.

Headers are fixed Chinese strings: they are the file format users fill in, and must not change
with the interface language.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from alliance.access import (
    EVERYONE,
    GOVERNANCE,
    SCHOOL_READERS,
    SCHOOL_STAFF,
    SECRETARIAT,
    acting_organization,
    sees_personal_data,
)
from alliance.exchange import Column, Ref, Register, register

from .models import CouncilMeeting, Major, Organization, SchoolYearFigures
from .permissions import (
    can_create_organization,
    council_meetings_visible_to,
    majors_editable_by,
    majors_visible_to,
    organizations_editable_by,
    organizations_visible_to,
    school_figures_editable_by,
    school_figures_visible_to,
)
from .registers import MAJORS, MEETINGS, ORGANIZATIONS, SCHOOL_FIGURES


def school_ref(field: str = "school", header: str = "学校") -> Ref:
    """A school named by its name (or its credit code)."""
    return Ref(
        field,
        {header: "name"},
        Organization.objects.schools,
        alternatives=("credit_code",),
        what="学校",
    )


def enterprise_ref(field: str = "enterprise", header: str = "企业") -> Ref:
    return Ref(
        field,
        {header: "name"},
        Organization.objects.enterprises,
        alternatives=("credit_code",),
        what="企业",
    )


def major_ref(field: str = "major", header: str = "专业", school_header: str = "学校") -> Ref:
    """A major named by its name within the school of the row. Catalogues are read by every
    role, so any school's may be named: a row for another school is refused by its owner."""
    return Ref(
        field, {header: "name", school_header: "school__name"}, Major.objects.all, what="专业"
    )


def own_organization_example(header: str):
    """Example rows name the user's own organisation (a school fills in its own name)."""

    def example(user) -> dict:
        org = acting_organization(user)
        return {header: org.name} if org is not None else {}

    return example


COMMON = {
    "writable_organizations": organizations_editable_by,
    "sees_personal_data": sees_personal_data,
}

register(
    Register(
        key="organizations",
        title=_("Organisations"),
        model=Organization,
        list_url="members:organization_list",
        columns=[
            Column(
                "名称",
                "name",
                example="临朐县示例机械有限公司",
                width=30,
                note=_("Full registered name; unique."),
            ),
            Column("类型", "kind", example="企业"),
            Column(
                "统一社会信用代码",
                "credit_code",
                width=22,
                example="",
                note=_(
                    "18 characters; leave empty if unknown. Identifies the organisation when filled."
                ),
            ),
            Column("行业", "industry", example="机械制造"),
            Column("规模", "size", example="中型"),
            Column(
                "县内",
                "is_local",
                example="是",
                note=_("Registered and operating inside the county."),
            ),
            Column("地址", "address", width=30),
            Column("董事长或负责人", "chairman"),
            Column("加入日期", "joined_on", example="2023-12-08"),
            Column("退出日期", "left_on"),
            Column("状态", "status", example="在册成员"),
            Column("发展现状", "development_status", width=30),
            Column("未来规划", "future_plans", width=30),
            Column("工资下限（元/月）", "wage_min"),
            Column("工资上限（元/月）", "wage_max"),
            Column("主要负责人", "leaders", width=30, note=_("One per line.")),
        ],
        natural_keys=[("credit_code",), ("name",)],
        visible_to=organizations_visible_to,
        editable_by=organizations_editable_by,
        can_create=can_create_organization,
        export_roles=EVERYONE,
        import_roles=frozenset({SECRETARIAT}),
        filterset=ORGANIZATIONS.filterset_class(),
        order_by=("kind", "name"),
        **COMMON,
    )
)

register(
    Register(
        key="school_figures",
        title=_("School yearly figures"),
        model=SchoolYearFigures,
        list_url="members:school_figures_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("年份", "year", example=2025),
            Column("在校生数", "enrolled_students", example=3200),
            Column("专业教师数", "professional_teachers", example=180),
            Column("毕业生数", "graduates", example=950),
        ],
        refs=[school_ref()],
        natural_keys=[("school", "year")],
        owners=("school_id",),
        visible_to=school_figures_visible_to,
        editable_by=school_figures_editable_by,
        export_roles=SCHOOL_READERS,
        import_roles=SCHOOL_STAFF,
        filterset=SCHOOL_FIGURES.filterset_class(),
        select_related=("school",),
        order_by=("-year", "school__name"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)

register(
    Register(
        key="council_meetings",
        title=_("Council meetings"),
        model=CouncilMeeting,
        list_url="members:meeting_list",
        columns=[
            Column("日期", "date"),
            Column("类型", "kind"),
            Column("状态", "status"),
            Column("会议名称", "title", width=30),
            Column("地点", "location", width=20),
            Column("出席人数", "attendee_count"),
            Column("会议纪要摘要", "summary", width=40),
        ],
        visible_to=council_meetings_visible_to,
        export_roles=GOVERNANCE,
        filterset=MEETINGS.filterset_class(),
        order_by=("-date", "-pk"),
        sees_personal_data=sees_personal_data,
    )
)

register(
    Register(
        key="majors",
        title=_("Majors"),
        model=Major,
        list_url="members:major_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column(
                "专业代码", "code", example="660103", note=_("National catalogue code, if known.")
            ),
            Column("专业名称", "name", example="数控技术应用"),
            Column("服务产业", "industry", example="机械装备制造"),
            Column("专业类别", "status", example="骨干专业"),
            Column("合作企业", "enterprises", width=30, many=Organization.objects.enterprises),
            Column("学校带头人", "school_lead", example="王建国"),
            Column("学校带头人培养计划", "school_lead_plan", width=30),
            Column("企业带头人", "enterprise_lead", example="李师傅"),
            Column("企业带头人培养计划", "enterprise_lead_plan", width=30),
            Column("在招", "active", example="是"),
        ],
        refs=[school_ref()],
        natural_keys=[("school", "name")],
        owners=("school_id",),
        visible_to=majors_visible_to,
        editable_by=majors_editable_by,
        export_roles=EVERYONE,
        import_roles=SCHOOL_STAFF,
        filterset=MAJORS.filterset_class(),
        select_related=("school",),
        order_by=("school__name", "code", "name"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)
