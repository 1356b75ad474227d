"""Planning meetings: kind, date and time, venue, chair, occasion; postponing
and cancelling; the calendar month and the meeting list.

Planning warns, without refusing, of a Friday, a day that already has a
meeting, and a host that also hosted the previous meeting (councils hold
their meetings in rotation at member agencies).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Row, Select, and_, func, select
from sqlalchemy.orm import Session

from db.models import Agency, Amendment, Council, Invitation, Meeting, Postponement, Resolution
from secretariat import clock, validation
from secretariat.clock import TimeFormatError, parse_time
from secretariat.database import Database
from secretariat.errors import DomainError, ValidationError
from secretariat.meetings import numbering
from secretariat.meetings.attachments import meeting_files
from secretariat.meetings.kinds import MeetingKind, MeetingStatus, meeting_title
from secretariat.meetings.numbering import renumber
from secretariat.meetings.proposal import FRIDAY, proposed_date
from secretariat.meetings.quorum import quorum_of
from secretariat.meetings.records import AmendmentRecord, MeetingDetail, MeetingRecord, MeetingRow
from secretariat.meetings.search import matches, meeting_terms
from secretariat.meetings.store import (
    agenda_records,
    amendment_record,
    attachment_record,
    get_meeting,
    invitation_records,
    meeting_record,
    require_upcoming,
    resolution_records,
)
from secretariat.office import versions
from secretariat.persian import jalali

# A select of any columns, its rows' types kept through the filters.
StatementT = TypeVar("StatementT", bound="Select[*tuple[Any, ...]]")


@dataclass(frozen=True)
class MeetingDraft:
    """The meeting form as typed: the date in Jalali, times as «۱۰:۳۰»."""

    kind: str = MeetingKind.REGULAR.value
    date: str = ""
    start_time: str = ""
    end_time: str = ""
    host_agency_id: int | None = None
    venue: str = ""
    chair: str = ""
    occasion: str = ""


@dataclass(frozen=True)
class PlanResult:
    meeting: MeetingRecord
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class MeetingQuery:
    search: str = ""  # words of a meeting, all to be found (see ``secretariat.meetings.search``)
    jalali_year: int | None = None
    kind: MeetingKind | None = None
    status: MeetingStatus | None = None
    newest_first: bool = True


def validate(draft: MeetingDraft) -> tuple[validation.FieldErrors, dict[str, Any]]:
    errors = validation.FieldErrors()
    try:
        kind = MeetingKind(draft.kind)
    except ValueError:
        errors.check("kind", False, "نوع جلسه را از فهرست انتخاب کنید.")
        kind = MeetingKind.REGULAR
    date = validation.jalali_date(errors, "date", draft.date, required=True)
    times = {}
    for field in ("start_time", "end_time"):
        try:
            times[field] = parse_time(getattr(draft, field))
        except TimeFormatError as error:
            errors.check(field, False, str(error))
            times[field] = None
    if times["start_time"] and times["end_time"]:
        errors.check(
            "end_time", times["end_time"] > times["start_time"], "ساعت پایان باید پس از ساعت شروع باشد."
        )
    values: dict[str, Any] = {
        "kind": kind.value,
        "series": kind.series,
        "date": date,
        **times,
        "host_agency_id": draft.host_agency_id,
        "venue": validation.text(errors, MeetingDraft, "venue", draft.venue),
        "chair": validation.text(errors, MeetingDraft, "chair", draft.chair),
        "occasion": validation.text(errors, MeetingDraft, "occasion", draft.occasion),
    }
    return errors, values


class MeetingService:
    def __init__(self, database: Database):
        self._db = database

    # -- planning -----------------------------------------------------------

    def proposed_date(self) -> dt.date:
        """The date a new meeting's form starts with (``proposal`` says why this one)."""
        today = clock.today()
        live = Meeting.status != MeetingStatus.CANCELLED.value
        with self._db.reading() as session:
            last_regular = session.scalar(
                select(func.max(Meeting.date)).where(Meeting.kind == MeetingKind.REGULAR.value, live)
            )
            taken = set(session.scalars(select(Meeting.date).where(live, Meeting.date >= today)))
        return proposed_date(last_regular, today, taken)

    def check(self, draft: MeetingDraft, *, meeting_id: int | None = None) -> tuple[str, ...]:
        """The warnings planning ``draft`` would give (empty if none or if invalid)."""
        errors, values = validate(draft)
        if errors:
            return ()
        with self._db.reading() as session:
            return tuple(_warnings(session, values, meeting_id))

    def plan(self, draft: MeetingDraft) -> PlanResult:
        """Plan a meeting and invite every active member agency."""
        errors, values = validate(draft)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            _check_host(session, values["host_agency_id"])
            warnings = _warnings(session, values, None)
            if not values["chair"]:
                values["chair"] = session.scalar(select(Council.chair).limit(1)) or ""
            meeting = Meeting(
                **values, jalali_year=jalali.jalali_year(values["date"]), status=MeetingStatus.PLANNED.value
            )
            session.add(meeting)
            session.flush()
            active = session.scalars(select(Agency.id).where(Agency.active.is_(True))).all()
            session.add_all(Invitation(meeting_id=meeting.id, agency_id=agency_id) for agency_id in active)
            renumber(session, meeting.series)
            return PlanResult(meeting_record(session, meeting), tuple(warnings))

    def update(
        self, meeting_id: int, draft: MeetingDraft, *, expected_version: int | None = None
    ) -> PlanResult:
        """Change the details of a meeting not yet held (a new date: use ``postpone``); refused
        (``ConflictError``) when another desk saved the meeting since the form read it at
        ``expected_version``."""
        errors, values = validate(draft)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            numbering.lock_meeting(session, meeting)
            versions.check(session, meeting, expected_version)
            require_upcoming(meeting, "ویرایش کرد")
            _check_host(session, values["host_agency_id"])
            if values["date"] != meeting.date and meeting.postponements:
                raise ValidationError({"date": "تاریخ جلسه‌ای که به تعویق افتاده را با «تعویق» تغییر دهید."})
            warnings = _warnings(session, values, meeting.id)
            old_series = meeting.series
            for key, value in values.items():
                setattr(meeting, key, value)
            meeting.jalali_year = jalali.jalali_year(meeting.date)
            session.flush()
            renumber(session, old_series)
            if meeting.series != old_series:
                renumber(session, meeting.series)
            return PlanResult(meeting_record(session, meeting), tuple(warnings))

    def postpone(
        self, meeting_id: int, new_date: str, reason: str, *, expected_version: int | None = None
    ) -> PlanResult:
        """Move a planned meeting to another date; the old date and the reason are kept. Refused
        (``ConflictError``) when another desk saved the meeting since it was read at ``expected_version``."""
        errors = validation.FieldErrors()
        date = validation.jalali_date(errors, "date", new_date, required=True)
        reason = validation.text(
            errors, "MeetingService.postpone", "reason", reason, required="دلیل تعویق را بنویسید."
        )
        if errors:
            raise ValidationError(errors)
        assert date is not None  # a required date: its absence is an error above
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            numbering.lock_meeting(session, meeting)
            versions.check(session, meeting, expected_version)
            require_upcoming(meeting, "به تعویق انداخت")
            if date <= meeting.date:
                raise ValidationError(
                    {
                        "date": (
                            "تاریخ تازه باید پس از تاریخ فعلی جلسه "
                            f"({jalali.format_short(meeting.date)}) باشد."
                        )
                    }
                )
            values = _values_of(meeting) | {"date": date}
            warnings = _warnings(session, values, meeting.id)
            session.add(
                Postponement(
                    meeting_id=meeting.id,
                    from_date=meeting.date,
                    to_date=date,
                    reason=reason,
                    recorded_at=dt.datetime.now(),
                )
            )
            meeting.date = date
            meeting.jalali_year = jalali.jalali_year(date)
            meeting.status = MeetingStatus.POSTPONED.value
            session.flush()
            renumber(session, meeting.series)
            session.refresh(meeting)
            return PlanResult(meeting_record(session, meeting), tuple(warnings))

    def cancel(self, meeting_id: int, reason: str, *, expected_version: int | None = None) -> MeetingRecord:
        """Cancel a meeting not yet held, with the reason; refused (``ConflictError``) when another
        desk saved it since it was read at ``expected_version``."""
        errors = validation.FieldErrors()
        reason = validation.text(
            errors, "MeetingService.cancel", "reason", reason, required="دلیل لغو جلسه را بنویسید."
        )
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            numbering.lock_meeting(session, meeting)
            versions.check(session, meeting, expected_version)
            require_upcoming(meeting, "لغو کرد")
            meeting.status = MeetingStatus.CANCELLED.value
            meeting.cancel_reason = reason
            session.flush()
            renumber(session, meeting.series)
            session.refresh(meeting)
            return meeting_record(session, meeting)

    def renumbered_on_open(self) -> tuple[str, ...]:
        """In Persian, the meetings that shared a number and were renumbered when this file was opened."""
        return tuple(numbering.renumbering_notices(self._db.renumbered))

    def mark_held(self, meeting_id: int) -> MeetingRecord:
        """The meeting took place: its numbers are fixed from now on."""
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            mark_held(session, meeting)
            return meeting_record(session, meeting)

    # -- reading --------------------------------------------------------------
    # The list (``count``, ``page``) is filtered in the database; see ``secretariat.meetings.search``
    # for what the words of ``MeetingQuery.search`` find.

    def get(self, meeting_id: int) -> MeetingRecord:
        with self._db.reading() as session:
            return meeting_record(session, get_meeting(session, meeting_id))

    def detail(self, meeting_id: int) -> MeetingDetail:
        with self._db.reading() as session:
            return meeting_detail(session, get_meeting(session, meeting_id))

    def count(self, query: MeetingQuery = MeetingQuery()) -> int:
        with self._db.reading() as session:
            return session.scalar(self._filtered(select(func.count(Meeting.id)), query)) or 0

    def page(
        self, query: MeetingQuery = MeetingQuery(), *, offset: int = 0, limit: int | None = 100
    ) -> list[MeetingRow]:
        order = [Meeting.date.desc(), Meeting.id.desc()] if query.newest_first else [Meeting.date, Meeting.id]
        statement = self._filtered(_row_columns(), query).order_by(*order).offset(offset)
        if limit is not None:
            statement = statement.limit(limit)
        with self._db.reading() as session:
            return [_row(row) for row in session.execute(statement)]

    def month(self, jalali_year: int, month: int) -> list[MeetingRow]:
        """The meetings of a Jalali month, cancelled ones included, by date."""
        first = jalali.from_jalali(jalali_year, month, 1)
        last = jalali.from_jalali(jalali_year, month, jalali.month_length(jalali_year, month))
        statement = (
            _row_columns()
            .where(Meeting.date.between(first, last))
            .order_by(Meeting.date, Meeting.start_time, Meeting.id)
        )
        with self._db.reading() as session:
            return [_row(row) for row in session.execute(statement)]

    def years(self) -> list[int]:
        """The Jalali years that have meetings, newest first."""
        with self._db.reading() as session:
            return list(
                session.scalars(select(Meeting.jalali_year).distinct().order_by(Meeting.jalali_year.desc()))
            )

    def previous_meeting(self, meeting_id: int) -> MeetingRecord | None:
        """The last meeting of the same series held before this one."""
        with self._db.reading() as session:
            meeting = get_meeting(session, meeting_id)
            previous = session.scalars(
                select(Meeting)
                .where(
                    Meeting.series == meeting.series,
                    Meeting.id != meeting.id,
                    Meeting.date <= meeting.date,
                    Meeting.status.in_([MeetingStatus.HELD.value, MeetingStatus.FINALIZED.value]),
                )
                .order_by(Meeting.date.desc(), Meeting.id.desc())
                .limit(1)
            ).first()
            return meeting_record(session, previous) if previous else None

    def _filtered(self, statement: StatementT, query: MeetingQuery) -> StatementT:
        conditions = []
        if query.jalali_year is not None:
            conditions.append(Meeting.jalali_year == query.jalali_year)
        if query.kind is not None:
            conditions.append(Meeting.kind == query.kind.value)
        if query.status is not None:
            conditions.append(Meeting.status == query.status.value)
        # After the filters: the words are looked for only in the meetings those leave.
        conditions += [matches(term, self._db) for term in meeting_terms(query.search)]
        if conditions:
            statement = statement.where(and_(*conditions))
        return statement


