"""The three roles of a secretariat and what each may do.

دبیر (the council's secretary) may do everything; کارشناس (an expert)
records and edits the council's work but does not finalize minutes, publish
an evaluation, manage users, restore or import, nor browse the whole audit
trail; ناظر (a viewer) reads and prints. The window hides what a role may not do (``may``); the core refuses
it at every door (``secretariat.office.access``) with ``refusal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from secretariat.errors import PermissionDeniedError


class Role(StrEnum):
    SECRETARY = "secretary"
    EXPERT = "expert"
    VIEWER = "viewer"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {Role.SECRETARY: "دبیر", Role.EXPERT: "کارشناس", Role.VIEWER: "ناظر"}


class Permission(StrEnum):
    EDIT = "edit"  # record and change the council's records
    FINALIZE = "finalize"  # finalize (or reopen) minutes, amend finalized minutes
    PUBLISH = "publish"  # publish or amend a yearly evaluation
    USERS = "users"  # add users, reset their passwords, deactivate them
    RESTORE = "restore"  # restore a backup, import an archive
    AUDIT = "audit"  # read the whole audit trail (every role reads the history of a record)

    @property
    def label(self) -> str:
        return PERMISSION_LABELS[self]


PERMISSION_LABELS = {
    Permission.EDIT: "ثبت و ویرایش",
    Permission.FINALIZE: "نهایی کردن و اصلاح صورتجلسه نهایی",
    Permission.PUBLISH: "انتشار و اصلاح ارزیابی سالانه",
    Permission.USERS: "مدیریت کاربران",
    Permission.RESTORE: "بازگرداندن پشتیبان و ورود بایگانی",
    Permission.AUDIT: "مرور سابقه کامل تغییرات",
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.SECRETARY: frozenset(Permission),
    Role.EXPERT: frozenset({Permission.EDIT}),
    Role.VIEWER: frozenset(),
}


@dataclass(frozen=True)
class SignedIn:
    """The person at this desk, as signed in."""

    id: int
    username: str
    full_name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


SIGN_IN_FIRST = "این شورا کاربر دارد؛ ابتدا با نام کاربری و گذرواژه وارد شوید."
NOT_SIGNED_IN = f"{SIGN_IN_FIRST} چیزی ذخیره نشد."


def refusal(user: SignedIn | None, permission: Permission) -> str:
    """Why ``user``'s save that needs ``permission`` was refused (Persian, for a message)."""
    if user is None:
        return NOT_SIGNED_IN
    return f"{reason(user, permission)} چیزی تغییر داده نشد."


def reason(user: SignedIn | None, permission: Permission) -> str:
    """Why ``user`` may not do what needs ``permission``, before trying (a greyed button's tooltip)."""
    if user is None:
        return SIGN_IN_FIRST
    return f"«{permission.label}» در اختیار نقش «{user.role.label}» نیست؛ از دبیر شورا بخواهید."


def may(user: SignedIn | None, accounts_exist: bool, permission: Permission) -> bool:
    """Whether this desk may do what needs ``permission``: anything, on a council without accounts."""
    if user is None:
        return not accounts_exist
    return user.may(permission)


def require(user: SignedIn | None, accounts_exist: bool, permission: Permission) -> None:
    if not may(user, accounts_exist, permission):
        raise PermissionDeniedError(refusal(user, permission))
