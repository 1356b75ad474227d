"""A Jalali year's records as plain data: the content of ``data/records.json``.

``year_records`` reads, in one session and a query per table, the council;
the meetings of the year in every status with their postponements, agenda,
invitations and attendance, resolutions, responsible agencies, amendments
and files; the whole follow-up log (with the entries corrected or voided,
and their corrections) and deadline history of those resolutions (entries
made in later years too); and the register as far as
the year refers to it: the agencies named by its records, their terms
(representations) that overlap the year with their decrees, and the people
who attended or held those terms. And the year's monthly reports: every
version of each report whose last version is for a month of the year (a
report first recorded for the wrong year travels with its correction), their
figures, files and the indicators they use, the year's exemptions, the
council's due day, and every agency the year's matrix lists. And the year's
evaluation (``evaluation_records``) and letter register (``letter_records``),
with the agencies, indicators and meetings they name. And the year's audit
trail (``audit_records``): every entry written in the year. Rows follow
``schema.TABLES`` field by field and refer to each other by archive keys
(see ``keys``), never by ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any, TypeVar, cast

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import (
    Agency,
    AgendaItem,
    Amendment,
    Assignment,
    Attachment,
    Council,
    DeadlineChange,
    FollowUp,
    FollowUpCorrection,
    Indicator,
    Invitation,
    Meeting,
    MembershipDecree,
    MonthlyExemption,
    MonthlyFigure,
    MonthlyReport,
    Person,
    Postponement,
    ReportFile,
    Representation,
    Resolution,
)
from secretariat.archive.audit_records import year_entries
from secretariat.archive.evaluation_records import EvaluationYear
from secretariat.archive.keys import follow_up_keys, meeting_keys_of_years, meeting_order
from secretariat.archive.layout import MONTHLY_REPORTS_FOLDER, safe_filename
from secretariat.archive.letter_records import LetterYear
from secretariat.archive.schema import SCHEMA_NAME, SCHEMA_VERSION, TABLE, TABLES, numbering_fields
from secretariat.council_settings import read_due_day
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError
from secretariat.meetings.kinds import MeetingKind, MeetingStatus, meeting_title
from secretariat.meetings.numbering_start import NumberingStart, starts
from secretariat.persian import jalali
from secretariat.persian.collation import sort_key
from secretariat.persian.text import to_persian_digits

MINUTES_FOLDER = "minutes"
ATTACHMENTS_FOLDER = "attachments"

# A row as JSON: field name -> a value of any kind JSON has (text, number, bool, None).
JsonRow = dict[str, Any]
_IDS_PER_QUERY = 500  # ids in one ``IN (...)``
# The records read by meeting, and by resolution (each has the id it is read by).
_OfMeeting = TypeVar("_OfMeeting", Invitation, Postponement, Amendment, Attachment)
_OfResolution = TypeVar("_OfResolution", Assignment, FollowUp, DeadlineChange)
_Keyed = TypeVar("_Keyed", Agency, Person)
_ById = TypeVar("_ById", MonthlyReport, ReportFile, Indicator)


@dataclass
class YearRecords:
    """A year's rows by table, and what the archive needs beside them."""

    year: int
    council: JsonRow
    tables: dict[str, list[JsonRow]]
    # Not in the data: the database ids behind the files the archive holds.
    minutes: list[tuple[int, str, str]] = field(default_factory=list)  # (meeting id, key, archive path)
    attachments: list[tuple[int, str]] = field(default_factory=list)  # (attachment id, archive path)
    report_files: list[tuple[int, str]] = field(default_factory=list)  # (report file id, archive path)
    letter_documents: list[tuple[int, str]] = field(default_factory=list)  # (letter id, archive path)

    def set_minutes_code(self, meeting_key: str, code: str) -> None:
        """Note the document code printed on a meeting's finalized minutes."""
        row = next(row for row in self.tables["meetings"] if row["key"] == meeting_key)
        row["minutes_code"] = code

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return year_period(self.year)

    def count(self, table: str) -> int:
        return len(self.tables.get(table, ()))

    def document(self) -> dict[str, Any]:
        """The JSON document of ``data/records.json``."""
        start, end = self.period
        return {
            "schema": SCHEMA_NAME,
            "version": SCHEMA_VERSION,
            "year": self.year,
            "period": {
                "start": start.isoformat(),
                "end": end.isoformat(),
                "start_jalali": jalali.format_short(start, persian_digits=False),
                "end_jalali": jalali.format_short(end, persian_digits=False),
            },
            "council": self.council,
            "counts": {table.name: self.count(table.name) for table in TABLES if table.name != "council"},
            "tables": {table.name: self.tables[table.name] for table in TABLES if table.name != "council"},
        }