def meeting_detail(session: Session, meeting: Meeting) -> MeetingDetail:
    """Everything the meeting window shows, read now (the names as they are today)."""
    invitations = invitation_records(session, meeting.id)
    council = session.scalar(select(Council).limit(1))
    return MeetingDetail(
        meeting=meeting_record(session, meeting),
        agenda=agenda_records(session, meeting),
        invitations=invitations,
        quorum=quorum_of(council, invitations),
        resolutions=resolution_records(session, list(meeting.resolutions)),
        amendments=meeting_amendments(session, meeting.id),
        attachments=tuple(attachment_record(a) for a in session.scalars(meeting_files(meeting.id))),
    )


def meeting_amendments(session: Session, meeting_id: int) -> tuple[AmendmentRecord, ...]:
    """The amendments of a meeting's minutes, in the order they were recorded."""
    statement = select(Amendment).where(Amendment.meeting_id == meeting_id).order_by(Amendment.id)
    return tuple(amendment_record(a) for a in session.scalars(statement))


def mark_held(session: Session, meeting: Meeting) -> None:
    """Planned -> held, once its day has come; used by attendance too."""
    if MeetingStatus(meeting.status).numbers_frozen:
        return
    numbering.lock_meeting(session, meeting)
    status = MeetingStatus(meeting.status)
    if status.numbers_frozen:
        return  # held by another save while this one waited for the lock
    if status is MeetingStatus.CANCELLED:
        raise DomainError("این جلسه لغو شده است.")
    if meeting.date > clock.today():
        raise DomainError(
            f"جلسه در {jalali.format_long(meeting.date)} برگزار می‌شود؛ حضور و غیاب و صورتجلسه پس از برگزاری "
            "ثبت می‌شود."
        )
    numbering.hold(session, meeting)


