"""The yearly archive from the window: make it, check it, check a printed
document against the records, import an archive.

- «بایگانی سالانه...» opens ``ArchiveDialog`` (it works in the background);
- «بررسی بایگانی...»: a ZIP is chosen and every file checked against its
  manifest in a worker; the summary, and each changed, missing or extra
  file, in a dialog one can read and copy from;
- «بررسی سند چاپی...» opens ``DocumentCheckDialog``;
- «ورود بایگانی...»: a ZIP or JSON file is chosen, the person confirms, the
  core imports it in one transaction in a worker (progress, «انصراف»), the
  summary is shown; every view reads again, as the core announces that
  the import changed everything.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from secretariat.archive import ImportResult, VerifyResult
from secretariat.archive import import_archive as import_into
from secretariat.archive import verify_archive as verify_file
from secretariat.office.roles import Permission
from ui import messages, strings
from ui.maintenance.archive_dialog import ArchiveDialog
from ui.maintenance.document_check_dialog import DocumentCheckDialog
from ui.office.gate import allowed
from ui.rtl import ltr
from ui.widgets import file_choice
from ui.widgets.result_dialog import ResultDialog, show_result
from ui.widgets.work_dialog import run_work

if TYPE_CHECKING:
    from ui.maintenance.maintenance_window import MaintenanceWindow


def export_archive(window: MaintenanceWindow, *, folder: Path | None = None) -> ArchiveDialog:
    parent = window.window()  # what the dialogs open over
    services = window.services
    dialog = ArchiveDialog(
        services.database, services.meetings.years(), folder or file_choice.start_folder(), parent
    )
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def verify_archive(window: MaintenanceWindow) -> ResultDialog | None:
    parent = window.window()  # what the dialogs open over
    chosen = file_choice.open_file(parent, strings.VERIFY_OPEN_TITLE, strings.ARCHIVE_ZIP_FILTER)
    if not chosen:
        return None
    outcome = run_work(
        parent,
        strings.VERIFY_TITLE,
        strings.VERIFY_WORKING,
        lambda _progress, _cancelled: verify_file(chosen),
    )
    if outcome.error is not None:
        messages.warn(parent, outcome.error, title=strings.VERIFY_TITLE)
        return None
    result = cast(VerifyResult, outcome.result)  # what verify_file returned
    return show_result(
        parent,
        strings.VERIFY_TITLE,
        result.summary(),
        problem_lines(result),
        warning=not result.ok,
        list_caption=strings.VERIFY_PROBLEMS,
    )


def problem_lines(result: VerifyResult) -> list[str]:
    """The core's «تغییر کرده: PATH» lines, each path kept whole inside the Persian line."""
    lines = []
    for problem in result.problems():
        label, _colon, path = problem.partition(": ")
        lines.append(f"{label}: {ltr(path)}" if path else problem)
    return lines


def verify_document(window: MaintenanceWindow) -> DocumentCheckDialog:
    parent = window.window()  # what the dialogs open over
    dialog = DocumentCheckDialog(window.services.database, parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.code.setFocus()
    return dialog


def import_archive(window: MaintenanceWindow) -> ImportResult | None:
    parent = window.window()  # what the dialogs open over
    if not allowed(parent, window.services, Permission.RESTORE):
        return None
    chosen = file_choice.open_file(parent, strings.IMPORT_OPEN_TITLE, strings.IMPORT_FILTER)
    if not chosen:
        return None
    if not messages.confirm(
        parent,
        strings.IMPORT_QUESTION.format(name=Path(chosen).name),
        yes=strings.IMPORT_YES,
        no=strings.CANCEL,
    ):
        return None
    database = window.services.database
    outcome = run_work(
        parent,
        strings.IMPORT_TITLE,
        strings.IMPORT_WORKING,
        lambda progress, cancelled: import_into(database, chosen, progress=progress, cancelled=cancelled),
        cancellable=True,
    )
    if outcome.cancelled:
        window.show_message(strings.IMPORT_CANCELLED)
        return None
    if outcome.error is not None:
        messages.warn(parent, outcome.error, title=strings.IMPORT_TITLE)
        return None
    result = cast(ImportResult, outcome.result)  # what import_into returned
    summary = result.summary().splitlines()
    # The notes (what was left out, and why) are a list of their own.
    head = summary[: len(summary) - len(result.notes)]
    window.show_message(head[0])
    show_result(
        parent,
        strings.IMPORT_DONE_TITLE,
        "\n".join(head),
        result.notes,
        warning=bool(result.notes),
        list_caption=strings.IMPORT_NOTES,
    )
    return result
