"""Handing a file to the desktop: open it with the program the system uses for its kind.

A stored document (a meeting's file, a follow-up entry's document) is
opened from a copy in the session's private folder (readable by its owner
only), under a safe name whose extension comes from its content: a name
with direction marks cannot pass a program off as a PDF. A document whose
content is not a PDF or an image is not opened at all; the person is asked
where to save a copy instead (see ``secretariat.meetings.content``).

Tests replace ``open_in_default_app`` so that no viewer is started; a run
without anyone watching (``messages.headless``) starts none either.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from secretariat.errors import DomainError
from secretariat.meetings import content
from ui import messages, strings


class Outcome(Enum):
    OPENED = "opened"
    SAVED = "saved"  # not a kind of file to open: a copy was saved where the person chose
    NOTHING = "nothing"  # refused, cancelled or failed (a warning was shown if something failed)


def open_in_default_app(path: str | Path) -> bool:
    """True if the system took the file (it says nothing of whether the program then opened it)."""
    if messages.headless:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))


def open_document(
    parent: QWidget, name: str, read: Callable[[], bytes], save: Callable[[str], bool]
) -> tuple[Outcome, str]:
    """Open a stored document; ``read`` gives its bytes, ``save(title)`` saves a copy where the
    person chooses. Returns what happened and the name the document was shown under."""
    shown = content.safe_save_name(name)
    try:
        data = read()
        path = content.write_private_copy(name, data)
    except DomainError as error:
        messages.warn(parent, error.message)
        return Outcome.NOTHING, shown
    except OSError as error:
        messages.warn(parent, strings.COPY_FAILED.format(path=shown, reason=error.strerror or error))
        return Outcome.NOTHING, shown
    if path is None:
        saved = save(strings.SAVE_UNKNOWN_TITLE.format(name=shown))
        return (Outcome.SAVED if saved else Outcome.NOTHING), shown
    if not open_in_default_app(path):
        messages.warn(parent, strings.DOCUMENT_NOT_OPENED.format(name=path.name))
        return Outcome.NOTHING, path.name
    return Outcome.OPENED, path.name
