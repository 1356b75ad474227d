"""The council this database belongs to: its name, level, officers, quorum, and where its
meetings' numbers begin (``secretariat.meetings.numbering_start``)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Council
from secretariat import validation
from secretariat.database import Database
from secretariat.errors import DomainError, ValidationError
from secretariat.meetings import numbering, numbering_start
from secretariat.meetings.kinds import MeetingSeries
from secretariat.meetings.numbering_start import NumberingStartDraft, SeriesNumbering
from secretariat.persian.text import NumberFormatError, parse_int


class CouncilLevel(StrEnum):
    COUNTY = "county"
    PROVINCE = "province"

    @property
    def label(self) -> str:
        return {"county": "شهرستان", "province": "استان"}[self.value]


class QuorumRule(StrEnum):
    MAJORITY = "majority"
    TWO_THIRDS = "two_thirds"
    FIXED = "fixed"

    @property
    def label(self) -> str:
        return {
            "majority": "نصف به‌علاوه یک اعضا",
            "two_thirds": "دو سوم اعضا",
            "fixed": "تعداد ثابت",
        }[self.value]


@dataclass(frozen=True)
class CouncilDraft:
    """The council form as typed."""

    name: str
    level: str = CouncilLevel.COUNTY.value
    city: str = ""
    chair: str = ""
    secretary: str = ""
    quorum_rule: str = QuorumRule.MAJORITY.value
    quorum_count: str = ""
    # The series whose start is typed; a series left out keeps the start it has.
    numbering: tuple[NumberingStartDraft, ...] = ()


@dataclass(frozen=True)
class CouncilRecord:
    id: int
    name: str
    level: CouncilLevel
    city: str
    chair: str
    secretary: str
    quorum_rule: QuorumRule
    quorum_count: int | None
    is_demo: bool

    def quorum_required(self, members: int) -> int:
        return quorum_required(self.quorum_rule, members, self.quorum_count)


def quorum_required(rule: QuorumRule, members: int, fixed: int | None = None) -> int:
    """How many members must be present for the meeting to be valid."""
    if rule is QuorumRule.FIXED:
        return fixed or 0
    if rule is QuorumRule.TWO_THIRDS:
        return math.ceil(members * 2 / 3)
    return members // 2 + 1


def validate(draft: CouncilDraft) -> tuple[validation.FieldErrors, dict[str, Any]]:
    errors = validation.FieldErrors()
    values: dict[str, Any] = {
        "name": validation.text(errors, CouncilDraft, "name", draft.name, required="نام شورا را بنویسید."),
        "city": validation.text(errors, CouncilDraft, "city", draft.city),
        "chair": validation.text(errors, CouncilDraft, "chair", draft.chair),
        "secretary": validation.text(errors, CouncilDraft, "secretary", draft.secretary),
    }
    errors.check("level", draft.level in {level.value for level in CouncilLevel}, "سطح شورا را انتخاب کنید.")
    errors.check(
        "quorum_rule", draft.quorum_rule in {q.value for q in QuorumRule}, "قاعده حد نصاب را انتخاب کنید."
    )
    values["level"] = draft.level
    values["quorum_rule"] = draft.quorum_rule
    values["quorum_count"] = None
    if draft.quorum_rule == QuorumRule.FIXED.value:
        try:
            count = parse_int(draft.quorum_count)
            errors.check("quorum_count", count > 0, "حد نصاب باید دست‌کم ۱ نفر باشد.")
            values["quorum_count"] = count
        except NumberFormatError as error:
            errors.check("quorum_count", False, str(error))
    values["numbering"] = numbering_start.validate(errors, draft.numbering)
    return errors, values


class CouncilService:
    def __init__(self, database: Database):
        self._db = database

    def get(self) -> CouncilRecord | None:
        with self._db.reading() as session:
            return council_of(session)

    def set_numbering_start(self, draft: NumberingStartDraft) -> SeriesNumbering:
        """Where one series' numbers begin (the command line); refused once one of its meetings is held."""
        errors = validation.FieldErrors()
        starts = numbering_start.validate(errors, (draft,))
        if errors:
            raise ValidationError(errors)
        (start,) = starts
        with self._db.transaction() as session:
            if session.scalars(select(Council.id)).first() is None:
                raise DomainError("هنوز شورایی ساخته نشده است.")
            numbering.change_start(session, start)
            return SeriesNumbering(start, numbering_start.first_held_title(session, start.series))

    def numbering(self) -> tuple[SeriesNumbering, ...]:
        """Each series' start, and whether it is fixed (a meeting of the series is held)."""
        with self._db.reading() as session:
            return tuple(
                SeriesNumbering(
                    numbering_start.start_of(session, series),
                    numbering_start.first_held_title(session, series),
                )
                for series in MeetingSeries
            )

    def create(self, draft: CouncilDraft, *, is_demo: bool = False) -> CouncilRecord:
        errors, values = validate(draft)
        if errors:
            raise ValidationError(errors)
        starts = values.pop("numbering")
        with self._db.transaction() as session:
            if session.scalars(select(Council.id)).first() is not None:
                raise DomainError("این پایگاه داده از پیش شورای خود را دارد.")
            council = Council(**values, is_demo=is_demo)
            session.add(council)
            session.flush()
            for start in starts:
                numbering.change_start(session, start)
            return _record(council)

    def update(self, draft: CouncilDraft) -> CouncilRecord:
        errors, values = validate(draft)
        if errors:
            raise ValidationError(errors)
        starts = values.pop("numbering")
        with self._db.transaction() as session:
            council = session.scalars(select(Council).order_by(Council.id).limit(1)).first()
            if council is None:
                raise DomainError("هنوز شورایی ساخته نشده است.")
            for key, value in values.items():
                setattr(council, key, value)
            session.flush()
            for start in starts:
                numbering.change_start(session, start)
            return _record(council)


def council_of(session: Session) -> CouncilRecord | None:
    """The council of this database, read in a unit of work; None before one is made."""
    council = session.scalars(select(Council).order_by(Council.id).limit(1)).first()
    return _record(council) if council else None


def _record(council: Council) -> CouncilRecord:
    return CouncilRecord(
        id=council.id,
        name=council.name,
        level=CouncilLevel(council.level),
        city=council.city,
        chair=council.chair,
        secretary=council.secretary,
        quorum_rule=QuorumRule(council.quorum_rule),
        quorum_count=council.quorum_count,
        is_demo=council.is_demo,
    )
