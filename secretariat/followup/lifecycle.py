"""Following one resolution up: the log, its status, and its deadline.

Refusals: a follow-up dated before the meeting or in the future, progress
outside 0-100, done without evidence of completion, cancelling without a
reason, reopening a cancelled resolution without a reason, deferring to a
meeting that is not an upcoming one, a deadline change without a reason or
before the meeting. The first entry with progress moves an open resolution
to «در حال اجرا».

An entry may keep a document (the letter sent, the agency's report): the
file is copied into the database with the entry, in the same transaction, as
a file of the resolution's meeting (see ``secretariat.meetings.attachments``).
``state`` tells what the current status rests on: the evidence of
completion, why it was cancelled or reopened, the meeting it was referred to.

A mistaken entry is corrected or voided, never deleted (``correct``,
``void``; the rules are in ``corrections``): it stays in the log with who
took it back, when and why, and no longer counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from db.models import Attachment, DeadlineChange, FollowUp, FollowUpCorrection, Meeting, Resolution
from secretariat import clock, validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.followup.corrections import (
    BY_REQUIRED,
    NOTHING_CHANGED,
    REASON_REQUIRED,
    CorrectionDraft,
    Withdrawal,
    refuse_if_taken_back,
    settle_status,
    withdrawal_of,
)
from secretariat.followup.status import FollowUpKind, ResolutionStatus
from secretariat.meetings.attachments import FOLLOWUP_DOCUMENT, IncomingFile, read_file, store, stored_content
from secretariat.meetings.kinds import MeetingKind, MeetingStatus, meeting_title
from secretariat.office import versions
from secretariat.persian import jalali
from secretariat.persian.text import (
    NumberFormatError,
    parse_int,
    to_persian_digits,
)


@dataclass(frozen=True)
class FollowUpDraft:
    date: str  # Jalali
    kind: str = FollowUpKind.LETTER.value
    note: str = ""
    progress: str = ""  # percent, any digits; empty: not reported
    recorded_by: str = ""
    document: str | Path = ""  # a file to keep with the entry; empty: none


@dataclass(frozen=True)
class FollowUpRecord:
    id: int
    date: dt.date
    kind: FollowUpKind
    note: str
    progress: int | None
    recorded_by: str
    recorded_at: dt.datetime
    attachment_id: int | None = None  # the document kept with the entry
    document_name: str = ""  # its file name, as it was chosen
    withdrawal: Withdrawal | None = None  # corrected or voided: it stays in the log and no longer counts
    corrects_id: int | None = None  # the entry this one corrects
    corrects_date: dt.date | None = None  # that entry's date

    @property
    def has_document(self) -> bool:
        return self.attachment_id is not None

    @property
    def in_force(self) -> bool:
        return self.withdrawal is None


def in_force(log: tuple[FollowUpRecord, ...]) -> tuple[FollowUpRecord, ...]:
    """The entries that count, in the log's order: none corrected or voided."""
    return tuple(entry for entry in log if entry.in_force)


@dataclass(frozen=True)
class _EntryFields:
    date: dt.date
    kind: FollowUpKind
    note: str
    progress: int | None
    recorded_by: str


@dataclass(frozen=True)
class FollowUpDocument:
    """A follow-up entry's document read back, its bytes checked against their SHA-256."""

    filename: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class ResolutionState:
    """What the resolution's status rests on; only what holds for the current status is filled in.

    Done: the evidence and the day it was closed. Cancelled: the reason and
    the day. Deferred: the meeting it was referred to and the note. Open or
    in progress after a reopening: the reason it was reopened.
    """

    status: ResolutionStatus
    completion_evidence: str = ""
    closed_on: dt.date | None = None
    status_note: str = ""  # why cancelled, why reopened, or the note of the referral
    deferred_to_meeting_id: int | None = None
    deferred_to_title: str = ""
    deferred_to_date: dt.date | None = None

    @property
    def reopened(self) -> bool:
        # A reopening always gives a reason, and only it leaves a note on a running resolution.
        return self.status in (ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS) and bool(self.status_note)

    @property
    def has_details(self) -> bool:
        return bool(self.completion_evidence or self.closed_on or self.status_note or self.deferred_to_title)


@dataclass(frozen=True)
class DeadlineChangeRecord:
    previous_due: dt.date | None
    previous_next_meeting: bool
    new_due: dt.date
    reason: str
    changed_by: str
    changed_at: dt.datetime


