"""Demo data of the reports app: the 2024 annual report, built and published.

Idempotent: a published 2024 report is looked up first and left as it is.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from members.models import CouncilMeeting, Organization, OrganizationKind, User

from .assessments import Assessment, AssessmentStatus, Incentive, ScoreItem
from .models import AnnualReport
from .services import (
    assessment_score,
    assessments_approve,
    assessments_prepare,
    assessments_publish,
    report_build_now,
    report_publish,
)
from .sources import DataSet

DEMO_PUBLISHED_YEAR = 2024


def seed(rng: random.Random, *, scale: str = "demo") -> None:
    seed_assessments(rng)
    if AnnualReport.objects.filter(year=DEMO_PUBLISHED_YEAR, is_published=True).exists():
        return
    secretariat = User.objects.filter(username="secretariat").first()
    report = report_build_now(year=DEMO_PUBLISHED_YEAR, requested_by=secretariat)
    if report.status == "done":
        report_publish(report=report)


# --- member assessment and incentives (Linqu 保障措施(二)(三)) ----------------------------------------
# 2024: scored, approved at the first council meeting of 2025 and published; 2025: being scored.
DEPARTMENTS = ["临朐县教育和体育局", "临朐县人力资源和社会保障局"]
THIRD_PARTY = "潍坊市职业教育质量评估中心"
HR_ENTERPRISE = "山东华建铝业集团有限公司"
COORDINATOR_SCHOOL = "临朐县职业教育中心学校"
INCENTIVES = [
    # (recipient, kind, amount, department, granted on, purpose)
    (
        HR_ENTERPRISE,
        "equipment",
        "300000",
        "临朐县工业和信息化局",
        dt.date(2025, 4, 15),
        "铝型材挤压实训生产线设备引进补助",
    ),
    (
        COORDINATOR_SCHOOL,
        "base",
        "500000",
        "临朐县教育和体育局",
        dt.date(2025, 4, 15),
        "校内生产性实训基地建设奖补",
    ),
    (
        "山东雷奥新能源有限公司",
        "transfer",
        "200000",
        "临朐县科学技术局",
        dt.date(2025, 5, 20),
        "储能装备校企联合研发成果转化奖励",
    ),
    (
        "山东华特磁电科技股份有限公司",
        "base",
        "150000",
        "临朐县财政局",
        dt.date(2025, 6, 10),
        "厂中校实训基地建设补助",
    ),
]


def _score(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randrange(low * 2, high * 2 + 1)) / 2


def _score_year(
    rng: random.Random, year: int, secretariat, hr, coordinator, *, partial: bool
) -> None:
    """Departments score every member; HR scores the schools, the coordinator the enterprises
    (all of them in a finished year, a few while the year is still being scored)."""
    assessments = list(
        Assessment.objects.filter(year=year, status=AssessmentStatus.SCORING)
        .select_related("organization")
        .order_by("organization__name")
    )
    data = DataSet()  # the year's records, loaded once for all the sheets, not once a sheet
    for index, assessment in enumerate(assessments):
        if partial and index % 3:
            continue
        for department in DEPARTMENTS[: 1 if partial else 2]:
            assessment_score(
                assessment=assessment,
                by=secretariat,
                scores={item: _score(rng, 70, 96) for item in ScoreItem.values},
                comment="按部门评分表录入。",
                department=department,
                data=data,
            )
        scorer = hr if assessment.organization.kind == OrganizationKind.SCHOOL else coordinator
        if scorer is not None and scorer.organization_id != assessment.organization_id:
            assessment_score(
                assessment=assessment,
                by=scorer,
                scores={item: _score(rng, 68, 98) for item in ScoreItem.values},
                comment="合作顺畅，响应及时。",
                data=data,
            )


def seed_assessments(rng: random.Random) -> None:
    """Idempotent: a year that already has assessments is left as it is."""
    users = {
        u.username: u for u in User.objects.filter(username__in=["secretariat", "hr", "school"])
    }
    secretariat = users.get("secretariat")
    if secretariat is None:
        return
    if not Assessment.objects.filter(year=2024).exists():
        assessments_prepare(year=2024)
        for assessment in Assessment.objects.filter(
            year=2024, organization__kind=OrganizationKind.SCHOOL
        ):
            assessment.third_party_body = THIRD_PARTY
            assessment.third_party_score = _score(rng, 78, 92)
            assessment.save()
        _score_year(rng, 2024, secretariat, users.get("hr"), users.get("school"), partial=False)
        meeting = (
            CouncilMeeting.objects.filter(date__year=2025, status="held").order_by("date").first()
            or CouncilMeeting.objects.filter(date__year=2024, status="held")
            .order_by("-date")
            .first()
        )
        if meeting is not None:
            assessments_approve(year=2024, meeting=meeting)
            assessments_publish(year=2024, on=meeting.date + dt.timedelta(days=7))
    if not Assessment.objects.filter(year=2025).exists():
        assessments_prepare(year=2025)
        _score_year(rng, 2025, secretariat, users.get("hr"), users.get("school"), partial=True)
    seed_incentives()


def seed_incentives() -> None:
    for name, kind, amount, department, granted_on, purpose in INCENTIVES:
        recipient = Organization.objects.filter(name=name).first()
        if (
            recipient is None
            or Incentive.objects.filter(
                recipient=recipient, granted_on=granted_on, kind=kind
            ).exists()
        ):
            continue
        incentive = Incentive(
            recipient=recipient,
            kind=kind,
            amount=Decimal(amount),
            granting_department=department,
            granted_on=granted_on,
            purpose=purpose,
            assessment=Assessment.objects.filter(organization=recipient, year=granted_on.year - 1)
            .exclude(status=AssessmentStatus.SCORING)
            .first(),
        )
        incentive.full_clean()
        incentive.save()
