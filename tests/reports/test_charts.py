"""Charts of the report: axes that start where the data does and at zero, labels that fit."""

from __future__ import annotations

import re

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
