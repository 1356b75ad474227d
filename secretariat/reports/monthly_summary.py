"""The yearly summary of the monthly reports (خلاصه سالانه گزارش‌های ماهانه دستگاه‌ها).

For one Jalali year, as of today (months not yet due are left out of the counts):

1. the heading (the council, the year, the due day), four figures (reports
   due, on time, late, missing) and a sentence that says them;
2. the punctuality of each agency in Persian order: months on time, late,
   missing and exempt, the average days late of its late reports and its
   on-time rate, with the council's totals;
3. the year's matrix compactly: a row per agency, a narrow column per
   month, each cell a mark on a tint: a tick (on time), the days late, «×»
   (missing), «معاف», or nothing (not yet due), with its key;
4. the charts: each month's reports on time, late and missing, stacked, and
   the trend of the two main indicators (the first two counted ones that
   have figures), drawn as the yearly report's charts;
5. the figures: each indicator's council total month by month with the
   year's total, then each agency's year total for each indicator.

The states are the matrix's (``secretariat.monthly.matrix``), the figures
``secretariat.monthly.figures``'s, counted in the database from the
reports in force. A year not begun, a council without agencies and a year
with nothing due and nothing received are refused with a Persian message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.members.council import CouncilRecord
from secretariat.monthly.figures import IndicatorYear, YearFigures
from secretariat.monthly.indicators import IndicatorKind, IndicatorRecord, format_value
from secretariat.monthly.matrix import Cell as MatrixCell
from secretariat.monthly.matrix import CellState, MatrixQuery, MatrixRow, YearMatrix
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.fonts import BOLD, REGULAR
from secretariat.reports.letter import council_of
from secretariat.reports.month_grid import GridCell, GridRow, month_grid
from secretariat.reports.monthly_charts import Series, StackedMonth, stacked_month_bars
from secretariat.reports.page import CONTENT_WIDTH, Bookmarked, PageSetup, build_pdf, outlined_heading
from secretariat.reports.paragraph import (
    HEADING_ROOM,
    RtlParagraph,
    heading,
    keep_headings_with_their_tables,
    text_width,
)
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Cell, Column, rtl_table
from secretariat.reports.yearbook_charts import MonthBar, month_bars, percent_text

# -- the words of this report -------------------------------------------------------
TITLE = "خلاصه سالانه گزارش‌های ماهانه دستگاه‌ها"
DOCUMENT_TITLE = "خلاصه سالانه گزارش‌های ماهانه {year}؛ {council}"
SUBTITLE = "{council}؛ سال {year}"
AS_OF = "وضعیت تا {today}؛ مهلت ارسال گزارش هر ماه: روز {day} ماه بعد"
CARD_DUE = "گزارش سررسیده"
CARD_ON_TIME = "به‌موقع ({percent})"
CARD_LATE = "با تأخیر ({percent})"
CARD_MISSING = "نرسیده ({percent})"
SUMMARY = (
    "در سال {year} از {agencies} دستگاه عضو، تا امروز {due} گزارش ماهانه سررسید شده است: {on_time} گزارش "
    "به‌موقع و {late} گزارش با تأخیر رسیده و {missing} گزارش نرسیده است؛ در {exempt} مورد نیز دستگاه "
    "برای آن ماه معاف بوده است."
)
SUMMARY_LATE = " گزارش‌های با تأخیر به‌طور میانگین {days} روز پس از مهلت رسیده‌اند."
SECTION = "{number}. {title}"
PUNCTUALITY = "وضعیت ارسال به تفکیک دستگاه"
MATRIX = "جدول ماه‌به‌ماه"
CHARTS = "نمودارها"
FIGURES = "ارقام شاخص‌ها در هر ماه"
AGENCY_FIGURES = "ارقام سالانه هر دستگاه"
SECTIONS = (PUNCTUALITY, MATRIX, CHARTS, FIGURES, AGENCY_FIGURES)

AGENCY = "دستگاه"
ON_TIME = "به‌موقع"
LATE = "با تأخیر"
MISSING = "نرسیده"
EXEMPT = "معاف"
NOT_DUE = "هنوز موعد نرسیده"
AVERAGE_LATE = "میانگین تأخیر (روز)"
ON_TIME_RATE = "نرخ به‌موقع"
TOTAL = "جمع"
PUNCTUALITY_KEY = (
    "شمار ماه‌ها؛ ماه‌هایی که موعدشان هنوز نرسیده شمرده نشده‌اند. میانگین تأخیر: میانگین روزهای "
    "تأخیر گزارش‌هایی که پس از مهلت رسیده‌اند. نرخ به‌موقع: گزارش‌های به‌موقع بخش بر ماه‌های "
    "سررسیده‌ای که دستگاه معاف نبوده است."
)
MATRIX_KEY = "هر خانه، ماهی از سال؛ رقم خانه‌های با تأخیر، شمار روزهای تأخیر است."
LATE_KEY = "با تأخیر (روز)"
CHART_RECEIPT = "گزارش‌های هر ماه: به‌موقع، با تأخیر و نرسیده (ماهی که موعدش نرسیده ستونی ندارد)"
CHART_TREND = "روند «{indicator}»: جمع ارقام دستگاه‌ها در هر ماه ({unit})"
CHART_TREND_NO_UNIT = "روند «{indicator}»: جمع ارقام دستگاه‌ها در هر ماه"
INDICATOR = "شاخص (واحد)"
INDICATOR_UNIT = "{name} ({unit})"
RETIRED = "{name} (بایگانی‌شده)"
YEAR_TOTAL = "جمع سال"
FIGURES_KEY = (
    "جمع ارقامی که دستگاه‌ها در گزارش‌های رسیده داده‌اند (برای گزارش اصلاح‌شده، نسخه در جریان؛ گزارش "
    "باطل‌شده شمرده نمی‌شود). برای شاخص بله/خیر، شمار گزارش‌هایی که پاسخ «بله» داده‌اند. «—»: رقمی نرسیده است."
)
AGENCY_FIGURES_KEY = "جمع ارقام هر دستگاه در گزارش‌های رسیده سال؛ دستگاه‌هایی که رقمی نداده‌اند نیامده‌اند."
NO_FIGURES = "در گزارش‌های رسیده این سال رقمی برای شاخص‌ها ثبت نشده است."
NOT_BEGUN = "سال {year} هنوز آغاز نشده است؛ خلاصه سالانه برای سال جاری یا سال‌های گذشته چاپ می‌شود."
NO_AGENCIES = "هیچ دستگاه عضوی در فهرست نیست؛ نخست دستگاه‌های عضو را وارد کنید."
NOTHING_YET = "هنوز موعد گزارش هیچ ماهی از سال {year} نرسیده و گزارشی هم ثبت نشده است."

INDICATORS_PER_TABLE = 4  # the agencies' year figures: so many indicators side by side
TREND_CHARTS = 2
CHART_ROOM = 260.0  # the charts' heading starts a page unless the first chart fits under it
MATRIX_START = 150.0  # the matrix's heading, key, header and first rows: what a page must hold of it
TABLE_START = 110.0  # a table's header and first rows

# -- the look of this report --------------------------------------------------------
SECTION_HEADING = ParagraphStyle("monthly_section", parent=styles.HEADING, fontSize=13, leading=24)
KEY = ParagraphStyle("monthly_key", parent=styles.SMALL, spaceBefore=2, spaceAfter=6)
CELL = ParagraphStyle("monthly_cell", parent=styles.CELL, fontSize=8.5, leading=14)
TOTAL_CELL = ParagraphStyle("monthly_total", parent=CELL, fontName=styles.LABEL_CELL.fontName)
TOTAL_NUMBER = ParagraphStyle("monthly_total_number", parent=TOTAL_CELL, alignment=TA_CENTER)
CHART_TITLE = ParagraphStyle(
    "monthly_chart_title",
    parent=styles.BODY,
    fontName=styles.LABEL_CELL.fontName,
    fontSize=10,
    leading=18,
    textColor=styles.ACCENT,
    spaceBefore=8,
    spaceAfter=4,
)
CARD_NUMBER = ParagraphStyle(
    "monthly_card_number",
    parent=styles.BODY,
    fontName=BOLD,
    fontSize=17,
    leading=28,
    alignment=TA_CENTER,
    textColor=styles.ACCENT,
    spaceAfter=0,
)
CARD_LABEL = ParagraphStyle(
    "monthly_card_label", parent=styles.SMALL, alignment=TA_CENTER, textColor=styles.INK
)

ON_TIME_COLOR = colors.HexColor("#2f6b3f")
LATE_COLOR = colors.HexColor("#b07a12")
MISSING_COLOR = colors.HexColor("#a3312a")
FILLS = {
    CellState.ON_TIME: colors.HexColor("#e2f0e5"),
    CellState.LATE: colors.HexColor("#fbefd3"),
    CellState.MISSING: colors.HexColor("#f7dedb"),
    CellState.EXEMPT: colors.HexColor("#e9edf0"),
}
MARK_LATE = ParagraphStyle(
    "monthly_mark_late",
    parent=styles.CELL,
    fontName=BOLD,
    fontSize=7.5,
    leading=12,
    alignment=TA_CENTER,
    textColor=colors.HexColor("#7a5200"),
)
MARK_MISSING = ParagraphStyle("monthly_mark_missing", parent=MARK_LATE, fontSize=9, textColor=MISSING_COLOR)
MARK_EXEMPT = ParagraphStyle(
    "monthly_mark_exempt", parent=MARK_LATE, fontName=REGULAR, fontSize=6.5, textColor=styles.MUTED
)
MISSING_MARK = "×"

GATHERED = 0.3  # the share of the progress bar for reading the records


class Tick(Flowable):
    """A drawn tick (the fonts have no ✓): a report on time."""

    def __init__(self, size: float = 7.0, color: colors.Color = ON_TIME_COLOR):
        super().__init__()
        self.width = self.height = size
        self.color = color

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        return self.width, self.height

    def draw(self) -> None:
        canvas, size = self.canv, self.width
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(1.4)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        path = canvas.beginPath()
        path.moveTo(0.05 * size, 0.5 * size)
        path.lineTo(0.38 * size, 0.15 * size)
        path.lineTo(0.95 * size, 0.9 * size)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()


class KeptIfItFits(KeepTogether):
    """Its flowables on one page when they fit on one (to the next page if they do not fit
    here); more than a page, they start here if ``least`` points of room are left, else on
    the next page. (``KeepTogether`` moves them to the next page even when they would not
    fit on one page there either.)"""

    def __init__(self, flowables: list[Flowable], *, least: float):
        super().__init__(flowables)
        self.least = least

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # platypus names them
        if getattr(self, "_wrapInfo", None) != (availWidth, availHeight):
            self.wrap(availWidth, availHeight)
        frame = getattr(self, "_frame", None)
        page = frame._height if frame is not None else availHeight
        if self._H > page and availHeight >= self.least:
            first, *rest = self._content
            if first.wrap(availWidth, availHeight)[1] <= availHeight:
                return [first, *rest]
            return [*first.split(availWidth, availHeight), *rest]
        parts: list[Flowable] = super().split(availWidth, availHeight)
        return parts


@dataclass(frozen=True)
class Punctuality:
    """One agency's year (or the council's, summed) in counts of months."""

    on_time: int
    late: int
    missing: int
    exempt: int
    late_days: int  # summed over the late reports

    @classmethod
    def of(cls, cells: Sequence[MatrixCell]) -> Punctuality:
        late = [cell.late_days or 0 for cell in cells if cell.state is CellState.LATE]
        return cls(
            on_time=sum(1 for cell in cells if cell.state is CellState.ON_TIME),
            late=len(late),
            missing=sum(1 for cell in cells if cell.state is CellState.MISSING),
            exempt=sum(1 for cell in cells if cell.state is CellState.EXEMPT),
            late_days=sum(late),
        )

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.missing

    @property
    def average_late(self) -> str:
        """«۴٫۵» days, or «—» without a late report."""
        if not self.late:
            return wording.NONE
        return format_value(IndicatorKind.HOURS, round(self.late_days / self.late, 1))

    @property
    def on_time_rate(self) -> str:
        return percent_text(self.on_time / self.due) if self.due else wording.NONE


@dataclass(frozen=True)
class SummaryData:
    council: CouncilRecord
    year: int
    today: dt.date
    matrix: YearMatrix
    figures: YearFigures

    @property
    def whole(self) -> Punctuality:
        return Punctuality.of([cell for row in self.matrix.rows for cell in row.cells])

    def month_due(self, index: int) -> bool:
        return self.today > self.matrix.columns[index].due_date


def gather_summary(secretariat: Secretariat, year: int, run: ReportRun | None = None) -> SummaryData:
    run = run or ReportRun()
    today = clock.today()
    if year > jalali.jalali_year(today):
        raise DomainError(NOT_BEGUN.format(year=to_persian_digits(year)))
    council = council_of(secretariat)
    matrix = secretariat.monthly_matrix.year(MatrixQuery(year))
    if not matrix.rows:
        raise DomainError(NO_AGENCIES)
    run.advance(GATHERED / 2)
    figures = secretariat.monthly_figures.year(year)
    nothing_due = all(today <= column.due_date for column in matrix.columns)
    if nothing_due and not any(column.received for column in matrix.columns):
        raise DomainError(NOTHING_YET.format(year=to_persian_digits(year)))
    run.advance(GATHERED)
    return SummaryData(council, year, today, matrix, figures)


def render_monthly_summary(
    secretariat: Secretariat,
    year: int,
    *,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The yearly summary of the monthly reports of Jalali ``year`` as PDF bytes."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    return summary_pdf(gather_summary(secretariat, year, run), printed_on=printed_on, run=run)


def summary_pdf(
    data: SummaryData, *, printed_on: dt.date | None = None, run: ReportRun | None = None
) -> bytes:
    setup = PageSetup(
        council_name=data.council.name,
        title=DOCUMENT_TITLE.format(year=to_persian_digits(data.year), council=data.council.name),
        printed_on=printed_on or clock.today(),
    )
    return build_pdf(summary_story(data), setup, run, layout_from=GATHERED)


def summary_story(data: SummaryData) -> list[Flowable]:
    story: list[Flowable] = [
        Bookmarked(RtlParagraph(TITLE, styles.TITLE, balanced=True), TITLE),
        RtlParagraph(
            SUBTITLE.format(council=data.council.name, year=to_persian_digits(data.year)), styles.SUBTITLE
        ),
        RtlParagraph(
            AS_OF.format(today=jalali.format_short(data.today), day=to_persian_digits(data.matrix.due_day)),
            ParagraphStyle("monthly_as_of", parent=styles.SMALL_CENTER, spaceAfter=8),
        ),
        *_overview(data),
        *_section(0),
        RtlParagraph(PUNCTUALITY_KEY, KEY),
        _punctuality_table(data),
        # The matrix with its heading and key on one page when it fits on one.
        CondPageBreak(HEADING_ROOM),
        KeptIfItFits([_section(1)[-1], *_legend(), _matrix_table(data)], least=MATRIX_START),
        CondPageBreak(CHART_ROOM),
        *_section(2),
        *_charts(data),
    ]
    story += [CondPageBreak(200), *_section(3)]
    if data.figures.empty:
        story.append(RtlParagraph(NO_FIGURES, styles.BODY))
    else:
        story += [RtlParagraph(FIGURES_KEY, KEY), _figures_table(data), *_section(4)]
        story += [RtlParagraph(AGENCY_FIGURES_KEY, KEY), *_agency_figures(data)]
    return keep_headings_with_their_tables(story)


def _section(index: int) -> list[Flowable]:
    title = SECTION.format(number=to_persian_digits(index + 1), title=SECTIONS[index])
    return outlined_heading(heading(title, SECTION_HEADING), title)


def _percent(part: int, whole: int) -> str:
    return percent_text(part / whole) if whole else wording.NONE


# -- the overview ------------------------------------------------------------------------


def _overview(data: SummaryData) -> list[Flowable]:
    whole = data.whole
    cards = [
        (format_int(whole.due), CARD_DUE),
        (format_int(whole.on_time), CARD_ON_TIME.format(percent=_percent(whole.on_time, whole.due))),
        (format_int(whole.late), CARD_LATE.format(percent=_percent(whole.late, whole.due))),
        (format_int(whole.missing), CARD_MISSING.format(percent=_percent(whole.missing, whole.due))),
    ]
    text = SUMMARY.format(
        year=to_persian_digits(data.year),
        agencies=format_int(len(data.matrix.rows)),
        due=format_int(whole.due),
        on_time=format_int(whole.on_time),
        late=format_int(whole.late),
        missing=format_int(whole.missing),
        exempt=format_int(whole.exempt),
    )
    if whole.late:
        text += SUMMARY_LATE.format(days=whole.average_late)
    return [_cards(cards), Spacer(1, 8), RtlParagraph(text, styles.BODY)]


def _cards(cards: list[tuple[str, str]]) -> Table:
    row = [[RtlParagraph(number, CARD_NUMBER), RtlParagraph(label, CARD_LABEL)] for number, label in cards]
    width = CONTENT_WIDTH / len(cards)
    table = Table([list(reversed(row))], colWidths=[width] * len(cards), hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, styles.RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.6, colors.white),
                ("BACKGROUND", (0, 0), (-1, -1), styles.ZEBRA_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


# -- punctuality -----------------------------------------------------------------------------


def _punctuality_table(data: SummaryData) -> Table:
    columns = [
        Column(wording.ROW_NUMBER, 0.6, centered=True),
        Column(AGENCY, 3.6),
        Column(ON_TIME, 0.9, centered=True),
        Column(LATE, 0.9, centered=True),
        Column(MISSING, 0.9, centered=True),
        Column(EXEMPT, 0.8, centered=True),
        Column(AVERAGE_LATE, 1.2, centered=True),
        Column(ON_TIME_RATE, 1.0, centered=True),
    ]

    def figures(counts: Punctuality) -> list[str]:
        return [
            format_int(counts.on_time),
            format_int(counts.late),
            format_int(counts.missing),
            format_int(counts.exempt),
            counts.average_late,
            counts.on_time_rate,
        ]

    # Numbered here, not by ``rtl_table``: the totals row has no number.
    rows: list[list[Cell]] = [
        [format_int(number), row.agency, *figures(Punctuality.of(row.cells))]
        for number, row in enumerate(data.matrix.rows, start=1)
    ]
    rows.append(
        ["", Bookmarked(RtlParagraph(TOTAL, TOTAL_CELL), TOTAL)]
        + [RtlParagraph(value, TOTAL_NUMBER) for value in figures(data.whole)]
    )
    table = rtl_table(columns, rows, width=CONTENT_WIDTH, cell_style=CELL)
    _total_row(table)
    return table


def _total_row(table: Table) -> None:
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, -1), (-1, -1), styles.HEADER_FILL),
                ("LINEABOVE", (0, -1), (-1, -1), 0.9, styles.RULE),
                ("NOSPLIT", (0, -2), (-1, -1)),
            ]
        )
    )


# -- the matrix ------------------------------------------------------------------------------------


def mark(cell: MatrixCell) -> GridCell:
    """What a cell of the matrix shows: a tick, the days late, «×», «معاف», or nothing."""
    if cell.state is CellState.ON_TIME:
        return Tick()
    if cell.state is CellState.LATE:
        return RtlParagraph(format_int(cell.late_days or 0), MARK_LATE)
    if cell.state is CellState.MISSING:
        return RtlParagraph(MISSING_MARK, MARK_MISSING)
    if cell.state is CellState.EXEMPT:
        return RtlParagraph(EXEMPT, MARK_EXEMPT)
    return ""


def _matrix_row(row: MatrixRow) -> GridRow:
    return GridRow(
        name=row.agency,
        months=[mark(cell) for cell in row.cells],
        fills=[FILLS.get(cell.state) for cell in row.cells],
    )


def _matrix_table(data: SummaryData) -> Table:
    return month_grid(
        AGENCY, [_matrix_row(row) for row in data.matrix.rows], width=CONTENT_WIDTH, zebra=False
    )


def _legend() -> list[Flowable]:
    """The key of the matrix's marks, from the right: each mark on its tint, then what it means."""
    samples: list[tuple[GridCell, colors.Color | None, str]] = [
        (Tick(), FILLS[CellState.ON_TIME], ON_TIME),
        (RtlParagraph(format_int(4), MARK_LATE), FILLS[CellState.LATE], LATE_KEY),
        (RtlParagraph(MISSING_MARK, MARK_MISSING), FILLS[CellState.MISSING], MISSING),
        (RtlParagraph(EXEMPT, MARK_EXEMPT), FILLS[CellState.EXEMPT], EXEMPT),
        ("", None, NOT_DUE),
    ]
    row: list[Flowable | str] = []
    widths: list[float] = []
    label_style = ParagraphStyle("monthly_legend", parent=styles.SMALL, textColor=styles.INK)
    for sample, _fill, label in samples:
        row += [sample, RtlParagraph(label, label_style)]
        widths += [22.0, 8.0 + _width(label, label_style)]
    table = Table([list(reversed(row))], colWidths=list(reversed(widths)), hAlign="RIGHT")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    count = len(row)
    for index, (_sample, fill, _label) in enumerate(samples):
        at = count - 1 - 2 * index
        commands.append(("BOX", (at, 0), (at, 0), 0.4, styles.RULE))
        if fill is not None:
            commands.append(("BACKGROUND", (at, 0), (at, 0), fill))
    table.setStyle(TableStyle(commands))
    return [table, RtlParagraph(MATRIX_KEY, KEY)]


