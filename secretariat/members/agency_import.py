"""Importing agencies and their PR managers from a sheet: a preview first, then all of it or nothing.

``AgencyImportService.preview(path)`` reads the sheet (``agency_sheet``) and
plans each row against the register, saving nothing:

- every row is validated as the forms validate: the agency as the agency form
  (``agencies.validate``), the PR manager as the person form
  (``people.validate_person``), the start of the role as the appointment
  (``people.check_appointment``); each refusal is named by its column;
- a name the register already has, in any spelling (the folded name), is
  «موجود»: the agency is not changed. If the sheet gives it a PR manager
  other than its current one (names compared folded), the appointment is
  added: the current manager's term ends on the new one's start day, as an
  appointment made in the window does;
- a name that comes twice in the sheet is an error on each of its rows;
- the manager is a person already in the register when the name (folded) is
  the same and the mobiles do not differ (or one is missing); otherwise a new
  person, made once even if the sheet names them for several agencies;
- a manager without a start date starts on the day of the import, as the
  appointment form proposes.

``import_preview(preview)`` saves the rows without errors in one
transaction. It plans the sheet again inside that transaction, and if the
register changed since the preview (another PC added one of the agencies),
it saves nothing and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from db.models import Agency, Person, Representation
from secretariat import clock, validation
from secretariat.database import Database
from secretariat.errors import DomainError, ValidationError
from secretariat.members import agencies
from secretariat.members.agencies import AgencyCategory, AgencyDraft, new_agency
from secretariat.members.agency_sheet import COLUMN_TITLES, MANAGER_KEYS, Sheet, SheetRow, read_sheet
from secretariat.members.people import (
    PersonDraft,
    check_appointment,
    new_person,
    record_appointment,
    validate_person,
)
from secretariat.members.roles import Role
from secretariat.persian import jalali
from secretariat.persian.collation import sorted_persian
from secretariat.persian.text import fold, format_int, to_persian_digits

CHANGED_MESSAGE = (
    "فهرست دستگاه‌ها یا مدیران روابط عمومی از هنگام پیش‌نمایش تغییر کرده است (شاید در رایانه دیگری)؛ "
    "چیزی ذخیره نشد. پرونده را دوباره بخوانید و پیش‌نمایش تازه را ببینید."
)
NOTHING_MESSAGE = "در این کاربرگ ردیفی برای ورود نیست؛ چیزی ذخیره نشد."

# Labels a council's sheet writes for a category, besides the app's own (``AgencyCategory.label``).
CATEGORY_ALIASES: Mapping[str, AgencyCategory] = {
    fold(label): category
    for label, category in (
        ("استانداری", AgencyCategory.GOVERNORATE),
        ("فرمانداری", AgencyCategory.GOVERNORATE),
        ("بخشداری", AgencyCategory.GOVERNORATE),
        ("اداره", AgencyCategory.DIRECTORATE),
        ("اداره کل", AgencyCategory.DIRECTORATE),
        ("مدیریت", AgencyCategory.DIRECTORATE),
        ("شرکت", AgencyCategory.STATE_COMPANY),
        ("شرکت دولتی", AgencyCategory.STATE_COMPANY),
        ("نهاد انقلابی", AgencyCategory.INSTITUTION),
        ("دانشگاه علوم پزشکی", AgencyCategory.UNIVERSITY),
    )
}


class RowStatus(StrEnum):
    NEW = "new"
    EXISTING = "existing"
    ERROR = "error"

    @property
    def label(self) -> str:
        return {"new": "جدید", "existing": "موجود", "error": "خطا"}[self.value]


@dataclass(frozen=True)
class ManagerEntry:
    """The PR manager a row names."""

    full_name: str
    mobile: str
    phone: str
    start_date: dt.date
    start_given: bool  # False: the sheet gave no start, the import's day is taken


@dataclass(frozen=True)
class PreviewRow:
    """One row of the sheet as the import would take it."""

    number: int  # the row's number in Excel
    status: RowStatus
    name: str
    short_name: str = ""
    category: AgencyCategory | None = None
    joined_on: dt.date | None = None
    manager: ManagerEntry | None = None
    errors: tuple[str, ...] = ()
    agency_id: int | None = None  # the agency of the register with this name
    appoints: bool = False  # the import records the manager as the agency's PR manager
    replaces: str = ""  # the current PR manager, whose term the appointment ends
    person_id: int | None = None  # the manager is this person of the register...
    same_person_as: int | None = None  # ...or the one the import makes for this earlier row
    agency_values: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    person_values: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def action(self) -> str:
        """What the import does with the row, or why it leaves it out, in Persian."""
        if self.status is RowStatus.ERROR:
            return "؛ ".join(self.errors)
        manager = self.manager
        if not self.appoints or manager is None:
            if self.status is RowStatus.NEW:
                return "افزودن دستگاه"
            same = "؛ همان مدیر روابط عمومی کنونی" if manager is not None else ""
            return f"بدون تغییر{same}"
        since = jalali.format_short(manager.start_date)
        if not manager.start_given:
            since = f"امروز ({since})"
        if self.person_id is not None:
            since += "؛ شخص از فهرست افراد"
        elif self.same_person_as is not None:
            since += f"؛ همان شخص ردیف {to_persian_digits(self.same_person_as)}"
        if self.status is RowStatus.NEW:
            return f"افزودن دستگاه و مدیر روابط عمومی از {since}"
        ends = f"؛ پایان کار {self.replaces}" if self.replaces else ""
        return f"مدیر روابط عمومی تازه از {since}{ends}"

    def line(self) -> str:
        """«ردیف ۱۲ (جدید): شهرداری پردیس، علی رضایی: افزودن دستگاه و ...» for the command line."""
        manager = f"، {self.manager.full_name}" if self.manager and self.manager.full_name else ""
        number = to_persian_digits(self.number)
        return f"ردیف {number} ({self.status.label}): {self.name or '—'}{manager}: {self.action}"


@dataclass(frozen=True)
class SheetPreview:
    sheet: Sheet
    rows: tuple[PreviewRow, ...]
    today: dt.date

    def _count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    @property
    def new_count(self) -> int:
        return self._count(RowStatus.NEW)

    @property
    def existing_count(self) -> int:
        return self._count(RowStatus.EXISTING)

    @property
    def error_count(self) -> int:
        return self._count(RowStatus.ERROR)

    @property
    def new_managers_of_existing(self) -> int:
        return sum(1 for row in self.rows if row.status is RowStatus.EXISTING and row.appoints)

    @property
    def importable(self) -> bool:
        """Does the import save anything?"""
        return bool(self.new_count or self.new_managers_of_existing)

    def summary(self) -> str:
        """«۲۳ دستگاه جدید، ۲ موجود (۱ با مدیر روابط عمومی تازه)، ۱ ردیف با خطا»."""
        existing = f"{format_int(self.existing_count)} موجود"
        if self.new_managers_of_existing:
            existing += f" ({format_int(self.new_managers_of_existing)} با مدیر روابط عمومی تازه)"
        errors = f"{format_int(self.error_count)} ردیف با خطا"
        return f"{format_int(self.new_count)} دستگاه جدید، {existing}، {errors}"

    def notes(self) -> list[str]:
        """What the person should know before confirming, beside the counts."""
        notes = []
        if self.error_count:
            notes.append(
                "ردیف‌های خطادار وارد نمی‌شوند؛ آن‌ها را در کاربرگ درست کنید و دوباره بخوانید، "
                "یا بقیه را اکنون وارد کنید."
            )
        if self.sheet.unknown_headers:
            unknown = "، ".join(f"«{header}»" for header in self.sheet.unknown_headers)
            notes.append(f"این ستون‌ها شناخته نشد و خوانده نمی‌شود: {unknown}.")
        return notes


@dataclass(frozen=True)
class ImportResult:
    agencies: int
    appointments: int
    people: int
    left_out: int  # rows with errors

    def summary(self) -> str:
        text = (
            f"{format_int(self.agencies)} دستگاه افزوده شد و {format_int(self.appointments)} "
            "مدیر روابط عمومی ثبت شد"
        )
        if self.left_out:
            text += f"؛ {format_int(self.left_out)} ردیف با خطا وارد نشد"
        return text + "."


class AgencyImportService:
    def __init__(self, database: Database):
        self._db = database

    def preview(self, path: str | Path, *, today: dt.date | None = None) -> SheetPreview:
        """Read the sheet at ``path`` and plan it; nothing is saved. ``SheetError`` for a bad file."""
        return self.plan(read_sheet(path), today=today)

    def plan(self, sheet: Sheet, *, today: dt.date | None = None) -> SheetPreview:
        with self._db.reading() as session:
            return _plan(session, sheet, today or clock.today())

    def import_preview(self, preview: SheetPreview) -> ImportResult:
        """Save the rows of ``preview`` without errors, all in one transaction, or nothing."""
        if not preview.importable:
            raise DomainError(NOTHING_MESSAGE)
        with self._db.transaction() as session:
            plan = _plan(session, preview.sheet, preview.today)
            if plan.rows != preview.rows:
                raise DomainError(CHANGED_MESSAGE)
            try:
                result = _save(session, plan)
                session.flush()
            except IntegrityError as error:  # PostgreSQL: another PC saved one of the names meanwhile
                raise DomainError(CHANGED_MESSAGE) from error
            return result


# -- planning -------------------------------------------------------------------------------------


class _PeopleIndex:
    """The people a manager may already be: the register's, then those the import makes.

    A reference is a person's id, or minus the number of the row whose new person it is.
    """

    def __init__(self, people: Iterable[tuple[int, str, str]]):
        self._by_name: dict[str, list[tuple[int, str]]] = {}
        for person_id, full_name, mobile in people:
            self.add(person_id, full_name, mobile)

    def find(self, full_name: str, mobile: str) -> int | None:
        wanted = _mobile_key(mobile)
        for reference, known in self._by_name.get(fold(full_name), []):
            if not known or not wanted or known == wanted:
                return reference
        return None

    def add(self, reference: int, full_name: str, mobile: str) -> None:
        self._by_name.setdefault(fold(full_name), []).append((reference, _mobile_key(mobile)))


def _mobile_key(mobile: str) -> str:
    return "".join(character for character in fold(mobile) if character.isdigit())


def _plan(session: Session, sheet: Sheet, today: dt.date) -> SheetPreview:
    register = {agency.name_key: agency for agency in session.scalars(select(Agency))}
    managers = {
        rep.agency_id: rep
        for rep in session.scalars(
            select(Representation)
            .options(joinedload(Representation.person))
            .where(Representation.role == Role.PR_MANAGER.value, Representation.end_date.is_(None))
        )
    }
    people = _PeopleIndex(
        (row.id, row.full_name, row.mobile)
        for row in session.execute(select(Person.id, Person.full_name, Person.mobile).order_by(Person.id))
    )
    rows_of_name: dict[str, list[int]] = {}
    for row in sheet.rows:
        key = fold(row.get("name"))
        if key:
            rows_of_name.setdefault(key, []).append(row.number)
    planned = tuple(
        _plan_row(
            row, sheet, today, register=register, managers=managers, people=people, rows_of_name=rows_of_name
        )
        for row in sheet.rows
    )
    return SheetPreview(sheet=sheet, rows=planned, today=today)


def _plan_row(
    row: SheetRow,
    sheet: Sheet,
    today: dt.date,
    *,
    register: Mapping[str, Agency],
    managers: Mapping[int, Representation],
    people: _PeopleIndex,
    rows_of_name: Mapping[str, Sequence[int]],
) -> PreviewRow:
    errors: list[str] = []
    category = _category(row.get("category"), errors)
    draft = AgencyDraft(
        name=row.get("name"),
        short_name=row.get("short_name"),
        category=(category or AgencyCategory.OTHER).value,
        parent_ministry=row.get("parent_ministry"),
        address=row.get("address"),
        phones=row.get("phones"),
        email=row.get("email"),
        website=row.get("website"),
        joined_on=row.get("joined_on"),
    )
    agency_errors, agency_values = agencies.validate(draft)
    errors += [_named(field_name, message) for field_name, message in agency_errors.items()]
    manager, person_values = _manager(row, sheet, today, errors)

    key = fold(agency_values["name"])
    others = [number for number in rows_of_name.get(key, ()) if number != row.number]
    if key and others:
        numbers = "، ".join(to_persian_digits(number) for number in others)
        errors.append(f"همین دستگاه در ردیف {numbers} هم آمده است؛ یکی را نگه دارید.")

    existing = register.get(key) if key else None
    current = managers.get(existing.id) if existing is not None else None
    appoints = manager is not None and (
        current is None or fold(current.person.full_name) != fold(manager.full_name)
    )
    person_id = same_person_as = None
    if appoints and manager is not None:
        reference = people.find(manager.full_name, manager.mobile)
        if reference is not None and reference > 0:
            person_id = reference
        elif reference is not None:
            same_person_as = -reference
        if existing is not None:
            try:
                check_appointment(
                    existing, [current] if current else [], person_id, Role.PR_MANAGER, manager.start_date
                )
            except ValidationError as refusal:
                field_of = {"start_date": "manager_start", "person": _name_column(sheet)}
                errors += [
                    _named(field_of.get(name, name), message) for name, message in refusal.errors.items()
                ]
            except DomainError as refusal:
                errors.append(refusal.message)
        if not errors and reference is None:
            people.add(-row.number, manager.full_name, manager.mobile)

    status = RowStatus.ERROR if errors else (RowStatus.EXISTING if existing is not None else RowStatus.NEW)
    return PreviewRow(
        number=row.number,
        status=status,
        name=agency_values["name"],
        short_name=agency_values["short_name"],
        category=category,
        joined_on=agency_values["joined_on"],
        manager=manager,
        errors=tuple(errors),
        agency_id=existing.id if existing is not None else None,
        appoints=appoints,
        replaces=current.person.full_name if appoints and current is not None else "",
        person_id=person_id,
        same_person_as=same_person_as,
        agency_values=agency_values,
        person_values=person_values,
    )


def _category(text: str, errors: list[str]) -> AgencyCategory | None:
    if not text:
        return AgencyCategory.OTHER  # as the agency form proposes
    category = AgencyCategory.parse(text) or CATEGORY_ALIASES.get(fold(text))
    if category is None:
        allowed = "، ".join(c.label for c in sorted_persian(AgencyCategory, key=lambda c: c.label))
        errors.append(_named("category", f"«{text}» شناخته نیست؛ یکی از این‌ها را بنویسید: {allowed}."))
    return category


def _manager(
    row: SheetRow, sheet: Sheet, today: dt.date, errors: list[str]
) -> tuple[ManagerEntry | None, dict[str, Any]]:
    if not any(row.get(key) for key in MANAGER_KEYS):
        return None, {}
    full_name = row.get("manager_full_name") or " ".join(
        part for part in (row.get("manager_first_name"), row.get("manager_last_name")) if part
    )
    draft = PersonDraft(full_name=full_name, mobile=row.get("manager_mobile"), phone=row.get("manager_phone"))
    person_errors, values = validate_person(draft)
    field_of = {"full_name": _name_column(sheet), "mobile": "manager_mobile", "phone": "manager_phone"}
    errors += [_named(field_of.get(name, name), message) for name, message in person_errors.items()]
    start_errors = validation.FieldErrors()
    start = validation.jalali_date(start_errors, "manager_start", row.get("manager_start"))
    errors += [_named(name, message) for name, message in start_errors.items()]
    entry = ManagerEntry(
        full_name=values["full_name"],
        mobile=values["mobile"],
        phone=values["phone"],
        start_date=start or today,
        start_given=start is not None,
    )
    return entry, values


def _name_column(sheet: Sheet) -> str:
    """The column a message about the manager's name names: the one the sheet has."""
    if "manager_full_name" in sheet.columns and "manager_first_name" not in sheet.columns:
        return "manager_full_name"
    return "manager_first_name"


