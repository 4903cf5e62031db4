"""Demo data of the members app: the Linqu alliance as its plan lists it (附件1, 附件2).

Idempotent: every record is looked up by its natural key first, so running the seed twice
changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random

from alliance.fake_ids import credit_code

from .models import Organization, OrganizationKind, Role, User

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
            user = User(username=username, first_name=full_name, role=role,
                        organization=orgs[org_name] if org_name else None)
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
        users[username] = user
    return users


def seed(rng: random.Random, scale: str = "demo") -> None:
    orgs = seed_organizations(rng)
    seed_accounts(orgs)
