"""The monthly reports' chart: what became of each month's reports, drawn as the yearly report's charts are.

``stacked_month_bars``: one bar per month, فروردین at the right and اسفند
at the left, the value axis on the right, each bar stacked from the bottom
(on time, then late, then missing), each part's count inside it when it has
the room, the key at the top right (swatch right of its label). A month
with nothing to show (not yet due) has no bar. Every label is a
``LogicalText``, set as Persian by the report's canvas, every number in
Persian digits (``yearbook_charts.chart_text``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib import colors

from secretariat.persian.text import format_int
from secretariat.reports import styles
from secretariat.reports.fonts import MEDIUM, REGULAR
from secretariat.reports.paragraph import text_width
from secretariat.reports.yearbook_charts import GRID, VALUE_SIZE, chart_text, nice_top

KEY_SIZE = 8.0
KEY_ROOM = 20.0  # above the plot: the key
SWATCH = 8.0
INSIDE_LEAST = 10.0  # a part shorter than this has no count inside it
HEADROOM = 1.1  # above the tallest bar: room for its total under the key


@dataclass(frozen=True)
class Series:
    label: str  # «به‌موقع»
    color: colors.Color
    text_color: colors.Color = colors.white  # of the count inside a part


@dataclass(frozen=True)
class StackedMonth:
    label: str  # «فروردین»
    counts: tuple[int, ...] | None  # one per series, the bottom first; None: no bar


def stacked_month_bars(
    months: Sequence[StackedMonth], series: Sequence[Series], *, width: float, height: float = 200.0
) -> Drawing:
    drawing = Drawing(width, height)
    axis_width = 26.0
    right = width - axis_width
    left = 4.0
    bottom = 18.0
    plot_top = height - KEY_ROOM - 6
    peak = max((sum(month.counts) for month in months if month.counts), default=0)
    top, step = nice_top(peak * HEADROOM)
    scale = (plot_top - bottom) / top
    for index in range(int(round(top / step)) + 1):
        value = index * step
        y = bottom + value * scale
        drawing.add(Line(left, y, right, y, strokeColor=GRID if index else styles.RULE, strokeWidth=0.5))
        drawing.add(
            chart_text(width - 2, y - 2.5, format_int(int(value)), size=VALUE_SIZE, color=styles.MUTED)
        )
    slot = (right - left) / max(1, len(months))
    bar_width = min(24.0, slot * 0.6)
    for index, month in enumerate(months):
        centre = right - (index + 0.5) * slot
        drawing.add(chart_text(centre, bottom - 11, month.label, anchor="middle"))
        if not month.counts:
            continue
        base = bottom
        for count, part in zip(month.counts, series, strict=True):
            if not count:
                continue
            part_height = count * scale
            drawing.add(
                Rect(
                    centre - bar_width / 2,
                    base,
                    bar_width,
                    part_height,
                    fillColor=part.color,
                    strokeColor=None,
                )
            )
            if part_height >= INSIDE_LEAST:
                drawing.add(
                    chart_text(
                        centre,
                        base + part_height / 2 - 2.5,
                        format_int(count),
                        size=VALUE_SIZE,
                        anchor="middle",
                        color=part.text_color,
                    )
                )
            base += part_height
        total = sum(month.counts)
        drawing.add(
            chart_text(centre, base + 3, format_int(total), size=VALUE_SIZE, font=MEDIUM, anchor="middle")
        )
    _key(drawing, series, right=width - 2, y=height - KEY_ROOM + 6)
    return drawing


def _key(drawing: Drawing, series: Sequence[Series], *, right: float, y: float) -> None:
    """The swatches and labels in a row from the right, as the page reads."""
    x = right
    for part in series:
        drawing.add(Rect(x - SWATCH, y - 1, SWATCH, SWATCH, fillColor=part.color, strokeColor=None))
        drawing.add(chart_text(x - SWATCH - 4, y, part.label, size=KEY_SIZE))
        x -= SWATCH + 4 + text_width(part.label, REGULAR, KEY_SIZE) + 16
