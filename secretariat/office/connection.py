"""The shared database this PC opens: a PostgreSQL connection saved once, its password kept safe.

An office that shares one PostgreSQL database (see ``maintenance.to_postgres``) saves its
address on each PC once, from the window («اتصال به پایگاه داده مشترک...») or with
``python -m secretariat connection set``; from then on the app and the command line open
it when they are started without ``--db`` (or ``--demo``).

Where it is kept:

- the address, *without* its password, in ``connection.json`` in the user data folder
  (beside ``settings.json``; see ``paths.connection_path``), with where the password is;
- the password in the platform's keyring (Windows Credential Manager, the macOS Keychain,
  the Secret Service of a Linux desktop), through the ``keyring`` library, under the
  service ``CouncilSecretariat`` and the key ``user@host:port/database``.

Where there is no usable keyring (``keyring`` not installed, or only its ``fail`` / ``null``
back end, as on a headless Linux), the password is **not** written anywhere: the address is
saved without it, and at each start the password comes from the environment variable
``SECRETARIAT_DB_PASSWORD`` or is asked for (the window asks in a dialog, the command line
on the terminal). ``save`` says so in its result (``SavedConnection.notice``).

``check(url)`` tries the connection and, when it fails, raises ``ConnectionFailed`` with a
Persian reason (wrong password, no password, unknown user, host not found or not answering,
no such database), never a traceback.

SQLAlchemy and ``keyring`` are imported only by the functions that need them: the window
asks ``exists()`` before its first paint, when the database layer is not loaded yet.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from secretariat import paths
from secretariat.errors import DomainError
from secretariat.persian.text import to_persian_digits

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

KEYRING_SERVICE = "CouncilSecretariat"
PASSWORD_VARIABLE = "SECRETARIAT_DB_PASSWORD"
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"  # the driver the app ships (the postgres extra)
SCHEMES = ("postgresql", "postgresql+psycopg")
CONNECT_TIMEOUT_SECONDS = 5
MAX_URL_LENGTH = 2000

NO_KEYRING = (
    "این رایانه جای امنی برای نگه‌داشتن گذرواژه (keyring) ندارد؛ گذرواژه ذخیره نشد. "
    f"برنامه هنگام آغاز آن را می‌پرسد، یا آن را در متغیر محیطی {PASSWORD_VARIABLE} بگذارید."
)


NO_DRIVER = "راه‌انداز PostgreSQL (psycopg) در این نصب نیست؛ برنامه را با بسته postgres نصب کنید."


class ConnectionSettingError(DomainError):
    """The address is not one of a PostgreSQL database, or the saved connection cannot be kept."""


class ConnectionFailed(DomainError):
    """The database did not answer as it should; the message says why, in Persian."""


class PasswordPlace(StrEnum):
    KEYRING = "keyring"  # in the platform's keyring
    ASKED = "asked"  # there is one, kept nowhere: from PASSWORD_VARIABLE or asked at start
    NONE = "none"  # the server asks for none (trust, or the user's own .pgpass)


@dataclass(frozen=True)
class Address:
    """A PostgreSQL database's address, its password apart."""

    host: str
    port: int
    database: str
    user: str
    query: str = ""  # e.g. sslmode=require, kept as typed

    @property
    def key(self) -> str:
        """The keyring's key for its password."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None = None) -> str:
        """The URL SQLAlchemy opens (with the password, if given: never show it)."""
        secret = f":{quote(password, safe='')}" if password else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        query = f"?{self.query}" if self.query else ""
        user, database = quote(self.user, safe=""), quote(self.database, safe="")
        return f"{DRIVER}://{user}{secret}@{host}:{self.port}/{database}{query}"

    @property
    def shown(self) -> str:
        """The address as it may be shown: never with a password."""
        return self.url()


@dataclass(frozen=True)
class SavedConnection:
    address: Address
    place: PasswordPlace
    # None: not known (ASKED without the variable) or not needed. Never in the repr (a log, a traceback).
    password: str | None = field(default=None, repr=False)
    notice: str = ""  # what ``save`` wants the person told (no keyring)

    @property
    def needs_password(self) -> bool:
        """A password is needed and is not known yet: ask for it (``with_password``)."""
        return self.place is not PasswordPlace.NONE and self.password is None

    @property
    def url(self) -> str:
        """The URL to open, with the password: never show it (``describe``, ``address.shown``)."""
        return self.address.url(self.password)

    def with_password(self, password: str) -> SavedConnection:
        return SavedConnection(self.address, self.place, password, self.notice)

    def describe(self) -> str:
        """The connection in Persian, without the password."""
        return f"پایگاه داده مشترک: {self.address.shown}\n{PLACE_WORDING[self.place]}"


PLACE_WORDING = {
    PasswordPlace.KEYRING: "گذرواژه در جای امن گذرواژه‌های این رایانه (keyring) نگه داشته شده است.",
    PasswordPlace.ASKED: (
        "گذرواژه جایی ذخیره نشده است: هنگام آغاز پرسیده می‌شود، یا از متغیر محیطی "
        f"{PASSWORD_VARIABLE} خوانده می‌شود."
    ),
    PasswordPlace.NONE: "بدون گذرواژه (کارگزار گذرواژه نمی‌خواهد).",
}


# -- the address ----------------------------------------------------------------------------


def parse(url: str) -> tuple[Address, str | None]:
    """``url`` read as a PostgreSQL address and its password (None: none given).

    ``ConnectionSettingError`` in Persian for anything else: another scheme (a SQLite
    file, mysql://...), or no host, user or database."""
    text = url.strip()
    if not text or len(text) > MAX_URL_LENGTH:
        raise ConnectionSettingError(_NOT_AN_ADDRESS)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:  # a port that is not a number or out of range, a bad [host]
        raise ConnectionSettingError(f"{_NOT_AN_ADDRESS} (درگاه یا میزبان نشانی درست نیست.)") from error
    if parts.scheme.lower() not in SCHEMES:
        raise ConnectionSettingError(_NOT_AN_ADDRESS)
    host = parts.hostname or ""
    user = unquote(parts.username or "")
    database = unquote(parts.path.lstrip("/"))
    missing = [
        name
        for name, value in (("میزبان", host), ("نام کاربر", user), ("نام پایگاه داده", database))
        if not value
    ]
    if missing:
        raise ConnectionSettingError(f"{_NOT_AN_ADDRESS} ({'، '.join(missing)} در نشانی نیامده است.)")
    if "/" in database:
        raise ConnectionSettingError(f"{_NOT_AN_ADDRESS} (نام پایگاه داده «/» ندارد.)")
    query = urlencode(parse_qsl(parts.query, keep_blank_values=True))
    password = unquote(parts.password) if parts.password is not None else None
    return Address(host, port or DEFAULT_PORT, database, user, query), password


_NOT_AN_ADDRESS = (
    "نشانی پایگاه داده مشترک باید نشانی PostgreSQL باشد، مانند postgresql://USER@HOST:5432/council"
)


def build(*, host: str, port: int | str, database: str, user: str, password: str = "") -> str:
    """The URL of the form's fields (the window's dialog), checked as ``parse`` checks it."""
    port_text = str(port).strip() or str(DEFAULT_PORT)
    if not port_text.isascii() or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise ConnectionSettingError("درگاه عددی از ۱ تا ۶۵۵۳۵ است؛ درگاه پیش‌فرض PostgreSQL ۵۴۳۲ است.")
    address = Address(host.strip(), int(port_text), database.strip(), user.strip())
    url = address.url(password or None)
    parse(url)  # the same refusals as a typed URL
    return url


# -- saving and loading ---------------------------------------------------------------------


def exists(path: Path | None = None) -> bool:
    """Is a connection saved? Only reads the file (cheap: before the database layer loads)."""
    return _read(path or paths.connection_path()) is not None


def load(path: Path | None = None, *, environment: dict[str, str] | None = None) -> SavedConnection | None:
    """The saved connection with its password (from the keyring, else ``PASSWORD_VARIABLE``),
    or None when none is saved. A file that cannot be read counts as none saved."""
    stored = _read(path or paths.connection_path())
    if stored is None:
        return None
    address, place = stored
    environment = dict(os.environ) if environment is None else environment
    password: str | None = None
    if place is PasswordPlace.KEYRING:
        password = _keyring_get(address.key)
    if place is not PasswordPlace.NONE and password is None:
        password = environment.get(PASSWORD_VARIABLE)
    return SavedConnection(address, place, password)


def save(url: str, path: Path | None = None) -> SavedConnection:
    """Save ``url`` as this PC's shared database: the address in the file, the password (if
    any) in the keyring; where there is no keyring, the password nowhere (``notice`` says so).

    The file is written whole or not at all. The password of a connection saved before is
    taken out of the keyring."""
    address, password = parse(url)
    path = path or paths.connection_path()
    previous = _read(path)
    place, notice = PasswordPlace.NONE, ""
    if password:
        if _keyring_set(address.key, password):
            place = PasswordPlace.KEYRING
        else:
            place, notice = PasswordPlace.ASKED, NO_KEYRING
    _write(path, address, place)
    if previous is not None and previous[1] is PasswordPlace.KEYRING:
        if previous[0].key != address.key or place is not PasswordPlace.KEYRING:
            _keyring_delete(previous[0].key)
    return SavedConnection(address, place, password or None, notice)


def forget(path: Path | None = None) -> bool:
    """Forget the saved connection and its password; False when none was saved."""
    path = path or paths.connection_path()
    stored = _read(path)
    if stored is not None and stored[1] is PasswordPlace.KEYRING:
        _keyring_delete(stored[0].key)
    existed = path.exists()
    path.unlink(missing_ok=True)
    return existed


def describe(path: Path | None = None) -> str:
    """The saved connection in Persian (never its password), or that there is none."""
    saved = load(path)
    if saved is None:
        return "اتصال به پایگاه داده مشترک ذخیره نشده است؛ برنامه پرونده SQLite این رایانه را باز می‌کند."
    return saved.describe()


def _read(path: Path) -> tuple[Address, PasswordPlace] | None:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        address, _password = parse(str(stored["url"]))
        place = PasswordPlace(stored.get("password", PasswordPlace.NONE.value))
    except (OSError, ValueError, TypeError, KeyError, DomainError):
        return None
    return address, place


def _write(path: Path, address: Address, place: PasswordPlace) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = {"url": address.shown, "password": place.value}  # the URL never holds the password
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(stored, file, ensure_ascii=False, indent=2)
            file.flush()
            os.fsync(file.fileno())
        os.replace(name, path)
    except OSError as error:
        Path(name).unlink(missing_ok=True)
        raise ConnectionSettingError(
            f"اتصال ذخیره نشد: پرونده «{path}» نوشته نشد ({error.strerror})."
        ) from error


# -- the keyring ----------------------------------------------------------------------------
# A keyring back end can fail in its own ways (a locked or absent Secret Service over D-Bus, a
# Windows credential error): any failure means "no keyring here", and the password is then kept
# nowhere rather than in plain text. Hence the broad ``except Exception`` below.


def keyring_available() -> bool:
    """Is there a keyring that keeps passwords (not keyring's ``fail`` or ``null`` back end)?"""
    return _backend() is not None


def _backend() -> KeyringBackend | None:
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    return backend


def _keyring_set(key: str, password: str) -> bool:
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(KEYRING_SERVICE, key, password)
        kept = backend.get_password(KEYRING_SERVICE, key) == password
    except Exception:
        return False
    if not kept:  # a back end that drops what it is given: no keyring
        _keyring_delete(key)
    return kept


def _keyring_get(key: str) -> str | None:
    backend = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(KEYRING_SERVICE, key)
    except Exception:
        return None


def _keyring_delete(key: str) -> None:
    backend = _backend()
    if backend is None:
        return
    try:
        backend.delete_password(KEYRING_SERVICE, key)
    except Exception:
        pass  # not there (PasswordDeleteError), or the keyring is gone: nothing to take out


# -- trying the connection ------------------------------------------------------------------


def check(url: str) -> str:
    """Connect to ``url`` and ask the server its version: a Persian line on success,
    ``ConnectionFailed`` with the reason otherwise (never a traceback)."""
    address, password = parse(url)
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.pool import NullPool

    try:
        engine = create_engine(
            address.url(password),
            connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
            poolclass=NullPool,
        )
    except ImportError as error:
        raise ConnectionFailed(NO_DRIVER) from error
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar_one()
    except SQLAlchemyError as error:
        raise ConnectionFailed(failure_reason(str(getattr(error, "orig", None) or error), address)) from error
    finally:
        engine.dispose()
    return f"اتصال برقرار شد: {address.shown} (PostgreSQL {to_persian_digits(str(version).split()[0])})."


def failure_reason(detail: str, address: Address) -> str:
    """Why the connection failed, in Persian, from the driver's (English) message."""
    known = connection_reason(detail, address)
    if known is not None:
        return known
    first_line = detail.strip().splitlines()[0] if detail.strip() else ""
    return f"اتصال به پایگاه داده مشترک برقرار نشد. (جزئیات: {first_line})"


def connection_reason(detail: str, address: Address) -> str | None:
    """The Persian reason when ``detail`` (the driver's message) tells why a connection failed;
    None when it is about something else (a refused schema, a database of a newer version)."""
    text = detail.lower()
    user, host, database = address.user, address.host, address.database
    port = to_persian_digits(address.port)
    if "password authentication failed" in text or "authentication failed" in text:
        return f"گذرواژه کاربر «{user}» درست نیست؛ گذرواژه را دوباره بنویسید."
    if "no password supplied" in text:
        return f"کارگزار برای کاربر «{user}» گذرواژه می‌خواهد؛ گذرواژه را بنویسید."
    if "role" in text and "does not exist" in text:
        return f"کاربری به نام «{user}» در کارگزار PostgreSQL نیست."
    if "database" in text and "does not exist" in text:
        return f"پایگاه داده‌ای به نام «{database}» در کارگزار «{host}» نیست؛ نام آن را بررسی کنید."
    if "no pg_hba.conf entry" in text:
        return (
            f"کارگزار «{host}» اتصال این رایانه را (کاربر «{user}»، پایگاه داده «{database}») "
            "نمی‌پذیرد؛ سرپرست کارگزار باید آن را در pg_hba.conf اجازه دهد."
        )
    if "resolve host" in text or "translate host name" in text or "name or service not known" in text:
        return f"میزبان «{host}» پیدا نشد؛ نام یا نشانی IP آن را بررسی کنید."
    if "connection refused" in text:
        return (
            f"کارگزار «{host}» در درگاه {port} پاسخ نداد (اتصال پذیرفته نشد)؛ روشن بودن کارگزار "
            "PostgreSQL، درگاه و دیوار آتش را بررسی کنید."
        )
    if "timeout" in text or "timed out" in text or "unreachable" in text:
        return f"کارگزار «{host}» در زمان مقرر پاسخ نداد؛ شبکه و روشن بودن کارگزار را بررسی کنید."
    if "too many connections" in text:
        return "کارگزار PostgreSQL اتصال تازه‌ای نمی‌پذیرد (اتصال‌ها بیش از اندازه است)؛ کمی بعد بکوشید."
    return None
