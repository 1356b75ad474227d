"""The letter register: letters issued and received, their numbers, links, voids and the list.

Outgoing letters are registered when the app prints them (an invitation, a
follow-up letter, a monthly reminder, the communication of resolutions, a
certificate): ``issue`` gives the letter its number and date, or, when the
same letter (the same ``source_key``: what printed it and to whom) was
issued before and not voided, gives back that letter to be reprinted as a
copy (رونوشت); ``new=True`` issues a new letter instead. Incoming letters are
recorded with the sender's number and date, our receipt number, the scan, and
what they answer: a resolution (then an entry in its follow-up log, which may
report progress), an outgoing letter, or a month's report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from db.models import (
    Agency,
    CouncilSetting,
    FollowUp,
    Letter,
    LetterDocument,
    LetterResolution,
    MonthlyExemption,
    MonthlyReport,
    Resolution,
)
from secretariat import clock, validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, NumberTakenError, ValidationError
from secretariat.followup.status import FollowUpKind, ResolutionStatus
from secretariat.letters import numbering
from secretariat.letters.numbering import IN, OUT
from secretariat.meetings.attachments import IncomingFile, read_file
from secretariat.meetings.kinds import display_code
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from secretariat.persian.text import fold, search_terms, to_persian_digits

# A select of any columns, its rows' types kept through the filters.
StatementT = TypeVar("StatementT", bound="Select[*tuple[Any, ...]]")


class LetterKind(StrEnum):
    INVITATION = "invitation"
    FOLLOWUP = "followup"
    MONTHLY_REMINDER = "monthly_reminder"
    COMMUNICATION = "communication"
    CERTIFICATE = "certificate"
    INCOMING = "incoming"
    OTHER = "other"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    LetterKind.INVITATION: "دعوت‌نامه",
    LetterKind.FOLLOWUP: "نامه پیگیری",
    LetterKind.MONTHLY_REMINDER: "یادآوری گزارش ماهانه",
    LetterKind.COMMUNICATION: "ابلاغ مصوبات",
    LetterKind.CERTIFICATE: "لوح تقدیر",
    LetterKind.INCOMING: "نامه وارده",
    LetterKind.OTHER: "سایر",
}


class Concerns(StrEnum):
    MEETING = "meeting"
    RESOLUTIONS = "resolutions"
    MONTHLY = "monthly"
    EVALUATION = "evaluation"
    LETTER = "letter"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CONCERNS_LABELS[self]


CONCERNS_LABELS = {
    Concerns.MEETING: "جلسه",
    Concerns.RESOLUTIONS: "مصوبات",
    Concerns.MONTHLY: "گزارش ماهانه",
    Concerns.EVALUATION: "ارزیابی",
    Concerns.LETTER: "نامه",
    Concerns.OTHER: "سایر",
}

# Outgoing letters that ask for an answer: counted on the home page once unanswered past N days.
ASKS_FOR_ANSWER = (
    LetterKind.FOLLOWUP.value,
    LetterKind.MONTHLY_REMINDER.value,
    LetterKind.COMMUNICATION.value,
)
ANSWER_DAYS_SETTING = "letters.answer_days"
DEFAULT_ANSWER_DAYS = 14

ALREADY_VOID = "نامه {number} پیش‌تر باطل شده است."
SCAN_REFUSED = (
    "«{name}» پرونده PDF یا تصویر (PNG، JPEG، TIFF) نیست؛ نسخه نامه به یکی از این شکل‌ها نگه داشته می‌شود."
)
SAME_PATTERNS = "الگوی شماره نامه‌های وارده باید با الگوی صادره فرق داشته باشد، تا شماره‌ها یکی نشوند."
NO_LETTER = "نامه‌ای با شماره «{number}» در دفتر نیست."
REASON_REQUIRED = "دلیل ابطال را بنویسید."


@dataclass(frozen=True)
class OutgoingDraft:
    """A letter about to be printed: what it is, to whom, about what."""

    kind: str
    source_key: str  # what printed it and to whom: a reprint has the same key
    party: str  # the recipient as the letter addresses it
    subject: str
    agency_id: int | None = None
    attachments: int = 0
    concerns: str = Concerns.OTHER.value
    meeting_id: int | None = None
    resolution_ids: Sequence[int] = ()
    report_month: Month | None = None
    recorded_by: str = ""


@dataclass(frozen=True)
class IncomingDraft:
    """A letter received, as typed (dates Jalali, any digits)."""

    received_on: str
    subject: str
    agency_id: int | None = None
    party: str = ""  # the sender when not a member agency (a person, another office)
    their_number: str = ""
    their_date: str = ""
    file: IncomingFile | None = None
    # What it answers: a resolution's code, or our letter's number, or a month's report («1405/07»).
    answers_resolution: str = ""
    answers_letter: str = ""
    answers_month: str = ""
    progress: str = ""  # a resolution answered: the progress the agency reports, percent
    recorded_by: str = ""


@dataclass(frozen=True)
class LetterRecord:
    id: int
    direction: str
    number: str  # Latin digits, as stored; ``shown_number`` for the screen and the page
    date: dt.date
    kind: LetterKind
    agency_id: int | None
    party: str
    subject: str
    attachments: int
    concerns: Concerns
    meeting_id: int | None
    report_month: Month | None
    their_number: str
    their_date: dt.date | None
    answers_letter_id: int | None
    recorded_by: str
    recorded_at: dt.datetime
    voided_reason: str
    voided_by: str
    voided_at: dt.datetime | None
    resolution_ids: tuple[int, ...] = ()
    has_document: bool = False
    document_name: str = ""  # the issued PDF's or the scan's file name
    answered_by: tuple[int, ...] = ()  # incoming letters that answer this one
    copy: bool = False  # ``issue`` gave back a letter issued before: print it as a copy

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    @property
    def shown_number(self) -> str:
        return numbering.shown(self.number)


class LetterSort(StrEnum):
    DATE = "date"
    NUMBER = "number"
    DIRECTION = "direction"
    PARTY = "party"
    SUBJECT = "subject"
    CONCERNS = "concerns"


@dataclass(frozen=True)
class LetterQuery:
    year: int | None = None
    start: dt.date | None = None  # dated from (the register's report of a period)
    end: dt.date | None = None  # dated up to, that day included
    direction: str | None = None  # out | in
    agency_id: int | None = None
    concerns: str | None = None
    search: str = ""
    include_voided: bool = True
    # Only the letters ``awaiting_answer`` counts: asking for an answer, unanswered past the council's days.
    awaiting_answer: bool = False
    sort: LetterSort = LetterSort.DATE
    descending: bool = True  # the newest first


@dataclass(frozen=True)
class LinkedResolution:
    """A resolution a letter is about, as the letter's window lists it."""

    id: int
    code: str
    meeting_id: int
    text: str
    status: ResolutionStatus

    @property
    def display_code(self) -> str:
        return display_code(self.code)


