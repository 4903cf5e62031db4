"""Charts of the report: axes that start where the data does and at zero, labels that fit."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from reports.charts import bar_chart, line_chart


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]+)</text>", svg)


def test_trend_starts_at_the_first_year_with_data_and_has_a_legend():
    svg = line_chart(
        [2021, 2022, 2023, 2024, 2025],
        {
            "留临就业率": [None, None, 55.0, 58.2, 60.0],
            "联盟企业就业率": [None, None, 20.0, 25.0, None],
        },
        title="趋势",
        unit="%",
    )
    texts = _texts(svg)
    assert "2021" not in texts and "2022" not in texts and "2023" in texts
    assert "留临就业率" in texts and "联盟企业就业率" in texts  # two series: a legend


def test_a_rate_axis_starts_at_zero():
    svg = line_chart([2024, 2025], {"留临就业率": [55.0, 58.0]}, title="趋势", unit="%")
    ticks = [t for t in _texts(svg) if re.fullmatch(r"\d+", t) and t not in ("2024", "2025")]
    assert ticks[0] == "0"


def test_bar_labels_fit_under_the_top_of_the_axis():
    svg = bar_chart(["甲校", "乙校"], [4.8, 5.6], title="入企实践比例", unit="%", target=5)
    ticks = [float(t) for t in _texts(svg) if re.fullmatch(r"\d+(\.\d+)?", t)]
    assert max(ticks) >= 5.6  # the axis reaches above the tallest bar and its label


def _bars(svg: str) -> list[tuple[float, float]]:
    """(y, height) of each bar (the bars are the only rectangles)."""
    return [
        (float(y), float(h))
        for y, h in re.findall(r'<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"', svg)
    ]


def test_bar_chart_draws_one_bar_per_label_in_proportion_with_its_value_and_the_target():
    with translation.override("zh-hans"):  # the report's language
        svg = bar_chart(
            ["甲校", "乙校", "丙校"], [2, 4, 0], title="入企实践比例", unit="%", target=3
        )
    assert svg.startswith("<svg") and svg.endswith("</svg>")  # inline in the report's HTML
    texts = _texts(svg)
    assert texts[0] == "入企实践比例"
    assert {"甲校", "乙校", "丙校", "2%", "4%", "0%", "目标 3%"} <= set(texts)
    # The axis reaches 4 × 1.2 = 4.8: ticks at a step of 1 (4.8 / 6 = 0.8 → 1), 0 to 4.
    assert [t for t in texts if re.fullmatch(r"\d+", t)] == ["0", "1", "2", "3", "4"]
    (y1, h1), (y2, h2), (_y3, h3) = _bars(svg)
    assert h2 == pytest.approx(2 * h1, abs=0.2) and h3 == 0  # 4 is twice 2; 0 has no height
    assert y1 + h1 == pytest.approx(y2 + h2)  # on the same base line
    assert svg.count('stroke-dasharray="4 2"') == 1  # the target line


def test_many_bars_turn_their_labels_upright_and_escape_markup():
    names = [f"第{i}职业学校" for i in range(40)] + ["A&B <学校>"]
    svg = bar_chart(names, [5.1] * 41, title="比例", unit="%")
    assert len(_bars(svg)) == 41
    assert svg.count("rotate(-90") >= 41  # the school names, read upright
    assert "A&amp;B &lt;学校&gt;" in svg


def test_line_chart_draws_each_series_point_with_its_label():
    svg = line_chart(
        [2024, 2025], {"留临就业率": [55.0, 58.5], "空": [None, None]}, title="趋势", unit="%"
    )
    assert svg.count("<polyline") == 1  # a series with no value draws nothing
    assert svg.count("<circle") == 2
    texts = _texts(svg)
    assert {"55%", "58.5%", "2024", "2025"} <= set(texts)
    assert "留临就业率" not in texts  # one line: no legend
