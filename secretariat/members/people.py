"""People, the roles they hold at agencies over time, and membership decrees.

PR managers change often; the history is kept. Appointing a new PR manager
ends the current one's term on the day the new one starts, so that "the
current PR manager" is always one person and the past stays on record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.models import Agency, MembershipDecree, Person, Representation
from secretariat import validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.members.roles import Role, pr_manager_terms
from secretariat.office import versions
from secretariat.persian.jalali import format_short
from secretariat.persian.text import fold, search_terms

# A select of any columns, its rows' types kept through the filters.
ModelT = TypeVar("ModelT")
StatementT = TypeVar("StatementT", bound="Select[*tuple[Any, ...]]")


@dataclass(frozen=True)
class PersonDraft:
    full_name: str
    honorific: str = ""
    mobile: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""


@dataclass(frozen=True)
class PersonRecord:
    id: int
    full_name: str
    honorific: str
    mobile: str
    phone: str
    email: str
    notes: str
    # Which save of the row was read, for an edit to pass back (see secretariat.office.versions);
    # not what the record holds: two reads of the same values are equal.
    version: int = field(default=1, compare=False)

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.full_name}".strip()


@dataclass(frozen=True)
class PersonRow:
    id: int
    full_name: str
    current_roles: str  # «مدیر روابط عمومی، آموزش و پرورش»
    mobile: str
    email: str


@dataclass(frozen=True)
class AppointmentDraft:
    agency_id: int
    person_id: int
    role: str = Role.PR_MANAGER.value
    start_date: str = ""  # Jalali
    title: str = ""


@dataclass(frozen=True)
class DecreeDraft:
    representation_id: int
    number: str
    issued_on: str  # Jalali
    issued_by: str = ""
    term_end: str = ""  # Jalali, optional
    notes: str = ""


@dataclass(frozen=True)
class DecreeRecord:
    id: int
    representation_id: int
    number: str
    issued_on: dt.date
    issued_by: str
    term_end: dt.date | None
    notes: str


@dataclass(frozen=True)
class RepresentationRecord:
    id: int
    agency_id: int
    agency_name: str
    person_id: int
    person_name: str
    role: Role
    title: str
    start_date: dt.date
    end_date: dt.date | None
    decrees: tuple[DecreeRecord, ...] = ()

    @property
    def is_current(self) -> bool:
        return self.end_date is None


class PersonSort(StrEnum):
    NAME = "name"
    MOBILE = "mobile"
    EMAIL = "email"


@dataclass(frozen=True)
class PersonQuery:
    search: str = ""
    sort: PersonSort = PersonSort.NAME
    descending: bool = False


def validate_person(draft: PersonDraft) -> tuple[validation.FieldErrors, dict[str, Any]]:
    errors = validation.FieldErrors()
    form = PersonDraft
    values: dict[str, Any] = {
        "full_name": validation.text(
            errors, form, "full_name", draft.full_name, required="نام و نام خانوادگی را بنویسید."
        ),
        "honorific": validation.text(errors, form, "honorific", draft.honorific),
        "mobile": validation.phones(errors, form, "mobile", draft.mobile),
        "phone": validation.phones(errors, form, "phone", draft.phone),
        "email": validation.email(errors, form, "email", draft.email),
        "notes": validation.text(errors, form, "notes", draft.notes),
    }
    return errors, values


def _person_search_text(values: dict[str, Any]) -> str:
    parts = [values["full_name"], values["mobile"], values["phone"], values["email"]]
    return "|".join(fold(part) for part in parts if part)


class PeopleService:
    def __init__(self, database: Database):
        self._db = database

    # -- people ---------------------------------------------------------

    def add(self, draft: PersonDraft) -> PersonRecord:
        errors, values = validate_person(draft)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            person = new_person(values)
            session.add(person)
            session.flush()
            return _person_record(person)

    def update(
        self, person_id: int, draft: PersonDraft, *, expected_version: int | None = None
    ) -> PersonRecord:
        """Save the form; refused (``ConflictError``) when another desk saved the person since the
        form read them at ``expected_version``."""
        errors, values = validate_person(draft)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            person = _get(session, Person, person_id, "این شخص در فهرست نیست.")
            versions.check(session, person, expected_version)
            for key, value in values.items():
                setattr(person, key, value)
            person.search_text = _person_search_text(values)
            session.flush()
            return _person_record(person)

    def get(self, person_id: int) -> PersonRecord:
        with self._db.reading() as session:
            return _person_record(_get(session, Person, person_id, "این شخص در فهرست نیست."))

    def count(self, query: PersonQuery = PersonQuery()) -> int:
        with self._db.reading() as session:
            return session.scalar(self._filtered(select(func.count(Person.id)), query)) or 0

    def page(
        self, query: PersonQuery = PersonQuery(), *, offset: int = 0, limit: int | None = 200
    ) -> list[PersonRow]:
        persian = self._db.persian_order
        order = {
            PersonSort.NAME: [persian(Person.full_name)],
            PersonSort.MOBILE: [Person.mobile, persian(Person.full_name)],
            PersonSort.EMAIL: [Person.email, persian(Person.full_name)],
        }[query.sort]
        if query.descending:
            order = [key.desc() for key in order]
        statement = (
            self._filtered(select(Person.id, Person.full_name, Person.mobile, Person.email), query)
            .order_by(*order, Person.id)
            .offset(offset)
        )
        if limit is not None:
            statement = statement.limit(limit)
        with self._db.reading() as session:
            rows = session.execute(statement).all()
            roles = self._current_roles(session, [row.id for row in rows])
            return [
                PersonRow(
                    id=row.id,
                    full_name=row.full_name,
                    current_roles=roles.get(row.id, ""),
                    mobile=row.mobile,
                    email=row.email,
                )
                for row in rows
            ]

    @staticmethod
    def _filtered(statement: StatementT, query: PersonQuery) -> StatementT:
        statement = statement.select_from(Person)
        for term in search_terms(query.search):
            statement = statement.where(Person.search_text.contains(term, autoescape=True))
        return statement

    @staticmethod
    def _current_roles(session: Session, person_ids: list[int]) -> dict[int, str]:
        if not person_ids:
            return {}
        statement = (
            select(Representation.person_id, Representation.role, Agency.name)
            .join(Agency, Agency.id == Representation.agency_id)
            .where(Representation.person_id.in_(person_ids), Representation.end_date.is_(None))
            .order_by(Representation.start_date)
        )
        roles: dict[int, list[str]] = {}
        for person_id, role, agency_name in session.execute(statement):
            roles.setdefault(person_id, []).append(f"{Role(role).label}، {agency_name}")
        return {person_id: "؛ ".join(items) for person_id, items in roles.items()}

    # -- roles at agencies ----------------------------------------------

    def appoint(self, draft: AppointmentDraft) -> RepresentationRecord:
        """Record that a person took a role at an agency from a date.

        For the PR manager, the current holder's term ends on that date.
        """
        errors = validation.FieldErrors()
        start = validation.jalali_date(errors, "start_date", draft.start_date, required=True)
        role = _parse_role(errors, draft.role)
        title = validation.text(errors, AppointmentDraft, "title", draft.title)
        if errors:
            raise ValidationError(errors)
        assert start is not None  # a required date: its absence is an error above
        with self._db.transaction() as session:
            agency = _get(session, Agency, draft.agency_id, "این دستگاه در فهرست نیست.")
            person = _get(session, Person, draft.person_id, "این شخص در فهرست نیست.")
            representation = record_appointment(session, agency, person, role, start, title=title)
            session.flush()
            return _representation_record(representation)

    def end(self, representation_id: int, end_date: str) -> RepresentationRecord:
        """Close a role: the person no longer holds it after ``end_date``."""
        errors = validation.FieldErrors()
        end = validation.jalali_date(errors, "end_date", end_date, required=True)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            rep = _get(session, Representation, representation_id, "این سمت در فهرست نیست.")
            validation.dates_in_order(
                errors,
                "end_date",
                rep.start_date,
                end,
                f"تاریخ پایان پیش از تاریخ شروع ({format_short(rep.start_date)}) است.",
            )
            if errors:
                raise ValidationError(errors)
            rep.end_date = end
            session.flush()
            return _representation_record(rep)

    def history(self, agency_id: int) -> list[RepresentationRecord]:
        """Everyone who held a role at the agency, current first, then newest."""
        with self._db.reading() as session:
            reps = session.scalars(
                select(Representation)
                .where(Representation.agency_id == agency_id)
                .order_by(
                    Representation.end_date.is_not(None),
                    Representation.start_date.desc(),
                    Representation.id.desc(),
                )
            ).all()
            return [_representation_record(rep) for rep in reps]

    def roles_of(self, person_id: int) -> list[RepresentationRecord]:
        with self._db.reading() as session:
            reps = session.scalars(
                select(Representation)
                .where(Representation.person_id == person_id)
                .order_by(Representation.start_date.desc())
            ).all()
            return [_representation_record(rep) for rep in reps]

    def current_pr_manager(self, agency_id: int) -> PersonRecord | None:
        """The agency's PR manager now: the term not yet ended (``pr_manager_terms``)."""
        return self.pr_managers_on({agency_id}).get(agency_id)

    def pr_managers_on(self, agency_ids: Iterable[int], on: dt.date | None = None) -> dict[int, PersonRecord]:
        """Each agency's PR manager on day ``on`` (default: the current one), by agency id,
        in one query; an agency with nobody is left out. The rule is ``pr_manager_terms``."""
        agency_ids = set(agency_ids)
        if not agency_ids:
            return {}
        manager = pr_manager_terms(on)
        with self._db.reading() as session:
            rows = session.execute(
                select(manager.c.agency_id, Person)
                .join(Person, Person.id == manager.c.person_id)
                .where(manager.c.agency_id.in_(agency_ids))
            ).all()
            return {agency_id: _person_record(person) for agency_id, person in rows}

    # -- decrees --------------------------------------------------------

    def add_decree(self, draft: DecreeDraft) -> DecreeRecord:
        errors = validation.FieldErrors()
        number = validation.text(
            errors, DecreeDraft, "number", draft.number, required="شماره حکم را بنویسید."
        )
        issued_by = validation.text(errors, DecreeDraft, "issued_by", draft.issued_by)
        notes = validation.text(errors, DecreeDraft, "notes", draft.notes)
        issued = validation.jalali_date(errors, "issued_on", draft.issued_on, required=True)
        term_end = validation.jalali_date(errors, "term_end", draft.term_end)
        validation.dates_in_order(
            errors, "term_end", issued, term_end, "پایان دوره پیش از تاریخ صدور حکم است."
        )
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            _get(session, Representation, draft.representation_id, "این سمت در فهرست نیست.")
            decree = MembershipDecree(
                representation_id=draft.representation_id,
                number=number,
                issued_on=issued,
                issued_by=issued_by,
                term_end=term_end,
                notes=notes,
            )
            session.add(decree)
            session.flush()
            return _decree_record(decree)


