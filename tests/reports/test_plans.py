"""The deployment's plan (ALLIANCE_PLAN) sets targets, clauses and sentences everywhere at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.urls import reverse

from reports import plans
from reports.document import build_html
from reports.selectors import indicator_rows
from reports.services import target_set
from reports.sources import DataSet
from tests.reports.test_indicators import YEAR_2025

pytestmark = pytest.mark.django_db

LINQU_TITLE = "关于组建临朐县产教融合发展联盟实施方案"
QUFU_TITLE = "曲阜市促进校企合作产教融合实施方案"


def rows_2025():
    return {row.indicator.code: row for row in indicator_rows(2025, data=DataSet())}


def test_linqu_is_the_default_plan(fake_selectors):
    fake_selectors({2025: YEAR_2025})
    rows = rows_2025()
    assert rows["base_coverage"].target.value == 100
    assert rows["secondment_rate"].target.value == 5
    assert rows["council_meetings"].target.value == 2
    assert rows["base_coverage"].target.plan == LINQU_TITLE
    assert "临朐方案" in rows["base_coverage"].target.source


@override_settings(ALLIANCE_PLAN="qufu")
def test_qufu_sets_only_the_training_ratio(fake_selectors):
    fake_selectors({2025: YEAR_2025})
    rows = rows_2025()
    training = rows["training_ratio"]
    # 3100 person-times ÷ 1500 enrolled = 2.07 ≥ 2
    assert (training.target.value, training.met) == (Decimal(2), True)
    assert "曲阜方案" in training.target.source and "三（七）" in training.target.source
    for code, row in rows.items():
        if code != "training_ratio":
            assert row.target.comparison == "report" and row.met is None, code
            assert row.target.source == "曲阜方案未设目标：仅报告", code
    assert {row.target.plan for row in rows.values()} == {QUFU_TITLE}


@override_settings(ALLIANCE_PLAN="qufu")
def test_a_yearly_override_still_wins_over_the_plan(fake_selectors):
    fake_selectors({2025: YEAR_2025})
    target_set(
        year=2025, indicator="secondment_rate", value=Decimal(4), comparison="gte", source="决议"
    )
    row = rows_2025()["secondment_rate"]
    # 7 seconded ÷ 120 professional teachers = 5.8 % ≥ 4 %
    assert row.target.overridden and row.target.plan == "" and row.met is True


@override_settings(ALLIANCE_PLAN="qufu", ALLIANCE_NAME="曲阜市校企合作联盟")
def test_the_report_names_the_qufu_plan_and_quotes_no_linqu_sentence(fake_selectors):
    fake_selectors({2025: YEAR_2025})
    html = build_html(2025).html
    assert f"《{QUFU_TITLE}》" in html
    assert "临朐" not in html
    assert "要求留临就业比例逐年提高" not in html


def test_the_report_names_the_linqu_plan(fake_selectors):
    fake_selectors({2025: YEAR_2025})
    html = build_html(2025).html
    assert f"《{LINQU_TITLE}》" in html


@override_settings(ALLIANCE_PLAN="qufu", ALLIANCE_NAME="曲阜市校企合作联盟")
def test_pages_follow_the_plan(client_for, secretariat_user):
    client = client_for(secretariat_user)
    council = client.get(reverse("members:council"), {"year": 2025}).content.decode()
    assert "临朐" not in council and "仅报告" in council
    targets = client.get(reverse("reports:targets"), {"year": 2025}).content.decode()
    assert QUFU_TITLE in targets and "preset" not in targets
    dashboard = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
    assert QUFU_TITLE in dashboard and "临朐方案" not in dashboard
    obligations = client.get(reverse("reports:obligations"), {"year": 2025}).content.decode()
    assert "曲阜方案要求" in obligations and "临朐方案" not in obligations


def test_an_unknown_plan_stops_the_start(settings):
    settings.ALLIANCE_PLAN = "atlantis"
    errors = plans.check_plan(None)
    assert [e.id for e in errors] == ["reports.E001"]
    with pytest.raises(SystemCheckError, match="ALLIANCE_PLAN"):
        call_command("check")
