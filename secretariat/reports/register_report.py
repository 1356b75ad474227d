"""The resolution register on paper (گزارش مصوبات), for any filter of the register.

The title, a line that names every filter in Persian (the agency and the
meeting by name), how many resolutions and in what order, then one table
(from the right: ردیف، کد، متن مصوبه، جلسه، مسئول اجرا، مهلت، وضعیت) with
the header on every page; an overdue resolution says «معوق (باز)» in red on
a tinted row. The totals at the end (how many, per status, how many
overdue) are counted by the database for the same filter, not from the
printed rows.

Rows are read in pages of ``PAGE_SIZE`` in the register's own order, so
that the progress bar moves and a cancel is seen between pages; while the
long table is laid out the progress follows the rows placed (``_Paced``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import NotFoundError
from secretariat.followup.register import RegisterService, RegisterSort, ResolutionQuery, ResolutionRow
from secretariat.followup.status import OVERDUE_LABEL, ResolutionStatus
from secretariat.persian import jalali
from secretariat.persian.text import format_int, normalize_line, to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.fonts import MEDIUM
from secretariat.reports.page import CONTENT_WIDTH, Bookmarked, PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph, text_width
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Cell, Column, rtl_table

# -- the words of this report -------------------------------------------------------
TITLE = "گزارش مصوبات"
FILTER_SEPARATOR = "؛ "
NO_FILTER = "همه مصوبات"
FILTER_STATUS = "وضعیت: {status}"
STILL_OPEN = "همه مصوبات باز"
FILTER_AGENCY = "دستگاه مسئول یا همکار: {agency}"
FILTER_MEETING = "جلسه: {title}، {date}"
FILTER_YEAR = "سال جلسات: {year}"
FILTER_MEETINGS_BETWEEN = "جلسات از {start} تا {end}"
FILTER_MEETINGS_FROM = "جلسات از {start} به بعد"
FILTER_MEETINGS_UNTIL = "جلسات تا {end}"
FILTER_DUE_WITHIN = "مهلت تا {days} روز آینده"
FILTER_CLOSED_BETWEEN = "بسته‌شده از {start} تا {end}"
FILTER_CLOSED_FROM = "بسته‌شده از {start} به بعد"
FILTER_CLOSED_UNTIL = "بسته‌شده تا {end}"
FILTER_SEARCH = "جستجو: «{text}»"
COUNT_AND_ORDER = "{count} مصوبه، به ترتیب {order} ({direction})"
SORT_NAMES = {
    RegisterSort.MEETING_DATE: "تاریخ جلسه",
    RegisterSort.CODE: "کد",
    RegisterSort.DUE_DATE: "مهلت",
    RegisterSort.STATUS: "وضعیت",
    RegisterSort.LEAD: "مسئول اجرا",
    RegisterSort.TEXT: "متن مصوبه",
}
DESCENDING = "نزولی"
ASCENDING = "صعودی"
CODE = "کد"
TEXT = "متن مصوبه"
MEETING = "جلسه"
LEAD = "مسئول اجرا"
DUE = "مهلت"
STATUS = "وضعیت"
OVERDUE_STATUS = "معوق ({status})"
NO_ROWS = "مصوبه‌ای با این پالایه‌ها پیدا نشد."
TOTALS = "جمع‌بندی"
TOTALS_COUNT = "تعداد"
TOTALS_SHARE = "سهم"
TOTALS_ALL = "همه مصوبات"
TOTALS_OVERDUE = "از این میان {count} مصوبه معوق است: مهلتش گذشته و هنوز باز یا در حال اجراست."
TOTALS_NO_OVERDUE = "هیچ‌یک از این مصوبات معوق نیست."
PERCENT = "{n}٪"

# -- the look of this report --------------------------------------------------------
# Smaller than the minutes' cells: a register of a year runs to thousands of rows.
CELL = ParagraphStyle("register_cell", parent=styles.CELL, fontSize=8.5, leading=14.5)
OVERDUE_CELL = ParagraphStyle(
    "register_overdue", parent=CELL, fontName=MEDIUM, alignment=1, textColor=styles.DRAFT_RED
)
STATUS_CELL = ParagraphStyle("register_status", parent=CELL, alignment=1)
TOTAL_CELL = ParagraphStyle("register_total", parent=styles.LABEL_CELL)
TOTAL_NUMBER = ParagraphStyle("register_total_number", parent=styles.LABEL_CELL, alignment=1)
OVERDUE_FILL = colors.HexColor("#f8e1de")  # an overdue row: a pale red, apart from the grey bands
TOTALS_WIDTH = 0.6 * CONTENT_WIDTH

PAGE_SIZE = 500  # rows read at a time
# The progress bar, as the time goes at 2,000 rows: reading them is quick,
# the table's cells are made, then laid out page by page, then the file is written.
READ = 0.1
MADE = 0.25
LAID_OUT = 0.9


@dataclass(frozen=True)
class RegisterTotals:
    """The database's counts for the filter: all, per status (in the lifecycle's order), overdue."""

    total: int
    by_status: tuple[tuple[ResolutionStatus, int], ...]
    overdue: int


@dataclass(frozen=True)
class RegisterData:
    council_name: str
    filter_text: str
    query: ResolutionQuery
    rows: tuple[ResolutionRow, ...]
    totals: RegisterTotals


def render_register(
    secretariat: Secretariat,
    query: ResolutionQuery,
    *,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The resolutions ``query`` selects, in its order, with their totals, as PDF bytes."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    return register_pdf(gather_register(secretariat, query, run), printed_on=printed_on, run=run)


def gather_register(
    secretariat: Secretariat, query: ResolutionQuery, run: ReportRun | None = None
) -> RegisterData:
    """The council, the filter in words, the rows in pages and the database's totals."""
    run = run or ReportRun()
    council = secretariat.council.get()
    if council is None:
        raise NotFoundError("هنوز شورایی ساخته نشده است.")
    register = secretariat.register
    filter_text = describe_filter(secretariat, query)
    total = register.count(query)
    run.advance(0.02)
    rows: list[ResolutionRow] = []
    while True:
        page = register.page(query, offset=len(rows), limit=PAGE_SIZE)
        rows += page
        run.advance(0.02 + (READ - 0.04) * min(1.0, len(rows) / max(1, total)))
        if len(page) < PAGE_SIZE:
            break
    totals = register_totals(register, query)
    run.advance(READ)
    return RegisterData(council.name, filter_text, query, tuple(rows), totals)


