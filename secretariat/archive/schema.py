"""The archive's data schema, version 4: every table and field, in one place.

``records`` builds its rows in the order of these fields, ``source``
reads them back by these types, and ``schema_doc`` writes
``docs/archive-schema.md`` from them, so the document, the export and the
import cannot drift apart (a test compares the file with the generated
text).

Types:
- ``key``: the row's archive key, unique in its table; never a database id.
- ``ref:<table>``: the key of a row of another table (``ref:meetings`` may
  name a meeting outside the archive, see the meetings table).
- ``text``, ``int``, ``bool``; ``number`` a JSON number (a figure: 42, 7.5);
  ``date`` ISO «2025-06-08»; ``datetime`` ISO
  to the second «2025-06-08T10:30:00»; ``time`` «09:30»; ``enum``: one of
  the listed codes.
- a derived field (``derived``) is written for people reading the archive
  (a Jalali date, a title) and ignored on import.

Every ``date`` and ``datetime`` field ``X`` is followed by a derived
``X_jalali``: «1404/03/18», or «1404/03/18 10:30» for a date-time.

Versions: 2 added the follow-up entries' keys and the table of their
corrections (``since``). An archive of version 1 is still read: its entries
are keyed as version 2 keys them, and none was ever corrected. 3 added the
agencies' monthly reports (every version), their figures and files, the
indicators they use, the year's exemptions and the council's due day; an
archive of version 1 or 2 has none, and reads the due day as the default.
4 added the year's evaluation of the PR units (its criteria, tiers,
exclusions, the jury's scores, the published results and their amendments)
and the letter register of the year (the letters, the resolutions they are
about, their documents); an archive of an older version has neither.
5 added the year's audit trail (who changed what, and when); an archive of an
older version has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from secretariat.evaluation.criteria import Source
from secretariat.evaluation.service import DRAFT, JURY_RULES, PUBLISHED
from secretariat.followup.status import FollowUpKind, ResolutionStatus
from secretariat.letters.numbering import IN, OUT
from secretariat.letters.register import Concerns, LetterKind
from secretariat.meetings.kinds import (
    AssignmentRole,
    Attendance,
    MeetingKind,
    MeetingSeries,
    MeetingStatus,
    Priority,
)
from secretariat.members.agencies import AgencyCategory
from secretariat.members.council import CouncilLevel, QuorumRule
from secretariat.members.roles import Role
from secretariat.monthly.indicators import IndicatorKind
from secretariat.monthly.months import DEFAULT_DUE_DAY
from secretariat.monthly.reports import Via
from secretariat.office.audit import ACTION_LABELS

SCHEMA_NAME = "council-secretariat-archive"
SCHEMA_VERSION = 5
MONTHLY = 3  # the version that added the monthly reports
EVALUATION_AND_LETTERS = 4  # the version that added the evaluation and the letter register
AUDIT_TRAIL = 5  # the version that added the year's audit trail
ATTACHMENT_KINDS = ("signed_minutes", "document", "followup_document")
AMENDMENT_FIELDS = ("resolution_text", "due_date", "item_summary")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # key | ref:<table> | text | int | number | bool | date | datetime | time | enum
    description: str
    nullable: bool = False
    derived: bool = False
    choices: tuple[str, ...] = ()
    since: int = 1  # the schema version that added it
    # What an archive of a version before ``since`` reads as (None: it reads nothing).
    if_absent: int | None = None

    @property
    def dated(self) -> bool:
        return self.type in ("date", "datetime")

    @property
    def reference(self) -> str | None:
        return self.type.split(":", 1)[1] if self.type.startswith("ref:") else None


@dataclass(frozen=True)
class Table:
    name: str
    title: str  # Persian
    description: str
    order: str
    fields: tuple[Field, ...]
    since: int = 1  # the schema version that added it

    @property
    def columns(self) -> tuple[str, ...]:
        """The field names of a row, with the derived Jalali ones after their dates."""
        names: list[str] = []
        for field in self.fields:
            names.append(field.name)
            if field.dated:
                names.append(f"{field.name}_jalali")
        return tuple(names)

    @property
    def key(self) -> Field | None:
        return next((f for f in self.fields if f.type == "key"), None)


def _enum(
    name: str,
    kind: type[StrEnum],
    description: str,
    *,
    nullable: bool = False,
    derived: bool = False,
    since: int = 1,
) -> Field:
    choices = tuple(member.value for member in kind)
    return Field(name, "enum", description, nullable=nullable, derived=derived, choices=choices, since=since)


def _text(
    name: str, description: str, *, nullable: bool = False, derived: bool = False, since: int = 1
) -> Field:
    return Field(name, "text", description, nullable=nullable, derived=derived, since=since)


def _monthly(name: str, kind: str, description: str, *, nullable: bool = False) -> Field:
    """A field of the monthly reports' tables (schema version 3)."""
    return Field(name, kind, description, nullable=nullable, since=MONTHLY)


