"""SVG charts for the PDF report, written directly as SVG text.

No plotting library: the report has four small charts (bars and lines), and matplotlib cost every
process that imports the reports app a second and tens of megabytes, and the build a second and a
half per report. WeasyPrint draws this SVG as vectors; the text stays text in the Noto CJK font,
so the Chinese labels use the embedded font and remain searchable in the PDF.

Sizes are in points (the figure's width is set by the report's CSS; the viewBox keeps the
proportions). Text widths are estimated (a CJK character is one em, other characters about half
an em), which is enough to leave room for labels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

BLUE = "#1f4e79"
RED = "#c0504d"
AXIS = "#888888"
GRID = "#e5e5e5"
TEXT = "#262626"
PALETTE = ["#1f4e79", "#c0504d", "#4f81bd", "#9bbb59", "#8064a2", "#f79646", "#2c9c9c"]
FONT = "Noto Sans CJK SC, DejaVu Sans, sans-serif"
INCH = 72  # points
TICK_SIZE = 9
LABEL_SIZE = 8
TITLE_SIZE = 10


def _number(value: float) -> str:
    return f"{round(value, 10):g}"


def text_width(text: str, size: float) -> float:
    """Estimated width in points of ``text`` at ``size``: wide (CJK) characters one em, the
    others about half an em."""
    return sum(size if ord(ch) >= 0x2E80 else 0.56 * size for ch in text)


def nice_ticks(top: float, most: int = 7) -> list[float]:
    """Ticks from 0 up to ``top`` at a round step (1, 2, 2.5 or 5 times a power of ten), at most
    ``most`` of them (0 included)."""
    if top <= 0:
        return [0.0]
    raw = top / (most - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw - 1e-12)
    count = math.floor(top / step + 1e-9)
    return [round(k * step, 10) for k in range(count + 1)]


def _text(x: float, y: float, content: str, *, size=LABEL_SIZE, anchor="middle", **extra) -> str:
    attributes = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in extra.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"'
        f"{attributes}>{escape(content)}</text>"
    )


def _svg(width: float, height: float, parts: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.1f}pt" height="{height:.1f}pt" '
        f'viewBox="0 0 {width:.1f} {height:.1f}" font-family="{FONT}" fill="{TEXT}">'
        + "".join(parts)
        + "</svg>"
    )


def _y_axis(ticks: list[float], top: float, left: float, right: float, y_of) -> list[str]:
    """Grid lines and tick labels of the value axis, the axis line, and the base line."""
    parts = []
    for tick in ticks:
        y = y_of(tick)
        if tick:
            parts.append(
                f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" '
                f'stroke="{GRID}" stroke-width="0.8"/>'
            )
        parts.append(
            _text(left - 4, y + TICK_SIZE * 0.35, _number(tick), size=TICK_SIZE, anchor="end")
        )
    bottom = y_of(0)
    parts.append(
        f'<line x1="{left:.1f}" y1="{y_of(top):.1f}" x2="{left:.1f}" y2="{bottom:.1f}" '
        f'stroke="{AXIS}" stroke-width="0.8"/>'
    )
    parts.append(
        f'<line x1="{left:.1f}" y1="{bottom:.1f}" x2="{right:.1f}" y2="{bottom:.1f}" '
        f'stroke="{AXIS}" stroke-width="0.8"/>'
    )
    return parts


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
    """One bar per label with its value above it; a dashed line at ``target`` if given. More
    than six labels are turned upright (forty school names fit side by side), and the values
    too when a bar is narrower than its value."""
    values = [float(v or 0) for v in values]
    value_texts = [f"{_number(v)}{unit}" for v in values]
    count = max(len(labels), 1)
    full_width = width * INCH
    title_room = TITLE_SIZE * 2.2
    upright = len(labels) > 6
    label_room = (
        max((text_width(str(label), LABEL_SIZE) for label in labels), default=0) + 8
        if upright
        else LABEL_SIZE * 2
    )
    plot_height = height * INCH - title_room - LABEL_SIZE * 2
    highest = max([*values, float(target) if target is not None else 0, 0])
    # Room above the tallest bar (and the target line) so no value label is clipped.
    top = highest * 1.2 or 1
    slot_guess = (full_width - 40) / count
    value_upright = max((text_width(t, LABEL_SIZE) for t in value_texts), default=0) > slot_guess
    if value_upright and highest:
        longest = max(text_width(t, LABEL_SIZE) for t in value_texts) + 4
        top = max(top, highest * plot_height / max(plot_height - longest, plot_height / 3))
    ticks = nice_ticks(top)
    left = max(text_width(_number(t), TICK_SIZE) for t in ticks) + 10
    right = full_width - 6
    plot_top = title_room
    bottom = plot_top + plot_height
    slot = (right - left) / count

    def y_of(value: float) -> float:
        return bottom - value / top * plot_height

    parts = [
        _text(full_width / 2, TITLE_SIZE * 1.3, title, size=TITLE_SIZE, font_weight="bold"),
        *_y_axis(ticks, top, left, right, y_of),
    ]
    for index, (label, value, value_text) in enumerate(
        zip(labels, values, value_texts, strict=True)
    ):
        centre = left + slot * (index + 0.5)
        bar_top = y_of(value)
        parts.append(
            f'<rect x="{centre - slot * 0.3:.1f}" y="{bar_top:.1f}" width="{slot * 0.6:.1f}" '
            f'height="{bottom - bar_top:.1f}" fill="{BLUE}"/>'
        )
        if value_upright:
            parts.append(
                _text(
                    centre + LABEL_SIZE * 0.35,
                    bar_top - 2,
                    value_text,
                    anchor="start",
                    transform=f"rotate(-90 {centre + LABEL_SIZE * 0.35:.1f} {bar_top - 2:.1f})",
                )
            )
        else:
            parts.append(_text(centre, bar_top - 3, value_text))
        if upright:
            x, y = centre + LABEL_SIZE * 0.35, bottom + 4
            parts.append(
                _text(x, y, str(label), anchor="end", transform=f"rotate(-90 {x:.1f} {y:.1f})")
            )
        else:
            parts.append(_text(centre, bottom + LABEL_SIZE * 1.5, str(label)))
    if target is not None:
        y = y_of(float(target))
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" stroke="{RED}" '
            f'stroke-width="1" stroke-dasharray="4 2"/>'
        )
        parts.append(
            _text(
                right,
                y - 3,
                f"{_('Target')} {_number(float(target))}{unit}",
                anchor="end",
                fill=RED,
            )
        )
    return _svg(full_width, bottom + label_room, parts)


def line_chart(
    years: Sequence[int],
    series: dict[str, Sequence[float | None]],
    *,
    title: str,
    unit: str = "",
    width: float = 6.2,
    height: float = 2.6,
) -> str:
    """One line per series over the years, each point labelled; a legend under the axis when
    there are several lines. The axis starts at the first year with data."""
    with_data = [i for i, _y in enumerate(years) if any(v[i] is not None for v in series.values())]
    if with_data:
        first = with_data[0]
        years = list(years)[first:]
        series = {name: list(values)[first:] for name, values in series.items()}
    lines = []
    for index, (name, values) in enumerate(series.items()):
        points = [(y, float(v)) for y, v in zip(years, values, strict=True) if v is not None]
        if points:
            lines.append((name, PALETTE[index % len(PALETTE)], points))
    highest = max((y for _n, _c, points in lines for _x, y in points), default=0.0)
    # A rate's axis starts at zero (a truncated axis turns a 2-point change into a cliff); room
    # above the highest point keeps its label inside the chart.
    top = (100 if unit == "%" and highest <= 100 else highest) * 1.15 or 1
    ticks = nice_ticks(top)
    full_width = width * INCH
    title_room = TITLE_SIZE * 2.2
    legend_room = LABEL_SIZE * 2.2 if len(lines) > 1 else 0
    plot_height = height * INCH - title_room - TICK_SIZE * 2 - legend_room
    left = max(text_width(_number(t), TICK_SIZE) for t in ticks) + 10
    right = full_width - 6
    bottom = title_room + plot_height
    # Years spread over the axis with a margin at both ends (one year sits in the middle).
    span = max(len(years) - 1, 0)
    inner = (right - left) / (1 + 2 * 0.08) if span else 0

    def x_of(index: int) -> float:
        if not span:
            return (left + right) / 2
        return left + inner * 0.08 + inner * index / span

    def y_of(value: float) -> float:
        return bottom - value / top * plot_height

    parts = [
        _text(full_width / 2, TITLE_SIZE * 1.3, title, size=TITLE_SIZE, font_weight="bold"),
        *_y_axis(ticks, top, left, right, y_of),
    ]
    position = {year: index for index, year in enumerate(years)}
    for year, index in position.items():
        parts.append(_text(x_of(index), bottom + TICK_SIZE * 1.5, str(year), size=TICK_SIZE))
    for _name, color, points in lines:
        coordinates = " ".join(f"{x_of(position[x]):.1f},{y_of(y):.1f}" for x, y in points)
        parts.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{color}" stroke-width="1.8"/>'
        )
        for x, y in points:
            cx, cy = x_of(position[x]), y_of(y)
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{color}"/>')
            parts.append(_text(cx, cy - 6, f"{_number(y)}{unit}", fill=color))
    if legend_room:
        x = left
        y = bottom + TICK_SIZE * 2 + LABEL_SIZE * 1.2
        for name, color, _points in lines:
            parts.append(
                f'<line x1="{x:.1f}" y1="{y - LABEL_SIZE * 0.35:.1f}" x2="{x + 18:.1f}" '
                f'y2="{y - LABEL_SIZE * 0.35:.1f}" stroke="{color}" stroke-width="1.8"/>'
            )
            parts.append(_text(x + 22, y, name, anchor="start"))
            x += 22 + text_width(name, LABEL_SIZE) + 16
    return _svg(full_width, bottom + TICK_SIZE * 2 + legend_room + 4, parts)
