"""The agenda (دستور کار): ordered items, each with a presenter and notes.

The first item of a new regular meeting can review the previous meetings'
resolutions that are still open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from db.models import Agency, AgendaItem, Meeting, Resolution
from secretariat import validation
from secretariat.changes import note_changes
from secretariat.database import Database
from secretariat.errors import NotFoundError, ValidationError
from secretariat.followup.status import STILL_OPEN
from secretariat.meetings.kinds import display_code
from secretariat.meetings.records import AgendaItemRecord
from secretariat.meetings.store import agenda_records, get_meeting, require_minutes_editable

REVIEW_TITLE = "گزارش پیگیری مصوبات باز جلسات پیشین"


@dataclass(frozen=True)
class AgendaItemDraft:
    title: str
    presenter_agency_id: int | None = None
    notes: str = ""


class AgendaService:
    def __init__(self, database: Database):
        self._db = database

    def items(self, meeting_id: int) -> tuple[AgendaItemRecord, ...]:
        with self._db.reading() as session:
            return agenda_records(session, get_meeting(session, meeting_id))

    def add(self, meeting_id: int, draft: AgendaItemDraft) -> AgendaItemRecord:
        values = _validated(draft)
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            require_minutes_editable(meeting)
            _check_presenter(session, values["presenter_agency_id"])
            position = (
                session.scalar(
                    select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)
                )
                or 0
            ) + 1
            item = AgendaItem(meeting_id=meeting_id, position=position, **values)
            session.add(item)
            session.flush()
            session.refresh(meeting)
            return _record_of(session, meeting, item.id)

    def update(self, item_id: int, draft: AgendaItemDraft) -> AgendaItemRecord:
        values = _validated(draft)
        with self._db.transaction() as session:
            item = _get(session, item_id)
            require_minutes_editable(item.meeting)
            _check_presenter(session, values["presenter_agency_id"])
            for key, value in values.items():
                setattr(item, key, value)
            session.flush()
            return _record_of(session, item.meeting, item.id)

    def set_summary(self, item_id: int, summary: str) -> AgendaItemRecord:
        """What was said on the item, for the minutes."""
        errors = validation.FieldErrors()
        summary = validation.text(errors, "AgendaService.set_summary", "summary", summary)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            item = _get(session, item_id)
            require_minutes_editable(item.meeting)
            item.summary = summary
            session.flush()
            return _record_of(session, item.meeting, item.id)

    def remove(self, item_id: int) -> None:
        with self._db.transaction() as session:
            item = _get(session, item_id)
            meeting = item.meeting
            require_minutes_editable(meeting)
            # The item's resolutions stay, under no item: a bulk update, announced by hand.
            note_changes(
                session,
                resolutions=session.scalars(
                    select(Resolution.id).where(Resolution.agenda_item_id == item.id)
                ).all(),
            )
            # A mapped class's table is a Table (typed as a FromClause).
            session.execute(
                cast(Table, Resolution.__table__)
                .update()
                .where(Resolution.agenda_item_id == item.id)
                .values(agenda_item_id=None)
            )
            meeting.agenda.remove(item)
            session.flush()
            _renumber_positions(meeting)

    def move(self, item_id: int, steps: int) -> tuple[AgendaItemRecord, ...]:
        """Move an item up (negative) or down (positive) the agenda."""
        with self._db.transaction() as session:
            item = _get(session, item_id)
            meeting = item.meeting
            require_minutes_editable(meeting)
            items = list(meeting.agenda)
            index = items.index(item)
            target = max(0, min(len(items) - 1, index + steps))
            items.insert(target, items.pop(index))
            for position, each in enumerate(items, start=1):
                each.position = position
            session.flush()
            session.refresh(meeting)
            return agenda_records(session, meeting)

    def add_open_resolutions_review(self, meeting_id: int) -> AgendaItemRecord:
        """First item: the previous meetings' resolutions still open, for review.

        A meeting has one such item; asking again refreshes its list.
        """
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            require_minutes_editable(meeting)
            open_items = session.execute(
                select(Resolution.code, Resolution.text)
                .join(Meeting, Meeting.id == Resolution.meeting_id)
                .where(
                    Resolution.status.in_(STILL_OPEN),
                    Meeting.date < meeting.date,
                    Meeting.id != meeting.id,
                )
                .order_by(Meeting.date, Resolution.number)
            ).all()
            notes = "\n".join(f"{display_code(code)}: {text}" for code, text in open_items)
            item = next((each for each in meeting.agenda if each.reviews_open_resolutions), None)
            if item is not None:
                # Asked again: bring the list up to date rather than add a second item.
                item.notes = notes
            else:
                for each in meeting.agenda:
                    each.position += 1
                item = AgendaItem(
                    meeting_id=meeting.id,
                    position=1,
                    title=REVIEW_TITLE,
                    notes=notes,
                    reviews_open_resolutions=True,
                )
                session.add(item)
            session.flush()
            session.refresh(meeting)
            return _record_of(session, meeting, item.id)


def _validated(draft: AgendaItemDraft) -> dict[str, Any]:
    errors = validation.FieldErrors()
    title = validation.text(
        errors, AgendaItemDraft, "title", draft.title, required="عنوان دستور کار را بنویسید."
    )
    notes = validation.text(errors, AgendaItemDraft, "notes", draft.notes)
    if errors:
        raise ValidationError(errors)
    return {"title": title, "presenter_agency_id": draft.presenter_agency_id, "notes": notes}


def _check_presenter(session: Session, agency_id: int | None) -> None:
    if agency_id is not None and session.get(Agency, agency_id) is None:
        raise ValidationError({"presenter_agency_id": "دستگاه ارائه‌دهنده در فهرست نیست."})


def _get(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError("این بند دستور کار در فهرست نیست.")
    return item


def _renumber_positions(meeting: Meeting) -> None:
    for position, item in enumerate(meeting.agenda, start=1):
        item.position = position


def _record_of(session: Session, meeting: Meeting, item_id: int) -> AgendaItemRecord:
    return next(record for record in agenda_records(session, meeting) if record.id == item_id)
