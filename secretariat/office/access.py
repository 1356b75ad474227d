"""What every save checks and fills in for the shared office, whichever door it came through.

Hooked on the writing sessions by ``secretariat.database.Database``:

- ``before_flush``: each record about to be written needs a permission
  (``permission_for``: finalizing minutes, publishing an evaluation, user
  accounts, or plain editing); a role without it, or nobody signed in on a
  council that has accounts, refuses the whole save with a Persian message;
- the same ``before_flush`` puts the signed-in user's name in the fields that
  say who did something (``recorded_by``, ``finalized_by`` …), over anything
  typed: the trail of who did what is not typed text once people sign in;
- ``do_orm_execute``: a bulk statement (``update()``, ``delete()``, ``insert()``
  run on the session) needs plain editing.

A save the sign-in itself makes (counting a failed password) is let through
with ``signing_in(session)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from db.models import Amendment, Evaluation, EvaluationAmendment, Meeting, UserAccount
from secretariat.errors import PermissionDeniedError
from secretariat.office.roles import Permission, SignedIn, may, refusal

_SIGNING_IN = "secretariat.office.signing_in"
_OWN_PASSWORD = "secretariat.office.own_password"
# The fields that say who did something; once people sign in, the signed-in user fills them.
ATTRIBUTION_FIELDS = (
    "recorded_by",
    "voided_by",
    "finalized_by",
    "published_by",
    "amended_by",
    "changed_by",
    "author",  # of an amendment to finalized minutes
)
# Not among them: who issued a membership decree (an authority named on paper), the chair,
# signatories and named evaluators: names the paper needs, typed as they are.
FINALIZED, PUBLISHED = "finalized", "published"


def signing_in(session: Session) -> None:
    """This save is the sign-in's own (a failed attempt counted, the count reset)."""
    session.info[_SIGNING_IN] = True


def is_signing_in(session: Session) -> bool:
    return bool(session.info.get(_SIGNING_IN))


def own_password(session: Session, account_id: int) -> None:
    """This save changes the signed-in user's own password, which every role may."""
    session.info[_OWN_PASSWORD] = account_id


def permission_for(record: object) -> Permission:
    """The permission writing ``record`` (new, changed or deleted) needs."""
    match record:
        case UserAccount():
            return Permission.USERS
        case Meeting() if _changed_to_or_from(record, "status", FINALIZED):
            return Permission.FINALIZE
        case Amendment():  # an amendment to minutes already finalized and signed
            return Permission.FINALIZE
        case Evaluation() if _changed_to_or_from(record, "status", PUBLISHED):
            return Permission.PUBLISH
        case EvaluationAmendment():
            return Permission.PUBLISH
    return Permission.EDIT


def install(
    factory: sessionmaker[Session], user: Callable[[], SignedIn | None], accounts_exist: Callable[[], bool]
) -> None:
    """Hook the checks and the attribution on the sessions ``factory`` makes."""

    def before_flush(session: Session, _context: object, _instances: object) -> None:
        if session.info.get(_SIGNING_IN):
            return
        written = [*session.new, *(r for r in session.dirty if session.is_modified(r)), *session.deleted]
        if not written:
            return
        signed_in = user()
        for record in written:
            permission = permission_for(record)
            if _own_password_change(session, record, signed_in):
                continue
            if not may(signed_in, signed_in is not None or accounts_exist(), permission):
                raise PermissionDeniedError(refusal(signed_in, permission))
        if signed_in is not None:
            _attribute(session.new, session.dirty, signed_in)

    def do_orm_execute(state: ORMExecuteState) -> None:
        if state.session.info.get(_SIGNING_IN) or not (state.is_update or state.is_delete or state.is_insert):
            return
        signed_in = user()
        if not may(signed_in, signed_in is not None or accounts_exist(), Permission.EDIT):
            raise PermissionDeniedError(refusal(signed_in, Permission.EDIT))

    event.listen(factory, "before_flush", before_flush)
    event.listen(factory, "do_orm_execute", do_orm_execute)


def _own_password_change(session: Session, record: object, signed_in: SignedIn | None) -> bool:
    if not isinstance(record, UserAccount) or signed_in is None:
        return False
    if session.info.get(_OWN_PASSWORD) != record.id or record.id != signed_in.id:
        return False
    changed = {attr.key for attr in inspect(record).attrs if attr.history.has_changes()}
    return changed <= {"password_hash", "failed_sign_ins", "retry_after"}


def _attribute(new: Iterable[object], dirty: Iterable[object], signed_in: SignedIn) -> None:
    name = signed_in.full_name
    for record in new:
        for field in ATTRIBUTION_FIELDS:
            if hasattr(record, field) and (field == "recorded_by" or getattr(record, field)):
                setattr(record, field, name)
    for record in dirty:
        state = inspect(record)
        for field in ATTRIBUTION_FIELDS:
            if field in state.attrs and state.attrs[field].history.has_changes() and getattr(record, field):
                setattr(record, field, name)


def _changed_to_or_from(record: object, field: str, value: str) -> bool:
    """Whether ``field`` is being set to ``value``, or away from it (a new record: set to it)."""
    history = inspect(record).attrs[field].history
    if not history.has_changes():
        return False
    return value in (*history.added, *history.deleted)
