"""Passwords stored only as slow salted hashes: scrypt from the standard library.

The stored form says its own parameters (``scrypt$16384$8$1$<salt>$<hash>``),
so that stronger ones later still check the hashes made before. scrypt
rather than argon2: it is in ``hashlib``, with no dependency to ship.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import unicodedata

from secretariat.persian.text import to_latin_digits

# About 50 ms and 16 MiB per hash on an office PC: cheap for a person, costly for guessing.
N, R, P = 2**14, 8, 1
_SALT_BYTES = 16
_KEY_BYTES = 32
MIN_LENGTH = 6


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _derive(password, salt, N, R, P)
    return "$".join(("scrypt", str(N), str(R), str(P), _b64(salt), _b64(key)))


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made from (in constant time)."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        derived = _derive(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(derived, expected)


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # The same password whichever keyboard layout typed its digits (۱۲۳ or 123).
    typed = to_latin_digits(unicodedata.normalize("NFC", password))
    return hashlib.scrypt(
        typed.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2 * 128 * n * r * p, dklen=_KEY_BYTES
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
