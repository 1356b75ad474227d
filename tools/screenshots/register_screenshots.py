"""The register's screens for ``--screenshots``: the register (all, and one
agency's overdue resolutions), the follow-up window with a log (again for a
done resolution, with its evidence and a document in its log, and for one
whose log has an entry corrected and one voided), and every follow-up
dialog (one with a document chosen, one with an inline refusal, the
correction and the void of an entry).

Resolutions are picked from whatever the database holds (one with a log, an
overdue one ...); when there is none of a kind the nearest is shown, so that
every step still yields a picture. Nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from secretariat import clock
from secretariat.followup.lifecycle import FollowUpRecord
from secretariat.followup.register import ResolutionQuery, ResolutionRow
from secretariat.followup.status import FollowUpKind, ResolutionStatus
from secretariat.members.agencies import AgencyQuery
from tools.screenshots.stage import Stage
from ui.resolutions.followup_dialogs import (
    CancelDialog,
    CorrectionDialog,
    DeadlineDialog,
    DeferDialog,
    DoneDialog,
    FollowUpDialog,
    ReopenDialog,
    VoidDialog,
)
from ui.resolutions.followup_window import FollowUpWindow
from ui.widgets.table_setup import select_row
from ui.window.main_window import RESOLUTIONS

LOOK_AT = 60  # rows of the register searched for a good example


def _rows(stage: Stage, query: ResolutionQuery | None = None) -> list[ResolutionRow]:
    return stage.services.register.page(query or ResolutionQuery(), limit=LOOK_AT)


def _with_log(stage: Stage) -> ResolutionRow | None:
    """A resolution with the longest follow-up log among the recent ones (a deadline change counts too)."""
    followup = stage.services.followup
    best, best_score = None, -1
    for row in _rows(stage):
        score = len(followup.log(row.id)) * 2 + len(followup.deadline_history(row.id))
        if score > best_score:
            best, best_score = row, score
    return best


def _done_with_document(stage: Stage) -> ResolutionRow | None:
    """A done resolution whose log keeps a document (the longest such log), else one with a log."""
    followup = stage.services.followup
    best, best_score = None, -1
    for row in _rows(stage, ResolutionQuery(status=ResolutionStatus.DONE)):
        log = followup.log(row.id)
        score = len(log) + (100 if any(entry.has_document for entry in log) else 0)
        if score > best_score:
            best, best_score = row, score
    return best


def _with_correction(stage: Stage) -> ResolutionRow | None:
    """A resolution whose log has an entry corrected or voided, else the one with the longest log."""
    followup = stage.services.followup
    for row in _rows(stage):
        if any(not entry.in_force for entry in followup.log(row.id)):
            return row
    return _with_log(stage)


def _running(stage: Stage) -> ResolutionRow | None:
    """An overdue resolution, else an open or running one, else any."""
    for query in (
        ResolutionQuery(overdue=True),
        ResolutionQuery(status=ResolutionStatus.IN_PROGRESS),
        ResolutionQuery(status=ResolutionStatus.OPEN),
        ResolutionQuery(),
    ):
        rows = _rows(stage, query)
        if rows:
            return rows[0]
    return None


def _closed(stage: Stage) -> ResolutionRow | None:
    for status in (ResolutionStatus.CANCELLED, ResolutionStatus.DONE):
        rows = _rows(stage, ResolutionQuery(status=status))
        if rows:
            return rows[0]
    return _running(stage)


def _most_overdue_agency(stage: Stage) -> int | None:
    register = stage.services.register
    counts = {
        agency.id: register.count(ResolutionQuery(overdue=True, agency_id=agency.id))
        for agency in stage.services.agencies.page(AgencyQuery(), limit=None)
    }
    worst = max(counts, key=lambda agency_id: counts[agency_id], default=None)
    return worst if worst is not None and counts[worst] else None


def _secretary(stage: Stage) -> str:
    council = stage.services.council.get()
    return council.secretary if council else ""


# -- the section ------------------------------------------------------------------------


def register(stage: Stage) -> QWidget:
    stage.window.show_section(RESOLUTIONS)
    stage.window.register_view.show_query(ResolutionQuery())
    return stage.window


def register_overdue_agency(stage: Stage) -> QWidget:
    stage.window.show_section(RESOLUTIONS)
    view = stage.window.register_view
    view.show_query(ResolutionQuery(overdue=True, agency_id=_most_overdue_agency(stage)))
    return stage.window


def _followup_window(stage: Stage, row: ResolutionRow | None) -> QWidget:
    if row is None:
        return register(stage)
    window = FollowUpWindow(stage.services, row.id, row.meeting_id, stage.window)
    stage.track(window)
    window.show()  # at the size it opens at on this screen
    # The entry with a document selected, so that its buttons show enabled.
    with_document = [index for index, entry in enumerate(window.log_model.records()) if entry.has_document]
    if with_document:
        select_row(window.log_table, with_document[-1])
    return window


def followup_window(stage: Stage) -> QWidget:
    return _followup_window(stage, _with_log(stage))


def followup_window_corrected(stage: Stage) -> QWidget:
    """The log with its entries taken back struck through, the corrected one selected (its line shown)."""
    row = _with_correction(stage)
    window = _followup_window(stage, row)
    if isinstance(window, FollowUpWindow):
        records: list[FollowUpRecord] = window.log_model.records()
        taken_back = [entry for entry in records if not entry.in_force]
        if taken_back:
            window.log_tab.select_entry(taken_back[0].id)
    return window


def followup_window_done(stage: Stage) -> QWidget:
    return _followup_window(stage, _done_with_document(stage))


# -- dialogs ------------------------------------------------------------------------------


def _dialog(
    stage: Stage, pick: Callable[[Stage], ResolutionRow | None], make: Callable[[ResolutionRow], QWidget]
) -> QWidget:
    row = pick(stage)
    if row is None:
        return register(stage)
    return stage.open(make(row))


def followup_dialog(stage: Stage) -> QWidget:
    def make(row: ResolutionRow) -> FollowUpDialog:
        dialog = FollowUpDialog(
            stage.services.followup, row, recorded_by=_secretary(stage), parent=stage.window
        )
        dialog.kind.setCurrentIndex(dialog.kind.findData(FollowUpKind.PHONE.value))
        dialog.note.setPlainText("با کارشناس روابط عمومی دستگاه تماس گرفته شد؛ گزارش تا پایان هفته می‌رسد.")
        dialog.progress.setText("۶۰")
        # Only named, never read: nothing is saved.
        dialog.document.set_path(Path.home() / "Documents" / "گزارش پیشرفت دستگاه.pdf")
        return dialog

    return _dialog(stage, _running, make)


def followup_dialog_errors(stage: Stage) -> QWidget:
    """Progress 150 and a date before the meeting: refused, the messages under the fields."""
    row = _running(stage)
    if row is None:
        return register(stage)
    dialog = FollowUpDialog(stage.services.followup, row, recorded_by=_secretary(stage), parent=stage.window)
    stage.open(dialog)
    dialog.note.setPlainText("گزارش دستگاه رسید.")
    dialog.progress.setText("۱۵۰")
    dialog.accept()  # refused before anything is written
    return dialog


def _entry_in_force(stage: Stage, row: ResolutionRow) -> FollowUpRecord | None:
    """The last entry in force with progress reported, else the last in force."""
    log = [entry for entry in stage.services.followup.log(row.id) if entry.in_force]
    reported = [entry for entry in log if entry.progress is not None]
    chosen = reported or log
    return chosen[-1] if chosen else None


def correction_dialog(stage: Stage) -> QWidget:
    """Progress typed wrong: corrected, with the reason; the entry's values filled in to fix."""
    row = _with_correction(stage)
    entry = _entry_in_force(stage, row) if row is not None else None
    if row is None or entry is None:
        return register(stage)
    dialog = CorrectionDialog(
        stage.services.followup, row, entry, recorded_by=_secretary(stage), parent=stage.window
    )
    dialog.progress.setText("۶۵")
    dialog.reason.setPlainText(
        "دستگاه در نامه بعدی درصد پیشرفت را ۶۵ اعلام کرد؛ عدد پیشین اشتباه خوانده شده بود."
    )
    return stage.open(dialog)


