"""Backing up and restoring from the window, and the backup settings.

- «تهیه نسخه پشتیبان...»: a place to save (named with today's Jalali
  date), then ``backup_to`` in a worker while a busy dialog shows; the
  path and size at the end.
- «بازگردانی نسخه پشتیبان...»: a file is chosen and checked
  (``inspect_backup``); a refusal shows why and changes nothing. A usable
  backup is described (its council, size, version) and the person
  confirms; the windows opened from the main window close, the window lets
  go of the database (``detach``), the app's ``DatabaseHost``
  closes it, ``restore`` replaces the file (the current database kept
  beside it) and the file is opened again; the window then shows the
  restored council (``attach``) and announces that everything changed.
- «تنظیمات پشتیبان‌گیری...»: how many daily backups are kept.

On PostgreSQL the server's own tools back up and restore: the actions say so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QDialog

from secretariat import clock, paths
from secretariat.maintenance import settings as settings_store
from secretariat.maintenance.backup import SUFFIX, BackupRecord, backup_to, format_size
from secretariat.maintenance.backup_check import BackupInfo, BackupKind, inspect_backup
from secretariat.maintenance.restore import UNTOUCHED, RestoreResult, restore
from secretariat.office.roles import Permission
from secretariat.persian import jalali
from ui import messages, strings
from ui.maintenance.backup_settings_dialog import BackupSettingsDialog
from ui.office.gate import allowed
from ui.rtl import isolated, ltr
from ui.widgets import file_choice
from ui.widgets.result_dialog import show_result
from ui.widgets.work_dialog import run_work

if TYPE_CHECKING:
    from ui.maintenance.maintenance_window import MaintenanceWindow


def suggested_backup_name() -> str:
    """«پشتیبان-۱۴۰۴-۰۹-۰۴.sqlite3»: today's Jalali date, as a file name may hold it."""
    return strings.BACKUP_FILE_NAME.format(date=jalali.format_short(clock.today()).replace("/", "-"))


def _on_file(window: MaintenanceWindow) -> bool:
    parent = window.window()  # what the dialogs open over
    if window.database_host.is_file():
        return True
    messages.warn(parent, strings.BACKUP_ON_SERVER)
    return False


# -- a backup ------------------------------------------------------------------------------


def take_backup(window: MaintenanceWindow) -> BackupRecord | None:
    parent = window.window()  # what the dialogs open over
    if not _on_file(window):
        return None
    chosen = file_choice.save_file(
        parent,
        strings.BACKUP_SAVE_TITLE,
        suggested_backup_name(),
        strings.BACKUP_FILTER,
    )
    if not chosen:
        return None
    target = Path(chosen)
    if not target.suffix:
        target = target.with_name(target.name + SUFFIX)
    database = window.services.database
    outcome = run_work(
        parent,
        strings.BACKUP_TITLE,
        strings.BACKUP_WORKING,
        lambda _progress, _cancelled: backup_to(database, target),
    )
    if outcome.error is not None:
        messages.error(parent, strings.BACKUP_FAILED.format(reason=outcome.error))
        return None
    record = cast(BackupRecord, outcome.result)  # what backup_to returned
    window.show_message(strings.BACKUP_DONE_STATUS.format(path=ltr(str(record.path))))
    show_result(
        parent,
        strings.BACKUP_DONE_TITLE,
        strings.BACKUP_DONE.format(path=ltr(str(record.path)), size=format_size(record.size)),
    )
    return record


# -- restoring -----------------------------------------------------------------------------


def restore_question(info: BackupInfo, database_path: Path) -> str:
    """What the backup is, what happens to the current database, and the question."""
    version = strings.RESTORE_OLDER if info.kind is BackupKind.OLDER else strings.RESTORE_SAME
    return strings.RESTORE_QUESTION.format(
        name=isolated(info.path.name),
        council=info.council_name or strings.RESTORE_NO_COUNCIL,
        size=format_size(info.size),
        version=version,
        folder=ltr(str(database_path.parent)),
    )


