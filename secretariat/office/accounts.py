"""User accounts: adding them, signing in (slowed after failures), passwords, deactivating.

A council without accounts works as before, anonymously on one PC; the first
account made becomes its secretary (دبیر), whatever role was asked. Only the
secretary adds users, resets another's password or deactivates one; everyone
changes their own password. Failed sign-ins slow down: after three in a row
the account waits (2, 4, 8 … up to 60 seconds) before it is tried again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import UserAccount
from secretariat import clock
from secretariat.errors import NotFoundError, PermissionDeniedError, SignInError, ValidationError
from secretariat.office import access
from secretariat.office.audit import record_event
from secretariat.office.passwords import MIN_LENGTH, check_password, hash_password
from secretariat.office.roles import Permission, Role, SignedIn, refusal
from secretariat.persian.text import normalize_line, to_latin_digits, to_persian_digits

FREE_TRIES = 3
MAX_WAIT_SECONDS = 60
WRONG = "نام کاربری یا گذرواژه درست نیست."
WAIT = "چند بار پیاپی گذرواژه نادرست وارد شد؛ {seconds} ثانیه دیگر دوباره بکوشید."
INACTIVE = "حساب «{username}» غیرفعال شده است؛ از دبیر شورا بخواهید."


@dataclass(frozen=True)
class UserRecord:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    created_at: dt.datetime


@dataclass(frozen=True)
class UserDraft:
    username: str
    full_name: str
    role: str
    password: str


class UserService:
    """The council's user accounts, on one database; signing in sets the database's user."""

    def __init__(self, database: Any):
        self._db = database

    def any(self) -> bool:
        """Whether the council has accounts (then everyone signs in)."""
        with self._db.reading() as session:
            return bool(session.scalar(select(func.count(UserAccount.id))))

    def list(self) -> list[UserRecord]:
        with self._db.reading() as session:
            return [_record(a) for a in session.scalars(select(UserAccount).order_by(UserAccount.id))]

    def add(self, draft: UserDraft) -> UserRecord:
        """A new account; the council's first is its secretary."""
        username = _username(draft.username)
        errors: dict[str, str] = {}
        if not username:
            errors["username"] = "نام کاربری را بنویسید (حروف و ارقام لاتین، بدون فاصله)."
        elif not all(c.isascii() and (c.isalnum() or c in "._-") for c in username):
            errors["username"] = "نام کاربری فقط حروف و ارقام لاتین و . _ - دارد، بدون فاصله."
        full_name = normalize_line(draft.full_name)
        if not full_name:
            errors["full_name"] = "نام و نام خانوادگی کاربر را بنویسید."
        if draft.role not in {role.value for role in Role}:
            errors["role"] = "نقش یکی از دبیر، کارشناس یا ناظر است."
        password_error = _password_error(draft.password)
        if password_error:
            errors["password"] = password_error
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            first = session.scalar(select(func.count(UserAccount.id))) == 0
            if not first:
                self._require_users()
            if session.scalar(select(UserAccount.id).where(UserAccount.username == username)) is not None:
                raise ValidationError({"username": f"نام کاربری «{username}» پیش‌تر گرفته شده است."})
            account = UserAccount(
                username=username,
                full_name=full_name,
                role=Role.SECRETARY.value if first else draft.role,
                password_hash=hash_password(draft.password),
                active=True,
                failed_sign_ins=0,
                created_at=clock.now().replace(tzinfo=None, microsecond=0),
            )
            session.add(account)
            session.flush()
            record = _record(account)
        self._db.desk.accounts_exist = True
        if first:
            self._db.desk.user = _signed_in(account)
        return record

    def sign_in(self, username: str, password: str) -> SignedIn:
        """Check the password and make this desk's user; refused (and slowed) when wrong."""
        typed = _username(username)
        now = clock.now().replace(tzinfo=None)
        with self._db.transaction() as session:
            access.signing_in(session)
            account = session.scalar(select(UserAccount).where(UserAccount.username == typed))
            if account is None:
                check_password(password, hash_password("-"))  # as slow as a real account's check
                raise SignInError(WRONG)
            if account.retry_after is not None and now < account.retry_after:
                seconds = max(1, int((account.retry_after - now).total_seconds() + 0.999))
                raise SignInError(WAIT.format(seconds=to_persian_digits(seconds)))
            if not check_password(password, account.password_hash):
                record_event(session, None, "sign_in_failed", "user_account", str(account.id))
                account.failed_sign_ins += 1
                if account.failed_sign_ins >= FREE_TRIES:
                    wait = min(2 ** (account.failed_sign_ins - FREE_TRIES + 1), MAX_WAIT_SECONDS)
                    account.retry_after = now + dt.timedelta(seconds=wait)
                failure = SignInError(WRONG)
            else:
                if not account.active:
                    raise SignInError(INACTIVE.format(username=account.username))
                account.failed_sign_ins, account.retry_after = 0, None
                failure = None
                user = _signed_in(account)
                record_event(session, user, "sign_in", "user_account", str(account.id))
        if failure is not None:
            raise failure
        self._db.desk.user = user
        self._db.desk.accounts_exist = True
        return user

    def sign_out(self) -> None:
        self._db.desk.user = None

    def change_own_password(self, old: str, new: str) -> None:
        user = self._db.desk.user
        if user is None:
            raise PermissionDeniedError(refusal(None, Permission.EDIT))
        error = _password_error(new)
        if error:
            raise ValidationError({"password": error})
        with self._db.transaction() as session:
            account = session.get(UserAccount, user.id)
            if account is None or not check_password(old, account.password_hash):
                raise ValidationError({"old_password": "گذرواژه کنونی درست نیست."})
            access.own_password(session, account.id)
            account.password_hash = hash_password(new)

    def reset_password(self, username: str, new: str) -> None:
        """The secretary sets another user's password (one they forgot)."""
        self._require_users()
        error = _password_error(new)
        if error:
            raise ValidationError({"password": error})
        with self._db.transaction() as session:
            account = _by_username(session, username)
            account.password_hash = hash_password(new)
            account.failed_sign_ins, account.retry_after = 0, None

    def set_role(self, username: str, role: str) -> UserRecord:
        self._require_users()
        if role not in {r.value for r in Role}:
            raise ValidationError({"role": "نقش یکی از دبیر، کارشناس یا ناظر است."})
        with self._db.transaction() as session:
            account = _by_username(session, username)
            if account.role == Role.SECRETARY.value and role != Role.SECRETARY.value:
                _keep_a_secretary(session, account)
            account.role = role
            session.flush()
            return _record(account)

    def deactivate(self, username: str) -> UserRecord:
        self._require_users()
        with self._db.transaction() as session:
            account = _by_username(session, username)
            user = self._db.desk.user
            if user is not None and user.id == account.id:
                raise ValidationError({"username": "حساب خودتان را نمی‌توانید غیرفعال کنید."})
            if account.role == Role.SECRETARY.value:
                _keep_a_secretary(session, account)
            account.active = False
            session.flush()
            return _record(account)

    def _require_users(self) -> None:
        user = self._db.desk.user
        if user is None or not user.may(Permission.USERS):
            raise PermissionDeniedError(refusal(user, Permission.USERS))