class FollowUpService:
    def __init__(self, database: Database):
        self._db = database

    # -- the log ------------------------------------------------------------------

    def log(self, resolution_id: int) -> tuple[FollowUpRecord, ...]:
        """Every entry, oldest first, those corrected or voided too (each with its ``withdrawal``)."""
        with self._db.reading() as session:
            _get(session, resolution_id)
            return _read_entries(session, FollowUp.resolution_id == resolution_id)

    def add(self, resolution_id: int, draft: FollowUpDraft) -> FollowUpRecord:
        errors = validation.FieldErrors()
        fields = _entry_fields(errors, FollowUpDraft, draft)
        document: IncomingFile | None = None
        if str(draft.document).strip():
            try:
                document = read_file(draft.document)
            except DomainError as error:
                errors.check("document", False, error.message)
        if errors:
            raise ValidationError(errors)
        assert fields is not None  # every field was read: no error above
        date, progress = fields.date, fields.progress
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            _refuse_before_meeting(session, resolution, date)
            if ResolutionStatus(resolution.status).closed:
                raise DomainError("این مصوبه بسته شده است؛ برای پیگیری تازه، نخست آن را بازگشایی کنید.")
            now = dt.datetime.now()
            attachment = None
            if document is not None:
                # Kept as a file of the resolution's meeting: an attachment belongs to a meeting.
                attachment = store(
                    session,
                    resolution.meeting_id,
                    document,
                    kind=FOLLOWUP_DOCUMENT,
                    added_at=now,
                    description=f"پیگیری مصوبه {to_persian_digits(resolution.code)}",
                )
            entry = FollowUp(
                resolution_id=resolution.id,
                date=date,
                kind=fields.kind.value,
                note=fields.note,
                progress=progress,
                recorded_by=fields.recorded_by,
                recorded_at=now,
                attachment_id=attachment.id if attachment is not None else None,
            )
            session.add(entry)
            if progress is not None and resolution.status == ResolutionStatus.OPEN.value:
                resolution.status = ResolutionStatus.IN_PROGRESS.value
            session.flush()
            return _record(entry, attachment.filename if attachment is not None else "")

    # -- corrections --------------------------------------------------------------------

    # A closed (done or cancelled) resolution's entries are corrected and voided too, unlike
    # ``add``, which asks for a reopening first: taking a mistaken entry back is not new work
    # on the resolution but a fix of its record, and reopening only to fix it would lose the
    # day it was closed. The status of a closed resolution stays as it is (``settle_status``).

    def correct(self, entry_id: int, draft: CorrectionDraft) -> FollowUpRecord:
        """Record ``draft`` in place of the entry, which stays in the log and no longer counts.

        The reason and who corrects (the new entry's ``recorded_by``) are
        required. Returns the new entry.
        """
        errors = validation.FieldErrors()
        fields = _entry_fields(errors, CorrectionDraft, draft, by_required=BY_REQUIRED)
        reason = validation.text(
            errors, CorrectionDraft, "reason", draft.reason, required=REASON_REQUIRED["correct"]
        )
        if errors:
            raise ValidationError(errors)
        assert fields is not None  # every field was read: no error above
        with self._db.transaction() as session:
            entry = _entry(session, entry_id)
            refuse_if_taken_back(session, entry)
            resolution = _get(session, entry.resolution_id)
            _refuse_before_meeting(session, resolution, fields.date)
            if (fields.date, fields.kind.value, fields.note, fields.progress) == (
                entry.date,
                entry.kind,
                entry.note,
                entry.progress,
            ):
                raise DomainError(NOTHING_CHANGED)
            now = dt.datetime.now()
            replacement = FollowUp(
                resolution_id=resolution.id,
                date=fields.date,
                kind=fields.kind.value,
                note=fields.note,
                progress=fields.progress,
                recorded_by=fields.recorded_by,
                recorded_at=now,
                attachment_id=entry.attachment_id,
            )
            session.add(replacement)
            session.flush()
            session.add(
                FollowUpCorrection(
                    follow_up_id=entry.id,
                    replacement_id=replacement.id,
                    reason=reason,
                    recorded_by=fields.recorded_by,
                    recorded_at=now,
                )
            )
            session.flush()
            settle_status(session, resolution, progress_added=fields.progress is not None)
            return _read_entries(session, FollowUp.id == replacement.id)[0]

    def void(self, entry_id: int, *, reason: str, by: str) -> FollowUpRecord:
        """Take the entry back with nothing in its place; it stays in the log and no longer counts.

        Returns the entry, with its ``withdrawal``.
        """
        errors = validation.FieldErrors()
        form = "FollowUpService.void"
        reason = validation.text(errors, form, "reason", reason, required=REASON_REQUIRED["void"])
        by = validation.text(errors, form, "by", by, required=BY_REQUIRED)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            entry = _entry(session, entry_id)
            refuse_if_taken_back(session, entry)
            resolution = _get(session, entry.resolution_id)
            session.add(
                FollowUpCorrection(
                    follow_up_id=entry.id, reason=reason, recorded_by=by, recorded_at=dt.datetime.now()
                )
            )
            session.flush()
            settle_status(session, resolution, progress_added=False)
            return _read_entries(session, FollowUp.id == entry.id)[0]

    def document(self, entry_id: int) -> FollowUpDocument:
        """The entry's document, its bytes checked against the SHA-256 taken when it was added."""
        with self._db.reading() as session:
            attachment = _document_of(session, entry_id)
            data = stored_content(session, attachment.id)
            return FollowUpDocument(filename=attachment.filename, media_type=attachment.media_type, data=data)

    def export_document(self, entry_id: int, target: str | Path) -> Path:
        """Write a copy of the entry's document to ``target``; nothing is written if it is damaged."""
        data = self.document(entry_id).data
        target = Path(target)
        target.write_bytes(data)
        return target

    def state(self, resolution_id: int) -> ResolutionState:
        with self._db.reading() as session:
            resolution = _get(session, resolution_id)
            status = ResolutionStatus(resolution.status)
            if status is ResolutionStatus.DONE:
                return ResolutionState(
                    status, completion_evidence=resolution.completion_evidence, closed_on=resolution.closed_on
                )
            if status is ResolutionStatus.CANCELLED:
                return ResolutionState(
                    status, status_note=resolution.status_note, closed_on=resolution.closed_on
                )
            if status is ResolutionStatus.DEFERRED:
                # The meeting may since have been removed (the link is then empty): the note still shows.
                target = resolution.deferred_to_meeting_id
                meeting = session.get(Meeting, target) if target is not None else None
                if meeting is None:
                    return ResolutionState(status, status_note=resolution.status_note)
                return ResolutionState(
                    status,
                    status_note=resolution.status_note,
                    deferred_to_meeting_id=meeting.id,
                    deferred_to_title=meeting_title(MeetingKind(meeting.kind), meeting.number),
                    deferred_to_date=meeting.date,
                )
            return ResolutionState(status, status_note=resolution.status_note)

    # -- status -----------------------------------------------------------------------

    def mark_done(self, resolution_id: int, *, evidence: str, on: str = "") -> None:
        """Close as done; the evidence of completion is required."""
        errors = validation.FieldErrors()
        evidence = validation.text(
            errors,
            "FollowUpService.mark_done",
            "evidence",
            evidence,
            required="مستند انجام مصوبه را بنویسید (مثلاً شماره نامه یا گزارش).",
        )
        closed_on = validation.jalali_date(errors, "on", on) or clock.today()
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            _require_status(
                resolution, (ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS, ResolutionStatus.DEFERRED)
            )
            resolution.status = ResolutionStatus.DONE.value
            resolution.completion_evidence = evidence
            resolution.closed_on = closed_on

    def cancel(self, resolution_id: int, *, reason: str) -> None:
        errors = validation.FieldErrors()
        reason = validation.text(
            errors, "FollowUpService.cancel", "reason", reason, required="دلیل لغو مصوبه را بنویسید."
        )
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            _require_status(
                resolution, (ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS, ResolutionStatus.DEFERRED)
            )
            resolution.status = ResolutionStatus.CANCELLED.value
            resolution.status_note = reason
            resolution.closed_on = clock.today()

    def reopen(self, resolution_id: int, *, reason: str) -> None:
        """Back to open; a cancelled or done resolution is reopened only with a reason."""
        errors = validation.FieldErrors()
        reason = validation.text(
            errors, "FollowUpService.reopen", "reason", reason, required="دلیل بازگشایی مصوبه را بنویسید."
        )
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            _require_status(resolution, (ResolutionStatus.CANCELLED, ResolutionStatus.DONE))
            resolution.status = ResolutionStatus.OPEN.value
            resolution.status_note = reason
            resolution.closed_on = None

    def defer(self, resolution_id: int, *, meeting_id: int, reason: str = "") -> None:
        """Refer the resolution to a coming meeting («ارجاع به جلسه بعد»)."""
        errors = validation.FieldErrors()
        reason = validation.text(errors, "FollowUpService.defer", "reason", reason)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            _require_status(
                resolution, (ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS, ResolutionStatus.DEFERRED)
            )
            meeting = session.get(Meeting, meeting_id)
            if meeting is None or not MeetingStatus(meeting.status).upcoming:
                raise ValidationError(
                    {"meeting_id": "مصوبه را فقط به جلسه‌ای که هنوز برگزار نشده می‌توان ارجاع داد."}
                )
            resolution.status = ResolutionStatus.DEFERRED.value
            resolution.deferred_to_meeting_id = meeting.id
            resolution.status_note = reason

    # -- deadline ------------------------------------------------------------------------

    def change_deadline(
        self, resolution_id: int, *, new_due: str, reason: str, by: str, expected_version: int | None = None
    ) -> DeadlineChangeRecord:
        """Move the deadline, with a reason; the old deadline stays in the history. Refused
        (``ConflictError``) when another desk changed the resolution since it was read at
        ``expected_version``."""
        errors = validation.FieldErrors()
        due = validation.jalali_date(errors, "new_due", new_due, required=True)
        form = "FollowUpService.change_deadline"
        reason = validation.text(errors, form, "reason", reason, required="دلیل تغییر مهلت را بنویسید.")
        by = validation.text(errors, form, "by", by, required="نام ثبت‌کننده را بنویسید.")
        if errors:
            raise ValidationError(errors)
        assert due is not None  # a required date: its absence is an error above
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            versions.check(session, resolution, expected_version)
            if ResolutionStatus(resolution.status).closed:
                raise DomainError("مهلت مصوبه بسته‌شده تغییر نمی‌کند.")
            # Every resolution has its meeting (a foreign key), so this date is there.
            meeting_date = cast(
                dt.date, session.scalar(select(Meeting.date).where(Meeting.id == resolution.meeting_id))
            )
            if due < meeting_date:
                raise ValidationError(
                    {
                        "new_due": (
                            f"مهلت نمی‌تواند پیش از تاریخ جلسه ({jalali.format_short(meeting_date)}) باشد."
                        )
                    }
                )
            if due == resolution.due_date:
                raise ValidationError({"new_due": "مهلت تازه با مهلت فعلی یکی است."})
            change = DeadlineChange(
                resolution_id=resolution.id,
                previous_due=resolution.due_date,
                previous_next_meeting=resolution.due_next_meeting,
                new_due=due,
                reason=reason,
                changed_by=by,
                changed_at=dt.datetime.now(),
            )
            session.add(change)
            resolution.due_date = due
            resolution.due_next_meeting = False
            session.flush()
            return _deadline_record(change)

    def deadline_history(self, resolution_id: int) -> tuple[DeadlineChangeRecord, ...]:
        with self._db.reading() as session:
            _get(session, resolution_id)
            changes = session.scalars(
                select(DeadlineChange)
                .where(DeadlineChange.resolution_id == resolution_id)
                .order_by(DeadlineChange.id)
            )
            return tuple(_deadline_record(change) for change in changes)


