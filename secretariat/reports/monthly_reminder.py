"""The reminder letters (نامه یادآوری) for a month's monthly reports that have not come.

For one Jalali month, the agencies whose report is missing as the year's
matrix says it (``secretariat.monthly.matrix``): past its due day, not
received, not exempt. Agencies whose report came (on time or late), that
are exempt or that have not joined yet, and every agency while the month is
not yet due, get nothing.

Per agency (the default): one office letter to each, to its current PR
manager by name («مدیر محترم روابط عمومی ...» alone if it has none), each
on its own pages with its own page numbers, in Persian order: the month,
the day the report was due and how many days have passed since, the
earlier months of the year it still owes, and a reply asked for within a
week of the letter's date. Signed by the council's secretary, a copy to its
chair when one is on record.

With the list: one circular «به: اعضای محترم شورا ...» naming the agencies
that owe the month (their PR managers, and the other months of the year
they owe), how many of the agencies that owed it have sent it, and the
same request.

A month not yet due, or one no agency owes, is refused with a Persian message.

Each letter is registered as it is issued (see ``issuing``), about the
month's report: the reminder to an agency for a month is one letter (so is
the circular of a month), printed again as «رونوشت» with its number unless
a new one is asked for (a second reminder).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.letters.printed import Issuing, PrintedLetter, PrintedLetters
from secretariat.letters.register import Concerns, LetterKind, OutgoingDraft
from secretariat.members.council import CouncilRecord
from secretariat.monthly.matrix import CellState, MatrixQuery
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.issuing import letter_head, print_letters
from secretariat.reports.letter import (
    BODY,
    COUNCIL_MEMBERS,
    RUNNING_HEAD,
    TO,
    Addressee,
    chair_copies,
    closing,
    council_of,
    opening,
    pr_manager_addressee,
)
from secretariat.reports.page import CONTENT_WIDTH, PageSetup, build_pdf, letters_story
from secretariat.reports.paragraph import RtlParagraph
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Column, rtl_table

# -- the words ----------------------------------------------------------------------
TITLE = "نامه‌های یادآوری گزارش ماهانه {month}"  # the PDF's title, a letter per agency
LIST_TITLE = "یادآوری گزارش ماهانه {month}؛ فهرست دستگاه‌ها"  # the PDF's title, the circular
SUBJECT = "یادآوری ارسال گزارش ماهانه {month}"
OVERDUE = (
    "احتراماً، گزارش ماهانه فعالیت‌های روابط عمومی آن دستگاه در ماه {month} که می‌بایست تا تاریخ {due} "
    "به دبیرخانه شورا ارسال می‌شد، تاکنون واصل نشده است و {days} روز از مهلت ارسال آن گذشته است."
)
EARLIER = " گزارش {months} آن دستگاه نیز هنوز به دبیرخانه نرسیده است."
EARLIER_ONE = "ماه {names}"
EARLIER_MANY = "ماه‌های {names}"
REQUEST = (
    "خواهشمند است دستور فرمایید گزارش یادشده، همراه با ارقام شاخص‌های عملکرد روابط عمومی، حداکثر تا "
    "{reply} به دبیرخانه شورا ارسال شود. پیشاپیش از حسن همکاری آن دستگاه سپاسگزاری می‌شود."
)
LIST_OVERDUE = (
    "احتراماً، به استحضار می‌رساند گزارش ماهانه فعالیت‌های روابط عمومی {count} دستگاه زیر در ماه {month} "
    "که می‌بایست تا تاریخ {due} به دبیرخانه شورا ارسال می‌شد، تاکنون واصل نشده است و {days} روز از "
    "مهلت ارسال آن گذشته است."
)
LIST_OVERDUE_ONE = (
    "احتراماً، به استحضار می‌رساند گزارش ماهانه فعالیت‌های روابط عمومی دستگاه زیر در ماه {month} "
    "که می‌بایست تا تاریخ {due} به دبیرخانه شورا ارسال می‌شد، تاکنون واصل نشده است و {days} روز از "
    "مهلت ارسال آن گذشته است."
)
LIST_RECEIVED = (
    " از {expected} دستگاه عضو که گزارش این ماه را می‌بایست ارسال می‌کردند، گزارش {received} دستگاه رسیده است."
)
LIST_REQUEST = (
    "خواهشمند است مدیران محترم روابط عمومی دستگاه‌های یادشده دستور فرمایند گزارش ماهانه، همراه با ارقام "
    "شاخص‌های عملکرد روابط عمومی، حداکثر تا {reply} به دبیرخانه شورا ارسال شود. پیشاپیش از همکاری "
    "اعضای محترم سپاسگزاری می‌شود."
)
AGENCY = "دستگاه"
PR_MANAGER = "مدیر روابط عمومی"
EARLIER_COLUMN = "دیگر ماه‌های نرسیده {year}"
AND = " و "
NOT_DUE = (
    "گزارش‌های ماهانه {month} تا {due} مهلت دارند؛ نامه یادآوری پس از این تاریخ برای دستگاه‌هایی "
    "چاپ می‌شود که گزارش خود را نفرستاده باشند."
)
NOBODY_OWES = (
    "همه دستگاه‌ها گزارش ماهانه {month} را فرستاده‌اند یا از آن معاف‌اند؛ نامه یادآوری‌ای برای چاپ نیست."
)

REPLY_DAYS = 7  # the reply is asked for a week after the letter's date
GATHERED = 0.3  # the share of the progress bar for reading the records
NBSP = "\u00a0"

CELL = ParagraphStyle("reminder_cell", parent=styles.CELL, fontSize=9, leading=15)


@dataclass(frozen=True)
class OwingAgency:
    """An agency whose report for the month is missing."""

    agency_id: int
    agency: str
    addressee: Addressee
    earlier_missing: tuple[Month, ...]  # the earlier months of the same year it still owes


@dataclass(frozen=True)
class RemindersData:
    council: CouncilRecord
    month: Month
    due_date: dt.date
    days_late: int  # from the due date to today
    expected: int  # the agencies that owed the month (not exempt)
    received: int  # of them, those whose report came
    agencies: tuple[OwingAgency, ...]  # in Persian order

    @property
    def subject(self) -> str:
        return SUBJECT.format(month=self.month.label)

    def days_late_on(self, dated: dt.date) -> int:
        """How late the report is on a letter's date (a reprint says what the letter said)."""
        return max(1, (dated - self.due_date).days)