def _keep_a_secretary(session: Session, account: UserAccount) -> None:
    others = session.scalar(
        select(func.count(UserAccount.id)).where(
            UserAccount.role == Role.SECRETARY.value,
            UserAccount.active.is_(True),
            UserAccount.id != account.id,
        )
    )
    if not others:
        raise ValidationError({"role": "شورا دست‌کم یک دبیر فعال لازم دارد؛ نخست دبیر دیگری تعیین کنید."})


def _by_username(session: Session, username: str) -> UserAccount:
    account = session.scalar(select(UserAccount).where(UserAccount.username == _username(username)))
    if account is None:
        raise NotFoundError(f"کاربری با نام «{username.strip()}» نیست.")
    return account


def _username(typed: str) -> str:
    return to_latin_digits(typed.strip()).lower()


def _password_error(password: str) -> str:
    if len(password) < MIN_LENGTH:
        return f"گذرواژه دست‌کم {to_persian_digits(MIN_LENGTH)} نویسه باشد."
    return ""


def _signed_in(account: UserAccount) -> SignedIn:
    return SignedIn(
        id=account.id, username=account.username, full_name=account.full_name, role=Role(account.role)
    )


def _record(account: UserAccount) -> UserRecord:
    return UserRecord(
        id=account.id,
        username=account.username,
        full_name=account.full_name,
        role=Role(account.role),
        active=account.active,
        created_at=account.created_at,
    )
