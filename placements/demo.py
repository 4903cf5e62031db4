"""Demo data of the placements app: students, order classes, apprentices, internships, graduate
outcomes of the classes of 2023–2025, the local-talent archive, outreach events and mentors.

Deterministic (the random stream is consumed the same way whatever the database holds) and
idempotent: every record has a natural key, and only the missing ones are inserted, so a second
run changes nothing. Large scales insert with ``bulk_create`` in batches (without history rows:
history records who changed what, and nobody did).

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
from simple_history.utils import bulk_create_with_history

from alliance.fake_ids import mobile, national_id
from members.models import Organization
from training.models import TrainingBase

from .models import (
    AlignmentStatus,
    Apprenticeship,
    ApprenticeshipMode,
    ApprenticeshipStatus,
    Aspect,
    CareerMentor,
    Destination,
    EmployerLocation,
    GraduatePlacement,
    HireStatus,
    Internship,
    InternshipEvaluation,
    OrderClass,
    OrderClassAlignment,
    OrderClassEnrolment,
    OutreachEvent,
    OutreachKind,
    OutreachPhoto,
    RetentionFollowUp,
    Student,
    StudyMode,
    WageBand,
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
    order_classes = _order_classes(rng, schools, enterprises, students)
    _placements(rng, schools, enterprises, students, order_classes, history)
    _apprenticeships(rng, schools, enterprises, history)
    _internships(rng, schools, enterprises, students, history)
    _followups(rng, history)
    _outreach(rng, schools, enterprises)
    _mentors(rng, schools, enterprises, history)
    _files(schools, enterprises)


def _insert(model: type[models.Model], rows: list[models.Model], history: bool) -> None:
    if not rows:
        return
    if history:
        bulk_create_with_history(rows, model, batch_size=BATCH)
    else:
        model.objects.bulk_create(rows, batch_size=BATCH)


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


def _students(rng: random.Random, schools: list[Organization], size: int, history: bool) -> dict:
    """{(school id, enrolment year): [student ids in number order]}, inserted school by school."""
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
                        major=major,
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
    rng, schools, enterprises, students
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
    for school, base_name, major, partners in plan:
        for cohort in COHORTS:
            graduation = cohort + 3
            name = f"{base_name}（{graduation}届）"
            order_class = existing.get((school.pk, name))
            if order_class is None:
                order_class = OrderClass(
                    school=school,
                    name=name,
                    major=major,
                    cohort_year=cohort,
                    graduation_year=graduation,
                    planned_size=ORDER_CLASS_SIZE + rng.randrange(0, 9),
                )
                order_class.full_clean()
                order_class.save()
                order_class.enterprises.set(partners)
            else:
                rng.randrange(0, 9)  # keep the random stream identical on a second run
            _alignments(order_class, graduation)
            cohort_ids = students.get((school.pk, cohort), [])
            # The class takes every n-th student of the cohort, so classes do not overlap.
            slot = [p[1] for p in plan if p[0] == school].index(base_name)
            enrolled = cohort_ids[slot::7][:ORDER_CLASS_SIZE]
            result.setdefault(graduation, []).append(
                (order_class, [p.pk for p in partners], enrolled)
            )
    _enrol(result)
    return result


def _alignments(order_class: OrderClass, graduation: int) -> None:
    have = set(order_class.alignments.values_list("aspect", flat=True))
    # Older classes are fully aligned; the newest are still working on it.
    done = {2023: 5, 2024: 5, 2025: 4, 2026: 3, 2027: 2, 2028: 1}.get(graduation, 0)
    rows = [
        OrderClassAlignment(
            order_class=order_class,
            aspect=aspect,
            status=AlignmentStatus.ALIGNED
            if i < done
            else (AlignmentStatus.IN_PROGRESS if i == done else AlignmentStatus.NOT_STARTED),
        )
        for i, aspect in enumerate(Aspect.values)
        if aspect not in have
    ]
    OrderClassAlignment.objects.bulk_create(rows)


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
                    major=majors[k % len(majors)],
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


# --- outreach and career mentors ------------------------------------------------------------


def _semester_dates(key: str) -> tuple[dt.date, dt.date]:
    year, half = int(key[:4]), key[-1]
    return (
        (dt.date(year, 3, 10), dt.date(year, 5, 20))
        if half == "1"
        else (dt.date(year, 10, 12), dt.date(year, 11, 25))
    )


def _outreach(rng, schools, enterprises) -> None:
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
    for school, kind, title, day, guests, participants in plan:
        if (school.pk, kind, day) in existing:
            continue
        existing.add((school.pk, kind, day))
        event = OutreachEvent.objects.create(
            school=school,
            kind=kind,
            title=title,
            date=day,
            participants=participants,
            notes="组织学生及家长走进联盟企业，了解企业文化、岗位与薪酬待遇。"
            if kind == OutreachKind.PARENTS_VISIT
            else "",
        )
        event.enterprises.set(guests)


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