def _named(column: str, message: str) -> str:
    return f"«{COLUMN_TITLES.get(column, column)}»: {message}"


# -- saving ------------------------------------------------------------------------------------------


def _save(session: Session, plan: SheetPreview) -> ImportResult:
    taken = [row for row in plan.rows if row.status is not RowStatus.ERROR]
    made: dict[int, Person] = {}  # row number -> the person made for it
    appointments: list[tuple[Agency, Person, dt.date]] = []
    for row in taken:
        if row.agency_id is None:
            agency = new_agency(dict(row.agency_values))
            session.add(agency)
        else:
            agency = session.get_one(Agency, row.agency_id)
        if not row.appoints or row.manager is None:
            continue
        if row.person_id is not None:
            person = session.get_one(Person, row.person_id)
        elif row.same_person_as is not None:
            person = made[row.same_person_as]
        else:
            person = new_person(dict(row.person_values))
            session.add(person)
        made[row.number] = person
        appointments.append((agency, person, row.manager.start_date))
    session.flush()  # one flush for every new agency and person: the ids the appointments read
    # No appointment of this import is among the current holders it reads (the sheet names each
    # agency once), so the roles are flushed together at the end rather than before each reading.
    with session.no_autoflush:
        for agency, person, start in appointments:
            record_appointment(session, agency, person, Role.PR_MANAGER, start)
    return ImportResult(
        agencies=sum(1 for row in taken if row.agency_id is None),
        appointments=len(appointments),
        people=sum(
            1 for row in taken if row.appoints and row.person_id is None and row.same_person_as is None
        ),
        left_out=plan.error_count,
    )