def _width(text: str, style: ParagraphStyle) -> float:
    return text_width(text, style.fontName, style.fontSize)


# -- the charts ---------------------------------------------------------------------------------------


def _charts(data: SummaryData) -> list[Flowable]:
    months = [
        StackedMonth(
            jalali.MONTHS[index],
            (column.on_time, column.late, column.missing)
            if column.on_time + column.late + column.missing
            else None,
        )
        for index, column in enumerate(data.matrix.columns)
    ]
    series = [
        Series(ON_TIME, ON_TIME_COLOR),
        Series(LATE, LATE_COLOR),
        Series(MISSING, MISSING_COLOR),
    ]
    story: list[Flowable] = [_chart(CHART_RECEIPT, stacked_month_bars(months, series, width=CONTENT_WIDTH))]
    for line in _main_indicators(data)[:TREND_CHARTS]:
        indicator = line.indicator
        bars = [
            MonthBar(
                jalali.MONTHS[index],
                value,
                format_value(indicator.kind, value) if value is not None else "",
            )
            for index, value in enumerate(line.months)
        ]
        template = CHART_TREND if indicator.unit else CHART_TREND_NO_UNIT
        title = template.format(indicator=indicator.name, unit=indicator.unit)
        story.append(_chart(title, month_bars(bars, width=CONTENT_WIDTH, height=160)))
    return story