@dataclass(frozen=True)
class LetterRow:
    """One line of the register."""

    id: int
    number: str
    date: dt.date
    direction: str
    kind: LetterKind
    party: str
    subject: str
    concerns: Concerns
    voided: bool
    answered: bool = field(default=False)


class LetterService:
    def __init__(self, database: Database):
        self._db = database

    # -- outgoing --------------------------------------------------------------------

    def issue(self, draft: OutgoingDraft, *, new: bool = False, on: dt.date | None = None) -> LetterRecord:
        """The letter's number and date: a new one, or (the same letter issued before, not void,
        and ``new`` not asked) the one it had, to be printed again as a copy."""
        return self.issue_many([draft], new=new, on=on)[0]

    def issue_many(
        self, drafts: Sequence[OutgoingDraft], *, new: bool = False, on: dt.date | None = None
    ) -> tuple[LetterRecord, ...]:
        """Letters printed together (one per agency), numbered in the order given, in one save."""
        with self._db.transaction() as session:
            return tuple(_issue(session, draft, new=new, on=on) for draft in drafts)

    def reprint_of(self, source_key: str) -> LetterRecord | None:
        """The letter that printing ``source_key`` again reprints (the newest not void), marked as a
        copy; None when printing it issues a new letter. Registers nothing: what a preview shows."""
        with self._db.reading() as session:
            earlier = _earlier(session, source_key) if source_key else None
            return _record(session, earlier, copy=True) if earlier is not None else None

    def keep_pdf(self, letter_id: int, filename: str, data: bytes) -> None:
        """Keep the PDF of the letter as first issued; a reprint keeps the first one."""
        with self._db.transaction() as session:
            if session.get(LetterDocument, letter_id) is None:
                _store(session, letter_id, IncomingFile(filename, data, "application/pdf"))

    def void(self, number: str, *, reason: str, by: str = "") -> LetterRecord:
        """Void a letter by its number: it stays in the register, struck through, its number taken."""
        with self._db.transaction() as session:
            letter = _by_number(session, number)
            if letter.voided_at is not None:
                raise DomainError(ALREADY_VOID.format(number=numbering.shown(letter.number)))
            errors = validation.FieldErrors()
            reason = validation.text(errors, "LetterService.void", "reason", reason, required=REASON_REQUIRED)
            by = validation.text(errors, "LetterService.void", "by", by)
            if errors:
                raise ValidationError(errors)
            letter.voided_reason, letter.voided_by, letter.voided_at = reason, by, dt.datetime.now()
            session.flush()
            return _record(session, letter)

    # -- incoming --------------------------------------------------------------------

    def read_file(self, path: str | Path) -> IncomingFile:
        """Read the scan of a letter received, to go in its ``IncomingDraft``: a whole PDF or image
        (told by its content), else refused with a DomainError in Persian."""
        incoming = read_file(path)
        if incoming.media_type is None:
            raise DomainError(SCAN_REFUSED.format(name=incoming.filename))
        return incoming

    def record_incoming(self, draft: IncomingDraft) -> LetterRecord:
        """Record a letter received, with our receipt number, and link it to what it answers."""
        form = "IncomingDraft"
        errors = validation.FieldErrors()
        received = validation.jalali_date(errors, "received_on", draft.received_on, required=True)
        their_date = validation.jalali_date(errors, "their_date", draft.their_date)
        subject = validation.text(errors, form, "subject", draft.subject, required="موضوع نامه را بنویسید.")
        party = validation.text(errors, form, "party", draft.party)
        their_number = validation.text(errors, form, "their_number", draft.their_number)
        recorded_by = validation.text(errors, form, "recorded_by", draft.recorded_by)
        today = clock.today()
        if received is not None:
            errors.check("received_on", received <= today, "تاریخ دریافت هنوز نرسیده است.")
        if their_date is not None and received is not None:
            errors.check("their_date", their_date <= received, "تاریخ نامه پس از تاریخ دریافت آن است.")
        progress: int | None = None
        if draft.progress.strip():
            typed = numbering.typed(draft.progress).rstrip("%٪").strip()
            errors.check(
                "progress", typed.isdigit() and 0 <= int(typed) <= 100, "درصد پیشرفت عددی از ۰ تا ۱۰۰ است."
            )
            progress = int(typed) if typed.isdigit() else None
        month: Month | None = None
        if draft.answers_month.strip():
            try:
                month = Month.parse(draft.answers_month)
            except DomainError as error:
                errors.check("answers_month", False, error.message)
        if draft.agency_id is None and not party:
            errors.check("party", False, "فرستنده را برگزینید یا نام او را بنویسید.")
        if errors:
            raise ValidationError(errors)
        assert received is not None
        with self._db.transaction() as session:
            if draft.agency_id is not None:
                agency = session.get(Agency, draft.agency_id)
                if agency is None:
                    raise NotFoundError("این دستگاه در فهرست نیست.")
                party = party or agency.name
            resolution = (
                _resolution_by_code(session, draft.answers_resolution) if draft.answers_resolution else None
            )
            answered = _by_number(session, draft.answers_letter) if draft.answers_letter.strip() else None
            if answered is not None and answered.direction != OUT:
                raise ValidationError({"answers_letter": "نامه پاسخ‌داده‌شده باید از نامه‌های صادره باشد."})
            if progress is not None and resolution is None:
                raise ValidationError({"progress": "درصد پیشرفت تنها برای پاسخ به یک مصوبه ثبت می‌شود."})
            year = jalali.jalali_year(received)
            seq, number = numbering.next_number(session, IN, year)
            concerns = (
                Concerns.RESOLUTIONS
                if resolution is not None
                else Concerns.MONTHLY
                if month is not None
                else Concerns.LETTER
                if answered is not None
                else Concerns.OTHER
            )
            letter = Letter(
                direction=IN,
                year=year,
                seq=seq,
                number=number,
                date=received,
                kind=LetterKind.INCOMING.value,
                agency_id=draft.agency_id,
                party=party,
                subject=subject,
                attachments=0,
                concerns=concerns.value,
                meeting_id=answered.meeting_id if answered is not None else None,
                report_year=month.year if month else None,
                report_month=month.month if month else None,
                their_number=their_number,
                their_date=their_date,
                answers_letter_id=answered.id if answered is not None else None,
                search_text=_search_text(number, party, subject, their_number),
                recorded_by=recorded_by,
                recorded_at=dt.datetime.now(),
            )
            session.add(letter)
            _flush_number(session)
            if draft.file is not None:
                _store(session, letter.id, draft.file)
            linked = [resolution.id] if resolution is not None else []
            if answered is not None:
                linked += list(
                    session.scalars(
                        select(LetterResolution.resolution_id).where(
                            LetterResolution.letter_id == answered.id
                        )
                    )
                )
            session.add_all(
                LetterResolution(letter_id=letter.id, resolution_id=r) for r in dict.fromkeys(linked)
            )
            if resolution is not None:
                _log_answer(session, resolution, letter, progress)
            session.flush()
            return _record(session, letter)

    # -- reading ---------------------------------------------------------------------

    def get(self, letter_id: int) -> LetterRecord:
        with self._db.reading() as session:
            letter = session.get(Letter, letter_id)
            if letter is None:
                raise NotFoundError("این نامه در دفتر نیست.")
            return _record(session, letter)

    def find(self, number: str) -> LetterRecord:
        with self._db.reading() as session:
            return _record(session, _by_number(session, number))

    def document(self, letter_id: int) -> tuple[str, bytes]:
        """The issued PDF or the scan: its name and bytes, checked against the SHA-256."""
        with self._db.reading() as session:
            stored = session.get(LetterDocument, letter_id)
            if stored is None:
                raise NotFoundError("این نامه پرونده‌ای ندارد.")
            if hashlib.sha256(stored.data).hexdigest() != stored.sha256:
                raise DomainError(f"پرونده «{stored.filename}» آسیب دیده است (چکیده آن نمی‌خواند).")
            return stored.filename, stored.data

    def resolutions(self, letter_id: int) -> tuple[LinkedResolution, ...]:
        """The resolutions a letter is about, by their codes."""
        with self._db.reading() as session:
            rows = session.execute(
                select(Resolution.id, Resolution.code, Resolution.meeting_id, Resolution.text)
                .add_columns(Resolution.status)
                .join(LetterResolution, LetterResolution.resolution_id == Resolution.id)
                .where(LetterResolution.letter_id == letter_id)
                .order_by(Resolution.code)
            )
            return tuple(
                LinkedResolution(resolution_id, code, meeting_id, text, ResolutionStatus(status))
                for resolution_id, code, meeting_id, text, status in rows
            )

    def count(self, query: LetterQuery = LetterQuery()) -> int:
        statement = self._filtered(select(func.count(Letter.id)), query)
        with self._db.reading() as session:
            return session.scalar(statement) or 0

    def page(
        self, query: LetterQuery = LetterQuery(), *, offset: int = 0, limit: int | None = 100
    ) -> list[LetterRow]:
        """The register, filtered, sorted (newest first by default) and paged in the database."""
        statement = self._filtered(
            select(
                Letter.id,
                Letter.number,
                Letter.date,
                Letter.direction,
                Letter.kind,
                Letter.party,
                Letter.subject,
                Letter.concerns,
                Letter.voided_at.is_not(None),
                _answered(),
            ),
            query,
        ).order_by(*self._order(query))
        statement = statement.offset(offset)
        if limit is not None:
            statement = statement.limit(limit)
        with self._db.reading() as session:
            return [
                LetterRow(
                    id=row[0],
                    number=row[1],
                    date=row[2],
                    direction=row[3],
                    kind=LetterKind(row[4]),
                    party=row[5],
                    subject=row[6],
                    concerns=Concerns(row[7]),
                    voided=bool(row[8]),
                    answered=bool(row[9]),
                )
                for row in session.execute(statement)
            ]

    def _order(self, query: LetterQuery) -> list[Any]:
        persian = self._db.persian_order
        by_date = [Letter.date, Letter.direction, Letter.seq]
        keys: dict[LetterSort, list[Any]] = {
            LetterSort.DATE: by_date,
            LetterSort.NUMBER: [Letter.year, Letter.direction, Letter.seq],
            LetterSort.DIRECTION: [Letter.direction, *by_date],
            LetterSort.PARTY: [persian(Letter.party), *by_date],
            LetterSort.SUBJECT: [persian(Letter.subject), *by_date],
            LetterSort.CONCERNS: [Letter.concerns, *by_date],
        }
        return [key.desc() if query.descending else key for key in [*keys[query.sort], Letter.id]]

    def _filtered(self, statement: StatementT, query: LetterQuery) -> StatementT:
        if query.awaiting_answer:
            statement = statement.where(_awaiting(clock.today() - dt.timedelta(days=self.answer_days())))
        if query.year is not None:
            statement = statement.where(Letter.year == query.year)
        if query.start is not None:
            statement = statement.where(Letter.date >= query.start)
        if query.end is not None:
            statement = statement.where(Letter.date <= query.end)
        if query.direction:
            statement = statement.where(Letter.direction == query.direction)
        if query.agency_id is not None:
            statement = statement.where(Letter.agency_id == query.agency_id)
        if query.concerns:
            statement = statement.where(Letter.concerns == query.concerns)
        if not query.include_voided:
            statement = statement.where(Letter.voided_at.is_(None))
        for term in search_terms(query.search):
            statement = statement.where(Letter.search_text.contains(term, autoescape=True))
        return statement

    def of_resolution(self, resolution_id: int) -> tuple[LetterRecord, ...]:
        """The letters about a resolution (its communication, follow-up letters, answers), oldest first."""
        with self._db.reading() as session:
            letters = session.scalars(
                select(Letter)
                .join(LetterResolution, LetterResolution.letter_id == Letter.id)
                .where(LetterResolution.resolution_id == resolution_id)
                .order_by(Letter.date, Letter.id)
            )
            return tuple(_record(session, letter) for letter in letters)

    def of_meeting(self, meeting_id: int, kind: LetterKind | None = None) -> tuple[LetterRecord, ...]:
        """The letters in force (not void) about a meeting, of ``kind`` if given, in the order issued."""
        statement = select(Letter).where(Letter.meeting_id == meeting_id, Letter.voided_at.is_(None))
        if kind is not None:
            statement = statement.where(Letter.kind == kind.value)
        with self._db.reading() as session:
            letters = session.scalars(statement.order_by(Letter.date, Letter.id))
            return tuple(_record(session, letter) for letter in letters)

    def awaiting_answer(self, days: int | None = None) -> int:
        """Outgoing letters that ask for an answer, sent more than ``days`` (by default the
        council's ``answer_days``) ago, not void, unanswered."""
        cutoff = clock.today() - dt.timedelta(days=self.answer_days() if days is None else days)
        with self._db.reading() as session:
            return session.scalar(select(func.count(Letter.id)).where(_awaiting(cutoff))) or 0

    def answer_days(self) -> int:
        """After how many days an unanswered letter counts as awaiting its answer (a council setting)."""
        with self._db.reading() as session:
            stored = session.get(CouncilSetting, ANSWER_DAYS_SETTING)
        return int(stored.value) if stored is not None and stored.value.isdigit() else DEFAULT_ANSWER_DAYS

    def years(self) -> tuple[int, ...]:
        with self._db.reading() as session:
            found = set(session.scalars(select(Letter.year).distinct()))
        return tuple(sorted({*found, jalali.jalali_year(clock.today())}, reverse=True))

    # -- settings --------------------------------------------------------------------

    def pattern(self, direction: str = OUT) -> str:
        with self._db.reading() as session:
            return numbering.pattern(session, direction)

    def set_pattern(self, pattern: str, direction: str = OUT) -> str:
        pattern = numbering.check_pattern(pattern)
        with self._db.transaction() as session:
            # One pattern for both directions would give an incoming letter an outgoing number
            # already taken, and no incoming letter could be recorded again.
            if numbering.pattern(session, IN if direction == OUT else OUT) == pattern:
                raise ValidationError({"pattern": SAME_PATTERNS})
            session.merge(CouncilSetting(key=numbering.SETTING_KEYS[direction], value=pattern))
        return pattern

    def set_patterns(self, *, outgoing: str, incoming: str) -> tuple[str, str]:
        """Both patterns in one save; refused field by field (``out``, ``in``), nothing saved then."""
        errors = validation.FieldErrors()
        checked: dict[str, str] = {}
        for direction, pattern in ((OUT, outgoing), (IN, incoming)):
            try:
                checked[direction] = numbering.check_pattern(pattern)
            except ValidationError as error:
                errors.check(direction, False, error.errors["pattern"])
        if not errors:
            errors.check(IN, checked[OUT] != checked[IN], SAME_PATTERNS)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            for direction, pattern in checked.items():
                session.merge(CouncilSetting(key=numbering.SETTING_KEYS[direction], value=pattern))
        return checked[OUT], checked[IN]

    def next_sequence(self, direction: str = OUT) -> tuple[int, int]:
        """The Jalali year and the sequence the next letter of ``direction`` would get today (for
        showing an example of a pattern; ``issue`` takes the number under the lock)."""
        year = jalali.jalali_year(clock.today())
        with self._db.reading() as session:
            last = session.scalar(
                select(func.max(Letter.seq)).where(Letter.direction == direction, Letter.year == year)
            )
        return year, (last or 0) + 1


