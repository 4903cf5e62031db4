"""Demo data of the placements app: students, order classes, apprentices, internships, graduate
outcomes of the classes of 2023–2025, the local-talent archive, outreach events and mentors.

Deterministic (the random stream is consumed the same way whatever the database holds) and
idempotent: every record has a natural key, and only the missing ones are inserted, so a second
run changes nothing. Large scales insert by COPY on PostgreSQL (``alliance.bulk``; elsewhere
``bulk_create`` in batches), without history rows: history records who changed what, and
nobody did.

- ``demo``: the two Linqu schools, about 360 students — quick enough for every test run.
- ``county``: about 6,000 students in the two schools.
- ``city``: about 200,000 students in 40 schools, with 500 enterprises (the missing schools and
  enterprises are created here as organisations, with valid credit codes).
- ``province``: about 2,000,000 students in 400 schools, with 5,000 enterprises; students and
  graduate outcomes are generated and inserted one school at a time, so memory stays flat.

The local employment rate rises year on year for 临朐县职业教育中心学校 and falls for
临朐县技工学校, so the local employment page has a fall to mark.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from alliance.bulk import insert_rows
from alliance.fake_ids import mobile, national_id
from members.models import Major, Organization
from training.models import TrainingBase

from .models import (
    AlignmentStatus,
    Apprenticeship,
    ApprenticeshipMode,
    ApprenticeshipPath,
    ApprenticeshipStatus,
    Aspect,
    CareerMentor,
    CoDevelopedMaterial,
    Destination,
    EmployeeCategory,
    EmployerLocation,
    FollowUpMilestone,
    GraduatePlacement,
    HireStatus,
    Internship,
    InternshipEvaluation,
    InternshipStage,
    MaterialKind,
    OrderClass,
    OrderClassAlignment,
    OrderClassEnrolment,
    OrderClassKind,
    OutreachEvent,
    OutreachKind,
    OutreachPhoto,
    PreferenceArea,
    PreferentialMeasure,
    RetentionFollowUp,
    Student,
    StudyMode,
    TalentDemand,
    WageBand,
    milestone_date,
)

CENTRE = "临朐县职业教育中心学校"
TECHNICAL = "临朐县技工学校"
HR_ENTERPRISE = "山东华建铝业集团有限公司"
GRADUATION_YEARS = [2023, 2024, 2025]
COHORTS = list(range(2020, 2026))  # enrolment years: classes of 2023 … 2028
# Graduates per school and cohort; students per cohort = graduates (three-year programmes).
COHORT_SIZE = {"demo": 60, "county": 500, "city": 830, "province": 830}
BATCH = 2000

# Local employment rate (in the county ÷ employed) by graduation year: rising for the centre,
# falling for the technical school; other (city-scale) schools drift around 60 %.
LOCAL_RATES = {CENTRE: [0.58, 0.66, 0.74], TECHNICAL: [0.70, 0.63, 0.55]}
EMPLOYED_SHARE = 0.82

MAJORS = {
    CENTRE: [
        "机电技术应用",
        "数控技术应用",
        "电子技术应用",
        "计算机应用",
        "汽车运用与维修",
        "会计事务",
    ],
    TECHNICAL: ["焊接加工", "电气自动化设备安装与维修", "模具制造", "工业机器人应用与维护"],
}
OTHER_MAJORS = [
    "机电技术应用",
    "数控技术应用",
    "焊接加工",
    "计算机应用",
    "食品加工工艺",
    "电子商务",
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建文辉力峰志国宁海波东鹏飞凯斌晨宇浩然晓旭阳琳雪梅燕倩婷雯佳瑞"
JOBS = [
    "数控操作工",
    "焊工",
    "电工",
    "装配工",
    "质检员",
    "设备维修工",
    "生产统计员",
    "仓储管理员",
    "模具钳工",
]
CITY_EMPLOYERS = [
    "潍坊歌尔股份有限公司",
    "潍柴动力股份有限公司",
    "潍坊盛瑞传动有限公司",
    "寿光蔬菜产业集团",
]
FAR_EMPLOYERS = [
    "青岛海尔智家股份有限公司",
    "济南重汽集团有限公司",
    "苏州工业园区某电子公司",
    "深圳某科技有限公司",
]
LOCAL_OTHERS = ["临朐县某机械厂", "临朐县某商贸公司", "临朐县某建材有限公司"]
MENTOR_TITLES = ["高级技师", "生产经理", "人力资源经理", "技术总监", "车间主任"]

# Order classes (订单班) with the demo enterprises: (school, name, major, enterprises); one joint
# class (联合组班) of two aluminium enterprises.
ORDER_CLASSES = [
    (CENTRE, "华建铝业订单班", "机电技术应用", [HR_ENTERPRISE]),
    (CENTRE, "铝业联合订单班", "数控技术应用", [HR_ENTERPRISE, "山东中豪铝业集团有限公司"]),
    (CENTRE, "雷奥新能源订单班", "电子技术应用", ["山东雷奥新能源有限公司"]),
    (TECHNICAL, "三义机械订单班", "焊接加工", ["山东三义集团股份有限公司"]),
    (TECHNICAL, "华特磁电订单班", "电气自动化设备安装与维修", ["山东华特磁电科技股份有限公司"]),
]
ORDER_CLASS_SIZE = 12

# A few semesters without a parents' visit or a promotion week, for the overview to show.
MISSING_OUTREACH = {
    (TECHNICAL, "2024-1", "promotion_week"),
    (TECHNICAL, "2025-2", "parents_visit"),
    (CENTRE, "2024-2", "promotion_week"),
}
SEMESTERS = ["2023-2", "2024-1", "2024-2", "2025-1", "2025-2", "2026-1", "2026-2"]
# Enterprises (by position in name order) without a mentor, and chairmen who skipped a year.
NO_MENTOR_EVERY = 7
NO_CHAIRMAN_EVERY = 5

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def seed(rng: random.Random, scale: str = "demo") -> None:
    size = COHORT_SIZE.get(scale, COHORT_SIZE["demo"])
    history = scale == "demo"
    schools, enterprises = _organizations()
    if not schools or not enterprises:
        return
    students = _students(rng, schools, size, history)
    order_classes = _order_classes(rng, schools, enterprises, students, history)
    _placements(rng, schools, enterprises, students, order_classes, history)
    _apprenticeships(rng, schools, enterprises, history)
    _internships(rng, schools, enterprises, students, history)
    _followups(rng, history)
    _milestone_followups(rng, history)
    _outreach(rng, schools, enterprises, history)
    _mentors(rng, schools, enterprises, history)
    _files(schools, enterprises)
    seed_cobuilding(schools, enterprises)


def _insert(model: type[models.Model], rows: list[models.Model], history: bool) -> None:
    """New rows, with history rows at the demo scale; at large scales by COPY (PostgreSQL):
    the objects get no primary key, callers read the keys back by natural key."""
    if not rows:
        return
    if history:
        bulk_create_with_history(rows, model, batch_size=BATCH)
    else:
        insert_rows(model, rows, batch_size=BATCH)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


# --- organisations ----------------------------------------------------------------------


def _organizations() -> tuple[list[Organization], list[Organization]]:
    """The member schools and enterprises (at city scale members.demo has added the others)."""
    schools = list(Organization.objects.schools().order_by("pk"))
    enterprises = list(Organization.objects.enterprises().order_by("pk"))
    # The two Linqu schools first, then the others in creation order.
    schools.sort(key=lambda s: (s.name not in (CENTRE, TECHNICAL), s.name != CENTRE, s.pk))
    return schools, enterprises


# --- students ---------------------------------------------------------------------------


def _catalogue(schools: list[Organization]) -> dict[tuple[int, str], Major]:
    """{(school id, name): Major}: the schools' catalogues, with the demo's majors added where a
    school (at city scale) has none yet (the members demo lists the Linqu schools')."""
    for school in schools:
        have = set(school.majors.values_list("name", flat=True))
        missing = [n for n in MAJORS.get(school.name, OTHER_MAJORS) if n not in have]
        Major.objects.bulk_create([Major(school=school, name=n) for n in missing])
    return {(m.school_id, m.name): m for m in Major.objects.filter(school__in=schools)}


# --- students ---------------------------------------------------------------------------


def _students(rng: random.Random, schools: list[Organization], size: int, history: bool) -> dict:
    """{(school id, enrolment year): [student ids in number order]}, inserted school by school."""
    catalogue = _catalogue(schools)
    result: dict[tuple[int, int], list[int]] = {}
    for index, school in enumerate(schools):
        wanted: list[Student] = []
        majors = MAJORS.get(school.name, OTHER_MAJORS)
        for year in COHORTS:
            for n in range(size):
                major = majors[n % len(majors)]
                birth = dt.date(year - 15, 1, 1) + dt.timedelta(days=rng.randrange(365))
                wanted.append(
                    Student(
                        school=school,
                        student_number=f"{year}{index:02d}{n:04d}",
                        name=_name(rng),
                        national_id=national_id(rng, birth),
                        gender=rng.choice(("male", "male", "female")),
                        major=catalogue[school.pk, major],
                        class_name=f"{str(year)[2:]}级{major[:2]}{n % 2 + 1}班",
                        enrolment_year=year,
                        study_mode=StudyMode.FULL_TIME,
                        phone=mobile(rng),
                    )
                )
        ids = _student_ids([school])
        _insert(Student, [s for s in wanted if (s.school_id, s.student_number) not in ids], history)
        ids = _student_ids([school])
        for s in wanted:
            result.setdefault((s.school_id, s.enrolment_year), []).append(
                ids[(s.school_id, s.student_number)]
            )
    return result


def _student_ids(schools: Iterable[Organization]) -> dict[tuple[int, str], int]:
    rows = Student.objects.filter(school__in=list(schools)).values_list(
        "school", "student_number", "pk"
    )
    return {(school, number): pk for school, number, pk in rows.iterator(chunk_size=10000)}


# --- order classes ----------------------------------------------------------------------


def _order_classes(
    rng, schools, enterprises, students, history: bool
) -> dict[int, list[tuple[OrderClass, list[int], list[int]]]]:
    """{graduation year: [(order class, enterprise ids, enrolled student ids)]}."""
    by_name = {e.name: e for e in enterprises}
    plan = []
    for school_name, name, major, names in ORDER_CLASSES:
        school = next((s for s in schools if s.name == school_name), None)
        partners = [by_name[n] for n in names if n in by_name]
        if school and partners:
            plan.append((school, name, major, partners))
    # Other schools (city scale): one class per school with two enterprises taken in turn.
    for index, school in enumerate(s for s in schools if s.name not in (CENTRE, TECHNICAL)):
        partners = [
            enterprises[(2 * index) % len(enterprises)],
            enterprises[(2 * index + 1) % len(enterprises)],
        ]
        plan.append((school, "校企订单班", OTHER_MAJORS[index % len(OTHER_MAJORS)], partners))

    result: dict[int, list] = {}
    existing = {(o.school_id, o.name): o for o in OrderClass.objects.filter(school__in=schools)}
    majors = {(m.school_id, m.name): m for m in Major.objects.filter(school__in=schools)}
    new: list[tuple[OrderClass, list[Organization]]] = []
    for school, base_name, major, partners in plan:
        if (school.pk, major) not in majors:
            # The school's catalogue entry (the members demo lists Linqu's; a city school's is
            # added here).
            majors[school.pk, major] = Major.objects.get_or_create(school=school, name=major)[0]
        for cohort in COHORTS:
            graduation = cohort + 3
            name = f"{base_name}（{graduation}届）"
            order_class = existing.get((school.pk, name))
            if order_class is None:
                order_class = OrderClass(
                    school=school,
                    name=name,
                    major=majors[school.pk, major],
                    cohort_year=cohort,
                    graduation_year=graduation,
                    planned_size=ORDER_CLASS_SIZE + rng.randrange(0, 9),
                )
                new.append((order_class, partners))
            else:
                rng.randrange(0, 9)  # keep the random stream identical on a second run
            cohort_ids = students.get((school.pk, cohort), [])
            # The class takes every n-th student of the cohort, so classes do not overlap.
            slot = [p[1] for p in plan if p[0] == school].index(base_name)
            enrolled = cohort_ids[slot::7][:ORDER_CLASS_SIZE]
            result.setdefault(graduation, []).append(
                (order_class, [p.pk for p in partners], enrolled)
            )
    _save_classes(new, history)
    _alignments([entry[0] for entries in result.values() for entry in entries])
    _enrol(result)
    return result


def _save_classes(new: list[tuple[OrderClass, list[Organization]]], history: bool) -> None:
    if history:
        # The demo's classes are checked and carry their history, partners included.
        for order_class, partners in new:
            order_class.full_clean()
            order_class.save()
            order_class.enterprises.set(partners)
        return
    # Large scales: the classes in bulk (their keys come back), then their partners.
    OrderClass.objects.bulk_create([oc for oc, _partners in new], batch_size=BATCH)
    through = OrderClass.enterprises.through
    through.objects.bulk_create(
        [
            through(orderclass_id=oc.pk, organization_id=partner.pk)
            for oc, partners in new
            for partner in dict.fromkeys(partners)
        ],
        batch_size=BATCH,
    )


def _alignments(order_classes: list[OrderClass]) -> None:
    have = set(
        OrderClassAlignment.objects.filter(order_class__in=order_classes).values_list(
            "order_class", "aspect"
        )
    )
    rows = []
    for order_class in order_classes:
        # Older classes are fully aligned; the newest are still working on it.
        done = {2023: 5, 2024: 5, 2025: 4, 2026: 3, 2027: 2, 2028: 1}.get(
            order_class.graduation_year, 0
        )
        rows += [
            OrderClassAlignment(
                order_class=order_class,
                aspect=aspect,
                status=AlignmentStatus.ALIGNED
                if i < done
                else (AlignmentStatus.IN_PROGRESS if i == done else AlignmentStatus.NOT_STARTED),
            )
            for i, aspect in enumerate(Aspect.values)
            if (order_class.pk, aspect) not in have
        ]
    OrderClassAlignment.objects.bulk_create(rows, batch_size=BATCH)


def _enrol(classes: dict) -> None:
    wanted = [
        OrderClassEnrolment(
            order_class=oc, student_id=sid, enrolled_on=dt.date(oc.cohort_year, 9, 1)
        )
        for entries in classes.values()
        for oc, _ids, students in entries
        for sid in students
    ]
    have = set(
        OrderClassEnrolment.objects.filter(
            order_class__in=[e.order_class for e in wanted]
        ).values_list("order_class", "student")
    )
    OrderClassEnrolment.objects.bulk_create(
        [e for e in wanted if (e.order_class_id, e.student_id) not in have], batch_size=BATCH
    )


# --- graduate placements ----------------------------------------------------------------


def _placements(rng, schools, enterprises, students, order_classes, history: bool) -> None:
    local_members = [e for e in enterprises if e.is_local] or enterprises
    hr = next((e for e in enterprises if e.name == HR_ENTERPRISE), enterprises[0])
    have = set(
        GraduatePlacement.objects.filter(graduation_year__in=GRADUATION_YEARS).values_list(
            "student", "graduation_year"
        )
    )
    for school in schools:
        wanted: list[GraduatePlacement] = []
        for y, graduation in enumerate(GRADUATION_YEARS):
            ids = students.get((school.pk, graduation - 3), [])
            rate = LOCAL_RATES.get(school.name, [0.6 + rng.uniform(-0.08, 0.08)] * 3)[y]
            employed_n = round(len(ids) * EMPLOYED_SHARE)
            local_n = round(employed_n * rate)
            # Order-class students are hired by their order enterprises (most of them) in the county.
            hired_by: dict[int, tuple[int, OrderClass]] = {}
            for oc, partner_ids, enrolled in order_classes.get(graduation, []):
                if oc.school_id != school.pk:
                    continue
                for i, sid in enumerate(enrolled):
                    if i % 5 != 4:  # four in five stay with an order enterprise
                        hired_by[sid] = (partner_ids[i % len(partner_ids)], oc)
            ordered = [sid for sid in ids if sid in hired_by] + [
                sid for sid in ids if sid not in hired_by
            ]
            for i, sid in enumerate(ordered):
                placement = GraduatePlacement(student_id=sid, graduation_year=graduation)
                if i < employed_n:
                    self_employed = i % 23 == 22 and sid not in hired_by
                    placement.destination = (
                        Destination.SELF_EMPLOYED if self_employed else Destination.EMPLOYED
                    )
                    placement.job = rng.choice(JOBS)
                    placement.wage_band = rng.choice(WageBand.values[1:])
                    if i < local_n:
                        placement.employer_location = EmployerLocation.COUNTY
                        if sid in hired_by:
                            placement.employer_id, placement.via_order_class = hired_by[sid]
                        elif placement.destination == Destination.EMPLOYED and i % 4:
                            # The HR demo account's enterprise hires a steady share of the centre's graduates.
                            pick = (
                                hr
                                if school.name == CENTRE and i % 6 == 1
                                else rng.choice(local_members)
                            )
                            placement.employer_id = pick.pk
                        elif placement.destination == Destination.EMPLOYED:
                            placement.employer_name = rng.choice(LOCAL_OTHERS)
                    else:
                        far = i % 3 == 0
                        placement.employer_location = (
                            EmployerLocation.ELSEWHERE if far else EmployerLocation.CITY
                        )
                        if placement.destination == Destination.EMPLOYED:
                            placement.employer_name = rng.choice(
                                FAR_EMPLOYERS if far else CITY_EMPLOYERS
                            )
                    if placement.employer_id:
                        # Older hires are confirmed; the class of 2025 partly awaits the employer.
                        roll = rng.random()
                        if graduation < 2025 or roll < 0.5:
                            placement.hire_status = (
                                HireStatus.DECLINED if roll > 0.97 else HireStatus.CONFIRMED
                            )
                            placement.hire_decided_at = dt.datetime(
                                graduation, 9, 15, 10, tzinfo=dt.UTC
                            )
                else:
                    placement.destination = rng.choice(
                        [
                            Destination.FURTHER_STUDY,
                            Destination.FURTHER_STUDY,
                            Destination.ENLISTED,
                            Destination.NOT_PLACED,
                        ]
                    )
                wanted.append(placement)
        # One school at a time: a province's million outcomes never sit in memory together.
        _insert(
            GraduatePlacement,
            [p for p in wanted if (p.student_id, p.graduation_year) not in have],
            history,
        )


# --- apprenticeships and internships --------------------------------------------------------


def _apprenticeships(rng, schools, enterprises, history: bool) -> None:
    """Employees registered as part-time students (招工即招生), a few per enterprise."""
    catalogue = _catalogue(schools)
    per_enterprise = 3 if len(enterprises) < 100 else 2
    wanted_students, wanted = [], []
    demo_schools = schools[:2]
    for e_index, enterprise in enumerate(enterprises):
        for k in range(per_enterprise):
            school = (
                demo_schools[(e_index + k) % len(demo_schools)]
                if e_index < 30
                else schools[e_index % len(schools)]
            )
            start = dt.date(2023 + (e_index + k) % 4, 3 if k % 2 else 9, 1)
            number = f"XT{start.year}{e_index:03d}{k}"
            majors = MAJORS.get(school.name, OTHER_MAJORS)
            birth = dt.date(1995 + rng.randrange(8), 1 + rng.randrange(12), 1 + rng.randrange(28))
            wanted_students.append(
                Student(
                    school=school,
                    student_number=number,
                    name=_name(rng),
                    national_id=national_id(rng, birth),
                    gender=rng.choice(("male", "female")),
                    major=catalogue[school.pk, majors[k % len(majors)]],
                    class_name="学徒班",
                    enrolment_year=start.year,
                    study_mode=StudyMode.APPRENTICE,
                    phone=mobile(rng),
                )
            )
            years = rng.choice((1, 2, 3))
            status = (
                ApprenticeshipStatus.IN_TRAINING
                if start.year >= 2025
                else rng.choice(
                    [
                        ApprenticeshipStatus.COMPLETED,
                        ApprenticeshipStatus.COMPLETED,
                        ApprenticeshipStatus.IN_TRAINING,
                        ApprenticeshipStatus.WITHDRAWN,
                    ]
                )
            )
            if start.year == 2026 and start.month == 9:
                status = ApprenticeshipStatus.ENROLLED
            ended = None
            if status == ApprenticeshipStatus.COMPLETED:
                ended = dt.date(start.year + 1, 7, 10)
            elif status == ApprenticeshipStatus.WITHDRAWN:
                ended = start + dt.timedelta(days=150)
            wanted.append(
                (
                    school.pk,
                    number,
                    Apprenticeship(
                        enterprise=enterprise,
                        employee_category=EmployeeCategory.NEW_HIRE
                        if k % 2 == 0
                        else EmployeeCategory.TRANSFERRED,
                        major=majors[k % len(majors)],
                        contract_start=start,
                        contract_end=dt.date(start.year + years, start.month, 1)
                        - dt.timedelta(days=1),
                        enterprise_mentor=_name(rng) + "师傅",
                        school_mentor=_name(rng) + "老师",
                        mode=rng.choice(ApprenticeshipMode.values),
                        status=status,
                        ended_on=ended,
                        outcome=rng.choice(
                            ["焊工中级工证书", "数控车工高级工证书", "电工中级工证书"]
                        )
                        if status == ApprenticeshipStatus.COMPLETED
                        else "",
                    ),
                )
            )
    ids = _student_ids(demo_schools if len(enterprises) < 100 else schools)
    _insert(
        Student, [s for s in wanted_students if (s.school_id, s.student_number) not in ids], history
    )
    ids = _student_ids(demo_schools if len(enterprises) < 100 else schools)
    have = set(Apprenticeship.objects.values_list("student", "enterprise", "contract_start"))
    rows = []
    for school_id, number, apprenticeship in wanted:
        apprenticeship.student_id = ids[(school_id, number)]
        key = (
            apprenticeship.student_id,
            apprenticeship.enterprise_id,
            apprenticeship.contract_start,
        )
        if key not in have:
            rows.append(apprenticeship)
    _insert(Apprenticeship, rows, history)


def _internships(rng, schools, enterprises, students, history: bool) -> None:
    """岗位实习 in the last autumn term: the classes of 2026 (done) and 2027 (under way)."""
    hr = next((e for e in enterprises if e.name == HR_ENTERPRISE), enterprises[0])
    bases = _training_bases()
    wanted = []
    for school in schools:
        for graduation in (2026, 2027):
            start = dt.date(graduation - 1, 9, 1)
            for i, sid in enumerate(students.get((school.pk, graduation - 3), [])):
                if i % 3:  # one student in three interns at a member enterprise
                    continue
                enterprise = (
                    hr
                    if school.name == CENTRE and i % 2 == 0
                    else enterprises[rng.randrange(len(enterprises))]
                )
                base = bases.get(enterprise.pk)
                done = graduation == 2026
                wanted.append(
                    Internship(
                        student_id=sid,
                        enterprise=enterprise,
                        stage=InternshipStage.PLACEMENT if done else InternshipStage.SHADOWING,
                        training_base_id=base,
                        master=_name(rng) + "师傅",
                        start_date=start,
                        end_date=dt.date(graduation, 1, 20),
                        evaluation=rng.choice(InternshipEvaluation.values[:3]) if done else "",
                    )
                )
    have = set(Internship.objects.values_list("student", "enterprise", "start_date"))
    _insert(
        Internship,
        [x for x in wanted if (x.student_id, x.enterprise_id, x.start_date) not in have],
        history,
    )


def _training_bases() -> dict[int, int]:
    """Enterprise id → one of its training bases (厂中校)."""
    result: dict[int, int] = {}
    for enterprise_id, pk in TrainingBase.objects.order_by("pk").values_list("enterprise", "pk"):
        result.setdefault(enterprise_id, pk)
    return result


# --- the local-talent archive -------------------------------------------------------------


def _followups(rng, history: bool) -> None:
    """Twice-yearly contacts with one local graduate in four (留临人才档案)."""
    local = (
        GraduatePlacement.objects.filter(
            employer_location=EmployerLocation.COUNTY, destination__in=["employed", "self_employed"]
        )
        .order_by("pk")
        .values_list("pk", "graduation_year", "employer")
    )
    have = set(RetentionFollowUp.objects.values_list("placement", "contacted_on"))
    rows = []
    problems = [
        "通勤距离较远，希望安排班车",
        "希望参加技能等级认定",
        "住宿条件有待改善",
        "希望明确岗位晋升通道",
    ]
    for n, (pk, graduation, employer) in enumerate(local.iterator(chunk_size=10000)):
        if n % 4:
            continue
        for year in range(graduation, 2027):
            for month in (3, 10):
                day = dt.date(year, month, 15)
                if day < dt.date(graduation, 9, 1) or day > dt.date(2026, 10, 31):
                    continue
                roll = rng.random()
                problem = rng.choice(problems) if roll < 0.2 else ""
                resolved = bool(problem) and roll < 0.14
                row = RetentionFollowUp(
                    placement_id=pk,
                    contacted_on=day,
                    still_employed=roll < 0.93,
                    problems=problem,
                    resolved=resolved,
                    resolved_by=("企业人力资源部" if employer else "联盟办公室")
                    if resolved
                    else "",
                )
                if (pk, day) not in have:
                    rows.append(row)
    _insert(RetentionFollowUp, rows, history)


# The demo's records stop here; milestones reached since are due on the follow-ups page.
MILESTONES_RECORDED_UNTIL = dt.date(2026, 10, 31)
# Chance that a graduate still in the county at the last contact is still there at each milestone.
STAY_CHANCE = {6: 0.93, 12: 0.9, 24: 0.88}


def _milestone_followups(rng, history: bool) -> None:
    """The 6, 12 and 24-month follow-ups of every graduate working in the county (hire not
    declined), until a graduate leaves; one in four of those that fell due in the last six
    months is not recorded yet, so that the follow-ups page and the home pages have some."""
    placements = (
        GraduatePlacement.objects.filter(
            employer_location=EmployerLocation.COUNTY, destination__in=["employed", "self_employed"]
        )
        .exclude(hire_status=HireStatus.DECLINED)
        .order_by("pk")
        .values_list("pk", "graduation_year")
    )
    have = set(
        RetentionFollowUp.objects.exclude(milestone=None).values_list("placement", "milestone")
    )
    recent = MILESTONES_RECORDED_UNTIL - dt.timedelta(days=183)
    rows = []
    for pk, graduation in placements.iterator(chunk_size=10000):
        for months in FollowUpMilestone.values:
            day = milestone_date(graduation, months) + dt.timedelta(days=rng.randrange(3, 25))
            if day > MILESTONES_RECORDED_UNTIL:
                break
            if day > recent and rng.random() < 0.25:
                break  # not reached yet by the office: due
            stays = rng.random() < STAY_CHANCE[months]
            if (pk, months) not in have:
                rows.append(
                    RetentionFollowUp(
                        placement_id=pk,
                        contacted_on=day,
                        milestone=months,
                        still_employed=stays,
                    )
                )
            if not stays:
                break
    _insert(RetentionFollowUp, rows, history)


# --- outreach and career mentors ------------------------------------------------------------


def _semester_dates(key: str) -> tuple[dt.date, dt.date]:
    year, half = int(key[:4]), key[-1]
    return (
        (dt.date(year, 3, 10), dt.date(year, 5, 20))
        if half == "1"
        else (dt.date(year, 10, 12), dt.date(year, 11, 25))
    )


def _outreach(rng, schools, enterprises, history: bool) -> None:
    existing = set(OutreachEvent.objects.values_list("school", "kind", "date"))
    ordered = sorted(enterprises, key=lambda e: e.name)
    plan: list[tuple[Organization, str, str, dt.date, list[Organization], int]] = []
    for index, school in enumerate(schools):
        labels = {"parents_visit": "家长企业行", "promotion_week": "企业宣传周"}
        for key in SEMESTERS:
            first, second = _semester_dates(key)
            for kind, day in (
                (OutreachKind.PARENTS_VISIT.value, first),
                (OutreachKind.PROMOTION_WEEK.value, second),
            ):
                guests = [ordered[(index * 3 + j + len(key)) % len(ordered)] for j in range(3)]
                participants = rng.randrange(40, 220)
                if (school.name, key, kind) in MISSING_OUTREACH or (
                    index > 1 and rng.random() < 0.1
                ):
                    continue
                plan.append(
                    (
                        school,
                        kind,
                        f"{key[:4]}年{'春季' if key[-1] == '1' else '秋季'}{labels[kind]}",
                        day,
                        guests,
                        participants,
                    )
                )
        for year in (2023, 2024, 2025, 2026):
            fair_guests = [
                ordered[(index + j) % len(ordered)]
                for j in range(0, len(ordered), max(1, len(ordered) // 8))
            ]
            plan.append(
                (
                    school,
                    OutreachKind.RECOMMENDATION_FAIR.value,
                    f"{year}届毕业生就业推荐会",
                    dt.date(year, 5, 28),
                    fair_guests,
                    rng.randrange(150, 400),
                )
            )
            plan.append(
                (
                    school,
                    OutreachKind.CAREER_CLASS.value,
                    f"{year}年职业规划课",
                    dt.date(year, 11, 6),
                    [ordered[(index + year) % len(ordered)]],
                    rng.randrange(40, 90),
                )
            )
            plan.append(
                (
                    school,
                    OutreachKind.EXPERT_LECTURE.value,
                    f"{year}年技术专家进课堂",
                    dt.date(year, 4, 16),
                    [ordered[(index + year + 1) % len(ordered)]],
                    rng.randrange(40, 90),
                )
            )
    # 董事长进校园: once a year per enterprise, in groups; a few chairmen skip a year.
    for year in (2024, 2025, 2026):
        visiting = [e for i, e in enumerate(ordered) if (i + year) % NO_CHAIRMAN_EVERY]
        for g in range(0, len(visiting), 4):
            school = schools[(g // 4) % len(schools)]
            day = dt.date(year, 4, 1) + dt.timedelta(days=g // 4)
            plan.append(
                (
                    school,
                    OutreachKind.CHAIRMAN_VISIT.value,
                    f"{year}年董事长进校园",
                    day,
                    visiting[g : g + 4],
                    rng.randrange(100, 300),
                )
            )
    # Enum members hash by name: compare plain strings with the database's values.
    events, guests_of = [], []
    for school, kind, title, day, guests, participants in plan:
        if (school.pk, kind, day) in existing:
            continue
        existing.add((school.pk, kind, day))
        events.append(
            OutreachEvent(
                school=school,
                kind=kind,
                title=title,
                date=day,
                participants=participants,
                notes="组织学生及家长走进联盟企业，了解企业文化、岗位与薪酬待遇。"
                if kind == OutreachKind.PARENTS_VISIT
                else "",
            )
        )
        guests_of.append(guests)
    if history:
        # The demo's events carry their history, guests included (one save each).
        for event, guests in zip(events, guests_of, strict=True):
            event.save()
            event.enterprises.set(guests)
        return
    # Large scales: the events in bulk (their keys come back), then their guests.
    OutreachEvent.objects.bulk_create(events, batch_size=BATCH)
    through = OutreachEvent.enterprises.through
    through.objects.bulk_create(
        [
            through(outreachevent_id=event.pk, organization_id=guest.pk)
            for event, guests in zip(events, guests_of, strict=True)
            for guest in dict.fromkeys(guests)
        ],
        batch_size=BATCH,
    )


def _mentors(rng, schools, enterprises, history: bool) -> None:
    have = set(CareerMentor.objects.values_list("enterprise", "person"))
    rows, serve = [], []
    for i, enterprise in enumerate(sorted(enterprises, key=lambda e: e.name)):
        person = _name(rng)
        title = MENTOR_TITLES[i % len(MENTOR_TITLES)]
        if i % NO_MENTOR_EVERY == 3:
            continue
        if (enterprise.pk, person) in have:
            continue
        rows.append(
            CareerMentor(
                enterprise=enterprise,
                person=person,
                title=title,
                appointed_on=dt.date(2024, 1 + i % 12, 1),
            )
        )
        serve.append([schools[i % len(schools)], schools[(i + 1) % len(schools)]])
    _insert(CareerMentor, rows, history)
    saved = {
        (m.enterprise_id, m.person): m
        for m in CareerMentor.objects.filter(enterprise__in=[r.enterprise for r in rows])
    }
    through = CareerMentor.schools.through
    through.objects.bulk_create(
        [
            through(careermentor_id=saved[(r.enterprise_id, r.person)].pk, organization_id=s.pk)
            for r, schools_served in zip(rows, serve, strict=True)
            for s in dict.fromkeys(schools_served)
        ],
        batch_size=BATCH,
    )


def _files(schools, enterprises) -> None:
    """An agreement, an alignment document and a photo, so the download pages have something."""
    order_class = (
        OrderClass.objects.filter(school__name=CENTRE, enterprises__name=HR_ENTERPRISE)
        .order_by("pk")
        .first()
    )
    if order_class is not None and not order_class.agreement:
        order_class.agreement.save("华建铝业订单班协议.pdf", ContentFile(PDF_BYTES), save=True)
        alignment = order_class.alignments.get(aspect=Aspect.OBJECTIVES)
        alignment.document.save("课程目标融通方案.pdf", ContentFile(PDF_BYTES), save=True)
    event = (
        OutreachEvent.objects.filter(school__name=CENTRE, kind=OutreachKind.PARENTS_VISIT)
        .order_by("date")
        .first()
    )
    if event is not None and not event.photos.exists():
        OutreachPhoto(event=event, caption="家长走进华建铝业生产车间").image.save(
            "parents-visit.png", ContentFile(_demo_picture())
        )


def _demo_picture() -> bytes:
    """A simple drawn picture (a workshop hall with machines) standing in for a real photo."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 400), (214, 226, 238))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 640, 400), fill=(120, 128, 140))
    for x in range(40, 600, 150):
        draw.rectangle((x, 180, x + 110, 300), fill=(46, 95, 160))
        draw.rectangle((x + 15, 200, x + 95, 240), fill=(230, 236, 242))
    for x in range(60, 620, 70):
        draw.ellipse((x, 262, x + 24, 286), fill=(240, 180, 60))
        draw.rectangle((x + 4, 286, x + 20, 330), fill=(60, 60, 70))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


# --- issue 15 (part b): every form of training, talent demand, materials, guidance ------------
# Fixed data (no draws from the shared random stream, so the records above stay as they were).

PILOT_CLASS = "华建铝业现代学徒制试点班（2027届）"
PILOT_SIZE = 6
DIRECTED_CLASS = "三义机械定向培养班（2028届）"
JOINT_2025 = "铝业联合订单班（2028届）"

#: (survey year, enterprise, post, major, school of the major, headcount, wage from, wage to)
DEMANDS = [
    (2025, HR_ENTERPRISE, "数控操作工", "数控技术应用", CENTRE, 12, 4200, 5800),
    (2025, "山东中豪铝业集团有限公司", "挤压机操作工", "数控技术应用", CENTRE, 8, 4000, 5500),
    (2025, "山东雷奥新能源有限公司", "电气装配工", "电子技术应用", CENTRE, 6, 4000, 5200),
    (2026, HR_ENTERPRISE, "设备维修电工", "机电技术应用", CENTRE, 6, 4500, 6200),
    (2026, "山东三义集团股份有限公司", "机修钳工", "机电技术应用", CENTRE, 5, 4300, 5800),
    (2026, "潍坊华星机械有限公司", "数控机床装调工", "机电技术应用", CENTRE, 4, 4200, 5600),
    (2026, "山东辰泰重钢建设集团有限公司", "焊工", "焊接加工", TECHNICAL, 10, 4800, 7000),
    (2026, "山东高速铁建装备有限公司", "电焊工", "焊接加工", TECHNICAL, 8, 4600, 6500),
    (2026, "山东华特磁电科技股份有限公司", "电气调试员", "电子技术应用", CENTRE, 3, 4500, 6000),
]

#: (school, kind, title, major, enterprises, completed on, served order class)
MATERIALS = [
    (
        CENTRE,
        MaterialKind.PROGRAMME,
        "数控技术应用专业人才培养方案（铝型材方向）",
        "数控技术应用",
        [HR_ENTERPRISE, "山东中豪铝业集团有限公司"],
        dt.date(2025, 6, 30),
        JOINT_2025,
    ),
    (
        CENTRE,
        MaterialKind.COURSE_STANDARD,
        "铝型材挤压工艺课程标准",
        "数控技术应用",
        [HR_ENTERPRISE],
        dt.date(2025, 8, 20),
        None,
    ),
    (
        CENTRE,
        MaterialKind.LOOSE_LEAF,
        "铝型材挤压与精整（活页式教材）",
        "数控技术应用",
        [HR_ENTERPRISE],
        dt.date(2025, 9, 1),
        None,
    ),
    (
        CENTRE,
        MaterialKind.WORKBOOK,
        "机电设备维护工作手册",
        "机电技术应用",
        ["山东三义集团股份有限公司"],
        dt.date(2025, 12, 10),
        None,
    ),
    (
        CENTRE,
        MaterialKind.POST_SPECIFICATION,
        "铝型材生产线设备维修岗位规范",
        "机电技术应用",
        [HR_ENTERPRISE],
        dt.date(2025, 11, 5),
        PILOT_CLASS,
    ),
    (
        CENTRE,
        MaterialKind.TEACHING_RESOURCE,
        "磁选设备装调微课资源",
        "电子技术应用",
        ["山东华特磁电科技股份有限公司"],
        dt.date(2024, 12, 15),
        None,
    ),
    (
        TECHNICAL,
        MaterialKind.TEACHING_STANDARD,
        "焊接加工专业教学标准（校企修订版）",
        "焊接加工",
        ["山东辰泰重钢建设集团有限公司"],
        dt.date(2025, 7, 15),
        None,
    ),
    (
        TECHNICAL,
        MaterialKind.CURRICULUM,
        "焊接加工专业课程设置",
        "焊接加工",
        ["山东辰泰重钢建设集团有限公司", "山东高速铁建装备有限公司"],
        dt.date(2024, 7, 1),
        None,
    ),
    # Linqu 任务(二)5: new technology, processes, standards and production cases into class
    (
        CENTRE,
        MaterialKind.INNOVATION,
        "铝型材在线淬火新工艺教学案例",
        "数控技术应用",
        [HR_ENTERPRISE],
        dt.date(2025, 5, 12),
        None,
    ),
    (
        TECHNICAL,
        MaterialKind.INNOVATION,
        "钢结构机器人焊接典型生产案例",
        "焊接加工",
        ["山东辰泰重钢建设集团有限公司"],
        dt.date(2025, 10, 9),
        None,
    ),
]

#: (enterprise, area, measure, since)
PREFERENCES = [
    (
        HR_ENTERPRISE,
        PreferenceArea.RECRUITMENT,
        "同等条件下优先录用县内职业学校毕业生",
        dt.date(2024, 1, 1),
    ),
    (
        HR_ENTERPRISE,
        PreferenceArea.PAY,
        "县内职业学校毕业生试用期工资按转正标准发放",
        dt.date(2024, 1, 1),
    ),
    (
        HR_ENTERPRISE,
        PreferenceArea.PROMOTION,
        "取得高级工证书的县内毕业生优先进入班组长后备",
        dt.date(2025, 3, 1),
    ),
    (
        "山东中豪铝业集团有限公司",
        PreferenceArea.RECRUITMENT,
        "订单班学生毕业即录用",
        dt.date(2024, 9, 1),
    ),
    (
        "山东三义集团股份有限公司",
        PreferenceArea.PAY,
        "县内技能人才每月技能津贴300元",
        dt.date(2025, 1, 1),
    ),
    (
        "山东雷奥新能源有限公司",
        PreferenceArea.RECRUITMENT,
        "每年预留岗位优先招收县内职业学校毕业生",
        dt.date(2025, 1, 1),
    ),
    (
        "山东辰泰重钢建设集团有限公司",
        PreferenceArea.PROMOTION,
        "县内焊工技能大赛获奖者优先晋升技术骨干",
        dt.date(2025, 5, 1),
    ),
]


def seed_cobuilding(schools, enterprises) -> None:
    by_school = {s.name: s for s in schools}
    by_enterprise = {e.name: e for e in enterprises}
    if CENTRE not in by_school or HR_ENTERPRISE not in by_enterprise:
        return
    pilot = _pilot_class(by_school[CENTRE], by_enterprise[HR_ENTERPRISE])
    _directed_class(by_school, by_enterprise)
    _demands(by_school, by_enterprise)
    _materials(by_school, by_enterprise, pilot)
    _preferences(by_enterprise)
    _mentor_events()
    _cognitive_internships(by_school[CENTRE], by_enterprise[HR_ENTERPRISE])
    _local_career_classes()
    _cognitive_evaluations()


def _class(school, name, kind, major, partners, cohort, size) -> OrderClass:
    order_class = OrderClass.objects.filter(school=school, name=name).first()
    if order_class is None:
        order_class = OrderClass(
            school=school,
            name=name,
            kind=kind,
            major=Major.objects.get_or_create(school=school, name=major)[0],
            cohort_year=cohort,
            graduation_year=cohort + 3,
            planned_size=size,
        )
        order_class.full_clean()
        order_class.save()
        order_class.enterprises.set(partners)
        _alignments([order_class])
    return order_class


def _free_students(school, cohort: int, count: int, offset: int) -> list[int]:
    """Full-time students of the cohort in no order class (taken from ``offset`` on)."""
    return list(
        Student.objects.filter(
            school=school,
            enrolment_year=cohort,
            study_mode=StudyMode.FULL_TIME,
            order_class_enrolments__isnull=True,
        )
        .order_by("student_number")
        .values_list("pk", flat=True)[offset : offset + count]
    )


def _pilot_class(school, enterprise) -> OrderClass:
    """Qufu 三(二) 现代学徒制试点: full-time students on a tripartite agreement."""
    pilot = _class(
        school,
        PILOT_CLASS,
        OrderClassKind.APPRENTICESHIP_PILOT,
        "机电技术应用",
        [enterprise],
        2024,
        PILOT_SIZE + 2,
    )
    # The pilot was designed with the enterprise from the start: all five alignments done.
    pilot.alignments.update(status=AlignmentStatus.ALIGNED)
    if not pilot.enrolments.exists():
        OrderClassEnrolment.objects.bulk_create(
            OrderClassEnrolment(order_class=pilot, student_id=sid, enrolled_on=dt.date(2024, 9, 1))
            for sid in _free_students(school, 2024, PILOT_SIZE, 0)
        )
    have = set(pilot.apprenticeships.values_list("student", flat=True))
    for n, enrolment in enumerate(pilot.enrolments.select_related("student").order_by("pk")):
        if enrolment.student_id in have:
            continue
        apprenticeship = Apprenticeship(
            student=enrolment.student,
            enterprise=enterprise,
            path=ApprenticeshipPath.PILOT,
            order_class=pilot,
            major="机电技术应用",
            contract_start=dt.date(2024, 9, 1),
            contract_end=dt.date(2027, 6, 30),
            enterprise_mentor=["孙立新", "高玉成", "马新华"][n % 3] + "师傅",
            school_mentor=["王建国", "李晓燕"][n % 2] + "老师",
            mode=ApprenticeshipMode.WORK_STUDY,
            status=ApprenticeshipStatus.IN_TRAINING,
        )
        apprenticeship.full_clean()
        apprenticeship.save()
        if n == 0:
            apprenticeship.agreement.save(
                "现代学徒制三方协议.pdf", ContentFile(PDF_BYTES), save=True
            )
    return pilot


def _directed_class(by_school, by_enterprise) -> None:
    """Qufu 三(二) 定向培养: a class trained for one enterprise's posts."""
    partner = by_enterprise.get("山东三义集团股份有限公司")
    if TECHNICAL not in by_school or partner is None:
        return
    directed = _class(
        by_school[TECHNICAL],
        DIRECTED_CLASS,
        OrderClassKind.DIRECTED,
        "焊接加工",
        [partner],
        2025,
        20,
    )
    if not directed.enrolments.exists():
        OrderClassEnrolment.objects.bulk_create(
            OrderClassEnrolment(
                order_class=directed, student_id=sid, enrolled_on=dt.date(2025, 9, 1)
            )
            for sid in _free_students(by_school[TECHNICAL], 2025, 10, 0)
        )


def _demands(by_school, by_enterprise) -> None:
    majors = {(m.school_id, m.name): m for m in Major.objects.filter(school__in=by_school.values())}
    joint = OrderClass.objects.filter(school=by_school[CENTRE], name=JOINT_2025).first()
    have = set(TalentDemand.objects.values_list("enterprise", "survey_year", "post"))
    for year, enterprise, post, major, school, headcount, low, high in DEMANDS:
        enterprise = by_enterprise.get(enterprise)
        major = majors.get((by_school[school].pk if school in by_school else None, major))
        if enterprise is None or major is None or (enterprise.pk, year, post) in have:
            continue
        demand = TalentDemand(
            enterprise=enterprise,
            survey_year=year,
            post=post,
            major=major,
            headcount=headcount,
            wage_min=low,
            wage_max=high,
            needed_by=dt.date(year + 1, 7, 1),
            # The 2025 aluminium demands became the joint order class of that year (联合组班).
            order_class=joint if year == 2025 and major.name == "数控技术应用" else None,
        )
        demand.full_clean()
        demand.save()


def _materials(by_school, by_enterprise, pilot) -> None:
    majors = {(m.school_id, m.name): m for m in Major.objects.filter(school__in=by_school.values())}
    classes = {o.name: o for o in OrderClass.objects.filter(school__in=by_school.values())}
    have = set(CoDevelopedMaterial.objects.values_list("school", "kind", "title"))
    bases = _training_bases()
    for school, kind, title, major, partners, completed, served in MATERIALS:
        school = by_school.get(school)
        if school is None or (school.pk, kind, title) in have:
            continue
        material = CoDevelopedMaterial(
            school=school,
            kind=kind,
            title=title,
            major=majors.get((school.pk, major)),
            completed_on=completed,
            order_class=classes.get(served) if served else None,
        )
        if kind == MaterialKind.COURSE_STANDARD:
            material.training_base_id = bases.get(by_enterprise[HR_ENTERPRISE].pk)
        if kind == MaterialKind.WORKBOOK:
            material.apprentice_enterprise = by_enterprise.get("山东三义集团股份有限公司")
            material.apprentice_cohort_year = 2025
        material.full_clean()
        material.save()
        material.enterprises.set([by_enterprise[n] for n in partners if n in by_enterprise])
        if kind == MaterialKind.LOOSE_LEAF:
            material.file.save("活页式教材样章.pdf", ContentFile(PDF_BYTES), save=True)


def _preferences(by_enterprise) -> None:
    have = set(PreferentialMeasure.objects.values_list("enterprise", "area", "measure"))
    rows = [
        PreferentialMeasure(enterprise=by_enterprise[name], area=area, measure=measure, since=since)
        for name, area, measure, since in PREFERENCES
        if name in by_enterprise and (by_enterprise[name].pk, area, measure) not in have
    ]
    _insert(PreferentialMeasure, rows, history=True)
    first = (
        PreferentialMeasure.objects.filter(enterprise__name=HR_ENTERPRISE).order_by("pk").first()
    )
    if first is not None and not first.document:
        first.document.save("优先录用县内毕业生办法.pdf", ContentFile(PDF_BYTES), save=True)


def _mentor_events() -> None:
    """Career classes and enterprise lectures given by the guest enterprise's career mentor."""
    mentors = {}
    for mentor in CareerMentor.objects.order_by("pk"):
        mentors.setdefault(mentor.enterprise_id, mentor)
    events = OutreachEvent.objects.filter(
        kind__in=[OutreachKind.CAREER_CLASS, OutreachKind.EXPERT_LECTURE], mentor__isnull=True
    ).prefetch_related("enterprises")
    for event in events:
        for enterprise in event.enterprises.all():
            if enterprise.pk in mentors:
                event.mentor = mentors[enterprise.pk]
                event.save(update_fields=["mentor"])
                break


def _cognitive_internships(school, enterprise) -> None:
    """认知实习: two weeks at the training base for first-year students of the class of 2028."""
    base = _training_bases().get(enterprise.pk)
    students = list(
        Student.objects.filter(school=school, enrolment_year=2025, study_mode=StudyMode.FULL_TIME)
        .order_by("student_number")
        .values_list("pk", flat=True)[::5]
    )
    start = dt.date(2025, 11, 10)
    have = set(
        Internship.objects.filter(enterprise=enterprise, start_date=start).values_list(
            "student", flat=True
        )
    )
    rows = [
        Internship(
            student_id=sid,
            enterprise=enterprise,
            stage=InternshipStage.COGNITIVE,
            training_base_id=base,
            master="孙立新师傅",
            start_date=start,
            end_date=dt.date(2025, 11, 21),
        )
        for sid in students
        if sid not in have
    ]
    _insert(Internship, rows, history=True)


def _local_career_classes() -> None:
    """Linqu 任务(四)11: the vocational centre's career classes present local employment and
    local entrepreneurs; the technical school's only from 2026 on (a gap the report shows)."""
    OutreachEvent.objects.filter(kind=OutreachKind.CAREER_CLASS).filter(
        Q(school__name=CENTRE) | Q(school__name=TECHNICAL, date__year__gte=2026)
    ).update(covers_local_employment=True)


def _cognitive_evaluations() -> None:
    """Qufu 三(三): the masters evaluated two in three of the 2025 cognitive internships; the
    rest are still to be recorded (a gap the internships-evaluated figure shows)."""
    ids = list(
        Internship.objects.filter(stage=InternshipStage.COGNITIVE, end_date__year=2025)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    evaluated = [pk for i, pk in enumerate(ids) if i % 3 != 2]
    Internship.objects.filter(pk__in=evaluated, evaluation="").update(
        evaluation=InternshipEvaluation.GOOD
    )
