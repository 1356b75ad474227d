"""How an entry of the audit trail reads: for the audit browser, a record's history, the printed
trail and the command line alike.

The trail keeps values as JSON (``audit._value``): dates as ISO text, codes of
statuses and kinds, ids. Here they read as a person reads them: Jalali dates
and times, Persian digits, «بله»/«خیر», the Persian label of a status or a
kind, and each field by its Persian name (``FIELD_LABELS``) where it has
one. ``change_lines`` gives every field of an entry (before and after, for a
change); ``summary`` one short line of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from secretariat.followup.status import FollowUpKind, ResolutionStatus
from secretariat.letters.register import Concerns, LetterKind
from secretariat.meetings.kinds import AssignmentRole, Attendance, MeetingKind, MeetingSeries, MeetingStatus
from secretariat.meetings.kinds import Priority as ResolutionPriority
from secretariat.members.agencies import AgencyCategory
from secretariat.members.council import CouncilLevel, QuorumRule
from secretariat.members.roles import Role as RepresentationRole
from secretariat.monthly.reports import Via
from secretariat.office.audit import FIELD_LABELS, AuditRow
from secretariat.office.roles import Role as UserRole
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

EMPTY = "—"
YES, NO = "بله", "خیر"
# «مهلت: از ۱۴۰۴/۰۳/۰۱ به ۱۴۰۴/۰۴/۰۱»: in words, not an arrow, which bidi turns round beside a
# Latin value (an e-mail changed) and the bundled font does not draw on paper.
BECAME = "{label}: از {before} به {after}"
AN_ID = "شناسه {id}"
ROWS = "{rows} ردیف با یک دستور"
SUMMARY_LIMIT = 140
VALUE_LIMIT = 60  # a value in the summary: a resolution's text is cut, the details have it whole

# What a person typed in Latin on purpose, or a code: left as it is.
LATIN_FIELDS = frozenset(
    {"email", "website", "username", "filename", "media_type", "sha256", "phones", "phone", "mobile"}
)
# Codes and numbers that look like a date or a time but are not one («1404-07-03»: a resolution).
CODE_FIELDS = frozenset({"code", "number", "key", "letter_number", "their_number", "source_key", "record"})
# The field that names a record when it is created, by preference.
NAMING_FIELDS = ("name", "full_name", "title", "text", "subject", "username", "reason", "note", "code")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$")
_TIME = re.compile(r"^(\d{2}):(\d{2})(:\d{2})?$")


class _Labelled(Protocol):
    @property
    def label(self) -> str: ...


def _labels(kind: Callable[[str], _Labelled]) -> Callable[[str], str]:
    """The label of a code of the enum ``kind``; a code it does not know, as it is."""

    def label(value: str) -> str:
        try:
            return kind(value).label
        except ValueError:
            return value

    return label


# Records that are themselves a change of another's value (a deadline moved, a text amended): their
# creation reads as that change. kind -> (the field before, the field after, the field naming it).
_CHANGE_RECORDS = {
    "deadline_change": ("previous_due", "new_due", ""),
    "amendment": ("original", "amended", "field"),
}
# What an amendment corrects (``Amendment.field``), and a meeting's files (``Attachment.kind``).
_AMENDED = {"resolution_text": "متن مصوبه", "due_date": "مهلت", "item_summary": "خلاصه مذاکرات"}
_ATTACHMENT_KINDS = {
    "signed_minutes": "نسخه امضاشده صورتجلسه",
    "document": "سند جلسه",
    "followup_document": "سند پیگیری",
}
# Made by the app, not typed (the finalized minutes as printed): said to be there, not shown.
_KEPT_WHOLE = frozenset({"minutes_snapshot"})
KEPT = "‹ذخیره شد›"

# The codes of a kind's field, by the label the rest of the app gives them: (kind, field) -> label.
_VALUE_LABELS: dict[tuple[str, str], Callable[[str], str]] = {
    ("meeting", "status"): _labels(MeetingStatus),
    ("meeting", "kind"): _labels(MeetingKind),
    ("meeting", "series"): _labels(MeetingSeries),
    ("invitation", "attendance"): _labels(Attendance),
    ("resolution", "status"): _labels(ResolutionStatus),
    ("resolution", "priority"): _labels(ResolutionPriority),
    ("assignment", "role"): _labels(AssignmentRole),
    ("follow_up", "kind"): _labels(FollowUpKind),
    ("representation", "role"): _labels(RepresentationRole),
    ("user_account", "role"): _labels(UserRole),
    ("agency", "category"): _labels(AgencyCategory),
    ("council", "level"): _labels(CouncilLevel),
    ("council", "quorum_rule"): _labels(QuorumRule),
    ("letter", "kind"): _labels(LetterKind),
    ("letter", "concerns"): _labels(Concerns),
    ("letter", "direction"): {"out": "صادره", "in": "وارده"}.get,  # type: ignore[dict-item]
    ("monthly_report", "via"): _labels(Via),
    ("amendment", "field"): _AMENDED.get,  # type: ignore[dict-item]
    ("attachment", "kind"): _ATTACHMENT_KINDS.get,  # type: ignore[dict-item]
}


@dataclass(frozen=True)
class ChangeLine:
    """One field of an entry: before and after for a change, the value alone otherwise."""

    field: str
    label: str
    before: str  # empty unless ``changed``
    after: str
    changed: bool


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def when(at: dt.datetime) -> str:
    """«۱۴۰۴/۰۲/۱۰ ۱۴:۳۰»"""
    return f"{jalali.format_short(at.date())} {to_persian_digits(f'{at:%H:%M}')}"


def shown_value(kind: str, field: str, value: object) -> str:
    """A value of the trail as a person reads it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if field in _KEPT_WHOLE:
        return KEPT
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int | float):
        number = int(value) if isinstance(value, float) and value.is_integer() else value
        if field.endswith("_id"):
            return AN_ID.format(id=to_persian_digits(number))
        return to_persian_digits(f"{number}٪" if field == "progress" else number)
    text = str(value)
    labelled = _VALUE_LABELS.get((kind, field))
    if labelled is not None:
        return labelled(text) or text
    if field in LATIN_FIELDS:
        return text
    if field in CODE_FIELDS:
        return to_persian_digits(text)
    if _DATE.match(text):
        try:
            return jalali.format_short(dt.date.fromisoformat(text))
        except ValueError:
            return to_persian_digits(text)
    moment = _DATE_TIME.match(text)
    if moment:
        try:
            day = dt.date.fromisoformat(moment.group(1))
        except ValueError:
            return to_persian_digits(text)
        return f"{jalali.format_short(day)} {to_persian_digits(f'{moment.group(2)}:{moment.group(3)}')}"
    clock_time = _TIME.match(text)
    if clock_time:
        return to_persian_digits(f"{clock_time.group(1)}:{clock_time.group(2)}")
    return to_persian_digits(text)