def void_dialog(stage: Stage) -> QWidget:
    row = _with_correction(stage)
    entry = _entry_in_force(stage, row) if row is not None else None
    if row is None or entry is None:
        return register(stage)
    dialog = VoidDialog(stage.services.followup, row, entry, by=_secretary(stage), parent=stage.window)
    dialog.reason.setPlainText("این پیگیری برای مصوبه دیگری بود و به اشتباه اینجا ثبت شد.")
    return stage.open(dialog)


def done_dialog(stage: Stage) -> QWidget:
    def make(row: ResolutionRow) -> DoneDialog:
        dialog = DoneDialog(stage.services.followup, row, stage.window)
        dialog.evidence.setPlainText("گزارش شماره ۱۲۳۴/ر مورخ ۱۴۰۴/۰۳/۱۰ دستگاه مسئول")
        return dialog

    return _dialog(stage, _running, make)


def cancel_dialog(stage: Stage) -> QWidget:
    def make(row: ResolutionRow) -> CancelDialog:
        dialog = CancelDialog(stage.services.followup, row, stage.window)
        dialog.reason.setPlainText("با تصمیم جلسه بعد موضوع منتفی شد.")
        return dialog

    return _dialog(stage, _running, make)


def reopen_dialog(stage: Stage) -> QWidget:
    def make(row: ResolutionRow) -> ReopenDialog:
        dialog = ReopenDialog(stage.services.followup, row, stage.window)
        dialog.reason.setPlainText("گزارش انجام کامل نبود.")
        return dialog

    return _dialog(stage, _closed, make)


def defer_dialog(stage: Stage) -> QWidget:
    def make(row: ResolutionRow) -> DeferDialog:
        return DeferDialog(stage.services.followup, stage.services.meetings, row, stage.window)

    return _dialog(stage, _running, make)


def deadline_dialog(stage: Stage) -> QWidget:
    def make(row: ResolutionRow) -> DeadlineDialog:
        dialog = DeadlineDialog(stage.services.followup, row, by=_secretary(stage), parent=stage.window)
        dialog.new_due.setDate(max(row.due_date or clock.today(), clock.today()) + dt.timedelta(days=30))
        dialog.reason.setPlainText("درخواست دستگاه برای فرصت بیشتر، به سبب تأخیر در تأمین اعتبار")
        return dialog

    return _dialog(stage, _running, make)


SHOTS: list[tuple[str, Callable[[Stage], QWidget]]] = [
    ("register", register),
    ("register-overdue-agency", register_overdue_agency),
    ("followup-window", followup_window),
    ("followup-window-done", followup_window_done),
    ("followup-window-corrected", followup_window_corrected),
    ("followup-form", followup_dialog),
    ("followup-form-errors", followup_dialog_errors),
    ("followup-correction", correction_dialog),
    ("followup-void", void_dialog),
    ("resolution-done", done_dialog),
    ("resolution-cancel", cancel_dialog),
    ("resolution-reopen", reopen_dialog),
    ("resolution-defer", defer_dialog),
    ("deadline-change", deadline_dialog),
]