def register_totals(register: RegisterService, query: ResolutionQuery) -> RegisterTotals:
    """How many resolutions the filter selects, per status and overdue: counted by the database."""
    by_status = tuple((status, register.count(replace(query, status=status))) for status in ResolutionStatus)
    return RegisterTotals(
        total=register.count(query),
        by_status=by_status,
        overdue=register.count(replace(query, overdue=True)),
    )


def describe_filter(secretariat: Secretariat, query: ResolutionQuery) -> str:
    """Every filter of ``query`` that is set, in Persian, the agency and the meeting by name."""
    parts = []
    statuses = [query.status.label] if query.status is not None else []
    if query.still_open:
        statuses.append(STILL_OPEN)
    if query.overdue:
        statuses.append(OVERDUE_LABEL)
    if statuses:
        parts.append(FILTER_STATUS.format(status=wording.LIST_SEPARATOR.join(statuses)))
    if query.agency_id is not None:
        parts.append(FILTER_AGENCY.format(agency=secretariat.agencies.get(query.agency_id).name))
    if query.meeting_id is not None:
        meeting = secretariat.meetings.get(query.meeting_id)
        parts.append(FILTER_MEETING.format(title=meeting.title, date=jalali.format_short(meeting.date)))
    if query.jalali_year is not None:
        parts.append(FILTER_YEAR.format(year=to_persian_digits(query.jalali_year)))
    parts += _range(
        query.meeting_from,
        query.meeting_to,
        FILTER_MEETINGS_BETWEEN,
        FILTER_MEETINGS_FROM,
        FILTER_MEETINGS_UNTIL,
    )
    if query.due_within_days is not None:
        parts.append(FILTER_DUE_WITHIN.format(days=format_int(query.due_within_days)))
    parts += _range(
        query.closed_from, query.closed_to, FILTER_CLOSED_BETWEEN, FILTER_CLOSED_FROM, FILTER_CLOSED_UNTIL
    )
    # The search as the register stores text (ي and ك made ی and ک, spaces tidied), not as typed.
    search = normalize_line(query.search)
    if search:
        parts.append(FILTER_SEARCH.format(text=search))
    return FILTER_SEPARATOR.join(parts) or NO_FILTER


