"""One set of words and one number rule everywhere (issue 13, item 6)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from alliance import glossary
from reports.indicators import BY_CODE, format_value

TEMPLATES = Path(settings.BASE_DIR) / "templates"


@pytest.mark.parametrize(
    ("met", "value", "expected"),
    [
        (True, Decimal(5), "达成"),
        (False, Decimal(3), "未达成"),
        (None, None, "无数据"),  # nothing to compute the value from
        (None, Decimal(70), "仅报告"),  # a value without a target
    ],
)
def test_a_result_reads_with_the_glossarys_word(met, value, expected):
    with translation.override("zh-hans"):
        assert str(glossary.status(met, value)) == expected


def test_templates_take_the_words_from_the_glossary():
    with translation.override("zh-hans"):
        text = Template('{% load portal %}{% term "status" %}|{% term "all" %}|{{ row|status }}')
        out = text.render(Context({"row": {"met": False, "value": 1}}))
    assert out == "达成情况|全部|未达成"


def test_no_template_spells_a_status_word_of_its_own():
    # Each of these once had several translations (达成 / 达标); only the glossary spells them.
    own = re.compile(r'\{% translate "(met|not met|Met|Not met|no data|report only)" %\}')
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if own.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("code", "value", "expected"),
    [
        # whole values print without ".0": 50.0 % → 50%, 2.00 → 2, 600.0 → 600
        ("base_coverage", Decimal("50.0"), "50%"),
        ("secondment_rate", Decimal("3.3"), "3.3%"),
        ("training_ratio", Decimal("2.00"), "2"),
        ("training_ratio", Decimal("1.88"), "1.88"),
        ("training_ratio", Decimal("2.10"), "2.1"),
        # counts with thousands separators
        ("craftsmen_teaching", 12345, "12,345"),
        ("craftsmen_teaching", Decimal("600.0"), "600"),
        ("council_meetings", None, "—"),
    ],
)
def test_indicator_values_follow_the_number_rule(code, value, expected):
    assert format_value(BY_CODE[code], value) == expected


# No page shows Django's empty choice "---------": checked on every page of every role by the
# URL sweep (tests/alliance/test_url_sweep.py).


def test_words_that_used_to_drift_say_what_they_mean():
    from django.template.loader import render_to_string

    from placements.models import HireStatus

    with translation.override("zh-hans"):
        # a hire the employer turned down is declined, not "not yet confirmed"
        assert str(HireStatus.DECLINED.label) == "用人单位已拒绝"
        assert str(HireStatus.PENDING.label) == "待用人单位确认"
        # a report's number of pages is 页数; 分页 is the pagination
        html = render_to_string("reports/runs.html", {"runs": [], "form": None})
    assert "页数" in html and "分页" not in html
