"""The audit trail: every change to the records, with who made it and when, append-only.

``install`` hooks the writing sessions: after each flush, one ``AuditEntry``
per record written (created, changed with its old and new values, deleted),
named by what a person would call it (``finalize``, ``void``, ``deactivate`` …),
and tied to the record a person looks at (an agenda item to its meeting).
A bulk statement run on the session leaves one entry for the statement.
Nothing in the app updates or deletes an entry; the trail is read back by
``AuditService`` (the audit browser, a record's history, ``audit list``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, event, func, insert, inspect, or_, select
from sqlalchemy.orm import AttributeState, ORMExecuteState, Session, sessionmaker

from db.models import AuditEntry, EvaluationCriterion, FollowUp, Representation
from secretariat import clock
from secretariat.office import access
from secretariat.office.roles import Permission, SignedIn, require

# Rows that are not records of their own (the trail's own, the desks' news, files' bytes).
SILENT_KINDS = frozenset({"audit_entry", "desk_change", "attachment_content", "report_file_content"})
# Fields no person changes (stamps, versions, sort and search keys): left out of a change's values.
QUIET_FIELDS = frozenset(
    {
        "created_at",
        "updated_at",
        "version",
        "search_text",
        "name_key",
        "text_key",
        "lead_key",
        "evaluator_key",
    }
)
SECRET_FIELDS = frozenset({"password_hash"})
SECRET = "‹محرمانه›"
_OWN_ENTRY = "secretariat.office.audit.own_entry"
_TEXT_LIMIT = 4000  # a value longer than this (a pasted book) is kept cut, with its length said

KIND_LABELS = {
    "council": "شورا",
    "council_setting": "تنظیمات شورا",
    "series_start": "شماره‌گذاری جلسات",
    "agency": "دستگاه",
    "person": "فرد",
    "representation": "سمت نماینده",
    "membership_decree": "حکم عضویت",
    "meeting": "جلسه",
    "meeting_postponement": "تعویق جلسه",
    "agenda_item": "دستور جلسه",
    "invitation": "دعوت و حضور",
    "attachment": "پیوست جلسه",
    "resolution": "مصوبه",
    "assignment": "مسئول اجرای مصوبه",
    "amendment": "اصلاحیه مصوبه",
    "follow_up": "پیگیری",
    "follow_up_correction": "اصلاح پیگیری",
    "deadline_change": "تغییر مهلت",
    "indicator": "شاخص گزارش ماهانه",
    "monthly_report": "گزارش ماهانه",
    "monthly_figure": "رقم گزارش ماهانه",
    "monthly_exemption": "معافیت گزارش ماهانه",
    "report_file": "پرونده گزارش ماهانه",
    "evaluation": "ارزیابی سالانه",
    "evaluation_criterion": "شاخص ارزیابی",
    "evaluation_tier": "سطح‌بندی ارزیابی",
    "evaluation_exclusion": "کنار گذاشتن از ارزیابی",
    "jury_score": "امتیاز داوری",
    "evaluation_result": "نتیجه ارزیابی",
    "evaluation_amendment": "اصلاحیه ارزیابی",
    "letter": "نامه",
    "letter_resolution": "پیوند نامه و مصوبه",
    "letter_document": "سند نامه",
    "user_account": "کاربر",
    "database": "پایگاه داده",  # a backup restored over it (``record_event``)
    "archive": "بایگانی سالانه",  # a year's archive imported (``record_event``)
}

ACTION_LABELS = {
    "create": "ثبت",
    "change": "ویرایش",
    "delete": "حذف",
    "finalize": "نهایی کردن",
    "reopen": "بازگشایی",
    "publish": "انتشار",
    "amend": "اصلاحیه",
    "void": "ابطال",
    "deactivate": "غیرفعال کردن",
    "activate": "فعال کردن",
    "restore": "بازگرداندن پشتیبان",
    "import": "ورود بایگانی",
    "sign_in": "ورود",
    "sign_in_failed": "ورود ناموفق",
}

# The fields a person reads in a change, by their Persian names (the rest by their own).
FIELD_LABELS = {
    "name": "نام",
    "full_name": "نام و نام خانوادگی",
    "short_name": "نام کوتاه",
    "honorific": "عنوان احترام",
    "title": "عنوان",
    "text": "متن",
    "code": "کد",
    "number": "شماره",
    "year_number": "شماره در سال",
    "kind": "نوع",
    "status": "وضعیت",
    "status_note": "یادداشت وضعیت",
    "date": "تاریخ",
    "due_date": "مهلت",
    "due_next_meeting": "تا جلسه بعد",
    "priority": "اولویت",
    "closed_on": "تاریخ بستن",
    "completion_evidence": "مستند انجام",
    "subject": "موضوع",
    "party": "طرف نامه",
    "progress": "درصد پیشرفت",
    "note": "یادداشت",
    "notes": "یادداشت‌ها",
    "summary": "خلاصه",
    "description": "شرح",
    "reason": "دلیل",
    "role": "نقش",
    "active": "فعال",
    "chair": "رئیس",
    "secretary": "دبیر",
    "city": "شهر",
    "venue": "محل",
    "occasion": "مناسبت",
    "start_time": "ساعت آغاز",
    "end_time": "ساعت پایان",
    "cancel_reason": "دلیل لغو",
    "position": "ردیف",
    "attendance": "حضور",
    "excuse": "عذر",
    "substitute_name": "جانشین",
    "guest_name": "نام مهمان",
    "guest_title": "سمت مهمان",
    "guest_organization": "سازمان مهمان",
    "agency_id": "دستگاه",
    "host_agency_id": "دستگاه میزبان",
    "presenter_agency_id": "دستگاه ارائه‌دهنده",
    "person_id": "فرد",
    "attendee_person_id": "حاضر",
    "meeting_id": "جلسه",
    "resolution_id": "مصوبه",
    "agenda_item_id": "بند دستور",
    "category": "دسته",
    "parent_ministry": "وزارتخانه بالادست",
    "address": "نشانی",
    "phones": "تلفن‌ها",
    "phone": "تلفن",
    "mobile": "تلفن همراه",
    "email": "رایانامه",
    "website": "وبگاه",
    "joined_on": "تاریخ پیوستن",
    "start_date": "آغاز دوره",
    "end_date": "پایان دوره",
    "issued_on": "تاریخ صدور",
    "issued_by": "صادرکننده",
    "term_end": "پایان حکم",
    "from_date": "از تاریخ",
    "to_date": "به تاریخ",
    "previous_due": "مهلت پیشین",
    "new_due": "مهلت",
    "original": "متن پیشین",
    "amended": "متن اصلاح‌شده",
    "field": "بخش اصلاح‌شده",
    "author": "نویسنده",
    "recorded_by": "ثبت‌کننده",
    "recorded_at": "زمان ثبت",
    "changed_by": "تغییردهنده",
    "changed_at": "زمان تغییر",
    "finalized_by": "نهایی‌کننده",
    "finalized_at": "زمان نهایی شدن",
    "signed_at": "زمان امضا",
    "voided_reason": "دلیل ابطال",
    "voided_by": "باطل‌کننده",
    "voided_at": "زمان ابطال",
    "published_by": "منتشرکننده",
    "published_at": "زمان انتشار",
    "amended_by": "اصلاح‌کننده",
    "amended_at": "زمان اصلاح",
    "received_on": "تاریخ دریافت",
    "letter_number": "شماره نامه",
    "letter_date": "تاریخ نامه",
    "their_number": "شماره نامه فرستنده",
    "their_date": "تاریخ نامه فرستنده",
    "direction": "صادره/وارده",
    "attachments": "پیوست‌ها",
    "in_force": "معتبر",
    "via": "راه رسیدن",
    "year": "سال",
    "month": "ماه",
    "value": "مقدار",
    "unit": "یکا",
    "score": "امتیاز",
    "previous_score": "امتیاز پیشین",
    "evaluator": "داور",
    "filename": "نام پرونده",
    "media_type": "نوع پرونده",
    "size": "اندازه",
    "sha256": "چکیده SHA-256",
    "added_at": "زمان افزودن",
    "attachment_id": "پیوست",
    "follow_up_id": "پیگیری",
    "replacement_id": "پیگیری جایگزین",
    "letter_id": "نامه",
    "report_id": "گزارش",
    "indicator_id": "شاخص",
    "representation_id": "سمت",
    "deferred_to_meeting_id": "ارجاع به جلسه",
    "answers_letter_id": "پاسخ به نامه",
    "seq": "ردیف در سال",
    "concerns": "درباره",
    "reviews_open_resolutions": "بررسی مصوبات باز",
    "minutes_snapshot": "صورتجلسه نهایی",
    "username": "نام کاربری",
    "user_name": "نام کاربر",
    "password_hash": "گذرواژه",
    "failed_sign_ins": "ورودهای ناموفق",
    "retry_after": "ورود دوباره پس از",
    "level": "سطح شورا",
    "is_demo": "نمونه",
    "jalali_year": "سال جلسه",
    "series": "رشته شماره‌ها",
    "quorum_rule": "قاعده حد نصاب",
    "quorum_count": "حد نصاب",
    "rows": "ردیف‌ها",
    "source": "پرونده",
    "meetings": "جلسه‌ها",
    "resolutions": "مصوبه‌ها",
    "letters": "نامه‌ها",
    "entries": "سابقه‌های تغییر",
}

# Rows shown in the history of the record they belong to: kind -> (that record's kind, its key field).
_BELONGS_TO = {
    "meeting_postponement": ("meeting", "meeting_id"),
    "agenda_item": ("meeting", "meeting_id"),
    "invitation": ("meeting", "meeting_id"),
    "attachment": ("meeting", "meeting_id"),
    "assignment": ("resolution", "resolution_id"),
    "amendment": ("resolution", "resolution_id"),
    "follow_up": ("resolution", "resolution_id"),
    "deadline_change": ("resolution", "resolution_id"),
    "letter_resolution": ("resolution", "resolution_id"),
    "letter_document": ("letter", "letter_id"),
    "representation": ("agency", "agency_id"),
    "monthly_figure": ("monthly_report", "report_id"),
    "evaluation_criterion": ("evaluation", "evaluation_id"),
    "evaluation_tier": ("evaluation", "evaluation_id"),
    "evaluation_exclusion": ("evaluation", "evaluation_id"),
    "evaluation_amendment": ("evaluation", "evaluation_id"),
}


def install(factory: sessionmaker[Session], user: Callable[[], SignedIn | None]) -> None:
    """Write the trail of every save the sessions ``factory`` makes."""

    def after_flush(session: Session, _context: object) -> None:
        if access.is_signing_in(session) or writes_own_entry(session):
            return  # the sign-in's bookkeeping, an archive imported: each writes its own entry
        signed_in = user()
        rows = [
            row
            for row in (
                *(_created(session, record) for record in session.new),
                *(_changed(session, record) for record in session.dirty if session.is_modified(record)),
                *(_deleted(session, record) for record in session.deleted),
            )
            if row is not None
        ]
        if rows:
            stamp = _stamp(signed_in)
            session.connection().execute(insert(AuditEntry), [{**stamp, **row} for row in rows])

    def do_orm_execute(state: ORMExecuteState) -> None:
        if not (state.is_update or state.is_delete or state.is_insert):
            return
        table = getattr(state.statement, "table", None)
        kind = getattr(table, "name", "")
        if not kind or kind in SILENT_KINDS:
            return
        if access.is_signing_in(state.session) or writes_own_entry(state.session):
            return
        action = "create" if state.is_insert else "delete" if state.is_delete else "change"
        parameters = state.parameters
        if isinstance(parameters, Sequence):
            changes: dict[str, Any] = {"rows": len(parameters)}
        else:
            statement: Any = state.statement
            values = {
                **statement.compile(dialect=state.session.get_bind().dialect).params,
                **(parameters or {}),
            }
            columns = set(getattr(table, "c", {}).keys())
            # The values set, not the WHERE clause's (``status_1``: a bound parameter of it).
            changes = {key: _value(key, value) for key, value in values.items() if key in columns}
            if state.is_update and all(key in QUIET_FIELDS for key in changes.keys() & columns):
                return  # sort or search keys brought up to date: nobody changed anything
        row = {
            "action": action,
            "kind": kind,
            "record": "",
            "about_kind": kind,
            "about": "",
            "changes": changes,
        }
        state.session.connection().execute(insert(AuditEntry), [{**_stamp(user()), **_json(row)}])

    event.listen(factory, "after_flush", after_flush)
    event.listen(factory, "do_orm_execute", do_orm_execute)


def own_entry(session: Session) -> None:
    """This save says what it did in one entry of its own (``record_event``: an archive imported),
    not in one entry per row written."""
    session.info[_OWN_ENTRY] = True


def writes_own_entry(session: Session) -> bool:
    return bool(session.info.get(_OWN_ENTRY))


def record_event(
    session: Session,
    user: SignedIn | None,
    action: str,
    kind: str,
    record: str = "",
    changes: Mapping[str, Any] | None = None,
) -> None:
    """An entry for what is not a row written (a restore, an archive imported, a sign-in)."""
    row = {"action": action, "kind": kind, "record": record, "about_kind": kind, "about": record}
    session.connection().execute(
        insert(AuditEntry), [{**_stamp(user), **_json({**row, "changes": dict(changes or {})})}]
    )


# -- reading the trail --------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditQuery:
    username: str = ""
    kind: str = ""  # the row's kind or the kind of the record it belongs to
    record: str = ""  # with ``kind``: that record and what belongs to it
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    user_name: str
    action: str
    kind: str
    record: str
    about_kind: str
    about: str
    changes: Mapping[str, Any]

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def who(self) -> str:
        return self.user_name or self.username or "—"


class AuditService:
    """The trail read back: filtered, newest first, paged in the database.

    The whole trail (``page``, ``count``, ``usernames``) is the secretary's to read
    (``Permission.AUDIT``); the history of one record is everyone's.
    """

    def __init__(self, database: Any):
        self._db = database

    def page(
        self, query: AuditQuery = AuditQuery(), *, offset: int = 0, limit: int | None = 200
    ) -> list[AuditRow]:
        self._require_reading(query)
        # By time, as the rows read: an archive's entries, imported later, fall in their years.
        statement = (
            _filtered(select(AuditEntry), query)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .offset(offset)
        )
        if limit is not None:
            statement = statement.limit(limit)
        with self._db.reading() as session:
            return [_row(entry) for entry in session.scalars(statement)]

    def count(self, query: AuditQuery = AuditQuery()) -> int:
        self._require_reading(query)
        with self._db.reading() as session:
            return session.scalar(_filtered(select(func.count(AuditEntry.id)), query)) or 0

    def history(self, kind: str, record_id: int | str) -> list[AuditRow]:
        """What happened to one record and to what belongs to it, oldest first."""
        key = str(record_id)
        statement = (
            select(AuditEntry)
            .where(
                or_(
                    and_(AuditEntry.about_kind == kind, AuditEntry.about == key),
                    and_(AuditEntry.kind == kind, AuditEntry.record == key),
                )
            )
            .order_by(AuditEntry.at, AuditEntry.id)
        )
        with self._db.reading() as session:
            return [_row(entry) for entry in session.scalars(statement)]

    def usernames(self) -> list[str]:
        self._require_reading(AuditQuery())
        with self._db.reading() as session:
            return list(session.scalars(select(AuditEntry.username).distinct().order_by(AuditEntry.username)))

    def last_change(self, kind: str, record_id: int | str) -> AuditRow | None:
        """The newest entry about a record (who changed it last, and when)."""
        history = self.history(kind, record_id)
        return history[-1] if history else None

    def _require_reading(self, query: AuditQuery) -> None:
        """Refuse the whole trail to a role without ``Permission.AUDIT``; a query about one
        record (its kind and its key) is that record's history, which every role reads."""
        if query.kind and query.record:
            return
        require(self._db.desk.user, self._db.desk.accounts_exist, Permission.AUDIT)


