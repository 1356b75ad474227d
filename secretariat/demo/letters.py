"""The demo council's letter register (دفتر اندیکاتور): every letter in and out since its first meeting.

Outgoing, numbered in the order of their dates (a sequence per Jalali year):
- the invitations to each meeting, one per invited agency and guest, some
  days before it (three for an extraordinary meeting, two weeks for the
  general assembly), and new ones when a meeting was postponed;
- the communication of each finalized meeting's resolutions (ابلاغ مصوبات),
  a day after the minutes were finalized, one letter per responsible agency
  with the same source key as ``Secretariat.communicate``, so that printing
  them in the app reprints them as copies;
- the letters the follow-up log tells of («نامه شماره ۲۴۸/ش/۱۴۰۴»): the
  log's numbers are set to the register's, so the log and the register agree;
- a follow-up letter to each agency with overdue resolutions, two weeks
  before each meeting (the secretariat's own agency, the governorate, gets none);
- a monthly reminder to each agency whose report had not come three days
  after the due day (the missing months and the late ones);
- one invitation printed twice as a new letter by mistake, the copy voided.

Incoming, with the secretariat's receipt numbers: the agencies' letters the
follow-up evidence cites («نامه شماره ۵۱۲/د/۱۴۰۴ دانشگاه آزاد»), linked to
their resolution and to the letter they answer; an agency's answer to a
follow-up letter and another's to a communication letter, each reporting
progress (so an entry in the resolution's follow-up log); a monthly report
sent by letter after its reminder; a letter from the province's PR office,
outside the council, with its scan.

The outgoing letters go in bulk, numbered from the council's pattern as
``LetterService.issue`` numbers them (issuing ~400 letters one save each
took 0.7 s, most of the demo's build); the incoming ones and the void go
through ``LetterService`` (what they answer writes the follow-up log), and
the clock stamps they write are moved back to the days they happened. No
PDF is kept for the demo's letters: printing one shows it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select

from db.models import (
    Agency,
    Assignment,
    Attachment,
    FollowUp,
    Invitation,
    Letter,
    LetterResolution,
    Meeting,
    MonthlyReport,
    Resolution,
)
from secretariat.changes import note_changes
from secretariat.core import Secretariat
from secretariat.council_settings import read_due_day
from secretariat.database import Database
from secretariat.demo.calendar import DemoCalendar, working_day
from secretariat.demo.meetings import BuiltMeetings, scanned_sheet
from secretariat.followup.status import FollowUpKind, ResolutionStatus
from secretariat.letters import communication, numbering
from secretariat.letters.numbering import IN, OUT
from secretariat.letters.register import Concerns, IncomingDraft, LetterKind
from secretariat.meetings import content
from secretariat.meetings.attachments import IncomingFile
from secretariat.meetings.kinds import AssignmentRole, MeetingKind, MeetingStatus, meeting_title
from secretariat.monthly.matrix import CellState, MatrixQuery
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from secretariat.persian.collation import sort_key
from secretariat.persian.ordinals import ordinal
from secretariat.persian.text import fold, to_persian_digits

SECRETARY = "زهرا موسوی"
OWN_AGENCY = "فرمانداری"  # the secretariat's own agency: it writes no follow-up letter to itself
PROVINCE = "اداره کل روابط عمومی استانداری تهران"  # outside the council
LETTER_PARTS = 3  # progress: the letters planned, issued, then received

# Days before a meeting its invitations go out, by kind; the follow-up round before each meeting.
INVITATION_DAYS = {
    MeetingKind.REGULAR: 10,
    MeetingKind.EXTRAORDINARY: 3,
    MeetingKind.GENERAL_ASSEMBLY: 14,
    MeetingKind.WORKING_GROUP: 7,
}
FOLLOWUP_ROUND_DAYS = 12
REMINDER_DAYS = 3  # after the due day of the month's reports
DUPLICATE = ("1405/08/20", "شهرداری بومهن")  # (meeting, agency): its invitation numbered twice
VOID_REASON = "این دعوت‌نامه دو بار با شماره تازه چاپ شد؛ نامه شماره {first} همان است که فرستاده شد."

# As the printed letters name their subjects (secretariat/reports).
INVITATION_SUBJECT = "دعوت به {meeting} {council}"
FOLLOWUP_SUBJECT = "پیگیری اجرای مصوبات {council}"
REMINDER_SUBJECT = "یادآوری ارسال گزارش ماهانه {month}"
CIRCULAR = "دستگاه‌های عضو {council}"

# The secretariat's letters the follow-up log cites, by the number written there («۲۴۸/ش»): to
# whom (a member's short name, several, the province, or "" for all the members) and the subject.
LOGGED_LETTERS: dict[str, tuple[str | tuple[str, ...], str]] = {
    "۲۱۵": ("", "یادآوری ارسال گزارش ماهانه فعالیت‌های روابط عمومی به دبیرخانه شورا"),
    "۲۴۸": ("دانشگاه آزاد", "درخواست برنامه دوره‌های آموزشی کارکنان روابط عمومی"),
    "۳۵۷": ("", "درخواست معرفی رابط خبری دستگاه‌ها"),
    "۳۶۸": ("", "ابلاغ تقویم مشترک برنامه‌های مناسبتی"),
    "۳۸۲": ("دانشگاه آزاد", "پیگیری زمان برگزاری دوره خبرنویسی"),
    "۴۰۹": ("", "یادآوری اعلام نظر درباره پیش‌نویس شیوه‌نامه شبکه ارتباط رسانه‌ای"),
    "۴۳۱": ("", "ابلاغ شیوه‌نامه شبکه ارتباط رسانه‌ای"),
    "۵۰۳": ("", "ارسال پیش‌نویس شاخص‌های ارزیابی روابط عمومی‌ها برای اعلام نظر"),
    "۵۶۰": (PROVINCE, "استعلام درباره پایگاه استانی قرارگاه رسانه‌ای"),
    "۵۸۸": ("پارک فناوری", "پیگیری راه‌اندازی بستر تبادل تجربه روابط عمومی‌ها"),
    "۶۱۲": ("", "ابلاغ برنامه دیدار روسای ادارات با خانواده‌های شهدا"),
    "۶۳۰": (("برق", "گاز", "آبفا"), "درخواست اعلام شماره‌های پاسخگویی ایام تعطیل"),
    "۱۸": (PROVINCE, "ارسال نشریه الکترونیکی عملکرد دبیرخانه شورا"),
    "۱۵": ("", "ابلاغ شاخص‌های ده‌گانه ارزیابی و فرم خوداظهاری"),
    "۱۴۸": ("", "درخواست پیش‌بینی سهم دو در هزار روابط عمومی در بودجه دستگاه‌ها"),
    "۱۸۶": ("شبکه بهداشت", "پیگیری زمان برگزاری کارگاه ارتباطات در بحران"),
    "۲۴۰": (PROVINCE, "جمع‌بندی نیازهای نیروی انسانی و تجهیزات روابط عمومی‌های شهرستان"),
    "۲۶۱": ("", "یادآوری ارسال گزارش ماهانه به دستگاه‌هایی که گزارش نفرستاده‌اند"),
    "۲۶۵": ("", "ابلاغ قالب یکسان گزارش ماهانه و راهنمای آن"),
    "۲۷۲": ("", "یادآوری به‌روزرسانی هفتگی صفحات دستگاه‌ها در پورتال"),
    "۴۰۸": ("", "درخواست پیشنهادهای دستگاه‌ها برای برنامه یک‌ساله شورا"),
    "۴۱۲": ("", "ارسال بسته محتوایی شبکه بهداشت برای انتشار"),
    "۴۱۴": ("", "ارسال فرم خوداظهاری ارزیابی میان‌دوره‌ای"),
}
# The agencies' letters a resolution's evidence of completion cites («۵۱۲/د»): sender and subject.
CITED_INCOMING: dict[str, tuple[str, str]] = {
    "۱۲۴/ف": ("فرهنگ و ارشاد", "ارسال فهرست خبرنگاران و رسانه‌های شهرستان"),
    "۵۱۲/د": ("دانشگاه آزاد", "برنامه دوره‌های آموزشی شش ماه آینده کارکنان روابط عمومی"),
    "۶۷۱/آ": ("آبفا", "گزارش بازنشر پیام‌های صرفه‌جویی در مصرف آب"),
    "۸۷۴/د": ("دانشگاه آزاد", "گزارش برگزاری دوره خبرنویسی و فهرست شرکت‌کنندگان"),
    "۹۸۸/د": ("دانشگاه آزاد", "ارسال گواهی شرکت‌کنندگان دوره خبرنویسی"),
    "۲۲/م": ("میراث فرهنگی", "گزارش عملکرد ستاد اطلاع‌رسانی سفرهای ایام تعطیل"),
    "۳۱/ف": ("فرهنگ و ارشاد", "حکم اعضای کمیته برگزاری همایش سالانه روابط عمومی‌ها"),
    "۹۲/ف": ("فرهنگ و ارشاد", "تقویم رویدادهای مناسبتی سال"),
    "۸۸/ک": ("کتابخانه‌های عمومی", "گزارش پایانی پویش کتابخوانی و فهرست اخبار منتشرشده"),
}
# «۲۴۸/ش/۱۴۰۴», and «۲۶۱-ش-۱۴۰۵» in a file's name.
_CITED = re.compile(r"([۰-۹]+)([/-])([آ-ی])\2([۰-۹]{4})")


@dataclass(frozen=True)
class _Answer:
    """An agency's letter answering ours about a resolution, the progress it reports in the log."""

    resolution: tuple[str, int]  # (the meeting's written date, the resolution's number)
    answers: LetterKind  # the kind of our letter it answers
    after_days: int  # received so long after our letter
    their_number: str  # {year} is the year of their letter
    subject: str