def _get(session: Session, resolution_id: int) -> Resolution:
    resolution = session.get(Resolution, resolution_id)
    if resolution is None:
        raise NotFoundError("این مصوبه در فهرست نیست.")
    return resolution


def _require_status(resolution: Resolution, allowed: tuple[ResolutionStatus, ...]) -> None:
    status = ResolutionStatus(resolution.status)
    if status not in allowed:
        raise DomainError(f"این مصوبه «{status.label}» است و این تغییر برای آن ممکن نیست.")


def _entry(session: Session, entry_id: int) -> FollowUp:
    entry = session.get(FollowUp, entry_id)
    if entry is None:
        raise NotFoundError("این پیگیری در فهرست نیست.")
    return entry


def _entry_fields(
    errors: validation.FieldErrors,
    form: type[FollowUpDraft] | type[CorrectionDraft],
    draft: FollowUpDraft | CorrectionDraft,
    *,
    by_required: str = "",
) -> _EntryFields | None:
    """The entry's date, kind, note, progress and recorder, checked; None when one is refused."""
    date = validation.jalali_date(errors, "date", draft.date, required=True)
    try:
        kind = FollowUpKind(draft.kind)
    except ValueError:
        errors.check("kind", False, "نوع پیگیری را از فهرست انتخاب کنید.")
        kind = FollowUpKind.LETTER
    progress = None
    if (draft.progress or "").strip():
        try:
            progress = parse_int(draft.progress.replace("%", "").replace("٪", ""))
            errors.check("progress", 0 <= progress <= 100, "پیشرفت باید درصدی بین ۰ و ۱۰۰ باشد.")
        except NumberFormatError as error:
            errors.check("progress", False, str(error))
    if date is not None and date > clock.today():
        errors.check("date", False, "تاریخ پیگیری نمی‌تواند در آینده باشد.")
    note = validation.text(errors, form, "note", draft.note)
    recorded_by = validation.text(errors, form, "recorded_by", draft.recorded_by, required=by_required)
    if errors or date is None:
        return None
    return _EntryFields(date, kind, note, progress, recorded_by)