def _range(start: dt.date | None, end: dt.date | None, between: str, since: str, until: str) -> list[str]:
    if start is not None and end is not None:
        return [between.format(start=jalali.format_short(start), end=jalali.format_short(end))]
    if start is not None:
        return [since.format(start=jalali.format_short(start))]
    if end is not None:
        return [until.format(end=jalali.format_short(end))]
    return []


def register_pdf(
    data: RegisterData, *, printed_on: dt.date | None = None, run: ReportRun | None = None
) -> bytes:
    """The register report of ``data`` as PDF bytes."""
    run = run or ReportRun()
    printed_on = printed_on or clock.today()
    setup = PageSetup(council_name=data.council_name, title=TITLE, printed_on=printed_on)
    story = register_story(data, run)
    run.advance(MADE)
    # The layout's progress is the table's, page by page (``_Paced``), which
    # also checks for a cancel: platypus counts whole flowables, and the three
    # short ones above the table would move the bar most of the way at once.
    pdf = build_pdf(story, setup)
    run.advance(1.0)
    return pdf


def _unbroken_parts(filter_text: str) -> str:
    """The filter line breaking only between its parts («...؛ دستگاه: شهرداری پردیس؛ ...»),
    not inside an agency's name or a date range, unless a part is longer than a line."""
    style = styles.SUBTITLE
    parts = [
        part.replace(" ", "\u00a0")
        if text_width(part, style.fontName, style.fontSize) < CONTENT_WIDTH
        else part
        for part in filter_text.split(FILTER_SEPARATOR)
    ]
    return FILTER_SEPARATOR.join(parts)


def register_story(data: RegisterData, run: ReportRun | None = None) -> list[Flowable]:
    run = run or ReportRun()
    query = data.query
    order = COUNT_AND_ORDER.format(
        count=format_int(len(data.rows)),
        order=SORT_NAMES[query.sort],
        direction=DESCENDING if query.descending else ASCENDING,
    )
    story: list[Flowable] = [
        RtlParagraph(TITLE, styles.TITLE, balanced=True),
        RtlParagraph(_unbroken_parts(data.filter_text), styles.SUBTITLE, balanced=True),
        RtlParagraph(order, styles.NOTE),
    ]
    if data.rows:
        story.append(
            _Paced(
                _rows_table(data.rows, query.sort),
                len(data.rows),
                lambda done: run.advance(MADE + (LAID_OUT - MADE) * done / len(data.rows)),
            )
        )
    else:
        story.append(RtlParagraph(NO_ROWS, styles.BODY))
    story += _totals(data.totals)
    return story


def status_text(row: ResolutionRow) -> str:
    """«انجام‌شده», or «معوق (باز)» once the deadline has passed (as on screen)."""
    if row.overdue:
        # No-break spaces keep «(در حال اجرا)» whole when the cell wraps after «معوق».
        return OVERDUE_STATUS.format(status=row.status.label.replace(" ", "\u00a0"))
    return row.status.label


def outline_group(row: ResolutionRow, sort: RegisterSort) -> str:
    """The bookmark a row falls under, by the order of the report: its meeting, its
    responsible agency, its status or the month of its deadline (none by text)."""
    if sort in (RegisterSort.MEETING_DATE, RegisterSort.CODE):
        return f"{row.meeting_title} ({jalali.format_short(row.meeting_date)})"
    if sort is RegisterSort.LEAD:
        return row.lead_agency_name or wording.NONE
    if sort is RegisterSort.STATUS:
        return row.status.label
    if sort is RegisterSort.DUE_DATE:
        if row.due_date is None:
            return row.due_text or wording.NONE
        month = jalali.to_jalali(row.due_date)
        return jalali.format_month(month.year, month.month)
    return ""


