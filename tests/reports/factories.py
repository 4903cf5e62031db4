from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from tests.factory_base import RecordFactory
from tests.members.factories import EnterpriseFactory


class AssessmentFactory(RecordFactory):
    class Meta:
        model = "reports.Assessment"

    organization = factory.SubFactory(EnterpriseFactory)
    year = 2025
    status = "scoring"


class AssessmentScoreFactory(RecordFactory):
    class Meta:
        model = "reports.AssessmentScore"

    assessment = factory.SubFactory(AssessmentFactory)
    item = "cooperation"
    assessor_kind = "department"
    department = "临朐县教育和体育局"
    score = Decimal("85")


class IncentiveFactory(RecordFactory):
    class Meta:
        model = "reports.Incentive"

    kind = "equipment"
    amount = Decimal("100000")
    granting_department = "临朐县财政局"
    recipient = factory.SubFactory(EnterpriseFactory)
    granted_on = dt.date(2025, 6, 1)
    purpose = "实训设备购置补助"