def numbering_fields(series: MeetingSeries) -> tuple[str, str]:
    """The council row's fields of where ``series``' numbers begin: overall, and in its year."""
    return f"{series.value}_first_number", f"{series.value}_first_year_number"


_SERIES_MEETINGS = {
    MeetingSeries.COUNCIL: "council meetings (regular and extraordinary)",
    MeetingSeries.GENERAL_ASSEMBLY: "general assembly meetings",
    MeetingSeries.WORKING_GROUP: "working group meetings",
}


def _numbering_start(series: MeetingSeries) -> tuple[Field, Field]:
    number, year_number = numbering_fields(series)
    meetings = _SERIES_MEETINGS[series]
    return (
        Field(
            number,
            "int",
            f"The number of the first of the {meetings} recorded in the app: above 1 for a council "
            "that numbered its earlier meetings on paper.",
            since=2,
            if_absent=1,
        ),
        Field(
            year_number,
            "int",
            f"That meeting's number in its Jalali year (at most `{number}`).",
            since=2,
            if_absent=1,
        ),
    )


_REGISTER_AND_MEETINGS: tuple[Table, ...] = (
    Table(
        "council",
        "شورا",
        "The council the archive belongs to: one row.",
        "one row",
        (
            _text("name", "The council's name."),
            _enum("level", CouncilLevel, "county or province."),
            _text("city", "Its city."),
            _text("chair", "The chair (رئیس شورا)."),
            _text("secretary", "The secretary (دبیر)."),
            _enum("quorum_rule", QuorumRule, "How the quorum is counted."),
            Field("quorum_count", "int", "The fixed quorum, for the rule fixed.", nullable=True),
            Field("is_demo", "bool", "The demo council."),
            *(field for series in MeetingSeries for field in _numbering_start(series)),
            Field(
                "monthly_due_day",
                "int",
                "The day of the following month a monthly report is due by (5: the 5th).",
                since=MONTHLY,
                if_absent=DEFAULT_DUE_DAY,
            ),
        ),
    ),
    Table(
        "agencies",
        "دستگاه‌های عضو",
        "The member agencies the year's records refer to (hosts, presenters, invitees, responsible "
        "agencies), those of the year's monthly reports (every agency the year's matrix lists: "
        "active members that had joined by the year's end, and any agency with a report or an "
        "exemption in the year), those the year's evaluation names (and, while it is a draft, every "
        "agency taking part: the active members not excluded) and those of the year's letters, as "
        "the register holds them at export time.",
        "Persian alphabetical order of the name",
        (
            Field("key", "key", "«A001»: the agency's place in Persian order of names."),
            _text("name", "Its name; unique in any spelling (folded)."),
            _text("short_name", "Its short name."),
            _enum("category", AgencyCategory, "Its category."),
            _text("parent_ministry", "The ministry or organisation above it."),
            _text("address", "Its address."),
            _text("phones", "Its phone numbers."),
            _text("email", "Its e-mail."),
            _text("website", "Its website."),
            Field("joined_on", "date", "When it joined the council.", nullable=True),
            Field("active", "bool", "Still a member (an agency that left is deactivated, never deleted)."),
        ),
    ),
    Table(
        "people",
        "افراد",
        "The people the year refers to: who attended, and who held a role at an archived agency "
        "during the year.",
        "Persian alphabetical order of the full name",
        (
            Field("key", "key", "«P0001»: the person's place in Persian order of names."),
            _text("full_name", "Full name."),
            _text("honorific", "دکتر، مهندس..."),
            _text("mobile", "Mobile number."),
            _text("phone", "Office phone."),
            _text("email", "E-mail."),
            _text("notes", "Notes."),
        ),
    ),
    Table(
        "representations",
        "سمت‌ها",
        "Who held which role at an archived agency during the year (terms that overlap the year).",
        "agency key, role, start date, person key",
        (
            Field("key", "key", "«R0001»: the term's place in that order."),
            Field("agency", "ref:agencies", "The agency."),
            Field("person", "ref:people", "The person."),
            _enum("role", Role, "pr_manager (one current one per agency), deputy or expert."),
            _text("title", "The title as written on the decree."),
            Field("start_date", "date", "First day of the term."),
            Field("end_date", "date", "Last day of the term; empty while current.", nullable=True),
        ),
    ),
    Table(
        "decrees",
        "احکام عضویت",
        "The membership decrees of the archived terms.",
        "representation key, date issued, number",
        (
            Field("representation", "ref:representations", "The term the decree is for."),
            _text("number", "The decree's number."),
            Field("issued_on", "date", "Date issued."),
            _text("issued_by", "Who issued it."),
            Field("term_end", "date", "End of the term it grants.", nullable=True),
            _text("notes", "Notes."),
        ),
    ),
    Table(
        "meetings",
        "جلسات",
        "Every meeting of the Jalali year, in every status: planned, postponed, held, finalized, cancelled.",
        "date, start time (none first), then as recorded",
        (
            Field(
                "key",
                "key",
                "«1404-07»: year and number in the series, the council's meetings plain, the general "
                "assembly «1404-G01», working groups «1404-W01» (as in the minutes' document code); a "
                "cancelled meeting, which has no number, «1404-X01» by date order. A reference to a meeting "
                "of another year (a resolution deferred to it) uses that meeting's key in its own year.",
            ),
            _enum("kind", MeetingKind, "regular, extraordinary, general_assembly or working_group."),
            _text(
                "series",
                "The numbering sequence of the kind: council, general_assembly, working_group.",
                derived=True,
            ),
            Field("number", "int", "The Nth meeting of its series; empty while cancelled.", nullable=True),
            Field(
                "year_number",
                "int",
                "The Nth meeting of its series in the year; empty while cancelled.",
                nullable=True,
            ),
            Field("jalali_year", "int", "The Jalali year of the meeting."),
            _text("title", "«هفتمین جلسه»: the title printed on its papers.", derived=True),
            Field("date", "date", "The day (after any postponement)."),
            Field("start_time", "time", "Start time.", nullable=True),
            Field("end_time", "time", "End time.", nullable=True),
            Field("host", "ref:agencies", "The host agency.", nullable=True),
            _text("venue", "The hall."),
            _text("chair", "Who chaired it."),
            _text("occasion", "The occasion, as روز ارتباطات و روابط عمومی."),
            _enum("status", MeetingStatus, "planned, postponed, held, finalized or cancelled."),
            _text("cancel_reason", "Why it was cancelled."),
            Field("finalized_at", "datetime", "When the minutes were finalized.", nullable=True),
            _text("finalized_by", "Who finalized them."),
            Field("signed_at", "datetime", "When the signed scan was added.", nullable=True),
            _text(
                "minutes_code",
                "The document code printed on the finalized minutes («M1404-07-9F3A1C2B»), "
                "as the records give it now; empty before finalizing.",
                derived=True,
            ),
            _text(
                "minutes_file",
                "The finalized minutes in the archive («minutes/1404-07.pdf»); empty if none.",
                derived=True,
            ),
        ),
    ),
    Table(
        "postponements",
        "تعویق‌ها",
        "Each time a meeting was moved, and why.",
        "meeting order, then as recorded",
        (
            Field("meeting", "ref:meetings", "The meeting."),
            Field("from_date", "date", "The day it was planned for."),
            Field("to_date", "date", "The day it was moved to."),
            _text("reason", "Why."),
            Field("recorded_at", "datetime", "When it was recorded."),
        ),
    ),
    Table(
        "agenda_items",
        "دستور کار",
        "The agenda of each meeting, with the summary written in the minutes.",
        "meeting order, then position",
        (
            Field("key", "key", "«1404-07/2»: the meeting's key and the item's position."),
            Field("meeting", "ref:meetings", "The meeting."),
            Field("position", "int", "1, 2, ...: the item's place in the agenda."),
            _text("title", "The item."),
            Field("presenter", "ref:agencies", "The presenting agency.", nullable=True),
            _text("notes", "Notes for the invitation."),
            _text("summary", "What was said, for the minutes."),
            Field(
                "reviews_open_resolutions", "bool", "The item that reviews earlier resolutions still open."
            ),
        ),
    ),
    Table(
        "invitations",
        "دعوت و حضور",
        "Who was invited to each meeting (a member agency or a guest) and whether they came.",
        "meeting order, then as invited",
        (
            Field("meeting", "ref:meetings", "The meeting."),
            Field("agency", "ref:agencies", "The invited agency; empty for a guest.", nullable=True),
            _text("guest_name", "A guest's name."),
            _text("guest_title", "A guest's title."),
            _text("guest_organization", "A guest's organisation."),
            _enum("attendance", Attendance, "unknown, present, late, absent or excused."),
            Field("attendee", "ref:people", "The registered person who came.", nullable=True),
            _text("substitute_name", "Someone not in the register who came instead."),
            _text("excuse", "The reason given for an absence."),
        ),
    ),
    Table(
        "resolutions",
        "مصوبات",
        "The resolutions of the year's meetings («مقرر شد ...»), their deadline "
        "and their current follow-up status.",
        "meeting order, then number",
        (
            Field("code", "key", "«1404-07-03»: the code printed in the minutes, unique in the council."),
            Field("meeting", "ref:meetings", "The meeting that passed it."),
            Field("agenda_item", "ref:agenda_items", "The agenda item it belongs to.", nullable=True),
            Field("number", "int", "Its number in the meeting."),
            _text("text", "The text as finalized (amendments are in the amendments table)."),
            Field("due_date", "date", "The deadline followed up (an amended or changed one).", nullable=True),
            Field("due_next_meeting", "bool", "Due «تا جلسه بعد»."),
            _enum("priority", Priority, "normal, high or urgent."),
            _enum(
                "status",
                ResolutionStatus,
                "open, in_progress, done, cancelled or deferred (overdue is derived, never stored).",
            ),
            Field("deferred_to_meeting", "ref:meetings", "The meeting it was referred to.", nullable=True),
            Field("closed_on", "date", "Done or cancelled on.", nullable=True),
            _text("completion_evidence", "The evidence it was done."),
            _text("status_note", "Why it was cancelled, deferred or reopened."),
        ),
    ),
    Table(
        "assignments",
        "مسئولان اجرا",
        "The agency responsible for each resolution, and its collaborators.",
        "resolution order, then as assigned",
        (
            Field("resolution", "ref:resolutions", "The resolution."),
            Field("agency", "ref:agencies", "The agency."),
            _enum("role", AssignmentRole, "lead (مسئول اجرا) or collaborator (همکار)."),
        ),
    ),
    Table(
        "amendments",
        "اصلاحیه‌ها",
        "Corrections to finalized minutes, with who, when and why.",
        "meeting order, then as recorded",
        (
            Field("meeting", "ref:meetings", "The meeting whose minutes are corrected."),
            Field("resolution", "ref:resolutions", "The corrected resolution.", nullable=True),
            Field("agenda_item", "ref:agenda_items", "The corrected agenda item.", nullable=True),
            Field("field", "enum", "What is corrected.", choices=AMENDMENT_FIELDS),
            _text("original", "The text before."),
            _text("amended", "The text after."),
            _text("reason", "Why."),
            _text("author", "Who recorded it."),
            Field("recorded_at", "datetime", "When."),
        ),
    ),
    Table(
        "attachments",
        "پیوست‌ها",
        "The files the meetings keep: signed scans of the minutes, documents, "
        "and follow-up documents (letters, agencies' reports). The bytes are in the archive at «path».",
        "meeting order, then as added",
        (
            Field("key", "key", "«1404-07/1»: the meeting's key and the file's place among its files."),
            Field("meeting", "ref:meetings", "The meeting that keeps it."),
            Field("kind", "enum", "signed_minutes, document or followup_document.", choices=ATTACHMENT_KINDS),
            _text("filename", "The file name as it was chosen."),
            _text("media_type", "application/pdf, image/png, ..."),
            Field("size", "int", "Bytes."),
            _text("sha256", "The SHA-256 of the bytes, taken when the file was added."),
            _text("description", "Its description."),
            Field("added_at", "datetime", "When it was added."),
            _text("path", "Where its bytes are in the archive («attachments/1404-07/01-scan.pdf»)."),
        ),
    ),
    Table(
        "follow_ups",
        "پیگیری‌ها",
        "The whole follow-up log of the year's resolutions, even entries made in later years, and "
        "those corrected or voided (see follow_up_corrections): nothing is deleted.",
        "resolution order, then as recorded",
        (
            Field(
                "key",
                "key",
                "«1404-07-03/2»: the resolution's code and the entry's place in its log, as recorded.",
                since=2,
            ),
            Field("resolution", "ref:resolutions", "The resolution followed up."),
            Field("date", "date", "The day of the follow-up."),
            _enum("kind", FollowUpKind, "letter, phone, agency_report, visit or meeting."),
            _text("note", "What was done or learned."),
            Field("progress", "int", "Percent done, as the agency reported.", nullable=True),
            _text("recorded_by", "Who recorded it."),
            Field("document", "ref:attachments", "The document kept with the entry.", nullable=True),
            Field("recorded_at", "datetime", "When it was recorded."),
        ),
    ),
    Table(
        "follow_up_corrections",
        "اصلاح و ابطال پیگیری‌ها",
        "Follow-up entries taken back, with who, when and why: corrected by another entry, or voided. "
        "An entry taken back stays in follow_ups and no longer counts.",
        "the order of the entries taken back",
        (
            Field("entry", "ref:follow_ups", "The entry taken back.", since=2),
            Field(
                "replacement",
                "ref:follow_ups",
                "The entry that corrects it; empty when it was voided.",
                nullable=True,
                since=2,
            ),
            Field("reason", "text", "Why.", since=2),
            Field("recorded_by", "text", "Who took it back.", since=2),
            Field("recorded_at", "datetime", "When.", since=2),
        ),
        since=2,
    ),
    Table(
        "deadline_changes",
        "تغییر مهلت‌ها",
        "Each time a resolution's deadline moved, and why.",
        "resolution order, then as recorded",
        (
            Field("resolution", "ref:resolutions", "The resolution."),
            Field("previous_due", "date", "The deadline before.", nullable=True),
            Field("previous_next_meeting", "bool", "The deadline before was «تا جلسه بعد»."),
            Field("new_due", "date", "The new deadline."),
            _text("reason", "Why."),
            _text("changed_by", "Who changed it."),
            Field("changed_at", "datetime", "When."),
        ),
    ),
)

