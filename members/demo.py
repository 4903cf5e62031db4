"""Demo data of the members app: the Linqu alliance as its plan lists it (附件1, 附件2).

Idempotent: every record is looked up by its natural key first, so running the seed twice
changes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import random

from alliance.fake_ids import credit_code

from .demo_governance import seed_governance
from .models import (
    CouncilMeeting,
    CouncilRole,
    CouncilSeat,
    ExpertMember,
    ExpertRole,
    Major,
    MajorStatus,
    MediaReport,
    MeetingKind,
    MeetingStatus,
    ModelCase,
    Organization,
    OrganizationKind,
    OrganizationSize,
    Resolution,
    ResolutionStatus,
    Role,
    SchoolYearFigures,
    User,
)

DEMO_PASSWORD = "Alliance@2025"

# 附件1 联盟理事会成员名单, in the plan's order: (name, kind, industry).
LINQU_MEMBERS: list[tuple[str, str, str]] = [
    ("山东华建铝业集团有限公司", OrganizationKind.ENTERPRISE, "铝型材"),
    ("山东雷奥新能源有限公司", OrganizationKind.ENTERPRISE, "新能源装备"),
    ("山东高速铁建装备有限公司", OrganizationKind.ENTERPRISE, "装备制造"),
    ("潍坊伊利乳业有限责任公司", OrganizationKind.ENTERPRISE, "食品"),
    ("山东华特磁电科技股份有限公司", OrganizationKind.ENTERPRISE, "磁电装备"),
    ("山东三义集团股份有限公司", OrganizationKind.ENTERPRISE, "机械制造"),
    ("山东东临新材料股份有限公司", OrganizationKind.ENTERPRISE, "新材料"),
    ("山东秦池酒业有限公司", OrganizationKind.ENTERPRISE, "酿酒"),
    ("山东蓝帆健康科技有限公司", OrganizationKind.ENTERPRISE, "医疗健康"),
    ("山东万豪纸业集团股份有限公司", OrganizationKind.ENTERPRISE, "造纸"),
    ("山东宝龙达实业集团有限公司", OrganizationKind.ENTERPRISE, "化工"),
    ("临朐县职业教育中心学校", OrganizationKind.SCHOOL, "职业教育"),
    ("临朐县技工学校", OrganizationKind.SCHOOL, "职业教育"),
    ("临朐县企业发展促进会", OrganizationKind.ASSOCIATION, "商协会"),
    ("山东联科新材料有限公司", OrganizationKind.ENTERPRISE, "新材料"),
    ("山东辰泰重钢建设集团有限公司", OrganizationKind.ENTERPRISE, "钢结构"),
    ("山东中豪铝业集团有限公司", OrganizationKind.ENTERPRISE, "铝型材"),
    ("临朐弘泰汽车配件有限公司", OrganizationKind.ENTERPRISE, "汽车零部件"),
    ("东铝铝业科技(潍坊)有限公司", OrganizationKind.ENTERPRISE, "铝型材"),
    ("临朐广华肉类食品有限公司", OrganizationKind.ENTERPRISE, "食品"),
    ("潍坊广华铝材有限公司", OrganizationKind.ENTERPRISE, "铝型材"),
    ("潍坊华星机械有限公司", OrganizationKind.ENTERPRISE, "机械制造"),
    ("山东华达门窗幕墙有限公司", OrganizationKind.ENTERPRISE, "门窗幕墙"),
    ("山东米兰之窗系统门窗幕墙有限公司", OrganizationKind.ENTERPRISE, "门窗幕墙"),
]

HR_ENTERPRISE = "山东华建铝业集团有限公司"
COORDINATOR_SCHOOL = "临朐县职业教育中心学校"
ASSOCIATION = "临朐县企业发展促进会"
ALLIANCE_FOUNDED = dt.date(2023, 12, 8)

DEMO_ACCOUNTS: list[tuple[str, str, str, str | None]] = [
    ("secretariat", "联盟办公室", Role.SECRETARIAT, None),
    ("council", "吴维斌", Role.COUNCIL, ASSOCIATION),
    ("hr", "华建人力资源部", Role.ENTERPRISE_HR, HR_ENTERPRISE),
    ("school", "职教中心校企合作办", Role.SCHOOL_COORDINATOR, COORDINATOR_SCHOOL),
]


def seed_organizations(rng: random.Random) -> dict[str, Organization]:
    orgs = {}
    for name, kind, industry in LINQU_MEMBERS:
        org = Organization.objects.filter(name=name).first()
        if org is None:
            org = Organization(
                name=name,
                kind=kind,
                industry=industry,
                is_local=True,
                joined_on=ALLIANCE_FOUNDED,
                credit_code=credit_code(rng) if kind == OrganizationKind.ENTERPRISE else None,
            )
            org.full_clean()
            org.save()
        orgs[name] = org
    return orgs


def seed_accounts(orgs: dict[str, Organization]) -> dict[str, User]:
    users = {}
    for username, full_name, role, org_name in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=full_name,
                role=role,
                organization=orgs[org_name] if org_name else None,
            )
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
        users[username] = user
    return users


# 附件2 产教融合咨询专家委员会成员名单, in the plan's order: (person, organisation, title).
EXPERT_COMMITTEE: list[tuple[str, str, str]] = [
    ("吴维光", "山东华建铝业集团有限公司", "董事长"),
    ("肖永富", "山东雷奥新能源有限公司", "董事长"),
    ("蔡元涛", "山东高速铁建装备有限公司", "总经理"),
    ("王兆连", "山东华特磁电科技股份有限公司", "董事长"),
    ("谭学政", "山东三义集团股份有限公司", "董事长"),
    ("尹培农", "山东万豪纸业集团股份有限公司", "董事长"),
    ("曾庆铭", "山东宝龙达实业集团有限公司", "董事长"),
    ("胡福东", "山东秦池酒业有限公司", "董事长"),
    ("衣同刚", "山东东临新材料股份有限公司", "董事长"),
    ("吕科震", "临朐弘泰汽车配件有限公司", "总经理"),
    ("张龙凯", "东铝铝业科技(潍坊)有限公司", "总经理"),
]
# The plan names the chair (附件1) and the committee; the secretary-general is a made-up demo name.
COUNCIL_TERM = (ALLIANCE_FOUNDED, dt.date(2026, 12, 7))
COUNCIL_SEATS: list[tuple[str, str, str, str]] = [
    ("吴维斌", ASSOCIATION, CouncilRole.CHAIR, "执行会长"),
    ("吴维光", "山东华建铝业集团有限公司", CouncilRole.VICE_CHAIR, "董事长"),
    ("王兆连", "山东华特磁电科技股份有限公司", CouncilRole.VICE_CHAIR, "董事长"),
    ("肖永富", "山东雷奥新能源有限公司", CouncilRole.STANDING_DIRECTOR, "董事长"),
    ("谭学政", "山东三义集团股份有限公司", CouncilRole.STANDING_DIRECTOR, "董事长"),
    ("尹培农", "山东万豪纸业集团股份有限公司", CouncilRole.STANDING_DIRECTOR, "董事长"),
    ("蔡元涛", "山东高速铁建装备有限公司", CouncilRole.DIRECTOR, "总经理"),
    ("曾庆铭", "山东宝龙达实业集团有限公司", CouncilRole.DIRECTOR, "董事长"),
    ("胡福东", "山东秦池酒业有限公司", CouncilRole.DIRECTOR, "董事长"),
    ("衣同刚", "山东东临新材料股份有限公司", CouncilRole.DIRECTOR, "董事长"),
    ("吕科震", "临朐弘泰汽车配件有限公司", CouncilRole.DIRECTOR, "总经理"),
    ("张龙凯", "东铝铝业科技(潍坊)有限公司", CouncilRole.DIRECTOR, "总经理"),
    ("刘建华", ASSOCIATION, CouncilRole.SECRETARY_GENERAL, "联盟办公室主任"),
    # 附件1 lists both schools among the council's members (企业、学校双主体); the names are made up.
    ("宋志强", COORDINATOR_SCHOOL, CouncilRole.DIRECTOR, "校长"),
    ("李振国", "临朐县技工学校", CouncilRole.DIRECTOR, "校长"),
]

# (school, year) -> (enrolled students, professional teachers, graduates)
SCHOOL_FIGURES: dict[tuple[str, int], tuple[int, int, int]] = {
    (COORDINATOR_SCHOOL, 2023): (4720, 254, 1470),
    (COORDINATOR_SCHOOL, 2024): (4810, 261, 1505),
    (COORDINATOR_SCHOOL, 2025): (4880, 266, 1540),
    ("临朐县技工学校", 2023): (2530, 146, 770),
    ("临朐县技工学校", 2024): (2600, 150, 800),
    ("临朐县技工学校", 2025): (2670, 155, 830),
}

TECH_SCHOOL = "临朐县技工学校"
# Four past meetings, two a year as the plan asks, each with its resolutions:
# (date, title, [(text, owner, due, done_on or None)]).
MEETINGS: list[tuple[dt.date, str, list[tuple[str, str, dt.date, dt.date | None]]]] = [
    (
        dt.date(2024, 6, 20),
        "2024年上半年理事会会议",
        [
            (
                "各理事企业年内至少建成1个技能实训基地（厂中校）",
                HR_ENTERPRISE,
                dt.date(2024, 12, 31),
                dt.date(2024, 11, 28),
            ),
            (
                "职教中心牵头制定订单班“五融通”实施方案",
                COORDINATOR_SCHOOL,
                dt.date(2024, 10, 31),
                dt.date(2024, 10, 25),
            ),
        ],
    ),
    (
        dt.date(2024, 12, 18),
        "2024年下半年理事会会议",
        [
            (
                "建立兼职技师人才资源库，首批入库不少于50人",
                ASSOCIATION,
                dt.date(2025, 5, 31),
                dt.date(2025, 5, 20),
            ),
            ("技工学校安排不少于5%的专业教师入企实践", TECH_SCHOOL, dt.date(2025, 6, 30), None),
        ],
    ),
    (
        dt.date(2025, 6, 26),
        "2025年上半年理事会会议",
        [
            (
                "组织联盟企业董事长进校园活动，每家企业每年1次",
                ASSOCIATION,
                dt.date(2025, 12, 31),
                dt.date(2025, 12, 12),
            ),
            (
                "建立留临人才档案管理制度并定期调度企业用人情况",
                COORDINATOR_SCHOOL,
                dt.date(2025, 9, 30),
                None,
            ),
        ],
    ),
    (
        dt.date(2025, 12, 19),
        "2025年下半年理事会会议",
        [
            ("编制并发布2025年度产教融合质量报告", ASSOCIATION, dt.date(2026, 3, 31), None),
            ("两所职业学校各举办1次毕业生就业推荐会", TECH_SCHOOL, dt.date(2026, 12, 31), None),
        ],
    ),
]

ADDRESSES = [
    "临朐县城关街道",
    "临朐县东城街道",
    "临朐县经济开发区",
    "临朐县冶源镇",
    "临朐县五井镇",
    "临朐县辛寨街道",
]
SIZES = [
    OrganizationSize.LARGE,
    OrganizationSize.MEDIUM,
    OrganizationSize.MEDIUM,
    OrganizationSize.SMALL,
]
PLANS = [
    "深化与县内职业学校合作，扩大订单班规模，建设企业技能实训基地，打造高技能人才队伍。",
    "推进智能化改造和绿色低碳发展，三年内新增技能岗位100个以上，优先录用县内职业学校毕业生。",
    "延伸产业链条，建设研发中心，与学校共建教师活动站，实现产学研用一体化。",
]


def _profile(name: str, industry: str) -> tuple[str, str]:
    status = (
        f"{name}是临朐县{industry}行业的联盟成员企业，扎根临朐，拥有完整的生产、研发和销售体系，"
        f"为县内职业学校学生提供实习实训和就业岗位。"
    )
    return status, PLANS[sum(map(ord, name)) % len(PLANS)]


def seed_profiles(orgs: dict[str, Organization]) -> None:
    """Culture profiles of the enterprises (filled only where still empty, so edits survive)."""
    leaders = {org: (person, title) for person, org, title in EXPERT_COMMITTEE}
    leaders[ASSOCIATION] = ("吴维斌", "执行会长")
    for name, org in orgs.items():
        if org.development_status or org.kind not in (
            OrganizationKind.ENTERPRISE,
            OrganizationKind.ASSOCIATION,
        ):
            continue
        # One stream per organisation: the profile does not depend on what else was seeded.
        rng = random.Random(f"profile:{name}")
        if org.kind == OrganizationKind.ENTERPRISE:
            org.development_status, org.future_plans = _profile(name, org.industry)
            org.size = rng.choice(SIZES)
            org.wage_min = rng.randrange(40, 56) * 100
            org.wage_max = org.wage_min + rng.randrange(25, 60) * 100
        else:
            org.development_status = "县企业发展促进会与联盟办公室合署办公，负责联盟日常运行工作。"
        org.address = f"山东省潍坊市{rng.choice(ADDRESSES)}"
        if name in leaders:
            person, title = leaders[name]
            org.chairman = person
            org.leaders = f"{person} {title}"
        org.full_clean()
        org.save()


def seed_school_figures(orgs: dict[str, Organization]) -> None:
    for (school, year), (enrolled, teachers, graduates) in SCHOOL_FIGURES.items():
        if SchoolYearFigures.objects.filter(school=orgs[school], year=year).exists():
            continue
        figures = SchoolYearFigures(
            school=orgs[school],
            year=year,
            enrolled_students=enrolled,
            professional_teachers=teachers,
            graduates=graduates,
        )
        figures.full_clean()
        figures.save()


# Each school's catalogue of majors: (code, name, county industry served, status, partner
# enterprises, school lead, enterprise lead with employer). Codes are those of the 2021 national
# secondary vocational catalogue where known; the technical school follows the human-resources
# catalogue, which has no such code.
LINQU_MAJORS: dict[str, list[tuple]] = {
    COORDINATOR_SCHOOL: [
        (
            "660301",
            "机电技术应用",
            "机械装备制造",
            MajorStatus.BACKBONE,
            ["山东三义集团股份有限公司", "潍坊华星机械有限公司"],
            "王建国",
            ("刘洪涛", "山东三义集团股份有限公司"),
        ),
        (
            "660103",
            "数控技术应用",
            "铝型材加工",
            MajorStatus.BACKBONE,
            ["山东华建铝业集团有限公司", "山东中豪铝业集团有限公司"],
            "张志强",
            ("孙立新", "山东华建铝业集团有限公司"),
        ),
        (
            "",
            "电子技术应用",
            "磁电装备",
            MajorStatus.DISTINCTIVE,
            ["山东华特磁电科技股份有限公司"],
            "李晓燕",
            None,
        ),
        ("710201", "计算机应用", "电子信息", MajorStatus.OTHER, [], "赵明", None),
        (
            "700206",
            "汽车运用与维修",
            "汽车零部件",
            MajorStatus.STRONG,
            ["临朐弘泰汽车配件有限公司"],
            "陈刚",
            ("马振东", "临朐弘泰汽车配件有限公司"),
        ),
        ("730301", "会计事务", "现代服务业", MajorStatus.OTHER, [], "", None),
        (
            "",
            "工业机器人技术应用",
            "智能制造",
            MajorStatus.DISTINCTIVE,
            ["山东雷奥新能源有限公司"],
            "周凯",
            None,
        ),
        (
            "",
            "电气设备运行与控制",
            "新能源装备",
            MajorStatus.OTHER,
            ["山东雷奥新能源有限公司"],
            "",
            None,
        ),
        ("", "化工工艺", "化工", MajorStatus.OTHER, ["山东宝龙达实业集团有限公司"], "", None),
        (
            "",
            "食品加工工艺",
            "食品",
            MajorStatus.STRONG,
            ["潍坊伊利乳业有限责任公司", "临朐广华肉类食品有限公司"],
            "徐丽",
            ("高峰", "潍坊伊利乳业有限责任公司"),
        ),
        ("730701", "电子商务", "现代服务业", MajorStatus.OTHER, [], "", None),
        ("", "建筑装饰", "门窗幕墙", MajorStatus.OTHER, ["山东华达门窗幕墙有限公司"], "", None),
    ],
    TECH_SCHOOL: [
        (
            "",
            "焊接加工",
            "钢结构",
            MajorStatus.BACKBONE,
            ["山东辰泰重钢建设集团有限公司"],
            "韩磊",
            ("冯建华", "山东辰泰重钢建设集团有限公司"),
        ),
        (
            "",
            "电气自动化设备安装与维修",
            "装备制造",
            MajorStatus.OTHER,
            ["山东高速铁建装备有限公司"],
            "",
            None,
        ),
        (
            "",
            "模具制造",
            "铝型材加工",
            MajorStatus.STRONG,
            ["东铝铝业科技(潍坊)有限公司"],
            "彭涛",
            None,
        ),
        ("", "工业机器人应用与维护", "智能制造", MajorStatus.OTHER, [], "", None),
    ],
}


def seed_majors(orgs: dict[str, Organization]) -> None:
    """The two Linqu schools' catalogues; the development plans say what each lead is to achieve."""
    for school_name, rows in LINQU_MAJORS.items():
        school = orgs[school_name]
        existing = set(school.majors.values_list("name", flat=True))
        for code, name, industry, status, partners, school_lead, enterprise_lead in rows:
            if name in existing:
                continue
            lead, employer = enterprise_lead or ("", None)
            major = Major(
                school=school,
                code=code,
                name=name,
                industry=industry,
                status=status,
                school_lead=school_lead,
                school_lead_plan=f"三年内主持{name}专业课程标准修订，赴合作企业挂职锻炼不少于3个月。"
                if school_lead
                else "",
                enterprise_lead=lead,
                enterprise_lead_employer=orgs[employer] if employer else None,
                enterprise_lead_plan="每学期到校授课不少于32学时，指导学生技能竞赛与岗位实习。"
                if lead
                else "",
            )
            major.full_clean()
            major.save()
            major.enterprises.set([orgs[p] for p in partners])


