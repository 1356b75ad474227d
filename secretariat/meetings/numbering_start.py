"""Where a series' numbers begin, for a council that numbered its earlier meetings on paper.

A council that moves to the app at its 30th meeting says, per series (the
council's meetings, the general assembly, working groups): "the first
meeting recorded in the app is the 30th overall and the 5th of its Jalali
year". The number in the year is for the year of that first meeting only;
every later year begins at 1 as before. A council that starts with the app
keeps 1 and 1.

The start is kept in the table ``series_start`` (no row: 1 and 1) and may
be changed while no meeting of its series is held: held meetings never
change their numbers (``numbering``), so once one is held the start is
fixed; ``numbering.change_start`` refuses then and renumbers the planned
meetings otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Meeting, SeriesStart
from secretariat import validation
from secretariat.meetings.kinds import MeetingKind, MeetingSeries, MeetingStatus, meeting_title
from secretariat.persian.text import NumberFormatError, parse_int, to_persian_digits

# A start past this is a typing slip: no council holds ten thousand meetings of a series.
LARGEST_START = 9999
_FROZEN = [MeetingStatus.HELD.value, MeetingStatus.FINALIZED.value]


@dataclass(frozen=True)
class NumberingStart:
    """The series' first meeting in the app is the ``number``th overall and the ``year_number``th
    of its Jalali year."""

    series: MeetingSeries
    number: int = 1
    year_number: int = 1


@dataclass(frozen=True)
class SeriesNumbering:
    """A series' start as the council form shows it."""

    start: NumberingStart
    first_held: str | None  # the title of its first meeting held in the app; the start is fixed then

    @property
    def fixed(self) -> bool:
        return self.first_held is not None

    @property
    def fixed_reason(self) -> str:
        """Why the start cannot be changed, in Persian ("" while it can)."""
        if self.first_held is None:
            return ""
        return f"ثابت است: «{self.first_held}» برگزار شده و شماره جلسه‌های برگزارشده تغییر نمی‌کند."


@dataclass(frozen=True)
class NumberingStartDraft:
    """A series' start as typed in the council form."""

    series: str
    number: str = "1"
    year_number: str = "1"


def field_key(series: MeetingSeries | str) -> str:
    """The form field, and the error key, of a series' start: «numbering_start.council»."""
    return f"numbering_start.{series}"


def validate(errors: validation.FieldErrors, drafts: Sequence[NumberingStartDraft]) -> list[NumberingStart]:
    """The starts typed; a Persian message under the series' field for each one that is wrong."""
    starts = []
    for draft in drafts:
        try:
            series = MeetingSeries(draft.series)
        except ValueError:
            errors.check(field_key(draft.series), False, "این دسته از جلسه‌ها شناخته نیست.")
            continue
        key = field_key(series)
        number = _parse(errors, key, draft.number, "شماره نخستین جلسه")
        year_number = _parse(errors, key, draft.year_number, "شماره آن در سال")
        if number is None or year_number is None:
            continue
        if errors.check(
            key,
            year_number <= number,
            f"شماره در سال ({to_persian_digits(year_number)}) از شماره کل ({to_persian_digits(number)}) "
            "بیشتر نمی‌شود.",
        ):
            starts.append(NumberingStart(series, number, year_number))
    return starts


def _parse(errors: validation.FieldErrors, key: str, typed: str, what: str) -> int | None:
    try:
        value = parse_int(typed)
    except NumberFormatError as error:
        errors.check(key, False, f"{what}: {error}")
        return None
    ok = errors.check(
        key,
        1 <= value <= LARGEST_START,
        f"{what} باید از ۱ تا {to_persian_digits(LARGEST_START)} باشد.",
    )
    return value if ok else None


def start_of(session: Session, series: MeetingSeries | str) -> NumberingStart:
    """The series' start as stored now (1 and 1 until one is set).

    It reads the row, not a ``SeriesStart`` the session may hold: a save
    that waited for the series' lock sees the start another save set.
    """
    series = MeetingSeries(series)
    row = session.execute(
        select(SeriesStart.first_number, SeriesStart.first_year_number).where(
            SeriesStart.series == series.value
        )
    ).first()
    return NumberingStart(series, row[0], row[1]) if row else NumberingStart(series)


def starts(session: Session) -> tuple[NumberingStart, ...]:
    """Every series' start, in the order of ``MeetingSeries``."""
    return tuple(start_of(session, series) for series in MeetingSeries)


def write_start(session: Session, start: NumberingStart) -> None:
    """Keep ``start`` as the series' start (the caller holds the series' lock: ``numbering``)."""
    row = session.get(SeriesStart, start.series.value)
    if row is None:
        row = SeriesStart(series=start.series.value)
        session.add(row)
    row.first_number, row.first_year_number = start.number, start.year_number


def first_held_title(session: Session, series: MeetingSeries) -> str | None:
    """The title of the series' first meeting held in the app; None while none is held."""
    row = session.execute(
        select(Meeting.kind, Meeting.number)
        .where(Meeting.series == series.value, Meeting.status.in_(_FROZEN))
        .order_by(Meeting.number)
        .limit(1)
    ).first()
    return meeting_title(MeetingKind(row[0]), row[1]) if row else None