def new_person(values: dict[str, Any]) -> Person:
    """A person from the values ``validate_person`` cleaned, not yet added to a session."""
    return Person(**values, search_text=_person_search_text(values))


def current_holders(session: Session, agency_id: int, role: Role) -> list[Representation]:
    """Who holds ``role`` at the agency now (the terms not yet ended)."""
    return list(
        session.scalars(
            select(Representation).where(
                Representation.agency_id == agency_id,
                Representation.role == role.value,
                Representation.end_date.is_(None),
            )
        )
    )


def check_appointment(
    agency: Agency, current: Iterable[Representation], person_id: int | None, role: Role, start: dt.date
) -> None:
    """Refuse appointing person ``person_id`` (None: a person not yet saved) to ``role`` at
    ``agency`` from ``start``, given the ``current`` holders; the refusal is Persian."""
    if not agency.active:
        raise DomainError(f"«{agency.name}» غیرفعال است؛ نخست آن را فعال کنید.")
    for rep in current:
        if person_id is not None and rep.person_id == person_id:
            raise ValidationError({"person": f"{rep.person.full_name} هم‌اکنون {role.label} همین دستگاه است."})
        if role.single_holder and start < rep.start_date:
            raise ValidationError(
                {
                    "start_date": (
                        f"تاریخ شروع پیش از آغاز کار {rep.person.full_name} "
                        f"({format_short(rep.start_date)}) است."
                    )
                }
            )