def gather_reminders(secretariat: Secretariat, month: Month, run: ReportRun | None = None) -> RemindersData:
    """The agencies that owe ``month``, with their PR managers; refused if none does or it is not due."""
    run = run or ReportRun()
    due = month.due_date(secretariat.council_settings.monthly_due_day())
    today = clock.today()
    if today <= due:
        raise DomainError(NOT_DUE.format(month=month.label, due=jalali.format_short(due)))
    matrix = secretariat.monthly_matrix.year(MatrixQuery(month.year))
    index = month.month - 1
    owing = [row for row in matrix.rows if row.cells[index].state is CellState.MISSING]
    if not owing:
        raise DomainError(NOBODY_OWES.format(month=month.label))
    council = council_of(secretariat)
    run.advance(GATHERED / 2)
    managers = secretariat.people.pr_managers_on(row.agency_id for row in owing)
    agencies = tuple(
        OwingAgency(
            row.agency_id,
            row.agency,
            pr_manager_addressee(row.agency, managers.get(row.agency_id)),
            tuple(cell.month for cell in row.cells[:index] if cell.state is CellState.MISSING),
        )
        for row in owing
    )
    column = matrix.columns[index]
    run.advance(GATHERED)
    return RemindersData(
        council=council,
        month=month,
        due_date=due,
        days_late=(today - due).days,
        expected=column.expected,
        received=column.received,
        agencies=agencies,
    )