def _refuse_before_meeting(session: Session, resolution: Resolution, date: dt.date) -> None:
    # Every resolution has its meeting (a foreign key), so this date is there.
    meeting_date = cast(
        dt.date, session.scalar(select(Meeting.date).where(Meeting.id == resolution.meeting_id))
    )
    if date < meeting_date:
        raise ValidationError(
            {
                "date": (
                    "پیگیری نمی‌تواند پیش از جلسه‌ای باشد که مصوبه در آن تصویب شد "
                    f"({jalali.format_short(meeting_date)})."
                )
            }
        )


def _read_entries(session: Session, where: ColumnElement[bool]) -> tuple[FollowUpRecord, ...]:
    """The entries ``where`` selects, oldest first, each with its document's name, its withdrawal
    if it was taken back, and the entry it corrects if it is a correction."""
    taken_back = aliased(FollowUpCorrection)  # this entry's own withdrawal
    replacing = aliased(FollowUpCorrection)  # the withdrawal this entry is the correction of
    original = aliased(FollowUp)
    rows = session.execute(
        select(FollowUp, Attachment.filename, taken_back, original.id, original.date)
        .outerjoin(Attachment, Attachment.id == FollowUp.attachment_id)
        .outerjoin(taken_back, taken_back.follow_up_id == FollowUp.id)
        .outerjoin(replacing, replacing.replacement_id == FollowUp.id)
        .outerjoin(original, original.id == replacing.follow_up_id)
        .where(where)
        .order_by(FollowUp.date, FollowUp.id)
    )
    return tuple(
        _record(
            entry,
            filename or "",
            withdrawal_of(correction) if correction is not None else None,
            corrects_id,
            corrects_date,
        )
        for entry, filename, correction, corrects_id, corrects_date in rows
    )