def _check_host(session: Session, host_agency_id: int | None) -> None:
    if host_agency_id is not None and session.get(Agency, host_agency_id) is None:
        raise ValidationError({"host_agency_id": "دستگاه میزبان در فهرست نیست."})


def _values_of(meeting: Meeting) -> dict[str, Any]:
    return {"date": meeting.date, "host_agency_id": meeting.host_agency_id, "kind": meeting.kind}


def _warnings(session: Session, values: dict[str, Any], meeting_id: int | None) -> list[str]:
    date = values["date"]
    warnings = []
    if date.weekday() == FRIDAY:
        warnings.append(f"روز جلسه، {jalali.format_long(date)}، تعطیل است.")
    live = Meeting.status != MeetingStatus.CANCELLED.value
    others = select(Meeting).where(Meeting.date == date, live)
    if meeting_id is not None:
        others = others.where(Meeting.id != meeting_id)
    for other in session.scalars(others):
        warnings.append(
            f"در همین روز «{meeting_title(MeetingKind(other.kind), other.number)}» هم برنامه‌ریزی شده است."
        )
    host = values.get("host_agency_id")
    if host is not None:
        previous = (
            select(Meeting).where(Meeting.date < date, live).order_by(Meeting.date.desc(), Meeting.id.desc())
        )
        if meeting_id is not None:
            previous = previous.where(Meeting.id != meeting_id)
        last = session.scalars(previous.limit(1)).first()
        if last is not None and last.host_agency_id == host:
            name = session.scalar(select(Agency.name).where(Agency.id == host))
            warnings.append(
                f"«{name}» میزبان جلسه پیشین ({jalali.format_short(last.date)}) هم بود؛ "
                "جلسات به نوبت در دستگاه‌های عضو برگزار می‌شود."
            )
    return warnings


def _row_columns() -> Select[*tuple[Any, ...]]:
    resolution_count = (
        select(func.count(Resolution.id)).where(Resolution.meeting_id == Meeting.id).scalar_subquery()
    )
    return (
        select(
            Meeting.id,
            Meeting.kind,
            Meeting.number,
            Meeting.date,
            Meeting.start_time,
            Agency.name,
            Meeting.venue,
            Meeting.status,
            Meeting.signed_at,
            resolution_count,
            Meeting.cancel_reason,
        )
        .select_from(Meeting)
        .outerjoin(Agency, Agency.id == Meeting.host_agency_id)
    )


def _row(row: Row[*tuple[Any, ...]]) -> MeetingRow:
    return MeetingRow(
        id=row[0],
        kind=MeetingKind(row[1]),
        number=row[2],
        date=row[3],
        start_time=row[4],
        host_agency_name=row[5] or "",
        venue=row[6],
        status=MeetingStatus(row[7]),
        signed=row[8] is not None,
        resolution_count=row[9],
        cancel_reason=row[10] or "",
    )
