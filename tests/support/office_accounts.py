"""A council with its three kinds of accounts: a secretary, an expert and a viewer."""

from __future__ import annotations

from pathlib import Path

from secretariat.core import Secretariat
from secretariat.office.accounts import UserDraft

# username -> (full name, role, password)
ACCOUNTS = {
    "dabir": ("مریم احمدی", "secretary", "dabir-secret"),
    "karshenas": ("علی رضایی", "expert", "karshenas-secret"),
    "nazer": ("زهرا کریمی", "viewer", "nazer-secret"),
}


def password(username: str) -> str:
    return ACCOUNTS[username][2]


def add_accounts(secretariat: Secretariat) -> None:
    """The three accounts (the first, the secretary, signs in as it is made); then nobody is signed in."""
    for username, (name, role, secret) in ACCOUNTS.items():
        secretariat.users.add(UserDraft(username=username, full_name=name, role=role, password=secret))
    secretariat.users.sign_out()


def add_accounts_to(path: Path) -> None:
    with Secretariat.open(path) as secretariat:
        add_accounts(secretariat)


def sign_in(secretariat: Secretariat, username: str) -> None:
    secretariat.users.sign_in(username, password(username))