def record_appointment(
    session: Session, agency: Agency, person: Person, role: Role, start: dt.date, *, title: str = ""
) -> Representation:
    """Record in ``session`` that ``person`` took ``role`` at ``agency`` from ``start``.

    The one home of the rule: for the PR manager, the current holder's term
    ends on the day the new one starts. The agency and the person have their
    ids (flushed); the new role is flushed with the session's next flush.
    """
    current = current_holders(session, agency.id, role)
    check_appointment(agency, current, person.id, role, start)
    if role.single_holder:
        for rep in current:
            rep.end_date = start
    representation = Representation(
        agency=agency, person=person, role=role.value, title=title, start_date=start
    )
    session.add(representation)
    return representation


def _parse_role(errors: validation.FieldErrors, value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        errors.check("role", False, "سمت را از فهرست انتخاب کنید.")
        return Role.EXPERT


def _get(session: Session, model: type[ModelT], key: int, message: str) -> ModelT:
    row = session.get(model, key)
    if row is None:
        raise NotFoundError(message)
    return row


def _person_record(person: Person) -> PersonRecord:
    return PersonRecord(
        id=person.id,
        full_name=person.full_name,
        honorific=person.honorific,
        mobile=person.mobile,
        phone=person.phone,
        email=person.email,
        notes=person.notes,
        version=person.version,
    )


def _decree_record(decree: MembershipDecree) -> DecreeRecord:
    return DecreeRecord(
        id=decree.id,
        representation_id=decree.representation_id,
        number=decree.number,
        issued_on=decree.issued_on,
        issued_by=decree.issued_by,
        term_end=decree.term_end,
        notes=decree.notes,
    )


def _representation_record(rep: Representation) -> RepresentationRecord:
    return RepresentationRecord(
        id=rep.id,
        agency_id=rep.agency_id,
        agency_name=rep.agency.name,
        person_id=rep.person_id,
        person_name=rep.person.full_name,
        role=Role(rep.role),
        title=rep.title,
        start_date=rep.start_date,
        end_date=rep.end_date,
        decrees=tuple(_decree_record(d) for d in sorted(rep.decrees, key=lambda d: d.issued_on)),
    )