ANSWERS = (
    _Answer(
        ("1404/10/16", 6),
        LetterKind.FOLLOWUP,
        6,
        "312/پ/{year}",
        "پاسخ نامه پیگیری: مجوز بستر تبادل تجربه روابط عمومی‌ها رسید و گروه آزمایشی راه افتاد",
    ),
    _Answer(
        ("1405/02/27", 4),
        LetterKind.COMMUNICATION,
        9,
        "1146/ب/{year}",
        "پاسخ نامه ابلاغ مصوبات: هماهنگی کارگاه ارتباطات در بحران با مدرس آن آغاز شد",
    ),
)
FROM_PROVINCE = (
    "1405/07/12",  # received, written for the anchor
    "28417/210",
    "درخواست گزارش عملکرد شش‌ماهه شورای هماهنگی روابط عمومی‌های شهرستان و برنامه نیمه دوم سال",
)
MONTHLY_SUBJECT = "ارسال گزارش ماهانه فعالیت‌های روابط عمومی {month}"


@dataclass
class _Out:
    """An outgoing letter planned: its day and what ``OutgoingDraft`` would say."""

    day: dt.date
    kind: LetterKind
    party: str
    subject: str
    agency_id: int | None = None
    concerns: Concerns = Concerns.OTHER
    meeting_id: int | None = None
    resolution_ids: tuple[int, ...] = ()
    report_month: Month | None = None
    source_key: str = ""
    cited: str = ""  # the number as the follow-up log wrote it, to be set to this letter's
    order: float = 0.0  # among the letters of its day
    number: str = ""  # given when issued


