"""Excel registers of the placements app (see ``alliance.exchange``).

Students, order-class enrolments, apprenticeships, internships and graduate placements. A student
is named by student number + school (the number is unique within a school); an order class by
its name within the school; a training base by its name within the enterprise. Headers are fixed
Chinese strings (the file format users fill in).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from alliance.access import ENTERPRISE_STAFF, EVERYONE, SCHOOL_STAFF, STAFF, sees_personal_data
from alliance.exchange import Column, Ref, Register, register
from alliance.masking import mask_national_id, mask_phone
from members.exchange import enterprise_ref, major_ref, own_organization_example, school_ref
from members.models import Major, Organization
from members.permissions import organizations_editable_by
from training.models import TrainingBase

from .filters import OrderClassEnrolmentFilter
from .models import (
    Apprenticeship,
    CareerMentor,
    CoDevelopedMaterial,
    GraduatePlacement,
    Internship,
    OrderClass,
    OrderClassEnrolment,
    OutreachEvent,
    PreferentialMeasure,
    Student,
    TalentDemand,
)
from .permissions import (
    apprenticeships_editable_by,
    apprenticeships_visible_to,
    demands_editable_by,
    demands_visible_to,
    events_visible_to,
    internships_editable_by,
    internships_visible_to,
    mask_wage,
    materials_editable_by,
    materials_visible_to,
    mentors_visible_to,
    order_class_enrolments_editable_by,
    order_class_enrolments_visible_to,
    order_classes_editable_by,
    order_classes_visible_to,
    pilot_classes_for,
    placements_editable_by,
    placements_visible_to,
    preferences_editable_by,
    preferences_visible_to,
    students_editable_by,
    students_linkable_by,
    students_visible_to,
)
from .registers import (
    APPRENTICESHIPS,
    DEMANDS,
    EVENTS,
    INTERNSHIPS,
    MATERIALS,
    MENTORS,
    ORDER_CLASSES,
    PLACEMENTS,
    PREFERENCES,
    STUDENTS,
)

COMMON = {
    "writable_organizations": organizations_editable_by,
    "sees_personal_data": sees_personal_data,
}


def student_ref(school_header: str = "学校") -> Ref:
    return Ref(
        "student",
        {"学号": "student_number", school_header: "school__name"},
        Student.objects.all,
        what="学生",
        linkable=students_linkable_by,
    )


def order_class_ref(field: str, header: str = "订单班") -> Ref:
    return Ref(
        field,
        {header: "name", "学校": "school__name"},
        OrderClass.objects.all,
        what="订单班",
        linkable=order_classes_editable_by,
    )


def _training_bases():
    return TrainingBase.objects.all()


STUDENT_NAME = Column(
    "学生姓名", attr="student.name", importable=False, note=_("Shown in exports only.")
)

register(
    Register(
        key="students",
        title=_("Students"),
        model=Student,
        list_url="placements:student_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("学号", "student_number", example="2025010001"),
            Column("姓名", "name", example="张三"),
            Column(
                "身份证号",
                "national_id",
                mask=mask_national_id,
                width=22,
                example="370724200801011234",
                note=_(
                    "18-digit resident ID number (the last character may be X); leave empty if unknown."
                ),
            ),
            Column("性别", "gender", example="男"),
            Column(
                "专业",
                attr="major.name",
                example="数控技术应用",
                note=_("A major of the school's catalogue (enter the catalogue first)."),
            ),
            Column("班级", "class_name", example="2025级数控1班"),
            Column("入学年份", "enrolment_year", example=2025),
            Column("学习形式", "study_mode", example="全日制"),
            Column(
                "手机",
                "phone",
                mask=mask_phone,
                example="13800000000",
                note=_("11-digit mainland mobile number; leave empty if unknown."),
            ),
        ],
        refs=[school_ref(), major_ref()],
        natural_keys=[("school", "student_number")],
        owners=("school_id",),
        visible_to=students_visible_to,
        editable_by=students_editable_by,
        export_roles=frozenset(SCHOOL_STAFF),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=STUDENTS.filterset_class(),
        select_related=("school", "major"),
        order_by=("school__name", "-enrolment_year", "student_number"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)

register(
    Register(
        key="order_class_enrolments",
        title=_("Order class enrolments"),
        model=OrderClassEnrolment,
        list_url="placements:orderclass_list",
        columns=[
            Column("学校", attr="order_class.school.name", width=28),
            Column("订单班", attr="order_class.name", width=24),
            Column("学号", attr="student.student_number"),
            STUDENT_NAME,
            Column("加入日期", "enrolled_on", example="2025-09-01"),
        ],
        refs=[order_class_ref("order_class"), student_ref()],
        natural_keys=[("order_class", "student")],
        owners=("order_class.school_id",),
        visible_to=order_class_enrolments_visible_to,
        editable_by=order_class_enrolments_editable_by,
        export_roles=frozenset(STAFF),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=OrderClassEnrolmentFilter,
        select_related=("order_class__school", "student"),
        order_by=("order_class__name", "student__student_number"),
        example_for=own_organization_example("学校"),
        notes=_("The order class and the students must already exist (import students first)."),
        **COMMON,
    )
)

register(
    Register(
        key="apprenticeships",
        title=_("Apprenticeships"),
        model=Apprenticeship,
        list_url="placements:apprenticeship_list",
        columns=[
            Column("学校", attr="student.school.name", width=28),
            Column("学号", attr="student.student_number"),
            STUDENT_NAME,
            Column("企业", attr="enterprise.name", width=28),
            Column(
                "培养路径",
                "path",
                example="企业职工学徒（劳动合同）",
                note=_(
                    "Employee apprentice (labour contract) or modern apprenticeship pilot "
                    "(tripartite agreement)."
                ),
            ),
            Column("职工类别", "employee_category", example="新招用职工"),
            Column(
                "试点班",
                attr="order_class.name",
                note=_("Pilot apprentices only: the modern apprenticeship pilot class."),
            ),
            Column("专业", "major", example="铝型材加工"),
            # The headers of the files already in use; a pilot apprentice's row gives the
            # tripartite agreement's period in them.
            Column(
                "劳动合同开始",
                "contract_start",
                example="2025-03-01",
                note=_("For a pilot apprentice: the start of the tripartite agreement."),
            ),
            Column(
                "劳动合同结束",
                "contract_end",
                example="2028-02-28",
                note=_(
                    "An employee apprentice needs a labour contract of at least one year; for a "
                    "pilot apprentice: the end of the tripartite agreement."
                ),
            ),
            Column("企业导师", "enterprise_mentor", example="李师傅"),
            Column("学校导师", "school_mentor", example="王老师"),
            Column("培养模式", "mode", example="工学交替"),
            Column("状态", "status", example="在训"),
            Column("结业或退出日期", "ended_on"),
            Column("培养成果", "outcome", width=20),
        ],
        refs=[
            student_ref(),
            enterprise_ref(),
            Ref(
                "order_class",
                {"试点班": "name", "学校": "school__name"},
                OrderClass.objects.all,
                what="试点班",
                linkable=pilot_classes_for,
            ),
        ],
        natural_keys=[("student", "enterprise", "contract_start")],
        owners=("enterprise_id",),
        visible_to=apprenticeships_visible_to,
        editable_by=apprenticeships_editable_by,
        export_roles=frozenset(STAFF),
        import_roles=frozenset(ENTERPRISE_STAFF),
        filterset=APPRENTICESHIPS.filterset_class(),
        select_related=("student__school", "enterprise", "order_class"),
        order_by=("-contract_start", "pk"),
        example_for=own_organization_example("企业"),
        notes=_(
            "An employee apprentice must be registered by the school as a part-time (apprentice) "
            "student; a pilot apprentice is a full-time student of the pilot class."
        ),
        **COMMON,
    )
)

register(
    Register(
        key="internships",
        title=_("Internships"),
        model=Internship,
        list_url="placements:internship_list",
        columns=[
            Column("学校", attr="student.school.name", width=28),
            Column("学号", attr="student.student_number"),
            STUDENT_NAME,
            Column("企业", attr="enterprise.name", width=28),
            Column("实习阶段", "stage", example="顶岗实习"),
            Column(
                "实训基地",
                attr="training_base.name",
                note=_("Optional: a training base of the same enterprise."),
            ),
            Column("师傅", "master", example="李师傅"),
            Column("开始日期", "start_date", example="2025-09-01"),
            Column("结束日期", "end_date", example="2026-01-15"),
            Column("评价", "evaluation", example="良好"),
            Column("评价说明", "evaluation_notes", width=30),
        ],
        refs=[
            student_ref(),
            enterprise_ref(),
            Ref(
                "training_base",
                {"实训基地": "name", "企业": "enterprise__name"},
                _training_bases,
                what="实训基地",
            ),
        ],
        natural_keys=[("student", "enterprise", "start_date")],
        owners=("student.school_id",),
        visible_to=internships_visible_to,
        editable_by=internships_editable_by,
        export_roles=frozenset(STAFF),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=INTERNSHIPS.filterset_class(),
        select_related=("student__school", "enterprise", "training_base"),
        order_by=("-start_date", "pk"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)

register(
    Register(
        key="placements",
        title=_("Graduate placements"),
        model=GraduatePlacement,
        list_url="placements:placement_list",
        columns=[
            Column("学校", attr="student.school.name", width=28),
            Column("学号", attr="student.student_number"),
            STUDENT_NAME,
            Column("毕业年份", "graduation_year", example=2025),
            Column("毕业去向", "destination", example="就业"),
            Column(
                "就业单位（成员企业）",
                attr="employer.name",
                width=28,
                note=_("An alliance member enterprise, by name; otherwise use the next column."),
            ),
            Column("就业单位（其他）", "employer_name", width=24),
            Column("就业地点", "employer_location", example="县内"),
            Column("岗位", "job", example="数控操作工"),
            Column("月薪", "wage_band", mask=mask_wage),
            Column(
                "订单班",
                attr="via_order_class.name",
                note=_("Optional: the order class the graduate was placed through."),
            ),
            Column(
                "单位确认",
                attr="get_hire_status_display",
                importable=False,
                note=_("Set by the employer in the portal."),
            ),
        ],
        refs=[
            student_ref(),
            Ref(
                "employer",
                {"就业单位（成员企业）": "name"},
                Organization.objects.enterprises,
                alternatives=("credit_code",),
                what="成员企业",
            ),
            order_class_ref("via_order_class"),
        ],
        natural_keys=[("student", "graduation_year")],
        owners=("student.school_id",),
        visible_to=placements_visible_to,
        editable_by=placements_editable_by,
        export_roles=frozenset(STAFF),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=PLACEMENTS.filterset_class(),
        select_related=("student__school", "employer", "via_order_class"),
        order_by=("-graduation_year", "pk"),
        example_for=own_organization_example("学校"),
        **COMMON,
    )
)


register(
    Register(
        key="preferences",
        title=_("Preferential measures"),
        model=PreferentialMeasure,
        list_url="placements:preference_list",
        columns=[
            Column("企业", attr="enterprise.name", width=28),
            Column("方面", "area", example="招工用人"),
            Column("措施", "measure", width=40, example="同等条件下优先录用县内职业学校毕业生"),
            Column("实施日期", "since", example="2024-01-01"),
            Column("截止日期", "until"),
        ],
        refs=[enterprise_ref()],
        natural_keys=[("enterprise", "area", "measure")],
        owners=("enterprise_id",),
        visible_to=preferences_visible_to,
        editable_by=preferences_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(ENTERPRISE_STAFF),
        filterset=PREFERENCES.filterset_class(),
        select_related=("enterprise",),
        order_by=("enterprise__name", "area", "-since"),
        example_for=own_organization_example("企业"),
        **COMMON,
    )
)


register(
    Register(
        key="demands",
        title=_("Talent demand"),
        model=TalentDemand,
        list_url="placements:demand_list",
        columns=[
            Column("企业", attr="enterprise.name", width=28),
            Column("调查年度", "survey_year", example=2025),
            Column("岗位", "post", example="数控操作工"),
            Column("专业", attr="major.name", example="数控技术应用"),
            Column(
                "专业所在学校",
                attr="major.school.name",
                width=28,
                note=_("The school whose catalogue holds the major."),
            ),
            Column("需求人数", "headcount", example=10),
            Column("月薪下限", "wage_min", example=4000),
            Column("月薪上限", "wage_max", example=5500),
            Column("需求时间", "needed_by", example="2025-07-01"),
            Column("备注", "notes", width=30),
            Column(
                "已组订单班",
                attr="order_class.name",
                importable=False,
                note=_("Set when the secretariat forms the demand into an order class."),
            ),
        ],
        refs=[
            enterprise_ref(),
            Ref(
                "major",
                {"专业": "name", "专业所在学校": "school__name"},
                Major.objects.all,
                what="专业",
            ),
        ],
        natural_keys=[("enterprise", "survey_year", "post")],
        owners=("enterprise_id",),
        visible_to=demands_visible_to,
        editable_by=demands_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(ENTERPRISE_STAFF),
        filterset=DEMANDS.filterset_class(),
        select_related=("enterprise", "major__school", "order_class"),
        order_by=("-survey_year", "enterprise__name", "post"),
        example_for=own_organization_example("企业"),
        **COMMON,
    )
)

register(
    Register(
        key="materials",
        title=_("Co-developed materials"),
        model=CoDevelopedMaterial,
        list_url="placements:material_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("类型", "kind", example="活页式教材"),
            Column("名称", "title", width=30, example="铝型材挤压工艺（活页式）"),
            Column("专业", attr="major.name", example="数控技术应用"),
            Column("合作企业", "enterprises", width=30, many=Organization.objects.enterprises),
            Column("完成日期", "completed_on", example="2025-06-30"),
            Column(
                "服务订单班",
                attr="order_class.name",
                note=_("Optional: the order class of the same school the material serves."),
            ),
        ],
        refs=[
            school_ref(),
            major_ref(),
            Ref(
                "order_class",
                {"服务订单班": "name", "学校": "school__name"},
                OrderClass.objects.all,
                what="订单班",
                linkable=order_classes_editable_by,
            ),
        ],
        natural_keys=[("school", "kind", "title")],
        owners=("school_id",),
        visible_to=materials_visible_to,
        editable_by=materials_editable_by,
        export_roles=frozenset(EVERYONE),
        import_roles=frozenset(SCHOOL_STAFF),
        filterset=MATERIALS.filterset_class(),
        select_related=("school", "major", "order_class"),
        order_by=("-completed_on", "title"),
        example_for=own_organization_example("学校"),
        notes=_("Training bases and apprenticeship cohorts served are set in the portal."),
        **COMMON,
    )
)


# -- exported only (their records are kept on their pages) -------------------------------------

register(
    Register(
        key="order_classes",
        title=_("Order classes"),
        model=OrderClass,
        list_url="placements:orderclass_list",
        columns=[
            Column("学校", attr="school.name", width=28),
            Column("订单班", "name", width=24),
            Column("班级类型", "kind"),
            Column("专业", attr="major.name"),
            Column("订单企业", "enterprises", width=30, many=Organization.objects.enterprises),
            Column("入学年份", "cohort_year"),
            Column("毕业年份", "graduation_year"),
            Column("计划人数", "planned_size"),
        ],
        visible_to=order_classes_visible_to,
        export_roles=frozenset(EVERYONE),
        filterset=ORDER_CLASSES.filterset_class(),
        select_related=("school", "major"),
        order_by=("-graduation_year", "name"),
        sees_personal_data=sees_personal_data,
    )
)

register(
    Register(
        key="events",
        title=_("Outreach events"),
        model=OutreachEvent,
        list_url="placements:event_list",
        columns=[
            Column("日期", "date"),
            Column("类型", "kind"),
            Column("活动名称", "title", width=30),
            Column("学校", attr="school.name", width=28),
            Column("参与企业", "enterprises", width=30, many=Organization.objects.enterprises),
            Column("参与人数", "participants"),
            Column("职业规划导师", attr="mentor.person"),
            Column("讲授本地就业", "covers_local_employment"),
            Column("备注", "notes", width=30),
        ],
        visible_to=events_visible_to,
        export_roles=frozenset(EVERYONE),
        filterset=EVENTS.filterset_class(),
        select_related=("school",),
        order_by=("-date", "-pk"),
        sees_personal_data=sees_personal_data,
    )
)

register(
    Register(
        key="mentors",
        title=_("Career mentors"),
        model=CareerMentor,
        list_url="placements:mentor_list",
        columns=[
            Column("企业", attr="enterprise.name", width=28),
            Column("姓名", "person"),
            Column("职务", "title"),
            Column("服务学校", "schools", width=30, many=Organization.objects.schools),
            Column("聘任日期", "appointed_on"),
        ],
        visible_to=mentors_visible_to,
        export_roles=frozenset(EVERYONE),
        filterset=MENTORS.filterset_class(),
        select_related=("enterprise",),
        order_by=("enterprise__name", "person"),
        sees_personal_data=sees_personal_data,
    )
)