def _main_indicators(data: SummaryData) -> list[IndicatorYear]:
    """The counted indicators (not yes/no) that have figures this year, in the council's order."""
    return [
        line
        for line in data.figures.council
        if line.indicator.kind is not IndicatorKind.YESNO and line.total is not None
    ]


def _chart(title: str, drawing: Flowable) -> Flowable:
    return KeepTogether([RtlParagraph(title, CHART_TITLE), drawing])


# -- the figures ---------------------------------------------------------------------------------------


def _indicator_name(indicator: IndicatorRecord) -> str:
    name = (
        INDICATOR_UNIT.format(name=indicator.name, unit=indicator.unit) if indicator.unit else indicator.name
    )
    return RETIRED.format(name=name) if indicator.retired else name


def figure_text(indicator: IndicatorRecord, value: float | None) -> str:
    """A total as printed: a yes/no total is a count of «بله»."""
    kind = IndicatorKind.COUNT if indicator.kind is IndicatorKind.YESNO else indicator.kind
    return format_value(kind, value)


def _figures_table(data: SummaryData) -> Table:
    rows = []
    for line in data.figures.council:
        months: list[GridCell] = [
            figure_text(line.indicator, value)
            if value is not None
            else (wording.NONE if data.month_due(i) else "")
            for i, value in enumerate(line.months)
        ]
        total = figure_text(line.indicator, line.total) if line.total is not None else wording.NONE
        rows.append(GridRow(name=_indicator_name(line.indicator), months=months, total=total))
    return month_grid(INDICATOR, rows, width=CONTENT_WIDTH, total_title=YEAR_TOTAL)


