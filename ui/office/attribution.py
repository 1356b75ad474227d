"""A form's «ثبت‌کننده» (who records, voids, finalizes …) held to the signed-in user.

Once people sign in, the core writes the signed-in user's name in those fields
whatever is typed (``secretariat.office.access``); the form says so by showing that
name, read-only. On a council without accounts the field stays typed text, proposed
as before (usually the council's secretary).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit

from ui.office import wording

if TYPE_CHECKING:
    from secretariat.core import Secretariat


def recorder(services: Secretariat, otherwise: str = "") -> str:
    """Whom a new record is attributed to: the signed-in user, else ``otherwise``."""
    user = services.user
    return user.full_name if user is not None else otherwise


def hold_to_user(field: QLineEdit, services: Secretariat) -> None:
    """With someone signed in, ``field`` shows their name and cannot be edited."""
    user = services.user
    if user is None:
        return
    field.setText(user.full_name)
    field.setReadOnly(True)
    field.setToolTip(wording.RECORDED_AS_USER)
