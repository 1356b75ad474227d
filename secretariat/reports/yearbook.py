"""The yearly report (کارنامه سالانه) that goes into the yearly archive.

For one Jalali year, in this order:

1. the cover: the emblem, the council, «کارنامه سالانه دبیرخانه شورای
   هماهنگی روابط عمومی», «سال ۱۴۰۴», the city, the secretary, the print date;
2. the contents (فهرست مطالب), with the page of every section and of every
   meeting's resolutions (drawn in one pass: see ``yearbook_flowables``);
3. the year in figures: meetings held by kind, resolutions by status at
   print time, overdue, the completion and the attendance rates;
4. the charts: resolutions and meetings of each month, the resolutions'
   status, the completion rate of the agencies with the most resolutions,
   the agencies with the lowest attendance;
5. the meetings held: date, host and venue, attendance, quorum, number of
   resolutions, whether the minutes are finalized or signed; the meetings
   cancelled or still to come under it;
6. every resolution of the year, meeting by meeting: code, text in force,
   lead and collaborators, deadline and its changes, final status with its
   evidence, reason or referral, and the follow-up history;
7. each agency's attendance (worst first) and each agency's resolutions as
   lead or collaborator (worst first).

The cover counts as page 1 without showing it; every later page has the
running head and «صفحه ۲ از ۵». The data is read by ``yearbook_data``; the
charts are ``yearbook_charts``. Progress moves section by section (and
meeting by meeting through the resolutions, most of the time), and a cancel
is seen between any two of them and at every page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.followup.history import FollowUpEntry
from secretariat.followup.status import OVERDUE_LABEL, ResolutionStatus
from secretariat.meetings.attendance import AgencyAttendance
from secretariat.meetings.deadline import deadline_text
from secretariat.meetings.kinds import MeetingStatus, display_code
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.fonts import BOLD, MEDIUM, REGULAR
from secretariat.reports.page import CONTENT_WIDTH, PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph, text_width
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Cell, Column, rtl_table
from secretariat.reports.yearbook_charts import (
    MonthBar,
    RateBar,
    Share,
    month_bars,
    percent_text,
    rate_bars,
    share_pie,
)
from secretariat.reports.yearbook_data import HeldMeeting, YearbookData, YearResolution, gather_yearbook
from secretariat.reports.yearbook_flowables import (
    CELL_GAP,
    ContentsEntry,
    Cover,
    CoverPage,
    Entry,
    Marked,
    PageBook,
    ResolutionTable,
    Row,
    TableColumns,
    Text,
    column_edges,
    lay_row,
)

# The year's resolutions grouped by meeting: (meeting id, its resolutions), in order.
MeetingGroups = list[tuple[int, list[YearResolution]]]

# -- the words of this report -------------------------------------------------------
TITLE = "کارنامه سالانه"
DOCUMENT_TITLE = "کارنامه سالانه {year}؛ {council}"
COVER_SUBTITLE = "دبیرخانه شورای هماهنگی روابط عمومی"
COVER_YEAR = "سال {year}"
COVER_PERIOD = "از {start} تا {end}"
COVER_CITY = "شهر: {city}"
COVER_SECRETARY = "دبیر شورا: {name}"
CONTENTS = "فهرست مطالب"
SECTION = "{number}. {title}"
SUMMARY = "سال در یک نگاه"
CHARTS = "نمودارها"
MEETINGS = "جلسات برگزارشده"
RESOLUTIONS = "مصوبات سال و سابقه پیگیری آن‌ها"
ATTENDANCE = "آمار حضور و غیاب دستگاه‌ها"
COMPLETION = "آمار اجرای مصوبات به تفکیک دستگاه"
SECTIONS = (SUMMARY, CHARTS, MEETINGS, RESOLUTIONS, ATTENDANCE, COMPLETION)

# The summary.
CARD_MEETINGS = "جلسه برگزارشده"
CARD_RESOLUTIONS = "مصوبه تصویب‌شده"
CARD_COMPLETION = "نرخ انجام مصوبات"
CARD_ATTENDANCE = "میانگین نرخ حضور"
CARD_DONE = "مصوبه انجام‌شده"
CARD_OPEN = "مصوبه هنوز در جریان"
CARD_OVERDUE = "مصوبه معوق"
CARD_FOLLOWUPS = "پیگیری ثبت‌شده"
SUMMARY_TEXT = (
    "در سال {year}، {meetings} جلسه برگزار شد ({kinds}) و {resolutions} مصوبه به تصویب رسید. تا تاریخ چاپ "
    "این کارنامه {done} مصوبه انجام شده، {in_progress} مصوبه در حال اجرا، {open} مصوبه باز، {deferred} مصوبه "
    "به جلسه بعد ارجاع شده و {cancelled} مصوبه لغو شده است؛ {overdue} مصوبه معوق است. برای این مصوبات "
    "{followups} پیگیری ثبت شد و مهلت {changes} بار تغییر کرد."
)
NOTHING_HELD = "در سال {year} جلسه‌ای برگزار نشده و مصوبه‌ای ثبت نشده است."
NO_MEETING_HELD = "در این سال جلسه‌ای برگزار نشده است."
NO_RESOLUTION = "در این سال مصوبه‌ای ثبت نشده است."
NO_STATISTICS = "آماری برای این سال نیست: جلسه یا مصوبه‌ای ثبت نشده است."
KIND_COUNT = "{count} {kind}"
NOT_HELD_BESIDES = "افزون بر این‌ها، {text}."
NOT_HELD_ALONE = "{text}."
NOT_HELD_CANCELLED = "{count} جلسه لغو شد"
NOT_HELD_UPCOMING = "{count} جلسه برنامه‌ریزی‌شده هنوز برگزار نشده است"
NOT_HELD_AND = " و "
KIND = "نوع جلسه"
HELD = "برگزارشده"
RESOLUTION_COUNT = "مصوبه"
STATUS = "وضعیت مصوبه"
COUNT = "تعداد"
SHARE = "سهم"
ALL_RESOLUTIONS = "همه مصوبات"
OVERDUE_ROW = "از این میان معوق"
SUMMARY_KEY = (
    "نرخ انجام: مصوبات انجام‌شده بخش بر همه مصوبات جز لغوشده‌ها. معوق: باز یا در حال اجرا و گذشته از مهلت. "
    "میانگین نرخ حضور: حاضران (با حضور با تأخیر) بخش بر دستگاه‌های عضو دعوت‌شده به همه جلسات برگزارشده، "
    "بی مهمانان. وضعیت مصوبات همان است که هنگام چاپ ثبت شده است."
)

# The charts.
CHART_MONTHS = "مصوبات هر ماه (عدد روی ستون) و جلسات برگزارشده در آن ماه (زیر نام ماه)"
CHART_STATUS = "وضعیت مصوبات سال"
CHART_COMPLETION = "نرخ انجام مصوبات {count} دستگاهی که بیشترین مصوبه را داشتند (مسئول اجرا یا همکار)"
CHART_ATTENDANCE = "{count} دستگاه با کمترین نرخ حضور در جلسات سال"
MONTH_MEETINGS = "{count} جلسه"
OUT_OF = "({part} از {whole})"
TOTAL_LABEL = "جمع: {count} مصوبه"
CHART_AGENCIES = 10

# The meetings.
MEETING = "جلسه"
DATE = "تاریخ"
HOST = "میزبان و محل"
INVITED = "دعوت"
PRESENT = "حاضر"
ABSENT = "غایب"
EXCUSED = "موجه"
QUORUM = "حد نصاب"
QUORUM_MET = "فراهم"
QUORUM_NOT_MET = "فراهم نبود"
MINUTES = "صورتجلسه"
MINUTES_SIGNED = "امضاشده"
MINUTES_FINAL = "نهایی"
MINUTES_DRAFT = "پیش‌نویس"
TOTAL = "جمع"
MEETINGS_KEY = (
    "حاضر: با حضور با تأخیر؛ دعوت، حاضر، غایب و موجه: دستگاه‌های عضو، بی مهمانان؛ حد نصاب بر پایه قاعده شورا."
)
UNRECORDED_NOTE = "حضور و غیاب {count} دعوت ثبت نشده است؛ این دعوت‌ها حاضر شمرده نشده‌اند."
CANCELLED_MEETING = "{title}، {date}، لغو شد: {reason}"
UPCOMING_MEETING = "{title}، {date}: {status}"
NOT_HELD_HEADING = "جلسات برگزارنشده"

# The resolutions.
RESOLUTIONS_KEY = (
    "مصوبات به ترتیب جلسات و شماره؛ هر ردیف از راست: شناسه و وضعیت پایانی، متن مصوبه با دستگاه مسئول "
    "و همکاران، مهلت و تغییرهای آن و سرانجام مصوبه، و سابقه پیگیری (تاریخ، پیشرفتی که دستگاه گزارش کرده، نوع "
    "و شرح). ردیف‌های معوق با زمینه سرخ کم‌رنگ آمده‌اند."
)
COLUMN_CODE = "شناسه"
COLUMN_TEXT = "مصوبه، مسئولان، مهلت و سرانجام"
COLUMN_HISTORY = "سابقه پیگیری: تاریخ، پیشرفت، شرح"
MEETING_HEADING = "{title}، {date}"
MEETING_SUBTITLE = "{count} مصوبه"
MEETING_PLACE = "؛ {place}"
CONTINUED = "{title}، {date} (ادامه)"
NO_RESOLUTIONS = "در این جلسه مصوبه‌ای ثبت نشد."
LEAD = "مسئول اجرا: {name}"
COLLABORATORS = "همکاران: {names}"
DEADLINE = "مهلت: {due}"
DEADLINE_CHANGED = "در {on} به {due} تغییر کرد ({reason})"
DEADLINE_AMENDED = "با اصلاحیه {on} به {due} تغییر کرد ({reason})"
TEXT_AMENDED = "متن بالا متن اصلاح‌شده در {on} است."
DONE_ON = "انجام شد در {date}؛ مستند: {evidence}"
CANCELLED_ON = "لغو شد در {date}؛ دلیل: {reason}"
DEFERRED_TO = "ارجاع به {title} ({date})"
DEFERRED_NOTE = "؛ {note}"
REOPENED = "بازگشایی شد؛ دلیل: {reason}"
OVERDUE_DAYS = "{label}؛ {days} روز"
LAST_PROGRESS = "آخرین پیشرفت گزارش‌شده: {percent}"
NO_FOLLOWUP = "پیگیری‌ای ثبت نشده است."
FOLLOWUP = "{kind}: {note}"

# The statistics.
AGENCY = "دستگاه"
RATE = "نرخ حضور"
UNRECORDED = "ثبت‌نشده"
ATTENDANCE_KEY = (
    "دستگاه‌های عضو دعوت‌شده به جلسات برگزارشده سال، از کمترین نرخ حضور؛ با نرخ برابر، "
    "غیبت بیشتر نخست. حاضر: با حضور با تأخیر."
)
COMPLETION_ALL = "مصوبات"
COMPLETION_LEAD = "مسئول اجرا"
COMPLETION_DONE = "انجام‌شده"
COMPLETION_OVERDUE = "معوق"
COMPLETION_CANCELLED = "لغوشده"
COMPLETION_RATE = "نرخ انجام"
COMPLETION_KEY = (
    "هر دستگاه با مصوباتی که مسئول اجرا یا همکار آن است؛ نرخ انجام: انجام‌شده بخش بر مصوبات "
    "جز لغوشده‌ها؛ از کمترین نرخ انجام، با نرخ برابر معوق بیشتر نخست."
)

# -- the look of this report --------------------------------------------------------
SECTION_HEADING = ParagraphStyle(
    "yearbook_section", parent=styles.HEADING, fontSize=14, leading=26, spaceBefore=0, spaceAfter=8
)
CONTENTS_TITLE = ParagraphStyle(
    "yearbook_contents", parent=styles.TITLE, fontSize=17, leading=32, spaceAfter=16
)
CONTENTS_SECTION = ParagraphStyle(
    "yearbook_contents_section", parent=styles.BODY, fontName=MEDIUM, fontSize=11, leading=24
)
CONTENTS_MEETING = ParagraphStyle(
    "yearbook_contents_meeting", parent=styles.BODY, fontSize=9, leading=15.5, textColor=styles.INK
)
CHART_TITLE = ParagraphStyle(
    "yearbook_chart_title",
    parent=styles.BODY,
    fontName=MEDIUM,
    fontSize=10,
    leading=18,
    textColor=styles.ACCENT,
    spaceBefore=10,
    spaceAfter=4,
)
CARD_NUMBER = ParagraphStyle(
    "yearbook_card_number",
    parent=styles.BODY,
    fontName=BOLD,
    fontSize=17,
    leading=28,
    alignment=1,
    textColor=styles.ACCENT,
    spaceAfter=0,
)
CARD_LABEL = ParagraphStyle("yearbook_card_label", parent=styles.SMALL, alignment=1, textColor=styles.INK)
KEY = ParagraphStyle("yearbook_key", parent=styles.SMALL, spaceBefore=4, spaceAfter=6)
CELL = ParagraphStyle("yearbook_cell", parent=styles.CELL, fontSize=8, leading=13.5)
TOTAL_CELL = ParagraphStyle("yearbook_total", parent=CELL, fontName=MEDIUM)
TOTAL_NUMBER = ParagraphStyle("yearbook_total_number", parent=TOTAL_CELL, alignment=1)
OVERDUE_FILL = colors.HexColor("#fbe9e7")
STATUS_COLORS = {
    ResolutionStatus.DONE: colors.HexColor("#2f6b3f"),
    ResolutionStatus.IN_PROGRESS: colors.HexColor("#3d6a85"),
    ResolutionStatus.OPEN: colors.HexColor("#8a6d1f"),
    ResolutionStatus.DEFERRED: colors.HexColor("#7a5c99"),
    ResolutionStatus.CANCELLED: colors.HexColor("#8d99a3"),
}
TEXT_SIZE = 8.0
DETAIL_SIZE = 7.5

# The progress bar: reading, then the layout section by section; the
# resolutions take most of the time, row by row.
GATHERED = 0.1
STORY_MADE = 0.12
RESOLUTIONS_FROM = 0.25
RESOLUTIONS_TO = 0.85
STATISTICS_FROM = 0.88


def render_yearbook(
    secretariat: Secretariat,
    year: int,
    *,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    archived_at: dt.datetime | None = None,
) -> bytes:
    """The yearly report of Jalali ``year`` as PDF bytes; a year without any meeting is refused.

    ``archived_at``: printed for the yearly archive made at that time, as PDF/A-2b.
    """
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    data = gather_yearbook(secretariat, year, run, share=GATHERED)
    return yearbook_pdf(data, printed_on=printed_on, run=run, cancelled=cancelled, archived_at=archived_at)


def yearbook_pdf(
    data: YearbookData,
    *,
    printed_on: dt.date | None = None,
    run: ReportRun | None = None,
    cancelled: CancelCheck | None = None,
    archived_at: dt.datetime | None = None,
) -> bytes:
    run = run or ReportRun()
    printed_on = printed_on or clock.today()
    book = PageBook()
    story = yearbook_story(data, printed_on, book, run)
    run.advance(STORY_MADE)
    setup = PageSetup(
        council_name=data.council.name,
        printed_on=printed_on,
        cover=True,
        title=DOCUMENT_TITLE.format(year=to_persian_digits(data.year), council=data.council.name),
        created_at=archived_at,
        archival=archived_at is not None,
    )
    # The layout's progress is the story's own (``_Progress`` and the tables'
    # rows); platypus's run only checks for a cancel at every flowable and page.
    pdf = build_pdf(story, setup, ReportRun(cancelled=cancelled))
    run.advance(1.0)
    return pdf


class _Progress(Flowable):
    """Takes no room; when placed, the progress moves to ``fraction`` (and a cancel is seen)."""

    _ZEROSIZE = True

    def __init__(self, run: ReportRun, fraction: float):
        super().__init__()
        self.run = run
        self.fraction = fraction
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        return 0.0, 0.0

    def draw(self) -> None:
        self.run.advance(self.fraction)


def yearbook_story(data: YearbookData, printed_on: dt.date, book: PageBook, run: ReportRun) -> list[Flowable]:
    groups = data.resolutions_by_meeting()
    story: list[Flowable] = [CoverPage(_cover(data, printed_on)), PageBreak()]
    story += _contents(data, groups, book)
    story += [PageBreak(), *_section(0, book), *_summary(data), _Progress(run, 0.16)]
    # The charts go on under the figures (the month chart fits below them).
    story += [CondPageBreak(260), *_section(1, book), *_charts(data), _Progress(run, 0.2)]
    story += [PageBreak(), *_section(2, book), *_meetings(data), _Progress(run, RESOLUTIONS_FROM)]
    story += [PageBreak(), *_section(3, book), RtlParagraph(RESOLUTIONS_KEY, KEY)]
    story += _resolutions(data, groups, book, run)
    story += [_Progress(run, STATISTICS_FROM), PageBreak(), *_section(4, book), *_attendance(data)]
    story += [_Progress(run, 0.93), PageBreak(), *_section(5, book), *_completion(data), _Progress(run, 0.97)]
    return story


def _section_title(index: int) -> str:
    return SECTION.format(number=to_persian_digits(index + 1), title=SECTIONS[index])


def _section(index: int, book: PageBook) -> list[Flowable]:
    return [Marked(_section_title(index), SECTION_HEADING, key=f"section-{index}", book=book)]


def _percent(part: int, whole: int) -> str:
    """«۸۵٪» rounded half up; «—» when there is nothing to divide."""
    return percent_text(part / whole) if whole else wording.NONE


def _day_month_year(day: dt.date) -> str:
    j = jalali.to_jalali(day)
    return f"{to_persian_digits(j.day)} {jalali.MONTHS[j.month - 1]} {to_persian_digits(j.year)}"


# -- the cover and the contents -------------------------------------------------------------


def _cover(data: YearbookData, printed_on: dt.date) -> Cover:
    council = data.council
    lines = []
    if council.city:
        lines.append(COVER_CITY.format(city=council.city))
    if council.secretary:
        lines.append(COVER_SECRETARY.format(name=council.secretary))
    lines.append(wording.PRINTED_ON.format(date=jalali.format_short(printed_on)))
    return Cover(
        top_line=wording.IN_THE_NAME_OF_GOD,
        council=council.name,
        title=TITLE,
        subtitle=COVER_SUBTITLE,
        year=COVER_YEAR.format(year=to_persian_digits(data.year)),
        period=COVER_PERIOD.format(start=_day_month_year(data.start), end=_day_month_year(data.end)),
        lines=tuple(lines),
    )


def _contents(data: YearbookData, groups: MeetingGroups, book: PageBook) -> list[Flowable]:
    story: list[Flowable] = [RtlParagraph(CONTENTS, CONTENTS_TITLE)]
    for index in range(len(SECTIONS)):
        story.append(ContentsEntry(_section_title(index), f"section-{index}", book, style=CONTENTS_SECTION))
        if SECTIONS[index] == RESOLUTIONS:
            for meeting_id, _rows in groups:
                title, date = data.meeting_titles[meeting_id]
                story.append(
                    ContentsEntry(
                        MEETING_HEADING.format(title=title, date=jalali.format_short(date)),
                        f"meeting-{meeting_id}",
                        book,
                        style=CONTENTS_MEETING,
                        indent=18,
                    )
                )
    return story


# -- the year in figures ---------------------------------------------------------------------


def _summary(data: YearbookData) -> list[Flowable]:
    statuses = data.by_status
    still_open = (
        statuses[ResolutionStatus.OPEN]
        + statuses[ResolutionStatus.IN_PROGRESS]
        + statuses[ResolutionStatus.DEFERRED]
    )
    cards = [
        (format_int(len(data.meetings)), CARD_MEETINGS),
        (format_int(len(data.resolutions)), CARD_RESOLUTIONS),
        (_percent(statuses[ResolutionStatus.DONE], data.completion_counted), CARD_COMPLETION),
        (_percent(data.present, data.invited), CARD_ATTENDANCE),
        (format_int(statuses[ResolutionStatus.DONE]), CARD_DONE),
        (format_int(still_open), CARD_OPEN),
        (format_int(data.overdue), CARD_OVERDUE),
        (format_int(data.followups), CARD_FOLLOWUPS),
    ]
    kinds = (
        wording.LIST_SEPARATOR.join(
            KIND_COUNT.format(count=format_int(count), kind=kind.label)
            for kind, count in data.meetings_by_kind.items()
        )
        or wording.NONE
    )
    text = SUMMARY_TEXT.format(
        year=to_persian_digits(data.year),
        meetings=format_int(len(data.meetings)),
        kinds=kinds,
        resolutions=format_int(len(data.resolutions)),
        done=format_int(statuses[ResolutionStatus.DONE]),
        in_progress=format_int(statuses[ResolutionStatus.IN_PROGRESS]),
        open=format_int(statuses[ResolutionStatus.OPEN]),
        deferred=format_int(statuses[ResolutionStatus.DEFERRED]),
        cancelled=format_int(statuses[ResolutionStatus.CANCELLED]),
        overdue=format_int(data.overdue),
        followups=format_int(data.followups),
        changes=format_int(data.deadline_changes),
    )
    if not data.meetings and not data.resolutions:
        text = NOTHING_HELD.format(year=to_persian_digits(data.year))
    story: list[Flowable] = [_cards(cards), Spacer(1, 10), RtlParagraph(text, styles.BODY)]
    cancelled = sum(1 for m in data.not_held if m.status is MeetingStatus.CANCELLED)
    if data.not_held:
        parts = []
        if cancelled:
            parts.append(NOT_HELD_CANCELLED.format(count=format_int(cancelled)))
        if len(data.not_held) > cancelled:
            parts.append(NOT_HELD_UPCOMING.format(count=format_int(len(data.not_held) - cancelled)))
        template = NOT_HELD_BESIDES if data.meetings else NOT_HELD_ALONE
        story.append(RtlParagraph(template.format(text=NOT_HELD_AND.join(parts)), styles.BODY))
    story += [
        Spacer(1, 6),
        _side_by_side(_kinds_table(data), _status_table(data)),
        RtlParagraph(SUMMARY_KEY, KEY),
    ]
    return story


def _cards(cards: list[tuple[str, str]]) -> Table:
    per_row = 4
    rows = []
    for start in range(0, len(cards), per_row):
        row = [
            [RtlParagraph(number, CARD_NUMBER), RtlParagraph(label, CARD_LABEL)]
            for number, label in cards[start : start + per_row]
        ]
        rows.append(list(reversed(row)))  # reading order from the right
    width = CONTENT_WIDTH / per_row
    table = Table(rows, colWidths=[width] * per_row, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, styles.RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.6, colors.white),
                ("BACKGROUND", (0, 0), (-1, -1), styles.ZEBRA_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, styles.RULE),
            ]
        )
    )
    return table


def _side_by_side(right: Flowable, left: Flowable) -> Table:
    half = CONTENT_WIDTH / 2
    table = Table([[left, right]], colWidths=[half, half], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (0, 0), (0, 0), "LEFT"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ]
        )
    )
    return table


def _kinds_table(data: YearbookData) -> Table:
    resolutions = Counter(m.kind for m in data.meetings for _ in range(m.resolutions))
    rows = [
        [kind.label, format_int(count), format_int(resolutions[kind])]
        for kind, count in data.meetings_by_kind.items()
    ]
    rows.append(
        [
            RtlParagraph(TOTAL, TOTAL_CELL),
            RtlParagraph(format_int(len(data.meetings)), TOTAL_NUMBER),
            RtlParagraph(format_int(sum(m.resolutions for m in data.meetings)), TOTAL_NUMBER),
        ]
    )
    table = rtl_table(
        [Column(KIND, 2.0), Column(HELD, 1.2, centered=True), Column(RESOLUTION_COUNT, 1.0, centered=True)],
        rows,
        width=CONTENT_WIDTH / 2 - 10,
        zebra=False,
        cell_style=CELL,
    )
    _total_row(table)
    return table


def _status_table(data: YearbookData) -> Table:
    total = len(data.resolutions)
    rows: list[list[Cell]] = [
        [status.label, format_int(count), _percent(count, total)] for status, count in data.by_status.items()
    ]
    rows.append([OVERDUE_ROW, format_int(data.overdue), _percent(data.overdue, total)])
    rows.append(
        [
            RtlParagraph(ALL_RESOLUTIONS, TOTAL_CELL),
            RtlParagraph(format_int(total), TOTAL_NUMBER),
            RtlParagraph(_percent(total, total), TOTAL_NUMBER),
        ]
    )
    table = rtl_table(
        [Column(STATUS, 2.0), Column(COUNT, 1.0, centered=True), Column(SHARE, 1.0, centered=True)],
        rows,
        width=CONTENT_WIDTH / 2 - 10,
        zebra=False,
        cell_style=CELL,
    )
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


# -- the charts ------------------------------------------------------------------------------------


def _charts(data: YearbookData) -> list[Flowable]:
    months = Counter(jalali.to_jalali(m.date).month for m in data.meetings)
    dates = {m_id: date for m_id, (_title, date) in data.meeting_titles.items()}
    made = Counter(jalali.to_jalali(dates[r.meeting_id]).month for r in data.resolutions)
    bars = [
        MonthBar(
            jalali.MONTHS[month - 1],
            made[month],
            format_int(made[month]),
            MONTH_MEETINGS.format(count=format_int(months[month])),
        )
        for month in range(1, 13)
    ]
    story: list[Flowable] = [_chart(CHART_MONTHS, month_bars(bars, width=CONTENT_WIDTH, height=190))]
    shares = [Share(status.label, count, STATUS_COLORS[status]) for status, count in data.by_status.items()]
    story.append(
        _chart(
            CHART_STATUS,
            share_pie(
                shares,
                width=CONTENT_WIDTH,
                height=140,
                total_label=TOTAL_LABEL.format(count=format_int(len(data.resolutions))),
            ),
        )
    )
    busiest = sorted(data.completion, key=lambda a: (-a.resolutions, a.agency_id))[:CHART_AGENCIES]
    busiest = [a for a in busiest if a.counted]
    busiest.sort(key=lambda a: (-a.rate, -a.resolutions, a.agency_id))
    if busiest:
        rows = [
            RateBar(a.name, a.rate, OUT_OF.format(part=format_int(a.done), whole=format_int(a.counted)))
            for a in busiest
        ]
        title = CHART_COMPLETION.format(count=format_int(len(rows)))
        story.append(_chart(title, rate_bars(rows, width=CONTENT_WIDTH)))
    worst = [a for a in data.attendance if a.invited][:CHART_AGENCIES]
    if worst:
        rows = [
            RateBar(
                a.agency_name, a.rate, OUT_OF.format(part=format_int(a.present), whole=format_int(a.invited))
            )
            for a in worst
        ]
        title = CHART_ATTENDANCE.format(count=format_int(len(rows)))
        story.append(_chart(title, rate_bars(rows, width=CONTENT_WIDTH)))
    return story


def _chart(title: str, drawing: Flowable) -> Flowable:
    return KeepTogether([RtlParagraph(title, CHART_TITLE), drawing])


# -- the meetings ------------------------------------------------------------------------------------


def _minutes_state(meeting: HeldMeeting) -> str:
    if meeting.signed:
        return MINUTES_SIGNED
    return MINUTES_FINAL if meeting.finalized else MINUTES_DRAFT


def _place(meeting: HeldMeeting) -> str:
    return (
        wording.LIST_SEPARATOR.join(part for part in (meeting.host_name, meeting.venue) if part)
        or wording.NONE
    )


def _meetings(data: YearbookData) -> list[Flowable]:
    columns = [
        Column(wording.ROW_NUMBER, 0.5, centered=True),
        Column(MEETING, 1.9),
        Column(DATE, 1.1, centered=True),
        Column(HOST, 3.8),
        Column(INVITED, 0.6, centered=True),
        Column(PRESENT, 0.6, centered=True),
        Column(ABSENT, 0.6, centered=True),
        Column(EXCUSED, 0.6, centered=True),
        Column(QUORUM, 0.85, centered=True),
        Column(RESOLUTION_COUNT, 0.7, centered=True),
        Column(MINUTES, 1.0, centered=True),
    ]
    rows: list[list[Cell]] = [
        [
            format_int(number),
            m.title,
            jalali.format_short(m.date),
            _place(m),
            format_int(m.invited),
            format_int(m.present),
            format_int(m.absent),
            format_int(m.excused),
            QUORUM_MET if m.quorum_met else QUORUM_NOT_MET,
            format_int(m.resolutions),
            _minutes_state(m),
        ]
        for number, m in enumerate(data.meetings, start=1)
    ]
    story: list[Flowable] = [RtlParagraph(MEETINGS_KEY, KEY)]
    if rows:
        sums = [
            sum(getattr(m, name) for m in data.meetings)
            for name in ("invited", "present", "absent", "excused")
        ]
        rows.append(
            [
                "",
                RtlParagraph(TOTAL, TOTAL_CELL),
                "",
                "",
                *(RtlParagraph(format_int(n), TOTAL_NUMBER) for n in sums),
                "",
                RtlParagraph(format_int(sum(m.resolutions for m in data.meetings)), TOTAL_NUMBER),
                "",
            ]
        )
        table = rtl_table(columns, rows, width=CONTENT_WIDTH, cell_style=CELL)
        _total_row(table)
        story.append(table)
    else:
        story.append(RtlParagraph(NO_MEETING_HELD, styles.BODY))
    unrecorded = sum(m.unrecorded for m in data.meetings)
    if unrecorded:
        story.append(RtlParagraph(UNRECORDED_NOTE.format(count=format_int(unrecorded)), KEY))
    if data.not_held:
        story += [CondPageBreak(60), RtlParagraph(NOT_HELD_HEADING, CHART_TITLE)]
        for meeting in data.not_held:
            if meeting.status is MeetingStatus.CANCELLED:
                line = CANCELLED_MEETING.format(
                    title=meeting.title,
                    date=jalali.format_short(meeting.date),
                    reason=meeting.reason or wording.NONE,
                )
            else:
                line = UPCOMING_MEETING.format(
                    title=meeting.title, date=jalali.format_short(meeting.date), status=meeting.status.label
                )
            story.append(RtlParagraph(line, CELL, bullet="•"))
    return story


# -- every resolution -------------------------------------------------------------------------------

HISTORY_SHARE = 0.57  # of what the code column leaves: the follow-up lines are the longer
DATE_WIDTH = 38.0  # a follow-up's date, at the right of its cell
PROGRESS_WIDTH = 21.0  # the progress reported, left of the date


def _columns(data: YearbookData) -> TableColumns:
    """The code column as wide as the widest code (never broken) or overdue mark, and its header;
    the rest shared by the resolution and its history."""
    widths = [text_width(COLUMN_CODE, BOLD, 8), 40.0]
    widths += [text_width(display_code(r.code), BOLD, TEXT_SIZE) for r in data.resolutions]
    widths += [text_width(_overdue_mark(r), MEDIUM, DETAIL_SIZE) for r in data.resolutions if r.overdue]
    code = (max(widths) + 2 * CELL_GAP + 2) / CONTENT_WIDTH
    rest = 1 - code
    return TableColumns(
        headers=(COLUMN_CODE, COLUMN_TEXT, COLUMN_HISTORY),
        shares=(code, rest * (1 - HISTORY_SHARE), rest * HISTORY_SHARE),
        date_width=DATE_WIDTH,
        progress_width=PROGRESS_WIDTH,
    )


def _overdue_mark(resolution: YearResolution) -> str:
    return OVERDUE_DAYS.format(label=OVERDUE_LABEL, days=format_int(resolution.days_overdue))


def _deadline(resolution: YearResolution) -> str:
    parts = [DEADLINE.format(due=deadline_text(resolution.first_due, resolution.first_next_meeting))]
    for step in resolution.deadline_steps:
        template = DEADLINE_AMENDED if step.amendment else DEADLINE_CHANGED
        parts.append(
            template.format(
                on=jalali.format_short(step.on),
                due=deadline_text(step.due, step.next_meeting),
                reason=step.reason or wording.NONE,
            )
        )
    return "؛ ".join(parts)


def _outcome(resolution: YearResolution) -> str:
    status = resolution.status
    if status is ResolutionStatus.DONE:
        return DONE_ON.format(
            date=jalali.format_short(resolution.closed_on) or wording.NONE,
            evidence=resolution.completion_evidence or wording.NONE,
        )
    if status is ResolutionStatus.CANCELLED:
        return CANCELLED_ON.format(
            date=jalali.format_short(resolution.closed_on) or wording.NONE,
            reason=resolution.status_note or wording.NONE,
        )
    if status is ResolutionStatus.DEFERRED:
        text = DEFERRED_TO.format(
            title=resolution.deferred_to_title or wording.NONE,
            date=jalali.format_short(resolution.deferred_to_date) or wording.NONE,
        )
        return text + (DEFERRED_NOTE.format(note=resolution.status_note) if resolution.status_note else "")
    parts = []
    if resolution.status_note:
        parts.append(REOPENED.format(reason=resolution.status_note))
    if resolution.last_progress is not None:
        parts.append(
            LAST_PROGRESS.format(percent=PERCENT_SIGN.format(n=to_persian_digits(resolution.last_progress)))
        )
    return "؛ ".join(parts)


PERCENT_SIGN = "{n}٪"


def _followup(entry: FollowUpEntry) -> Entry:
    """«گزارش دستگاه: شرح», its date and the progress reported in columns of their own."""
    text = FOLLOWUP.format(kind=entry.kind.label, note=entry.note) if entry.note else entry.kind.label
    progress = PERCENT_SIGN.format(n=to_persian_digits(entry.progress)) if entry.progress is not None else ""
    return Entry(jalali.format_short(entry.date), text, progress, size=DETAIL_SIZE)


def _row(resolution: YearResolution, edges: Sequence[tuple[float, float]], columns: TableColumns) -> Row:
    status_color = STATUS_COLORS[resolution.status]
    code = [
        Text(display_code(resolution.code), BOLD, TEXT_SIZE),
        Text(resolution.status.label, MEDIUM, DETAIL_SIZE, status_color),
    ]
    if resolution.overdue:
        code.append(Text(_overdue_mark(resolution), MEDIUM, DETAIL_SIZE, styles.DRAFT_RED))
    agencies = LEAD.format(name=resolution.lead_name or wording.NONE)
    if resolution.collaborators:
        agencies += "؛ " + COLLABORATORS.format(
            names=wording.LIST_SEPARATOR.join(name for _id, name in resolution.collaborators)
        )
    body = [Text(resolution.text, REGULAR, TEXT_SIZE)]
    if resolution.text_amended_on is not None:
        body.append(
            Text(
                TEXT_AMENDED.format(on=jalali.format_short(resolution.text_amended_on)),
                REGULAR,
                DETAIL_SIZE,
                styles.MUTED,
            )
        )
    body += [
        Text(agencies, REGULAR, DETAIL_SIZE, styles.MUTED),
        Text(_deadline(resolution), REGULAR, DETAIL_SIZE, styles.MUTED),
    ]
    outcome = _outcome(resolution)
    if outcome:
        body.append(Text(outcome, REGULAR, DETAIL_SIZE, status_color))
    history: list[Text | Entry] = [_followup(entry) for entry in resolution.followups]
    if not history:
        history = [Text(NO_FOLLOWUP, REGULAR, DETAIL_SIZE, styles.MUTED)]
    return lay_row([code, body, history], edges, columns, tint=OVERDUE_FILL if resolution.overdue else None)


def _resolutions(data: YearbookData, groups: MeetingGroups, book: PageBook, run: ReportRun) -> list[Flowable]:
    meetings = {m.id: m for m in data.meetings}
    columns = _columns(data)
    total = max(1, len(data.resolutions))
    story: list[Flowable] = [] if groups else [RtlParagraph(NO_RESOLUTION, styles.BODY)]
    done_before = 0
    for meeting_id, resolutions in groups:
        title, date = data.meeting_titles[meeting_id]
        meeting = meetings.get(meeting_id)
        subtitle = MEETING_SUBTITLE.format(count=format_int(len(resolutions)))
        if meeting is not None and (meeting.host_name or meeting.venue):
            subtitle += MEETING_PLACE.format(place=_place(meeting))

        def make_rows(width: float, resolutions: list[YearResolution] = resolutions) -> list[Row]:
            edges = column_edges(columns, width)
            return [_row(resolution, edges, columns) for resolution in resolutions]

        def on_drawn(rows: int, offset: int = done_before) -> None:
            run.advance(RESOLUTIONS_FROM + (RESOLUTIONS_TO - RESOLUTIONS_FROM) * (offset + rows) / total)

        story.append(
            ResolutionTable(
                MEETING_HEADING.format(title=title, date=jalali.format_short(date)),
                subtitle,
                columns,
                make_rows,
                key=f"meeting-{meeting_id}",
                book=book,
                continued=CONTINUED.format(title=title, date=jalali.format_short(date)),
                on_drawn=on_drawn,
                empty_note=NO_RESOLUTIONS,
            )
        )
        done_before += len(resolutions)
    return story


# -- the statistics -----------------------------------------------------------------------------------


def _attendance(data: YearbookData) -> list[Flowable]:
    agencies = data.attendance
    show_unrecorded = any(a.unrecorded for a in agencies)
    columns = [
        Column(wording.ROW_NUMBER, 0.6, centered=True),
        Column(AGENCY, 4.4),
        Column(INVITED, 0.85, centered=True),
        Column(PRESENT, 0.85, centered=True),
        Column(ABSENT, 0.85, centered=True),
        Column(EXCUSED, 0.85, centered=True),
    ]
    if show_unrecorded:
        columns.append(Column(UNRECORDED, 1.0, centered=True))
    columns.append(Column(RATE, 1.1, centered=True))

    def figures(a: AgencyAttendance) -> list[int]:
        numbers = [a.invited, a.present, a.absent, a.excused]
        return numbers + [a.unrecorded] if show_unrecorded else numbers

    rows: list[list[Cell]] = [
        [format_int(n), a.agency_name, *map(format_int, figures(a)), _percent(a.present, a.invited)]
        for n, a in enumerate(agencies, start=1)
    ]
    story: list[Flowable] = [RtlParagraph(ATTENDANCE_KEY, KEY)]
    if not rows:
        return [*story, RtlParagraph(NO_STATISTICS, styles.BODY)]
    sums = [sum(column) for column in zip(*map(figures, agencies), strict=True)]
    present, invited = sum(a.present for a in agencies), sum(a.invited for a in agencies)
    rows.append(
        [
            "",
            RtlParagraph(TOTAL, TOTAL_CELL),
            *(RtlParagraph(format_int(n), TOTAL_NUMBER) for n in sums),
            RtlParagraph(_percent(present, invited), TOTAL_NUMBER),
        ]
    )
    table = rtl_table(columns, rows, width=CONTENT_WIDTH, cell_style=CELL)
    _total_row(table)
    story.append(table)
    return story


def _completion(data: YearbookData) -> list[Flowable]:
    columns = [
        Column(wording.ROW_NUMBER, 0.6, centered=True),
        Column(AGENCY, 3.6),
        Column(COMPLETION_ALL, 0.9, centered=True),
        Column(COMPLETION_LEAD, 0.95, centered=True),
        Column(COMPLETION_DONE, 0.95, centered=True),
        Column(COMPLETION_OVERDUE, 0.8, centered=True),
        Column(COMPLETION_CANCELLED, 0.85, centered=True),
        Column(COMPLETION_RATE, 1.0, centered=True),
    ]
    rows = [
        [
            format_int(n),
            a.name,
            format_int(a.resolutions),
            format_int(a.as_lead),
            format_int(a.done),
            format_int(a.overdue),
            format_int(a.cancelled),
            _percent(a.done, a.counted),
        ]
        for n, a in enumerate(data.completion, start=1)
    ]
    story: list[Flowable] = [RtlParagraph(COMPLETION_KEY, KEY)]
    if rows:
        story.append(rtl_table(columns, rows, width=CONTENT_WIDTH, cell_style=CELL))
    else:
        story.append(RtlParagraph(NO_STATISTICS, styles.BODY))
    return story