def _filtered(statement: Select[Any], query: AuditQuery) -> Select[Any]:
    if query.username:
        statement = statement.where(AuditEntry.username == query.username.strip())
    if query.kind and query.record:
        statement = statement.where(
            or_(
                and_(AuditEntry.about_kind == query.kind, AuditEntry.about == query.record),
                and_(AuditEntry.kind == query.kind, AuditEntry.record == query.record),
            )
        )
    elif query.kind:
        statement = statement.where(or_(AuditEntry.kind == query.kind, AuditEntry.about_kind == query.kind))
    elif query.record:
        statement = statement.where(or_(AuditEntry.record == query.record, AuditEntry.about == query.record))
    if query.start is not None:
        statement = statement.where(AuditEntry.at >= dt.datetime.combine(query.start, dt.time()))
    if query.end is not None:
        statement = statement.where(
            AuditEntry.at < dt.datetime.combine(query.end + dt.timedelta(days=1), dt.time())
        )
    return statement


def _row(entry: AuditEntry) -> AuditRow:
    try:
        changes = json.loads(entry.changes or "{}")
    except ValueError:
        changes = {}
    return AuditRow(
        id=entry.id,
        at=entry.at,
        username=entry.username,
        user_name=entry.user_name,
        action=entry.action,
        kind=entry.kind,
        record=entry.record,
        about_kind=entry.about_kind,
        about=entry.about,
        changes=changes,
    )


