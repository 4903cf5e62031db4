"""Excel registers of the training app (see ``alliance.exchange``).

Teachers, secondments, craftsmen and in-service training programmes; headers are fixed Chinese
strings (the file format users fill in). References use names users know: a school or an
enterprise by name (or credit code), a teacher by name (+ staff number) within a school, a
teacher station by name within its enterprise.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from alliance.access import ENTERPRISE_STAFF, EVERYONE, SCHOOL_STAFF, STAFF, sees_personal_data
from alliance.exchange import Column, Ref, Register, register
from alliance.masking import mask_phone
from members.exchange import enterprise_ref, own_organization_example, school_ref
from members.models import Organization
from members.permissions import organizations_editable_by

from .models import (
    Certification,
    CoBuiltInstitution,
    Craftsman,
    InSchoolWorkshop,
    InstitutionYear,
    PartnerExchange,
    PartnerInstitution,
    Patent,
    QualityEvaluationSurvey,
    Secondment,
    ServiceProject,
    SharedEquipment,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
    TwoWayAppointment,
    WorkshopContribution,
)
from .permissions import (
    appointments_editable_by,
    appointments_visible_to,
    assignments_visible_to,
    bases_visible_to,
    certifications_visible_to,
    contributions_editable_by,
    contributions_visible_to,
    craftsmen_editable_by,
    craftsmen_visible_to,
    equipment_editable_by,
    equipment_visible_to,
    exchanges_editable_by,
    exchanges_visible_to,
    institution_years_editable_by,
    institution_years_visible_to,
    institutions_editable_by,
    institutions_visible_to,
    partners_editable_by,
    partners_visible_to,
    patents_editable_by,
    patents_visible_to,
    programmes_editable_by,
    programmes_visible_to,
    projects_editable_by,
    projects_visible_to,
    quality_surveys_editable_by,
    quality_surveys_visible_to,
    secondments_editable_by,
    secondments_visible_to,
    stations_visible_to,
    teachers_editable_by,
    teachers_visible_to,
    workshops_editable_by,
    workshops_visible_to,
)
from .registers import (
    APPOINTMENTS,
    ASSIGNMENTS,
    BASES,
    CERTIFICATIONS,
    CONTRIBUTIONS,
    CRAFTSMEN,
    EQUIPMENT,
    EXCHANGES,
    INSTITUTION_YEARS,
    INSTITUTIONS,
    PARTNERS,
    PATENTS,
    PROGRAMMES,
    PROJECTS,
    QUALITY_SURVEYS,
    SECONDMENTS,
    STATIONS,
    TEACHERS,
    WORKSHOPS,
)

COMMON = {
    "writable_organizations": organizations_editable_by,
    "sees_personal_data": sees_personal_data,
}

register(
    Register(
        key="teachers",
        title=_("Teachers"),
        model=Teacher,
        list_url="training:teacher_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("姓名", "name", example="王老师"),
            Column(
                "工号",
                "employee_number",
                example="T2019001",
                note=_("Needed only to tell apart two teachers of the same name."),
            ),
            Column("部门", "department", example="机电工程系"),
            Column("专业教师", "is_professional", example="是"),
            Column("双师型教师", "is_dual_qualified", example="否"),
        ],
        refs=[school_ref()],
        natural_keys=[("school", "name", "employee_number")],
        owners=("school_id",),
        visible_to=teachers_visible_to,
        editable_by=teachers_editable_by,
        export_roles=frozenset(SCHOOL_STAFF),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=TEACHERS.filterset_class(),
        select_related=("school",),
        order_by=("school__name", "department", "name"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)

register(
    Register(
        key="secondments",
        title=_("Secondments"),
        model=Secondment,
        list_url="training:secondment_list",
        columns=[
            Column("学校", attr="teacher.school.name", width=28),
            Column("教师姓名", attr="teacher.name"),
            Column("教师工号", attr="teacher.employee_number"),
            Column("企业", attr="enterprise.name", width=28),
            Column(
                "教师活动站",
                attr="station.name",
                width=20,
                note=_("Optional: a station of the same enterprise."),
            ),
            Column("开始日期", "start_on", example="2025-07-01"),
            Column("结束日期", "end_on", example="2025-08-15"),
            Column("实践天数", "days", example=30),
            Column("岗位", "post", example="数控加工"),
            Column("状态", "status", example="已完成"),
        ],
        refs=[
            Ref(
                "teacher",
                {"教师姓名": "name", "学校": "school__name", "教师工号": "employee_number"},
                Teacher.objects.all,
                what="教师",
                optional=("教师工号",),
                linkable=teachers_editable_by,
            ),
            enterprise_ref(),
            Ref(
                "station",
                {"教师活动站": "name", "企业": "enterprise__name"},
                TeacherStation.objects.all,
                what="教师活动站",
            ),
        ],
        # The model has no unique constraint on these (yet): the engine still matches on them.
        natural_keys=[("teacher", "enterprise", "start_on")],
        owners=("teacher.school_id",),
        visible_to=secondments_visible_to,
        editable_by=secondments_editable_by,
        export_roles=frozenset(STAFF),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=SECONDMENTS.filterset_class(),
        select_related=("teacher__school", "enterprise", "station"),
        order_by=("-start_on", "pk"),
        example_for=own_organization_example("学校"),
        notes=_("The teacher must already be in the teachers register (import teachers first)."),
        **COMMON,
    )
)

register(
    Register(
        key="craftsmen",
        title=_("Craftsmen pool"),
        model=Craftsman,
        list_url="training:craftsman_list",
        columns=[
            Column("企业", attr="enterprise.name", width=28),
            Column("姓名", "name", example="李师傅"),
            Column("技能等级", "skill_level", example="高级技师"),
            Column("专长", "specialty", example="铝型材挤压"),
            Column("类别", "role", example="能工巧匠"),
            Column(
                "手机",
                "phone",
                mask=mask_phone,
                example="13800000000",
                note=_("11-digit mainland mobile number; leave empty if unknown."),
            ),
            Column("入库日期", "joined_on", example="2024-03-01"),
            Column("退出日期", "left_on"),
            Column("在库", "active", example="是"),
        ],
        refs=[enterprise_ref()],
        natural_keys=[("enterprise", "name")],
        owners=("enterprise_id",),
        visible_to=craftsmen_visible_to,
        editable_by=craftsmen_editable_by,
        export_roles=frozenset(STAFF),
        import_roles=frozenset(ENTERPRISE_STAFF),
        filterset=CRAFTSMEN.filterset_class(),
        select_related=("enterprise",),
        order_by=("enterprise__name", "name"),
        example_for=own_organization_example("企业"),
        **COMMON,
    )
)

register(
    Register(
        key="programmes",
        title=_("In-service training programmes"),
        model=TrainingProgramme,
        list_url="training:programme_list",
        columns=[
            Column("承办学校", attr="school.name", width=28),
            Column("培训项目", "title", width=30, example="铝型材挤压工技能提升培训"),
            Column(
                "参训企业",
                "enterprises",
                width=30,
                many=Organization.objects.enterprises,
                note=_("Member enterprises by name, separated by 、"),
            ),
            Column("资助部门", "funding_department", example="人力资源和社会保障"),
            Column("培训形式", "form", example="短期班"),
            Column("培训地点", "venue", example="学校实训基地"),
            Column("培训对象", "audience", example="企业职工"),
            Column("开始日期", "start_on", example="2025-03-01"),
            Column("结束日期", "end_on", example="2025-03-20"),
            Column("参训人次", "participants", example=120),
            Column("学时", "hours", example=40),
        ],
        refs=[
            Ref(
                "school",
                {"承办学校": "name"},
                Organization.objects.schools,
                alternatives=("credit_code",),
                what="学校",
            )
        ],
        natural_keys=[("school", "title", "start_on")],
        owners=("school_id",),
        visible_to=programmes_visible_to,
        editable_by=programmes_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=PROGRAMMES.filterset_class(),
        select_related=("school",),
        order_by=("-start_on", "title"),
        example_for=own_organization_example("承办学校"),
        **COMMON,
    )
)


register(
    Register(
        key="partners",
        title=_("External partners"),
        model=PartnerInstitution,
        list_url="training:partner_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("合作院校（机构）", "name", width=28, example="苏州工业园区工业技术学校"),
            Column("类型", "kind", example="职业院校"),
            Column("所在地", "location", example="江苏省苏州市"),
            Column("合作协议", "agreement_title", width=28, example="校际合作框架协议"),
            Column("签订日期", "agreement_signed_on", example="2024-05-10"),
            Column("有效期至", "agreement_until", example="2027-05-09"),
            Column("备注", "notes", width=30),
        ],
        refs=[school_ref()],
        natural_keys=[("school", "name")],
        owners=("school_id",),
        visible_to=partners_visible_to,
        editable_by=partners_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=PARTNERS.filterset_class(),
        select_related=("school",),
        order_by=("school__name", "name"),
        example_for=own_organization_example("学校"),
        notes=_("Institutions outside the city that are not alliance members."),
        **COMMON,
    )
)

register(
    Register(
        key="partner_exchanges",
        title=_("External exchanges"),
        model=PartnerExchange,
        list_url="training:exchange_list",
        columns=[
            Column("学校", attr="partner.school.name", width=28),
            Column("合作院校（机构）", attr="partner.name", width=28),
            Column("日期", "date", example="2025-04-18"),
            Column("领域", "area", example="课程标准"),
            Column("方向", "direction", example="引进来"),
            Column("交流活动", "title", width=30, example="数控专业课程标准研讨"),
            Column("参与人数", "participants", example=12),
            Column("成果", "outcome", width=30),
        ],
        refs=[
            Ref(
                "partner",
                {"合作院校（机构）": "name", "学校": "school__name"},
                PartnerInstitution.objects.all,
                what="合作院校",
                linkable=partners_editable_by,
            )
        ],
        natural_keys=[("partner", "date", "title")],
        owners=("partner.school_id",),
        visible_to=exchanges_visible_to,
        editable_by=exchanges_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=EXCHANGES.filterset_class(),
        select_related=("partner__school",),
        order_by=("-date", "-pk"),
        example_for=own_organization_example("学校"),
        notes=_("The partner must already exist (import partners first)."),
        **COMMON,
    )
)


# -- exported only (their records are kept on their pages) -------------------------------------

register(
    Register(
        key="workshops",
        title=_("In-school workshops"),
        model=InSchoolWorkshop,
        list_url="training:workshop_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("校中厂名称", "name", width=28),
            Column("合作企业", "enterprises", width=30, many=Organization.objects.enterprises),
            Column("生产线", "production_line", width=30),
            Column("投产日期", "opened_on"),
            Column("状态", "status"),
        ],
        visible_to=workshops_visible_to,
        export_roles=frozenset(EVERYONE),
        filterset=WORKSHOPS.filterset_class(),
        select_related=("school",),
        order_by=("school__name", "name"),
        sees_personal_data=sees_personal_data,
    )
)

register(
    Register(
        key="bases",
        title=_("Training bases"),
        model=TrainingBase,
        list_url="training:base_list",
        columns=[
            Column("企业", attr="enterprise.name", width=28),
            Column("基地名称", "name", width=28),
            Column("地址", "address", width=30),
            Column("容纳学生数", "capacity"),
            Column("服务专业", "majors", width=30),
            Column("师傅人数", "masters_count"),
            Column("师傅姓名", "master_names", width=30),
            Column("建立日期", "established_on"),
            Column("关闭日期", "closed_on"),
            Column("状态", "status"),
        ],
        visible_to=bases_visible_to,
        export_roles=frozenset(EVERYONE),
        filterset=BASES.filterset_class(),
        select_related=("enterprise",),
        order_by=("enterprise__name", "name"),
        sees_personal_data=sees_personal_data,
    )
)

register(
    Register(
        key="stations",
        title=_("Teacher stations"),
        model=TeacherStation,
        list_url="training:station_list",
        columns=[
            Column("企业", attr="enterprise.name", width=28),
            Column("教师活动站", "name", width=28),
            Column("建立日期", "established_on"),
            Column("关闭日期", "closed_on"),
        ],
        visible_to=stations_visible_to,
        export_roles=frozenset(EVERYONE),
        filterset=STATIONS.filterset_class(),
        select_related=("enterprise",),
        order_by=("enterprise__name", "name"),
        sees_personal_data=sees_personal_data,
    )
)

register(
    Register(
        key="teaching_assignments",
        title=_("Craftsmen teaching"),
        model=TeachingAssignment,
        list_url="training:assignment_list",
        columns=[
            Column("企业", attr="craftsman.enterprise.name", width=28),
            Column("工匠", attr="craftsman.name"),
            Column("学校", attr="school.name", width=28),
            Column("课程", "course", width=24),
            Column("年份", "year"),
            Column("学期", "term"),
            Column("学时", "hours"),
            Column("类别", "kind"),
        ],
        visible_to=assignments_visible_to,
        export_roles=frozenset(STAFF),
        filterset=ASSIGNMENTS.filterset_class(),
        select_related=("craftsman__enterprise", "school"),
        order_by=("-year", "-term", "course"),
        sees_personal_data=sees_personal_data,
    )
)

register(
    Register(
        key="certifications",
        title=_("Skill certifications"),
        model=Certification,
        list_url="training:certification_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("培训项目", attr="programme.title", width=30),
            Column("认定日期", "assessed_on"),
            Column("职业（工种）", "occupation", width=20),
            Column("等级", "level"),
            Column("参加人数", "candidates"),
            Column("通过人数", "passed"),
        ],
        visible_to=certifications_visible_to,
        export_roles=frozenset(EVERYONE),
        filterset=CERTIFICATIONS.filterset_class(),
        select_related=("school", "programme"),
        order_by=("-assessed_on", "occupation"),
        sees_personal_data=sees_personal_data,
    )
)


# --- co-building (issue 15) ----------------------------------------------------------------------


def institution_ref() -> Ref:
    """A co-built institution named by its name within the row's school."""
    return Ref(
        "institution",
        {"共建机构": "name", "学校": "school__name"},
        CoBuiltInstitution.objects.all,
        what="共建机构",
        linkable=institutions_editable_by,
    )


