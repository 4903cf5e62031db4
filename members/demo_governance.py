"""Demo governance records of the Linqu alliance (保障措施(一), 附件1): its rules and documents,
the operating office that shares premises with the enterprise association, the expert
committee's advice and the yearly work plans, with the county's education and human-resources
bureaux as task owners (entered as bodies outside the alliance).

Idempotent like the rest of the demo: every record is looked up by its natural key first.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from . import services
from .models import (
    AdviceOutcome,
    AllianceOffice,
    CouncilMeeting,
    DocumentKind,
    DocumentStatus,
    ExpertConsultation,
    ExpertMember,
    OfficeBudget,
    OfficeStaff,
    Organization,
    OrganizationKind,
    PolicyDocument,
    Resolution,
    TaskStatus,
    WorkPlan,
    WorkTask,
)

ASSOCIATION = "临朐县企业发展促进会"
VOCATIONAL_SCHOOL = "临朐县职业教育中心学校"
TECH_SCHOOL = "临朐县技工学校"
EDUCATION_BUREAU = "临朐县教育和体育局"
HR_BUREAU = "临朐县人力资源和社会保障局"
COUNCIL_BODY = "临朐县产教融合发展联盟理事会"
OFFICE_NAME = "临朐县产教融合发展联盟办公室"

# The departments the plan names (教体局 seconds office staff; 人社 funds training) own tasks of
# the work plan but are not among 附件1's members.
DEPARTMENTS = [EDUCATION_BUREAU, HR_BUREAU]

# (kind, title, version, meeting date or None, effective, status, ended, summary, replaces title)
DOCUMENTS: list[tuple] = [
    (
        DocumentKind.OTHER,
        "临朐县产教融合发展联盟筹建期工作安排",
        "1.0",
        None,
        dt.date(2023, 12, 8),
        DocumentStatus.REPEALED,
        dt.date(2024, 7, 1),
        "联盟成立至章程通过前的临时工作安排，章程施行后废止。",
    ),
    (
        DocumentKind.CHARTER,
        "临朐县产教融合发展联盟章程",
        "1.0",
        dt.date(2024, 6, 20),
        dt.date(2024, 7, 1),
        DocumentStatus.IN_FORCE,
        None,
        "明确联盟宗旨、成员权利义务、理事会和专家委员会职责、办公室运行方式。",
    ),
    (
        DocumentKind.MANAGEMENT,
        "临朐县产教融合发展联盟办公室工作制度",
        "1.0",
        dt.date(2024, 6, 20),
        dt.date(2024, 7, 1),
        DocumentStatus.IN_FORCE,
        None,
        "办公室与县企业发展促进会合署办公，规定台账管理、经费使用和督办程序。",
    ),
    (
        DocumentKind.TEACHER_PRACTICE,
        "临朐县职业学校专业教师企业实践锻炼管理办法",
        "1.0",
        dt.date(2024, 12, 18),
        dt.date(2025, 1, 1),
        DocumentStatus.IN_FORCE,
        None,
        "职业学校每年安排不少于5%的专业教师到联盟企业教师活动站实践，实践成果纳入考核。",
    ),
    (
        DocumentKind.MANAGEMENT,
        "临朐县留临人才档案管理制度",
        "1.0",
        dt.date(2025, 6, 26),
        dt.date(2025, 7, 1),
        DocumentStatus.IN_FORCE,
        None,
        "建立毕业生留临就业档案，定期调度企业用人情况，及时解决留临人才遇到的问题。",
    ),
    # Qufu 三(六): teacher qualification standards and title appointment fitting 产教融合
    (
        DocumentKind.TEACHER_QUALIFICATION,
        "临朐县职业学校“双师型”教师资格认定与职称评聘办法（试行）",
        "1.0",
        None,
        dt.date(2025, 9, 1),
        DocumentStatus.IN_FORCE,
        None,
        "企业实践经历和技术服务成果计入教师资格认定和职称评聘条件，企业能工巧匠可按规定评聘。",
    ),
]
# The charter revised at the end of 2025: the new version replaces 1.0, which is kept.
CHARTER_REVISION = (
    "临朐县产教融合发展联盟章程",
    "1.1",
    dt.date(2025, 12, 19),
    dt.date(2026, 1, 1),
    "增加成员单位年度考核和退出机制，明确咨询专家委员会意见的采纳程序。",
)

OFFICE = {
    "venue": "临朐县企业发展促进会办公楼三楼",
    "floor_area": 120,
    "established_on": dt.date(2023, 12, 8),
    "duties": "具体负责联盟日常运行：台账维护、会议组织、决议督办、年度质量报告编制。",
}
# (year, source, amount in yuan)
BUDGETS = [
    (2024, "县财政产教融合专项经费", Decimal("200000")),
    (2024, "会员单位会费", Decimal("60000")),
    (2025, "县财政产教融合专项经费", Decimal("220000")),
    (2025, "会员单位会费", Decimal("66000")),
    (2026, "县财政产教融合专项经费", Decimal("220000")),
]
# (person, seconded from, role, from, until) — 附件1: 从县教体局、县职业教育中心学校、县企业发展促进会抽调人员
STAFF = [
    ("刘建华", ASSOCIATION, "办公室主任", dt.date(2023, 12, 8), None),
    ("张丽", EDUCATION_BUREAU, "综合协调", dt.date(2024, 1, 1), None),
    ("王磊", VOCATIONAL_SCHOOL, "校企合作联络", dt.date(2024, 1, 1), dt.date(2025, 8, 31)),
    ("赵敏", VOCATIONAL_SCHOOL, "校企合作联络", dt.date(2025, 9, 1), None),
    ("孙宁", ASSOCIATION, "台账与经费管理", dt.date(2024, 3, 1), None),
]

# (date, question, asked by, experts, advice, outcome, resolution text or None)
CONSULTATIONS = [
    (
        dt.date(2024, 5, 10),
        "联盟企业技能实训基地（厂中校）的建设标准和师傅配备要求如何确定？",
        "联盟办公室",
        ["吴维光", "蔡元涛", "谭学政"],
        "建议以生产车间为依托，每个基地至少配备2名高级工以上师傅，设备满足一个专业班级轮岗实训。",
        AdviceOutcome.ADOPTED,
        "各理事企业年内至少建成1个技能实训基地（厂中校）",
    ),
    (
        dt.date(2024, 11, 20),
        "兼职技师人才资源库的入库条件和管理方式。",
        COUNCIL_BODY,
        ["王兆连", "曾庆铭"],
        "建议以技师及以上等级或十年以上一线经验为入库条件，按管理专家、实践专家、能工巧匠分类管理。",
        AdviceOutcome.ADOPTED,
        "建立兼职技师人才资源库，首批入库不少于50人",
    ),
    (
        dt.date(2025, 5, 15),
        "订单班“五融通”评价是否引入企业满意度问卷作为主要指标？",
        VOCATIONAL_SCHOOL,
        ["肖永富", "衣同刚"],
        "建议以企业满意度问卷为主要指标，权重不低于50%。",
        AdviceOutcome.NOT_ADOPTED,
        None,
    ),
    (
        dt.date(2025, 6, 10),
        "留临人才档案管理制度应包括哪些内容，如何与企业用人调度衔接？",
        "联盟办公室",
        ["尹培农", "胡福东"],
        "建议档案记录就业单位、岗位、薪酬区间和回访情况，每半年调度一次企业用人需求。",
        AdviceOutcome.ADOPTED,
        "建立留临人才档案管理制度并定期调度企业用人情况",
    ),
    (
        dt.date(2025, 11, 5),
        "2026年联盟工作重点与铝型材产业技能人才需求。",
        COUNCIL_BODY,
        ["吴维光", "张龙凯", "吕科震"],
        "建议2026年重点扩大铝型材、门窗幕墙方向订单班规模，联合开展新型学徒制培训。",
        AdviceOutcome.PENDING,
        None,
    ),
]

# year -> (title, adopting meeting, year-end summary)
PLANS = {
    2025: (
        "临朐县产教融合发展联盟2025年工作计划",
        dt.date(2024, 12, 18),
        "2025年联盟完成工作计划任务的大部分，专业教师企业实践、家长企业行和企业宣传周按计划完成；"
        "技工学校企业文化长廊建设和留临人才档案管理制度落实滞后，转入2026年督办。",
    ),
    2026: ("临朐县产教融合发展联盟2026年工作计划", dt.date(2025, 12, 19), ""),
}
# (year, task, owner, measures, deadline, status, done on, progress)
TASKS = [
    (
        2025,
        "统筹职业学校专业教师企业实践，比例不低于5%",
        EDUCATION_BUREAU,
        "下达各校实践名额，联合联盟企业教师活动站安排岗位，年底核查实践记录。",
        dt.date(2025, 12, 31),
        TaskStatus.DONE,
        dt.date(2025, 12, 20),
        "2025-07-10 已下达名额；2025-12-20 两校完成实践安排。",
    ),
    (
        2025,
        "统筹人社等部门培训项目，职工在岗培训人次不少于在校生2倍",
        HR_BUREAU,
        "将职业技能提升行动项目优先安排给职业学校承办，按季度调度培训人次。",
        dt.date(2025, 12, 31),
        TaskStatus.DONE,
        dt.date(2026, 1, 15),
        "2025-10-08 完成全年计划的70%；2026-01-15 全部完成并结算。",
    ),
    (
        2025,
        "每学期举办“家长企业行”“企业宣传周”活动",
        VOCATIONAL_SCHOOL,
        "春季、秋季学期各组织一次，联盟企业轮流承办。",
        dt.date(2025, 12, 31),
        TaskStatus.DONE,
        dt.date(2025, 12, 10),
        "2025-05-18 春季学期完成；2025-12-10 秋季学期完成。",
    ),
    (
        2025,
        "建成技工学校企业文化长廊",
        TECH_SCHOOL,
        "展示联盟企业发展现状、未来规划、工资待遇、主要负责人等情况。",
        dt.date(2025, 10, 31),
        TaskStatus.IN_PROGRESS,
        None,
        "2025-09-20 展板设计完成，待安装。",
    ),
    (
        2026,
        "制定联盟成员单位2026年度考核方案",
        ASSOCIATION,
        "征求成员单位和专家委员会意见，提交理事会审议。",
        dt.date(2026, 4, 30),
        TaskStatus.DONE,
        dt.date(2026, 4, 20),
        "2026-04-20 方案经理事会审议通过。",
    ),
    (
        2026,
        "新增铝型材方向教师实践岗位10个",
        "山东华建铝业集团有限公司",
        "在教师活动站设置挤压、表面处理、模具方向实践岗位，接收两校专业教师暑期实践。",
        dt.date(2026, 12, 31),
        TaskStatus.IN_PROGRESS,
        None,
        "2026-08-25 已接收职教中心教师6人。",
    ),
    (
        2026,
        "落实企业新型学徒制培训补贴政策",
        HR_BUREAU,
        "公布补贴标准和申报流程，年内完成首批补贴拨付。",
        dt.date(2026, 9, 30),
        TaskStatus.IN_PROGRESS,
        None,
        "2026-06-30 已公布补贴标准，首批申报审核中。",
    ),
]


# 配合单位 of some tasks: the schools carry the bureau's and the enterprise's tasks with them.
PARTNERS = {
    "统筹职业学校专业教师企业实践，比例不低于5%": [VOCATIONAL_SCHOOL, TECH_SCHOOL],
    "新增铝型材方向教师实践岗位10个": [VOCATIONAL_SCHOOL, TECH_SCHOOL],
    "落实企业新型学徒制培训补贴政策": [ASSOCIATION],
}


def _departments() -> dict[str, Organization]:
    orgs = {}
    for name in DEPARTMENTS:
        org = Organization.objects.filter(name=name).first()
        if org is None:
            org = Organization(
                name=name,
                kind=OrganizationKind.GOVERNMENT,
                industry="政府部门",
                is_local=True,
                outside_alliance=True,
            )
            services.organization_save(organization=org)
        orgs[name] = org
    return orgs


def _meeting(date: dt.date | None) -> CouncilMeeting | None:
    return CouncilMeeting.objects.filter(date=date).first() if date else None


def _seed_documents() -> None:
    for kind, title, version, met, effective, status, ended, summary in DOCUMENTS:
        if PolicyDocument.objects.filter(title=title, version=version).exists():
            continue
        document = PolicyDocument(
            kind=kind,
            title=title,
            issuer=COUNCIL_BODY,
            adopted_at=_meeting(met),
            effective_on=effective,
            version=version,
            status=status,
            ended_on=ended,
            summary=summary,
        )
        services.policy_document_save(document=document)
    title, version, met, effective, summary = CHARTER_REVISION
    if not PolicyDocument.objects.filter(title=title, version=version).exists():
        services.policy_document_save(
            document=PolicyDocument(
                kind=DocumentKind.CHARTER,
                title=title,
                issuer=COUNCIL_BODY,
                adopted_at=_meeting(met),
                effective_on=effective,
                version=version,
                replaces=PolicyDocument.objects.get(title=title, version="1.0"),
                summary=summary,
            )
        )


def _seed_office(orgs: dict[str, Organization]) -> None:
    office = AllianceOffice.objects.filter(name=OFFICE_NAME).first()
    if office is None:
        office = AllianceOffice(name=OFFICE_NAME, host=orgs[ASSOCIATION], **OFFICE)
        office.full_clean()
        office.save()
    for year, source, amount in BUDGETS:
        if not OfficeBudget.objects.filter(office=office, year=year, source=source).exists():
            budget = OfficeBudget(office=office, year=year, source=source, amount=amount)
            budget.full_clean()
            budget.save()
    for person, org_name, role, start, end in STAFF:
        if not OfficeStaff.objects.filter(office=office, person=person, start_on=start).exists():
            staff = OfficeStaff(
                office=office,
                person=person,
                organization=orgs[org_name],
                role=role,
                start_on=start,
                end_on=end,
            )
            staff.full_clean()
            staff.save()


def _seed_consultations() -> None:
    experts = {e.person: e for e in ExpertMember.objects.all()}
    for date, question, asked_by, names, advice, outcome, resolution_text in CONSULTATIONS:
        if ExpertConsultation.objects.filter(date=date, question=question).exists():
            continue
        services.consultation_save(
            consultation=ExpertConsultation(
                date=date,
                question=question,
                asked_by=asked_by,
                advice=advice,
                outcome=outcome,
                resolution=Resolution.objects.filter(text=resolution_text).first()
                if resolution_text
                else None,
            ),
            experts=[experts[name] for name in names],
        )


def _seed_work_plans(orgs: dict[str, Organization]) -> None:
    plans = {}
    for year, (title, met, summary) in PLANS.items():
        plan = WorkPlan.objects.filter(year=year).first()
        if plan is None:
            plan = WorkPlan(year=year, title=title, adopted_at=_meeting(met), summary=summary)
            plan.full_clean()
            plan.save()
        plans[year] = plan
    for year, title, owner, measures, deadline, status, done_on, progress in TASKS:
        if WorkTask.objects.filter(plan=plans[year], title=title).exists():
            continue
        task = WorkTask(
            plan=plans[year],
            title=title,
            owner=orgs[owner],
            measures=measures,
            deadline=deadline,
            status=status,
            done_on=done_on,
            progress=progress,
        )
        task.full_clean()
        task.save()
        task.partners.set([orgs[name] for name in PARTNERS.get(title, [])])
    # The council's resolutions due from 2025 on are tasks of the plans (a second run finds them).
    for resolution in Resolution.objects.filter(due_on__year__gte=2025).select_related("owner"):
        services.resolution_to_task(resolution=resolution)


def seed_governance(orgs: dict[str, Organization]) -> None:
    orgs = {**orgs, **_departments()}
    _seed_documents()
    _seed_office(orgs)
    _seed_consultations()
    _seed_work_plans(orgs)