def seed_council(orgs: dict[str, Organization]) -> list[CouncilSeat]:
    seats = []
    for person, org_name, role, position in COUNCIL_SEATS:
        seat = CouncilSeat.objects.filter(
            person=person, organization=orgs[org_name], role=role
        ).first()
        if seat is None:
            seat = CouncilSeat(
                person=person,
                organization=orgs[org_name],
                role=role,
                position=position,
                term_start=COUNCIL_TERM[0],
                term_end=COUNCIL_TERM[1],
            )
            seat.full_clean()
            seat.save()
        seats.append(seat)
    for order, (person, org_name, title) in enumerate(EXPERT_COMMITTEE):
        if ExpertMember.objects.filter(person=person, organization=orgs[org_name]).exists():
            continue
        expert = ExpertMember(
            person=person,
            organization=orgs[org_name],
            title=title,
            order=order,
            role=ExpertRole.DIRECTOR if order == 0 else ExpertRole.MEMBER,
            expertise=f"{orgs[org_name].industry}产业发展与企业管理",
        )
        expert.full_clean()
        expert.save()
    return seats


def seed_meetings(orgs: dict[str, Organization], seats: list[CouncilSeat]) -> None:
    for index, (date, title, resolutions) in enumerate(MEETINGS):
        if CouncilMeeting.objects.filter(date=date, title=title).exists():
            continue
        meeting = CouncilMeeting(
            date=date,
            title=title,
            kind=MeetingKind.REGULAR,
            status=MeetingStatus.HELD,
            location="临朐县企业发展促进会会议室",
            summary=f"会议听取了联盟办公室工作汇报，审议通过了{len(resolutions)}项决议。",
        )
        meeting.full_clean()
        meeting.save()
        # Everyone but one or two directors attends: a fixed pattern, no randomness needed.
        meeting.attendees.set([seat for i, seat in enumerate(seats) if (i + index) % 6 != 5])
        for text, owner, due_on, done_on in resolutions:
            resolution = Resolution(
                meeting=meeting,
                text=text,
                owner=orgs[owner],
                due_on=due_on,
                done_on=done_on,
                status=ResolutionStatus.DONE if done_on else ResolutionStatus.OPEN,
            )
            resolution.full_clean()
            resolution.save()


