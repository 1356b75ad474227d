"""The register of member agencies (دستگاه‌های عضو).

Agencies are added, edited, deactivated and reactivated; one is deleted only
while nothing refers to it. Two agencies may not share a name in any
spelling: the folded name is unique in the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Select, SQLColumnExpression, case, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import (
    Agency,
    AgendaItem,
    Assignment,
    EvaluationExclusion,
    EvaluationResult,
    Invitation,
    JuryScore,
    Letter,
    Meeting,
    MonthlyExemption,
    MonthlyReport,
    Person,
    Representation,
)
from secretariat import clock, sort_keys, validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.members.roles import pr_manager_terms
from secretariat.office import versions
from secretariat.persian import collation
from secretariat.persian.text import fold, search_terms

# A select of any columns, its rows' types kept through the filters.
StatementT = TypeVar("StatementT", bound="Select[*tuple[Any, ...]]")


class AgencyCategory(StrEnum):
    GOVERNORATE = "governorate"
    DIRECTORATE = "directorate"
    ORGANIZATION = "organization"
    MUNICIPALITY = "municipality"
    UNIVERSITY = "university"
    BANK = "bank"
    INSTITUTION = "institution"
    STATE_COMPANY = "state_company"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> AgencyCategory | None:
        """A category from its code or its Persian label in any spelling."""
        key = fold(text)
        for category in cls:
            if key in (category.value, fold(category.label)):
                return category
        return None


CATEGORY_LABELS = {
    AgencyCategory.GOVERNORATE: "استانداری/فرمانداری",
    AgencyCategory.DIRECTORATE: "اداره کل",
    AgencyCategory.ORGANIZATION: "سازمان",
    AgencyCategory.MUNICIPALITY: "شهرداری",
    AgencyCategory.UNIVERSITY: "دانشگاه",
    AgencyCategory.BANK: "بانک",
    AgencyCategory.INSTITUTION: "نهاد",
    AgencyCategory.STATE_COMPANY: "شرکت دولتی",
    AgencyCategory.OTHER: "سایر",
}

# Categories sort by their Persian label, not by their code.
_CATEGORY_RANK = case(
    {c.value: rank for rank, c in enumerate(collation.sorted_persian(AgencyCategory, key=lambda c: c.label))},
    value=Agency.category,
)


@dataclass(frozen=True)
class AgencyDraft:
    """The agency form as typed: text fields, the date in Jalali."""

    name: str
    short_name: str = ""
    category: str = AgencyCategory.OTHER.value
    parent_ministry: str = ""
    address: str = ""
    phones: str = ""
    email: str = ""
    website: str = ""
    joined_on: str = ""  # Jalali, any digits


@dataclass(frozen=True)
class AgencyRecord:
    id: int
    name: str
    short_name: str
    category: AgencyCategory
    parent_ministry: str
    address: str
    phones: str
    email: str
    website: str
    joined_on: dt.date | None
    active: bool
    # Which save of the row was read, for an edit to pass back (see secretariat.office.versions);
    # not what the record holds: two reads of the same values are equal.
    version: int = field(default=1, compare=False)


@dataclass(frozen=True)
class AgencyRow:
    """One line of the register as listed."""

    id: int
    name: str
    short_name: str
    category: AgencyCategory
    pr_manager: str
    phones: str
    joined_on: dt.date | None
    active: bool


class AgencySort(StrEnum):
    NAME = "name"
    SHORT_NAME = "short_name"
    CATEGORY = "category"
    PR_MANAGER = "pr_manager"
    PHONES = "phones"
    JOINED_ON = "joined_on"
    ACTIVE = "active"


@dataclass(frozen=True)
class AgencyQuery:
    search: str = ""
    include_inactive: bool = False
    category: AgencyCategory | None = None
    sort: AgencySort = AgencySort.NAME
    descending: bool = False


def validate(draft: AgencyDraft) -> tuple[validation.FieldErrors, dict[str, Any]]:
    """Field errors and the cleaned values; the name's uniqueness is checked on save."""
    errors = validation.FieldErrors()
    category = AgencyCategory.parse(draft.category)
    errors.check("category", category is not None, "رده دستگاه را از فهرست انتخاب کنید.")
    form = AgencyDraft
    values: dict[str, Any] = {
        "name": validation.text(errors, form, "name", draft.name, required="نام دستگاه را بنویسید."),
        "short_name": validation.text(errors, form, "short_name", draft.short_name),
        "category": category.value if category else None,
        "parent_ministry": validation.text(errors, form, "parent_ministry", draft.parent_ministry),
        "address": validation.text(errors, form, "address", draft.address),
        "phones": validation.phones(errors, form, "phones", draft.phones),
        "email": validation.email(errors, form, "email", draft.email),
        "website": validation.website(errors, form, "website", draft.website),
        "joined_on": validation.jalali_date(errors, "joined_on", draft.joined_on),
    }
    if values["joined_on"] and values["joined_on"] > clock.today():
        errors.check("joined_on", False, "تاریخ عضویت نمی‌تواند در آینده باشد.")
    return errors, values


