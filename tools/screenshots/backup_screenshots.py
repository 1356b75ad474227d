"""The «پشتیبان و بایگانی» screens for ``--screenshots``: the backup settings,
the yearly archive dialog before it starts, an archive check that found
problems, a printed code checked, and the question before a restore.

Nothing is written to the database. The archive whose check is shown is a
small ZIP made for the picture in a temporary folder (removed at once): a
manifest and a few files, one of them changed, one missing, one added.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QWidget

import secretariat
from secretariat import paths
from secretariat.archive import verify_archive
from secretariat.archive.layout import MANIFEST_PATH, README_PATH, report_path
from secretariat.archive.manifest import Manifest, ManifestEntry
from secretariat.maintenance import settings as settings_store
from secretariat.maintenance.backup_check import BackupInfo, BackupKind
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from tools.screenshots.stage import Stage
from ui import messages, strings
from ui.maintenance.archive_dialog import ArchiveDialog
from ui.maintenance.archive_flow import problem_lines
from ui.maintenance.backup_flow import restore_question, suggested_backup_name
from ui.maintenance.backup_settings_dialog import BackupSettingsDialog
from ui.maintenance.document_check_dialog import DocumentCheckDialog
from ui.widgets.file_choice import documents_folder
from ui.widgets.result_dialog import ResultDialog


def backup_settings(stage: Stage) -> QWidget:
    host = stage.window.database_host
    dialog = BackupSettingsDialog(
        settings_store.load(), paths.backups_folder(), stage.window, on_file=host.is_file()
    )
    return stage.open(dialog)


def archive_dialog(stage: Stage) -> QWidget:
    dialog = ArchiveDialog(
        stage.services.database, stage.services.meetings.years(), documents_folder(), stage.window
    )
    return stage.open(dialog)


def _tampered_archive(folder: Path, year: int, council: str) -> Path:
    """A small archive of ``year`` whose check finds a changed, a missing and an added file."""
    listed = {
        README_PATH: "بایگانی سالانه".encode(),
        "data/records.json": b'{"schema": "council-secretariat-archive"}',
        f"minutes/{year}-03.pdf": b"%PDF-1.4 minutes",
        f"minutes/{year}-04.pdf": b"%PDF-1.4 minutes",
        report_path(year): b"%PDF-1.4 report",
    }
    entries = tuple(
        ManifestEntry(name, len(data), hashlib.sha256(data).hexdigest()) for name, data in listed.items()
    )
    manifest = Manifest(
        year=year,
        council=council,
        created_at=dt.datetime.now().isoformat(timespec="seconds"),
        app_version=secretariat.__version__,
        counts={},
        files=entries,
    )
    path = folder / f"بایگانی-{year}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST_PATH, manifest.to_json())
        for name, data in listed.items():
            if name == f"minutes/{year}-04.pdf":
                continue  # missing
            archive.writestr(name, data + b" changed" if name == "data/records.json" else data)
        archive.writestr(f"attachments/{year}-03/03-نامه.pdf", b"%PDF-1.4 added later")
    return path


def verify_problems(stage: Stage) -> QWidget:
    years = stage.services.meetings.years()
    council = stage.council()
    folder = Path(tempfile.mkdtemp(prefix="verify-shot-"))
    try:
        result = verify_archive(_tampered_archive(folder, years[0] if years else 1404, council.name))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    dialog = ResultDialog(
        strings.VERIFY_TITLE,
        result.summary(),
        problem_lines(result),
        warning=not result.ok,
        list_caption=strings.VERIFY_PROBLEMS,
        parent=stage.window,
    )
    stage.open(dialog)
    dialog.resize(640, 360)
    return dialog


def document_check(stage: Stage) -> QWidget:
    """A finalized meeting's printed code, typed and checked."""
    from secretariat.reports.minutes_data import gather_minutes, minutes_seal

    dialog = DocumentCheckDialog(stage.services.database, stage.window)
    finalized = stage.services.meetings.page(MeetingQuery(status=MeetingStatus.FINALIZED), limit=1)
    if finalized:
        dialog.code.setText(minutes_seal(gather_minutes(stage.services, finalized[0].id)).code)
        dialog.check()
    return stage.open(dialog)


def restore_confirmation(stage: Stage) -> QWidget:
    """The question before a restore, about a backup as the backups folder would hold one."""
    host = stage.window.database_host
    database_path = host.path or paths.default_database_path()
    council = stage.services.council.get()
    size = database_path.stat().st_size if database_path.exists() else 0
    info = BackupInfo(
        path=documents_folder() / suggested_backup_name(),
        kind=BackupKind.SAME,
        message="",
        size=size,
        council_name=council.name if council else None,
    )
    box = messages.question_box(
        stage.window, restore_question(info, database_path), yes=strings.RESTORE_YES, no=strings.CANCEL
    )
    return stage.open(box)


SHOTS = [
    ("backup-settings", backup_settings),
    ("archive-dialog", archive_dialog),
    ("archive-verify-problems", verify_problems),
    ("document-check", document_check),
    ("restore-confirmation", restore_confirmation),
]