# -- the rules ------------------------------------------------------------------------


def _earlier(session: Session, source_key: str) -> Letter | None:
    """The newest letter issued for ``source_key`` and not void: the one a reprint prints again."""
    return session.scalar(
        select(Letter)
        .where(Letter.direction == OUT, Letter.source_key == source_key, Letter.voided_at.is_(None))
        .order_by(Letter.date.desc(), Letter.id.desc())
        .limit(1)
    )


def _issue(session: Session, draft: OutgoingDraft, *, new: bool, on: dt.date | None) -> LetterRecord:
    if not new and draft.source_key:
        earlier = _earlier(session, draft.source_key)
        if earlier is not None:
            return _record(session, earlier, copy=True)
    day = on or clock.today()
    year = jalali.jalali_year(day)
    seq, number = numbering.next_number(session, OUT, year)
    letter = Letter(
        direction=OUT,
        year=year,
        seq=seq,
        number=number,
        date=day,
        kind=LetterKind(draft.kind).value,
        agency_id=draft.agency_id,
        party=draft.party,
        subject=draft.subject,
        attachments=draft.attachments,
        concerns=Concerns(draft.concerns).value,
        meeting_id=draft.meeting_id,
        report_year=draft.report_month.year if draft.report_month else None,
        report_month=draft.report_month.month if draft.report_month else None,
        source_key=draft.source_key,
        search_text=_search_text(number, draft.party, draft.subject),
        recorded_by=draft.recorded_by,
        recorded_at=dt.datetime.now(),
    )
    session.add(letter)
    _flush_number(session)
    session.add_all(
        LetterResolution(letter_id=letter.id, resolution_id=r) for r in dict.fromkeys(draft.resolution_ids)
    )
    session.flush()
    return _record(session, letter)


