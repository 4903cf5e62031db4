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

from .models import (
    AllianceOffice,
    CouncilMeeting,
    ExpertConsultation,
    ExpertMember,
    Major,
    MediaReport,
    ModelCase,
    OfficeBudget,
    OfficeStaff,
    Organization,
    PolicyDocument,
    SchoolYearFigures,
    WorkPlan,
    WorkTask,
)
from .permissions import (
    can_create_organization,
    can_log_media,
    can_manage_governance,
    consultations_editable_by,
    consultations_visible_to,
    council_meetings_visible_to,
    decides_model_cases,
    documents_editable_by,
    documents_visible_to,
    majors_editable_by,
    majors_visible_to,
    media_reports_editable_by,
    media_reports_visible_to,
    model_cases_editable_by,
    model_cases_visible_to,
    office_budgets_editable_by,
    office_budgets_visible_to,
    office_staff_editable_by,
    office_staff_visible_to,
    offices_editable_by,
    offices_visible_to,
    organizations_editable_by,
    organizations_visible_to,
    school_figures_editable_by,
    school_figures_visible_to,
    work_plans_editable_by,
    work_plans_visible_to,
    work_tasks_editable_by,
    work_tasks_visible_to,
)
from .registers import (
    CONSULTATIONS,
    DOCUMENTS,
    MAJORS,
    MEDIA,
    MEETINGS,
    MODEL_CASES,
    OFFICE_BUDGETS,
    OFFICE_STAFF,
    OFFICES,
    ORGANIZATIONS,
    PLANS,
    SCHOOL_FIGURES,
    TASKS,
)


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
            Column(
                "非联盟成员",
                "outside_alliance",
                example="否",
                note=_("Yes for a body named only as a task owner; it never counts as a member."),
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


# --- governance registers: kept by the office; read as their registers are ------------------------

OFFICE_KEEPS = {
    "import_roles": frozenset({SECRETARIAT}),
    "can_create": can_manage_governance,
    "sees_personal_data": sees_personal_data,
}


def office_ref() -> Ref:
    return Ref("office", {"办公室": "name"}, AllianceOffice.objects.all, what="办公室")


def organization_ref(field: str, header: str, what: str = "单位") -> Ref:
    """Any organisation, named by its name (or its credit code): a member, or a government
    department named only as an owner."""
    return Ref(
        field,
        {header: "name"},
        Organization.objects.all,
        alternatives=("credit_code",),
        what=what,
    )


register(
    Register(
        key="documents",
        title=_("Rules and documents"),
        model=PolicyDocument,
        list_url="members:document_list",
        columns=[
            Column("类型", "kind", example="章程"),
            Column("名称", "title", width=30, example="临朐县产教融合发展联盟章程"),
            Column("发布机构", "issuer", width=24, example="临朐县产教融合发展联盟理事会"),
            Column("通过会议", attr="adopted_at", width=28, importable=False),
            Column("生效日期", "effective_on", example="2024-01-01"),
            Column("版本", "version", example="1.0"),
            Column("状态", "status", example="现行有效"),
            Column("失效日期", "ended_on"),
            Column("摘要", "summary", width=40),
        ],
        natural_keys=[("title", "version")],
        visible_to=documents_visible_to,
        editable_by=documents_editable_by,
        export_roles=EVERYONE,
        filterset=DOCUMENTS.filterset_class(),
        select_related=("adopted_at",),
        order_by=("kind", "-effective_on", "-pk"),
        **OFFICE_KEEPS,
    )
)

register(
    Register(
        key="offices",
        title=_("Operating office"),
        model=AllianceOffice,
        list_url="members:office_list",
        columns=[
            Column("名称", "name", width=24, example="临朐县产教融合发展联盟办公室"),
            Column("合署办公单位", attr="host.name", width=24),
            Column("办公场所", "venue", width=30, example="临朐县企业发展促进会三楼"),
            Column("面积（平方米）", "floor_area"),
            Column("设立日期", "established_on", example="2023-12-08"),
            Column("职责", "duties", width=40),
        ],
        refs=[
            Ref(
                "host",
                {"合署办公单位": "name"},
                Organization.objects.all,
                alternatives=("credit_code",),
                what="单位",
            )
        ],
        natural_keys=[("name",)],
        visible_to=offices_visible_to,
        editable_by=offices_editable_by,
        export_roles=GOVERNANCE,
        filterset=OFFICES.filterset_class(),
        select_related=("host",),
        order_by=("established_on", "pk"),
        **OFFICE_KEEPS,
    )
)

register(
    Register(
        key="office_budgets",
        title=_("Office budgets"),
        model=OfficeBudget,
        list_url="members:office_budget_list",
        columns=[
            Column("办公室", attr="office.name", width=24),
            Column("年度", "year", example=2025),
            Column("金额（元）", "amount", example=200000),
            Column("经费来源", "source", width=24, example="县财政专项经费"),
            Column("备注", "notes", width=30),
        ],
        refs=[office_ref()],
        natural_keys=[("office", "year", "source")],
        visible_to=office_budgets_visible_to,
        editable_by=office_budgets_editable_by,
        export_roles=GOVERNANCE,
        filterset=OFFICE_BUDGETS.filterset_class(),
        select_related=("office",),
        order_by=("-year", "source", "pk"),
        **OFFICE_KEEPS,
    )
)

register(
    Register(
        key="office_staff",
        title=_("Office staff"),
        model=OfficeStaff,
        list_url="members:office_staff_list",
        columns=[
            Column("办公室", attr="office.name", width=24),
            Column("姓名", "person", example="王明"),
            Column("抽调单位", attr="organization.name", width=28),
            Column("岗位", "role", example="综合协调"),
            Column("起始日期", "start_on", example="2024-01-01"),
            Column("结束日期", "end_on"),
        ],
        refs=[office_ref(), organization_ref("organization", "抽调单位")],
        natural_keys=[("office", "person", "organization")],
        visible_to=office_staff_visible_to,
        editable_by=office_staff_editable_by,
        export_roles=GOVERNANCE,
        filterset=OFFICE_STAFF.filterset_class(),
        select_related=("office", "organization"),
        order_by=("start_on", "pk"),
        **OFFICE_KEEPS,
    )
)

register(
    Register(
        key="consultations",
        title=_("Expert consultations"),
        model=ExpertConsultation,
        list_url="members:consultation_list",
        columns=[
            Column("日期", "date", example="2025-03-15"),
            Column("咨询事项", "question", width=40),
            Column("提出方", "asked_by", example="联盟理事会"),
            Column(
                "咨询专家",
                "experts",
                width=24,
                many=ExpertMember.objects.all,
                required=True,
                note=_("Members of the expert committee by name, separated by 、"),
            ),
            Column("书面意见", "advice", width=40),
            Column("采纳情况", "outcome", example="已采纳"),
            Column("形成决议", attr="resolution", width=30, importable=False),
        ],
        natural_keys=[("date", "question")],
        visible_to=consultations_visible_to,
        editable_by=consultations_editable_by,
        export_roles=GOVERNANCE,
        filterset=CONSULTATIONS.filterset_class(),
        select_related=("resolution",),
        prefetch_related=("experts",),
        order_by=("-date", "-pk"),
        **OFFICE_KEEPS,
    )
)

register(
    Register(
        key="work_plans",
        title=_("Work plans"),
        model=WorkPlan,
        list_url="members:plan_list",
        columns=[
            Column("年度", "year", example=2025),
            Column("名称", "title", width=30, example="临朐县产教融合发展联盟2025年工作计划"),
            Column("通过会议", attr="adopted_at", width=28, importable=False),
            Column("年终总结", "summary", width=40),
        ],
        natural_keys=[("year",)],
        visible_to=work_plans_visible_to,
        editable_by=work_plans_editable_by,
        export_roles=GOVERNANCE,
        filterset=PLANS.filterset_class(),
        select_related=("adopted_at",),
        order_by=("-year",),
        **OFFICE_KEEPS,
    )
)

register(
    Register(
        key="work_tasks",
        title=_("Work-plan tasks"),
        model=WorkTask,
        list_url="members:task_list",
        columns=[
            Column("年度", attr="plan.year", example=2025),
            Column("任务", "title", width=36),
            Column("责任单位", attr="owner.name", width=28, example="临朐县教育和体育局"),
            Column(
                "配合单位",
                "partners",
                width=30,
                many=Organization.objects.all,
                note=_("Organisations by name, separated by 、"),
            ),
            Column("工作措施", "measures", width=40),
            Column("完成时限", "deadline", example="2025-12-31"),
            Column("状态", "status", example="推进中"),
            Column("完成日期", "done_on"),
            Column("进展情况", "progress", width=40),
        ],
        refs=[
            Ref("plan", {"年度": "year"}, WorkPlan.objects.all, what="工作计划"),
            organization_ref("owner", "责任单位"),
        ],
        natural_keys=[("plan", "title")],
        visible_to=work_tasks_visible_to,
        editable_by=work_tasks_editable_by,
        export_roles=EVERYONE,
        filterset=TASKS.filterset_class(),
        select_related=("plan", "owner"),
        order_by=("deadline", "pk"),
        **OFFICE_KEEPS,
    )
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