register(
    Register(
        key="institutions",
        title=_("Co-built institutions"),
        model=CoBuiltInstitution,
        list_url="training:institution_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("名称", "name", width=28, example="铝型材产业学院"),
            Column("类型", "kind", example="产业学院"),
            Column("合作企业", "enterprises", width=30, many=Organization.objects.enterprises),
            Column("合作方式", "mode", example="共建共管"),
            Column("成立日期", "founded_on", example="2024-09-01"),
            Column("撤销日期", "closed_on"),
            Column("负责人", "leaders", example="王建国（学校）、刘洪涛（企业）"),
            Column("简介", "description", width=40),
        ],
        refs=[school_ref()],
        natural_keys=[("school", "name")],
        owners=("school_id",),
        visible_to=institutions_visible_to,
        editable_by=institutions_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=INSTITUTIONS.filterset_class(),
        select_related=("school",),
        prefetch_related=("enterprises",),
        order_by=("kind", "school__name", "name"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)

register(
    Register(
        key="institution_years",
        title=_("Institution yearly logs"),
        model=InstitutionYear,
        list_url="training:institution_year_list",
        columns=[
            Column("学校", attr="institution.school.name", width=28),
            Column("共建机构", attr="institution.name", width=28),
            Column("年份", "year", example=2025),
            Column("开展活动", "activities", width=40, example="开展技能培训4期、技术攻关2项"),
            Column("成果", "outputs", width=40, example="获实用新型专利1项"),
            Column("活动次数", "events", example=6),
            Column("培训人次", "people_trained", example=120),
        ],
        refs=[institution_ref()],
        natural_keys=[("institution", "year")],
        owners=("institution.school_id",),
        visible_to=institution_years_visible_to,
        editable_by=institution_years_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=INSTITUTION_YEARS.filterset_class(),
        select_related=("institution__school",),
        order_by=("-year", "institution__name"),
        example_for=own_organization_example("学校"),
        notes=_("The institution must already be registered (import institutions first)."),
        **COMMON,
    )
)

register(
    Register(
        key="projects",
        title=_("Services and research"),
        model=ServiceProject,
        list_url="training:project_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("项目名称", "title", width=30, example="铝型材挤压模具寿命提升技术服务"),
            Column("类型", "kind", example="技术服务"),
            Column("合作企业", "enterprises", width=30, many=Organization.objects.enterprises),
            Column("共建机构", attr="institution.name", width=24),
            Column("负责人", "lead", example="张志强"),
            Column("开始日期", "start_on", example="2025-03-01"),
            Column("结束日期", "end_on"),
            Column("合同金额（元）", "value", example=80000),
            Column("状态", "status", example="进行中"),
            Column("成果", "result", width=40),
        ],
        refs=[school_ref(), institution_ref()],
        natural_keys=[("school", "title", "start_on")],
        owners=("school_id",),
        visible_to=projects_visible_to,
        editable_by=projects_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=PROJECTS.filterset_class(),
        select_related=("school", "institution"),
        prefetch_related=("enterprises",),
        order_by=("-start_on", "title"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)

register(
    Register(
        key="patents",
        title=_("Patents"),
        model=Patent,
        list_url="training:patent_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("专利名称", "title", width=30, example="一种铝型材挤压模具冷却装置"),
            Column("类型", "kind", example="实用新型专利"),
            Column("专利号", "number", example="ZL202410123456.7"),
            Column("状态", "status", example="已授权"),
            Column("发明人", "inventors", example="张志强、孙立新"),
            Column("共同权利人", "enterprises", width=30, many=Organization.objects.enterprises),
            Column("申请日期", "filed_on", example="2024-05-10"),
            Column("授权日期", "granted_on", example="2025-01-20"),
            Column("共建机构", attr="institution.name", width=24),
            Column("受让企业", attr="transferred_to.name", width=28),
            Column("转让日期", "transferred_on"),
            Column("转让金额（元）", "transfer_value"),
        ],
        refs=[school_ref(), institution_ref(), enterprise_ref("transferred_to", "受让企业")],
        natural_keys=[("school", "title", "filed_on")],
        owners=("school_id",),
        visible_to=patents_visible_to,
        editable_by=patents_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=PATENTS.filterset_class(),
        select_related=("school", "institution", "transferred_to"),
        prefetch_related=("enterprises",),
        order_by=("-filed_on", "title"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)

register(
    Register(
        key="equipment",
        title=_("Shared equipment"),
        model=SharedEquipment,
        list_url="training:equipment_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("企业", attr="enterprise.name", width=28),
            Column("设备名称", "name", width=28, example="五轴数控加工中心"),
            Column("类型", "direction", example="企业引进学校"),
            Column("数量", "quantity", example=1),
            Column("价值（元）", "value", example=680000),
            Column("启用日期", "since", example="2024-09-01"),
            Column("停用日期", "until"),
        ],
        refs=[school_ref(), enterprise_ref()],
        natural_keys=[("school", "enterprise", "name", "since")],
        owners=("school_id", "enterprise_id"),
        visible_to=equipment_visible_to,
        editable_by=equipment_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(STAFF),
        filterset=EQUIPMENT.filterset_class(),
        select_related=("school", "enterprise"),
        order_by=("-since", "name"),
        **COMMON,
    )
)

register(
    Register(
        key="workshop_contributions",
        title=_("School contributions to workshops"),
        model=WorkshopContribution,
        list_url="training:contribution_list",
        columns=[
            Column("学校", attr="workshop.school.name", width=28),
            Column("校中厂", attr="workshop.name", width=24),
            Column("年份", "year", example=2025),
            Column("投入类型", "kind", example="水电"),
            Column("说明", "description", width=30, example="承担车间全年水电费"),
            Column("折算金额（元）", "value", example=60000),
        ],
        refs=[
            Ref(
                "workshop",
                {"校中厂": "name", "学校": "school__name"},
                InSchoolWorkshop.objects.all,
                what="校中厂",
                linkable=workshops_editable_by,
            )
        ],
        natural_keys=[("workshop", "year", "kind")],
        owners=("workshop.school_id",),
        visible_to=contributions_visible_to,
        editable_by=contributions_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=CONTRIBUTIONS.filterset_class(),
        select_related=("workshop__school",),
        order_by=("-year", "workshop__name"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)

register(
    Register(
        key="appointments",
        title=_("Two-way appointments"),
        model=TwoWayAppointment,
        list_url="training:appointment_list",
        columns=[
            Column("聘任方向", "direction", example="企业聘任教师"),
            Column("学校", attr="school.name", width=28),
            Column("企业", attr="enterprise.name", width=28),
            Column(
                "教师", attr="teacher.name", note=_("For a teacher appointed by an enterprise.")
            ),
            Column("工匠", attr="craftsman.name", note=_("For a craftsman appointed by a school.")),
            Column("聘任职务", "position", example="技术顾问"),
            Column("聘期开始", "start_on", example="2025-01-01"),
            Column("聘期结束", "end_on", example="2027-12-31"),
            Column("聘任职责", "duties", width=40),
        ],
        refs=[
            school_ref(),
            enterprise_ref(),
            Ref(
                "teacher",
                {"教师": "name", "学校": "school__name"},
                Teacher.objects.all,
                what="教师",
                linkable=teachers_editable_by,
            ),
            Ref(
                "craftsman",
                {"工匠": "name", "企业": "enterprise__name"},
                Craftsman.objects.all,
                what="工匠",
                linkable=craftsmen_visible_to,
            ),
        ],
        natural_keys=[("school", "enterprise", "position", "start_on")],
        owners=("school_id", "enterprise_id"),
        visible_to=appointments_visible_to,
        editable_by=appointments_editable_by,
        export_roles=frozenset(STAFF),
        import_roles=frozenset(STAFF),
        filterset=APPOINTMENTS.filterset_class(),
        select_related=("school", "enterprise", "teacher", "craftsman"),
        order_by=("-start_on", "pk"),
        **COMMON,
    )
)

register(
    Register(
        key="quality_surveys",
        title=_("Quality evaluation surveys"),
        model=QualityEvaluationSurvey,
        list_url="training:quality_survey_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("调研名称", "title", width=30, example="多主体质量评价制度调研"),
            Column("参与企业", "enterprises", width=30, many=Organization.objects.enterprises),
            Column("日期", "held_on", example="2025-04-18"),
            Column("方式", "method", example="座谈会"),
            Column("参与人数", "participants", example=24),
            Column("调研结论", "findings", width=40),
        ],
        refs=[school_ref()],
        natural_keys=[("school", "title", "held_on")],
        owners=("school_id",),
        visible_to=quality_surveys_visible_to,
        editable_by=quality_surveys_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=QUALITY_SURVEYS.filterset_class(),
        select_related=("school",),
        prefetch_related=("enterprises",),
        order_by=("-held_on", "title"),
        example_for=own_organization_example("学校"),
        notes=_("Upload the survey plan and report on the survey's page."),
        **COMMON,
    )
)