def _answered() -> Any:
    """The letter has had its answer, as the office counts one.

    An incoming letter in force answering it; for a reminder of a month's report, that report
    recorded (or the month exempted), however it came; for a follow-up or a communication of
    resolutions, the agency's own letter on one of its resolutions since it was sent, or an
    agency's report on one of them entered in the follow-up log since.
    """
    answer = aliased(Letter)
    by_letter = exists().where(and_(answer.answers_letter_id == Letter.id, answer.voided_at.is_(None)))
    same_month = (
        MonthlyReport.agency_id == Letter.agency_id,
        MonthlyReport.year == Letter.report_year,
        MonthlyReport.month == Letter.report_month,
    )
    report_arrived = and_(
        Letter.kind == LetterKind.MONTHLY_REMINDER.value,
        or_(
            exists().where(*same_month, MonthlyReport.in_force.is_(True)),
            exists().where(
                MonthlyExemption.agency_id == Letter.agency_id,
                MonthlyExemption.year == Letter.report_year,
                MonthlyExemption.month == Letter.report_month,
            ),
        ),
    )
    reply = aliased(Letter)
    asked, replied = aliased(LetterResolution), aliased(LetterResolution)
    agency_replied = and_(
        Letter.kind.in_((LetterKind.FOLLOWUP.value, LetterKind.COMMUNICATION.value)),
        or_(
            exists().where(
                asked.letter_id == Letter.id,
                replied.resolution_id == asked.resolution_id,
                reply.id == replied.letter_id,
                reply.direction == IN,
                reply.agency_id == Letter.agency_id,
                reply.voided_at.is_(None),
                reply.date >= Letter.date,
            ),
            # The agency's report entered in the follow-up log (by phone, by e-mail …) answers too.
            exists().where(
                asked.letter_id == Letter.id,
                FollowUp.resolution_id == asked.resolution_id,
                FollowUp.kind == FollowUpKind.AGENCY_REPORT.value,
                FollowUp.date >= Letter.date,
            ),
        ),
    )
    return or_(by_letter, report_arrived, agency_replied)