def _rows_table(rows: tuple[ResolutionRow, ...], sort: RegisterSort = RegisterSort.MEETING_DATE) -> Table:
    columns = [
        Column(CODE, 1.35, centered=True),
        Column(TEXT, 4.6),
        Column(MEETING, 1.95),
        Column(LEAD, 1.85),
        Column(DUE, 1.15, centered=True),
        Column(STATUS, 1.6, centered=True),
    ]
    body = []
    group = ""
    for row in rows:
        status: Flowable = RtlParagraph(status_text(row), OVERDUE_CELL if row.overdue else STATUS_CELL)
        if outline_group(row, sort) != group:  # the first row of a group is bookmarked
            group = outline_group(row, sort)
            status = Bookmarked(status, group)
        meeting = f"{row.meeting_title}\n{jalali.format_short(row.meeting_date)}"
        # The text as a paragraph already: its words need not be measured for the column's least width.
        body.append(
            [
                row.display_code,
                RtlParagraph(row.text, CELL),
                meeting,
                row.lead_agency_name or wording.NONE,
                row.due_text,
                status,
            ]
        )
    table = rtl_table(columns, body, width=CONTENT_WIDTH, numbered=True, cell_style=CELL)
    overdue = [index for index, row in enumerate(rows, start=1) if row.overdue]
    if overdue:
        table.setStyle(TableStyle([("BACKGROUND", (0, i), (-1, i), OVERDUE_FILL) for i in overdue]))
    return table


def _share(count: int, total: int) -> str:
    """«۳۷٪»: rounded half up (``round`` would take 12.5 to 12), as the attendance report does."""
    return (
        PERCENT.format(n=to_persian_digits((200 * count + total) // (2 * total))) if total else wording.NONE
    )


def _totals(totals: RegisterTotals) -> list[Flowable]:
    rows: list[list[Cell]] = [
        [status.label, format_int(count), _share(count, totals.total)]
        for status, count in totals.by_status
        if count
    ]
    rows.append(
        [
            RtlParagraph(TOTALS_ALL, TOTAL_CELL),
            RtlParagraph(format_int(totals.total), TOTAL_NUMBER),
            RtlParagraph(_share(totals.total, totals.total), TOTAL_NUMBER),
        ]
    )
    table = rtl_table(
        [
            Column(STATUS, 2.4),
            Column(TOTALS_COUNT, 1.0, centered=True),
            Column(TOTALS_SHARE, 1.0, centered=True),
        ],
        rows,
        width=TOTALS_WIDTH,
        zebra=False,
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, -1), (-1, -1), styles.HEADER_FILL),
                ("LINEABOVE", (0, -1), (-1, -1), 0.9, styles.RULE),
            ]
        )
    )
    table.hAlign = "RIGHT"
    overdue = TOTALS_OVERDUE.format(count=format_int(totals.overdue)) if totals.overdue else TOTALS_NO_OVERDUE
    # Together on one page: the overdue line is not left alone at the top of a last page.
    return [
        KeepTogether(
            [RtlParagraph(TOTALS, styles.HEADING), table, Spacer(1, 4), RtlParagraph(overdue, styles.NOTE)]
        )
    ]


class _Paced(Flowable):
    """A long table that says, at every page break, how many of its rows are placed.

    platypus reports progress per flowable, and the register is one
    flowable of a hundred pages: this wrapper passes each split on to the
    table and calls ``on_rows(rows placed)``, which also checks for a cancel.
    """

    def __init__(self, table: Table, rows: int, on_rows: Callable[[int], None]):
        super().__init__()
        self.table = table
        self.rows = rows
        self.on_rows = on_rows
        self.hAlign = table.hAlign

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        self.width, self.height = self.table.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = self.table.split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        head, tail = parts
        self.on_rows(self.rows - (tail._nrows - tail.repeatRows))
        return [head, _Paced(tail, self.rows, self.on_rows)]

    def getSpaceBefore(self) -> float:
        space: float = self.table.getSpaceBefore()
        return space

    def getSpaceAfter(self) -> float:
        space: float = self.table.getSpaceAfter()
        return space

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, 0)