def _search_text(values: dict[str, Any]) -> str:
    category = AgencyCategory(values["category"])
    parts = [
        values["name"],
        values["short_name"],
        category.label,
        values["parent_ministry"],
        values["phones"],
        values["email"],
        values["website"],
    ]
    # Terms are matched inside this text; a separator keeps them from
    # matching across two fields.
    return "|".join(fold(part) for part in parts if part)


def new_agency(values: dict[str, Any]) -> Agency:
    """An agency from the values ``validate`` cleaned, not yet added to a session; its name's
    uniqueness is the caller's to check (the database refuses a second folded name)."""
    return Agency(**values, name_key=fold(values["name"]), search_text=_search_text(values))


def _duplicate_message(name: str) -> str:
    return f"دستگاهی با نام «{name}» از پیش در فهرست هست (با همین نام یا نگارشی دیگر از آن)."


class AgencyService:
    def __init__(self, database: Database):
        self._db = database

    # -- writing --------------------------------------------------------

    def add(self, draft: AgencyDraft) -> AgencyRecord:
        with self._db.transaction() as session:
            values = self._checked(session, draft, agency_id=None)
            agency = new_agency(values)
            session.add(agency)
            self._flush(session, values["name"])
            return _record(agency)

    def update(
        self, agency_id: int, draft: AgencyDraft, *, expected_version: int | None = None
    ) -> AgencyRecord:
        """Save the form; refused (``ConflictError``) when another desk saved the agency since the
        form read it at ``expected_version``."""
        with self._db.transaction() as session:
            agency = _get(session, agency_id)
            versions.check(session, agency, expected_version)
            values = self._checked(session, draft, agency_id=agency_id)
            if values["name"] != agency.name:
                sort_keys.agency_renamed(session, agency.id, values["name"])
            for key, value in values.items():
                setattr(agency, key, value)
            agency.name_key = fold(values["name"])
            agency.search_text = _search_text(values)
            self._flush(session, values["name"])
            return _record(agency)

    def set_active(self, agency_id: int, active: bool) -> AgencyRecord:
        """Deactivate (it leaves the lists of current members) or reactivate."""
        with self._db.transaction() as session:
            agency = _get(session, agency_id)
            agency.active = active
            session.flush()
            return _record(agency)

    def delete(self, agency_id: int) -> None:
        """Delete an agency added by mistake; refused once anything refers to it."""
        with self._db.transaction() as session:
            agency = _get(session, agency_id)
            if self.is_referenced(agency_id, session=session):
                raise DomainError(f"«{agency.name}» سابقه دارد و حذف نمی‌شود؛ به‌جای حذف، آن را غیرفعال کنید.")
            session.delete(agency)

    def is_referenced(self, agency_id: int, *, session: Session | None = None) -> bool:
        """Does any record (a role, a meeting, a resolution) refer to the agency?"""
        if session is None:
            with self._db.reading() as reading:
                return self.is_referenced(agency_id, session=reading)
        references = (
            select(Representation.id).where(Representation.agency_id == agency_id),
            select(Meeting.id).where(Meeting.host_agency_id == agency_id),
            select(Invitation.id).where(Invitation.agency_id == agency_id),
            select(AgendaItem.id).where(AgendaItem.presenter_agency_id == agency_id),
            select(Assignment.id).where(Assignment.agency_id == agency_id),
            select(MonthlyReport.id).where(MonthlyReport.agency_id == agency_id),
            select(MonthlyExemption.id).where(MonthlyExemption.agency_id == agency_id),
            select(EvaluationExclusion.id).where(EvaluationExclusion.agency_id == agency_id),
            select(JuryScore.id).where(JuryScore.agency_id == agency_id),
            select(EvaluationResult.id).where(EvaluationResult.agency_id == agency_id),
            select(Letter.id).where(Letter.agency_id == agency_id),
        )
        return any(session.scalar(query.limit(1)) is not None for query in references)

    def _checked(self, session: Session, draft: AgencyDraft, *, agency_id: int | None) -> dict[str, Any]:
        errors, values = validate(draft)
        if "name" not in errors:
            clash = select(Agency.name).where(Agency.name_key == fold(values["name"]))
            if agency_id is not None:
                clash = clash.where(Agency.id != agency_id)
            existing = session.scalar(clash)
            errors.check("name", existing is None, _duplicate_message(existing or ""))
        if errors:
            raise ValidationError(errors)
        return values

    @staticmethod
    def _flush(session: Session, name: str) -> None:
        # A second PC may have added the same name a moment ago.
        try:
            session.flush()
        except IntegrityError as error:
            raise ValidationError({"name": _duplicate_message(name)}) from error

    # -- reading --------------------------------------------------------

    def get(self, agency_id: int) -> AgencyRecord:
        with self._db.reading() as session:
            return _record(_get(session, agency_id))

    def find_by_name(self, name: str) -> AgencyRecord | None:
        with self._db.reading() as session:
            agency = session.scalar(select(Agency).where(Agency.name_key == fold(name)))
            return _record(agency) if agency else None

    def count(self, query: AgencyQuery = AgencyQuery()) -> int:
        statement = self._filtered(select(func.count(Agency.id)), query)
        with self._db.reading() as session:
            return session.scalar(statement) or 0

    def page(
        self, query: AgencyQuery = AgencyQuery(), *, offset: int = 0, limit: int | None = 200
    ) -> list[AgencyRow]:
        """One page of the register, filtered and sorted by the database."""
        columns = select(
            Agency.id,
            Agency.name,
            Agency.short_name,
            Agency.category,
            Person.full_name,
            Agency.phones,
            Agency.joined_on,
            Agency.active,
        )
        statement = self._filtered(columns, query)
        statement = statement.order_by(*self._order(query)).offset(offset)
        if limit is not None:
            statement = statement.limit(limit)
        with self._db.reading() as session:
            return [
                AgencyRow(
                    id=row[0],
                    name=row[1],
                    short_name=row[2],
                    category=AgencyCategory(row[3]),
                    pr_manager=row[4] or "",
                    phones=row[5],
                    joined_on=row[6],
                    active=row[7],
                )
                for row in session.execute(statement)
            ]

    def _filtered(self, statement: StatementT, query: AgencyQuery) -> StatementT:
        manager = pr_manager_terms()
        statement = (
            statement.select_from(Agency)
            .outerjoin(manager, manager.c.agency_id == Agency.id)
            .outerjoin(Person, Person.id == manager.c.person_id)
        )
        if not query.include_inactive:
            statement = statement.where(Agency.active.is_(True))
        if query.category is not None:
            statement = statement.where(Agency.category == query.category.value)
        for term in search_terms(query.search):
            statement = statement.where(
                or_(
                    Agency.search_text.contains(term, autoescape=True),
                    Person.search_text.contains(term, autoescape=True),
                )
            )
        return statement

    def _order(self, query: AgencyQuery) -> list[SQLColumnExpression[Any]]:
        persian = self._db.persian_order
        keys = {
            AgencySort.NAME: [persian(Agency.name)],
            AgencySort.SHORT_NAME: [persian(Agency.short_name), persian(Agency.name)],
            AgencySort.CATEGORY: [_CATEGORY_RANK, persian(Agency.name)],
            AgencySort.PR_MANAGER: [persian(func.coalesce(Person.full_name, "")), persian(Agency.name)],
            AgencySort.PHONES: [Agency.phones, persian(Agency.name)],
            AgencySort.JOINED_ON: [Agency.joined_on, persian(Agency.name)],
            AgencySort.ACTIVE: [Agency.active, persian(Agency.name)],
        }[query.sort]
        if query.descending:
            keys = [key.desc() for key in keys]
        return [*keys, Agency.id]


def _get(session: Session, agency_id: int) -> Agency:
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise NotFoundError("این دستگاه در فهرست نیست؛ شاید کاربر دیگری آن را حذف کرده است.")
    return agency


def _record(agency: Agency) -> AgencyRecord:
    values = {f.name: getattr(agency, f.name) for f in fields(AgencyRecord)}
    values["category"] = AgencyCategory(agency.category)
    return AgencyRecord(**values)


def draft_from_record(record: AgencyRecord) -> AgencyDraft:
    """The form's fields for editing an existing agency."""
    from secretariat.persian.jalali import format_short

    return AgencyDraft(
        name=record.name,
        short_name=record.short_name,
        category=record.category.value,
        parent_ministry=record.parent_ministry,
        address=record.address,
        phones=record.phones,
        email=record.email,
        website=record.website,
        joined_on=format_short(record.joined_on, persian_digits=False),
    )
