"""The member agencies' attendance over a period (گزارش حضور و غیاب دستگاه‌ها).

For the meetings held in the period (held or finalized; planned, postponed
and cancelled meetings took no attendance): how many meetings were held,
the overall attendance rate, and a table of every member agency invited to
them (from the right: ردیف، دستگاه، دعوت، حاضر، غایب، غیبت موجه، نرخ حضور),
worst first, with a totals row. A late member counts as present, as for the
quorum, and a note says so. The figures are the database's
(``AttendanceService.rates``: one grouped query).

Percentages are printed as the screen shows them, «۸۵٪» with the sign on
the right of the number, in a cell and in a sentence alike (``bidi``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import DomainError, NotFoundError
from secretariat.meetings.attendance import AgencyAttendance, check_period
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from secretariat.reports import styles, wording
from secretariat.reports.page import CONTENT_WIDTH, Bookmarked, PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Cell, Column, rtl_table

# -- the words of this report -------------------------------------------------------
TITLE = "گزارش حضور و غیاب دستگاه‌ها"
PERIOD = "از {start} تا {end}"
SUMMARY = (
    "در این دوره {meetings} جلسه برگزار شد و {agencies} دستگاه عضو به آن‌ها دعوت شدند؛ نرخ کلی حضور: {rate}"
)
AGENCY = "دستگاه"
INVITED = "دعوت"
PRESENT = "حاضر"
ABSENT = "غایب"
EXCUSED = "غیبت موجه"
UNRECORDED = "ثبت‌نشده"
RATE = "نرخ حضور"
TOTAL = "جمع"
# The key, under the summary: what the figures count, and the order.
KEY = (
    "حاضر: با حضور با تأخیر ({late} بار)؛ نرخ حضور: حاضر بخش بر دعوت؛ "
    "ترتیب: از کمترین نرخ حضور، با نرخ برابر غیبت بیشتر نخست."
)
UNRECORDED_NOTE = "حضور و غیاب {count} دعوت ثبت نشده است؛ این دعوت‌ها حاضر شمرده نشده‌اند."
NO_MEETING_HELD = "از {start} تا {end} جلسه‌ای برگزار نشده است؛ دوره دیگری را برگزینید."
PERCENT = "{n}٪"

# -- the look of this report --------------------------------------------------------
# A little tighter than the minutes' cells: a county's 20-30 agencies on one page.
CELL = ParagraphStyle("attendance_cell", parent=styles.CELL, fontSize=9, leading=14.5)
TOTAL_CELL = ParagraphStyle("attendance_total", parent=CELL, fontName=styles.LABEL_CELL.fontName)
TOTAL_NUMBER = ParagraphStyle("attendance_total_number", parent=TOTAL_CELL, alignment=1)
KEY_STYLE = ParagraphStyle("attendance_key", parent=styles.SMALL, spaceAfter=6)
GATHERED = 0.3  # the share of the progress bar for reading the figures


@dataclass(frozen=True)
class AttendanceData:
    council_name: str
    start: dt.date
    end: dt.date
    meetings: int
    agencies: tuple[AgencyAttendance, ...]

    @property
    def invited(self) -> int:
        return sum(agency.invited for agency in self.agencies)

    @property
    def present(self) -> int:
        return sum(agency.present for agency in self.agencies)


def percent(part: int, whole: int) -> str:
    """«۸۵٪»: ``part`` of ``whole`` rounded half up to a whole percent, in Persian digits."""
    if not whole:
        return "—"
    return PERCENT.format(n=format_int((200 * part + whole) // (2 * whole)))


def render_attendance(
    secretariat: Secretariat,
    start: dt.date,
    end: dt.date,
    *,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The attendance of the member agencies at the meetings held from ``start`` to ``end``, as PDF bytes."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    return attendance_pdf(gather_attendance(secretariat, start, end, run), printed_on=printed_on, run=run)


def gather_attendance(
    secretariat: Secretariat, start: dt.date, end: dt.date, run: ReportRun | None = None
) -> AttendanceData:
    """The figures of the period.

    A period that ends before it starts, or without a meeting held, is refused.
    """
    run = run or ReportRun()
    check_period(start, end)
    council = secretariat.council.get()
    if council is None:
        raise NotFoundError("هنوز شورایی ساخته نشده است.")
    attendance = secretariat.attendance
    meetings = attendance.meetings_held(start, end)
    if not meetings:
        raise DomainError(
            NO_MEETING_HELD.format(start=jalali.format_short(start), end=jalali.format_short(end))
        )
    run.advance(GATHERED / 3)
    agencies = attendance.rates(start, end)
    run.advance(GATHERED)
    return AttendanceData(council.name, start, end, meetings, agencies)


def attendance_pdf(
    data: AttendanceData, *, printed_on: dt.date | None = None, run: ReportRun | None = None
) -> bytes:
    """The attendance report of ``data`` as PDF bytes."""
    setup = PageSetup(council_name=data.council_name, title=TITLE, printed_on=printed_on or clock.today())
    return build_pdf(attendance_story(data), setup, run, layout_from=GATHERED)


def attendance_story(data: AttendanceData) -> list[Flowable]:
    period = PERIOD.format(start=jalali.format_short(data.start), end=jalali.format_short(data.end))
    summary = SUMMARY.format(
        meetings=format_int(data.meetings),
        agencies=format_int(len(data.agencies)),
        rate=percent(data.present, data.invited),
    )
    late = sum(agency.late for agency in data.agencies)
    unrecorded = sum(agency.unrecorded for agency in data.agencies)
    key = KEY.format(late=format_int(late))
    if unrecorded:
        key += " " + UNRECORDED_NOTE.format(count=format_int(unrecorded))
    # The key comes before the table, so that the report ends with its totals
    # and no note is left alone on a last page.
    # Bookmarks: the summary, and the totals at the end of a table of pages.
    return [
        Bookmarked(RtlParagraph(TITLE, styles.TITLE, balanced=True), TITLE),
        RtlParagraph(period, styles.SUBTITLE),
        RtlParagraph(summary, styles.BODY),
        RtlParagraph(key, KEY_STYLE),
        _table(data, show_unrecorded=unrecorded > 0),
    ]


def _table(data: AttendanceData, *, show_unrecorded: bool) -> Table:
    # «غیبت موجه» and «ثبت‌نشده» stay on one line in their headers.
    columns = [
        Column(wording.ROW_NUMBER, 0.6, centered=True),
        Column(AGENCY, 3.8),
        Column(INVITED, 0.9, centered=True),
        Column(PRESENT, 0.9, centered=True),
        Column(ABSENT, 0.9, centered=True),
        Column(EXCUSED, 1.25, centered=True),
    ]
    if show_unrecorded:
        columns.append(Column(UNRECORDED, 1.1, centered=True))
    columns.append(Column(RATE, 1.1, centered=True))

    def figures(agency: AgencyAttendance) -> list[int]:
        numbers = [agency.invited, agency.present, agency.absent, agency.excused]
        return numbers + [agency.unrecorded] if show_unrecorded else numbers

    rows: list[list[Cell]] = [
        [
            format_int(number),
            agency.agency_name,
            *map(format_int, figures(agency)),
            percent(agency.present, agency.invited),
        ]
        for number, agency in enumerate(data.agencies, start=1)
    ]
    # The totals row has no number: it is not an agency.
    sums = [sum(column) for column in zip(*map(figures, data.agencies), strict=True)]
    rows.append(
        [
            "",
            Bookmarked(RtlParagraph(TOTAL, TOTAL_CELL), TOTAL),
            *(RtlParagraph(format_int(n), TOTAL_NUMBER) for n in sums),
            RtlParagraph(percent(data.present, data.invited), TOTAL_NUMBER),
        ]
    )
    table = rtl_table(columns, rows, width=CONTENT_WIDTH, cell_style=CELL)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, -1), (-1, -1), styles.HEADER_FILL),
                ("LINEABOVE", (0, -1), (-1, -1), 0.9, styles.RULE),
                # The totals never start a page alone: the last agency goes over with them.
                ("NOSPLIT", (0, -2), (-1, -1)),
            ]
        )
    )
    return table
