"""The follow-up letter (نامه پیگیری): an agency's open resolutions, and a reply asked for.

One office letter to an agency's PR manager listing every resolution the
agency is responsible for or collaborates on that is not yet done or
cancelled (open, in progress, or referred to the next meeting), in a
right-to-left table: the code, the text in force, the meeting (title and
date), the deadline, the agency's role, the status, and the last follow-up
in force (its date, kind, note and the progress reported; an entry
corrected or voided is never presented as current). Overdue resolutions come
first, the most overdue at the top, marked «معوق» with the days they are
late; the others follow by deadline. The letter asks for a report of the
actions taken by a reply date a week after the letter's date, is signed
by the council's secretary, and goes in copy («رونوشت») to the council's
chair, for information, when one is on record.

``render_followup_letters`` prints one such letter for every agency with
overdue work, worst first (the most days overdue, then the most overdue
resolutions), each on its own pages with its own page numbers.

Overdue is as of today, as the register and the dashboard count it (the
records are today's); the letter's date is the day it is issued.

Each letter is registered as it is issued (see ``issuing``), linked to the
resolutions it lists. The same letter is the one to the same agency on the
same day about the same resolutions: printed again that day it is
reprinted with its number as «رونوشت»; printed on another day, or once the
list has changed, it is a new letter, for a follow-up letter speaks of the
state of things on its day and asks for a reply a week after it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.followup.lifecycle import FollowUpRecord, in_force
from secretariat.followup.register import ResolutionQuery, ResolutionRow
from secretariat.followup.status import OVERDUE_LABEL, ResolutionStatus
from secretariat.letters.printed import Issuing, PrintedLetter, PrintedLetters
from secretariat.letters.register import Concerns, LetterKind, OutgoingDraft
from secretariat.meetings.deadline import deadline_text
from secretariat.meetings.kinds import AssignmentRole, display_code
from secretariat.members.council import CouncilRecord
from secretariat.persian import jalali
from secretariat.persian.collation import sort_key
from secretariat.persian.text import format_int, to_persian_digits
from secretariat.reports import styles
from secretariat.reports.fonts import BOLD
from secretariat.reports.issuing import letter_head, print_letters
from secretariat.reports.letter import (
    BODY,
    RUNNING_HEAD,
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
from secretariat.reports.table import Cell, Column, rtl_table

# -- the words ----------------------------------------------------------------------
TITLE = "نامه پیگیری مصوبات؛ {agency}"  # the PDF's title, one letter
LETTERS_TITLE = "نامه‌های پیگیری مصوبات معوق {council}"  # the PDF's title, every agency with overdue work
SUBJECT = "پیگیری اجرای مصوبات {council}"
INTRO = (
    "پیرو مصوبات جلسات {council} و در راستای پیگیری اجرای آن‌ها، به استحضار می‌رساند بر پایه سوابق "
    "دبیرخانه شورا، اجرای {count} مصوبه زیر که آن دستگاه مسئول اجرا یا همکار آن است، هنوز به پایان نرسیده "
    "است."
)
INTRO_ONE = (
    "پیرو مصوبات جلسات {council} و در راستای پیگیری اجرای آن‌ها، به استحضار می‌رساند بر پایه سوابق "
    "دبیرخانه شورا، اجرای مصوبه زیر که آن دستگاه مسئول اجرا یا همکار آن است، هنوز به پایان نرسیده است."
)
OVERDUE_SOME = (
    " مهلت اجرای {overdue} مورد از آن‌ها سپری شده است؛ این موارد با عنوان «{label}» در ابتدای جدول آمده‌اند."
)
OVERDUE_SOME_ONE = (
    " مهلت اجرای یکی از آن‌ها سپری شده است؛ این مورد با عنوان «{label}» در ابتدای جدول آمده است."
)
OVERDUE_ONE = " مهلت اجرای این مصوبه سپری شده است."
OVERDUE_ALL = " مهلت اجرای همه این مصوبات سپری شده است."
REQUEST = (
    "خواهشمند است دستور فرمایید گزارش اقدامات انجام‌شده و میزان پیشرفت هر مصوبه، همراه با مستندات مربوط، "
    "حداکثر تا {reply} به دبیرخانه شورا ارسال شود. پیشاپیش از حسن همکاری آن دستگاه سپاسگزاری می‌شود."
)
CODE = "شناسه"
TEXT = "متن مصوبه"
MEETING = "جلسه"
ROLE = "نقش دستگاه"
DEADLINE = "مهلت"
STATUS = "وضعیت"
LAST_FOLLOWUP = "آخرین پیگیری"
DAYS_LATE = "{days} روز"  # under «معوق»: how many days past the deadline
FOLLOWUP_HEAD = "{date}، {kind}"
PROGRESS = "(پیشرفت {percent}٪)"
NO_FOLLOWUP = "پیگیری ثبت نشده"
NOTHING_OPEN = "«{agency}» مصوبه باز ندارد؛ نامه پیگیری برای آن چاپ نمی‌شود."
NOBODY_OVERDUE = "هیچ دستگاهی مصوبه معوق ندارد؛ نامه پیگیری‌ای برای چاپ نیست."

REPLY_DAYS = 7  # the reply is asked for a week after the letter's date
GATHERED = 0.35  # the share of the progress bar for reading the records
NBSP = "\u00a0"

# -- the look -------------------------------------------------------------------------
CELL = ParagraphStyle("followup_cell", parent=styles.CELL, fontSize=8.5, leading=15)
CELL_CENTER = ParagraphStyle("followup_cell_center", parent=CELL, alignment=1)
OVERDUE_CELL = ParagraphStyle(
    "followup_overdue", parent=CELL_CENTER, fontName=BOLD, textColor=styles.DRAFT_RED
)
COLUMNS = [  # after «ردیف», from the right
    Column(CODE, 1.2, centered=True),
    Column(TEXT, 3.85),
    Column(MEETING, 1.35, centered=True),
    Column(ROLE, 0.95, centered=True),
    Column(DEADLINE, 1.15, centered=True),
    Column(STATUS, 1.05, centered=True),
    Column(LAST_FOLLOWUP, 2.95),
]


@dataclass(frozen=True)
class OpenResolution:
    """One resolution of the letter's table."""

    id: int
    code: str
    text: str  # in force: the last amendment's, or as written in the minutes
    meeting_title: str
    meeting_date: dt.date
    due_date: dt.date | None
    due_next_meeting: bool
    status: ResolutionStatus
    overdue: bool
    days_overdue: int  # 0 unless overdue
    role: AssignmentRole  # the agency's
    last_followup: FollowUpRecord | None

    @property
    def due_text(self) -> str:
        return deadline_text(self.due_date, self.due_next_meeting)


