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

from .models import CouncilMeeting, MediaReport, ModelCase, Organization, SchoolYearFigures
from .permissions import (
    can_create_organization,
    can_log_media,
    council_meetings_visible_to,
    decides_model_cases,
    media_reports_editable_by,
    media_reports_visible_to,
    model_cases_editable_by,
    model_cases_visible_to,
    organizations_editable_by,
    organizations_visible_to,
    school_figures_editable_by,
    school_figures_visible_to,
)
from .registers import MEDIA, MEETINGS, MODEL_CASES, ORGANIZATIONS, SCHOOL_FIGURES


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


def organization_ref(field: str, header: str, what: str = "单位") -> Ref:
    """Any organisation, named by its name (or its credit code)."""
    return Ref(
        field,
        {header: "name"},
        Organization.objects.all,
        alternatives=("credit_code",),
        what=what,
    )


register(
    Register(
        key="media_reports",
        title=_("Media log"),
        model=MediaReport,
        list_url="members:media_list",
        columns=[
            Column("媒体类型", "kind", example="报刊"),
            Column("媒体名称", "outlet", example="潍坊日报", width=20),
            Column("发布日期", "published_on", example="2025-05-20"),
            Column("标题", "title", example="临朐产教融合联盟助力技能人才留临就业", width=40),
            Column(
                "链接",
                "link",
                width=40,
                required=True,
                note=_("The web address of the report (a clipping is uploaded on its page)."),
            ),
            Column(
                "涉及单位",
                "organizations",
                width=30,
                many=Organization.objects.all,
                note=_("Names separated by 、"),
            ),
            Column("内容摘要", "summary", width=40),
        ],
        natural_keys=[("outlet", "published_on", "title")],
        visible_to=media_reports_visible_to,
        editable_by=media_reports_editable_by,
        can_create=can_log_media,
        export_roles=EVERYONE,
        import_roles=frozenset({SECRETARIAT}),
        filterset=MEDIA.filterset_class(),
        prefetch_related=("organizations",),
        order_by=("-published_on", "-pk"),
        **COMMON,
    )
)

register(
    Register(
        key="model_cases",
        title=_("Model workers and cases"),
        model=ModelCase,
        list_url="members:model_case_list",
        columns=[
            Column("类别", "kind", example="先进典型"),
            Column("年度", "year", example=2025),
            Column("标题", "title", width=36, example="扎根铝型材生产一线的“金牌焊工”"),
            Column("人物", "person", example="王建国"),
            Column("单位", attr="organization.name", width=28),
            Column("合作单位", "partners", width=30, many=Organization.objects.all),
            Column("事迹或案例简介", "summary", width=50, example="……"),
            Column("推荐单位", attr="nominated_by.name", width=28),
            Column("推荐日期", "nominated_on", example="2025-03-10"),
            Column("状态", "status", example="已推荐"),
            Column("审定日期", "approved_on"),
            Column("发布日期", "published_on"),
            Column("发布渠道", "published_where", width=20),
            Column("编入年度报告", "in_report", example="否"),
        ],
        refs=[
            organization_ref("organization", "单位"),
            organization_ref("nominated_by", "推荐单位"),
        ],
        natural_keys=[("year", "title")],
        visible_to=model_cases_visible_to,
        editable_by=model_cases_editable_by,
        can_create=decides_model_cases,
        export_roles=EVERYONE,
        import_roles=frozenset({SECRETARIAT}),
        filterset=MODEL_CASES.filterset_class(),
        select_related=("organization", "nominated_by"),
        prefetch_related=("partners",),
        order_by=("-year", "kind", "title"),
        **COMMON,
    )
)