_MONTHLY_REPORTS: tuple[Table, ...] = (
    Table(
        "indicators",
        "شاخص‌ها",
        "The council's indicators the year's monthly figures are given for, and those the activity "
        "criteria of the year's evaluation total, as the council holds them at export time.",
        "the council's order of its indicators",
        (
            _monthly("key", "key", "«I001»: the indicator's place in that order."),
            _monthly("name", "text", "Its name; unique in any spelling (folded)."),
            _monthly("unit", "text", "Its unit (خبر، ساعت، ...)."),
            Field(
                "kind",
                "enum",
                "count (a whole number), hours (halves allowed) or yesno (1 or 0).",
                choices=tuple(kind.value for kind in IndicatorKind),
                since=MONTHLY,
            ),
            _monthly("required", "bool", "Every report must give it."),
            _monthly("retired", "bool", "No longer asked for (its figures stay)."),
        ),
        since=MONTHLY,
    ),
    Table(
        "report_files",
        "پرونده‌های گزارش ماهانه",
        "The files the agencies sent as their monthly reports (PDF, Word, image). The bytes are in the "
        "archive at «path». A file kept by a correction is listed once.",
        "the order of the first report version that keeps it",
        (
            _monthly("key", "key", "«F0001»: the file's place in that order."),
            _monthly("filename", "text", "The file name as it was chosen."),
            _monthly("media_type", "text", "application/pdf, image/png, a Word document's type, ..."),
            _monthly("size", "int", "Bytes."),
            _monthly("sha256", "text", "The SHA-256 of the bytes, taken when the file was added."),
            _monthly("added_at", "datetime", "When it was added."),
            _monthly(
                "path",
                "text",
                "Where its bytes are in the archive («monthly_reports/1405-07/F0001-mehr.pdf»).",
            ),
        ),
        since=MONTHLY,
    ),
    Table(
        "monthly_reports",
        "گزارش‌های ماهانه",
        "Every version of the agencies' monthly reports of the year: the versions in force, those "
        "corrected (with the version that corrects them and why) and those voided. The versions of a "
        "report belong to the year of its last version: a report first recorded for the wrong year "
        "travels with its correction.",
        "agency key, year, month, then as recorded",
        (
            _monthly(
                "key",
                "key",
                "«A003/1405-07/2»: the agency's key, the month the version is for, and its place among "
                "that agency's versions for that month, as recorded.",
            ),
            _monthly("agency", "ref:agencies", "The agency."),
            _monthly("year", "int", "The Jalali year of the month it covers."),
            _monthly("month", "int", "The Jalali month it covers, 1-12."),
            _monthly("received_on", "date", "When the secretariat received it."),
            _enum("via", Via, "letter, email, in_person or system.", since=MONTHLY),
            _monthly("letter_number", "text", "The agency's letter number."),
            _monthly("letter_date", "date", "The agency's letter date.", nullable=True),
            _monthly("note", "text", "A note."),
            _monthly("file", "ref:report_files", "The file of the report.", nullable=True),
            _monthly("recorded_by", "text", "Who recorded it."),
            _monthly("recorded_at", "datetime", "When it was recorded."),
            _monthly("in_force", "bool", "The version that counts (one per agency and month at most)."),
            _monthly("replaces", "ref:monthly_reports", "The version this one corrects.", nullable=True),
            _monthly("reason", "text", "Why this version corrects the one it replaces."),
            _monthly("voided_reason", "text", "Why it was voided (taken back with nothing in its place)."),
            _monthly("voided_by", "text", "Who voided it."),
            _monthly("voided_at", "datetime", "When it was voided; empty unless voided.", nullable=True),
        ),
        since=MONTHLY,
    ),
    Table(
        "monthly_figures",
        "ارقام گزارش‌های ماهانه",
        "The figure each report version gives for an indicator.",
        "report order, then indicator order",
        (
            _monthly("report", "ref:monthly_reports", "The report version."),
            _monthly("indicator", "ref:indicators", "The indicator."),
            _monthly("value", "number", "The figure: a count, hours, or 1 (yes) / 0 (no)."),
        ),
        since=MONTHLY,
    ),
    Table(
        "monthly_exemptions",
        "معافیت‌های گزارش ماهانه",
        "The months of the year an agency owes no report for, and why (a new member, merged, ...).",
        "agency key, month",
        (
            _monthly("agency", "ref:agencies", "The agency."),
            _monthly("year", "int", "The Jalali year (the archive's)."),
            _monthly("month", "int", "The Jalali month, 1-12."),
            _monthly("reason", "text", "Why."),
            _monthly("recorded_by", "text", "Who recorded it."),
            _monthly("recorded_at", "datetime", "When."),
        ),
        since=MONTHLY,
    ),
)