@dataclass(frozen=True)
class FollowUpLetterData:
    agency_id: int
    agency_name: str
    addressee: Addressee
    resolutions: tuple[OpenResolution, ...]  # overdue first, the most overdue at the top

    @property
    def overdue_count(self) -> int:
        return sum(1 for r in self.resolutions if r.overdue)

    @property
    def most_days_overdue(self) -> int:
        return max((r.days_overdue for r in self.resolutions), default=0)

    @property
    def worst_first_key(self) -> tuple[int, int, str, int]:
        return (-self.most_days_overdue, -self.overdue_count, sort_key(self.agency_name), self.agency_id)


# -- reading the records --------------------------------------------------------------


def gather_followup_letter(secretariat: Secretariat, agency_id: int) -> FollowUpLetterData:
    """The agency's open resolutions, in the letter's order; refused if it has none."""
    agency = secretariat.agencies.get(agency_id)
    register = secretariat.register
    rows = register.page(ResolutionQuery(still_open=True, agency_id=agency_id), limit=None)
    if not rows:
        raise DomainError(NOTHING_OPEN.format(agency=agency.name))
    ids = [row.id for row in rows]
    roles, texts = register.roles_of(agency_id, ids), register.texts_in_force(ids)
    today = clock.today()
    resolutions = [
        _open_resolution(row, roles[row.id], texts.get(row.id), secretariat.followup.log(row.id), today)
        for row in rows
    ]
    resolutions.sort(key=_letter_order)
    manager = secretariat.people.current_pr_manager(agency_id)
    return FollowUpLetterData(
        agency_id, agency.name, pr_manager_addressee(agency.name, manager), tuple(resolutions)
    )