def _agency_figures(data: SummaryData) -> list[Flowable]:
    figures = data.figures
    lines = figures.council
    tables: list[Flowable] = []
    # As many tables as the indicators need, the indicators shared evenly between them.
    count = -(-len(lines) // INDICATORS_PER_TABLE)
    for index in range(count):
        part = lines[index * len(lines) // count : (index + 1) * len(lines) // count]
        columns = [Column(wording.ROW_NUMBER, 0.6, centered=True), Column(AGENCY, 2.4)]
        columns += [Column(_indicator_name(line.indicator), 1.3, centered=True) for line in part]
        rows: list[list[Cell]] = [
            [
                format_int(number),
                agency.agency,
                *(
                    figure_text(line.indicator, agency.totals.get(line.indicator.id)) or wording.NONE
                    for line in part
                ),
            ]
            for number, agency in enumerate(figures.agencies, start=1)
        ]
        rows.append(
            ["", RtlParagraph(TOTAL, TOTAL_CELL)]
            + [
                RtlParagraph(figure_text(line.indicator, line.total) or wording.NONE, TOTAL_NUMBER)
                for line in part
            ]
        )
        table = rtl_table(columns, rows, width=CONTENT_WIDTH, cell_style=CELL)
        _total_row(table)
        # The first follows its heading; a later one on one page when it fits on one.
        tables += [Spacer(1, 10), KeptIfItFits([table], least=TABLE_START)] if tables else [table]
    return tables