def _awaiting(cutoff: dt.date) -> Any:
    """The letter asks for an answer, was sent before ``cutoff``, is not void and has no answer."""
    return and_(
        Letter.direction == OUT,
        Letter.kind.in_(ASKS_FOR_ANSWER),
        Letter.voided_at.is_(None),
        Letter.date < cutoff,
        ~_answered(),
    )


def _flush_number(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as error:  # another desk took the number a moment ago (PostgreSQL without the lock)
        raise NumberTakenError("شماره نامه همین حالا به نامه دیگری داده شد؛ دوباره بکوشید.") from error


def _search_text(*parts: str) -> str:
    return " ".join(fold(part) for part in parts if part)


def _by_number(session: Session, number: str) -> Letter:
    typed = numbering.typed(number)
    letter = session.scalar(select(Letter).where(Letter.number == typed))
    if letter is None:
        raise NotFoundError(NO_LETTER.format(number=numbering.shown(typed)))
    return letter


def _resolution_by_code(session: Session, code: str) -> Resolution:
    typed = numbering.typed(code)
    resolution = session.scalar(
        select(Resolution).where(or_(Resolution.code == typed, Resolution.code == code.strip()))
    )
    if resolution is None:
        raise ValidationError({"answers_resolution": f"مصوبه‌ای با کد «{to_persian_digits(typed)}» پیدا نشد."})
    return resolution


def _log_answer(session: Session, resolution: Resolution, letter: Letter, progress: int | None) -> None:
    """The answer in the resolution's follow-up log: what the agency wrote, and the progress it reports.
    A closed resolution keeps its log as it is (the letter is still linked to it)."""
    if ResolutionStatus(resolution.status).closed:
        return
    their = f" شماره {to_persian_digits(letter.their_number)}" if letter.their_number else ""
    dated = f" مورخ {jalali.format_short(letter.their_date)}" if letter.their_date else ""
    note = f"نامه{their}{dated} {letter.party} (ثبت وارده {numbering.shown(letter.number)}): {letter.subject}"
    session.add(
        FollowUp(
            resolution_id=resolution.id,
            date=letter.date,
            kind=FollowUpKind.AGENCY_REPORT.value,
            note=note,
            progress=progress,
            recorded_by=letter.recorded_by,
            recorded_at=dt.datetime.now(),
        )
    )
    if progress is not None and resolution.status == ResolutionStatus.OPEN.value:
        resolution.status = ResolutionStatus.IN_PROGRESS.value


def _store(session: Session, letter_id: int, incoming: IncomingFile) -> None:
    session.add(
        LetterDocument(
            letter_id=letter_id,
            filename=incoming.filename,
            media_type=incoming.media_type or "application/octet-stream",
            size=len(incoming.data),
            sha256=hashlib.sha256(incoming.data).hexdigest(),
            data=incoming.data,
        )
    )


def _record(session: Session, letter: Letter, *, copy: bool = False) -> LetterRecord:
    resolutions = tuple(
        session.scalars(select(LetterResolution.resolution_id).where(LetterResolution.letter_id == letter.id))
    )
    answers = tuple(session.scalars(select(Letter.id).where(Letter.answers_letter_id == letter.id)))
    document_name = session.scalar(
        select(LetterDocument.filename).where(LetterDocument.letter_id == letter.id)
    )
    return LetterRecord(
        id=letter.id,
        direction=letter.direction,
        number=letter.number,
        date=letter.date,
        kind=LetterKind(letter.kind),
        agency_id=letter.agency_id,
        party=letter.party,
        subject=letter.subject,
        attachments=letter.attachments,
        concerns=Concerns(letter.concerns),
        meeting_id=letter.meeting_id,
        report_month=(
            Month(letter.report_year, letter.report_month)
            if letter.report_year is not None and letter.report_month is not None
            else None
        ),
        their_number=letter.their_number,
        their_date=letter.their_date,
        answers_letter_id=letter.answers_letter_id,
        recorded_by=letter.recorded_by,
        recorded_at=letter.recorded_at,
        voided_reason=letter.voided_reason,
        voided_by=letter.voided_by,
        voided_at=letter.voided_at,
        resolution_ids=resolutions,
        has_document=document_name is not None,
        document_name=document_name or "",
        answered_by=answers,
        copy=copy,
    )
