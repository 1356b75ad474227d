"""The values of an archive's records, checked before anything is written.

``source`` checks that every field is there with a value of its type and
that references point to rows that exist; ``check_values`` checks that the
values make sense, as the app's own forms and rules would have them: dates
in a sane range and in order, numbers from 1 and unique where the app keeps
them unique, statuses that agree with their data, names and required texts
not empty, no control characters, texts within their length, attachments
within the size ``attach`` accepts. The first bad value refuses the whole
archive with a Persian message that names the record, the table, the row
and the field (``refusal``).
"""

from __future__ import annotations

import datetime as dt
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
    Council,
    DeadlineChange,
    FollowUp,
    FollowUpCorrection,
    Invitation,
    Meeting,
    MembershipDecree,
    Person,
    Postponement,
    Representation,
    Resolution,
)
from secretariat import clock
from secretariat.archive.limits import ATTACHMENT_MAX_BYTES, ATTACHMENTS_FOLDER, megabytes
from secretariat.archive.schema import TABLE, TABLES, numbering_fields
from secretariat.errors import DomainError
from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.kinds import AssignmentRole, Attendance, MeetingKind, MeetingSeries, MeetingStatus
from secretariat.meetings.numbering_start import LARGEST_START
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
}


def text_limit(table: str, field: str) -> int:
    """The most characters ``table.field`` may hold.

    A field typed in a form has the form's limit (``secretariat.text_input``,
    the same table the window and the command line use); any other text the
    length of its database column (``String(200)``: 200), ``KEY_MAX`` for a
    key or reference, else ``LONG_TEXT_MAX``.
    """
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
}
# Names and titles: one line.
SINGLE_LINE = {
    "council": ("name", "city", "chair", "secretary"),
    "agencies": ("name", "short_name"),
    "people": ("full_name", "honorific", "mobile"),
    "meetings": ("venue", "chair"),
    "invitations": ("guest_name", "substitute_name"),
    "attachments": ("filename", "media_type", "sha256", "path"),
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

    def after_table(self, table: str) -> None:
        if table == "assignments":
            for number, row in enumerate(self.tables["resolutions"], start=1):
                if row["code"] not in self.leads:
                    raise _RefusedElsewhere("resolutions", number, None, "مصوبه مسئول اجرا ندارد")