# -- writing ------------------------------------------------------------------------------------


def _stamp(user: SignedIn | None) -> dict[str, Any]:
    return {
        "at": clock.now().replace(tzinfo=None, microsecond=0),
        "username": user.username if user is not None else "",
        "user_name": user.full_name if user is not None else "",
    }


def _kind(record: object) -> str:
    table = getattr(record, "__tablename__", "")
    return table if isinstance(table, str) else ""


def _key(record: object) -> str:
    state = inspect(record)
    identity = state.identity or state.mapper.primary_key_from_instance(record)
    return ":".join(str(part) for part in identity if part is not None)


def _about(session: Session, kind: str, record: object, key: str) -> tuple[str, str]:
    if kind in _BELONGS_TO:
        owner, field = _BELONGS_TO[kind]
        return owner, str(getattr(record, field, "") or "")
    if kind == "follow_up_correction":
        entry = session.get(FollowUp, getattr(record, "follow_up_id", None))
        return ("resolution", str(entry.resolution_id)) if entry is not None else (kind, key)
    if kind == "membership_decree":
        held = session.get(Representation, getattr(record, "representation_id", None))
        return ("agency", str(held.agency_id)) if held is not None else (kind, key)
    if kind in ("jury_score", "evaluation_result"):
        criterion = session.get(EvaluationCriterion, getattr(record, "criterion_id", None))
        return ("evaluation", str(criterion.evaluation_id)) if criterion is not None else (kind, key)
    return kind, key