def render_monthly_reminders(
    secretariat: Secretariat,
    month: Month,
    *,
    one_letter: bool = False,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The reminders for ``month`` as PDF bytes (see ``print_monthly_reminders``)."""
    return print_monthly_reminders(
        secretariat,
        month,
        one_letter=one_letter,
        issuing=issuing,
        printed_on=printed_on,
        progress=progress,
        cancelled=cancelled,
    ).pdf


def print_monthly_reminders(
    secretariat: Secretariat,
    month: Month,
    *,
    one_letter: bool = False,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> PrintedLetters:
    """The reminders for ``month``: a letter to each agency that owes it, or (``one_letter``) one
    circular to the council's members with the list; registered as ``issuing`` says."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    data = gather_reminders(secretariat, month, run)
    printed_on = printed_on or clock.today()

    def layout(letters: Sequence[PrintedLetter], layout_run: ReportRun | None) -> bytes:
        return reminders_pdf(data, letters, one_letter=one_letter, printed_on=printed_on, run=layout_run)

    drafts = reminder_drafts(data, one_letter=one_letter)
    return print_letters(secretariat.letters, drafts, layout, issuing=issuing, on=printed_on, run=run)


def reminder_drafts(data: RemindersData, *, one_letter: bool) -> list[OutgoingDraft]:
    """The letters to register: one per agency that owes the month, or the circular."""
    month = data.month
    key = f"monthly_reminder:{month.year}/{month.month:02d}"

    def draft(source: str, party: str, agency_id: int | None = None) -> OutgoingDraft:
        return OutgoingDraft(
            kind=LetterKind.MONTHLY_REMINDER.value,
            source_key=f"{key}:{source}",
            party=party,
            subject=data.subject,
            agency_id=agency_id,
            concerns=Concerns.MONTHLY.value,
            report_month=month,
            recorded_by=data.council.secretary,
        )

    if one_letter:
        return [draft("list", COUNCIL_MEMBERS.format(council=data.council.name))]
    return [draft(str(agency.agency_id), agency.agency, agency.agency_id) for agency in data.agencies]


def reminders_pdf(
    data: RemindersData,
    letters: Sequence[PrintedLetter],
    *,
    one_letter: bool = False,
    printed_on: dt.date | None = None,
    run: ReportRun | None = None,
) -> bytes:
    """``letters`` (of ``reminder_drafts``) laid out, each with its number and date."""
    printed_on = printed_on or clock.today()
    title = (LIST_TITLE if one_letter else TITLE).format(month=data.month.label)
    setup = PageSetup(council_name=data.council.name, title=title, printed_on=printed_on, letter_heads=True)
    if one_letter:
        story = letters_story(
            (title, circular_letter(data, letter.date), title, None, letter_head(letter))
            for letter in letters
        )
    else:
        story = letters_story(
            (
                RUNNING_HEAD.format(subject=data.subject, addressee=agency.agency),
                reminder_letter(data, agency, letter.date),
                agency.agency,
                None,
                letter_head(letter),
            )
            for letter in letters
            for agency in (data.agencies[letter.index],)
        )
    return build_pdf(story, setup, run, layout_from=GATHERED)


def reply_by(printed_on: dt.date) -> str:
    """A week after the letter's date, held together: a date broken over two lines reads badly."""
    return jalali.format_long(printed_on + dt.timedelta(days=REPLY_DAYS)).replace(" ", NBSP)


def reminder_letter(data: RemindersData, agency: OwingAgency, dated: dt.date) -> list[Flowable]:
    """One agency's letter, top to bottom; the reply asked for a week after its date."""
    story = opening(agency.addressee.lines, data.subject)
    text = OVERDUE.format(
        month=data.month.label,
        due=jalali.format_short(data.due_date),
        days=format_int(data.days_late_on(dated)),
    )
    if agency.earlier_missing:
        text += EARLIER.format(months=earlier_months(agency.earlier_missing))
    story.append(RtlParagraph(text, BODY))
    story.append(closing(REQUEST.format(reply=reply_by(dated)), data.council, chair_copies(data.council)))
    return story


def circular_letter(data: RemindersData, dated: dt.date) -> list[Flowable]:
    """One letter to the council's members with the agencies that owe the month."""
    to = TO.format(to=COUNCIL_MEMBERS.format(council=data.council.name))
    story = opening((to,), data.subject)
    template = LIST_OVERDUE_ONE if len(data.agencies) == 1 else LIST_OVERDUE
    text = template.format(
        count=format_int(len(data.agencies)),
        month=data.month.label,
        due=jalali.format_short(data.due_date),
        days=format_int(data.days_late_on(dated)),
    )
    text += LIST_RECEIVED.format(expected=format_int(data.expected), received=format_int(data.received))
    story += [RtlParagraph(text, BODY), Spacer(1, 4)]
    columns = [Column(AGENCY, 3.2), Column(PR_MANAGER, 2.2)]
    with_earlier = any(agency.earlier_missing for agency in data.agencies)
    if with_earlier:
        columns.append(Column(EARLIER_COLUMN.format(year=to_persian_digits(data.month.year)), 2.0))
    rows = []
    for agency in data.agencies:
        row = [agency.agency, agency.addressee.name or wording.NONE]
        if with_earlier:
            row.append(_month_names(agency.earlier_missing) or wording.NONE)
        rows.append(row)
    story.append(rtl_table(columns, rows, width=CONTENT_WIDTH, numbered=True, cell_style=CELL))
    story.append(
        closing(LIST_REQUEST.format(reply=reply_by(dated)), data.council, chair_copies(data.council))
    )
    return story


def _month_names(months: tuple[Month, ...]) -> str:
    """«تیر، مرداد و شهریور»."""
    names = [month.name for month in months]
    if len(names) <= 1:
        return "".join(names)
    return wording.LIST_SEPARATOR.join(names[:-1]) + AND + names[-1]


def earlier_months(months: tuple[Month, ...]) -> str:
    """«ماه تیر» or «ماه‌های تیر و مرداد»."""
    return (EARLIER_ONE if len(months) == 1 else EARLIER_MANY).format(names=_month_names(months))
