"""Correcting and voiding a follow-up entry in the follow-up window, through the real dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.followup.status import ResolutionStatus
from tests.support.window_meetings import AGENCIES, SECRETARY, held_meeting, make_council, with_resolution
from ui.resolutions.followup_dialogs import CorrectionDialog, VoidDialog
from ui.resolutions.followup_models import CORRECTED_COLOUR, TAKEN_BACK_COLOUR, VOIDED_COLOUR
from ui.resolutions.followup_window import FollowUpWindow
from ui.rtl import RLM
from ui.widgets.table_setup import select_row

EXPERT = "هادی امینی"


@pytest.fixture
def resolution(services):
    """A resolution of a held meeting, with two entries: a letter, then a call reporting 40%."""
    agencies = make_council(services)
    meeting = held_meeting(services, agencies)
    resolution = with_resolution(services, meeting.id, agencies[AGENCIES[0]])
    add = services.followup.add
    add(
        resolution.id,
        FollowUpDraft(date="1404/03/01", kind="letter", note="نامه شماره ۲۱۵", recorded_by=EXPERT),
    )
    add(
        resolution.id,
        FollowUpDraft(
            date="1404/03/10", kind="phone", note="گزارش تلفنی رسید.", progress="40", recorded_by=EXPERT
        ),
    )
    return resolution


@pytest.fixture
def window(qtbot, services, resolution):
    followup = FollowUpWindow(services, resolution.id, resolution.meeting_id)
    qtbot.addWidget(followup)
    followup.show()
    qtbot.waitExposed(followup)
    return followup


def cell(window, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    model = window.log_model
    return model.index(row, model.column(key)).data(role)


def struck(window, row: int) -> bool:
    return all(
        cell(window, row, key, Qt.ItemDataRole.FontRole) is not None
        and cell(window, row, key, Qt.ItemDataRole.FontRole).strikeOut()
        for key in ("date", "kind", "note", "progress", "recorded_by")
    )


def click_row(qtbot, window, row: int) -> None:
    table = window.log_table
    rect = table.visualRect(window.log_model.index(row, window.log_model.column("note")))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def note_line(window) -> str:
    return window.log_tab.correction_note.text().removeprefix(RLM)


def test_an_entry_corrected_through_the_dialog_stays_struck_through_with_who_when_and_why(
    qtbot, window, services, resolution, run_modal, type_text
):
    tab = window.log_tab
    assert not tab.correct_button.isEnabled() and not tab.void_button.isEnabled()  # nothing selected
    click_row(qtbot, window, 1)
    assert tab.correct_button.isEnabled() and tab.void_button.isEnabled()
    assert not tab.correction_note.isVisibleTo(window)

    def correct(dialog: CorrectionDialog) -> None:
        # The entry's values, filled in to fix; the secretary proposed as who corrects.
        assert dialog.progress.text() == "۴۰" and dialog.note.toPlainText() == "گزارش تلفنی رسید."
        assert dialog.recorded_by.text() == SECRETARY
        dialog.progress.clear()
        type_text(dialog.progress, "۴")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # the reason is required, beside its field
        assert dialog.form.error("reason") == "دلیل اصلاح را بنویسید."
        assert dialog.progress.text() == "۴"  # nothing typed is lost
        type_text(dialog.reason, "صفر زیادی تایپ شده بود.")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(lambda: qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton), correct)

    assert window.log_model.rowCount() == 3
    # The original, struck through and greyed, marked, its cells telling who, when and why.
    assert struck(window, 1) and cell(window, 1, "progress") == "۴۰٪"
    assert cell(window, 1, "note", Qt.ItemDataRole.ForegroundRole) == TAKEN_BACK_COLOUR
    assert cell(window, 1, "correction") == "اصلاح‌شده"
    assert cell(window, 1, "correction", Qt.ItemDataRole.ForegroundRole) == CORRECTED_COLOUR
    tip = cell(window, 1, "note", Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("گزارش تلفنی رسید.\nاصلاح‌شده در ")
    assert tip.endswith(f" توسط {SECRETARY}؛ دلیل: صفر زیادی تایپ شده بود.")
    # The correction, its own entry, selected, and linked to the original.
    assert not struck(window, 2) and cell(window, 2, "progress") == "۴٪"
    assert cell(window, 2, "correction") == "اصلاحیه" and cell(window, 2, "recorded_by") == SECRETARY
    assert tab.selected_entry().progress == 4
    assert note_line(window) == "اصلاحِ پیگیری ۱۴۰۴/۰۳/۱۰"
    assert window.row.status is ResolutionStatus.IN_PROGRESS

    # The struck entry is taken back once: its buttons are off, its line says why.
    click_row(qtbot, window, 1)
    assert not tab.correct_button.isEnabled() and not tab.void_button.isEnabled()
    assert tab.correction_note.isVisibleTo(window)
    assert note_line(window).endswith(f"توسط {SECRETARY}؛ دلیل: صفر زیادی تایپ شده بود.")
    assert [entry.in_force for entry in services.followup.log(resolution.id)] == [True, False, True]


def test_an_entry_voided_from_the_context_menu_no_longer_starts_the_work(
    qtbot, window, services, resolution, run_modal, type_text
):
    assert window.status_label.text() == "در حال اجرا"
    tab = window.log_tab
    table = tab.table
    rect = table.visualRect(window.log_model.index(1, 0))
    table.customContextMenuRequested.emit(rect.center())  # a right click on the call, or the menu key
    menu = QApplication.activePopupWidget()
    assert menu is not None and tab.selected_entry().note == "گزارش تلفنی رسید."
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == ["اصلاح...", "ابطال...", "باز کردن سند", "ذخیره سند..."]
    void = next(action for action in menu.actions() if action.text() == "ابطال...")
    assert void.isEnabled()
    menu.close()

    def void_it(dialog: VoidDialog) -> None:
        assert "پیگیری ۱۴۰۴/۰۳/۱۰، تماس تلفنی، پیشرفت ۴۰٪: گزارش تلفنی رسید." in dialog._intro.text()
        dialog.by.clear()
        type_text(dialog.reason, "این تماس درباره مصوبه دیگری بود.")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.form.error("by") == "نام ثبت‌کننده را بنویسید."
        type_text(dialog.by, SECRETARY)
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(void.trigger, void_it)

    assert window.log_model.rowCount() == 2 and struck(window, 1)
    assert cell(window, 1, "correction") == "باطل‌شده"
    assert cell(window, 1, "correction", Qt.ItemDataRole.ForegroundRole) == VOIDED_COLOUR
    assert note_line(window).startswith("باطل‌شده در ")
    # The only progress reported no longer counts: the work has not started after all.
    assert window.status_label.text() == "باز"


def test_a_closed_resolutions_entry_is_still_corrected(
    qtbot, window, services, resolution, run_modal, type_text
):
    services.followup.mark_done(resolution.id, evidence="گزارش پایانی", on="1404/03/20")
    assert not window.record_button.isEnabled()  # no new follow-up on a done resolution
    select_row(window.log_table, 0)
    assert window.log_tab.correct_button.isEnabled()

    def correct(dialog: CorrectionDialog) -> None:
        dialog.date.setText("1404/03/02")
        type_text(dialog.reason, "نامه یک روز بعد فرستاده شد.")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(window.correct_entry, correct)
    assert [(e.date.day, e.in_force) for e in services.followup.log(resolution.id)] == [
        (22, False),  # 1404/03/01
        (23, True),  # 1404/03/02, its correction
        (31, True),  # 1404/03/10
    ]
    assert window.row.status is ResolutionStatus.DONE
