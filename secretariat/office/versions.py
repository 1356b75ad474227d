"""Record versions: a save from a window that read an older version is refused, never written over.

Agencies, people, meetings and resolutions carry a ``version`` that every
save of their row raises (SQLAlchemy's ``version_id_col``, migration 0014).
The records the services hand out carry it too; an edit made from one
passes it back as ``expected_version``, and ``check`` refuses the save with
a ``ConflictError`` when another desk saved the row since, naming who and
when from the audit trail. Two saves at the very same moment slip past the
check (both read the same version): the second one's UPDATE then matches
no row, SQLAlchemy raises ``StaleDataError``, and ``Database.transaction``
turns it into the same refusal (``install``, ``flushing`` and ``refusal`` below).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import InstanceState, Session, sessionmaker

from db.models import Agency, AuditEntry, Meeting, Person, Resolution
from secretariat import clock
from secretariat.errors import ConflictError
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

Versioned = Agency | Person | Meeting | Resolution
ReadVersion = tuple[type[Versioned], int, int | None]  # a row's model and id, and the version read
_FLUSHING = "secretariat.versions.flushing"  # the session's info key for ``flushing``
# Who changed a record, when the trail does not say (a council without accounts).
OTHER_DESK = "میز دیگری"
CONFLICT_MESSAGE = (
    "این رکورد را {who} در ساعت {when} تغییر داده است؛ آخرین نسخه نمایش داده شد. "
    "تغییرات خود را دوباره وارد کنید."
)


def check(session: Session, record: Versioned, expected_version: int | None) -> None:
    """Refuse the save (``ConflictError``, nothing written) when ``record`` is no longer at
    ``expected_version``, the version the window read; None: the caller read nothing to compare."""
    if expected_version is not None and record.version != expected_version:
        raise conflict(session, record.__tablename__, record.id)


def touch(record: Versioned) -> None:
    """Raise the row's version although none of its own columns changed (what belongs to it did:
    a resolution's agencies), so that a window that read it before is refused as for any change."""
    record.updated_at = func.current_timestamp()  # the database's clock, as on any other save


def conflict(session: Session, kind: str, record_id: int) -> ConflictError:
    """The refusal of a save over the row ``kind``/``record_id`` that another desk changed."""
    last = session.execute(
        select(AuditEntry.user_name, AuditEntry.username, AuditEntry.at)
        .where(AuditEntry.kind == kind, AuditEntry.record == str(record_id))
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if last is not None:
        user_name, username, at = last
        return ConflictError(message(user_name or username, at))
    return ConflictError(message("", None))  # changed before the trail was kept, or by a bulk statement


def message(who: str, at: dt.datetime | None) -> str:
    """«این رکورد را {who} در ساعت ۱۴:۳۵ تغییر داده است؛ …» (with the Jalali day when not today)."""
    when = at or clock.now().replace(tzinfo=None)
    time = to_persian_digits(f"{when.hour:02d}:{when.minute:02d}")
    if when.date() != clock.today():
        time = f"{time} روز {jalali.format_short(when.date())}"
    return CONFLICT_MESSAGE.format(who=who.strip() or OTHER_DESK, when=time)


def install(factory: sessionmaker[Session]) -> None:
    """Before each flush of the sessions ``factory`` makes, note the versioned rows it writes and
    the versions read (``flushing``): should the flush fail on one another desk saved meanwhile,
    the session has forgotten them by the time the refusal is made."""

    def before_flush(session: Session, _context: object, _instances: object) -> None:
        session.info[_FLUSHING] = _read_versions([*session.dirty, *session.deleted])

    event.listen(factory, "before_flush", before_flush)


def flushing(session: Session) -> list[ReadVersion]:
    """The versioned rows the session's last flush wrote, with the versions it had read."""
    return list(session.info.get(_FLUSHING, ()))


def _read_versions(records: Iterable[object]) -> list[ReadVersion]:
    found: list[ReadVersion] = []
    for record in records:
        if isinstance(record, Agency | Person | Meeting | Resolution):
            state: InstanceState[Versioned] = inspect(record)
            if state.identity is not None:
                found.append((type(record), state.identity[0], state.dict.get("version")))
    return found


def refusal(session: Session, candidates: Sequence[ReadVersion]) -> ConflictError:
    """The refusal of a save that found a row it read changed (``StaleDataError``): the row whose
    version moved since, named with who moved it; another desk's, if none can be told."""
    for model, record_id, version in candidates:
        now = session.scalar(select(model.version).where(model.id == record_id))
        if now != version:
            return conflict(session, model.__tablename__, record_id)
    return ConflictError(message("", None))