def _v4(name: str, kind: str, description: str, *, nullable: bool = False) -> Field:
    """A field of the evaluation's or the letter register's tables (schema version 4)."""
    return Field(name, kind, description, nullable=nullable, since=EVALUATION_AND_LETTERS)


def _v4_enum(name: str, choices: tuple[str, ...], description: str) -> Field:
    return Field(name, "enum", description, choices=choices, since=EVALUATION_AND_LETTERS)


_EVALUATION: tuple[Table, ...] = (
    Table(
        "evaluations",
        "ارزیابی سال",
        "The evaluation of the member agencies' PR units whose year is the archive's: none or one row. "
        "A draft is scored from the records as they are; a published one is frozen in "
        "evaluation_results and corrected only by evaluation_amendments.",
        "one row, or none",
        (
            _v4("year", "int", "The Jalali year evaluated (the archive's)."),
            _v4_enum("status", (DRAFT, PUBLISHED), "draft or published."),
            _v4_enum(
                "jury_rule",
                tuple(JURY_RULES),
                "How several evaluators' scores of a criterion become one: mean or median.",
            ),
            _v4("rank_by_category", "bool", "Agencies are ranked within their category too."),
            _v4("published_at", "datetime", "When it was published; empty for a draft.", nullable=True),
            _v4("published_by", "text", "Who published it."),
            Field(
                "ranking_file",
                "text",
                "The ranking as printed in the archive («evaluation/ranking-1404.pdf»).",
                derived=True,
                since=EVALUATION_AND_LETTERS,
            ),
            Field(
                "certificates_file",
                "text",
                "The certificates of the agencies ranked in the top three, dated the day the result was "
                "published («evaluation/certificates-1404.pdf»); empty for a draft.",
                derived=True,
                since=EVALUATION_AND_LETTERS,
            ),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
    Table(
        "evaluation_criteria",
        "معیارهای ارزیابی",
        "The criteria of the year's evaluation, each with its maximum score and where its score comes from.",
        "position",
        (
            _v4("key", "key", "«C01»: the criterion's place in that order."),
            _v4("group_name", "text", "Its group (مشارکت در شورا، ...)."),
            _v4("name", "text", "Its name; unique in the evaluation in any spelling (folded)."),
            _v4("max_score", "number", "Its maximum score (above 0, at most 1,000)."),
            _v4_enum(
                "source",
                tuple(source.value for source in Source),
                "attendance, resolutions, monthly_reports, activity (computed from the records) or "
                "manual (scored by the jury).",
            ),
            _v4(
                "indicator",
                "ref:indicators",
                "An activity criterion: the indicator whose year total it compares; empty otherwise.",
                nullable=True,
            ),
            _v4("position", "int", "Its place on the ranking and the score cards, from 1."),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
    Table(
        "evaluation_tiers",
        "رده‌های ارزیابی",
        "The tiers (ممتاز، برتر، ...): an agency is in the first whose threshold its total reaches.",
        "threshold, highest first, then name",
        (
            _v4("name", "text", "The tier's name; unique in any spelling."),
            _v4("min_score", "number", "The least total that reaches it (0 up to the criteria's total)."),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
    Table(
        "evaluation_exclusions",
        "دستگاه‌های کنارگذاشته",
        "Active members left out of the year's evaluation, and why.",
        "agency key",
        (
            _v4("agency", "ref:agencies", "The agency."),
            _v4("reason", "text", "Why."),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
    Table(
        "jury_scores",
        "امتیازهای داوران",
        "Each evaluator's score of an agency on a criterion scored by the jury (manual).",
        "criterion order, agency key, evaluator (folded)",
        (
            _v4("criterion", "ref:evaluation_criteria", "The criterion (its source manual)."),
            _v4("agency", "ref:agencies", "The agency."),
            _v4("evaluator", "text", "The evaluator's name; once per criterion and agency in any spelling."),
            _v4("score", "number", "The score, from 0 to the criterion's maximum."),
            _v4("note", "text", "The evaluator's note."),
            _v4("recorded_at", "datetime", "When it was last entered."),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
    Table(
        "evaluation_results",
        "نتایج منتشرشده",
        "A published evaluation's scores, frozen when it was published: for every agency taking part, "
        "its score on every criterion and where it came from. A draft has none.",
        "criterion order, then agency key",
        (
            _v4("criterion", "ref:evaluation_criteria", "The criterion."),
            _v4("agency", "ref:agencies", "The agency."),
            _v4("score", "number", "The score as published, from 0 to the criterion's maximum."),
            _v4("explanation", "text", "Where it came from («۲ از ۲ جلسه»، the jury's scores, ...)."),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
    Table(
        "evaluation_amendments",
        "اصلاحیه‌های ارزیابی",
        "Corrections of published scores, each beside the score it replaced: the last one of a score is "
        "the score in force.",
        "when recorded, then as recorded",
        (
            _v4("criterion", "ref:evaluation_criteria", "The criterion."),
            _v4("agency", "ref:agencies", "The agency."),
            _v4(
                "previous_score",
                "number",
                "The score it corrects (the published one, or the previous amendment's).",
            ),
            _v4("score", "number", "The corrected score, from 0 to the criterion's maximum."),
            _v4("reason", "text", "Why."),
            _v4("amended_by", "text", "Who."),
            _v4("amended_at", "datetime", "When."),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
)

_LETTERS: tuple[Table, ...] = (
    Table(
        "letters",
        "نامه‌ها",
        "The letter register of the year (دفتر اندیکاتور): every letter the secretariat issued (out) or "
        "received (in) whose number belongs to the archive's Jalali year, voided ones too: a letter is "
        "never deleted.",
        "direction (out, then in), then sequence",
        (
            _v4(
                "number",
                "key",
                "The secretariat's number («12/ش/1404»: the outgoing letter's, or the incoming letter's "
                "receipt number), Latin digits as stored; unique in the council.",
            ),
            _v4_enum("direction", (OUT, IN), "out (issued) or in (received)."),
            _v4("year", "int", "The Jalali year of its sequence (the archive's)."),
            _v4("seq", "int", "Its place in the year's sequence of its direction, from 1."),
            _v4("date", "date", "Issued on, or received on."),
            _v4_enum(
                "kind",
                tuple(kind.value for kind in LetterKind),
                "invitation, followup, monthly_reminder, communication, certificate, incoming or other.",
            ),
            _v4("agency", "ref:agencies", "The member agency it is to or from.", nullable=True),
            _v4("party", "text", "The recipient or sender as written."),
            _v4("subject", "text", "Its subject."),
            _v4("attachments", "int", "How many attachments it has (پیوست)."),
            _v4_enum(
                "concerns",
                tuple(concern.value for concern in Concerns),
                "What it concerns: meeting, resolutions, monthly, evaluation, letter or other.",
            ),
            _v4(
                "meeting",
                "ref:meetings",
                "The meeting it concerns (a meeting of another year by its key in that year).",
                nullable=True,
            ),
            _v4("report_year", "int", "A letter about a month's report: the month's year.", nullable=True),
            _v4("report_month", "int", "That month, 1-12.", nullable=True),
            _v4(
                "source_key",
                "text",
                "An outgoing letter: what printed it and to whom («communication:12:5»), in the ids of "
                "the database that issued it; a reprint of the same has the same key there.",
            ),
            _v4("their_number", "text", "An incoming letter: the sender's own number."),
            _v4("their_date", "date", "An incoming letter: the sender's date.", nullable=True),
            _v4(
                "answers_letter",
                "ref:letters",
                "An incoming letter: the outgoing letter it answers (one of another year by its number).",
                nullable=True,
            ),
            _v4("recorded_by", "text", "Who registered it."),
            _v4("recorded_at", "datetime", "When it was registered."),
            _v4("voided_reason", "text", "Why it was voided."),
            _v4("voided_by", "text", "Who voided it."),
            _v4("voided_at", "datetime", "When it was voided; empty unless voided.", nullable=True),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
    Table(
        "letter_resolutions",
        "مصوبات نامه‌ها",
        "The resolutions each letter is about: communicated by it, followed up, or answered.",
        "letter order, then resolution code",
        (
            _v4("letter", "ref:letters", "The letter."),
            _v4(
                "resolution",
                "ref:resolutions",
                "The resolution, by its code (a resolution of another year's meeting by its code too).",
            ),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
    Table(
        "letter_documents",
        "پرونده‌های نامه‌ها",
        "The PDF of each outgoing letter as first issued, and the scan of each incoming one. The bytes "
        "are in the archive at «path».",
        "letter order",
        (
            _v4("letter", "ref:letters", "The letter (one document each)."),
            _v4("filename", "text", "The file name as it was kept."),
            _v4("media_type", "text", "application/pdf, image/png, image/jpeg or image/tiff."),
            _v4("size", "int", "Bytes."),
            _v4("sha256", "text", "The SHA-256 of the bytes, taken when the file was kept."),
            _v4("path", "text", "Where its bytes are in the archive («letters/out/12_ش_1404.pdf»)."),
        ),
        since=EVALUATION_AND_LETTERS,
    ),
)


def _v5(name: str, kind: str, description: str, *, derived: bool = False) -> Field:
    """A field of the audit trail's table (schema version 5)."""
    return Field(name, kind, description, derived=derived, since=AUDIT_TRAIL)


_AUDIT: tuple[Table, ...] = (
    Table(
        "audit_entries",
        "سابقه تغییرات",
        "The audit trail of the year (سابقه تغییرات): every change to the records whose time (`at`) falls "
        "in the archive's Jalali year, whoever made it, with the values before and after; append-only. "
        "It names the records as the database that wrote it did (`record` and `about` are that "
        "database's ids, not archive keys): an import keeps them apart from the importing database's "
        "own records («archive:» before them), and an export gives them back as they were.",
        "time, then as written",
        (
            _v5("at", "datetime", "When (to the second, the desk's local time)."),
            _v5("username", "text", "Who: the user's name to sign in; empty on a council without accounts."),
            _v5("user_name", "text", "Their full name at the time."),
            Field(
                "action",
                "enum",
                "create, change, delete, finalize, reopen, publish, amend, void, deactivate, activate, "
                "restore, import, sign_in or sign_in_failed.",
                choices=tuple(ACTION_LABELS),
                since=AUDIT_TRAIL,
            ),
            _v5("action_label", "text", "The action in Persian («ویرایش»).", derived=True),
            _v5(
                "kind", "text", "The kind of record written: its table (meeting, resolution, follow_up, ...)."
            ),
            _v5("kind_label", "text", "The kind in Persian («جلسه»).", derived=True),
            _v5(
                "record",
                "text",
                "The row written, by its id in the database that wrote it (a composite key joined by «:»); "
                "empty for one statement that wrote several rows.",
            ),
            _v5(
                "about_kind",
                "text",
                "The kind of the record a person looks at that the row belongs to (an agenda item: meeting).",
            ),
            _v5("about", "text", "That record's id in the database that wrote it."),
            _v5(
                "changes",
                "text",
                'What changed, as a JSON object: {"field": [before, after]} for a change, {"field": value} '
                "for a creation or an event; dates as ISO text, passwords never.",
            ),
        ),
        since=AUDIT_TRAIL,
    ),
)

# In the order an import checks and writes them.
TABLES: tuple[Table, ...] = (*_REGISTER_AND_MEETINGS, *_MONTHLY_REPORTS, *_EVALUATION, *_LETTERS, *_AUDIT)

TABLE = {table.name: table for table in TABLES}