def year_period(year: int) -> tuple[dt.date, dt.date]:
    """The first and last Gregorian day of Jalali ``year``."""
    return jalali.from_jalali(year, 1, 1), jalali.from_jalali(year + 1, 1, 1) - dt.timedelta(days=1)


# -- values -------------------------------------------------------------------------


def json_value(value: object) -> object:
    """A stored value as JSON: ISO dates, «09:30» times, a figure that is whole as a whole number
    (42, not 42.0); text, numbers, booleans and None as they are."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    return value


def jalali_value(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return f"{_jalali_day(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return _jalali_day(value)
    return None


@lru_cache(maxsize=8192)
def _jalali_day(day: dt.date) -> str:
    # A year's rows name a few hundred days many times over: converting each once halves the reading.
    return jalali.format_short(day, persian_digits=False)


def make_row(table: str, values: Mapping[str, object]) -> JsonRow:
    """A row of ``table``: its fields in schema order, dates with their Jalali twins."""
    row: JsonRow = {}
    for spec in TABLE[table].fields:
        value = values[spec.name]
        row[spec.name] = json_value(value)
        if spec.dated:
            row[f"{spec.name}_jalali"] = jalali_value(value)
    return row


# -- reading ------------------------------------------------------------------------


def year_records(database: Database, year: int) -> YearRecords:
    """The records of Jalali ``year``; refused when the year has no meeting.

    The meetings' ``minutes_code`` is left empty: the package notes each
    one (``set_minutes_code``) from the seal of the minutes it prints.
    """
    with database.reading() as session:
        council = session.scalars(select(Council).order_by(Council.id).limit(1)).first()
        if council is None:
            raise NotFoundError("هنوز شورایی ساخته نشده است.")
        meetings = sorted(
            session.scalars(select(Meeting).where(Meeting.jalali_year == year)).all(),
            key=lambda m: meeting_order(m.date, m.start_time, m.id),
        )
        if not meetings:
            raise DomainError(f"در سال {to_persian_digits(year)} جلسه‌ای ثبت نشده است؛ بایگانی ساخته نشد.")
        reader = _Reader(session, year, meetings)
        return reader.read(_council_row(council, starts(session), read_due_day(session)))


def _council_row(council: Council, numbering: Iterable[NumberingStart], due_day: int) -> JsonRow:
    begins: dict[str, object] = {}
    for start in numbering:
        number, year_number = numbering_fields(start.series)
        begins |= {number: start.number, year_number: start.year_number}
    return make_row(
        "council",
        {
            "name": council.name,
            "level": council.level,
            "city": council.city,
            "chair": council.chair,
            "secretary": council.secretary,
            "quorum_rule": council.quorum_rule,
            "quorum_count": council.quorum_count,
            "is_demo": bool(council.is_demo),
            **begins,
            "monthly_due_day": due_day,
        },
    )


class _Reader:
    """One year read in one session: a query per table, rows keyed by archive keys."""

    def __init__(self, session: Session, year: int, meetings: list[Meeting]):
        self.session = session
        self.year = year
        self.meetings = meetings
        self.meeting_ids = [m.id for m in meetings]
        self.meeting_rank = {m.id: rank for rank, m in enumerate(meetings)}
        self.meeting_key = meeting_keys_of_years(session, {year})

    def read(self, council: JsonRow) -> YearRecords:
        s = self.session
        in_year = Meeting.jalali_year == self.year
        year_meetings = select(Meeting.id).where(in_year)
        agenda = list(s.scalars(select(AgendaItem).where(AgendaItem.meeting_id.in_(year_meetings))))
        agenda.sort(key=lambda item: (self.meeting_rank[item.meeting_id], item.position, item.id))
        invitations = self._by_meeting(Invitation, year_meetings)
        postponements = self._by_meeting(Postponement, year_meetings)
        amendments = self._by_meeting(Amendment, year_meetings)
        attachments = self._by_meeting(Attachment, year_meetings)
        resolutions = list(s.scalars(select(Resolution).where(Resolution.meeting_id.in_(year_meetings))))
        resolutions.sort(key=lambda r: (self.meeting_rank[r.meeting_id], r.number, r.id))
        year_resolutions = (
            select(Resolution.id).join(Meeting, Meeting.id == Resolution.meeting_id).where(in_year)
        )
        resolution_rank = {r.id: rank for rank, r in enumerate(resolutions)}
        assignments = self._by_resolution(Assignment, year_resolutions, resolution_rank)
        follow_ups = self._by_resolution(FollowUp, year_resolutions, resolution_rank)
        follow_up_rank = {f.id: rank for rank, f in enumerate(follow_ups)}
        corrections = sorted(
            s.scalars(
                select(FollowUpCorrection).where(
                    FollowUpCorrection.follow_up_id.in_(
                        select(FollowUp.id).where(FollowUp.resolution_id.in_(year_resolutions))
                    )
                )
            ),
            key=lambda c: (follow_up_rank[c.follow_up_id], c.id),
        )
        deadline_changes = self._by_resolution(DeadlineChange, year_resolutions, resolution_rank)

        evaluation = EvaluationYear.read(s, self.year)
        letters = LetterYear.read(s, self.year)
        # Meetings of other years named by a deferral or a letter have their keys too.
        outside = {r.deferred_to_meeting_id for r in resolutions if r.deferred_to_meeting_id}
        outside |= letters.meeting_ids
        outside -= self.meeting_key.keys()
        other_years = (
            set(s.scalars(select(Meeting.jalali_year).where(Meeting.id.in_(outside)).distinct()))
            if outside
            else set()
        )
        other_years.discard(self.year)
        if other_years:
            self.meeting_key |= meeting_keys_of_years(s, other_years)

        monthly = _MonthlyYear.read(s, self.year, also_indicators=evaluation.indicator_ids)

        agency_ids = {m.host_agency_id for m in self.meetings} | {i.presenter_agency_id for i in agenda}
        agency_ids |= {i.agency_id for i in invitations} | {a.agency_id for a in assignments}
        agency_ids |= monthly.agency_ids | evaluation.agency_ids | letters.agency_ids
        agency_ids.discard(None)
        agencies, representations, decrees, people = self._register(
            cast(set[int], agency_ids),
            invitations,  # None is discarded above
        )

        agency_key = self._keys(agencies, lambda a: (sort_key(a.name), a.name_key), "A", 3)
        person_key = self._keys(
            people,
            lambda p: (sort_key(p.full_name), p.honorific, p.mobile, p.email, p.phone, p.notes),
            "P",
            4,
        )
        representations.sort(
            key=lambda r: (agency_key[r.agency_id], r.role, r.start_date, person_key[r.person_id], r.id)
        )
        representation_key = {r.id: f"R{rank:04d}" for rank, r in enumerate(representations, start=1)}
        representation_rank = {r.id: rank for rank, r in enumerate(representations)}
        decrees.sort(key=lambda d: (representation_rank[d.representation_id], d.issued_on, d.number, d.id))

        item_key = {item.id: f"{self.meeting_key[item.meeting_id]}/{item.position}" for item in agenda}
        resolution_code = {r.id: r.code for r in resolutions}
        attachment_key: dict[int, str] = {}
        attachment_path: dict[int, str] = {}
        per_meeting: dict[int, int] = {}
        records = YearRecords(self.year, council, {})
        for attachment in attachments:
            meeting_key = self.meeting_key[attachment.meeting_id]
            per_meeting[attachment.meeting_id] = per_meeting.get(attachment.meeting_id, 0) + 1
            position = per_meeting[attachment.meeting_id]
            attachment_key[attachment.id] = f"{meeting_key}/{position}"
            path = str(
                PurePosixPath(
                    ATTACHMENTS_FOLDER, meeting_key, f"{position:02d}-{safe_filename(attachment.filename)}"
                )
            )
            attachment_path[attachment.id] = path
            records.attachments.append((attachment.id, path))

        mk = self.meeting_key
        tables = records.tables
        tables["agencies"] = [
            make_row(
                "agencies",
                {
                    "key": agency_key[a.id],
                    "name": a.name,
                    "short_name": a.short_name,
                    "category": a.category,
                    "parent_ministry": a.parent_ministry,
                    "address": a.address,
                    "phones": a.phones,
                    "email": a.email,
                    "website": a.website,
                    "joined_on": a.joined_on,
                    "active": bool(a.active),
                },
            )
            for a in sorted(agencies, key=lambda a: agency_key[a.id])
        ]
        tables["people"] = [
            make_row(
                "people",
                {
                    "key": person_key[p.id],
                    "full_name": p.full_name,
                    "honorific": p.honorific,
                    "mobile": p.mobile,
                    "phone": p.phone,
                    "email": p.email,
                    "notes": p.notes,
                },
            )
            for p in sorted(people, key=lambda p: person_key[p.id])
        ]
        tables["representations"] = [
            make_row(
                "representations",
                {
                    "key": representation_key[r.id],
                    "agency": agency_key[r.agency_id],
                    "person": person_key[r.person_id],
                    "role": r.role,
                    "title": r.title,
                    "start_date": r.start_date,
                    "end_date": r.end_date,
                },
            )
            for r in representations
        ]
        tables["decrees"] = [
            make_row(
                "decrees",
                {
                    "representation": representation_key[d.representation_id],
                    "number": d.number,
                    "issued_on": d.issued_on,
                    "issued_by": d.issued_by,
                    "term_end": d.term_end,
                    "notes": d.notes,
                },
            )
            for d in decrees
        ]
        tables["meetings"] = [self._meeting_row(m, agency_key) for m in self.meetings]
        for meeting in self.meetings:
            if meeting.status == MeetingStatus.FINALIZED.value:
                records.minutes.append((meeting.id, mk[meeting.id], minutes_path(mk[meeting.id])))
        tables["postponements"] = [
            make_row(
                "postponements",
                {
                    "meeting": mk[p.meeting_id],
                    "from_date": p.from_date,
                    "to_date": p.to_date,
                    "reason": p.reason,
                    "recorded_at": p.recorded_at,
                },
            )
            for p in postponements
        ]
        tables["agenda_items"] = [
            make_row(
                "agenda_items",
                {
                    "key": item_key[i.id],
                    "meeting": mk[i.meeting_id],
                    "position": i.position,
                    "title": i.title,
                    "presenter": _key_of(agency_key, i.presenter_agency_id),
                    "notes": i.notes,
                    "summary": i.summary,
                    "reviews_open_resolutions": bool(i.reviews_open_resolutions),
                },
            )
            for i in agenda
        ]
        tables["invitations"] = [
            make_row(
                "invitations",
                {
                    "meeting": mk[i.meeting_id],
                    "agency": _key_of(agency_key, i.agency_id),
                    "guest_name": i.guest_name,
                    "guest_title": i.guest_title,
                    "guest_organization": i.guest_organization,
                    "attendance": i.attendance,
                    "attendee": _key_of(person_key, i.attendee_person_id),
                    "substitute_name": i.substitute_name,
                    "excuse": i.excuse,
                },
            )
            for i in invitations
        ]
        tables["resolutions"] = [
            make_row(
                "resolutions",
                {
                    "code": r.code,
                    "meeting": mk[r.meeting_id],
                    "agenda_item": _key_of(item_key, r.agenda_item_id),
                    "number": r.number,
                    "text": r.text,
                    "due_date": r.due_date,
                    "due_next_meeting": bool(r.due_next_meeting),
                    "priority": r.priority,
                    "status": r.status,
                    "deferred_to_meeting": _key_of(mk, r.deferred_to_meeting_id),
                    "closed_on": r.closed_on,
                    "completion_evidence": r.completion_evidence,
                    "status_note": r.status_note,
                },
            )
            for r in resolutions
        ]
        tables["assignments"] = [
            make_row(
                "assignments",
                {
                    "resolution": resolution_code[a.resolution_id],
                    "agency": agency_key[a.agency_id],
                    "role": a.role,
                },
            )
            for a in assignments
        ]
        tables["amendments"] = [
            make_row(
                "amendments",
                {
                    "meeting": mk[a.meeting_id],
                    "resolution": _key_of(resolution_code, a.resolution_id),
                    "agenda_item": _key_of(item_key, a.agenda_item_id),
                    "field": a.field,
                    "original": a.original,
                    "amended": a.amended,
                    "reason": a.reason,
                    "author": a.author,
                    "recorded_at": a.recorded_at,
                },
            )
            for a in amendments
        ]
        tables["attachments"] = [
            make_row(
                "attachments",
                {
                    "key": attachment_key[a.id],
                    "meeting": mk[a.meeting_id],
                    "kind": a.kind,
                    "filename": a.filename,
                    "media_type": a.media_type,
                    "size": a.size,
                    "sha256": a.sha256,
                    "description": a.description,
                    "added_at": a.added_at,
                    "path": attachment_path[a.id],
                },
            )
            for a in attachments
        ]
        follow_up_key = dict(
            zip(
                (f.id for f in follow_ups),
                follow_up_keys(resolution_code[f.resolution_id] for f in follow_ups),
                strict=True,
            )
        )
        tables["follow_ups"] = [
            make_row(
                "follow_ups",
                {
                    "key": follow_up_key[f.id],
                    "resolution": resolution_code[f.resolution_id],
                    "date": f.date,
                    "kind": f.kind,
                    "note": f.note,
                    "progress": f.progress,
                    "recorded_by": f.recorded_by,
                    "document": _key_of(attachment_key, f.attachment_id),
                    "recorded_at": f.recorded_at,
                },
            )
            for f in follow_ups
        ]
        tables["follow_up_corrections"] = [
            make_row(
                "follow_up_corrections",
                {
                    "entry": follow_up_key[c.follow_up_id],
                    "replacement": _key_of(follow_up_key, c.replacement_id),
                    "reason": c.reason,
                    "recorded_by": c.recorded_by,
                    "recorded_at": c.recorded_at,
                },
            )
            for c in corrections
        ]
        tables["deadline_changes"] = [
            make_row(
                "deadline_changes",
                {
                    "resolution": resolution_code[c.resolution_id],
                    "previous_due": c.previous_due,
                    "previous_next_meeting": bool(c.previous_next_meeting),
                    "new_due": c.new_due,
                    "reason": c.reason,
                    "changed_by": c.changed_by,
                    "changed_at": c.changed_at,
                },
            )
            for c in deadline_changes
        ]
        monthly.write_rows(records, agency_key)
        for table, rows in evaluation.rows(agency_key, monthly.indicator_key).items():
            tables[table] = [make_row(table, values) for values in rows]
        for table, rows in letters.rows(agency_key, self.meeting_key).items():
            tables[table] = [make_row(table, values) for values in rows]
        records.letter_documents = letters.paths
        tables["audit_entries"] = [
            make_row("audit_entries", values) for values in year_entries(s, *year_period(self.year))
        ]
        return records

    def _meeting_row(self, m: Meeting, agency_key: Mapping[int, str]) -> JsonRow:
        finalized = m.status == MeetingStatus.FINALIZED.value
        key = self.meeting_key[m.id]
        return make_row(
            "meetings",
            {
                "key": key,
                "kind": m.kind,
                "series": m.series,
                "number": m.number,
                "year_number": m.year_number,
                "jalali_year": m.jalali_year,
                "title": meeting_title(MeetingKind(m.kind), m.number),
                "date": m.date,
                "start_time": m.start_time,
                "end_time": m.end_time,
                "host": _key_of(agency_key, m.host_agency_id),
                "venue": m.venue,
                "chair": m.chair,
                "occasion": m.occasion,
                "status": m.status,
                "cancel_reason": m.cancel_reason,
                "finalized_at": m.finalized_at,
                "finalized_by": m.finalized_by,
                "signed_at": m.signed_at,
                "minutes_code": "",
                "minutes_file": minutes_path(key) if finalized else "",
            },
        )

    # -- queries ----------------------------------------------------------------

    def _by_meeting(self, model: type[_OfMeeting], year_meetings: Select[int]) -> list[_OfMeeting]:
        rows = self.session.scalars(select(model).where(model.meeting_id.in_(year_meetings))).all()
        return sorted(rows, key=lambda row: (self.meeting_rank[row.meeting_id], row.id))

    def _by_resolution(
        self, model: type[_OfResolution], year_resolutions: Select[int], rank: dict[int, int]
    ) -> list[_OfResolution]:
        rows = self.session.scalars(select(model).where(model.resolution_id.in_(year_resolutions))).all()
        return sorted(rows, key=lambda row: (rank[row.resolution_id], row.id))

    def _register(
        self, agency_ids: set[int], invitations: list[Invitation]
    ) -> tuple[list[Agency], list[Representation], list[MembershipDecree], list[Person]]:
        """The agencies, their terms overlapping the year with decrees, and the people."""
        s = self.session
        start, end = year_period(self.year)
        agencies = s.scalars(select(Agency).where(Agency.id.in_(agency_ids))).all() if agency_ids else []
        representations = (
            s.scalars(
                select(Representation).where(
                    Representation.agency_id.in_(agency_ids),
                    Representation.start_date <= end,
                    or_(Representation.end_date.is_(None), Representation.end_date >= start),
                )
            ).all()
            if agency_ids
            else []
        )
        representation_ids = [r.id for r in representations]
        decrees = (
            s.scalars(
                select(MembershipDecree).where(MembershipDecree.representation_id.in_(representation_ids))
            ).all()
            if representation_ids
            else []
        )
        person_ids = {i.attendee_person_id for i in invitations} | {r.person_id for r in representations}
        person_ids.discard(None)
        people = s.scalars(select(Person).where(Person.id.in_(person_ids))).all() if person_ids else []
        return list(agencies), list(representations), list(decrees), list(people)

    @staticmethod
    def _keys(
        rows: Iterable[_Keyed], order: Callable[[_Keyed], tuple[object, ...]], prefix: str, width: int
    ) -> dict[int, str]:
        ordered = sorted(rows, key=lambda row: (*order(row), row.id))
        return {row.id: f"{prefix}{rank:0{width}d}" for rank, row in enumerate(ordered, start=1)}


@dataclass
class _MonthlyYear:
    """A year's monthly reports as the database holds them, read in the export's session."""

    reports: list[MonthlyReport]  # every version of the reports whose last version is of the year
    figures: list[MonthlyFigure]
    exemptions: list[MonthlyExemption]
    files: dict[int, ReportFile]
    indicators: list[Indicator]  # those the figures are for, in the council's order
    agency_ids: set[int]  # the agencies of the year's matrix, and those the reports name

    @classmethod
    def read(cls, session: Session, year: int, *, also_indicators: set[int]) -> _MonthlyYear:
        """The year's reports; ``also_indicators``: indicators named elsewhere (the evaluation's)."""
        later = aliased(MonthlyReport)
        replaced = select(later.id).where(later.replaces_id == MonthlyReport.id).exists()
        last = session.scalars(select(MonthlyReport).where(MonthlyReport.year == year, ~replaced)).all()
        versions = {report.id: report for report in last}
        wanted = {report.replaces_id for report in last} - {None}
        while wanted:  # back along each report's corrections, whatever year they were for
            found = _by_ids(session, MonthlyReport, cast(set[int], wanted))
            versions.update((report.id, report) for report in found)
            wanted = {report.replaces_id for report in found} - {None} - versions.keys()
        report_ids = sorted(versions)
        figures = [
            figure
            for start in range(0, len(report_ids), _IDS_PER_QUERY)
            for figure in session.scalars(
                select(MonthlyFigure).where(
                    MonthlyFigure.report_id.in_(report_ids[start : start + _IDS_PER_QUERY])
                )
            )
        ]
        exemptions = list(session.scalars(select(MonthlyExemption).where(MonthlyExemption.year == year)))
        files = _by_ids(session, ReportFile, {r.file_id for r in versions.values() if r.file_id is not None})
        indicators = _by_ids(session, Indicator, {f.indicator_id for f in figures} | also_indicators)
        # The matrix lists the active members (those that had joined by the year's end) and any
        # agency with a report in force or an exemption in the year.
        members = session.scalars(
            select(Agency.id).where(
                Agency.active.is_(True),
                or_(Agency.joined_on.is_(None), Agency.joined_on <= year_period(year)[1]),
            )
        ).all()
        named = {r.agency_id for r in versions.values()} | {e.agency_id for e in exemptions}
        return cls(
            reports=list(versions.values()),
            figures=figures,
            exemptions=exemptions,
            files={stored.id: stored for stored in files},
            indicators=sorted(indicators, key=lambda indicator: (indicator.position, indicator.id)),
            agency_ids=set(members) | named,
        )

    @property
    def indicator_key(self) -> dict[int, str]:
        """«I001»: each indicator's place in the council's order."""
        return {indicator.id: f"I{rank:03d}" for rank, indicator in enumerate(self.indicators, start=1)}

    def write_rows(self, records: YearRecords, agency_key: Mapping[int, str]) -> None:
        """The tables of the monthly reports, keyed by ``agency_key``; the files noted in ``records``."""
        reports = sorted(
            self.reports,
            key=lambda r: (
                agency_key[r.agency_id],
                r.year,
                r.month,
                r.recorded_at.replace(microsecond=0),
                r.id,
            ),
        )
        report_key: dict[int, str] = {}
        counted: dict[tuple[int, int, int], int] = {}
        for report in reports:
            place = (report.agency_id, report.year, report.month)
            counted[place] = counted.get(place, 0) + 1
            report_key[report.id] = (
                f"{agency_key[report.agency_id]}/{report.year}-{report.month:02d}/{counted[place]}"
            )
        indicator_key = self.indicator_key
        file_key: dict[int, str] = {}
        file_path: dict[int, str] = {}
        for report in reports:
            if report.file_id is None or report.file_id in file_key:
                continue
            key = f"F{len(file_key) + 1:04d}"
            stored = self.files[report.file_id]
            file_key[report.file_id] = key
            file_path[report.file_id] = (
                f"{MONTHLY_REPORTS_FOLDER}{report.year}-{report.month:02d}/{key}-{safe_filename(stored.filename)}"
            )
            records.report_files.append((report.file_id, file_path[report.file_id]))
        tables = records.tables
        tables["indicators"] = [
            make_row(
                "indicators",
                {
                    "key": indicator_key[i.id],
                    "name": i.name,
                    "unit": i.unit,
                    "kind": i.kind,
                    "required": bool(i.required),
                    "retired": bool(i.retired),
                },
            )
            for i in self.indicators
        ]
        tables["report_files"] = [
            make_row(
                "report_files",
                {
                    "key": file_key[file_id],
                    "filename": self.files[file_id].filename,
                    "media_type": self.files[file_id].media_type,
                    "size": self.files[file_id].size,
                    "sha256": self.files[file_id].sha256,
                    "added_at": self.files[file_id].added_at,
                    "path": file_path[file_id],
                },
            )
            for file_id, _path in records.report_files
        ]
        tables["monthly_reports"] = [
            make_row(
                "monthly_reports",
                {
                    "key": report_key[r.id],
                    "agency": agency_key[r.agency_id],
                    "year": r.year,
                    "month": r.month,
                    "received_on": r.received_on,
                    "via": r.via,
                    "letter_number": r.letter_number,
                    "letter_date": r.letter_date,
                    "note": r.note,
                    "file": _key_of(file_key, r.file_id),
                    "recorded_by": r.recorded_by,
                    "recorded_at": r.recorded_at,
                    "in_force": bool(r.in_force),
                    "replaces": _key_of(report_key, r.replaces_id),
                    "reason": r.reason,
                    "voided_reason": r.voided_reason,
                    "voided_by": r.voided_by,
                    "voided_at": r.voided_at,
                },
            )
            for r in reports
        ]
        report_rank = {report.id: rank for rank, report in enumerate(reports)}
        tables["monthly_figures"] = [
            make_row(
                "monthly_figures",
                {
                    "report": report_key[f.report_id],
                    "indicator": indicator_key[f.indicator_id],
                    "value": f.value,
                },
            )
            for f in sorted(
                self.figures, key=lambda f: (report_rank[f.report_id], indicator_key[f.indicator_id])
            )
        ]
        tables["monthly_exemptions"] = [
            make_row(
                "monthly_exemptions",
                {
                    "agency": agency_key[e.agency_id],
                    "year": e.year,
                    "month": e.month,
                    "reason": e.reason,
                    "recorded_by": e.recorded_by,
                    "recorded_at": e.recorded_at,
                },
            )
            for e in sorted(self.exemptions, key=lambda e: (agency_key[e.agency_id], e.month, e.id))
        ]


def _by_ids(session: Session, model: type[_ById], ids: set[int]) -> list[_ById]:
    ordered = sorted(ids)
    return [
        row
        for start in range(0, len(ordered), _IDS_PER_QUERY)
        for row in session.scalars(select(model).where(model.id.in_(ordered[start : start + _IDS_PER_QUERY])))
    ]


def _key_of(keys: Mapping[int, str], record_id: int | None) -> str | None:
    """The key an optional reference names: None for none."""
    return None if record_id is None else keys.get(record_id)


def minutes_path(meeting_key: str) -> str:
    return f"{MINUTES_FOLDER}/{meeting_key}.pdf"