@dataclass(frozen=True)
class _MeetingFacts:
    id: int
    kind: MeetingKind
    number: int | None
    date: dt.date
    status: MeetingStatus
    finalized_on: dt.date | None
    postponed: tuple[tuple[dt.date, dt.date], ...]  # (the date it was first set for, the day it was moved)


@dataclass(frozen=True)
class _ResolutionFacts:
    id: int
    code: str
    meeting_date: dt.date
    due_date: dt.date | None
    status: str
    closed_on: dt.date | None
    lead: int | None


@dataclass
class _Facts:
    """What the letters are written from: the register, meetings, resolutions, follow-up and reports."""

    council: str
    names: dict[int, str]  # agency id -> its name
    ids: dict[str, int]  # short name -> agency id
    meetings: list[_MeetingFacts]
    # meeting -> (invitation, agency, the party: the agency's name, or the guest and their organisation)
    invitations: dict[int, list[tuple[int, int | None, str]]]
    assignments: dict[int, dict[int, list[tuple[str, int, bool]]]]  # meeting -> agency -> (code, id, lead)
    resolutions: dict[int, _ResolutionFacts]
    cited: list[tuple[int, dt.date, str, FollowUpKind | None]]  # (resolution, day, text, entry kind)
    progress: dict[int, list[tuple[dt.date, int]]]  # resolution -> (day, progress) of its log
    due_day: int
    by_letter: list[tuple[int, Month, dt.date, str, dt.date | None]]  # reports sent by letter
    owed: list[tuple[Month, int, dt.date | None]]  # reports missing or late: (month, agency, received)


def build_letters(
    secretariat: Secretariat,
    calendar: DemoCalendar,
    meetings: BuiltMeetings,
    *,
    progress: Callable[[int], None] | None = None,
) -> None:
    """The register up to ``calendar.today``; ``progress(n)`` is told each of ``LETTER_PARTS`` done."""
    tell = progress or (lambda _done: None)
    facts = _read(secretariat)
    outgoing = _Planner(facts, calendar).outgoing()
    duplicate = _duplicate(outgoing, facts, meetings)
    tell(1)
    _issue(secretariat.database, outgoing)
    _number_the_log(secretariat.database, outgoing)
    tell(2)
    incoming = [
        *_cited_incoming(facts, outgoing),
        *_answers(facts, meetings, outgoing, calendar.today),
        *_monthly_by_letter(facts, outgoing),
        _from_province(calendar),
    ]
    _receive(secretariat, incoming)
    if duplicate is not None:
        first, copy = duplicate
        secretariat.letters.void(copy.number, reason=VOID_REASON.format(first=numbering.shown(first.number)))
        _backdate_void(secretariat.database, copy)
    tell(3)