def restore_backup(window: MaintenanceWindow) -> RestoreResult | None:
    parent = window.window()  # what the dialogs open over
    if not allowed(parent, window.services, Permission.RESTORE):
        return None
    if not _on_file(window):
        return None
    chosen = file_choice.open_file(parent, strings.RESTORE_OPEN_TITLE, strings.BACKUP_FILTER)
    if not chosen:
        return None
    checked = run_work(
        parent,
        strings.RESTORE_TITLE,
        strings.RESTORE_CHECKING,
        lambda _progress, _cancelled: inspect_backup(chosen),
    )
    if checked.error is not None:
        messages.error(parent, strings.RESTORE_FAILED.format(reason=checked.error))
        return None
    info = cast(BackupInfo, checked.result)  # what inspect_backup returned
    if not info.usable:
        messages.warn(parent, f"{info.message} {UNTOUCHED}", title=strings.RESTORE_TITLE)
        return None
    host = window.database_host
    database_path = cast(Path, host.path)  # a file: _on_file() said so above
    if not messages.confirm(
        parent, restore_question(info, database_path), yes=strings.RESTORE_YES, no=strings.CANCEL
    ):
        return None
    if not window.close_child_windows():
        messages.warn(parent, strings.RESTORE_WINDOW_KEPT, title=strings.RESTORE_TITLE)
        return None
    return _swap(window, info.path)


def _swap(window: MaintenanceWindow, backup: Path) -> RestoreResult | None:
    """The database let go of, the backup put in its place, the file opened and shown again."""
    from ui.services import Services

    parent = window.window()  # what the dialogs open over
    host = window.database_host
    # Who restores: the core checks again that they are a secretary of the file being replaced.
    user = host.database.desk.user if host.database is not None else None
    window.detach()
    # Closed, restored and opened again in the worker: a big file takes a while to copy.
    outcome = run_work(
        parent,
        strings.RESTORE_TITLE,
        strings.RESTORE_WORKING,
        lambda _progress, _cancelled: host.replace_file(lambda path: restore(path, backup, user=user)),
    )
    if host.database is None:  # the file did not open again: nothing to show
        messages.error(parent, strings.RESTORE_REOPEN_FAILED.format(reason=outcome.error))
        return None
    # The restored council's accounts are not this desk's: whoever works on it signs in again.
    if not window.attach(Services.for_database(host.database), host=host):
        window.window().close()
        return None
    window.reload_all()  # another database under the same window: whatever shows it reads again
    if outcome.error is not None:
        messages.error(parent, strings.RESTORE_FAILED.format(reason=outcome.error))
        return None
    result = cast(RestoreResult, outcome.result)  # what restore returned
    lines = [
        strings.RESTORE_DONE.format(
            council=result.backup.council_name or strings.RESTORE_NO_COUNCIL, name=isolated(backup.name)
        )
    ]
    if result.previous is not None:
        lines.append(strings.RESTORE_KEPT.format(path=ltr(str(result.previous))))
    if result.migrated:
        lines.append(strings.RESTORE_MIGRATED)
    window.show_message(lines[0])
    show_result(parent, strings.RESTORE_DONE_TITLE, "\n".join(lines))
    return result


# -- settings --------------------------------------------------------------------------------


def edit_backup_settings(
    window: MaintenanceWindow, *, settings_path: Path | None = None
) -> settings_store.Settings | None:
    parent = window.window()  # what the dialogs open over
    on_file = window.database_host.is_file()
    dialog = BackupSettingsDialog(
        settings_store.load(settings_path),
        paths.backups_folder(),
        parent,
        settings_path=settings_path,
        on_file=on_file,
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        window.show_message(strings.BACKUP_SETTINGS_SAVED)
        return cast(settings_store.Settings, dialog.saved)  # what the dialog saves
    finally:
        dialog.deleteLater()