def gather_followup_letters(
    secretariat: Secretariat, run: ReportRun | None = None
) -> list[FollowUpLetterData]:
    """A letter for every agency with an overdue resolution (lead or collaborator), worst first."""
    run = run or ReportRun()
    agency_ids = secretariat.register.assignees(ResolutionQuery(overdue=True))
    if not agency_ids:
        raise DomainError(NOBODY_OVERDUE)
    letters = []
    for index, agency_id in enumerate(agency_ids, start=1):
        letters.append(gather_followup_letter(secretariat, agency_id))
        run.advance(GATHERED * index / len(agency_ids))
    letters.sort(key=lambda letter: letter.worst_first_key)
    return letters


def _open_resolution(
    row: ResolutionRow,
    role: AssignmentRole,
    amended_text: str | None,
    log: tuple[FollowUpRecord, ...],
    today: dt.date,
) -> OpenResolution:
    days = (today - row.due_date).days if row.overdue and row.due_date is not None else 0
    counted = in_force(log)
    return OpenResolution(
        id=row.id,
        code=row.code,
        text=amended_text or row.text,
        meeting_title=row.meeting_title,
        meeting_date=row.meeting_date,
        due_date=row.due_date,
        due_next_meeting=row.due_next_meeting,
        status=row.status,
        overdue=row.overdue,
        days_overdue=days,
        role=role,
        last_followup=counted[-1] if counted else None,
    )


def _letter_order(resolution: OpenResolution) -> tuple[bool, bool, dt.date, dt.date, str]:
    """Overdue first, the oldest deadline at the top; then by deadline, those without one last."""
    due = resolution.due_date
    return (not resolution.overdue, due is None, due or dt.date.max, resolution.meeting_date, resolution.code)


# -- rendering ----------------------------------------------------------------------------


