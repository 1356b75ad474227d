"""The yearly report's charts, drawn with reportlab.graphics (no Qt).

Every label is a ``typeset.LogicalText``, set as Persian by the report's
canvas (shaped, reordered, searchable), and every number is in Persian digits. The charts read
from the right, as the page does:

- ``month_bars``: one bar per month, فروردین at the right and اسفند at the
  left, the value axis on the right; a second line under each month (the
  meetings held) is optional;
- ``share_pie``: the shares of a whole (the resolutions' statuses) as a
  pie, starting at twelve o'clock and going round clockwise, with the key
  on its right (swatch right of the label, the label right aligned);
- ``rate_bars``: one horizontal bar per agency, the name on the right and
  the bar growing leftwards from ۰٪ to ۱۰۰٪, the figure at the bar's end.

``chart_text`` (a Persian label placed by its shaped width) and ``nice_top``
(a round top for a value axis) serve the monthly reports' charts too
(``monthly_charts``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String, Wedge
from reportlab.lib import colors

from secretariat.persian.text import format_int
from secretariat.reports import styles
from secretariat.reports.fonts import BOLD, MEDIUM, REGULAR
from secretariat.reports.paragraph import text_width, wrap_text
from secretariat.reports.typeset import LogicalText

BAR = colors.HexColor("#3d6a85")
TRACK = colors.HexColor("#e8edf0")
GRID = colors.HexColor("#d5dce1")
LABEL_SIZE = 7.5
VALUE_SIZE = 7.0
PERCENT = "{n}٪"


def percent_text(rate: float) -> str:
    """«۸۵٪»: a rate from 0 to 1 rounded half up to a whole percent."""
    return PERCENT.format(n=format_int(math.floor(rate * 100 + 0.5)))


def chart_text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = LABEL_SIZE,
    font: str = REGULAR,
    anchor: str = "end",
    color: colors.Color = styles.INK,
) -> String:
    # The width of the shaped text places it: reportlab's graphics would measure unshaped letters.
    width = text_width(text, font, size)
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return String(
        left, y, LogicalText(text), fontName=font, fontSize=size, textAnchor="start", fillColor=color
    )


def nice_top(value: float) -> tuple[float, float]:
    """A round top for the value axis and its step (about four steps)."""
    if value <= 0:
        return 4.0, 1.0
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if step < 1:
        step = 1.0
    return step * math.ceil(value / step), step


@dataclass(frozen=True)
class MonthBar:
    label: str  # «فروردین»
    value: float | None  # None: nothing to show that month («—»)
    value_text: str  # drawn above the bar
    note: str = ""  # a second line under the month («۴ جلسه»)


def month_bars(
    months: Sequence[MonthBar],
    *,
    width: float,
    height: float = 180.0,
    top: float | None = None,
    axis_percent: bool = False,
) -> Drawing:
    """Vertical bars, the first month at the right; ``top`` fixes the axis (1.0 for rates)."""
    drawing = Drawing(width, height)
    axis_width = 30.0
    right = width - axis_width
    left = 4.0
    bottom = 30.0 if any(month.note for month in months) else 18.0
    plot_top = height - 14.0
    peak = max((month.value or 0 for month in months), default=0)
    if top is None:
        top, step = nice_top(peak)
    else:
        step = top / 4
    scale = (plot_top - bottom) / top
    # Grid lines and the value axis on the right.
    for index in range(int(round(top / step)) + 1):
        value = index * step
        y = bottom + value * scale
        drawing.add(Line(left, y, right, y, strokeColor=GRID if index else styles.RULE, strokeWidth=0.5))
        label = percent_text(value) if axis_percent else format_int(int(value))
        drawing.add(chart_text(width - 2, y - 2.5, label, size=VALUE_SIZE, color=styles.MUTED))
    slot = (right - left) / max(1, len(months))
    bar_width = min(26.0, slot * 0.6)
    for index, month in enumerate(months):
        centre = right - (index + 0.5) * slot
        if month.value:
            bar_height = month.value * scale
            drawing.add(
                Rect(centre - bar_width / 2, bottom, bar_width, bar_height, fillColor=BAR, strokeColor=None)
            )
        if month.value is not None:
            y = bottom + (month.value or 0) * scale + 3
            drawing.add(chart_text(centre, y, month.value_text, size=VALUE_SIZE, anchor="middle"))
        drawing.add(chart_text(centre, bottom - 11, month.label, anchor="middle"))
        if month.note:
            drawing.add(
                chart_text(
                    centre, bottom - 22, month.note, size=VALUE_SIZE, anchor="middle", color=styles.MUTED
                )
            )
    return drawing


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    color: colors.Color


def share_pie(
    shares: Sequence[Share], *, width: float, height: float = 150.0, total_label: str = ""
) -> Drawing:
    """A pie of ``shares`` on the left, its key on the right, each line «انجام‌شده  ۱٬۲۳۴ (۶۴٪)»."""
    drawing = Drawing(width, height)
    total = sum(share.count for share in shares)
    radius = min(height / 2 - 8, 62.0)
    label_width = max((text_width(share.label, REGULAR, 8.5) for share in shares), default=0) + 14
    figures = [
        format_int(share.count) + (f" ({percent_text(share.count / total)})" if total else "")
        for share in shares
    ]
    figure_width = max((text_width(figure, MEDIUM, 8.5) for figure in figures), default=0)
    # The pie on the left of its key, the two together in the middle of the width.
    whole = 2 * radius + 50 + label_width + figure_width
    start = (width - whole) / 2
    cx, cy = start + radius, height / 2
    key_right = start + whole
    angle = 90.0
    for share in shares:
        if not share.count:
            continue
        sweep = 360.0 * share.count / total
        if sweep >= 359.99:
            drawing.add(
                Wedge(
                    cx, cy, radius, 0, 360, fillColor=share.color, strokeColor=colors.white, strokeWidth=0.8
                )
            )
        else:
            # Clockwise from twelve o'clock: the wedge runs from angle - sweep to angle.
            drawing.add(
                Wedge(
                    cx,
                    cy,
                    radius,
                    angle - sweep,
                    angle,
                    fillColor=share.color,
                    strokeColor=colors.white,
                    strokeWidth=0.8,
                )
            )
        angle -= sweep
    if not total:
        drawing.add(Wedge(cx, cy, radius, 0, 360, fillColor=TRACK, strokeColor=None))
    # The key, right aligned: swatch, label, count and share.
    line_height = 17.0
    y = cy + (len(shares) - 1) * line_height / 2
    for share, figure in zip(shares, figures, strict=True):
        drawing.add(Rect(key_right - 9, y - 1.5, 9, 9, fillColor=share.color, strokeColor=None))
        drawing.add(chart_text(key_right - 14, y, share.label, size=8.5))
        drawing.add(chart_text(key_right - 14 - label_width, y, figure, size=8.5, font=MEDIUM))
        y -= line_height
    if total_label:
        drawing.add(chart_text(key_right, y - 6, total_label, size=8.5, font=BOLD, color=styles.ACCENT))
    return drawing


@dataclass(frozen=True)
class RateBar:
    name: str
    rate: float  # 0 to 1
    detail: str  # after the percentage: «(۳۰ از ۴۰)»


def rate_bars(
    rows: Sequence[RateBar], *, width: float, name_width: float = 190.0, row_height: float = 19.0
) -> Drawing:
    """A horizontal bar per row, the name on the right, ۰٪ at the right end of the bars."""
    figure_room = 92.0
    axis_room = 14.0
    height = len(rows) * row_height + axis_room + 4
    drawing = Drawing(width, height)
    bars_right = width - name_width - 8
    bars_left = figure_room
    span = bars_right - bars_left
    for tick in range(5):
        x = bars_right - span * tick / 4
        drawing.add(Line(x, axis_room, x, height - 2, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(
            chart_text(x, 3, percent_text(tick / 4), size=VALUE_SIZE, anchor="middle", color=styles.MUTED)
        )
    for index, row in enumerate(rows):
        top = height - 2 - index * row_height
        middle = top - row_height / 2
        lines = wrap_text(row.name, name_width, REGULAR, LABEL_SIZE)
        if len(lines) > 2:
            lines = [lines[0], _shortened(" ".join(lines[1:]), name_width)]
        for number, line in enumerate(lines):
            offset = (len(lines) - 1) * 4.5 - number * 9.0
            drawing.add(chart_text(width - 2, middle - 2.5 + offset, line))
        bar_height = min(10.0, row_height - 7)
        drawing.add(
            Rect(bars_left, middle - bar_height / 2, span, bar_height, fillColor=TRACK, strokeColor=None)
        )
        length = span * max(0.0, min(1.0, row.rate))
        if length > 0:
            drawing.add(
                Rect(
                    bars_right - length,
                    middle - bar_height / 2,
                    length,
                    bar_height,
                    fillColor=BAR,
                    strokeColor=None,
                )
            )
        figure = percent_text(row.rate)
        drawing.add(chart_text(bars_left - 4, middle - 2.5, figure, size=VALUE_SIZE, font=MEDIUM))
        if row.detail:
            drawing.add(
                chart_text(
                    bars_left - 8 - text_width(figure, MEDIUM, VALUE_SIZE),
                    middle - 2.5,
                    row.detail,
                    size=VALUE_SIZE - 0.5,
                    color=styles.MUTED,
                )
            )
    return drawing


def _shortened(text: str, width: float) -> str:
    """``text`` cut at a word to fit ``width`` with «…» at its end."""
    words = text.split()
    while words and text_width(" ".join(words) + "…", REGULAR, LABEL_SIZE) > width:
        words.pop()
    return " ".join(words) + "…"
