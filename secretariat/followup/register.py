"""The register of all resolutions of all meetings, filtered and sorted in the database.

Filters: status (or still open, or overdue), the responsible agency (lead or collaborator),
the meeting, the Jalali year or a date range of the meetings, deadlines
within N days, the day a resolution was closed, and words of the text. The text search matches the core's
folded text (see ``secretariat.persian.text.fold``) as substrings; an index keeps it
fast (FTS5 trigram on SQLite, pg_trgm on PostgreSQL: migration 0003; on SQLite terms of one
or two letters have their own index: migration 0009).

At 120,000 resolutions every query is served by an index: each order has
one (the Persian orders through the sort keys the core stores, see
``secretariat.sort_keys``), each filter is a condition on the resolution
alone (an agency or the meetings as ``id IN`` a subquery on their index, no
join), and a count is remembered per filter until the data changes
(``secretariat.count_cache``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    func,
    select,
)
from sqlalchemy.orm import aliased
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from db.models import Agency, Amendment, Assignment, Meeting, Resolution
from secretariat import clock
from secretariat.count_cache import CountCache
from secretariat.database import Database
from secretariat.followup import text_search
from secretariat.followup.history import ResolutionHistory, year_histories
from secretariat.followup.status import RUNNING, STILL_OPEN, ResolutionStatus, is_overdue
from secretariat.meetings.deadline import deadline_text
from secretariat.meetings.kinds import AssignmentRole, MeetingKind, display_code, meeting_title
from secretariat.persian.text import search_terms

# A select of any columns, its rows' types kept through the filters.
StatementT = TypeVar("StatementT", bound="Select[*tuple[Any, ...]]")
T = TypeVar("T")


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


_lead = aliased(Assignment)
_lead_agency = aliased(Agency)


@dataclass(frozen=True)
class _PagePlan:
    """How ``RegisterService.page`` reads a page (see ``_plan``)."""

    offset: int
    limit: int | None
    # Read from the other end of the order (the page is nearer the end), then put back in order.
    backwards: bool = False
    # SQLite: walk the order's index testing each row (``True``), or find every match
    # through the filters' indexes and sort them (``False``).
    walk: bool = False


# Walk the order's index when it reads at most this many rows per match the other way would sort:
# a row walked past costs a few tenths of a microsecond, a match found and sorted a few microseconds.
WALK_ROWS_PER_MATCH = 4


class RegisterService:
    def __init__(self, database: Database):
        self._db = database
        self._sqlite = database.engine.dialect.name == "sqlite"
        self._counts = CountCache(database)

    def count(self, query: ResolutionQuery = ResolutionQuery()) -> int:
        terms = search_terms(query.search)
        if self._sqlite and terms and _only_words(query):
            statement = text_search.counted(terms)
        else:
            statement = self._filtered(select(func.count()).select_from(Resolution), query)
        # The order does not change the count; "overdue" and "due within N days" depend on the day.
        key = (_unordered(query), clock.today())
        with self._db.reading() as session:
            return self._counts.count(session, key, lambda: session.scalar(statement) or 0)

    def page(
        self, query: ResolutionQuery = ResolutionQuery(), *, offset: int = 0, limit: int | None = 100
    ) -> list[ResolutionRow]:
        plan = self._plan(query, offset, limit)
        if plan is None:
            return []
        # The page's ids first, then the columns for those rows only: the meeting and the lead
        # agency are looked up for a hundred rows, not for every match.
        page_ids = self._filtered(select(Resolution.id), query, indexed=not plan.walk)
        if query.sort in (RegisterSort.MEETING_DATE, RegisterSort.CODE):
            page_ids = page_ids.join(Meeting, Meeting.id == Resolution.meeting_id)
        descending = query.descending != plan.backwards
        page_ids = page_ids.order_by(
            *self._order(query.sort, descending, indexed=plan.walk or not self._sqlite)
        )
        page_ids = page_ids.offset(plan.offset).limit(plan.limit)
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
                )
            )
            .where(Resolution.id.in_(page_ids))
            .order_by(*self._order(query.sort, query.descending))
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

    def _plan(self, query: ResolutionQuery, offset: int, limit: int | None) -> _PagePlan | None:
        """How to read rows ``offset`` to ``offset + limit`` of ``query``'s matches; None: there are none.

        From the count of the matches (remembered, see ``count``):
        - a page in the second half is read backwards from the end, so that scrolling to the end
          of 120,000 rows skips a few, not all of them;
        - on SQLite, the page is found by walking the order's index, testing each row against
          the filters, when that reads at most ``WALK_ROWS_PER_MATCH`` rows for each match;
          otherwise the matches are found through the filters' indexes and sorted. SQLite's
          planner cannot tell (it knows how many rows a status has on average, not that a page
          of the newest open resolutions is found among the first few hundred), so the query
          says which: a unary ``+`` keeps SQLite from using an index for the term it marks.
          PostgreSQL's planner, with its statistics of each value, chooses for itself.
        """
        if limit is None:
            return _PagePlan(offset, None)
        matches = self.count(query)
        limit = min(limit, matches - offset)
        if limit <= 0:
            return None
        after = matches - offset - limit
        backwards = after < offset
        skip = after if backwards else offset
        if not self._sqlite:
            return _PagePlan(skip, limit, backwards)
        walked = (skip + limit) * self.count(ResolutionQuery()) / matches
        return _PagePlan(skip, limit, backwards, walk=walked <= WALK_ROWS_PER_MATCH * matches)

    def assignees(self, query: ResolutionQuery = ResolutionQuery()) -> tuple[int, ...]:
        """The agencies (ids, ascending) assigned, as lead or collaborator, to a resolution
        the query finds: who a letter about those resolutions goes to."""
        found = self._filtered(select(Resolution.id), query)
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
    def _joined(statement: StatementT) -> StatementT:
        """``statement`` over the resolutions with their meeting and lead agency."""
        return (
            statement.select_from(Resolution)
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .outerjoin(
                _lead, and_(_lead.resolution_id == Resolution.id, _lead.role == AssignmentRole.LEAD.value)
            )
            .outerjoin(_lead_agency, _lead_agency.id == _lead.agency_id)
        )

    def _filtered(self, statement: StatementT, query: ResolutionQuery, *, indexed: bool = True) -> StatementT:
        """``statement`` narrowed to the resolutions ``query`` finds, by conditions on the
        resolution alone (what they ask of its agencies or meeting, through subqueries).

        ``indexed=False`` (SQLite): conditions no index serves, each tested on the rows walked.
        """

        def on(column: SQLColumnExpression[T]) -> SQLColumnExpression[T]:
            return column if indexed or not self._sqlite else _unindexed(column)

        today = clock.today()
        conditions = []
        if query.status is not None:
            conditions.append(on(Resolution.status) == query.status.value)
        if query.still_open:
            conditions.append(on(Resolution.status).in_(STILL_OPEN))
        if query.overdue:
            conditions += [on(Resolution.status).in_(RUNNING), on(Resolution.due_date) < today]
        if query.due_within_days is not None:
            conditions += [
                on(Resolution.status).in_(RUNNING),
                on(Resolution.due_date).between(today, today + dt.timedelta(days=query.due_within_days)),
            ]
        if query.agency_id is not None:
            # On the index of the agency's assignments: a few hundred ids, looked up once.
            assigned = select(Assignment.resolution_id).where(Assignment.agency_id == query.agency_id)
            conditions.append(on(Resolution.id).in_(assigned))
        if query.meeting_id is not None:
            conditions.append(on(Resolution.meeting_id) == query.meeting_id)
        meeting_conditions = []
        if query.jalali_year is not None:
            meeting_conditions.append(Meeting.jalali_year == query.jalali_year)
        if query.meeting_from is not None:
            meeting_conditions.append(Meeting.date >= query.meeting_from)
        if query.meeting_to is not None:
            meeting_conditions.append(Meeting.date <= query.meeting_to)
        if meeting_conditions:
            meetings = select(Meeting.id).where(*meeting_conditions)
            conditions.append(on(Resolution.meeting_id).in_(meetings))
        if query.closed_from is not None:
            conditions.append(on(Resolution.closed_on) >= query.closed_from)
        if query.closed_to is not None:
            conditions.append(on(Resolution.closed_on) <= query.closed_to)
        terms = search_terms(query.search)
        if terms:
            listed = self._sqlite and indexed and self._words_narrow_most(query)
            conditions.append(text_search.listed(terms) if listed else text_search.tested(terms))
        return statement.where(and_(*conditions)) if conditions else statement

    def _words_narrow_most(self, query: ResolutionQuery) -> bool:
        """Whether the words find fewer resolutions than the query's other filters: then their
        indexes list the matches, else each row those filters find is tested (see text_search)."""
        if _only_words(query):
            return True
        return self.count(ResolutionQuery(search=query.search)) <= self.count(replace(query, search=""))

    def _order(
        self, sort: RegisterSort, descending: bool, *, indexed: bool = True
    ) -> list[SQLColumnExpression[Any]]:
        """The order of ``sort``, each served by an index; ``indexed=False`` (SQLite): by none,
        so that the matches are found through the filters' indexes, then sorted."""
        by_sort: dict[RegisterSort, list[SQLColumnExpression[Any]]] = {
            RegisterSort.MEETING_DATE: [Meeting.date, Resolution.number],
            RegisterSort.CODE: [Meeting.date, Resolution.number],
            # Dated first, then those due at the next meeting: on ix_resolution_due_order.
            RegisterSort.DUE_DATE: [Resolution.due_date.is_(None), Resolution.due_date],
            RegisterSort.STATUS: [Resolution.status],
            # The Persian orders, by the keys the core stores (secretariat.sort_keys).
            RegisterSort.LEAD: [Resolution.lead_key],
            RegisterSort.TEXT: [Resolution.text_key],
        }
        keys = [*by_sort[sort], Resolution.id]
        if not indexed:
            keys = [_unindexed(key) for key in keys]
        return [key.desc() if descending else key for key in keys]


def _unindexed(expression: SQLColumnExpression[T]) -> ColumnElement[T]:
    """``+expression``: the same value, which SQLite will not look up or order through an index."""
    column = cast(ColumnElement[T], expression)  # an ORM attribute stands for its column
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


def _unordered(query: ResolutionQuery) -> ResolutionQuery:
    return replace(query, sort=RegisterSort.MEETING_DATE, descending=True)


def _only_words(query: ResolutionQuery) -> bool:
    """Whether the query filters by words of the text and nothing else."""
    return _unordered(replace(query, search="")) == ResolutionQuery()
