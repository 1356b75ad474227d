"""The council's indicators of PR activity: what a monthly report gives figures for.

A new council starts with a default set for PR units (migration 0010); the
secretariat renames, reorders, adds, marks required, and retires them. An
indicator some report gave a figure for is retired rather than deleted, so
the figures already recorded stay readable; a retired one is no longer asked
for and can be brought back.

A figure is a count (a whole number), hours (a number, halves allowed), or
yes/no (stored as 1 or 0).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import Indicator, MonthlyFigure
from secretariat import validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.persian.text import fold, to_latin_digits, to_persian_digits

MAX_VALUE = 10_000_000
_NUMBER = re.compile(r"^\s*(\d{1,9})(?:[.٫/,](\d{1,2}))?\s*$")
_YES = {"1", "بله", "آری", "دارد", "yes", "y", "true", "✓"}
_NO = {"0", "خیر", "نه", "ندارد", "no", "n", "false"}


class IndicatorKind(StrEnum):
    COUNT = "count"
    HOURS = "hours"
    YESNO = "yesno"

    @property
    def label(self) -> str:
        return {"count": "شمار", "hours": "ساعت", "yesno": "بله/خیر"}[self.value]

    @classmethod
    def parse(cls, text: str) -> IndicatorKind:
        for kind in cls:
            if text.strip() in (kind.value, kind.label):
                return kind
        raise DomainError(f"نوع شاخص «{text}» شناخته نیست؛ شمار (count)، ساعت (hours) یا بله/خیر (yesno).")


@dataclass(frozen=True)
class IndicatorDraft:
    name: str
    unit: str = ""
    kind: str = IndicatorKind.COUNT.value
    required: bool = False


@dataclass(frozen=True)
class IndicatorRecord:
    id: int
    name: str
    unit: str
    kind: IndicatorKind
    position: int
    required: bool
    retired: bool
    used: bool = False  # some report gave a figure for it: it is retired, never deleted

    def parse_value(self, text: str) -> float:
        """A typed figure (any digits) as stored; DomainError in Persian if it is not one."""
        return parse_value(self.kind, self.name, text)

    def format_value(self, value: float | None) -> str:
        return format_value(self.kind, value)


def parse_value(kind: IndicatorKind, name: str, text: str) -> float:
    typed = to_latin_digits(text or "").strip().casefold()
    if kind is IndicatorKind.YESNO:
        if typed in _YES:
            return 1.0
        if typed in _NO:
            return 0.0
        raise DomainError(f"«{name}»: «{text.strip()}» را بله یا خیر بنویسید.")
    match = _NUMBER.match(typed)
    if not match:
        raise DomainError(f"«{name}»: «{text.strip()}» عدد نیست؛ عددی صفر یا بیشتر بنویسید.")
    whole, fraction = match.groups()
    if kind is IndicatorKind.COUNT and fraction and int(fraction) != 0:
        raise DomainError(f"«{name}» شمار است و عدد آن درست است، نه اعشاری.")
    value = float(f"{whole}.{fraction or 0}")
    if value > MAX_VALUE:
        raise DomainError(f"«{name}»: {to_persian_digits(text.strip())} بیش از اندازه است.")
    return value


def format_value(kind: IndicatorKind, value: float | None) -> str:
    """1 -> «بله»; 12.5 -> «۱۲٫۵»; 1200 -> «۱٬۲۰۰»; None -> «»."""
    if value is None or math.isnan(value):
        return ""
    if kind is IndicatorKind.YESNO:
        return "بله" if value >= 0.5 else "خیر"
    if value == int(value):
        return to_persian_digits(f"{int(value):,}").replace(",", "٬")
    return to_persian_digits(f"{value:,.1f}").replace(",", "٬").replace(".", "٫")


def _record(indicator: Indicator, *, used: bool = False) -> IndicatorRecord:
    return IndicatorRecord(
        id=indicator.id,
        name=indicator.name,
        unit=indicator.unit,
        kind=IndicatorKind(indicator.kind),
        position=indicator.position,
        required=indicator.required,
        retired=indicator.retired,
        used=used,
    )


def _duplicate(name: str) -> str:
    return f"شاخص «{name}» پیش‌تر در فهرست هست."


def in_use(session: Session, indicator_id: int) -> bool:
    return bool(session.scalar(select(exists().where(MonthlyFigure.indicator_id == indicator_id))))


def list_indicators(session: Session, *, include_retired: bool = False) -> tuple[IndicatorRecord, ...]:
    used = exists().where(MonthlyFigure.indicator_id == Indicator.id)
    statement = select(Indicator, used).order_by(Indicator.position, Indicator.id)
    if not include_retired:
        statement = statement.where(Indicator.retired.is_(False))
    return tuple(_record(row, used=bool(is_used)) for row, is_used in session.execute(statement))


class IndicatorService:
    def __init__(self, database: Database):
        self._db = database

    def list(self, *, include_retired: bool = False) -> tuple[IndicatorRecord, ...]:
        """In the council's order; retired ones only when asked for."""
        with self._db.reading() as session:
            return list_indicators(session, include_retired=include_retired)

    def get(self, indicator_id: int) -> IndicatorRecord:
        with self._db.reading() as session:
            return _record(_get(session, indicator_id), used=in_use(session, indicator_id))

    def find(self, name: str) -> IndicatorRecord | None:
        """The indicator of this name, in any spelling (ي or ی, with or without ZWNJ)."""
        with self._db.reading() as session:
            found = session.scalar(select(Indicator).where(Indicator.name_key == fold(name)))
            return _record(found) if found is not None else None

    def add(self, draft: IndicatorDraft) -> IndicatorRecord:
        with self._db.transaction() as session:
            values = self._checked(session, draft, indicator_id=None)
            last = session.scalar(select(func.max(Indicator.position))) or 0
            indicator = Indicator(**values, position=last + 1, retired=False)
            session.add(indicator)
            self._flush(session, str(values["name"]))
            return _record(indicator)

    def update(self, indicator_id: int, draft: IndicatorDraft) -> IndicatorRecord:
        """Rename, change the unit or whether it is required; the kind only while no figure uses it."""
        with self._db.transaction() as session:
            indicator = _get(session, indicator_id)
            values = self._checked(session, draft, indicator_id=indicator_id)
            used = in_use(session, indicator_id)
            if used and values["kind"] != indicator.kind:
                raise ValidationError(
                    {"kind": "برای این شاخص رقم ثبت شده است و نوع آن دیگر تغییر نمی‌کند؛ شاخص تازه‌ای بسازید."}
                )
            for key, value in values.items():
                setattr(indicator, key, value)
            self._flush(session, str(values["name"]))
            return _record(indicator, used=used)

    def move(self, indicator_id: int, offset: int) -> None:
        """Move one place up (-1) or down (+1) among the indicators in use."""
        with self._db.transaction() as session:
            order = list(
                session.scalars(
                    select(Indicator)
                    .where(Indicator.retired.is_(False))
                    .order_by(Indicator.position, Indicator.id)
                )
            )
            index = next((i for i, row in enumerate(order) if row.id == indicator_id), None)
            if index is None:
                raise NotFoundError("این شاخص در فهرست نیست.")
            target = index + offset
            if not 0 <= target < len(order):
                return
            order.insert(target, order.pop(index))
            for position, row in enumerate(order, start=1):
                row.position = position

    def retire(self, indicator_id: int, retired: bool = True) -> IndicatorRecord:
        """Stop asking for it (its recorded figures stay), or bring it back."""
        with self._db.transaction() as session:
            indicator = _get(session, indicator_id)
            indicator.retired = retired
            if not retired:
                indicator.position = (session.scalar(select(func.max(Indicator.position))) or 0) + 1
            session.flush()
            return _record(indicator, used=in_use(session, indicator_id))

    def delete(self, indicator_id: int) -> None:
        """Delete an indicator added by mistake; once a figure uses it, it is retired instead."""
        with self._db.transaction() as session:
            indicator = _get(session, indicator_id)
            if in_use(session, indicator_id):
                raise DomainError(
                    f"برای «{indicator.name}» در گزارش‌ها رقم ثبت شده است و حذف نمی‌شود؛ آن را بایگانی کنید."
                )
            session.delete(indicator)

    def _checked(
        self, session: Session, draft: IndicatorDraft, *, indicator_id: int | None
    ) -> dict[str, object]:
        errors = validation.FieldErrors()
        name = validation.text(errors, IndicatorDraft, "name", draft.name, required="نام شاخص را بنویسید.")
        unit = validation.text(errors, IndicatorDraft, "unit", draft.unit)
        kind = IndicatorKind.COUNT
        try:
            kind = IndicatorKind.parse(draft.kind)
        except DomainError as error:
            errors.check("kind", False, error.message)
        if "name" not in errors:
            clash = select(Indicator.name).where(Indicator.name_key == fold(name))
            if indicator_id is not None:
                clash = clash.where(Indicator.id != indicator_id)
            existing = session.scalar(clash)
            errors.check("name", existing is None, _duplicate(existing or ""))
        if errors:
            raise ValidationError(errors)
        return {
            "name": name,
            "name_key": fold(name),
            "unit": unit,
            "kind": kind.value,
            "required": draft.required,
        }

    @staticmethod
    def _flush(session: Session, name: str) -> None:
        try:
            session.flush()
        except IntegrityError as error:  # another desk added the same name a moment ago
            raise ValidationError({"name": _duplicate(name)}) from error


def _get(session: Session, indicator_id: int) -> Indicator:
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise NotFoundError("این شاخص در فهرست نیست.")
    return indicator