def change_lines(row: AuditRow) -> list[ChangeLine]:
    """Every field the entry keeps, in the order of the Persian names known, then the others."""
    changes: Mapping[str, object] = row.changes
    is_change = row.action not in ("create", "amend") and all(
        isinstance(value, list) and len(value) == 2 for value in changes.values()
    )
    lines = []
    for field in sorted(changes, key=_field_order):
        value = changes[field]
        if is_change and isinstance(value, list):
            before, after = (shown_value(row.kind, field, v) for v in value)
            lines.append(ChangeLine(field, field_label(field), before, after, changed=True))
        elif field == "rows" and isinstance(value, int):
            lines.append(ChangeLine(field, field_label(field), "", to_persian_digits(value), changed=False))
        else:
            lines.append(
                ChangeLine(field, field_label(field), "", shown_value(row.kind, field, value), changed=False)
            )
    return lines


def summary(row: AuditRow, limit: int = SUMMARY_LIMIT) -> str:
    """One line of what the entry changed: «مهلت: از ۱۴۰۴/۰۳/۰۱ به ۱۴۰۴/۰۴/۰۱؛ وضعیت: …», or what a
    new record is called («مقرر شد …»)."""
    lines = change_lines(row)
    if not lines:
        return ""
    if set(row.changes) == {"rows"}:
        return ROWS.format(rows=to_persian_digits(row.changes["rows"]))
    changed = [line for line in lines if line.changed]
    if changed:
        parts = [
            BECAME.format(label=line.label, before=_cut(line.before), after=_cut(line.after))
            for line in changed
        ]
    elif row.kind in _CHANGE_RECORDS and row.action in ("create", "amend"):
        before, after, naming_field = _CHANGE_RECORDS[row.kind]
        shown = {line.field: line.after for line in lines}
        label = shown.get(naming_field) or field_label(after)
        parts = [
            BECAME.format(
                label=label, before=_cut(shown.get(before, EMPTY)), after=_cut(shown.get(after, EMPTY))
            )
        ]
        if "reason" in shown:
            parts.append(f"{field_label('reason')}: {_cut(shown['reason'])}")
    else:
        naming = next((line for name in NAMING_FIELDS for line in lines if line.field == name), None)
        if naming is not None:
            return _cut(f"«{_cut(naming.after)}»", limit)
        parts = [f"{line.label}: {_cut(line.after)}" for line in lines[:3]]
    return _cut("؛ ".join(parts), limit)


def _field_order(field: str) -> tuple[int, str]:
    names = list(FIELD_LABELS)
    return (names.index(field), field) if field in FIELD_LABELS else (len(names), field)


def _cut(text: str, limit: int = VALUE_LIMIT) -> str:
    text = " ".join(text.split())  # a text of several lines reads on one
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
