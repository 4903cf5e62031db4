"""Demo data of the training app: three years (2023–2025) of platforms, teachers and training.

Shaped to show contrasts on the obligation pages and in the report: most enterprises run a
training base and a teacher station, a few do not; in 2025 the vocational centre seconds more
than 5 % of its professional teachers and trains more than 2× its enrolment, the technical school
stays below both. Denominators are read from the members' school yearly figures.

Idempotent and deterministic: the whole data set is first generated from ``rng`` (the same every
run), then only rows whose natural key is missing are inserted, in bulk.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from simple_history.utils import bulk_create_with_history

from alliance.bulk import insert_rows
from alliance.fake_ids import mobile
from members.demo import LINQU_MEMBERS
from members.models import Major, Organization

from .models import (
    AssignmentKind,
    Certification,
    CertificationLevel,
    CoBuiltInstitution,
    Craftsman,
    CraftsmanRole,
    ExchangeArea,
    ExchangeDirection,
    FundingDepartment,
    InSchoolWorkshop,
    InstitutionYear,
    PartnerExchange,
    PartnerInstitution,
    PartnerKind,
    Patent,
    PlatformStatus,
    ProductionOrder,
    ProgrammeAudience,
    ProgrammeForm,
    ProgrammeVenue,
    QualityEvaluationSurvey,
    Secondment,
    SecondmentStatus,
    ServiceProject,
    SharedEquipment,
    SkillLevel,
    StationPost,
    StudentRotation,
    SurveyMethod,
    Teacher,
    TeacherStation,
    TeachingAssignment,
    TrainingBase,
    TrainingProgramme,
    TwoWayAppointment,
    WorkshopContribution,
    WorkshopStatus,
)

YEARS = (2023, 2024, 2025)
CENTRE = "临朐县职业教育中心学校"
TECH_SCHOOL = "临朐县技工学校"
HR_ENTERPRISE = "山东华建铝业集团有限公司"
# Enterprises that have not yet built a base / a station (the plan's obligation is not met).
WITHOUT_BASE = {
    "山东宝龙达实业集团有限公司",
    "临朐广华肉类食品有限公司",
    "山东米兰之窗系统门窗幕墙有限公司",
}
# Stations that set no practice posts in the latest year (flagged on the practice-posts page).
WITHOUT_POSTS_2025 = {"山东东临新材料股份有限公司", "潍坊广华铝材有限公司"}
WITHOUT_STATION = {
    "山东宝龙达实业集团有限公司",
    "潍坊伊利乳业有限责任公司",
    "山东华达门窗幕墙有限公司",
    "临朐广华肉类食品有限公司",
}

# (school, year) -> (secondment rate, training ratio): above and below the targets on purpose.
TARGETS = {
    (CENTRE, 2023): (0.043, 1.6),
    (CENTRE, 2024): (0.054, 2.1),
    (CENTRE, 2025): (0.064, 2.3),
    (TECH_SCHOOL, 2023): (0.034, 1.3),
    (TECH_SCHOOL, 2024): (0.047, 1.8),
    (TECH_SCHOOL, 2025): (0.039, 1.7),
}
DEFAULT_TARGET = (0.05, 2.0)
# Used when the members app has no figures for a school and year.
DEFAULT_FIGURES = (2500, 150)

SCALES = {"demo": 1, "county": 3, "city": 10, "province": 10}

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建文辉力峰志国宁海波东鹏飞凯斌晨宇浩然晓旭阳光琳雪梅燕倩婷雯佳瑞"
DEPARTMENTS = [
    "机电工程系",
    "信息技术系",
    "汽车工程系",
    "财经商贸系",
    "建筑工程系",
    "化工技术系",
    "基础部",
]
MAJORS = [
    "机电技术应用",
    "数控技术应用",
    "工业机器人技术应用",
    "汽车运用与维修",
    "电气设备运行与控制",
    "化工工艺",
    "食品加工工艺",
    "电子商务",
    "建筑装饰",
]
POSTS = [
    "工艺技术员",
    "设备维护员",
    "质量检验员",
    "生产调度员",
    "数控操作员",
    "电气维修员",
    "仓储物流员",
]
SPECIALTIES = [
    "铝型材挤压",
    "模具设计",
    "数控编程",
    "电气自动化",
    "焊接工艺",
    "质量管理",
    "设备维修",
    "食品安全",
    "酿造工艺",
    "化工操作",
    "钢结构安装",
    "门窗幕墙设计",
]
COURSES = [
    "铝型材加工工艺",
    "数控车床编程",
    "电气控制技术",
    "焊接技术实训",
    "设备维护与保养",
    "产品质量检验",
    "安全生产规范",
    "工业机器人操作",
    "企业生产管理",
]
TRAINING_TITLES = [
    ("电工技能提升培训", FundingDepartment.HUMAN_RESOURCES, "电工"),
    ("焊工职业技能培训", FundingDepartment.HUMAN_RESOURCES, "焊工"),
    ("数控车工技能培训", FundingDepartment.INDUSTRY, "车工"),
    ("工业机器人应用培训", FundingDepartment.INDUSTRY, "工业机器人系统操作员"),
    ("安全生产管理培训", FundingDepartment.EMERGENCY, "安全员"),
    ("特种作业人员培训", FundingDepartment.EMERGENCY, "电工"),
    ("乡村旅游服务培训", FundingDepartment.CULTURE_TOURISM, "餐厅服务员"),
    ("电子商务直播营销培训", FundingDepartment.COMMERCE, "互联网营销师"),
    ("农产品加工技能培训", FundingDepartment.AGRICULTURE, "农产品食品检验员"),
    ("企业新型学徒制培训", FundingDepartment.HUMAN_RESOURCES, "机修钳工"),
]
CERT_LEVELS = [CertificationLevel.LEVEL_3, CertificationLevel.LEVEL_4, CertificationLevel.LEVEL_5]
WORKSHOPS = {
    CENTRE: [
        (
            "华建铝型材加工校中厂",
            "铝型材精密加工生产线",
            [HR_ENTERPRISE, "山东中豪铝业集团有限公司"],
            dt.date(2024, 3, 1),
        ),
        (
            "汽车零部件装配校中厂",
            "汽车配件装配检测线",
            ["临朐弘泰汽车配件有限公司"],
            dt.date(2024, 9, 1),
        ),
    ],
    TECH_SCHOOL: [
        (
            "机械制造实训校中厂",
            "数控机加工生产线",
            ["山东三义集团股份有限公司", "潍坊华星机械有限公司"],
            dt.date(2023, 9, 1),
        ),
    ],
}
ORDER_ITEMS = [
    "门窗型材切割加工",
    "散热器型材精加工",
    "汽车支架装配",
    "法兰盘数控加工",
    "轴套车削加工",
    "电控箱装配",
]

# A one-page PDF for the outcome reports (the upload check looks at the content, not the name).
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _person(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in taken:
            taken.add(name)
            return name


def _date_in(rng: random.Random, year: int, first_month: int = 1, last_month: int = 12) -> dt.date:
    month = rng.randint(first_month, last_month)
    return dt.date(year, month, rng.randint(1, 28))


def _insert_missing(model: type[models.Model], rows: list, key, history: bool = True) -> list:
    """Insert the generated rows whose natural key is not in the database yet; without
    ``history`` (the large tables at the large scales) by COPY, and without primary keys."""
    existing = {key(obj) for obj in model.objects.all().iterator(chunk_size=10000)}
    missing = [obj for obj in rows if key(obj) not in existing]
    if missing and history:
        bulk_create_with_history(missing, model, batch_size=500)
    elif missing:
        insert_rows(model, missing)
    return missing


def _figures(schools: list[Organization]) -> dict[tuple[int, int], tuple[int, int]]:
    """(school id, year) -> (enrolled students, professional teachers), from the members app."""
    from members.selectors import school_figures

    result = {}
    for year in YEARS:
        figures = school_figures(year)
        for school in schools:
            fig = figures.get(school.pk)
            result[school.pk, year] = (
                (fig.enrolled_students, fig.professional_teachers)
                if fig and fig.professional_teachers
                else DEFAULT_FIGURES
            )
    return result


def seed(rng: random.Random, scale: str = "demo") -> None:
    factor = SCALES.get(scale, 1)
    # History records who changed what: the demo's records have theirs; at the large scales
    # (and their hundreds of thousands of teachers and craftsmen) nobody did.
    history = scale == "demo"
    # The Linqu members, and at city scale the prefecture's other members (members.demo creates
    # them before this seed runs).
    members = Organization.objects.all()
    if scale not in ("city", "province"):
        members = members.filter(name__in=[name for name, _kind, _industry in LINQU_MEMBERS])
    enterprises = list(members.enterprises().order_by("name"))
    schools = list(members.schools().order_by("name"))
    if not enterprises or not schools:
        return
    by_name = {org.name: org for org in enterprises}
    figures = _figures(schools)
    stations = seed_platforms(rng, enterprises)
    seed_workshops(rng, schools, by_name)
    teachers = seed_teachers(rng, schools, figures, history)
    seed_secondments(rng, schools, teachers, figures, enterprises, stations)
    craftsmen = seed_craftsmen(rng, enterprises, factor, history)
    seed_assignments(rng, schools, craftsmen, factor, history)
    seed_programmes(rng, schools, enterprises, figures)
    seed_cobuilding(schools, by_name)
    seed_external_cooperation(schools)
    seed_quality_surveys(schools, by_name)


def seed_platforms(
    rng: random.Random, enterprises: list[Organization]
) -> dict[int, TeacherStation]:
    bases, stations = [], []
    for org in enterprises:
        short = (
            org.name.replace("山东", "")
            .replace("有限公司", "")
            .replace("股份", "")
            .replace("集团", "")[:8]
        )
        established = dt.date(
            rng.choice((2023, 2024, 2024)), rng.randint(1, 12), rng.randint(1, 28)
        )
        if org.name not in WITHOUT_BASE:
            masters = rng.randint(2, 8)
            taken: set[str] = set()
            bases.append(
                TrainingBase(
                    enterprise=org,
                    name=f"{short}技能实训基地",
                    address=f"临朐县{rng.choice(['城关', '东城', '冶源', '辛寨'])}街道",
                    capacity=rng.choice((20, 30, 40, 50, 60)),
                    majors="、".join(rng.sample(MAJORS, 2)),
                    masters_count=masters,
                    master_names="、".join(_person(rng, taken) for _ in range(min(masters, 4))),
                    established_on=established,
                    status=PlatformStatus.ACTIVE,
                )
            )
        if org.name not in WITHOUT_STATION:
            stations.append(
                TeacherStation(
                    enterprise=org, name=f"{short}教师活动站", established_on=established
                )
            )
    # A base that closed in 2024: it counts for 2023 and 2024, not for 2025.
    closed_owner = next((o for o in enterprises if o.name in WITHOUT_BASE), None)
    if closed_owner is not None:
        bases.append(
            TrainingBase(
                enterprise=closed_owner,
                name="原厂区实训车间",
                capacity=20,
                masters_count=2,
                established_on=dt.date(2022, 5, 1),
                closed_on=dt.date(2024, 10, 31),
                status=PlatformStatus.CLOSED,
            )
        )
    _insert_missing(TrainingBase, bases, lambda b: (b.enterprise_id, b.name))
    _insert_missing(TeacherStation, stations, lambda s: (s.enterprise_id, s.name))
    all_stations = {s.enterprise_id: s for s in TeacherStation.objects.order_by("pk")}
    # Posts name majors of the schools' catalogues (the members demo lists the Linqu schools').
    majors = {m.name: m for m in Major.objects.filter(name__in=MAJORS).order_by("-school__name")}
    posts = []
    skipped = set(
        Organization.objects.filter(name__in=WITHOUT_POSTS_2025).values_list("pk", flat=True)
    )
    for station in sorted(all_stations.values(), key=lambda s: s.enterprise_id):
        for year in YEARS:
            if station.established_on.year > year:
                continue
            for post in rng.sample(POSTS, 2):
                place = rng.choice(MAJORS), rng.randint(1, 4)
                if year == 2025 and station.enterprise_id in skipped:
                    continue  # drawn all the same: the rest of the demo stays as it was
                posts.append(
                    StationPost(
                        station=station,
                        year=year,
                        post=post,
                        major=majors.get(place[0]),
                        places=place[1],
                    )
                )
    _insert_missing(StationPost, posts, lambda p: (p.station_id, p.year, p.post, p.major_id))
    return all_stations


def seed_workshops(
    rng: random.Random, schools: list[Organization], by_name: dict[str, Organization]
) -> None:
    plan = []
    for school in schools:
        for name, line, partners, opened in WORKSHOPS.get(school.name, []):
            plan.append(
                (
                    InSchoolWorkshop(
                        school=school,
                        name=name,
                        production_line=line,
                        opened_on=opened,
                        status=WorkshopStatus.OPERATING,
                    ),
                    [by_name[p] for p in partners if p in by_name],
                )
            )
    _insert_missing(InSchoolWorkshop, [w for w, _ in plan], lambda w: (w.school_id, w.name))
    saved = {(w.school_id, w.name): w for w in InSchoolWorkshop.objects.all()}
    through = InSchoolWorkshop.enterprises.through
    links, orders, rotations = [], [], []
    for workshop, partners in plan:
        workshop = saved[workshop.school_id, workshop.name]
        links += [through(inschoolworkshop_id=workshop.pk, organization_id=p.pk) for p in partners]
        for year in YEARS:
            if workshop.opened_on.year > year:
                continue
            for i in range(rng.randint(2, 4)):
                start = _date_in(rng, year, 1, 10)
                quantity = rng.randint(2, 40) * 100
                orders.append(
                    ProductionOrder(
                        workshop=workshop,
                        description=f"{year}年第{i + 1}批{rng.choice(ORDER_ITEMS)}",
                        quantity=quantity,
                        value=Decimal(quantity * rng.randint(30, 120)),
                        start_on=start,
                        end_on=start + dt.timedelta(days=rng.randint(20, 75)),
                    )
                )
            for term_start in (dt.date(year, 3, 1), dt.date(year, 9, 1)):
                major = rng.choice(MAJORS)
                rotations.append(
                    StudentRotation(
                        workshop=workshop,
                        class_name=f"{year - 1}级{major}{rng.randint(1, 4)}班",
                        major=major,
                        headcount=rng.randint(30, 48),
                        start_on=term_start,
                        end_on=term_start + dt.timedelta(days=rng.randint(30, 60)),
                    )
                )
    through.objects.bulk_create(links, ignore_conflicts=True)
    _insert_missing(ProductionOrder, orders, lambda o: (o.workshop_id, o.description))
    _insert_missing(StudentRotation, rotations, lambda r: (r.workshop_id, r.class_name, r.start_on))


def seed_teachers(
    rng: random.Random, schools: list[Organization], figures: dict, history: bool
) -> dict[int, list[Teacher]]:
    rows = []
    for school in schools:
        prefix = (
            "ZJ"
            if school.name == CENTRE
            else ("JG" if school.name == TECH_SCHOOL else f"S{school.pk}")
        )
        professional = max(figures[school.pk, year][1] for year in YEARS)
        general = max(10, professional // 5)
        taken: set[str] = set()
        for i in range(professional + general):
            is_professional = i < professional
            rows.append(
                Teacher(
                    school=school,
                    name=_person(rng, taken),
                    employee_number=f"{prefix}{i + 1:04d}",
                    department=rng.choice(DEPARTMENTS[:-1]) if is_professional else DEPARTMENTS[-1],
                    is_professional=is_professional,
                    is_dual_qualified=is_professional and rng.random() < 0.45,
                )
            )
    _insert_missing(Teacher, rows, lambda t: (t.school_id, t.name, t.employee_number), history)
    teachers: dict[int, list[Teacher]] = {}
    for teacher in Teacher.objects.order_by("employee_number"):
        teachers.setdefault(teacher.school_id, []).append(teacher)
    return teachers


def seed_secondments(rng, schools, teachers, figures, enterprises, stations) -> None:
    rows = []
    host = next((e for e in enterprises if e.name == HR_ENTERPRISE), enterprises[0])
    for school in schools:
        pool = teachers.get(school.pk, [])
        professional = [t for t in pool if t.is_professional]
        others = [t for t in pool if not t.is_professional]
        for year in YEARS:
            rate, _ = TARGETS.get((school.name, year), DEFAULT_TARGET)
            count = round(rate * figures[school.pk, year][1])
            chosen = rng.sample(professional, min(count, len(professional)))
            # A few non-professional teachers and planned (not yet started) secondments: neither counts.
            extra = [
                (t, SecondmentStatus.COMPLETED) for t in rng.sample(others, min(2, len(others)))
            ]
            extra += [
                (t, SecondmentStatus.PLANNED)
                for t in rng.sample(professional, min(2, len(professional)))
            ]
            for i, (teacher, status) in enumerate(
                [(t, SecondmentStatus.COMPLETED) for t in chosen] + extra
            ):
                # The demo HR's enterprise hosts the first secondments of each year (the sweep opens one).
                enterprise = host if i == 0 else rng.choice(enterprises)
                start = (
                    _date_in(rng, year, 1, 10)
                    if status != SecondmentStatus.PLANNED
                    else dt.date(year, 12, 1)
                )
                length = rng.randint(14, 45)
                end = start + dt.timedelta(days=length - 1)
                station = stations.get(enterprise.pk)
                rows.append(
                    Secondment(
                        teacher=teacher,
                        enterprise=enterprise,
                        station=station if rng.random() < 0.8 else None,
                        start_on=start,
                        end_on=end,
                        days=rng.randint(max(1, length - 10), length),
                        post=rng.choice(POSTS),
                        status=status,
                    )
                )
    missing = _insert_missing(Secondment, rows, lambda s: (s.teacher_id, s.start_on))
    # Outcome reports for the first completed secondments of each school.
    attached = 0
    for secondment in missing:
        if (
            secondment.status == SecondmentStatus.COMPLETED
            and attached < 6
            and secondment.enterprise.name == HR_ENTERPRISE
        ):
            name = default_storage.save(
                f"training/secondments/{secondment.start_on:%Y}/实践报告-{secondment.pk}.pdf",
                ContentFile(MINIMAL_PDF),
            )
            Secondment.objects.filter(pk=secondment.pk).update(outcome_report=name)
            attached += 1


def seed_craftsmen(
    rng: random.Random, enterprises: list[Organization], factor: int, history: bool
) -> list[Craftsman]:
    rows = []
    levels = [
        SkillLevel.SENIOR_TECHNICIAN,
        SkillLevel.TECHNICIAN,
        SkillLevel.TECHNICIAN,
        SkillLevel.SENIOR_WORKER,
        SkillLevel.INTERMEDIATE_WORKER,
    ]
    for org in enterprises:
        taken: set[str] = set()
        for i in range(rng.randint(2, 5) * factor):
            left = i == 3  # some enterprises have a craftsman who left the pool in 2024
            rows.append(
                Craftsman(
                    name=_person(rng, taken),
                    enterprise=org,
                    skill_level=rng.choice(levels),
                    specialty=rng.choice(SPECIALTIES),
                    role=rng.choice(CraftsmanRole.values),
                    phone=mobile(rng),
                    joined_on=dt.date(rng.choice((2023, 2024)), rng.randint(1, 12), 1),
                    left_on=dt.date(2024, 12, 31) if left else None,
                    active=not left,
                )
            )
    _insert_missing(Craftsman, rows, lambda c: (c.enterprise_id, c.name), history)
    return list(Craftsman.objects.select_related("enterprise").order_by("pk"))


def seed_assignments(
    rng: random.Random,
    schools: list[Organization],
    craftsmen: list[Craftsman],
    factor: int,
    history: bool,
) -> None:
    rows = []
    for year in YEARS:
        in_pool = [
            c
            for c in craftsmen
            if c.joined_on
            and c.joined_on.year <= year
            and (c.left_on is None or c.left_on.year >= year)
        ]
        hr_craftsman = next((c for c in in_pool if c.enterprise.name == HR_ENTERPRISE), None)
        for school in schools:
            for term in (1, 2):
                picks = rng.sample(in_pool, min(len(in_pool), rng.randint(5, 9) * factor))
                if hr_craftsman and school.name == CENTRE and hr_craftsman not in picks:
                    picks[0] = hr_craftsman
                for craftsman in picks:
                    kind = rng.choice(AssignmentKind.values)
                    hours = (
                        Decimal(rng.choice((8, 12, 16, 24, 32, 48, 64)))
                        if kind != AssignmentKind.TEACHING_STANDARDS
                        else Decimal(rng.choice((4, 8, 12)))
                    )
                    rows.append(
                        TeachingAssignment(
                            craftsman=craftsman,
                            school=school,
                            course=rng.choice(COURSES),
                            year=year,
                            term=term,
                            hours=hours,
                            kind=kind,
                        )
                    )
    # The same craftsman may draw the same course twice in a term: keep the first.
    unique = {(a.craftsman_id, a.school_id, a.course, a.year, a.term): a for a in reversed(rows)}
    _insert_missing(
        TeachingAssignment,
        list(unique.values())[::-1],
        lambda a: (a.craftsman_id, a.school_id, a.course, a.year, a.term),
        history,
    )


def seed_programmes(rng, schools, enterprises, figures) -> None:
    plan = []
    hr_enterprise = next((e for e in enterprises if e.name == HR_ENTERPRISE), enterprises[0])
    for school in schools:
        for year in YEARS:
            _, ratio = TARGETS.get((school.name, year), DEFAULT_TARGET)
            total = round(ratio * figures[school.pk, year][0])
            count = max(6, total // 450)
            weights = [rng.uniform(0.6, 1.4) for _ in range(count)]
            parts = [max(20, round(total * w / sum(weights))) for w in weights]
            parts[-1] += total - sum(parts)
            for i, participants in enumerate(parts):
                title, department, occupation = TRAINING_TITLES[i % len(TRAINING_TITLES)]
                start = _date_in(rng, year, 1, 11)
                partners = rng.sample(enterprises, min(len(enterprises), rng.randint(1, 3)))
                if i == 0 and hr_enterprise not in partners:
                    partners.append(hr_enterprise)
                end = start + dt.timedelta(days=rng.randint(3, 20))
                hours = Decimal(rng.choice((16, 24, 32, 40, 56, 80)))
                programme = TrainingProgramme(
                    school=school,
                    title=f"{year}年{title}（第{i // len(TRAINING_TITLES) + 1}期）",
                    funding_department=department,
                    # Decided from the row, not the random stream: the demo stays as it was.
                    form=ProgrammeForm.LONG if hours >= 56 else ProgrammeForm.SHORT,
                    venue=ProgrammeVenue.values[i % len(ProgrammeVenue.values)],
                    audience=ProgrammeAudience.PUBLIC
                    if i % 4 == 3
                    else ProgrammeAudience.EMPLOYEES,
                    start_on=start,
                    end_on=end,
                    participants=max(1, participants),
                    hours=hours,
                )
                plan.append((programme, partners, occupation))
    _insert_missing(
        TrainingProgramme, [p for p, _, _ in plan], lambda p: (p.school_id, p.title, p.start_on)
    )
    saved = {(p.school_id, p.title, p.start_on): p for p in TrainingProgramme.objects.all()}
    through = TrainingProgramme.enterprises.through
    links, certifications = [], []
    for programme, partners, occupation in plan:
        programme = saved[programme.school_id, programme.title, programme.start_on]
        links += [
            through(trainingprogramme_id=programme.pk, organization_id=e.pk) for e in partners
        ]
        # About half the programmes end with a skill-level assessment.
        if rng.random() < 0.5:
            candidates = max(1, round(programme.participants * rng.uniform(0.3, 0.8)))
            certifications.append(
                Certification(
                    programme=programme,
                    school=programme.school,
                    assessed_on=programme.end_on,
                    occupation=occupation,
                    level=rng.choice(CERT_LEVELS),
                    candidates=candidates,
                    passed=round(candidates * rng.uniform(0.7, 0.97)),
                )
            )
    through.objects.bulk_create(links, ignore_conflicts=True)
    certs = {(c.school_id, c.assessed_on, c.occupation, c.level): c for c in certifications}
    _insert_missing(
        Certification,
        list(certs.values()),
        lambda c: (c.school_id, c.assessed_on, c.occupation, c.level),
    )


# --- co-building (issue 15): institutions, services and patents, shared resources, teams --------

# (kind, name, school, enterprises, mode, major, founded, leaders, host base's enterprise)
INSTITUTIONS = [
    (
        "industry_college",
        "华建铝业产业学院",
        CENTRE,
        [HR_ENTERPRISE, "山东中豪铝业集团有限公司"],
        "co_built",
        "数控技术应用",
        dt.date(2024, 3, 15),
        "张志强（学校）、孙立新（企业）",
        HR_ENTERPRISE,
    ),
    (
        "innovation_workshop",
        "铝型材创新工坊",
        CENTRE,
        [HR_ENTERPRISE],
        "co_built",
        "数控技术应用",
        dt.date(2024, 9, 1),
        "孙立新（企业）",
        None,
    ),
    (
        "master_studio",
        "刘洪涛技能大师工作室",
        CENTRE,
        ["山东三义集团股份有限公司"],
        "co_built",
        "机电技术应用",
        dt.date(2024, 5, 20),
        "刘洪涛（企业）",
        "山东三义集团股份有限公司",
    ),
    (
        "teacher_studio",
        "王建国机电专业名师工作室",
        CENTRE,
        [],
        "co_built",
        "机电技术应用",
        dt.date(2023, 12, 20),
        "王建国（学校）",
        None,
    ),
    (
        "steering_committee",
        "机电类专业指导委员会",
        CENTRE,
        ["山东三义集团股份有限公司", "潍坊华星机械有限公司", "山东雷奥新能源有限公司"],
        "co_built",
        None,
        dt.date(2024, 1, 10),
        "吴维光（主任）",
        None,
    ),
    (
        "teaching_team",
        "焊接技术教学创新团队",
        TECH_SCHOOL,
        ["山东辰泰重钢建设集团有限公司"],
        "co_built",
        "焊接加工",
        dt.date(2024, 6, 18),
        "韩磊（学校）、冯建华（企业）",
        None,
    ),
    (
        "mixed_ownership",
        "乳品加工混合所有制二级学院",
        CENTRE,
        ["潍坊伊利乳业有限责任公司"],
        "mixed",
        "食品加工工艺",
        dt.date(2025, 2, 20),
        "徐丽（学校）、高峰（企业）",
        None,
    ),
    (
        "enterprise_run",
        "宝龙达化工员工培训部",
        TECH_SCHOOL,
        ["山东宝龙达实业集团有限公司"],
        "purchased_service",
        None,
        dt.date(2024, 8, 1),
        "彭涛（学校）",
        None,
    ),
]
INSTITUTION_LOGS = {
    2024: ("召开成立大会，制订年度工作计划，开展专题培训{n}次。", "形成工作制度与培养方案各1份"),
    2025: (
        "开展技术攻关、教师培训与学生技能训练{n}次。",
        "形成典型案例1个，指导学生获市级技能竞赛奖项",
    ),
}
# (kind, title, school, enterprises, institution, lead, start, end, value, status, result)
PROJECTS = [
    (
        "technical_service",
        "铝型材挤压模具寿命提升技术服务",
        CENTRE,
        [HR_ENTERPRISE],
        "铝型材创新工坊",
        "张志强",
        dt.date(2024, 10, 8),
        dt.date(2025, 6, 30),
        Decimal(80000),
        "completed",
        "模具平均寿命提高约18%，形成实用新型专利1项",
    ),
    (
        "joint_rnd",
        "磁选设备电控系统联合研发",
        CENTRE,
        ["山东华特磁电科技股份有限公司"],
        None,
        "李晓燕",
        dt.date(2025, 3, 1),
        None,
        Decimal(150000),
        "ongoing",
        "",
    ),
    (
        "research_topic",
        "县域订单班“五融通”培养模式研究",
        CENTRE,
        [],
        None,
        "王建国",
        dt.date(2024, 9, 1),
        dt.date(2025, 8, 31),
        Decimal(0),
        "completed",
        "市级课题结题，形成研究报告1份",
    ),
    (
        "technical_service",
        "钢结构焊接变形控制技术服务",
        TECH_SCHOOL,
        ["山东辰泰重钢建设集团有限公司"],
        "焊接技术教学创新团队",
        "韩磊",
        dt.date(2025, 4, 1),
        None,
        Decimal(60000),
        "ongoing",
        "",
    ),
]
# (title, kind, school, enterprises, number, status, filed, granted, project, institution,
#  transferred to, transferred on, transfer value)
PATENTS = [
    (
        "一种铝型材挤压模具冷却装置",
        "utility_model",
        CENTRE,
        [HR_ENTERPRISE],
        "ZL202420567812.3",
        "transferred",
        dt.date(2024, 6, 12),
        dt.date(2025, 2, 18),
        "铝型材挤压模具寿命提升技术服务",
        "铝型材创新工坊",
        HR_ENTERPRISE,
        dt.date(2025, 5, 20),
        Decimal(30000),
    ),
    (
        "一种铝型材表面缺陷视觉检测方法",
        "invention",
        CENTRE,
        [HR_ENTERPRISE],
        "202510234567.1",
        "filed",
        dt.date(2025, 3, 8),
        None,
        None,
        "铝型材创新工坊",
        None,
        None,
        None,
    ),
    (
        "一种焊接变形矫正夹具",
        "utility_model",
        TECH_SCHOOL,
        ["山东辰泰重钢建设集团有限公司"],
        "ZL202422678901.5",
        "granted",
        dt.date(2024, 11, 2),
        dt.date(2025, 6, 10),
        "钢结构焊接变形控制技术服务",
        "焊接技术教学创新团队",
        None,
        None,
        None,
    ),
]
# (school, enterprise, name, direction, quantity, value, since)
EQUIPMENT = [
    (
        CENTRE,
        HR_ENTERPRISE,
        "教学型铝型材挤压生产线",
        "introduced",
        1,
        1200000,
        dt.date(2024, 3, 15),
    ),
    (
        CENTRE,
        "山东三义集团股份有限公司",
        "五轴数控加工中心",
        "introduced",
        1,
        680000,
        dt.date(2024, 9, 1),
    ),
    (
        CENTRE,
        "山东雷奥新能源有限公司",
        "新能源电机综合测试台",
        "shared",
        2,
        260000,
        dt.date(2025, 3, 1),
    ),
    (
        TECH_SCHOOL,
        "山东辰泰重钢建设集团有限公司",
        "焊接机器人工作站",
        "lent",
        1,
        420000,
        dt.date(2024, 10, 1),
    ),
]
# The school's yearly contributions to each workshop: (kind, description, value in yuan).
CONTRIBUTIONS = [
    ("staff", "安排专业教师和实习指导教师参与生产管理", 120000),
    ("utilities", "承担车间生产用水电", 60000),
    ("premises", "提供实训楼车间场地", 90000),
]


def _demo_institutions(schools, by_name) -> dict[str, CoBuiltInstitution]:
    school_by_name = {s.name: s for s in schools}
    have = {i.name: i for i in CoBuiltInstitution.objects.all()}
    for kind, name, school, partners, mode, major, founded, leaders, host in INSTITUTIONS:
        if name in have or school not in school_by_name:
            continue
        school = school_by_name[school]
        workshop = (
            school.workshops.order_by("pk").first() if kind == "innovation_workshop" else None
        )
        institution = CoBuiltInstitution(
            kind=kind,
            name=name,
            school=school,
            mode=mode,
            major=school.majors.filter(name=major).first() if major else None,
            founded_on=founded,
            leaders=leaders,
            host_base=TrainingBase.objects.filter(enterprise__name=host).first() if host else None,
            host_workshop=workshop,
            description=f"{name}由{school.name}与合作企业共建，服务县域产业人才培养与技术创新。",
        )
        institution.full_clean()
        institution.save()
        institution.enterprises.set([by_name[p] for p in partners if p in by_name])
        institution.teachers.set(school.teachers.filter(is_professional=True).order_by("pk")[:3])
        institution.craftsmen.set(
            Craftsman.objects.filter(enterprise__name__in=partners).order_by("pk")[:2]
        )
        have[name] = institution
    for institution in have.values():
        logged = set(institution.years.values_list("year", flat=True))
        for year, (activities, outputs) in INSTITUTION_LOGS.items():
            if year in logged or institution.founded_on.year > year:
                continue
            events = 4 + len(institution.name) % 5
            InstitutionYear.objects.create(
                institution=institution,
                year=year,
                activities=activities.format(n=events),
                outputs=outputs,
                events=events,
                people_trained=events * 15,
            )
    return have


def seed_cobuilding(schools: list[Organization], by_name: dict[str, Organization]) -> None:
    """The Linqu schools' co-built institutions, projects, patents, shared equipment, workshop
    support and two-way appointments (nothing at the city scale's other schools)."""
    school_by_name = {s.name: s for s in schools}
    if CENTRE not in school_by_name:
        return
    institutions = _demo_institutions(schools, by_name)
    projects = {p.title: p for p in ServiceProject.objects.all()}
    for kind, title, school, partners, inst, lead, start, end, value, status, result in PROJECTS:
        if title in projects or school not in school_by_name:
            continue
        project = ServiceProject(
            kind=kind,
            title=title,
            school=school_by_name[school],
            institution=institutions.get(inst),
            lead=lead,
            start_on=start,
            end_on=end,
            value=value,
            status=status,
            result=result,
        )
        project.full_clean()
        project.save()
        project.enterprises.set([by_name[p] for p in partners if p in by_name])
        projects[title] = project
    have = set(Patent.objects.values_list("title", flat=True))
    for row in PATENTS:
        title, kind, school, partners, number, status, filed, granted = row[:8]
        project, inst, receiver, transferred_on, transfer_value = row[8:]
        if title in have or school not in school_by_name:
            continue
        patent = Patent(
            title=title,
            kind=kind,
            school=school_by_name[school],
            number=number,
            status=status,
            inventors="张志强、孙立新" if school == CENTRE else "韩磊、冯建华",
            filed_on=filed,
            granted_on=granted,
            project=projects.get(project),
            institution=institutions.get(inst),
            transferred_to=by_name.get(receiver) if receiver else None,
            transferred_on=transferred_on,
            transfer_value=transfer_value,
        )
        patent.full_clean()
        patent.save()
        patent.enterprises.set([by_name[p] for p in partners if p in by_name])
    have = set(SharedEquipment.objects.values_list("name", flat=True))
    for school, enterprise, name, direction, quantity, value, since in EQUIPMENT:
        if name in have or school not in school_by_name or enterprise not in by_name:
            continue
        SharedEquipment.objects.create(
            school=school_by_name[school],
            enterprise=by_name[enterprise],
            name=name,
            direction=direction,
            quantity=quantity,
            value=Decimal(value),
            since=since,
            workshop=school_by_name[school].workshops.order_by("pk").first()
            if direction == "introduced"
            else None,
        )
    _workshop_support([school_by_name[n] for n in (CENTRE, TECH_SCHOOL) if n in school_by_name])
    _appointments(school_by_name, by_name)


def _workshop_support(schools: list[Organization]) -> None:
    have = set(WorkshopContribution.objects.values_list("workshop_id", "year", "kind"))
    for workshop in InSchoolWorkshop.objects.filter(school__in=schools).order_by("pk"):
        for year in (2024, 2025):
            if workshop.opened_on and workshop.opened_on.year > year:
                continue
            for kind, description, value in CONTRIBUTIONS:
                if (workshop.pk, year, kind) in have:
                    continue
                WorkshopContribution.objects.create(
                    workshop=workshop,
                    year=year,
                    kind=kind,
                    description=description,
                    value=Decimal(value),
                )
        if not workshop.technical_managers.exists():
            workshop.technical_managers.set(
                workshop.school.teachers.filter(is_professional=True).order_by("-pk")[:2]
            )
            workshop.for_staff_training = workshop.pk % 2 == 0
            workshop.for_technical_service = True
            workshop.save(update_fields=["for_staff_training", "for_technical_service"])


def _appointments(school_by_name, by_name) -> None:
    if TwoWayAppointment.objects.exists():
        return
    centre = school_by_name[CENTRE]
    teacher = centre.teachers.filter(is_professional=True).order_by("pk").first()
    rows = []
    if teacher is not None and HR_ENTERPRISE in by_name:
        rows.append(
            TwoWayAppointment(
                direction="teacher_at_enterprise",
                school=centre,
                enterprise=by_name[HR_ENTERPRISE],
                teacher=teacher,
                position="技术顾问",
                start_on=dt.date(2025, 1, 1),
                end_on=dt.date(2027, 12, 31),
                duties="参与挤压工艺改进，每年驻企不少于30天。",
            )
        )
    for enterprise, school, position in (
        ("山东三义集团股份有限公司", CENTRE, "产业导师"),
        (HR_ENTERPRISE, TECH_SCHOOL, "兼职教授"),
    ):
        craftsman = Craftsman.objects.filter(enterprise__name=enterprise).order_by("pk").first()
        if craftsman is None or school not in school_by_name:
            continue
        rows.append(
            TwoWayAppointment(
                direction="craftsman_at_school",
                school=school_by_name[school],
                enterprise=craftsman.enterprise,
                craftsman=craftsman,
                position=position,
                start_on=dt.date(2024, 9, 1),
                end_on=dt.date(2026, 8, 31),
                duties="每学期授课不少于32学时，指导学生技能竞赛。",
            )
        )
    for row in rows:
        row.full_clean()
        row.save()


# --- external cooperation (Qufu 三(八)): partners outside the city, exchanges by area ----------

#: (school, partner, kind, location, agreement, signed, until)
EXTERNAL_PARTNERS = [
    (
        "临朐县职业教育中心学校",
        "苏州工业园区工业技术学校",
        PartnerKind.VOCATIONAL_SCHOOL,
        "江苏省苏州市",
        "校际合作框架协议",
        dt.date(2024, 5, 10),
        dt.date(2027, 5, 9),
    ),
    (
        "临朐县职业教育中心学校",
        "山东职业学院",
        PartnerKind.UNIVERSITY,
        "山东省济南市",
        "中高职贯通培养合作协议",
        dt.date(2023, 9, 1),
        None,
    ),
    (
        "临朐县技工学校",
        "宁波技师学院",
        PartnerKind.VOCATIONAL_SCHOOL,
        "浙江省宁波市",
        "",
        None,
        None,
    ),
]

#: (partner, date, area, direction, title, participants, outcome)
EXTERNAL_EXCHANGES = [
    (
        "苏州工业园区工业技术学校",
        dt.date(2024, 6, 18),
        ExchangeArea.MAJORS,
        ExchangeDirection.OUTBOUND,
        "赴苏州考察数控专业建设",
        8,
        "形成数控技术应用专业建设改进方案",
    ),
    (
        "苏州工业园区工业技术学校",
        dt.date(2025, 4, 22),
        ExchangeArea.CURRICULUM,
        ExchangeDirection.INBOUND,
        "机电专业课程标准联合修订研讨",
        15,
        "修订课程标准3门",
    ),
    (
        "苏州工业园区工业技术学校",
        dt.date(2025, 7, 8),
        ExchangeArea.TEACHER_TRAINING,
        ExchangeDirection.OUTBOUND,
        "专业教师暑期跟岗研修",
        6,
        "",
    ),
    (
        "山东职业学院",
        dt.date(2025, 3, 27),
        ExchangeArea.PROGRESSION,
        ExchangeDirection.INBOUND,
        "中高职贯通升学政策宣讲",
        210,
        "",
    ),
    (
        "山东职业学院",
        dt.date(2025, 11, 12),
        ExchangeArea.RESOURCES,
        ExchangeDirection.INBOUND,
        "共建铝型材加工教学资源库",
        12,
        "完成微课视频20个",
    ),
    (
        "宁波技师学院",
        dt.date(2025, 10, 16),
        ExchangeArea.INTEGRATION,
        ExchangeDirection.OUTBOUND,
        "考察一体化教学改革与校企合作",
        5,
        "",
    ),
]


def seed_external_cooperation(schools: list[Organization]) -> None:
    """Partner institutions outside the city and dated exchanges (fixed data, no random draws)."""
    by_name = {s.name: s for s in schools}
    partners = [
        PartnerInstitution(
            school=by_name[school],
            name=name,
            kind=kind,
            location=location,
            agreement_title=agreement,
            agreement_signed_on=signed,
            agreement_until=until,
        )
        for school, name, kind, location, agreement, signed, until in EXTERNAL_PARTNERS
        if school in by_name
    ]
    _insert_missing(PartnerInstitution, partners, lambda p: (p.school_id, p.name))
    saved = {p.name: p for p in PartnerInstitution.objects.filter(school__in=schools)}
    exchanges = [
        PartnerExchange(
            partner=saved[partner],
            date=day,
            area=area,
            direction=direction,
            title=title,
            participants=participants,
            outcome=outcome,
        )
        for partner, day, area, direction, title, participants, outcome in EXTERNAL_EXCHANGES
        if partner in saved
    ]
    _insert_missing(PartnerExchange, exchanges, lambda e: (e.partner_id, e.date, e.title))
    first = saved.get(EXTERNAL_PARTNERS[0][1])
    if first is not None and not first.agreement_file:
        first.agreement_file.save("校际合作框架协议.pdf", ContentFile(MINIMAL_PDF), save=True)


#: (school, title, enterprises, held on, method, participants, report uploaded, findings)
QUALITY_SURVEYS = [
    (
        "临朐县职业教育中心学校",
        "多主体质量评价制度调研（铝型材专业群）",
        ("山东华建铝业集团有限公司", "山东中豪铝业集团有限公司"),
        dt.date(2025, 4, 18),
        SurveyMethod.BOTH,
        46,
        True,
        "企业希望把岗位实习考核和职业技能等级证书纳入学生评价，建议每学期召开一次校企评价会。",
    ),
    (
        "临朐县技工学校",
        "校企合作人才培养质量问卷调查",
        ("山东三义集团股份有限公司", "潍坊华星机械有限公司"),
        dt.date(2025, 10, 23),
        SurveyMethod.QUESTIONNAIRE,
        128,
        False,
        "",
    ),
]


def seed_quality_surveys(schools: list[Organization], by_name: dict[str, Organization]) -> None:
    """Multi-party quality evaluation surveys (Qufu 三(三)); the first has its plan and report
    uploaded, the second is still being written up (fixed data, no random draws)."""
    school_by_name = {s.name: s for s in schools}
    rows = [row for row in QUALITY_SURVEYS if row[0] in school_by_name]
    surveys = [
        QualityEvaluationSurvey(
            school=school_by_name[school],
            title=title,
            held_on=day,
            method=method,
            participants=participants,
            findings=findings,
        )
        for school, title, _partners, day, method, participants, _report, findings in rows
    ]
    _insert_missing(QualityEvaluationSurvey, surveys, lambda s: (s.school_id, s.title, s.held_on))
    for school, title, partners, day, _method, _n, report, _findings in rows:
        survey = QualityEvaluationSurvey.objects.get(
            school=school_by_name[school], title=title, held_on=day
        )
        if not survey.enterprises.exists():
            survey.enterprises.set([by_name[name] for name in partners if name in by_name])
        if report and not survey.report_file:
            survey.plan_file.save("调研方案.pdf", ContentFile(MINIMAL_PDF), save=False)
            survey.report_file.save("调研报告.pdf", ContentFile(MINIMAL_PDF), save=True)
