"""SVG charts for the PDF report, drawn with matplotlib (no pyplot: thread-safe in a worker).

Text stays text (``svg.fonttype = "none"``) in the Noto CJK font, so WeasyPrint draws the
Chinese labels with the embedded font and the chart text remains searchable in the PDF.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import matplotlib
from matplotlib.figure import Figure

matplotlib.rcParams.update(
    {
        "svg.fonttype": "none",
        "font.family": ["Noto Sans CJK SC", "DejaVu Sans"],
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#888888",
        "axes.titlesize": 10,
        "axes.titleweight": "bold",
        "svg.hashsalt": "alliance-report",  # stable ids: the same data gives the same SVG
    }
)

BLUE = "#1f4e79"
PALETTE = ["#1f4e79", "#c0504d", "#4f81bd", "#9bbb59", "#8064a2", "#f79646", "#2c9c9c"]


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    # Inline in HTML: drop the XML prolog and doctype.
    return re.sub(r"^.*?(<svg)", r"\1", text, count=1, flags=re.S)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    unit: str = "",
    target: float | None = None,
    width: float = 6.2,
    height: float = 2.6,
) -> str:
    figure = Figure(figsize=(width, height))
    axes = figure.subplots()
    values = [v or 0 for v in values]
    positions = range(len(labels))
    bars = axes.bar(positions, values, color=BLUE, width=0.6)
    axes.set_xticks(
        list(positions),
        labels,
        rotation=0 if len(labels) <= 6 else 30,
        ha="center" if len(labels) <= 6 else "right",
    )
    axes.bar_label(bars, labels=[f"{v:g}{unit}" for v in values], fontsize=8, padding=2)
    if target is not None:
        axes.axhline(float(target), color="#c0504d", linestyle="--", linewidth=1)
        axes.text(
            len(labels) - 0.5,
            float(target),
            f"目标 {target:g}{unit}",
            color="#c0504d",
            fontsize=8,
            ha="right",
            va="bottom",
        )
    axes.set_title(title)
    # Room above the tallest bar (and the target line) so no value label is clipped.
    highest = max([*values, float(target) if target is not None else 0, 0])
    axes.set_ylim(0, highest * 1.2 or 1)
    axes.yaxis.grid(True, color="#e5e5e5")
    axes.set_axisbelow(True)
    return _svg(figure)


def line_chart(
    years: Sequence[int],
    series: dict[str, Sequence[float | None]],
    *,
    title: str,
    unit: str = "",
    width: float = 6.2,
    height: float = 2.6,
) -> str:
    figure = Figure(figsize=(width, height))
    axes = figure.subplots()
    # The axis starts at the first year with data: empty years before it say nothing.
    with_data = [i for i, _y in enumerate(years) if any(v[i] is not None for v in series.values())]
    if with_data:
        first = with_data[0]
        years = list(years)[first:]
        series = {name: list(values)[first:] for name, values in series.items()}
    plotted = 0
    top = 0.0
    for index, (name, values) in enumerate(series.items()):
        points = [(y, float(v)) for y, v in zip(years, values, strict=True) if v is not None]
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        top = max(top, *ys)
        color = PALETTE[index % len(PALETTE)]
        axes.plot(xs, ys, marker="o", color=color, label=name, linewidth=1.8)
        plotted += 1
        for x, y in points:
            axes.annotate(
                f"{y:g}{unit}",
                (x, y),
                textcoords="offset points",
                xytext=(0, 5),
                ha="center",
                fontsize=8,
                color=color,
            )
    axes.set_xticks(list(years), [str(y) for y in years])
    axes.set_title(title)
    # A rate's axis starts at zero (a truncated axis turns a 2-point change into a cliff); room
    # above the highest point keeps its label inside the chart.
    axes.set_ylim(0, (100 if unit == "%" and top <= 100 else top) * 1.15 or 1)
    axes.margins(x=0.08)
    axes.yaxis.grid(True, color="#e5e5e5")
    if plotted > 1:
        axes.legend(frameon=False, fontsize=8, loc="lower left", ncols=plotted)
    return _svg(figure)
