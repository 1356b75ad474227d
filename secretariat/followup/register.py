"""The register of all resolutions of all meetings, filtered and sorted in the database.

Filters: status (or still open, or overdue), the responsible agency (lead or collaborator),
the meeting, the Jalali year or a date range of the meetings, deadlines
within N days, the day a resolution was closed, and words of the text. The text search matches the core's
folded text (see ``secretariat.persian.text.fold``) as substrings; an index keeps it
fast (FTS5 trigram on SQLite, pg_trgm on PostgreSQL: migration 0003).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    SQLColumnExpression,
    Text,
    and_,
    column,
    exists,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.orm import aliased

from db.models import Agency, Amendment, Assignment, Meeting, Resolution
from secretariat import clock
from secretariat.database import Database
from secretariat.followup.history import ResolutionHistory, year_histories
from secretariat.followup.status import RUNNING, STILL_OPEN, ResolutionStatus, is_overdue
from secretariat.meetings.deadline import deadline_text
from secretariat.meetings.kinds import AssignmentRole, MeetingKind, display_code, meeting_title
from secretariat.persian.text import search_terms

# A select of any columns, its rows' types kept through the filters.
StatementT = TypeVar("StatementT", bound="Select[*tuple[Any, ...]]")


class RegisterSort(StrEnum):
    MEETING_DATE = "meeting_date"
    CODE = "code"
    DUE_DATE = "due_date"
    STATUS = "status"
    LEAD = "lead"
    TEXT = "text"


@dataclass(frozen=True)
class ResolutionQuery:
    search: str = ""
    status: ResolutionStatus | None = None
    still_open: bool = False  # open, in progress or deferred: not yet done or cancelled
    overdue: bool = False
    agency_id: int | None = None  # lead or collaborator
    meeting_id: int | None = None
    jalali_year: int | None = None  # of the meeting
    meeting_from: dt.date | None = None
    meeting_to: dt.date | None = None
    due_within_days: int | None = None  # running resolutions due from today to today + N
    closed_from: dt.date | None = None  # done or cancelled on or after
    closed_to: dt.date | None = None
    sort: RegisterSort = RegisterSort.MEETING_DATE
    descending: bool = True


@dataclass(frozen=True)
class ResolutionRow:
    id: int
    code: str
    text: str
    meeting_id: int
    meeting_title: str
    meeting_date: dt.date
    lead_agency_id: int | None
    lead_agency_name: str
    due_date: dt.date | None
    due_next_meeting: bool
    status: ResolutionStatus
    overdue: bool

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    @property
    def due_text(self) -> str:
        return deadline_text(self.due_date, self.due_next_meeting)


# The FTS5 trigram table over resolution.search_text (SQLite; migration 0003).
_SEARCH_INDEX = table("resolution_search", column("rowid", Integer), column("search_text", Text))

_NO_WILDCARDS = re.compile(r"[%_]")

_lead = aliased(Assignment)
_lead_agency = aliased(Agency)


class RegisterService:
    def __init__(self, database: Database):
        self._db = database

    def count(self, query: ResolutionQuery = ResolutionQuery()) -> int:
        statement = self._filtered(self._joined(select(func.count(Resolution.id)), lead=False), query)
        with self._db.reading() as session:
            return session.scalar(statement) or 0

    def page(
        self, query: ResolutionQuery = ResolutionQuery(), *, offset: int = 0, limit: int | None = 100
    ) -> list[ResolutionRow]:
        # The page's ids first, then the columns for those rows only: the lead
        # agency is looked up for a hundred rows, not for every match.
        page_ids = (
            self._filtered(self._joined(select(Resolution.id), lead=query.sort is RegisterSort.LEAD), query)
            .order_by(*self._order(query))
            .offset(offset)
        )
        if limit is not None:
            page_ids = page_ids.limit(limit)
        statement = (
            self._joined(
                select(
                    Resolution.id,
                    Resolution.code,
                    Resolution.text,
                    Meeting.id,
                    Meeting.kind,
                    Meeting.number,
                    Meeting.date,
                    _lead_agency.id,
                    _lead_agency.name,
                    Resolution.due_date,
                    Resolution.due_next_meeting,
                    Resolution.status,
                ),
                lead=True,
            )
            .where(Resolution.id.in_(page_ids))
            .order_by(*self._order(query))
        )
        today = clock.today()
        with self._db.reading() as session:
            return [
                ResolutionRow(
                    id=row[0],
                    code=row[1],
                    text=row[2],
                    meeting_id=row[3],
                    meeting_title=meeting_title(MeetingKind(row[4]), row[5]),
                    meeting_date=row[6],
                    lead_agency_id=row[7],
                    lead_agency_name=row[8] or "",
                    due_date=row[9],
                    due_next_meeting=row[10],
                    status=ResolutionStatus(row[11]),
                    overdue=is_overdue(row[11], row[9], today),
                )
                for row in session.execute(statement)
            ]

    def assignees(self, query: ResolutionQuery = ResolutionQuery()) -> tuple[int, ...]:
        """The agencies (ids, ascending) assigned, as lead or collaborator, to a resolution
        the query finds: who a letter about those resolutions goes to."""
        found = self._filtered(self._joined(select(Resolution.id), lead=False), query)
        assigned = aliased(Assignment)  # the query's own agency filter names Assignment
        statement = (
            select(assigned.agency_id)
            .where(assigned.resolution_id.in_(found))
            .distinct()
            .order_by(assigned.agency_id)
        )
        with self._db.reading() as session:
            return tuple(session.scalars(statement))

    def roles_of(self, agency_id: int, resolution_ids: Iterable[int]) -> dict[int, AssignmentRole]:
        """The agency's role in each of the resolutions it is assigned to, by resolution id."""
        statement = select(Assignment.resolution_id, Assignment.role).where(
            Assignment.agency_id == agency_id, Assignment.resolution_id.in_(set(resolution_ids))
        )
        roles: dict[int, AssignmentRole] = {}
        with self._db.reading() as session:
            for resolution_id, role in session.execute(statement):
                # An agency is both lead and collaborator of one resolution only by mistake: the lead counts.
                if roles.get(resolution_id) is not AssignmentRole.LEAD:
                    roles[resolution_id] = AssignmentRole(role)
        return roles

    def texts_in_force(self, resolution_ids: Iterable[int]) -> dict[int, str]:
        """The texts amended since the minutes (the last amendment's), by resolution id; a
        resolution never amended is left out: its text is the register row's."""
        statement = (
            select(Amendment.resolution_id, Amendment.amended)
            .where(Amendment.resolution_id.in_(set(resolution_ids)), Amendment.field == "resolution_text")
            .order_by(Amendment.id)
        )
        with self._db.reading() as session:
            # Selected by resolution_id IN the ids, so no key is None.
            return cast(dict[int, str], dict(session.execute(statement).all()))

    def id_of_code(self, code: str) -> int | None:
        """The resolution whose code (``1405-07-01``, Latin digits, as stored) this is, or None."""
        with self._db.reading() as session:
            return session.scalar(select(Resolution.id).where(Resolution.code == code))

    def histories(self, jalali_year: int) -> tuple[ResolutionHistory, ...]:
        """Every resolution of the meetings of Jalali ``jalali_year``, in the order of the
        meetings and of the minutes, with its whole story (see ``history``); overdue as of today."""
        with self._db.reading() as session:
            return year_histories(session, jalali_year, clock.today())

    @staticmethod
    def _joined(statement: StatementT, *, lead: bool) -> StatementT:
        statement = statement.select_from(Resolution).join(Meeting, Meeting.id == Resolution.meeting_id)
        if lead:
            statement = statement.outerjoin(
                _lead, and_(_lead.resolution_id == Resolution.id, _lead.role == AssignmentRole.LEAD.value)
            ).outerjoin(_lead_agency, _lead_agency.id == _lead.agency_id)
        return statement

    def _filtered(self, statement: StatementT, query: ResolutionQuery) -> StatementT:
        today = clock.today()
        conditions = []
        if query.status is not None:
            conditions.append(Resolution.status == query.status.value)
        if query.still_open:
            conditions.append(Resolution.status.in_(STILL_OPEN))
        if query.overdue:
            conditions += [Resolution.status.in_(RUNNING), Resolution.due_date < today]
        if query.due_within_days is not None:
            conditions += [
                Resolution.status.in_(RUNNING),
                Resolution.due_date.between(today, today + dt.timedelta(days=query.due_within_days)),
            ]
        if query.agency_id is not None:
            conditions.append(
                exists().where(
                    Assignment.resolution_id == Resolution.id, Assignment.agency_id == query.agency_id
                )
            )
        if query.meeting_id is not None:
            conditions.append(Resolution.meeting_id == query.meeting_id)
        if query.jalali_year is not None:
            conditions.append(Meeting.jalali_year == query.jalali_year)
        if query.closed_from is not None:
            conditions.append(Resolution.closed_on >= query.closed_from)
        if query.closed_to is not None:
            conditions.append(Resolution.closed_on <= query.closed_to)
        if query.meeting_from is not None:
            conditions.append(Meeting.date >= query.meeting_from)
        if query.meeting_to is not None:
            conditions.append(Meeting.date <= query.meeting_to)
        terms = search_terms(query.search)
        if terms:
            conditions.append(self._matches(terms))
        return statement.where(and_(*conditions)) if conditions else statement

    def _matches(self, terms: list[str]) -> ColumnElement[bool]:
        """The folded text contains every term, through the search index where there is one."""
        escaped = ["%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for t in terms]
        on_column = [Resolution.search_text.like(p, escape="\\") for p in escaped]
        if self._db.engine.dialect.name != "sqlite":
            return and_(*on_column)  # PostgreSQL: the pg_trgm index serves these
        # The trigram index serves LIKE only for three characters or more and
        # without an ESCAPE clause (wildcards are dropped from those terms);
        # shorter terms are checked on the column, among the index's matches.
        long_terms = [_NO_WILDCARDS.sub("", t) for t in terms if len(_NO_WILDCARDS.sub("", t)) >= 3]
        short = [c for t, c in zip(terms, on_column, strict=True) if len(_NO_WILDCARDS.sub("", t)) < 3]
        if not long_terms:
            return and_(*on_column)
        # One MATCH of quoted phrases: with the trigram tokenizer a phrase
        # matches as a substring, as LIKE does, but the index intersects the
        # terms itself instead of checking each match's text (at 30,000
        # resolutions, 4 ms instead of 16 for a common and a rarer word).
        phrases = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        indexed = select(_SEARCH_INDEX.c.rowid).where(
            literal_column("resolution_search").op("MATCH")(phrases)
        )
        return and_(Resolution.id.in_(indexed), *short)

    def _order(self, query: ResolutionQuery) -> list[SQLColumnExpression[Any]]:
        persian = self._db.persian_order
        by_sort: dict[RegisterSort, list[SQLColumnExpression[Any]]] = {
            RegisterSort.MEETING_DATE: [Meeting.date, Resolution.number],
            RegisterSort.CODE: [Meeting.date, Resolution.number],
            RegisterSort.DUE_DATE: [Resolution.due_date.is_(None), Resolution.due_date],
            RegisterSort.STATUS: [Resolution.status],
            RegisterSort.LEAD: [persian(func.coalesce(_lead_agency.name, ""))],
            RegisterSort.TEXT: [persian(Resolution.text)],
        }
        keys = by_sort[query.sort]
        if query.descending:
            keys = [key.desc() for key in keys]
        return [*keys, Resolution.id.desc() if query.descending else Resolution.id]
