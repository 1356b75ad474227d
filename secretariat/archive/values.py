"""The values of an archive's records, checked before anything is written.

``source`` checks that every field is there with a value of its type and
that references point to rows that exist; ``check_values`` checks that the
values make sense, as the app's own forms and rules would have them: dates
in a sane range and in order, numbers from 1 and unique where the app keeps
them unique, statuses that agree with their data, names and required texts
not empty, no control characters, texts within their length, attachments
within the size ``attach`` accepts; and the monthly reports as their
service keeps them (a received date in its month's span and not in the
future, one version in force per agency and month, each correction with its
reason, figures of their indicator's kind); the year's evaluation as its
service keeps it (scores within their criterion's maximum, jury scores only
for criteria the jury scores, results only once published and complete,
each amendment correcting the score then in force) and the letter register
(numbers and sequences of the archive's year, an answer to an outgoing
letter, documents within the size and formats a letter keeps); and the audit trail (entries of the
archive's year, their changes a JSON object). The first bad value refuses the whole
archive with a Persian message that names the record, the table, the row
and the field (``refusal``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase

from db.models import (
    Agency,
    AgendaItem,
    Amendment,
    Assignment,
    Attachment,
    AuditEntry,
    Council,
    DeadlineChange,
    Evaluation,
    EvaluationAmendment,
    EvaluationCriterion,
    EvaluationExclusion,
    EvaluationResult,
    EvaluationTier,
    FollowUp,
    FollowUpCorrection,
    Indicator,
    Invitation,
    JuryScore,
    Letter,
    LetterDocument,
    LetterResolution,
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
from secretariat import clock
from secretariat.archive.layout import LETTERS_FOLDER, MONTHLY_REPORTS_FOLDER
from secretariat.archive.letter_records import IMPORTED_SOURCE
from secretariat.archive.limits import ATTACHMENT_MAX_BYTES, ATTACHMENTS_FOLDER, megabytes
from secretariat.archive.schema import TABLE, TABLES, numbering_fields
from secretariat.errors import DomainError
from secretariat.evaluation.criteria import Source, format_score
from secretariat.evaluation.ranking import rounded
from secretariat.evaluation.service import PUBLISHED
from secretariat.followup.status import ResolutionStatus
from secretariat.letters.numbering import IN, OUT
from secretariat.letters.register import LetterKind
from secretariat.meetings import content
from secretariat.meetings.kinds import AssignmentRole, Attendance, MeetingKind, MeetingSeries, MeetingStatus
from secretariat.meetings.numbering_start import LARGEST_START
from secretariat.monthly import report_file
from secretariat.monthly.indicators import MAX_VALUE, IndicatorKind
from secretariat.monthly.months import MAX_DUE_DAY, Month
from secretariat.persian import jalali
from secretariat.persian.text import fold, to_persian_digits
from secretariat.text_input import limit_of_column

# -- limits -------------------------------------------------------------------------------

# Gregorian dates (and the Jalali years they fall in) an archive's records may carry.
FIRST_YEAR, LAST_YEAR = 1921, 2121
FIRST_JALALI_YEAR, LAST_JALALI_YEAR = 1300, 1500
# A text field with no length of its own (a note, a resolution's text): generous, but bounded.
LONG_TEXT_MAX = 10_000
KEY_MAX = 100  # an archive key or a reference to one («1404-07/2», «R0001»)
MAX_CRITERION_SCORE = 1000  # the most a criterion may be worth, as its form has it
# An entry of the trail keeps every field of a record, each cut at 4,000 characters.
AUDIT_CHANGES_MAX = 400_000
# What a letter's document may be: a PDF or a scan, or what the register kept without a known format.
LETTER_MEDIA_TYPES = (*content.EXTENSIONS, "application/octet-stream")

_MODELS: dict[str, type[DeclarativeBase]] = {
    "council": Council,
    "agencies": Agency,
    "people": Person,
    "representations": Representation,
    "decrees": MembershipDecree,
    "meetings": Meeting,
    "postponements": Postponement,
    "agenda_items": AgendaItem,
    "invitations": Invitation,
    "resolutions": Resolution,
    "assignments": Assignment,
    "amendments": Amendment,
    "attachments": Attachment,
    "follow_ups": FollowUp,
    "follow_up_corrections": FollowUpCorrection,
    "deadline_changes": DeadlineChange,
    "indicators": Indicator,
    "report_files": ReportFile,
    "monthly_reports": MonthlyReport,
    "monthly_figures": MonthlyFigure,
    "monthly_exemptions": MonthlyExemption,
    "evaluations": Evaluation,
    "evaluation_criteria": EvaluationCriterion,
    "evaluation_tiers": EvaluationTier,
    "evaluation_exclusions": EvaluationExclusion,
    "jury_scores": JuryScore,
    "evaluation_results": EvaluationResult,
    "evaluation_amendments": EvaluationAmendment,
    "letters": Letter,
    "letter_resolutions": LetterResolution,
    "letter_documents": LetterDocument,
    "audit_entries": AuditEntry,
}


def text_limit(table: str, field: str) -> int:
    """The most characters ``table.field`` may hold.

    A field typed in a form has the form's limit (``secretariat.text_input``,
    the same table the window and the command line use); any other text the
    length of its database column (``String(200)``: 200), ``KEY_MAX`` for a
    key or reference, else ``LONG_TEXT_MAX``.
    """
    if (table, field) == ("audit_entries", "changes"):
        return AUDIT_CHANGES_MAX
    model = _MODELS[table]
    typed = limit_of_column(str(model.__tablename__), field)
    if typed is not None:
        return typed.limit
    column = model.__table__.columns.get(field)
    if column is not None and isinstance(column.type, String) and column.type.length:
        return int(column.type.length)
    kind = next(f.type for f in TABLE[table].fields if f.name == field)
    if kind == "key" or kind.startswith("ref:"):
        return KEY_MAX
    return LONG_TEXT_MAX


# Control characters: C0 but tab and line breaks, DEL, C1; and halves of a surrogate pair,
# which JSON can spell («\ud800») but no database can store.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAK = re.compile("[\r\n\u2028\u2029]")
_SHA256 = re.compile("^[0-9a-f]{64}$")

# Texts the app never leaves empty: its forms refuse them empty.
REQUIRED = {
    "council": ("name",),
    "agencies": ("name",),
    "people": ("full_name",),
    "decrees": ("number",),
    "postponements": ("reason",),
    "agenda_items": ("title",),
    "resolutions": ("text",),
    "amendments": ("reason", "author"),
    "attachments": ("filename", "media_type", "sha256", "path"),
    "follow_up_corrections": ("reason", "recorded_by"),
    "deadline_changes": ("reason", "changed_by"),
    "indicators": ("name",),
    "report_files": ("filename", "media_type", "sha256", "path"),
    "monthly_exemptions": ("reason",),
    "evaluation_criteria": ("name",),
    "evaluation_tiers": ("name",),
    "evaluation_exclusions": ("reason",),
    "jury_scores": ("evaluator",),
    "evaluation_amendments": ("reason", "amended_by"),
    "letter_documents": ("filename", "media_type", "sha256", "path"),
}
# Names and titles: one line.
SINGLE_LINE = {
    "council": ("name", "city", "chair", "secretary"),
    "agencies": ("name", "short_name"),
    "people": ("full_name", "honorific", "mobile"),
    "meetings": ("venue", "chair"),
    "invitations": ("guest_name", "substitute_name"),
    "attachments": ("filename", "media_type", "sha256", "path"),
    "indicators": ("name", "unit"),
    "report_files": ("filename", "media_type", "sha256", "path"),
    "monthly_reports": ("letter_number", "recorded_by", "voided_by"),
    "monthly_exemptions": ("recorded_by",),
    "evaluations": ("published_by",),
    "evaluation_criteria": ("group_name", "name"),
    "evaluation_tiers": ("name",),
    "jury_scores": ("evaluator",),
    "evaluation_amendments": ("amended_by",),
    "letters": ("number", "their_number", "recorded_by", "voided_by", "source_key"),
    "letter_documents": ("filename", "media_type", "sha256", "path"),
}


# -- naming the record --------------------------------------------------------------------

# The record's Persian name, and the field that tells which one it is.
_RECORD: dict[str, tuple[str, str | None]] = {
    "council": ("شورا", None),
    "agencies": ("دستگاه", "key"),
    "people": ("فرد", "key"),
    "representations": ("سمت", "key"),
    "decrees": ("حکم عضویت سمت", "representation"),
    "meetings": ("جلسه", "key"),
    "postponements": ("تعویق جلسه", "meeting"),
    "agenda_items": ("بند دستور کار", "key"),
    "invitations": ("دعوت جلسه", "meeting"),
    "resolutions": ("مصوبه", "code"),
    "assignments": ("مسئول اجرای مصوبه", "resolution"),
    "amendments": ("اصلاحیه جلسه", "meeting"),
    "attachments": ("پیوست", "key"),
    "follow_ups": ("پیگیری مصوبه", "resolution"),
    "follow_up_corrections": ("اصلاح پیگیری", "entry"),
    "deadline_changes": ("تغییر مهلت مصوبه", "resolution"),
    "indicators": ("شاخص", "key"),
    "report_files": ("پرونده گزارش ماهانه", "key"),
    "monthly_reports": ("گزارش ماهانه", "key"),
    "monthly_figures": ("رقم گزارش ماهانه", "report"),
    "monthly_exemptions": ("معافیت گزارش ماهانه دستگاه", "agency"),
    "evaluations": ("ارزیابی سال", None),
    "evaluation_criteria": ("معیار ارزیابی", "name"),
    "evaluation_tiers": ("رده ارزیابی", "name"),
    "evaluation_exclusions": ("کنار گذاشتن دستگاه", "agency"),
    "jury_scores": ("امتیاز داور", "evaluator"),
    "evaluation_results": ("نتیجه منتشرشده معیار", "criterion"),
    "evaluation_amendments": ("اصلاحیه ارزیابی معیار", "criterion"),
    "letters": ("نامه", "number"),
    "letter_resolutions": ("مصوبه نامه", "letter"),
    "letter_documents": ("پرونده نامه", "letter"),
    "audit_entries": ("سابقه تغییر", "kind"),
}


def shown(value: object, width: int = 40) -> str:
    """A value as a message may quote it: control characters spelled out, cut to ``width``."""
    text = str(value)
    text = _FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", _LINE_BREAK.sub(" ", text))
    return text if len(text) <= width else text[: width - 1] + "…"


def record_name(table: str, row: object) -> str:
    """«جلسه ۱۴۰۴-۰۷»: the record as the secretariat calls it."""
    noun, field = _RECORD.get(table, (table, None))
    if field is None or not isinstance(row, dict):
        return noun
    value = row.get(field)
    if not isinstance(value, str) or not value:
        return noun
    return f"{noun} {to_persian_digits(shown(value))}"


def refusal(where: str, table: str, number: int, field: str | None, problem: str, row: object) -> DomainError:
    """«جلسه ۱۴۰۴-۰۷ (data/records.json، جدول meetings، ردیف ۳، ستون date): ...؛ چیزی وارد نشد.»"""
    place = [where, f"جدول {table}", f"ردیف {to_persian_digits(number)}"]
    if field:
        place.append(f"ستون {field}")
    return DomainError(f"{record_name(table, row)} ({'، '.join(place)}): {problem}؛ چیزی وارد نشد.")


def shown_date(value: dt.date) -> str:
    """A date as a message gives it: Jalali in the sane range, else as the file has it."""
    if FIRST_YEAR <= value.year <= LAST_YEAR:
        return jalali.format_short(value)
    return to_persian_digits(f"{value.year:04d}/{value.month:02d}/{value.day:02d}")


# -- the checks ---------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, field: str | None, problem: str):
        self.field = field
        self.problem = problem


def _fail(field: str | None, problem: str) -> None:
    raise _Refused(field, problem)


class _RefusedElsewhere(_Refused):
    """A check made after a table that refuses a row of another table."""

    def __init__(self, table: str, number: int, field: str | None, problem: str):
        super().__init__(field, problem)
        self.table = table
        self.number = number


TypedRow = dict[str, Any]
Rows = dict[str, list[TypedRow]]


def check_values(
    where: str, year: int, council: TypedRow, tables: Rows, *, today: dt.date | None = None
) -> None:
    """Refuse the first record whose values the app would never have written (see the module)."""
    checker = _Checker(tables, today or clock.today())
    if not FIRST_JALALI_YEAR <= year <= LAST_JALALI_YEAR:
        raise DomainError(
            f"بایگانی ({where}) از سال {to_persian_digits(year)} است؛ سال باید میان "
            f"{to_persian_digits(FIRST_JALALI_YEAR)} و {to_persian_digits(LAST_JALALI_YEAR)} باشد. "
            "چیزی وارد نشد."
        )
    checker.year = year
    for table in TABLES:
        rows = [council] if table.name == "council" else tables[table.name]
        specific = checker.specific.get(table.name)
        for number, row in enumerate(rows, start=1):
            try:
                _check_fields(table.name, row)
                if specific is not None:
                    specific(row)
            except _Refused as refused:
                raise refusal(where, table.name, number, refused.field, refused.problem, row) from None
        try:
            checker.after_table(table.name)
        except _RefusedElsewhere as refused:
            row = tables[refused.table][refused.number - 1]
            raise refusal(where, refused.table, refused.number, refused.field, refused.problem, row) from None


def _check_fields(table: str, row: TypedRow) -> None:
    """What every field of its type must be: text clean and within its length, dates in range."""
    required = REQUIRED.get(table, ())
    single = SINGLE_LINE.get(table, ())
    for field in TABLE[table].fields:
        if field.derived:
            continue
        value = row[field.name]
        if isinstance(value, str):
            bad = _FORBIDDEN.search(value)
            if bad:
                _fail(
                    field.name,
                    f"نویسه کنترلی U+{ord(bad.group()):04X} در متن «{shown(value)}» پذیرفتنی نیست",
                )
            if field.name in single and _LINE_BREAK.search(value):
                _fail(field.name, f"«{shown(value)}» باید یک سطر باشد")
            limit = text_limit(table, field.name)
            if len(value) > limit:
                _fail(
                    field.name,
                    f"متن {to_persian_digits(len(value))} نویسه است؛ بیش از {to_persian_digits(limit)} "
                    "نویسه پذیرفتنی نیست",
                )
            if field.name in required and not fold(value):
                _fail(field.name, "خالی است")
        elif isinstance(value, dt.date):  # a datetime too
            if not FIRST_YEAR <= value.year <= LAST_YEAR:
                _fail(field.name, f"تاریخ {shown_date(value)} پذیرفتنی نیست")


def _at_least(field: str, value: int | None, least: int) -> None:
    if value is not None and value < least:
        _fail(field, f"عدد {to_persian_digits(value)} پذیرفتنی نیست (کمترین {to_persian_digits(least)})")


class _Checker:
    """The checks of each table's rows; what they compare with is gathered first."""

    def __init__(self, tables: Rows, today: dt.date):
        self.tables = tables
        self.today = today
        self.year = 0
        self.meetings = {row["key"]: row for row in tables["meetings"]}
        self.resolutions = {row["code"]: row for row in tables["resolutions"]}
        self.follow_ups = {row["key"]: row for row in tables["follow_ups"]}
        self.indicator_kinds = {row["key"]: IndicatorKind(row["kind"]) for row in tables["indicators"]}
        # A report version -> the version that corrects it (the first, should two claim it).
        self.corrected_by: dict[str, str] = {}
        for row in tables["monthly_reports"]:
            if row["replaces"] is not None:
                self.corrected_by.setdefault(row["replaces"], row["key"])
        self.evaluation = tables["evaluations"][0] if tables["evaluations"] else None
        self.criteria = {row["key"]: row for row in tables["evaluation_criteria"]}
        self.results: dict[tuple[str, str], float] = {}  # (criterion, agency) -> the score in force
        self.letters = {row["number"]: row for row in tables["letters"]}
        self.seen: dict[str, set[tuple[Any, ...]]] = {}
        self.leads: dict[str, int] = {}
        unknown: dict[str, int] = {}
        for row in tables["invitations"]:
            if row["agency"] is not None and row["attendance"] == Attendance.UNKNOWN.value:
                unknown[row["meeting"]] = unknown.get(row["meeting"], 0) + 1
        self.attendance_unknown = unknown
        self.specific: dict[str, Callable[[TypedRow], None]] = {
            "council": self.council,
            "agencies": self.agency,
            "representations": self.representation,
            "decrees": self.decree,
            "meetings": self.meeting,
            "agenda_items": self.agenda_item,
            "invitations": self.invitation,
            "resolutions": self.resolution,
            "assignments": self.assignment,
            "amendments": self.amendment,
            "attachments": self.attachment,
            "follow_ups": self.follow_up,
            "follow_up_corrections": self.follow_up_correction,
            "deadline_changes": self.deadline_change,
            "indicators": self.indicator,
            "report_files": self.report_file,
            "monthly_reports": self.monthly_report,
            "monthly_figures": self.monthly_figure,
            "monthly_exemptions": self.monthly_exemption,
            "evaluations": self.evaluation_row,
            "evaluation_criteria": self.criterion,
            "evaluation_tiers": self.tier,
            "evaluation_exclusions": self.exclusion,
            "jury_scores": self.jury_score,
            "evaluation_results": self.result,
            "evaluation_amendments": self.evaluation_amendment,
            "letters": self.letter,
            "letter_resolutions": self.letter_resolution,
            "letter_documents": self.letter_document,
            "audit_entries": self.audit_entry,
        }

    def unique(self, kind: str, field: str, value: tuple[Any, ...], problem: str) -> None:
        seen = self.seen.setdefault(kind, set())
        if value in seen:
            _fail(field, problem)
        seen.add(value)

    def meeting_date(self, key: str) -> dt.date:
        date: dt.date = self.meetings[key]["date"]
        return date

    def not_before_meeting(self, field: str, value: dt.date | None, meeting: str) -> None:
        if value is not None and value < self.meeting_date(meeting):
            _fail(
                field,
                f"تاریخ {shown_date(value)} پیش از تاریخ جلسه ({shown_date(self.meeting_date(meeting))}) است",
            )

    # -- the register

    def council(self, row: TypedRow) -> None:
        _at_least("quorum_count", row["quorum_count"], 1)
        for series in MeetingSeries:
            number, year_number = numbering_fields(series)
            _at_least(number, row[number], 1)
            _at_least(year_number, row[year_number], 1)
            if row[number] > LARGEST_START:
                _fail(number, f"شماره {to_persian_digits(row[number])} برای نخستین جلسه پذیرفتنی نیست")
            if row[year_number] > row[number]:
                _fail(year_number, "شماره در سال از شماره کل نخستین جلسه بیشتر است")
        due_day = row["monthly_due_day"]
        if not 1 <= due_day <= MAX_DUE_DAY:
            _fail(
                "monthly_due_day",
                f"روز مهلت {to_persian_digits(due_day)} پذیرفتنی نیست "
                f"(از ۱ تا {to_persian_digits(MAX_DUE_DAY)})",
            )

    def agency(self, row: TypedRow) -> None:
        self.unique(
            "agency-name", "name", (fold(row["name"]),), f"نام «{shown(row['name'])}» را دستگاه دیگری دارد"
        )

    def representation(self, row: TypedRow) -> None:
        if row["end_date"] is not None and row["end_date"] < row["start_date"]:
            _fail("end_date", "پایان سمت پیش از آغاز آن است")

    def decree(self, row: TypedRow) -> None:
        if row["term_end"] is not None and row["term_end"] < row["issued_on"]:
            _fail("term_end", "پایان دوره حکم پیش از تاریخ صدور آن است")

    # -- meetings

    def meeting(self, row: TypedRow) -> None:
        status = MeetingStatus(row["status"])
        series = MeetingKind(row["kind"]).series
        date: dt.date = row["date"]
        if jalali.jalali_year(date) != row["jalali_year"]:
            _fail(
                "jalali_year",
                f"تاریخ {shown_date(date)} در سال {to_persian_digits(row['jalali_year'])} نیست",
            )
        for field in ("number", "year_number"):
            if row[field] is None and status is not MeetingStatus.CANCELLED:
                _fail(field, "جلسه‌ای که لغو نشده شماره دارد؛ شماره آن نیست")
            _at_least(field, row[field], 1)
        if row["number"] is not None:
            self.unique(
                "meeting-number",
                "number",
                (series, row["number"]),
                f"شماره {to_persian_digits(row['number'])} را جلسه دیگری از همین رشته دارد",
            )
        if row["year_number"] is not None:
            self.unique(
                "meeting-year-number",
                "year_number",
                (series, row["year_number"]),
                f"شماره {to_persian_digits(row['year_number'])} در سال را جلسه دیگری از همین رشته دارد",
            )
        start, end = row["start_time"], row["end_time"]
        if start is not None and end is not None and end <= start:
            _fail("end_time", "پایان جلسه پیش از آغاز آن است")
        if status.numbers_frozen and date > self.today:
            _fail("date", f"جلسه برگزارشده در {shown_date(date)} است که هنوز نرسیده")
        if status is MeetingStatus.CANCELLED and not fold(row["cancel_reason"]):
            _fail("cancel_reason", "جلسه لغوشده دلیل لغو ندارد")
        if status is MeetingStatus.FINALIZED:
            if row["finalized_at"] is None:
                _fail("finalized_at", "صورتجلسه نهایی زمان نهایی شدن ندارد")
            unknown = self.attendance_unknown.get(row["key"], 0)
            if unknown:
                _fail(
                    "status",
                    f"صورتجلسه نهایی است اما حضور و غیاب {to_persian_digits(unknown)} دستگاه دعوت‌شده "
                    "ثبت نشده است",
                )

    def agenda_item(self, row: TypedRow) -> None:
        _at_least("position", row["position"], 1)
        self.unique(
            "agenda-position",
            "position",
            (row["meeting"], row["position"]),
            f"بند {to_persian_digits(row['position'])} در دستور کار همین جلسه دوبار آمده است",
        )

    def invitation(self, row: TypedRow) -> None:
        if row["agency"] is None:
            if not fold(row["guest_name"]):
                _fail("guest_name", "دعوت نه دستگاه دارد و نه نام مهمان")
        else:
            self.unique(
                "invitation",
                "agency",
                (row["meeting"], row["agency"]),
                f"دستگاه {to_persian_digits(row['agency'])} دو بار به همین جلسه دعوت شده است",
            )

    # -- resolutions

    def resolution(self, row: TypedRow) -> None:
        meeting = self.meetings[row["meeting"]]
        if not MeetingStatus(meeting["status"]).numbers_frozen:
            _fail("meeting", "مصوبه از جلسه‌ای است که برگزار نشده")
        _at_least("number", row["number"], 1)
        self.unique(
            "resolution-number",
            "number",
            (row["meeting"], row["number"]),
            f"شماره {to_persian_digits(row['number'])} را مصوبه دیگری از همین جلسه دارد",
        )
        self.not_before_meeting("due_date", row["due_date"], row["meeting"])
        status = ResolutionStatus(row["status"])
        if status is ResolutionStatus.DONE and not fold(row["completion_evidence"]):
            _fail("completion_evidence", "مصوبه انجام‌شده مستند انجام ندارد")
        if status is ResolutionStatus.CANCELLED and not fold(row["status_note"]):
            _fail("status_note", "مصوبه لغوشده دلیل لغو ندارد")
        if status.closed and row["closed_on"] is None:
            _fail("closed_on", f"مصوبه «{status.label}» تاریخ بسته شدن ندارد")
        if not status.closed and row["closed_on"] is not None:
            _fail("closed_on", f"مصوبه «{status.label}» بسته نشده اما تاریخ بسته شدن دارد")

    def assignment(self, row: TypedRow) -> None:
        self.unique(
            "assignment",
            "agency",
            (row["resolution"], row["agency"]),
            f"دستگاه {to_persian_digits(row['agency'])} دو بار مسئول همین مصوبه است",
        )
        if row["role"] == AssignmentRole.LEAD.value:
            self.leads[row["resolution"]] = self.leads.get(row["resolution"], 0) + 1
            if self.leads[row["resolution"]] > 1:
                _fail("role", "مصوبه بیش از یک مسئول اجرا دارد")

    def amendment(self, row: TypedRow) -> None:
        needs = "agenda_item" if row["field"] == "item_summary" else "resolution"
        if row[needs] is None:
            _fail(needs, f"اصلاحیه «{row['field']}» نمی‌گوید چه چیزی را اصلاح کرده است")

    def attachment(self, row: TypedRow) -> None:
        size = row["size"]
        if size < 1:
            _fail("size", "پیوست خالی پذیرفتنی نیست")
        if size > ATTACHMENT_MAX_BYTES:
            _fail(
                "size",
                f"پیوست {megabytes(size)} مگابایت است؛ پیوست بزرگ‌تر از {megabytes(ATTACHMENT_MAX_BYTES)} "
                "مگابایت پذیرفتنی نیست",
            )
        if not _SHA256.match(row["sha256"]):
            _fail("sha256", "چکیده SHA-256 نیست")
        if not row["path"].startswith(ATTACHMENTS_FOLDER):
            _fail("path", f"پیوست‌ها در پوشه {ATTACHMENTS_FOLDER} بایگانی‌اند، نه «{shown(row['path'])}»")
        if row["kind"] == "signed_minutes":
            meeting = self.meetings[row["meeting"]]
            if meeting["status"] != MeetingStatus.FINALIZED.value:
                _fail("kind", "نسخه امضاشده صورتجلسه‌ای است که نهایی نشده")

    # -- follow-up

    def follow_up(self, row: TypedRow) -> None:
        resolution = self.resolutions[row["resolution"]]
        self.not_before_meeting("date", row["date"], resolution["meeting"])
        progress = row["progress"]
        if progress is not None and not 0 <= progress <= 100:
            _fail("progress", f"پیشرفت {to_persian_digits(progress)} درصد پذیرفتنی نیست (از ۰ تا ۱۰۰)")

    def follow_up_correction(self, row: TypedRow) -> None:
        entry, replacement = row["entry"], row["replacement"]
        self.unique(
            "taken-back",
            "entry",
            (entry,),
            f"پیگیری {to_persian_digits(shown(entry))} دو بار اصلاح یا باطل شده است",
        )
        if replacement is None:
            return
        if replacement == entry:
            _fail("replacement", "پیگیری اصلاحیه خودش است")
        self.unique(
            "replacement",
            "replacement",
            (replacement,),
            f"پیگیری {to_persian_digits(shown(replacement))} اصلاحیه دو پیگیری است",
        )
        if self.follow_ups[replacement]["resolution"] != self.follow_ups[entry]["resolution"]:
            _fail("replacement", "اصلاحیه از مصوبه دیگری است")

    def deadline_change(self, row: TypedRow) -> None:
        resolution = self.resolutions[row["resolution"]]
        self.not_before_meeting("new_due", row["new_due"], resolution["meeting"])

    # -- monthly reports

    def indicator(self, row: TypedRow) -> None:
        self.unique(
            "indicator-name", "name", (fold(row["name"]),), f"نام «{shown(row['name'])}» را شاخص دیگری دارد"
        )

    def report_file(self, row: TypedRow) -> None:
        self.file_size(row["size"])
        if not _SHA256.match(row["sha256"]):
            _fail("sha256", "چکیده SHA-256 نیست")
        if row["media_type"] not in report_file.ACCEPTED:
            _fail("media_type", f"«{shown(row['media_type'])}» پرونده PDF، Word یا تصویر نیست")
        if not row["path"].startswith(MONTHLY_REPORTS_FOLDER):
            _fail(
                "path",
                f"پرونده‌های گزارش ماهانه در پوشه {MONTHLY_REPORTS_FOLDER} بایگانی‌اند، "
                f"نه «{shown(row['path'])}»",
            )

    def monthly_report(self, row: TypedRow) -> None:
        month = self.month(row)
        key = row["key"]
        corrected_by = self.corrected_by.get(key)
        if corrected_by is None and row["year"] != self.year:
            _fail(
                "year",
                f"گزارش از سال {to_persian_digits(row['year'])} است و بایگانی از سال "
                f"{to_persian_digits(self.year)}",
            )
        received: dt.date = row["received_on"]
        if received < month.first_day:
            _fail("received_on", f"گزارش {month.label} پیش از آغاز آن ماه ({shown_date(received)}) رسیده است")
        if received > self.today:
            _fail("received_on", f"تاریخ دریافت {shown_date(received)} هنوز نرسیده است")
        letter_date = row["letter_date"]
        if letter_date is not None and letter_date > received:
            _fail("letter_date", "تاریخ نامه پس از تاریخ دریافت است")
        replaces = row["replaces"]
        if replaces is not None:
            if replaces == key:
                _fail("replaces", "گزارش اصلاحیه خودش است")
            self.unique(
                "report-corrected",
                "replaces",
                (replaces,),
                f"گزارش {to_persian_digits(shown(replaces))} دو بار اصلاح شده است",
            )
            if not fold(row["reason"]):
                _fail("reason", "اصلاحیه دلیل ندارد")
        voided = row["voided_at"] is not None
        if voided and not fold(row["voided_reason"]):
            _fail("voided_reason", "گزارش باطل‌شده دلیل ابطال ندارد")
        if row["in_force"] and (voided or corrected_by is not None):
            _fail("in_force", "گزارشی که اصلاح یا باطل شده در جریان نیست")
        if not row["in_force"] and not voided and corrected_by is None:
            _fail("in_force", "گزارش نه در جریان است، نه اصلاح شده و نه باطل")
        if voided and corrected_by is not None:
            _fail("voided_at", "گزارش باطل‌شده اصلاحیه‌ای ندارد")
        if row["in_force"]:
            self.unique(
                "report-in-force",
                "in_force",
                (row["agency"], row["year"], row["month"]),
                f"برای {month.label} همین دستگاه دو گزارش در جریان است",
            )

    def monthly_figure(self, row: TypedRow) -> None:
        self.unique(
            "figure",
            "indicator",
            (row["report"], row["indicator"]),
            f"رقم شاخص {to_persian_digits(shown(row['indicator']))} در همین گزارش دو بار آمده است",
        )
        value: float = row["value"]
        kind = self.indicator_kinds[row["indicator"]]
        if not 0 <= value <= MAX_VALUE:
            _fail(
                "value",
                f"رقم {to_persian_digits(shown(value))} پذیرفتنی نیست (صفر یا بیشتر، تا اندازه‌ای معقول)",
            )
        if kind is IndicatorKind.COUNT and not value.is_integer():
            _fail("value", f"رقم {to_persian_digits(shown(value))} برای شاخص شمار درست نیست")
        if kind is IndicatorKind.YESNO and value not in (0, 1):
            _fail("value", f"رقم {to_persian_digits(shown(value))} برای شاخص بله/خیر ۰ یا ۱ نیست")

    def monthly_exemption(self, row: TypedRow) -> None:
        month = self.month(row)
        if row["year"] != self.year:
            _fail(
                "year",
                f"معافیت از سال {to_persian_digits(row['year'])} است و بایگانی از سال "
                f"{to_persian_digits(self.year)}",
            )
        self.unique(
            "exemption",
            "month",
            (row["agency"], row["month"]),
            f"{month.label} همین دستگاه دو بار معاف شده است",
        )

    def month(self, row: TypedRow) -> Month:
        if not 1 <= row["month"] <= 12:
            _fail("month", f"ماه {to_persian_digits(row['month'])} پذیرفتنی نیست (از ۱ تا ۱۲)")
        if not FIRST_JALALI_YEAR <= row["year"] <= LAST_JALALI_YEAR:
            _fail("year", f"سال {to_persian_digits(row['year'])} پذیرفتنی نیست")
        return Month(row["year"], row["month"])

    def file_size(self, size: int) -> None:
        if size < 1:
            _fail("size", "پرونده خالی پذیرفتنی نیست")
        if size > ATTACHMENT_MAX_BYTES:
            _fail(
                "size",
                f"پرونده {megabytes(size)} مگابایت است؛ پرونده بزرگ‌تر از {megabytes(ATTACHMENT_MAX_BYTES)} "
                "مگابایت پذیرفتنی نیست",
            )

    def versions_in_order(self) -> None:
        """Every chain of corrections goes back to a first version: none goes round in a circle."""
        replaces = {row["key"]: row["replaces"] for row in self.tables["monthly_reports"]}
        settled: set[str] = set()
        for number, row in enumerate(self.tables["monthly_reports"], start=1):
            path: list[str] = []
            key: str | None = row["key"]
            while key is not None and key not in settled:
                if key in path:
                    raise _RefusedElsewhere("monthly_reports", number, "replaces", "زنجیره اصلاح‌ها دور می‌زند")
                path.append(key)
                key = replaces[key]
            settled.update(path)

    # -- the evaluation

    def in_evaluation(self) -> TypedRow:
        if self.evaluation is None:
            _fail(None, "ارزیابی سال در بایگانی نیست؛ جدول evaluations خالی است")
        assert self.evaluation is not None
        return self.evaluation

    def evaluation_row(self, row: TypedRow) -> None:
        self.unique("evaluation", "year", (), "بایگانی بیش از یک ارزیابی دارد")
        if row["year"] != self.year:
            _fail(
                "year",
                f"ارزیابی از سال {to_persian_digits(row['year'])} است و بایگانی از سال "
                f"{to_persian_digits(self.year)}",
            )
        published_at = row["published_at"]
        if row["status"] == PUBLISHED:
            if published_at is None:
                _fail("published_at", "ارزیابی منتشرشده زمان انتشار ندارد")
            if not fold(row["published_by"]):
                _fail("published_by", "ارزیابی منتشرشده نام منتشرکننده ندارد")
        elif published_at is not None:
            _fail("published_at", "ارزیابی پیش‌نویس منتشر نشده اما زمان انتشار دارد")

    def criterion(self, row: TypedRow) -> None:
        self.in_evaluation()
        self.unique(
            "criterion-name",
            "name",
            (fold(row["name"]),),
            f"نام «{shown(row['name'])}» را معیار دیگری از همین ارزیابی دارد",
        )
        if not 0 < row["max_score"] <= MAX_CRITERION_SCORE:
            _fail(
                "max_score",
                f"بیشینه امتیاز {shown(format_score(row['max_score']))} پذیرفتنی نیست "
                f"(بیش از ۰ و تا {format_score(MAX_CRITERION_SCORE)})",
            )
        _at_least("position", row["position"], 1)
        self.unique(
            "criterion-position",
            "position",
            (row["position"],),
            f"جای {to_persian_digits(row['position'])} را معیار دیگری دارد",
        )
        activity = Source(row["source"]) is Source.ACTIVITY
        if activity and row["indicator"] is None:
            _fail("indicator", "معیار شاخص فعالیت نمی‌گوید جمع کدام شاخص را می‌سنجد")
        if not activity and row["indicator"] is not None:
            _fail("indicator", f"معیار «{Source(row['source']).label}» شاخصی ندارد")

    def tier(self, row: TypedRow) -> None:
        self.in_evaluation()
        self.unique(
            "tier-name", "name", (fold(row["name"]),), f"نام «{shown(row['name'])}» را رده دیگری دارد"
        )
        total = sum(criterion["max_score"] for criterion in self.criteria.values())
        self.score_within("min_score", row["min_score"], total)

    def exclusion(self, row: TypedRow) -> None:
        self.in_evaluation()
        self.unique(
            "exclusion",
            "agency",
            (row["agency"],),
            f"دستگاه {to_persian_digits(row['agency'])} دو بار کنار گذاشته شده است",
        )

    def jury_score(self, row: TypedRow) -> None:
        criterion = self.criteria[row["criterion"]]
        if Source(criterion["source"]).computed:
            _fail("criterion", f"«{shown(criterion['name'])}» از سوابق حساب می‌شود و امتیاز داور نمی‌گیرد")
        self.score_within("score", row["score"], criterion["max_score"])
        self.unique(
            "jury-score",
            "evaluator",
            (row["criterion"], row["agency"], fold(row["evaluator"])),
            f"«{shown(row['evaluator'])}» به همین دستگاه در همین معیار دو بار امتیاز داده است",
        )

    def result(self, row: TypedRow) -> None:
        if self.in_evaluation()["status"] != PUBLISHED:
            _fail("criterion", "ارزیابی پیش‌نویس نتیجه منتشرشده ندارد")
        self.score_within("score", row["score"], self.criteria[row["criterion"]]["max_score"])
        cell = (row["criterion"], row["agency"])
        self.unique("result", "agency", cell, "نتیجه همین دستگاه در همین معیار دو بار آمده است")
        self.results[cell] = row["score"]

    def results_complete(self) -> None:
        """A published evaluation froze a score of every criterion for every agency taking part."""
        for number, row in enumerate(self.tables["evaluation_results"], start=1):
            missing = [c for c in self.criteria if (c, row["agency"]) not in self.results]
            if missing:
                raise _RefusedElsewhere(
                    "evaluation_results",
                    number,
                    "agency",
                    f"دستگاه {to_persian_digits(row['agency'])} در معیار {to_persian_digits(missing[0])} "
                    "نتیجه منتشرشده ندارد",
                )

    def evaluation_amendment(self, row: TypedRow) -> None:
        if self.in_evaluation()["status"] != PUBLISHED:
            _fail("criterion", "ارزیابی پیش‌نویس اصلاحیه ندارد؛ امتیازهای آن خود تغییر می‌کنند")
        cell = (row["criterion"], row["agency"])
        if cell not in self.results:
            _fail("agency", "این دستگاه در این معیار نتیجه منتشرشده‌ای ندارد که اصلاح شود")
        maximum = self.criteria[row["criterion"]]["max_score"]
        self.score_within("previous_score", row["previous_score"], maximum)
        self.score_within("score", row["score"], maximum)
        in_force = self.results[cell]
        if rounded(row["previous_score"]) != rounded(in_force):
            _fail(
                "previous_score",
                f"امتیاز پیشین {format_score(row['previous_score'])} است اما امتیاز در جریان "
                f"{format_score(in_force)} بود",
            )
        self.results[cell] = row["score"]

    @staticmethod
    def score_within(field: str, value: float, maximum: float) -> None:
        if not 0 <= rounded(value) <= rounded(maximum):
            _fail(
                field,
                f"امتیاز {shown(format_score(value))} پذیرفتنی نیست (از ۰ تا {format_score(maximum)})",
            )

    # -- the letter register

    def letter(self, row: TypedRow) -> None:
        year: int = row["year"]
        if year != self.year:
            _fail(
                "year",
                f"نامه از سال {to_persian_digits(year)} است و بایگانی از سال {to_persian_digits(self.year)}",
            )
        date: dt.date = row["date"]
        if jalali.jalali_year(date) != year:
            _fail("date", f"تاریخ {shown_date(date)} در سال {to_persian_digits(year)} نیست")
        _at_least("seq", row["seq"], 1)
        _at_least("attachments", row["attachments"], 0)
        direction = row["direction"]
        self.unique(
            "letter-seq",
            "seq",
            (direction, row["seq"]),
            f"ردیف {to_persian_digits(row['seq'])} را نامه دیگری از همین سو دارد",
        )
        incoming = direction == IN
        if incoming != (row["kind"] == LetterKind.INCOMING.value):
            _fail("kind", f"نامه «{LetterKind(row['kind']).label}» با سوی نامه ({direction}) نمی‌خواند")
        if incoming and date > self.today:
            _fail("date", f"تاریخ دریافت {shown_date(date)} هنوز نرسیده است")
        their_date = row["their_date"]
        if their_date is not None and their_date > date:
            _fail("their_date", "تاریخ نامه پس از تاریخ دریافت آن است")
        month, month_year = row["report_month"], row["report_year"]
        if (month is None) != (month_year is None):
            _fail("report_month", "ماه گزارش بی‌سال یا سال آن بی‌ماه آمده است")
        if month is not None and not 1 <= month <= 12:
            _fail("report_month", f"ماه {to_persian_digits(month)} پذیرفتنی نیست (از ۱ تا ۱۲)")
        if month_year is not None and not FIRST_JALALI_YEAR <= month_year <= LAST_JALALI_YEAR:
            _fail("report_year", f"سال {to_persian_digits(month_year)} پذیرفتنی نیست")
        answered = row["answers_letter"]
        if answered is not None:
            if not incoming:
                _fail("answers_letter", "تنها نامه وارده پاسخ نامه‌ای است")
            if answered == row["number"]:
                _fail("answers_letter", "نامه پاسخ خودش است")
            if answered in self.letters and self.letters[answered]["direction"] != OUT:
                _fail("answers_letter", "نامه پاسخ‌داده‌شده باید از نامه‌های صادره باشد")
        if len(row["source_key"]) + len(IMPORTED_SOURCE) > text_limit("letters", "source_key"):
            _fail(
                "source_key", f"متن {to_persian_digits(len(row['source_key']))} نویسه است؛ بلندتر از اندازه"
            )
        if row["voided_at"] is not None and not fold(row["voided_reason"]):
            _fail("voided_reason", "نامه باطل‌شده دلیل ابطال ندارد")

    def letter_resolution(self, row: TypedRow) -> None:
        self.unique(
            "letter-resolution",
            "resolution",
            (row["letter"], row["resolution"]),
            f"مصوبه {to_persian_digits(shown(row['resolution']))} دو بار به همین نامه پیوند دارد",
        )

    def letter_document(self, row: TypedRow) -> None:
        self.unique("letter-document", "letter", (row["letter"],), "نامه دو پرونده دارد")
        self.file_size(row["size"])
        if not _SHA256.match(row["sha256"]):
            _fail("sha256", "چکیده SHA-256 نیست")
        if row["media_type"] not in LETTER_MEDIA_TYPES:
            _fail("media_type", f"«{shown(row['media_type'])}» پرونده PDF یا تصویر نیست")
        if not row["path"].startswith(LETTERS_FOLDER):
            _fail("path", f"پرونده‌های نامه‌ها در پوشه {LETTERS_FOLDER} بایگانی‌اند، نه «{shown(row['path'])}»")

    # -- the audit trail

    def audit_entry(self, row: TypedRow) -> None:
        at: dt.datetime = row["at"]
        if jalali.jalali_year(at.date()) != self.year:
            _fail(
                "at", f"سابقه از {shown_date(at.date())} است و بایگانی از سال {to_persian_digits(self.year)}"
            )
        for field in ("record", "about"):
            if len(row[field]) + len(IMPORTED_SOURCE) > text_limit("audit_entries", field):
                _fail(field, f"«{shown(row[field])}» بلندتر از اندازه است")
        try:
            changes = json.loads(row["changes"])
        except ValueError:
            changes = None
        if not isinstance(changes, dict):
            _fail("changes", f"«{shown(row['changes'])}» شیء JSON نیست")

    def after_table(self, table: str) -> None:
        if table == "evaluation_results":
            self.results_complete()
        if table == "monthly_reports":
            self.versions_in_order()
        if table == "assignments":
            for number, row in enumerate(self.tables["resolutions"], start=1):
                if row["code"] not in self.leads:
                    raise _RefusedElsewhere("resolutions", number, None, "مصوبه مسئول اجرا ندارد")