def _read(secretariat: Secretariat) -> _Facts:
    council = secretariat.council.get()
    assert council is not None, "the demo's council is registered first"
    database = secretariat.database
    with database.reading() as session:
        agencies = session.execute(select(Agency.id, Agency.name, Agency.short_name)).all()
        meetings = []
        for meeting in session.scalars(select(Meeting).order_by(Meeting.date, Meeting.id)):
            meetings.append(
                _MeetingFacts(
                    meeting.id,
                    MeetingKind(meeting.kind),
                    meeting.number,
                    meeting.date,
                    MeetingStatus(meeting.status),
                    meeting.finalized_at.date() if meeting.finalized_at else None,
                    tuple((p.from_date, p.recorded_at.date()) for p in meeting.postponements),
                )
            )
        names = {agency_id: name for agency_id, name, _short in agencies}
        invitations: dict[int, list[tuple[int, int | None, str]]] = defaultdict(list)
        rows = session.execute(
            select(
                Invitation.meeting_id,
                Invitation.id,
                Invitation.agency_id,
                Invitation.guest_name,
                Invitation.guest_organization,
            )
        )
        for meeting_id, invitation_id, agency_id, guest, organization in rows:
            party = (
                names[agency_id]
                if agency_id is not None
                else "، ".join(p for p in (guest, organization) if p)
            )
            invitations[meeting_id].append((invitation_id, agency_id, party))
        for invited in invitations.values():  # the members in Persian order, then the guests as invited
            invited.sort(
                key=lambda row: (row[1] is None, sort_key(row[2]) if row[1] is not None else str(row[0]))
            )
        assignments: dict[int, dict[int, list[tuple[str, int, bool]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        resolutions: dict[int, _ResolutionFacts] = {}
        responsible = session.execute(
            select(
                Resolution.id,
                Resolution.code,
                Resolution.meeting_id,
                Meeting.date,
                Resolution.due_date,
                Resolution.status,
                Resolution.closed_on,
                Assignment.agency_id,
                Assignment.role,
            )
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .join(Assignment, Assignment.resolution_id == Resolution.id)
        )
        for resolution_id, code, meeting_id, held, due, status, closed, agency_id, role in responsible:
            if agency_id is None:
                continue
            lead = role == AssignmentRole.LEAD.value
            assignments[meeting_id][agency_id].append((code, resolution_id, lead))
            if lead or resolution_id not in resolutions:
                resolutions[resolution_id] = _ResolutionFacts(
                    resolution_id, code, held, due, status, closed, agency_id if lead else None
                )
        cited: list[tuple[int, dt.date, str, FollowUpKind | None]] = [
            (resolution_id, day, note, FollowUpKind(kind))
            for resolution_id, day, note, kind in session.execute(
                select(FollowUp.resolution_id, FollowUp.date, FollowUp.note, FollowUp.kind)
                .where(FollowUp.note.contains("/ش/"))
                .order_by(FollowUp.date, FollowUp.id)
            )
        ]
        cited += [
            (resolution_id, closed, evidence, None)
            for resolution_id, closed, evidence in session.execute(
                select(Resolution.id, Resolution.closed_on, Resolution.completion_evidence).where(
                    Resolution.completion_evidence.contains("نامه شماره")
                )
            )
            if closed is not None
        ]
        logged: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
        for resolution_id, day, percent in session.execute(
            select(FollowUp.resolution_id, FollowUp.date, FollowUp.progress).where(
                FollowUp.progress.is_not(None)
            )
        ):
            if percent is not None:
                logged[resolution_id].append((day, percent))
        due_day = read_due_day(session)
        by_letter = [
            (agency_id, Month(year, month), received, their_number, their_date)
            for agency_id, year, month, received, their_number, their_date in session.execute(
                select(
                    MonthlyReport.agency_id,
                    MonthlyReport.year,
                    MonthlyReport.month,
                    MonthlyReport.received_on,
                    MonthlyReport.letter_number,
                    MonthlyReport.letter_date,
                )
                .where(MonthlyReport.via == "letter", MonthlyReport.in_force.is_(True))
                .order_by(MonthlyReport.received_on)
            )
        ]
    return _Facts(
        council=council.name,
        names=names,
        ids={short: agency_id for agency_id, _name, short in agencies},
        meetings=meetings,
        invitations=dict(invitations),
        assignments={meeting: dict(by) for meeting, by in assignments.items()},
        resolutions=resolutions,
        cited=cited,
        progress=dict(logged),
        due_day=due_day,
        by_letter=by_letter,
        owed=_owed(secretariat),
    )


def _owed(secretariat: Secretariat) -> list[tuple[Month, int, dt.date | None]]:
    """The months' reports that were missing or late: (month, agency, received on or None)."""
    owed: list[tuple[Month, int, dt.date | None]] = []
    matrix = secretariat.monthly_matrix
    for year in sorted(matrix.years()):
        for row in matrix.year(MatrixQuery(year)).rows:
            owed += [
                (cell.month, row.agency_id, cell.received_on)
                for cell in row.cells
                if cell.state in (CellState.MISSING, CellState.LATE)
            ]
    return owed


class _Planner:
    """The outgoing letters, each kind in turn; numbered later in the order of their days."""

    def __init__(self, facts: _Facts, calendar: DemoCalendar):
        self.facts = facts
        self.today = calendar.today
        self.letters: list[_Out] = []

    def add(self, letter: _Out) -> None:
        if letter.day <= self.today:
            letter.order = len(self.letters)
            self.letters.append(letter)

    def outgoing(self) -> list[_Out]:
        self.invitations()
        self.communications()
        self.logged()
        self.followup_rounds()
        self.reminders()
        return self.letters

    def invitations(self) -> None:
        council = self.facts.council
        for meeting in self.facts.meetings:
            subject = INVITATION_SUBJECT.format(meeting=_phrase(meeting), council=council)
            # Sent for the date first set; sent again, as new letters, the day it was moved.
            sendings: list[tuple[dt.date, dt.date | None]] = (
                [(meeting.postponed[0][0], None)] if meeting.postponed else []
            )
            sendings += [(meeting.date, meeting.postponed[-1][1] if meeting.postponed else None)]
            for held_on, moved_on in sendings:
                day = moved_on or working_day(held_on - dt.timedelta(days=INVITATION_DAYS[meeting.kind]))
                key = f"invitation:{meeting.id}:{held_on.isoformat()}"
                for invitation_id, agency_id, party in self.facts.invitations.get(meeting.id, []):
                    self.add(
                        _Out(
                            day,
                            LetterKind.INVITATION,
                            party,
                            subject,
                            agency_id=agency_id,
                            concerns=Concerns.MEETING,
                            meeting_id=meeting.id,
                            source_key=f"{key}:agency:{agency_id}"
                            if agency_id is not None
                            else f"{key}:guest:{invitation_id}",
                        )
                    )

    def communications(self) -> None:
        for meeting in self.facts.meetings:
            if meeting.status is not MeetingStatus.FINALIZED or meeting.finalized_on is None:
                continue
            day = working_day(meeting.finalized_on + dt.timedelta(days=1), 1)
            subject = communication.SUBJECT.format(
                meeting=meeting_title(meeting.kind, meeting.number), date=jalali.format_short(meeting.date)
            )
            responsible = self.facts.assignments.get(meeting.id, {})
            for agency_id in sorted(responsible, key=lambda a: sort_key(self.facts.names[a])):
                listed = sorted(responsible[agency_id], key=lambda r: (not r[2], r[0]))
                self.add(
                    _Out(
                        day,
                        LetterKind.COMMUNICATION,
                        self.facts.names[agency_id],
                        subject,
                        agency_id=agency_id,
                        concerns=Concerns.RESOLUTIONS,
                        meeting_id=meeting.id,
                        resolution_ids=tuple(resolution_id for _code, resolution_id, _lead in listed),
                        source_key=communication.source_key(meeting.id, agency_id),
                    )
                )

    def logged(self) -> None:
        """The secretariat's letters the follow-up log and the evidence of completion cite."""
        seen: set[str] = set()
        for resolution_id, day, text, kind in self.facts.cited:
            for match in _CITED.finditer(text):
                seq, _sep, series, _year = match.groups()
                if series != "ش" or match.group(0) in seen or seq not in LOGGED_LETTERS:
                    continue
                seen.add(match.group(0))
                to, subject = LOGGED_LETTERS[seq]
                agency_id, party = self.addressee(to)
                # A follow-up letter is to one agency about its resolutions; a circular is another letter.
                followup = kind is FollowUpKind.LETTER and agency_id is not None
                self.add(
                    _Out(
                        day,
                        LetterKind.FOLLOWUP if followup else LetterKind.OTHER,
                        party,
                        subject,
                        agency_id=agency_id,
                        concerns=Concerns.RESOLUTIONS,
                        resolution_ids=(resolution_id,),
                        source_key=_followup_key(agency_id, day, (resolution_id,)) if followup else "",
                        cited=match.group(0),
                    )
                )

    def addressee(self, to: str | tuple[str, ...]) -> tuple[int | None, str]:
        if isinstance(to, tuple):
            names = [self.facts.names[self.facts.ids[short]] for short in to]
            return None, "، ".join(names[:-1]) + " و " + names[-1]
        if to in self.facts.ids:
            agency_id = self.facts.ids[to]
            return agency_id, self.facts.names[agency_id]
        return None, to or CIRCULAR.format(council=self.facts.council)

    def followup_rounds(self) -> None:
        """Before each meeting, a letter to each agency leading resolutions overdue that day."""
        own = self.facts.ids.get(OWN_AGENCY)
        subject = FOLLOWUP_SUBJECT.format(council=self.facts.council)
        held = [m for m in self.facts.meetings if m.status in (MeetingStatus.HELD, MeetingStatus.FINALIZED)]
        for meeting in held[1:]:
            day = working_day(meeting.date - dt.timedelta(days=FOLLOWUP_ROUND_DAYS))
            overdue: dict[int, list[int]] = defaultdict(list)
            for resolution in self.facts.resolutions.values():
                if resolution.lead is not None and resolution.lead != own and _overdue(resolution, day):
                    overdue[resolution.lead].append(resolution.id)
            for agency_id in sorted(overdue, key=lambda a: sort_key(self.facts.names[a])):
                listed = tuple(sorted(overdue[agency_id]))
                self.add(
                    _Out(
                        day,
                        LetterKind.FOLLOWUP,
                        self.facts.names[agency_id],
                        subject,
                        agency_id=agency_id,
                        concerns=Concerns.RESOLUTIONS,
                        resolution_ids=listed,
                        source_key=_followup_key(agency_id, day, listed),
                    )
                )

    def reminders(self) -> None:
        """A reminder to each agency whose month's report had not come three days after it was due."""
        names = self.facts.names
        for month, agency_id, received in sorted(
            self.facts.owed, key=lambda o: (o[0].key, sort_key(names[o[1]]))
        ):
            day = working_day(month.due_date(self.facts.due_day) + dt.timedelta(days=REMINDER_DAYS), 1)
            if received is not None and received < day:
                continue  # came in before the reminders went out
            self.add(
                _Out(
                    day,
                    LetterKind.MONTHLY_REMINDER,
                    self.facts.names[agency_id],
                    REMINDER_SUBJECT.format(month=month.label),
                    agency_id=agency_id,
                    concerns=Concerns.MONTHLY,
                    report_month=month,
                    source_key=f"monthly_reminder:{month.key}:{agency_id}",
                )
            )


def _phrase(meeting: _MeetingFacts) -> str:
    """The meeting as the invitation's subject names it: «هفتمین جلسه»، «دومین جلسه فوق‌العاده»."""
    if meeting.number is None:
        return meeting.kind.label
    if meeting.kind is MeetingKind.EXTRAORDINARY:
        return f"{ordinal(meeting.number)} جلسه فوق‌العاده"
    return meeting_title(meeting.kind, meeting.number)


def _followup_key(agency_id: int | None, day: dt.date, resolution_ids: Iterable[int]) -> str:
    """As the follow-up letter's printout keys it: the same agency, day and resolutions are one letter."""
    listed = hashlib.sha256(",".join(map(str, sorted(resolution_ids))).encode()).hexdigest()[:16]
    return f"followup:{agency_id}:{day.isoformat()}:{listed}"


def _overdue(resolution: _ResolutionFacts, day: dt.date) -> bool:
    return (
        resolution.meeting_date < day
        and resolution.due_date is not None
        and resolution.due_date < day
        and resolution.status != ResolutionStatus.DEFERRED.value
        and (resolution.closed_on is None or resolution.closed_on > day)
    )


def _duplicate(outgoing: list[_Out], facts: _Facts, meetings: BuiltMeetings) -> tuple[_Out, _Out] | None:
    """The invitation printed twice as a new letter: the copy right after the first, to be voided."""
    meeting_id = meetings.meeting_ids.get(DUPLICATE[0])
    agency_id = facts.ids.get(DUPLICATE[1])
    for letter in outgoing:
        if letter.kind is LetterKind.INVITATION and (letter.meeting_id, letter.agency_id) == (
            meeting_id,
            agency_id,
        ):
            copy = _Out(**{**letter.__dict__, "order": letter.order + 0.5})
            outgoing.append(copy)
            return letter, copy
    return None


def _issue(database: Database, outgoing: list[_Out]) -> None:
    """Number the letters in the order of their days, as ``LetterService.issue`` would, in one save."""
    outgoing.sort(key=lambda letter: (letter.day, letter.order))
    with database.transaction() as session:
        pattern = numbering.pattern(session, OUT)
        last: dict[int, int] = dict(
            session.execute(
                select(Letter.year, func.max(Letter.seq)).where(Letter.direction == OUT).group_by(Letter.year)
            ).all()
        )
        rows: list[dict[str, object]] = []
        for letter in outgoing:
            year = jalali.jalali_year(letter.day)
            seq = last[year] = last.get(year, 0) + 1
            letter.number = numbering.format_number(pattern, seq=seq, year=year)
            rows.append(
                {
                    "direction": OUT,
                    "year": year,
                    "seq": seq,
                    "number": letter.number,
                    "date": letter.day,
                    "kind": letter.kind.value,
                    "agency_id": letter.agency_id,
                    "party": letter.party,
                    "subject": letter.subject,
                    "attachments": 0,
                    "concerns": letter.concerns.value,
                    "meeting_id": letter.meeting_id,
                    "report_year": letter.report_month.year if letter.report_month else None,
                    "report_month": letter.report_month.month if letter.report_month else None,
                    "source_key": letter.source_key,
                    "their_number": "",
                    "their_date": None,
                    "answers_letter_id": None,
                    # As the register folds them for its search.
                    "search_text": " ".join(
                        fold(part) for part in (letter.number, letter.party, letter.subject)
                    ),
                    "recorded_by": SECRETARY,
                    "recorded_at": dt.datetime.combine(letter.day, dt.time(9 + seq % 5, seq % 60)),
                    "voided_reason": "",
                    "voided_by": "",
                    "voided_at": None,
                }
            )
        # The database numbers the rows (explicit ids would leave PostgreSQL's sequence behind);
        # the ids come back in the order the rows were given.
        ids = session.scalars(insert(Letter).returning(Letter.id, sort_by_parameter_order=True), rows).all()
        links = [
            {"letter_id": letter_id, "resolution_id": resolution_id}
            for letter, letter_id in zip(outgoing, ids, strict=True)
            for resolution_id in letter.resolution_ids
        ]
        if links:
            session.execute(insert(LetterResolution), links)
        note_changes(session, letters=True)


def _number_the_log(database: Database, outgoing: Sequence[_Out]) -> None:
    """The numbers the follow-up log cites, set to the register's: «۲۴۸/ش/۱۴۰۴» -> «۳۷/ش/۱۴۰۴»."""
    renumbered = {letter.cited: numbering.shown(letter.number) for letter in outgoing if letter.cited}

    def renumber(text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            cited = match.group(0).replace("-", "/")
            new = renumbered.get(cited)
            if new is None:
                return match.group(0)
            return new.replace("/", "-") if match.group(2) == "-" else new

        return _CITED.sub(replace, text)

    with database.transaction() as session:
        for entry in session.scalars(select(FollowUp).where(FollowUp.note.contains("/ش/"))):
            entry.note = renumber(entry.note)
            if entry.attachment_id is not None:
                attachment = session.get_one(Attachment, entry.attachment_id)
                attachment.filename = renumber(attachment.filename)
        for resolution in session.scalars(
            select(Resolution).where(Resolution.completion_evidence.contains("/ش/"))
        ):
            resolution.completion_evidence = renumber(resolution.completion_evidence)


# -- incoming ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _In:
    """A letter received: the day, and the form as the secretariat fills it in."""

    day: dt.date
    draft: IncomingDraft


def _incoming(
    day: dt.date,
    subject: str,
    *,
    agency_id: int | None = None,
    party: str = "",
    their_number: str = "",
    their_date: dt.date | None = None,
    answers_resolution: str = "",
    answers_letter: str = "",
    answers_month: str = "",
    progress: int | None = None,
    file: IncomingFile | None = None,
) -> _In:
    def typed(day: dt.date | None) -> str:
        return jalali.format_short(day, persian_digits=False) if day else ""

    return _In(
        day,
        IncomingDraft(
            received_on=typed(day),
            subject=subject,
            agency_id=agency_id,
            party=party,
            their_number=their_number,
            their_date=typed(their_date),
            file=file,
            answers_resolution=answers_resolution,
            answers_letter=answers_letter,
            answers_month=answers_month,
            progress="" if progress is None else str(progress),
            recorded_by=SECRETARY,
        ),
    )


def _latest_to(
    outgoing: Sequence[_Out],
    agency_id: int,
    resolution_id: int,
    before: dt.date,
    kind: LetterKind | None = None,
) -> _Out | None:
    """Our latest letter to ``agency_id`` about ``resolution_id`` sent before ``before``."""
    found = [
        letter
        for letter in outgoing
        if letter.agency_id == agency_id
        and resolution_id in letter.resolution_ids
        and letter.day < before
        and (kind is None or letter.kind is kind)
    ]
    return found[-1] if found else None


def _cited_incoming(facts: _Facts, outgoing: Sequence[_Out]) -> list[_In]:
    """The agencies' letters the evidence of completion cites, answering our latest letter on it."""
    letters = []
    for resolution_id, day, text, kind in facts.cited:
        if kind is not None:
            continue  # the log's own entries: our letters
        for match in _CITED.finditer(text):
            seq, _sep, series, year = match.groups()
            if f"{seq}/{series}" not in CITED_INCOMING:
                continue
            sender, subject = CITED_INCOMING[f"{seq}/{series}"]
            agency_id = facts.ids[sender]
            resolution = facts.resolutions[resolution_id]
            answered = _latest_to(outgoing, agency_id, resolution_id, day)
            letters.append(
                _incoming(
                    day,
                    subject,
                    agency_id=agency_id,
                    their_number=numbering.typed(match.group(0)),
                    their_date=max(resolution.meeting_date, day - dt.timedelta(days=2)),
                    answers_resolution=resolution.code,
                    answers_letter=answered.number if answered else "",
                )
            )
    return letters


def _answers(facts: _Facts, meetings: BuiltMeetings, outgoing: Sequence[_Out], today: dt.date) -> list[_In]:
    """Agencies answering our letter about a resolution, with the progress they report."""
    letters = []
    for answer in ANSWERS:
        resolution = facts.resolutions[meetings.resolution_ids[answer.resolution]]
        if resolution.lead is None:
            continue
        ours = _latest_to(outgoing, resolution.lead, resolution.id, today, answer.answers)
        if ours is None:
            continue
        day = working_day(ours.day + dt.timedelta(days=answer.after_days), 1)
        if day >= today:
            continue
        logged = facts.progress.get(resolution.id, [])
        before = max((p for d, p in logged if d <= day), default=0)
        after = min((p for d, p in logged if d > day), default=100)
        progress = before + 10 if before + 10 <= after else None
        letters.append(
            _incoming(
                day,
                answer.subject,
                agency_id=resolution.lead,
                their_number=answer.their_number.format(year=jalali.jalali_year(day)),
                their_date=day - dt.timedelta(days=2),
                answers_resolution=resolution.code,
                answers_letter=ours.number,
                progress=progress,
            )
        )
    return letters


def _monthly_by_letter(facts: _Facts, outgoing: Sequence[_Out]) -> list[_In]:
    """The latest report that came by letter after its reminder (or the latest by letter), as a letter."""
    reminders = {
        (letter.agency_id, letter.report_month): letter
        for letter in outgoing
        if letter.kind is LetterKind.MONTHLY_REMINDER
    }
    if not facts.by_letter:
        return []
    after_reminder = [
        (report, reminder)
        for report in facts.by_letter
        if (reminder := reminders.get((report[0], report[1]))) is not None and reminder.day < report[2]
    ]
    (agency_id, month, received, their_number, their_date), answered = (
        after_reminder[-1] if after_reminder else (facts.by_letter[-1], None)
    )
    return [
        _incoming(
            received,
            MONTHLY_SUBJECT.format(month=month.label),
            agency_id=agency_id,
            their_number=their_number,
            their_date=their_date,
            answers_month=month.key,
            answers_letter=answered.number if answered else "",
        )
    ]


def _from_province(calendar: DemoCalendar) -> _In:
    written, their_number, subject = FROM_PROVINCE
    day = working_day(calendar.day(written))
    page, buffer, _width, _height = scanned_sheet(
        "Letter from the province's PR office",
        f"Letter no. {their_number}  -  received {day}",
        "Scanned copy",
    )
    page.showPage()
    page.save()
    scan = IncomingFile(
        f"نامه استانداری {to_persian_digits(their_number)}.pdf", buffer.getvalue(), content.PDF
    )
    return _incoming(
        day,
        subject,
        party=PROVINCE,
        their_number=their_number,
        their_date=day - dt.timedelta(days=3),
        file=scan,
    )


def _receive(secretariat: Secretariat, incoming: list[_In]) -> None:
    """Record the letters received in the order of their days; move the stamps back to those days."""
    database = secretariat.database
    with database.reading() as session:
        last_entry = session.scalar(select(func.max(FollowUp.id))) or 0
    received: dict[int, dt.date] = {}
    for letter in sorted(incoming, key=lambda letter: letter.day):
        record = secretariat.letters.record_incoming(letter.draft)
        received[record.id] = letter.day
    with database.transaction() as session:
        for row in session.scalars(select(Letter).where(Letter.id.in_(received), Letter.direction == IN)):
            row.recorded_at = dt.datetime.combine(received[row.id], dt.time(10, row.seq % 60))
        for entry in session.scalars(select(FollowUp).where(FollowUp.id > last_entry)):
            entry.recorded_at = dt.datetime.combine(entry.date, dt.time(10, 30))


def _backdate_void(database: Database, copy: _Out) -> None:
    with database.transaction() as session:
        letter = session.scalar(select(Letter).where(Letter.number == copy.number))
        assert letter is not None
        letter.voided_by = SECRETARY
        letter.voided_at = dt.datetime.combine(copy.day, dt.time(12, 40))
