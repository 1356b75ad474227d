"""The minutes (صورتجلسه): resolutions, finalizing, and amendments after it.

A resolution («مقرر شد ...») has one lead agency and any number of
collaborating agencies, a Jalali deadline or «تا جلسه بعد», and a priority;
it gets a number within its meeting and a code unique in the council.
Minutes are finalized once attendance and resolutions are complete; from
then on they never change, and a correction is an amendment with its
reason, date and author, kept beside the original text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.models import (
    Agency,
    AgendaItem,
    Amendment,
    Assignment,
    Attachment,
    FollowUp,
    Invitation,
    Meeting,
    Resolution,
)
from secretariat import sort_keys, validation
from secretariat.changes import note_changes
from secretariat.database import Database, lock_numbering
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings.deadline import NEXT_MEETING, kept_deadline
from secretariat.meetings.kinds import AssignmentRole, Attendance, MeetingStatus, Priority, resolution_code
from secretariat.meetings.records import AmendmentRecord, MeetingRecord, ResolutionRecord
from secretariat.meetings.store import (
    amendment_record,
    get_meeting,
    meeting_record,
    require_minutes_editable,
    resolution_records,
)
from secretariat.office import versions
from secretariat.persian import jalali
from secretariat.persian.text import fold, to_persian_digits

NEXT_MEETING_LABEL = NEXT_MEETING  # the name callers knew it by; the wording lives in ``deadline``


@dataclass(frozen=True)
class ResolutionDraft:
    text: str
    lead_agency_id: int | None
    collaborator_agency_ids: tuple[int, ...] = field(default_factory=tuple)
    due_date: str = ""  # Jalali; empty with due_next_meeting for «تا جلسه بعد»
    due_next_meeting: bool = False
    priority: str = Priority.NORMAL.value
    agenda_item_id: int | None = None


def validate_resolution(
    draft: ResolutionDraft, meeting_date: dt.date | None = None
) -> tuple[validation.FieldErrors, dict[str, Any]]:
    errors = validation.FieldErrors()
    text = validation.text(errors, ResolutionDraft, "text", draft.text, required="متن مصوبه را بنویسید.")
    errors.check(
        "lead_agency_id", draft.lead_agency_id is not None, "دستگاه مسئول اجرای مصوبه را انتخاب کنید."
    )
    due = None
    if draft.due_next_meeting:
        errors.check(
            "due_date", not (draft.due_date or "").strip(), "مهلت یا تاریخ است یا «تا جلسه بعد»، نه هر دو."
        )
    else:
        due = validation.jalali_date(errors, "due_date", draft.due_date)
        if due is None and "due_date" not in errors:
            errors.check("due_date", False, "مهلت را بنویسید یا «تا جلسه بعد» را برگزینید.")
        if due is not None and meeting_date is not None:
            errors.check(
                "due_date",
                due >= meeting_date,
                f"مهلت نمی‌تواند پیش از تاریخ جلسه ({jalali.format_short(meeting_date)}) باشد.",
            )
    try:
        priority = Priority(draft.priority)
    except ValueError:
        errors.check("priority", False, "اولویت را از فهرست انتخاب کنید.")
        priority = Priority.NORMAL
    collaborators = tuple(
        dict.fromkeys(a for a in draft.collaborator_agency_ids if a != draft.lead_agency_id)
    )
    values: dict[str, Any] = {
        "text": text,
        "due_date": due,
        "due_next_meeting": draft.due_next_meeting,
        "priority": priority.value,
        "agenda_item_id": draft.agenda_item_id,
        "lead": draft.lead_agency_id,
        "collaborators": collaborators,
    }
    return errors, values


class MinutesService:
    def __init__(self, database: Database):
        self._db = database

    # -- resolutions -----------------------------------------------------------

    def resolutions(self, meeting_id: int) -> tuple[ResolutionRecord, ...]:
        with self._db.reading() as session:
            return resolution_records(session, list(get_meeting(session, meeting_id).resolutions))

    def add_resolution(self, meeting_id: int, draft: ResolutionDraft) -> ResolutionRecord:
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            require_minutes_editable(meeting)
            _require_held(meeting)
            values = _checked(session, meeting, draft)
            lock_numbering(session, f"resolution-numbers:{meeting.id}")
            number = (
                session.scalar(select(func.max(Resolution.number)).where(Resolution.meeting_id == meeting.id))
                or 0
            ) + 1
            resolution = Resolution(
                meeting_id=meeting.id,
                number=number,
                # A held meeting has its number (only a cancelled one has none).
                code=resolution_code(meeting.jalali_year, cast(int, meeting.number), meeting.series, number),
                text=values["text"],
                search_text=fold(values["text"]),
                text_key=sort_keys.text_key(values["text"]),
                lead_key=sort_keys.lead_key(session, values["lead"]),
                due_date=values["due_date"],
                due_next_meeting=values["due_next_meeting"],
                priority=values["priority"],
                agenda_item_id=values["agenda_item_id"],
                status="open",
            )
            _assign(resolution, values)
            session.add(resolution)
            session.flush()
            return resolution_records(session, [resolution])[0]

    def resolution(self, resolution_id: int) -> ResolutionRecord:
        """One resolution as it is now (a form reloads it after another desk saved it)."""
        with self._db.reading() as session:
            return resolution_records(session, [_get(session, resolution_id)])[0]

    def update_resolution(
        self, resolution_id: int, draft: ResolutionDraft, *, expected_version: int | None = None
    ) -> ResolutionRecord:
        """Save the form of a resolution of draft minutes; refused (``ConflictError``) when another
        desk saved it since the form read it at ``expected_version``."""
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            versions.check(session, resolution, expected_version)
            meeting = resolution.meeting
            require_minutes_editable(meeting)
            values = _checked(session, meeting, draft)
            resolution.text = values["text"]
            resolution.search_text = fold(values["text"])
            resolution.text_key = sort_keys.text_key(values["text"])
            resolution.lead_key = sort_keys.lead_key(session, values["lead"])
            resolution.due_date = values["due_date"]
            resolution.due_next_meeting = values["due_next_meeting"]
            resolution.priority = values["priority"]
            resolution.agenda_item_id = values["agenda_item_id"]
            resolution.assignments.clear()
            versions.touch(resolution)  # its agencies may be all that changed: a save all the same
            session.flush()
            _assign(resolution, values)
            session.flush()
            return resolution_records(session, [resolution])[0]

    def remove_resolution(self, resolution_id: int) -> None:
        """Remove a resolution from draft minutes; the later ones close the gap."""
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            meeting = resolution.meeting
            require_minutes_editable(meeting)
            lock_numbering(session, f"resolution-numbers:{meeting.id}")
            # Its follow-up entries go with it (the database cascades); their documents, kept as
            # files of the meeting, must go too or they would stay on, listed nowhere.
            documents = session.scalars(
                select(FollowUp.attachment_id).where(
                    FollowUp.resolution_id == resolution.id, FollowUp.attachment_id.is_not(None)
                )
            ).all()
            meeting.resolutions.remove(resolution)
            session.flush()
            if documents:
                session.execute(delete(Attachment).where(Attachment.id.in_(documents)))
                note_changes(session, meetings=[meeting.id])  # its files: a bulk delete flushes nothing
            for number, each in enumerate(sorted(meeting.resolutions, key=lambda r: r.number), start=1):
                if each.number != number:
                    each.number = number
                    # A meeting with resolutions was held, so it has its number.
                    each.code = resolution_code(
                        meeting.jalali_year, cast(int, meeting.number), meeting.series, number
                    )
                    session.flush()

    # -- finalizing ------------------------------------------------------------------

    def missing_for_finalize(self, meeting_id: int) -> list[str]:
        """What still keeps the minutes from being finalized (empty: ready)."""
        with self._db.reading() as session:
            return _missing(session, get_meeting(session, meeting_id))

    def finalize(self, meeting_id: int, *, by: str) -> MeetingRecord:
        errors = validation.FieldErrors()
        by = validation.text(
            errors, "MinutesService.finalize", "by", by, required="نام نهایی‌کننده صورتجلسه را بنویسید."
        )
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            require_minutes_editable(meeting)
            missing = _missing(session, meeting)
            if missing:
                raise DomainError("صورتجلسه هنوز کامل نیست:\n" + "\n".join(f"- {m}" for m in missing))
            meeting.status = MeetingStatus.FINALIZED.value
            meeting.finalized_at = dt.datetime.now()
            meeting.finalized_by = by
            # The names printed stay those of today, whatever is renamed later.
            from secretariat.meetings.snapshot import take_snapshot

            take_snapshot(session, meeting)
            session.flush()
            return meeting_record(session, meeting)

    # -- amendments --------------------------------------------------------------------

    def amend_resolution(
        self,
        resolution_id: int,
        *,
        reason: str,
        author: str,
        text: str | None = None,
        due_date: str | None = None,
        expected_version: int | None = None,
    ) -> AmendmentRecord:
        """Correct finalized minutes: a new text or deadline, kept beside the original. Refused
        (``ConflictError``) when another desk changed the resolution since it was read at
        ``expected_version`` (amended it, moved its deadline)."""
        errors = validation.FieldErrors()
        form = "MinutesService.amend_resolution"
        reason = validation.text(errors, form, "reason", reason, required="دلیل اصلاح را بنویسید.")
        author = validation.text(errors, form, "author", author, required="نام ثبت‌کننده اصلاحیه را بنویسید.")
        if text is not None:
            text = validation.text(errors, form, "text", text)
        if text is None and due_date is None:
            errors.check("text", False, "متن تازه یا مهلت تازه را بنویسید.")
        if text is not None and due_date is not None:
            # One amendment corrects one thing; taking both would drop the deadline silently.
            errors.check("due_date", False, "هر اصلاحیه یک چیز را اصلاح می‌کند: متن یا مهلت، نه هر دو.")
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            resolution = _get(session, resolution_id)
            versions.check(session, resolution, expected_version)
            meeting = resolution.meeting
            if MeetingStatus(meeting.status) is not MeetingStatus.FINALIZED:
                raise DomainError("صورتجلسه هنوز نهایی نشده است؛ خود مصوبه را ویرایش کنید.")
            current = resolution_records(session, [resolution])[0]
            if text is not None:
                field_name, amended = "resolution_text", text
                if not fold(amended):
                    raise ValidationError({"text": "متن تازه مصوبه را بنویسید."})
                original = current.current_text
            else:
                field_name = "due_date"
                # No new text: then a new deadline was given (neither is an error above).
                new_due = validation.jalali_date(errors, "due_date", cast(str, due_date), required=True)
                if new_due is not None and new_due < meeting.date:
                    errors.check("due_date", False, "مهلت نمی‌تواند پیش از تاریخ جلسه باشد.")
                if errors:
                    raise ValidationError(errors)
                amended = kept_deadline(new_due)
                # A resolution has a day or «تا جلسه بعد»; one without either is kept as the latter.
                original = current.current_due_date_text or kept_deadline(resolution.due_date, True)
            if amended == original:
                raise ValidationError(
                    {
                        field_name
                        if field_name != "resolution_text"
                        else "text": "اصلاحیه با متن فعلی یکی است."
                    }
                )
            amendment = Amendment(
                meeting_id=meeting.id,
                resolution_id=resolution.id,
                field=field_name,
                original=original,
                amended=amended,
                reason=reason,
                author=author,
                recorded_at=dt.datetime.now(),
            )
            session.add(amendment)
            versions.touch(resolution)  # amended: a window that read it before is refused
            if field_name == "due_date":
                # The deadline followed up is the amended one; the minutes keep the original.
                resolution.due_date = jalali.parse(amended)
                resolution.due_next_meeting = False
            else:
                resolution.search_text = fold(amended)
            session.flush()
            return amendment_record(amendment)

    def amend_item_summary(self, item_id: int, *, summary: str, reason: str, author: str) -> AmendmentRecord:
        errors = validation.FieldErrors()
        form = "MinutesService.amend_item_summary"
        summary = validation.text(errors, form, "summary", summary)
        reason = validation.text(errors, form, "reason", reason, required="دلیل اصلاح را بنویسید.")
        author = validation.text(errors, form, "author", author, required="نام ثبت‌کننده اصلاحیه را بنویسید.")
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            item = session.get(AgendaItem, item_id)
            if item is None:
                raise NotFoundError("این بند دستور کار در فهرست نیست.")
            if MeetingStatus(item.meeting.status) is not MeetingStatus.FINALIZED:
                raise DomainError("صورتجلسه هنوز نهایی نشده است؛ خود خلاصه را ویرایش کنید.")
            previous = session.scalars(
                select(Amendment.amended)
                .where(Amendment.agenda_item_id == item.id)
                .order_by(Amendment.id.desc())
            ).first()
            amendment = Amendment(
                meeting_id=item.meeting_id,
                agenda_item_id=item.id,
                field="item_summary",
                original=previous if previous is not None else item.summary,
                amended=summary,
                reason=reason,
                author=author,
                recorded_at=dt.datetime.now(),
            )
            session.add(amendment)
            session.flush()
            return amendment_record(amendment)


def _require_held(meeting: Meeting) -> None:
    if MeetingStatus(meeting.status).upcoming:
        raise DomainError("مصوبات پس از برگزاری جلسه ثبت می‌شوند؛ نخست حضور و غیاب را ثبت کنید.")


def _checked(session: Session, meeting: Meeting, draft: ResolutionDraft) -> dict[str, Any]:
    errors, values = validate_resolution(draft, meeting.date)
    if errors:
        raise ValidationError(errors)
    agency_ids = {values["lead"], *values["collaborators"]}
    found = set(session.scalars(select(Agency.id).where(Agency.id.in_(agency_ids))))
    if found != agency_ids:
        raise ValidationError({"lead_agency_id": "یکی از دستگاه‌های مسئول در فهرست نیست."})
    if values["agenda_item_id"] is not None:
        item = session.get(AgendaItem, values["agenda_item_id"])
        if item is None or item.meeting_id != meeting.id:
            raise ValidationError({"agenda_item_id": "این بند در دستور کار همین جلسه نیست."})
    return values


def _assign(resolution: Resolution, values: dict[str, Any]) -> None:
    resolution.assignments.append(Assignment(agency_id=values["lead"], role=AssignmentRole.LEAD.value))
    resolution.assignments.extend(
        Assignment(agency_id=agency_id, role=AssignmentRole.COLLABORATOR.value)
        for agency_id in values["collaborators"]
    )


def _missing(session: Session, meeting: Meeting) -> list[str]:
    status = MeetingStatus(meeting.status)
    if status is MeetingStatus.FINALIZED:
        return []
    if status.upcoming:
        return ["جلسه هنوز برگزار نشده و حضور و غیاب آن ثبت نشده است."]
    missing = []
    unknown = session.scalar(
        select(func.count(Invitation.id)).where(
            Invitation.meeting_id == meeting.id,
            Invitation.agency_id.is_not(None),
            Invitation.attendance == Attendance.UNKNOWN.value,
        )
    )
    if unknown:
        missing.append(f"حضور و غیاب {to_persian_digits(unknown)} دستگاه دعوت‌شده ثبت نشده است.")
    return missing


def _get(session: Session, resolution_id: int) -> Resolution:
    resolution = session.get(Resolution, resolution_id)
    if resolution is None:
        raise NotFoundError("این مصوبه در فهرست نیست.")
    return resolution
