"""The meeting window, driven through its real tabs and dialogs: the agenda,
attendance and the live quorum, resolutions and their refusals, finalizing,
amendments and the signed scan."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from secretariat.meetings.kinds import Attendance, MeetingStatus
from tests.support import files
from tests.support.window_meetings import (
    AGENCIES,
    SECRETARY,
    finalized_meeting,
    held_meeting,
    make_council,
    plan,
    with_resolution,
)
from ui.meetings.window.meeting_window import MeetingWindow
from ui.widgets import file_choice


@pytest.fixture
def agencies(services):
    return make_council(services)


@pytest.fixture
def open_window(qtbot, services):
    def open_(meeting_id: int) -> MeetingWindow:
        window = MeetingWindow(services, meeting_id)
        qtbot.addWidget(window)
        window.show()
        return window

    return open_


def titles(window: MeetingWindow) -> list[str]:
    model = window.agenda.model
    return [model.index(row, model.column("title")).data() for row in range(model.rowCount())]


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- the agenda ------------------------------------------------------------------------


def test_agenda_items_are_added_through_the_dialog_and_reordered(
    qtbot, services, agencies, open_window, type_text, run_modal, message_boxes
):
    window = open_window(plan(services, "1420/01/15").id)
    window.show_tab(window.agenda)

    def add(title: str, presenter: str = ""):
        def fill_in(dialog) -> None:
            type_text(dialog.title, title)
            if presenter:
                type_text(dialog.presenter.lineEdit(), presenter)
                qtbot.keyClick(dialog.presenter.completer().popup(), Qt.Key.Key_Down)
                qtbot.keyClick(dialog.presenter.completer().popup(), Qt.Key.Key_Return)
            click(qtbot, dialog.save_button())

        run_modal(lambda: click(qtbot, window.agenda.add_button), fill_in)

    add("تشکیل شبکه ارتباط رسانه‌ای", "بهزیستی")
    add("برنامه‌های هفته روابط عمومی")
    add("به‌روزرسانی صفحه دستگاه‌ها در درگاه فرمانداری")
    assert titles(window) == [
        "تشکیل شبکه ارتباط رسانه‌ای",
        "برنامه‌های هفته روابط عمومی",
        "به‌روزرسانی صفحه دستگاه‌ها در درگاه فرمانداری",
    ]
    assert (
        window.agenda.model.index(0, window.agenda.model.column("presenter")).data()
        == "اداره بهزیستی شهرستان پردیس"
    )
    assert window.agenda.model.index(2, window.agenda.model.column("position")).data() == "۳"
    assert window.tabs.tabText(window.tabs.indexOf(window.agenda)) == "دستور کار (۳)"

    # The last one added is selected: move it up twice, then the first one down.
    assert window.agenda.selected_item().position == 3
    assert not window.agenda.down_button.isEnabled()
    click(qtbot, window.agenda.up_button)
    click(qtbot, window.agenda.up_button)
    assert titles(window)[0] == "به‌روزرسانی صفحه دستگاه‌ها در درگاه فرمانداری"
    assert window.agenda.selected_item().position == 1
    click(qtbot, window.agenda.down_button)
    assert [item.title for item in services.agenda.items(window.meeting_id)] == [
        "تشکیل شبکه ارتباط رسانه‌ای",
        "به‌روزرسانی صفحه دستگاه‌ها در درگاه فرمانداری",
        "برنامه‌های هفته روابط عمومی",
    ]

    click(qtbot, window.agenda.remove_button)
    assert message_boxes.shown[-1][0] == "confirm"
    assert len(services.agenda.items(window.meeting_id)) == 2

    click(qtbot, window.agenda.review_button)
    assert titles(window)[0] == "گزارش پیگیری مصوبات باز جلسات پیشین"
    # Asked again, the one review item is brought up to date.
    assert window.agenda.review_button.text() == "به‌روزرسانی مرور مصوبات باز"
    click(qtbot, window.agenda.review_button)
    assert titles(window).count("گزارش پیگیری مصوبات باز جلسات پیشین") == 1


# -- attendance -----------------------------------------------------------------------------


def test_the_quorum_line_follows_the_sheet_before_it_is_saved(
    qtbot, services, agencies, open_window, type_text, message_boxes
):
    meeting = plan(services, "1404/02/25", host_agency_id=agencies[AGENCIES[0]])
    window = open_window(meeting.id)
    tab = window.attendance
    window.show_tab(tab)
    model, table = tab.model, tab.table
    assert tab.quorum_label.text().lstrip("\u200f") == "۰ از ۵ عضو حاضر؛ حد نصاب (۳ نفر) فراهم نیست."

    # The first agency through the drop-down editor, as a person would.
    row = next(r for r in range(model.rowCount()) if model.line(r).name == "اداره پست پردیس")
    index = model.index(row, model.column("status"))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.viewport().findChild(QComboBox, "attendanceChoice")
    assert editor is not None
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # ثبت‌نشده -> حاضر
    assert model.line(row).attendance is Attendance.PRESENT
    assert tab.quorum_label.text().lstrip("\u200f") == "۱ از ۵ عضو حاضر؛ حد نصاب (۳ نفر) فراهم نیست."
    # Who came: the PR manager by default.
    assert model.index(row, model.column("attendee")).data() == "علی رضایی"

    click(qtbot, tab.rest_present_button)
    assert tab.quorum_label.text().lstrip("\u200f") == "۵ از ۵ عضو حاضر؛ حد نصاب (۳ نفر) فراهم است."
    rows = {model.line(r).name: r for r in range(model.rowCount())}
    model.set_attendance(rows["بانک ملی ایران شعبه پردیس"], Attendance.ABSENT)
    model.set_attendance(rows["اداره بهزیستی شهرستان پردیس"], Attendance.EXCUSED)
    model.set_attendance(rows["شهرداری پردیس"], Attendance.LATE)
    assert tab.quorum_label.text().lstrip("\u200f") == "۳ از ۵ عضو حاضر؛ حد نصاب (۳ نفر) فراهم است."
    # A substitute came for the municipality's PR manager.
    model.setData(model.index(rows["شهرداری پردیس"], model.column("attendee")), "رضا کاظمی")

    # Excused without a reason: refused beside the sheet, nothing saved.
    click(qtbot, tab.save_button)
    assert tab.sheet_error.message() == "برای غیبت موجه «اداره بهزیستی شهرستان پردیس» دلیل را بنویسید."
    assert services.meetings.get(meeting.id).status is MeetingStatus.PLANNED
    assert all(i.attendance is Attendance.UNKNOWN for i in services.attendance.invitations(meeting.id))

    model.setData(model.index(rows["اداره بهزیستی شهرستان پردیس"], model.column("excuse")), "مأموریت اداری")
    assert tab.sheet_error.message() == ""
    click(qtbot, tab.save_button)

    assert services.meetings.get(meeting.id).status is MeetingStatus.HELD
    recorded = {i.agency_name: i for i in services.attendance.invitations(meeting.id)}
    assert recorded["شهرداری پردیس"].attendance is Attendance.LATE
    assert recorded["شهرداری پردیس"].attendee_name == "رضا کاظمی"
    assert recorded["اداره پست پردیس"].attendee_name == "علی رضایی"
    assert recorded["اداره بهزیستی شهرستان پردیس"].excuse == "مأموریت اداری"
    assert services.attendance.quorum(meeting.id).present == 3
    assert window.header.status.text() == "برگزارشده"
    assert not tab.has_unsaved_changes()


def test_f4_on_who_came_lists_the_agencys_people_and_enter_chooses_the_deputy(
    qtbot, services, agencies, open_window, type_text, message_boxes
):
    from PySide6.QtWidgets import QApplication

    from secretariat.members.people import AppointmentDraft, PersonDraft
    from secretariat.reports.minutes_data import gather_minutes
    from ui.people.person_picker import PersonPicker

    municipality = agencies["شهرداری پردیس"]
    deputy = services.people.add(PersonDraft(full_name="رضا کاظمی")).id
    services.people.appoint(
        AppointmentDraft(agency_id=municipality, person_id=deputy, role="deputy", start_date="1402/01/01")
    )
    guest_speaker = services.people.add(PersonDraft(full_name="نرگس یوسفی")).id  # at no agency
    meeting = plan(services, "1404/02/25", host_agency_id=municipality)
    window = open_window(meeting.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.attendance
    window.show_tab(tab)
    model, table = tab.model, tab.table
    rows = {model.line(r).name: r for r in range(model.rowCount())}
    # Alt+Down on a status cell opens its drop-down, as on a combo box.
    status = model.index(rows["شهرداری پردیس"], model.column("status"))
    table.setCurrentIndex(status)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    combo = table.indexWidget(status)
    assert isinstance(combo, QComboBox) and combo.view().isVisible()
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(status) is None)
    assert model.line(rows["شهرداری پردیس"]).attendance is Attendance.PRESENT
    click(qtbot, tab.rest_present_button)

    def open_list(agency: str) -> PersonPicker:
        table.setCurrentIndex(model.index(rows[agency], model.column("attendee")))
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_F4)
        picker = table.indexWidget(table.currentIndex())
        assert isinstance(picker, PersonPicker)
        qtbot.waitUntil(picker.completer().popup().isVisible)
        return picker

    # F4 on the cell: the municipality's people, its PR manager first.
    picker = open_list("شهرداری پردیس")
    listed = picker.model()
    assert [listed.index(r).data() for r in range(listed.rowCount())] == [
        "مریم احمدی — مدیر روابط عمومی",
        "رضا کاظمی — معاون روابط عمومی",
    ]
    popup = picker.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: table.indexWidget(model.index(rows["شهرداری پردیس"], model.column("attendee"))) is None
    )
    assert model.index(rows["شهرداری پردیس"], model.column("attendee")).data() == "رضا کاظمی"
    assert QApplication.activePopupWidget() is None and window.isVisible()

    # Anyone in the register: typed (with an Arabic ي), then chosen from the list.
    picker = open_list("اداره پست پردیس")
    picker.lineEdit().selectAll()
    type_text(picker.lineEdit(), "يوسفی")
    popup = picker.completer().popup()
    assert popup.isVisible() and picker.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert model.index(rows["اداره پست پردیس"], model.column("attendee")).data() == "نرگس یوسفی"

    # A name that is nobody's in the register, typed over the proposed one: kept as typed.
    bank = model.index(rows["بانک ملی ایران شعبه پردیس"], model.column("attendee"))
    table.setCurrentIndex(bank)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    picker = table.indexWidget(bank)
    type_text(picker.lineEdit(), "حسن نوری")
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(bank) is None)  # the view commits after the key
    assert bank.data() == "حسن نوری"

    click(qtbot, tab.save_button)
    recorded = {i.agency_name: i for i in services.attendance.invitations(meeting.id)}
    assert (recorded["شهرداری پردیس"].attendee_person_id, recorded["شهرداری پردیس"].attendee_name) == (
        deputy,
        "رضا کاظمی",
    )
    assert recorded["اداره پست پردیس"].attendee_person_id == guest_speaker
    bank_record = recorded["بانک ملی ایران شعبه پردیس"]
    assert (bank_record.attendee_person_id, bank_record.attendee_name) == (None, "حسن نوری")
    # The minutes name the deputy, as someone who came in the PR manager's place.
    present = {m.agency_name: m for m in gather_minutes(services, meeting.id).present}
    assert (present["شهرداری پردیس"].attendee_name, present["شهرداری پردیس"].substitute) == (
        "رضا کاظمی",
        True,
    )
    # The sheet as saved keeps the deputy.
    assert model.index(rows["شهرداری پردیس"], model.column("attendee")).data() == "رضا کاظمی"


def test_attendance_waits_for_the_meeting_day(services, agencies, open_window):
    window = open_window(plan(services, "1420/01/15").id)
    tab = window.attendance
    assert "پس از برگزاری جلسه" in tab.lock_note.text()
    assert not tab.save_button.isEnabled()
    assert not (tab.model.flags(tab.model.index(0, tab.model.column("status"))) & Qt.ItemFlag.ItemIsEditable)


def test_a_refusal_from_the_core_is_a_persian_message_and_changes_nothing(
    qtbot, services, agencies, open_window, message_boxes
):
    meeting = held_meeting(services, agencies)
    window = open_window(meeting.id)
    tab = window.invitees
    window.show_tab(tab)
    click(qtbot, tab.remove_button)  # the first invitee, recorded present
    assert message_boxes.shown[-1] == ("warn", "حضور این دعوت‌شده ثبت شده است؛ نخست حضور را پاک کنید.")
    assert len(services.attendance.invitations(meeting.id)) == len(AGENCIES)


# -- resolutions, finalizing, amendments ----------------------------------------------------------


def test_a_resolution_is_refused_without_a_lead_or_with_a_deadline_before_the_meeting(
    qtbot, services, agencies, open_window, type_text, run_modal
):
    meeting = held_meeting(services, agencies)
    window = open_window(meeting.id)
    tab = window.resolutions
    window.show_tab(tab)

    def fill_in(dialog) -> None:
        type_text(dialog.text, "مقرر شد دوره آموزشی خبرنویسی برای کارشناسان روابط عمومی برگزار شود.")
        type_text(dialog.due_date.lineEdit(), "1404/02/20")  # five days before the meeting
        click(qtbot, dialog.save_button())
        assert dialog.isVisible()
        assert dialog.form.error("lead_agency_id") == "دستگاه مسئول اجرای مصوبه را انتخاب کنید."
        assert dialog.form.error("due_date") == "مهلت نمی‌تواند پیش از تاریخ جلسه (۱۴۰۴/۰۲/۲۵) باشد."
        assert services.minutes.resolutions(meeting.id) == ()

        type_text(dialog.lead.lineEdit(), "آموزش")
        qtbot.keyClick(dialog.lead.completer().popup(), Qt.Key.Key_Down)
        qtbot.keyClick(dialog.lead.completer().popup(), Qt.Key.Key_Return)
        assert dialog.form.error("lead_agency_id") == ""
        type_text(dialog.collaborators.filter_box, "پست")
        proxy = dialog.collaborators.view.model()
        assert proxy.rowCount() == 1
        proxy.setData(proxy.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        dialog.next_meeting.setFocus()
        qtbot.keyClick(dialog.next_meeting, Qt.Key.Key_Space)
        assert not dialog.due_date.isEnabled()
        assert dialog.form.error("due_date") == ""
        dialog.priority.setCurrentIndex(dialog.priority.findData("urgent"))
        click(qtbot, dialog.save_button())

    run_modal(lambda: click(qtbot, tab.add_button), fill_in)

    [resolution] = services.minutes.resolutions(meeting.id)
    assert resolution.lead.agency_name == "اداره آموزش و پرورش شهرستان پردیس"
    assert [a.agency_name for a in resolution.collaborators] == ["اداره پست پردیس"]
    assert resolution.due_next_meeting and resolution.due_date is None
    cells = [tab.model.index(0, column).data() for column in range(tab.model.columnCount())]
    assert cells[0] == "۱"
    assert cells[1] == "\u2066۱۴۰۴\u200e-\u200e۰۱\u200e-\u200e۰۱\u2069"
    assert cells[3:] == ["اداره آموزش و پرورش شهرستان پردیس", "اداره پست پردیس", "تا جلسه بعد", "فوری"]
    assert tab.selected_resolution().id == resolution.id


def test_finalized_minutes_are_read_only_and_show_the_amendment_beside_the_original(
    qtbot, services, agencies, open_window, type_text, run_modal
):
    meeting = held_meeting(services, agencies)
    with_resolution(
        services, meeting.id, agencies[AGENCIES[1]], "مقرر شد گزارش ماهانه تا پنجم هر ماه ارسال شود."
    )
    window = open_window(meeting.id)
    assert window.finalize_button.isVisible()

    def finalize(dialog) -> None:
        assert dialog.missing == []
        assert "۵ از ۵ عضو حاضر" in dialog.state.text()
        assert dialog.by.text() == SECRETARY  # the council's secretary by default
        click(qtbot, dialog.save_button())

    run_modal(lambda: click(qtbot, window.finalize_button), finalize)

    record = services.meetings.get(meeting.id)
    assert record.status is MeetingStatus.FINALIZED and record.finalized_by == SECRETARY
    assert window.header.status.text() == "صورتجلسه نهایی"
    assert not window.finalize_button.isVisible()
    # Nothing can change any more: every tab says so and offers no edits.
    assert not window.agenda.add_button.isEnabled()
    assert not window.invitees.invite_guest_button.isEnabled()
    assert not window.attendance.save_button.isEnabled()
    assert not (
        window.attendance.model.flags(window.attendance.model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    )
    assert window.summaries.editor.isReadOnly()
    assert not window.resolutions.add_button.isVisible()
    assert "اصلاحیه" in window.resolutions.lock_note.text()

    tab = window.resolutions
    window.show_tab(tab)

    def amend(dialog) -> None:
        click(qtbot, dialog.save_button())  # no reason yet
        assert dialog.form.error("reason") == "دلیل اصلاح را بنویسید."
        dialog.text.clear()
        type_text(dialog.text, "مقرر شد گزارش ماهانه تا دهم هر ماه ارسال شود.")
        type_text(dialog.reason, "اشتباه در تاریخ")
        click(qtbot, dialog.save_button())

    run_modal(lambda: click(qtbot, tab.amend_button), amend)

    [resolution] = services.minutes.resolutions(meeting.id)
    assert resolution.text == "مقرر شد گزارش ماهانه تا پنجم هر ماه ارسال شود."  # the minutes as signed
    assert resolution.current_text == "مقرر شد گزارش ماهانه تا دهم هر ماه ارسال شود."
    assert tab.amendments_box.isVisible()
    row = [tab.amendment_model.index(0, column).data() for column in range(4)]
    assert row[1:] == [
        "متن مصوبه",
        "مقرر شد گزارش ماهانه تا پنجم هر ماه ارسال شود.",
        "مقرر شد گزارش ماهانه تا دهم هر ماه ارسال شود.",
    ]
    assert tab.amendment_model.index(0, 5).data() == SECRETARY
    text_cell = tab.model.index(0, tab.model.column("text")).data()
    assert text_cell.splitlines() == [
        "مقرر شد گزارش ماهانه تا پنجم هر ماه ارسال شود.",
        "اصلاح‌شده: مقرر شد گزارش ماهانه تا دهم هر ماه ارسال شود.",
    ]


def test_finalizing_shows_what_is_missing(qtbot, services, agencies, open_window, run_modal):
    meeting = plan(services, "1404/02/25")
    invitations = services.attendance.invitations(meeting.id)
    from secretariat.meetings.attendance import AttendanceEntry

    services.attendance.record(meeting.id, [AttendanceEntry(invitations[0].id, "present")])
    window = open_window(meeting.id)

    def look(dialog) -> None:
        assert dialog.missing == ["حضور و غیاب ۴ دستگاه دعوت‌شده ثبت نشده است."]
        assert "حضور و غیاب ۴ دستگاه" in dialog.state.text()
        assert not dialog.save_button().isEnabled()
        dialog.reject()

    run_modal(lambda: click(qtbot, window.finalize_button), look)
    assert services.meetings.get(meeting.id).status is MeetingStatus.HELD


def test_the_summary_of_an_item_is_saved_when_another_is_chosen(
    qtbot, services, agencies, open_window, type_text
):
    meeting = held_meeting(services, agencies)
    window = open_window(meeting.id)
    tab = window.summaries
    window.show_tab(tab)
    assert tab.selected_item().position == 1
    type_text(tab.editor, "دبیر شورا گزارشی از تشکیل شبکه ارائه کرد.")
    assert tab.save_button.isEnabled()
    from ui.widgets.table_setup import select_row

    select_row(tab.table, 1)
    items = services.agenda.items(meeting.id)
    assert items[0].summary == "دبیر شورا گزارشی از تشکیل شبکه ارائه کرد."
    assert tab.selected_item().position == 2 and tab.editor.toPlainText() == ""


# -- the signed scan --------------------------------------------------------------------------


def test_the_signed_scan_is_attached_with_its_description_and_a_copy_saved_out(
    qtbot, services, agencies, open_window, tmp_path, monkeypatch, type_text, run_modal, message_boxes
):
    meeting = finalized_meeting(services, agencies)
    scan = tmp_path / "صورتجلسه_امضاشده.pdf"
    scan.write_bytes(files.pdf(binary=b"signed" * 500))  # a whole PDF, about 3 KB
    copy = tmp_path / "copy.pdf"
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(scan))
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: str(copy))
    window = open_window(meeting.id)
    tab = window.attachments
    window.show_tab(tab)

    def describe(dialog) -> None:
        assert dialog.windowTitle() == "پیوست پرونده"
        assert "صورتجلسه_امضاشده.pdf" in dialog.findChild(QLabel, "fileName").text()
        assert dialog.signed_choice.isChecked() and dialog.signed_choice.isEnabled()
        # Proposed from the file's name, selected: typing replaces it.
        assert dialog.description.text() == "صورتجلسه امضاشده"
        assert dialog.description.selectedText() == "صورتجلسه امضاشده"
        type_text(dialog.description, "نسخه امضاشده اعضای حاضر")
        click(qtbot, dialog.save_button())

    run_modal(lambda: click(qtbot, tab.signed_button), describe)

    assert window.header.status.text() == "امضاشده"
    assert services.meetings.get(meeting.id).signed
    model = tab.model
    cells = [model.index(0, column).data() for column in range(5)]
    assert cells[:3] == ["صورتجلسه امضاشده", "صورتجلسه_امضاشده.pdf", "نسخه امضاشده اعضای حاضر"]
    assert cells[3] == "۳ کیلوبایت"
    import hashlib

    assert cells[4] == hashlib.sha256(scan.read_bytes()).hexdigest()[:12]

    # The description changes later; a longer one than the limit cannot be typed.
    def change(dialog) -> None:
        assert dialog.description.text() == "نسخه امضاشده اعضای حاضر"
        assert dialog.description.maxLength() == 300
        dialog.description.clear()
        type_text(dialog.description, "نسخه امضاشده با امضای رييس شورا")  # Arabic ي
        click(qtbot, dialog.save_button())

    run_modal(lambda: click(qtbot, tab.describe_button), change)
    assert model.index(0, model.column("description")).data() == "نسخه امضاشده با امضای رییس شورا"
    assert [a.description for a in services.attachments.list(meeting.id)] == [
        "نسخه امضاشده با امضای رییس شورا"
    ]

    click(qtbot, tab.copy_button)
    assert copy.read_bytes() == scan.read_bytes()


def test_a_document_is_attached_as_described_and_cancelling_attaches_nothing(
    qtbot, services, agencies, open_window, tmp_path, monkeypatch, run_modal, message_boxes
):
    meeting = held_meeting(services, agencies)
    photo = tmp_path / "گزارش تصویری.jpg"
    photo.write_bytes(files.jpeg())
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(photo))
    window = open_window(meeting.id)
    tab = window.attachments
    window.show_tab(tab)

    def cancel(dialog) -> None:
        # Not finalized: the signed minutes cannot be chosen.
        assert not dialog.signed_choice.isEnabled() and dialog.document_choice.isChecked()
        dialog.reject()

    run_modal(lambda: click(qtbot, tab.document_button), cancel)
    assert services.attachments.list(meeting.id) == ()

    run_modal(lambda: click(qtbot, tab.document_button), lambda dialog: click(qtbot, dialog.save_button()))
    [attached] = services.attachments.list(meeting.id)
    assert (attached.description, attached.is_signed_minutes) == ("گزارش تصویری", False)
    assert tab.model.index(0, tab.model.column("description")).data() == "گزارش تصویری"


def test_a_scan_that_is_not_a_pdf_or_an_image_is_refused(
    qtbot, services, agencies, open_window, tmp_path, monkeypatch, message_boxes
):
    meeting = finalized_meeting(services, agencies)
    letter = tmp_path / "minutes.docx"
    letter.write_bytes(b"PK\x03\x04 not a scan")
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(letter))
    window = open_window(meeting.id)
    window.show_tab(window.attachments)
    click(qtbot, window.attachments.signed_button)
    assert message_boxes.shown[-1][0] == "warn"
    assert "PDF یا تصویر" in message_boxes.shown[-1][1]
    assert not services.meetings.get(meeting.id).signed
    assert window.attachments.model.rowCount() == 0


def test_a_planned_meeting_has_no_minutes_yet(services, agencies, open_window):
    window = open_window(plan(services, "1420/01/15").id)
    assert not window.finalize_button.isVisible()
    assert not window.resolutions.add_button.isEnabled()
    assert "پس از برگزاری" in window.resolutions.lock_note.text()
    assert not window.attachments.signed_button.isEnabled()
    assert window.attachments.document_button.isEnabled()
    assert dt.date.today() < services.meetings.get(window.meeting_id).date


def test_closing_with_an_unsaved_sheet_asks_first(qtbot, services, agencies, open_window, message_boxes):
    meeting = plan(services, "1404/02/25")
    window = open_window(meeting.id)
    window.attendance.model.set_attendance(0, Attendance.PRESENT)
    message_boxes.answer = False
    window.close()
    assert window.isVisible()
    assert message_boxes.shown[-1][0] == "confirm"
    assert "ذخیره‌نشده" in message_boxes.shown[-1][1]
    # Another change in the window keeps the unsaved line as it was edited.
    window.reload()
    assert window.attendance.model.line(0).attendance is Attendance.PRESENT
    assert window.attendance.has_unsaved_changes()
    # Escape asks too; once answered yes, the window goes.
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    message_boxes.answer = True
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_enter_in_the_attendance_grid_presses_no_button(qtbot, services, agencies, open_window):
    """Issue 14, point 3: Enter in the grid opened the Print menu (the dialog's default button)."""
    from PySide6.QtWidgets import QApplication, QPushButton

    meeting = held_meeting(services, agencies)
    window = open_window(meeting.id)
    assert not any(button.autoDefault() or button.isDefault() for button in window.findChildren(QPushButton))
    tab = window.attendance
    window.show_tab(tab)
    grid = tab.table
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert window.isVisible() and QApplication.activePopupWidget() is None


def test_a_print_item_that_cannot_be_chosen_looks_so(qtbot, services, agencies, open_window):
    """Issue 14, point 4: the invitations of finalized minutes looked as if they could be printed."""
    meeting = held_meeting(services, agencies)
    window = open_window(meeting.id)
    menu = window.print_button.menu()
    assert window.print_minutes_action.isEnabled() and not window.print_invitations_action.isEnabled()
    menu.popup(window.print_button.mapToGlobal(window.print_button.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    image = menu.grab().toImage()

    def darkest(action) -> int:
        rect = menu.actionGeometry(action)
        return min(
            image.pixelColor(x, y).lightness()
            for x in range(rect.left(), rect.right(), 2)
            for y in range(rect.top(), rect.bottom(), 2)
        )

    assert darkest(window.print_invitations_action) > darkest(window.print_minutes_action) + 60
    menu.hide()


def test_the_details_tab_shows_the_next_step_and_leads_to_its_tab(qtbot, services, agencies, open_window):
    meeting = held_meeting(services, agencies)
    window = open_window(meeting.id)
    steps = window.details.steps
    marks = [mark.text() for mark, *_ in steps._rows]
    assert marks.count("●") == 1  # one step is next: writing the resolutions
    next_row = marks.index("●")
    _mark, title, _text, go = steps._rows[next_row]
    assert title.text() == "صورتجلسه و مصوبات"
    click(qtbot, go)
    assert window.tabs.currentWidget() is window.resolutions
