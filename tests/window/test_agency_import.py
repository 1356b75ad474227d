"""«ورود از اکسل…» in the agencies section, driven through the real widgets."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from secretariat.members.agencies import AgencyDraft
from secretariat.members.agency_template import SHEET_TITLE
from tests.support.agency_sheets import agency_row, write_sheet
from ui.agencies.agencies_view import AgenciesView
from ui.agencies.agency_import_dialog import AgencyImportDialog
from ui.widgets import file_choice


@pytest.fixture
def view(qtbot, services, council):
    view = AgenciesView(services)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


@pytest.fixture
def sheet(tmp_path):
    return write_sheet(
        tmp_path / "فهرست دستگاه‌ها.xlsx",
        [
            agency_row("اداره كل آموزش و پرورش", category="اداره کل", first_name="مریم", last_name="احمدی"),
            agency_row("شهرداری پردیس", category="شهرداری", mobile="09121234567", first_name="علی"),
            agency_row("بانک ملی", category="بانکی"),
            agency_row("اداره ورزش و جوانان", category="اداره کل"),
        ],
    )


def names_in_view(view: AgenciesView) -> list[str]:
    model = view.model
    return [model.index(row, model.column("name")).data() for row in range(model.rowCount())]


def cells(dialog: AgencyImportDialog, key: str) -> list[str]:
    model = dialog.model
    return [model.index(row, model.column(key)).data() for row in range(model.rowCount())]


def read(qtbot, dialog: AgencyImportDialog) -> None:
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)


def test_a_sheet_is_previewed_then_imported_and_the_list_shows_it(
    qtbot, services, view, sheet, monkeypatch, run_modal
):
    services.agencies.add(AgencyDraft(name="اداره ورزش و جوانان"))
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(sheet))
    seen = {}

    def preview_and_import(dialog: AgencyImportDialog) -> None:
        assert not dialog.import_button.isEnabled()  # nothing read yet
        read(qtbot, dialog)
        seen["statuses"] = cells(dialog, "status")
        seen["rows"] = cells(dialog, "row")
        seen["counts"] = dialog.counts.text()
        seen["button"] = dialog.import_button.text()
        seen["saved meanwhile"] = services.agencies.count()
        dialog.errors_only.setChecked(True)
        seen["errors only"] = cells(dialog, "name")
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)

    run_modal(view.import_button.click, preview_and_import)

    assert seen["statuses"] == ["جدید", "جدید", "خطا", "موجود"]
    assert seen["rows"] == ["۲", "۳", "۴", "۵"]
    assert seen["counts"].endswith("۲ دستگاه جدید، ۱ موجود، ۱ ردیف با خطا")
    assert seen["button"] == "ورود ۲ دستگاه"
    assert seen["saved meanwhile"] == 1  # nothing saved before the confirmation
    assert seen["errors only"] == ["بانک ملی"]
    assert names_in_view(view) == ["اداره کل آموزش و پرورش", "اداره ورزش و جوانان", "شهرداری پردیس"]
    pardis = services.agencies.find_by_name("شهرداری پردیس")
    assert services.people.current_pr_manager(pardis.id).full_name == "علی"


def test_cancelling_the_preview_saves_nothing(qtbot, services, view, sheet, monkeypatch, run_modal):
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(sheet))

    def preview_and_cancel(dialog: AgencyImportDialog) -> None:
        read(qtbot, dialog)
        assert dialog.model.rowCount() == 4
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    run_modal(view.import_button.click, preview_and_cancel)
    assert services.agencies.count() == 0
    assert names_in_view(view) == []


def test_a_file_that_is_not_a_sheet_is_refused_in_persian_in_the_dialog(
    qtbot, services, council, tmp_path, monkeypatch
):
    text = tmp_path / "agencies.xlsx"
    text.write_text("نام دستگاه,تلفن\n", encoding="utf-8")
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(text))
    dialog = AgencyImportDialog(services.agency_import)
    qtbot.addWidget(dialog)
    dialog.show()
    read(qtbot, dialog)
    assert dialog.problem.isVisible()
    assert "کاربرگ اکسل (xlsx) نیست" in dialog.problem.text()
    assert "Traceback" not in dialog.problem.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()


def test_enter_in_the_table_does_not_import(qtbot, services, council, sheet):
    dialog = AgencyImportDialog(services.agency_import)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(sheet)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert not dialog.busy()  # no import started
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert services.agencies.count() == 0


def test_the_selected_row_shows_its_whole_error(qtbot, services, council, sheet):
    dialog = AgencyImportDialog(services.agency_import)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(sheet)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)
    index = dialog.model.index(2, 0)
    dialog.table.setCurrentIndex(index)
    detail = dialog.detail.text()
    assert "ردیف ۴ (خطا)" in detail and "«بانکی» شناخته نیست" in detail and "شرکت دولتی" in detail


def test_the_template_is_saved_where_the_person_chooses(qtbot, services, council, tmp_path, monkeypatch):
    target = tmp_path / "الگو"  # typed without the extension
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: str(target))
    dialog = AgencyImportDialog(services.agency_import)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "الگو.xlsx"
    assert load_workbook(written).worksheets[0].title == SHEET_TITLE
    assert "الگو ذخیره شد" in dialog.file_label.text()