def _document_of(session: Session, entry_id: int) -> Attachment:
    entry = _entry(session, entry_id)
    attachment = session.get(Attachment, entry.attachment_id) if entry.attachment_id is not None else None
    if attachment is None:
        raise NotFoundError("این پیگیری سند پیوست ندارد.")
    return attachment


def _record(
    entry: FollowUp,
    document_name: str,
    withdrawal: Withdrawal | None = None,
    corrects_id: int | None = None,
    corrects_date: dt.date | None = None,
) -> FollowUpRecord:
    return FollowUpRecord(
        id=entry.id,
        date=entry.date,
        kind=FollowUpKind(entry.kind),
        note=entry.note,
        progress=entry.progress,
        recorded_by=entry.recorded_by,
        recorded_at=entry.recorded_at,
        attachment_id=entry.attachment_id,
        document_name=document_name,
        withdrawal=withdrawal,
        corrects_id=corrects_id,
        corrects_date=corrects_date,
    )


def _deadline_record(change: DeadlineChange) -> DeadlineChangeRecord:
    return DeadlineChangeRecord(
        previous_due=change.previous_due,
        previous_next_meeting=change.previous_next_meeting,
        new_due=change.new_due,
        reason=change.reason,
        changed_by=change.changed_by,
        changed_at=change.changed_at,
    )