PHOTO_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
PHOTO_COLOURS = ["#1f4e79", "#2e7d32", "#6a1b9a", "#b71c1c", "#e65100", "#00695c", "#37474f"]


@functools.cache
def _fonts():
    from PIL import ImageFont

    return ImageFont.truetype(PHOTO_FONT, 40), ImageFont.truetype(PHOTO_FONT, 30)


def _demo_photo(name: str, industry: str) -> bytes:
    """A drawn 'photo' for the culture corridor: a coloured panel with the enterprise's name."""
    import io
    import os

    from PIL import Image, ImageDraw

    colour = PHOTO_COLOURS[sum(map(ord, name)) % len(PHOTO_COLOURS)]
    image = Image.new("RGB", (800, 450), colour)
    draw = ImageDraw.Draw(image)
    for i in range(0, 800, 80):  # a simple skyline of workshop roofs
        height = 120 + (sum(map(ord, name[: i // 80 + 1])) % 90)
        draw.rectangle([i + 8, 450 - height, i + 72, 450], fill="#e0e0e0")
    if os.path.exists(PHOTO_FONT):
        title, subtitle = _fonts()
        draw.text((40, 60), name, font=title, fill="white")
        draw.text((40, 130), industry, font=subtitle, fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def seed_photos(orgs: dict[str, Organization]) -> None:
    """One picture per enterprise for the corridor screens (only where there is none yet)."""
    from django.core.files.base import ContentFile

    from .models import OrganizationPhoto

    with_photos = set(OrganizationPhoto.objects.values_list("organization_id", flat=True))
    for name, org in orgs.items():
        if org.kind != OrganizationKind.ENTERPRISE or org.pk in with_photos:
            continue
        photo = OrganizationPhoto(organization=org, caption=f"{org.industry}生产基地")
        photo.image.save(
            f"demo-{org.pk}.png", ContentFile(_demo_photo(name, org.industry)), save=False
        )
        photo.full_clean()
        photo.save()


# The large scales: a prefecture-wide alliance (``--scale city``: 40 schools and 500
# enterprises) or a province-wide one (``--scale province``: 400 and 5,000), the Linqu members
# included. Created here, before the other apps seed, so that every app's demo records cover
# them.
LARGE_SCALES = {"city": (40, 500), "province": (400, 5000)}


def seed_city_organizations(rng: random.Random, scale: str = "city") -> None:
    schools_wanted, enterprises_wanted = LARGE_SCALES[scale]
    wanted = [
        Organization(
            name=f"潍坊市第{i:02d}职业学校",
            kind=OrganizationKind.SCHOOL,
            industry="职业教育",
            is_local=False,
            joined_on=dt.date(2024, 3, 1),
        )
        for i in range(1, schools_wanted - 1)
    ] + [
        Organization(
            name=f"潍坊示范企业{i:03d}有限公司",
            kind=OrganizationKind.ENTERPRISE,
            industry="制造业",
            credit_code=credit_code(rng, "370700"),
            is_local=i % 3 == 0,
            joined_on=dt.date(2024, 3, 1),
        )
        for i in range(1, enterprises_wanted - 20)
    ]
    existing = set(
        Organization.objects.filter(name__in=[o.name for o in wanted]).values_list(
            "name", flat=True
        )
    )
    Organization.objects.bulk_create([o for o in wanted if o.name not in existing], batch_size=1000)
    schools = Organization.objects.filter(name__in=[o.name for o in wanted if o.is_school])
    have = set(
        SchoolYearFigures.objects.filter(school__in=schools).values_list("school_id", "year")
    )
    SchoolYearFigures.objects.bulk_create(
        [
            SchoolYearFigures(
                school=school,
                year=year,
                enrolled_students=5000 + rng.randrange(-400, 400),
                professional_teachers=270 + rng.randrange(-30, 30),
                graduates=1600 + rng.randrange(-150, 150),
            )
            for school in schools
            for year in (2023, 2024, 2025)
            if (school.pk, year) not in have
        ]
    )


def seed(rng: random.Random, scale: str = "demo") -> None:
    """The Linqu alliance; ``scale="city"`` adds the prefecture's other schools and enterprises."""
    orgs = seed_organizations(rng)
    seed_accounts(orgs)
    seed_profiles(orgs)
    seed_photos(orgs)
    seed_school_figures(orgs)
    seed_majors(orgs)
    seats = seed_council(orgs)
    seed_meetings(orgs, seats)
    seed_publicity(orgs)
    seed_governance(orgs)
    if scale in LARGE_SCALES:
        seed_city_organizations(rng, scale)


# --- publicity: media log, model workers and cases, culture corridors (保障措施(四), §(四)9) ---------
# Links point at example.com (reserved for examples): the demo must not pose as real coverage.
MEDIA_REPORTS: list[tuple[str, str, dt.date, str, list[str]]] = [
    ("press", "潍坊日报", dt.date(2024, 1, 12), "临朐县产教融合发展联盟成立 24家单位携手育人", []),
    (
        "television",
        "临朐电视台《临朐新闻》",
        dt.date(2024, 4, 18),
        "校企共建技能实训基地 学生在车间里上实训课",
        ["山东华建铝业集团有限公司", COORDINATOR_SCHOOL],
    ),
    (
        "online",
        "临朐融媒",
        dt.date(2024, 6, 21),
        "联盟召开2024年上半年理事会会议",
        [ASSOCIATION],
    ),
    (
        "radio",
        "临朐人民广播电台",
        dt.date(2024, 9, 10),
        "“家长企业行”走进山东雷奥新能源",
        ["山东雷奥新能源有限公司", COORDINATOR_SCHOOL],
    ),
    (
        "online",
        "大众网·潍坊",
        dt.date(2024, 11, 6),
        "临朐职教中心订单班毕业生全部留在本地就业",
        [COORDINATOR_SCHOOL, "山东华建铝业集团有限公司"],
    ),
    (
        "press",
        "潍坊晚报",
        dt.date(2025, 3, 27),
        "兼职技师进课堂 “工匠”当上专业课老师",
        ["山东华特磁电科技股份有限公司", TECH_SCHOOL],
    ),
    (
        "online",
        "临朐融媒",
        dt.date(2025, 5, 16),
        "临朐企业文化长廊在职教中心落成",
        [COORDINATOR_SCHOOL],
    ),
]

MODEL_CASES: list[dict] = [
    {
        "kind": "person",
        "year": 2024,
        "title": "扎根铝型材挤压一线的“金牌师傅”",
        "person": "王建国",
        "organization": "山东华建铝业集团有限公司",
        "summary": "从事铝型材挤压工作二十年，带徒32人，每年为职教中心学生授课120学时，"
        "主持的模具快速更换工艺使换模时间缩短40%。",
        "nominated_by": "山东华建铝业集团有限公司",
        "nominated_on": dt.date(2024, 9, 5),
        "status": "published",
        "approved_on": dt.date(2024, 12, 18),
        "published_on": dt.date(2025, 1, 8),
        "published_where": "联盟微信公众号",
        "in_report": True,
    },
    {
        "kind": "case",
        "year": 2024,
        "title": "“华建订单班”：招生即招工，毕业即上岗",
        "person": "",
        "organization": COORDINATOR_SCHOOL,
        "partners": ["山东华建铝业集团有限公司"],
        "summary": "职教中心与华建铝业共同制定人才培养方案，企业工程师每周进校授课，"
        "学生第三学年进入厂中校工学交替，2024届订单班毕业生全部在华建铝业就业。",
        "nominated_by": COORDINATOR_SCHOOL,
        "nominated_on": dt.date(2024, 10, 12),
        "status": "published",
        "approved_on": dt.date(2024, 12, 18),
        "published_on": dt.date(2025, 1, 8),
        "published_where": "临朐融媒",
        "in_report": True,
    },
    {
        "kind": "case",
        "year": 2024,
        "title": "技工学校与雷奥新能源共建储能装备实训室",
        "person": "",
        "organization": TECH_SCHOOL,
        "partners": ["山东雷奥新能源有限公司"],
        "summary": "企业捐赠储能装备实训设备一套，双方共同开发实训项目8个，年培训学生300人次。",
        "nominated_by": TECH_SCHOOL,
        "nominated_on": dt.date(2024, 11, 2),
        "status": "approved",
        "approved_on": dt.date(2024, 12, 18),
        "in_report": False,
    },
    {
        "kind": "case",
        "year": 2025,
        "title": "华特磁电兼职技师走进技工学校专业课堂",
        "person": "",
        "organization": "山东华特磁电科技股份有限公司",
        "partners": [TECH_SCHOOL],
        "summary": "企业选派6名兼职技师每周进校授课，与学校共同开发磁选设备装调课程模块3个，"
        "年授课400学时。",
        "nominated_by": "山东华特磁电科技股份有限公司",
        "nominated_on": dt.date(2025, 4, 10),
        "status": "published",
        "approved_on": dt.date(2025, 6, 26),
        "published_on": dt.date(2025, 7, 8),
        "published_where": "联盟微信公众号",
    },
    {
        "kind": "person",
        "year": 2025,
        "title": "从订单班学生到班组长",
        "person": "李晓明",
        "organization": "山东华建铝业集团有限公司",
        "summary": "2022届华建订单班毕业生，入职三年成长为挤压车间班组长，获潍坊市技术能手称号。",
        "nominated_by": "山东华建铝业集团有限公司",
        "nominated_on": dt.date(2025, 6, 2),
        "status": "nominated",
    },
]

CORRIDORS = {COORDINATOR_SCHOOL: (dt.date(2025, 5, 15), "实训楼一楼东侧走廊")}


def seed_publicity(orgs: dict[str, Organization]) -> None:
    """The media log, the model workers and cases, and the corridor of the one school that has
    set it up (the technical school has not yet: the corridor check shows it)."""
    for school, (installed_on, location) in CORRIDORS.items():
        org = orgs[school]
        if org.corridor_installed_on is None:
            org.corridor_installed_on, org.corridor_location = installed_on, location
            org.full_clean()
            org.save()
    for index, (kind, outlet, published_on, title, featured) in enumerate(MEDIA_REPORTS):
        if MediaReport.objects.filter(
            outlet=outlet, published_on=published_on, title=title
        ).exists():
            continue
        report = MediaReport(
            kind=kind,
            outlet=outlet,
            published_on=published_on,
            title=title,
            link=f"https://news.example.com/linqu/{published_on:%Y%m%d}-{index + 1}.html",
            summary=title,
        )
        report.full_clean()
        report.save()
        report.organizations.set([orgs[name] for name in featured])
    for spec in MODEL_CASES:
        if ModelCase.objects.filter(year=spec["year"], title=spec["title"]).exists():
            continue
        # A case is approved at the council meeting held on its approval day.
        approved_on = spec.get("approved_on")
        meeting = CouncilMeeting.objects.filter(date=approved_on).first() if approved_on else None
        case = ModelCase(
            kind=spec["kind"],
            year=spec["year"],
            title=spec["title"],
            person=spec["person"],
            organization=orgs[spec["organization"]],
            summary=spec["summary"],
            nominated_by=orgs[spec["nominated_by"]],
            nominated_on=spec["nominated_on"],
            status=spec["status"],
            approved_on=spec.get("approved_on"),
            approved_at_meeting=meeting,
            published_on=spec.get("published_on"),
            published_where=spec.get("published_where", ""),
            in_report=spec.get("in_report", False),
        )
        case.full_clean()
        case.save()
        case.partners.set([orgs[name] for name in spec.get("partners", [])])
