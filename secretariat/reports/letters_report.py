"""The letter register of a period (گزارش دفتر نامه‌ها): what the secretariat sent and received.

For the letters dated in the period (both directions, or one; one agency's
if asked), oldest first as the register runs: its number, date, صادره or
وارده, the party, the subject, what it concerns and its state (voided with
the reason, answered, or unanswered for so many days). A summary line counts them.
The figures are the register's own query (``LetterService.page``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import DomainError, NotFoundError
from secretariat.letters import numbering
from secretariat.letters.register import ASKS_FOR_ANSWER, LetterQuery, LetterRow, LetterSort
from secretariat.meetings.attendance import check_period
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from secretariat.reports import styles, wording
from secretariat.reports.page import CONTENT_WIDTH, Bookmarked, PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Column, rtl_table

TITLE = "دفتر نامه‌های دبیرخانه"
PERIOD = "از {start} تا {end}"
SUMMARY = "{total} نامه: {sent} صادره و {received} وارده؛ {voided} نامه باطل شده است."
ONLY_AGENCY = "نامه‌های «{agency}»"
NOTHING = "از {start} تا {end} نامه‌ای در دفتر ثبت نشده است."
DIRECTIONS = {"out": "صادره", "in": "وارده"}
NUMBER, DATE, DIRECTION, PARTY, SUBJECT, CONCERNS, STATE = (
    "شماره",
    "تاریخ",
    "صادره/وارده",
    "طرف نامه",
    "موضوع",
    "درباره",
    "وضعیت",
)
VOIDED, ANSWERED = "باطل", "پاسخ رسید"
UNANSWERED, UNANSWERED_TODAY = "بی‌پاسخ، {days} روز", "بی‌پاسخ"
GATHERED = 0.3


@dataclass(frozen=True)
class LettersData:
    council_name: str
    start: dt.date
    end: dt.date
    agency: str
    letters: tuple[LetterRow, ...]


def gather_letters(
    secretariat: Secretariat,
    start: dt.date,
    end: dt.date,
    *,
    direction: str | None = None,
    agency_id: int | None = None,
    run: ReportRun | None = None,
) -> LettersData:
    """The register's letters dated from ``start`` to ``end``; refused for an empty period."""
    run = run or ReportRun()
    check_period(start, end)
    council = secretariat.council.get()
    if council is None:
        raise NotFoundError("هنوز شورایی ساخته نشده است.")
    agency = secretariat.agencies.get(agency_id).name if agency_id is not None else ""
    query = LetterQuery(
        start=start, end=end, direction=direction, agency_id=agency_id, sort=LetterSort.DATE, descending=False
    )
    letters = tuple(secretariat.letters.page(query, limit=None))
    if not letters:
        raise DomainError(NOTHING.format(start=jalali.format_short(start), end=jalali.format_short(end)))
    run.advance(GATHERED)
    return LettersData(council.name, start, end, agency, letters)


def render_letters(
    secretariat: Secretariat,
    start: dt.date,
    end: dt.date,
    *,
    direction: str | None = None,
    agency_id: int | None = None,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The register of the letters dated from ``start`` to ``end``, as PDF bytes."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    data = gather_letters(secretariat, start, end, direction=direction, agency_id=agency_id, run=run)
    setup = PageSetup(council_name=data.council_name, title=TITLE, printed_on=printed_on or clock.today())
    return build_pdf(register_story(data, setup.printed_on), setup, run, layout_from=GATHERED)


def _state(row: LetterRow, printed_on: dt.date) -> str:
    """As the register's window says it: void, answered, or (a letter that asks for an answer)
    unanswered for so many days on the day printed."""
    if row.voided:
        return VOIDED
    if row.answered:
        return ANSWERED
    if row.direction == "out" and row.kind.value in ASKS_FOR_ANSWER:
        days = (printed_on - row.date).days
        return UNANSWERED.format(days=format_int(days)) if days > 0 else UNANSWERED_TODAY
    return ""


def register_story(data: LettersData, printed_on: dt.date) -> list[Flowable]:
    period = PERIOD.format(start=jalali.format_short(data.start), end=jalali.format_short(data.end))
    if data.agency:
        period = f"{ONLY_AGENCY.format(agency=data.agency)}، {period}"
    sent = sum(1 for row in data.letters if row.direction == "out")
    summary = SUMMARY.format(
        total=format_int(len(data.letters)),
        sent=format_int(sent),
        received=format_int(len(data.letters) - sent),
        voided=format_int(sum(1 for row in data.letters if row.voided)),
    )
    columns = [
        Column(NUMBER, 1.5, centered=True),
        Column(DATE, 1.25, centered=True),
        Column(DIRECTION, 1.0, centered=True),
        Column(PARTY, 2.6),
        Column(SUBJECT, 3.2),
        Column(CONCERNS, 1.1, centered=True),
        Column(STATE, 1.3, centered=True),
    ]
    rows = [
        [
            numbering.shown(row.number),
            jalali.format_short(row.date),
            DIRECTIONS[row.direction],
            row.party,
            row.subject,
            row.concerns.label,
            _state(row, printed_on) or wording.NONE,
        ]
        for row in data.letters
    ]
    return [
        Bookmarked(RtlParagraph(TITLE, styles.TITLE, balanced=True), TITLE),
        RtlParagraph(period, styles.SUBTITLE),
        RtlParagraph(summary, styles.BODY),
        rtl_table(columns, rows, width=CONTENT_WIDTH, numbered=True),
    ]
