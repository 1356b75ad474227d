"""Following one resolution up: the log, its status, and its deadline.

Refusals: a follow-up dated before the meeting or in the future, progress
outside 0-100, done without evidence of completion, cancelling without a
reason, reopening a cancelled resolution without a reason, deferring to a
meeting that is not an upcoming one, a deadline change without a reason or
before the meeting. The first entry with progress moves an open resolution
to «در حال اجرا».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from db.models import DeadlineChange, FollowUp, Meeting, Resolution
from secretariat import jalali, validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.followup.status import FollowUpKind, ResolutionStatus
from secretariat.meetings.kinds import MeetingStatus
from secretariat.text import NumberFormatError, normalize, normalize_line, parse_int


@dataclass(frozen=True)
class FollowUpDraft:
    date: str  # Jalali
    kind: str = FollowUpKind.LETTER.value
    note: str = ""
    progress: str = ""  # percent, any digits; empty: not reported
    recorded_by: str = ""


@dataclass(frozen=True)
class FollowUpRecord:
    id: int
    date: dt.date
    kind: FollowUpKind
    note: str
    progress: int | None
    recorded_by: str
    recorded_at: dt.datetime


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
        with self._db.reading() as session:
            _get(session, resolution_id)
            entries = session.scalars(
                select(FollowUp).where(FollowUp.resolution_id == resolution_id).order_by(FollowUp.date, FollowUp.id)
            )
            return tuple(_record(entry) for entry in entries)

    def add(self, resolution_id: int, draft: FollowUpDraft) -> FollowUpRecord:
        errors = validation.FieldErrors()
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
        if date is not None and date > dt.date.today():
            errors.check("date", False, "تاریخ پیگیری نمی‌تواند در آینده باشد.")
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            meeting_date = session.scalar(select(Meeting.date).where(Meeting.id == resolution.meeting_id))
            if date < meeting_date:
                raise ValidationError({"date": (
                    f"پیگیری نمی‌تواند پیش از جلسه‌ای باشد که مصوبه در آن تصویب شد ({jalali.format_short(meeting_date)})."
                )})
            if ResolutionStatus(resolution.status).closed:
                raise DomainError("این مصوبه بسته شده است؛ برای پیگیری تازه، نخست آن را بازگشایی کنید.")
            entry = FollowUp(
                resolution_id=resolution.id, date=date, kind=kind.value, note=normalize(draft.note),
                progress=progress, recorded_by=normalize_line(draft.recorded_by), recorded_at=dt.datetime.now(),
            )
            session.add(entry)
            if progress is not None and resolution.status == ResolutionStatus.OPEN.value:
                resolution.status = ResolutionStatus.IN_PROGRESS.value
            session.flush()
            return _record(entry)

    # -- status -----------------------------------------------------------------------

    def mark_done(self, resolution_id: int, *, evidence: str, on: str = "") -> None:
        """Close as done; the evidence of completion is required."""
        errors = validation.FieldErrors()
        evidence = validation.required(errors, "evidence", evidence, "مستند انجام مصوبه را بنویسید (مثلاً شماره نامه یا گزارش).")
        closed_on = validation.jalali_date(errors, "on", on) or dt.date.today()
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            _require_status(resolution, (ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS, ResolutionStatus.DEFERRED))
            resolution.status = ResolutionStatus.DONE.value
            resolution.completion_evidence = normalize(evidence)
            resolution.closed_on = closed_on

    def cancel(self, resolution_id: int, *, reason: str) -> None:
        errors = validation.FieldErrors()
        reason = validation.required(errors, "reason", reason, "دلیل لغو مصوبه را بنویسید.")
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            _require_status(resolution, (ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS, ResolutionStatus.DEFERRED))
            resolution.status = ResolutionStatus.CANCELLED.value
            resolution.status_note = normalize(reason)
            resolution.closed_on = dt.date.today()

    def reopen(self, resolution_id: int, *, reason: str) -> None:
        """Back to open; a cancelled or done resolution is reopened only with a reason."""
        errors = validation.FieldErrors()
        reason = validation.required(errors, "reason", reason, "دلیل بازگشایی مصوبه را بنویسید.")
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            _require_status(resolution, (ResolutionStatus.CANCELLED, ResolutionStatus.DONE))
            resolution.status = ResolutionStatus.OPEN.value
            resolution.status_note = normalize(reason)
            resolution.closed_on = None

    def defer(self, resolution_id: int, *, meeting_id: int, reason: str = "") -> None:
        """Refer the resolution to a coming meeting («ارجاع به جلسه بعد»)."""
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            _require_status(resolution, (ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS, ResolutionStatus.DEFERRED))
            meeting = session.get(Meeting, meeting_id)
            if meeting is None or not MeetingStatus(meeting.status).upcoming:
                raise ValidationError({"meeting_id": "مصوبه را فقط به جلسه‌ای که هنوز برگزار نشده می‌توان ارجاع داد."})
            resolution.status = ResolutionStatus.DEFERRED.value
            resolution.deferred_to_meeting_id = meeting.id
            resolution.status_note = normalize(reason)

    # -- deadline ------------------------------------------------------------------------

    def change_deadline(self, resolution_id: int, *, new_due: str, reason: str, by: str) -> DeadlineChangeRecord:
        """Move the deadline, with a reason; the old deadline stays in the history."""
        errors = validation.FieldErrors()
        due = validation.jalali_date(errors, "new_due", new_due, required=True)
        reason = validation.required(errors, "reason", reason, "دلیل تغییر مهلت را بنویسید.")
        by = validation.required(errors, "by", by, "نام ثبت‌کننده را بنویسید.")
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            if ResolutionStatus(resolution.status).closed:
                raise DomainError("مهلت مصوبه بسته‌شده تغییر نمی‌کند.")
            meeting_date = session.scalar(select(Meeting.date).where(Meeting.id == resolution.meeting_id))
            if due < meeting_date:
                raise ValidationError({"new_due": f"مهلت نمی‌تواند پیش از تاریخ جلسه ({jalali.format_short(meeting_date)}) باشد."})
            if due == resolution.due_date:
                raise ValidationError({"new_due": "مهلت تازه با مهلت فعلی یکی است."})
            change = DeadlineChange(
                resolution_id=resolution.id, previous_due=resolution.due_date,
                previous_next_meeting=resolution.due_next_meeting, new_due=due, reason=reason,
                changed_by=by, changed_at=dt.datetime.now(),
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
                select(DeadlineChange).where(DeadlineChange.resolution_id == resolution_id).order_by(DeadlineChange.id)
            )
            return tuple(_deadline_record(change) for change in changes)


def _get(session, resolution_id: int) -> Resolution:
    resolution = session.get(Resolution, resolution_id)
    if resolution is None:
        raise NotFoundError("این مصوبه در فهرست نیست.")
    return resolution


def _require_status(resolution: Resolution, allowed: tuple[ResolutionStatus, ...]) -> None:
    status = ResolutionStatus(resolution.status)
    if status not in allowed:
        raise DomainError(f"این مصوبه «{status.label}» است و این تغییر برای آن ممکن نیست.")


def _record(entry: FollowUp) -> FollowUpRecord:
    return FollowUpRecord(
        id=entry.id, date=entry.date, kind=FollowUpKind(entry.kind), note=entry.note, progress=entry.progress,
        recorded_by=entry.recorded_by, recorded_at=entry.recorded_at,
    )


def _deadline_record(change: DeadlineChange) -> DeadlineChangeRecord:
    return DeadlineChangeRecord(
        previous_due=change.previous_due, previous_next_meeting=change.previous_next_meeting,
        new_due=change.new_due, reason=change.reason, changed_by=change.changed_by, changed_at=change.changed_at,
    )
