"""Errors the core raises; every message is Persian and shown as is."""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """A refusal with a Persian message for the person at the keyboard."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input, field by field, so a form can show each message beside its field."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))


class NotFoundError(DomainError):
    pass


class DatabaseOpenError(DomainError):
    """The file cannot be opened as this app's database; nothing was changed."""


class DatabaseBusyError(DomainError):
    """Another program or PC held the database past the busy timeout; nothing was saved."""


class StorageFullError(DomainError):
    """The disk (or the database's storage) is full or failing; nothing was saved."""


class UnstorableValueError(DomainError):
    """A typed value the database cannot hold or look up (PostgreSQL: a number past its
    column's range, a NUL character in a text); nothing was saved."""


class NumberTakenError(DomainError):
    """A number or code was taken by another save at the same moment; nothing was saved."""


class PermissionDeniedError(DomainError):
    """The signed-in user's role may not do this (or nobody is signed in); nothing was changed."""


class SignInError(DomainError):
    """A user name or password that does not sign in, or one tried again too soon."""


class ConflictError(DomainError):
    """Another desk saved the same record since this one read it; nothing was written over."""