def render_followup_letter(
    secretariat: Secretariat,
    agency_id: int,
    *,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The follow-up letter to one agency about its open resolutions, as PDF bytes."""
    return print_followup_letter(
        secretariat, agency_id, issuing=issuing, printed_on=printed_on, progress=progress, cancelled=cancelled
    ).pdf


def print_followup_letter(
    secretariat: Secretariat,
    agency_id: int,
    *,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> PrintedLetters:
    """The follow-up letter to one agency, registered as ``issuing`` says."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    council = council_of(secretariat)
    letter = gather_followup_letter(secretariat, agency_id)
    run.advance(GATHERED)
    title = TITLE.format(agency=letter.agency_name)
    return _print(secretariat, council, [letter], title, issuing, printed_on, run)


def render_followup_letters(
    secretariat: Secretariat,
    *,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """One follow-up letter for every agency with overdue work, worst first, as one PDF."""
    return print_followup_letters(
        secretariat, issuing=issuing, printed_on=printed_on, progress=progress, cancelled=cancelled
    ).pdf


def print_followup_letters(
    secretariat: Secretariat,
    *,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> PrintedLetters:
    """A follow-up letter to every agency with overdue work, worst first, each registered."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    council = council_of(secretariat)
    letters = gather_followup_letters(secretariat, run)
    title = LETTERS_TITLE.format(council=council.name)
    return _print(secretariat, council, letters, title, issuing, printed_on, run)


def _print(
    secretariat: Secretariat,
    council: CouncilRecord,
    letters: list[FollowUpLetterData],
    title: str,
    issuing: Issuing,
    printed_on: dt.date | None,
    run: ReportRun,
) -> PrintedLetters:
    printed_on = printed_on or clock.today()

    def layout(printed: Sequence[PrintedLetter], layout_run: ReportRun | None) -> bytes:
        return followup_letters_pdf(
            council, letters, printed, title=title, printed_on=printed_on, run=layout_run
        )

    drafts = [followup_draft(council, letter, printed_on) for letter in letters]
    return print_letters(secretariat.letters, drafts, layout, issuing=issuing, on=printed_on, run=run)


def followup_draft(council: CouncilRecord, letter: FollowUpLetterData, day: dt.date) -> OutgoingDraft:
    """The letter to register: the same agency, day and resolutions make the same letter."""
    ids = sorted(r.id for r in letter.resolutions)
    listed = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:16]
    return OutgoingDraft(
        kind=LetterKind.FOLLOWUP.value,
        source_key=f"followup:{letter.agency_id}:{day.isoformat()}:{listed}",
        party=letter.agency_name,
        subject=SUBJECT.format(council=council.name),
        agency_id=letter.agency_id,
        concerns=Concerns.RESOLUTIONS.value,
        resolution_ids=ids,
        recorded_by=council.secretary,
    )


def followup_letters_pdf(
    council: CouncilRecord,
    letters: list[FollowUpLetterData],
    printed: Sequence[PrintedLetter],
    *,
    title: str,
    printed_on: dt.date | None = None,
    run: ReportRun | None = None,
) -> bytes:
    """The ``printed`` of ``letters`` one after another, each on its own pages, as PDF bytes."""
    printed_on = printed_on or clock.today()
    setup = PageSetup(council_name=council.name, title=title, printed_on=printed_on, letter_heads=True)
    subject = SUBJECT.format(council=council.name)
    story = letters_story(
        (
            RUNNING_HEAD.format(subject=subject, addressee=letter.agency_name),
            followup_letter(council, letter, each.date),
            letter.agency_name,
            None,
            letter_head(each),
        )
        for each in printed
        for letter in (letters[each.index],)
    )
    return build_pdf(story, setup, run, layout_from=GATHERED)


def reply_by(printed_on: dt.date) -> dt.date:
    return printed_on + dt.timedelta(days=REPLY_DAYS)


def followup_letter(council: CouncilRecord, letter: FollowUpLetterData, dated: dt.date) -> list[Flowable]:
    """One letter's flowables, top to bottom; the reply asked for a week after its date."""
    story = opening(letter.addressee.lines, SUBJECT.format(council=council.name))
    story.append(RtlParagraph(_intro(council, letter), BODY))
    story.append(Spacer(1, 4))
    story.append(
        rtl_table(
            COLUMNS,
            [_row(r) for r in letter.resolutions],
            width=CONTENT_WIDTH,
            numbered=True,
            cell_style=CELL,
        )
    )
    # The date held together: a date broken over two lines reads badly.
    reply = jalali.format_long(reply_by(dated)).replace(" ", NBSP)
    story.append(closing(REQUEST.format(reply=reply), council, chair_copies(council)))
    return story


def _intro(council: CouncilRecord, letter: FollowUpLetterData) -> str:
    count, overdue = len(letter.resolutions), letter.overdue_count
    text = (INTRO_ONE if count == 1 else INTRO).format(council=council.name, count=format_int(count))
    if overdue == 0:
        return text
    if overdue == count:
        return text + (OVERDUE_ONE if count == 1 else OVERDUE_ALL)
    if overdue == 1:
        return text + OVERDUE_SOME_ONE.format(label=OVERDUE_LABEL)
    return text + OVERDUE_SOME.format(overdue=format_int(overdue), label=OVERDUE_LABEL)


def _row(resolution: OpenResolution) -> list[Cell]:
    status: Cell
    if resolution.overdue:
        status = RtlParagraph(
            f"{OVERDUE_LABEL}\n{DAYS_LATE.format(days=format_int(resolution.days_overdue))}", OVERDUE_CELL
        )
    else:
        status = resolution.status.label
    meeting = f"{resolution.meeting_title}\n{jalali.format_short(resolution.meeting_date)}"
    return [
        display_code(resolution.code),
        resolution.text,
        meeting,
        resolution.role.label,
        resolution.due_text,
        status,
        _last_followup(resolution.last_followup),
    ]


def _last_followup(entry: FollowUpRecord | None) -> str:
    if entry is None:
        return NO_FOLLOWUP
    lines = [FOLLOWUP_HEAD.format(date=jalali.format_short(entry.date), kind=entry.kind.label)]
    if entry.note:
        lines.append(entry.note)
    if entry.progress is not None:
        lines.append(PROGRESS.format(percent=to_persian_digits(entry.progress)))
    return "\n".join(lines)