def _entry(
    session: Session, record: object, action: str, changes: Mapping[str, Any]
) -> dict[str, Any] | None:
    kind = _kind(record)
    if not kind or kind in SILENT_KINDS:
        return None
    key = _key(record)
    about_kind, about = _about(session, kind, record, key)
    row = {"action": action, "kind": kind, "record": key, "about_kind": about_kind, "about": about}
    return _json({**row, "changes": dict(changes)})


def _column_states(record: object) -> list[AttributeState]:
    """The record's columns' states: its relationships (a resolution's assignments) are
    records of their own, with entries of their own."""
    state = inspect(record)
    columns = {prop.key for prop in state.mapper.column_attrs}
    return [attr for attr in state.attrs if attr.key in columns]


def _created(session: Session, record: object) -> dict[str, Any] | None:
    values = {
        attr.key: _value(attr.key, attr.value)
        for attr in _column_states(record)
        if attr.key not in QUIET_FIELDS and attr.key != "id" and attr.value not in (None, "", b"")
    }
    action = "amend" if _kind(record) in ("amendment", "evaluation_amendment") else "create"
    return _entry(session, record, action, values)


def _changed(session: Session, record: object) -> dict[str, Any] | None:
    changes: dict[str, Any] = {}
    for attr in _column_states(record):
        history = attr.history
        if attr.key in QUIET_FIELDS or not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old == new:
            continue
        changes[attr.key] = [_value(attr.key, old), _value(attr.key, new)]
    if not changes:
        return None
    return _entry(session, record, _action_of(changes), changes)


def _deleted(session: Session, record: object) -> dict[str, Any] | None:
    return _entry(session, record, "delete", {})


def _action_of(changes: Mapping[str, Any]) -> str:
    if "status" in changes:
        old, new = changes["status"]
        if new == "finalized":
            return "finalize"
        if old == "finalized":
            return "reopen"
        if new == "published":
            return "publish"
    if "voided_at" in changes and changes["voided_at"][1] is not None:
        return "void"
    if "active" in changes:
        return "activate" if changes["active"][1] else "deactivate"
    return "change"


def _value(field: str, value: object) -> object:
    """A value as the trail keeps it (JSON): dates as ISO text, bytes by their size, secrets hidden."""
    if field in SECRET_FIELDS:
        return SECRET
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return f"‹{len(bytes(value))} بایت›"
    text = str(value)
    if len(text) > _TEXT_LIMIT:
        return text[:_TEXT_LIMIT] + f"… ‹{len(text)} نویسه›"
    return text


def _json(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "changes": json.dumps(row["changes"], ensure_ascii=False, sort_keys=True)}
