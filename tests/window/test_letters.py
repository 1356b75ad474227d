"""The letter register in the window (issue 18), driven through its real page, letter window,
dialogs, the follow-up window and the home page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption

from secretariat.letters.numbering import IN, OUT
from secretariat.letters.register import Concerns, IncomingDraft, LetterKind, LetterQuery, OutgoingDraft
from secretariat.persian import jalali
from tests.support import files
from tests.support.meetings import unchanged
from tests.support.monthly import fix_today
from tests.support.window_meetings import AGENCIES, SECRETARY, held_meeting, make_council, with_resolution
from ui import desktop
from ui.letters import wording
from ui.letters.incoming_dialog import LETTER, MONTH, RESOLUTION, IncomingLetterDialog
from ui.letters.letter_window import LetterWindow
from ui.letters.patterns_dialog import PatternsDialog
from ui.rtl import RLM, isolated
from ui.widgets import file_choice
from ui.window.main_window import DASHBOARD, LETTERS, MainWindow

TODAY = jalali.from_jalali(1405, 9, 12)
MUNICIPALITY, EDUCATION, POST = AGENCIES[0], AGENCIES[1], AGENCIES[3]
SCAN = files.pdf("نامه شماره ۴۵۶/ر/۱۴۰۵")


@pytest.fixture
def register(services, monkeypatch):
    """A council in 1405/09/12 with a held meeting, its resolution, and four letters out."""
    fix_today(monkeypatch, TODAY)
    agencies = make_council(services)
    meeting = held_meeting(services, agencies)
    resolution = with_resolution(
        services, meeting.id, agencies[MUNICIPALITY], "مقرر شد شهرداری تابلوهای اطلاع‌رسانی را نصب کند."
    )
    letters = services.letters

    def issue(kind: LetterKind, key: str, agency: str, subject: str, day: str, **fields):
        return letters.issue(
            OutgoingDraft(
                kind=kind.value,
                source_key=key,
                party=agency,
                subject=subject,
                agency_id=agencies[agency],
                **fields,
            ),
            on=jalali.parse(day),
        )

    invitation = issue(
        LetterKind.INVITATION, "inv", EDUCATION, "دعوت به جلسه شورا", "1405/07/20", concerns=Concerns.MEETING
    )
    followup = issue(
        LetterKind.FOLLOWUP,
        "fu",
        MUNICIPALITY,
        "پیگیری نصب تابلوهای اطلاع‌رسانی",
        "1405/08/20",
        concerns=Concerns.RESOLUTIONS,
        resolution_ids=[resolution.id],
    )
    reminder = issue(LetterKind.MONTHLY_REMINDER, "rem", POST, "یادآوری گزارش ماهانه مهر", "1405/09/10")
    return {
        "agencies": agencies,
        "meeting": meeting,
        "resolution": resolution,
        "invitation": invitation,
        "followup": followup,
        "reminder": reminder,
    }


@pytest.fixture
def window(qtbot, services, register):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1366, 740)
    main.show()
    main.show_section(LETTERS)
    qtbot.waitExposed(main)
    return main


def _row(view, letter_id: int) -> int:
    row = view.model.row_of(letter_id)
    assert row is not None
    return row


def _cell(view, letter_id: int, column: str):
    return view.model.index(_row(view, letter_id), view.model.column(column))


def _double_click(qtbot, table, index) -> None:
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _open_letter(qtbot, window, letter_id: int) -> LetterWindow:
    view = window.letters_view
    _double_click(qtbot, view.table, _cell(view, letter_id, "subject"))
    opened = view.windows.get(letter_id)
    assert opened is not None and opened.isVisible()
    qtbot.addWidget(opened)
    return opened


def _shown_ids(view) -> list[int]:
    return [view.model.record(row).id for row in range(view.model.rowCount())]


def _x(layout_line, position: int) -> float:
    x = layout_line.cursorToX(position)
    return x[0] if isinstance(x, tuple) else x


def test_the_register_lists_every_letter_newest_first_with_its_number_read_from_the_right(window, register):
    view = window.letters_view
    assert window.current_section() is view
    assert view.result_label.text() == "۳ نامه"
    assert _shown_ids(view) == [register["reminder"].id, register["followup"].id, register["invitation"].id]
    number = _cell(view, register["followup"].id, "number").data()
    assert number == isolated("۲/ش/۱۴۰۵")
    assert _cell(view, register["followup"].id, "date").data() == "۱۴۰۵/۰۸/۲۰"
    assert _cell(view, register["followup"].id, "direction").data() == "صادره"
    assert _cell(view, register["followup"].id, "concerns").data() == "مصوبات"
    # Laid out as the right-to-left table lays it: the sequence at the right, the year at the left.
    layout = QTextLayout(number, view.table.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    assert _x(line, number.index("۲")) > _x(line, number.index("ش")) > _x(line, number.index("۱۴۰۵"))
    # A follow-up letter asks for an answer: 22 days without one, past the council's 14, in red.
    answer = _cell(view, register["followup"].id, "answer")
    assert answer.data() == "بی‌پاسخ، ۲۲ روز"
    assert answer.data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert _cell(view, register["invitation"].id, "answer").data() == ""  # an invitation asks for none


def test_the_filters_and_the_folded_search_narrow_the_list(qtbot, window, register, type_text):
    view = window.letters_view
    view.agency_filter.set_agency_id(register["agencies"][POST])
    assert _shown_ids(view) == [register["reminder"].id]
    view.clear_filters()
    view.concerns_filter.setCurrentIndex(view.concerns_filter.findData(Concerns.RESOLUTIONS.value))
    assert _shown_ids(view) == [register["followup"].id]
    view.clear_filters()
    years = [view.year_filter.itemData(i) for i in range(view.year_filter.count())]
    assert years == [None, 1405]  # every year, then the years with letters
    view.year_filter.setCurrentIndex(view.year_filter.findData(1405))
    view.direction_filter.setCurrentIndex(view.direction_filter.findData(IN))
    assert view.model.total() == 0
    assert view.empty_state.isVisible() and view.empty_state.text() == wording.NO_MATCH
    view.clear_filters()
    assert view.model.total() == 3 and not view.clear_button.isEnabled()
    type_text(view.search_box, "تابلوهاي")  # Arabic ي: the core folds it
    view.search_box.flush()
    assert _shown_ids(view) == [register["followup"].id]
    assert view.result_label.text() == "۱ نامه" and view.clear_button.isEnabled()
    view.search_box.clear()
    view.search_box.flush()
    view.awaiting_filter.setChecked(True)
    assert _shown_ids(view) == [register["followup"].id]  # the reminder is 2 days old


def test_a_council_without_letters_is_told_what_fills_the_register(qtbot, services, monkeypatch):
    fix_today(monkeypatch, TODAY)
    make_council(services)
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1366, 740)
    main.show()
    main.show_section(LETTERS)
    view = main.letters_view
    assert view.empty_state.isVisible()
    assert view.empty_state.text() == wording.EMPTY
    assert "ثبت نامه وارده" in view.empty_state.hint()
    assert set(view.empty_state.buttons) == {"add"}


def test_voiding_from_the_letter_window_strikes_the_row_and_says_void(
    qtbot, window, register, run_modal, type_text
):
    view = window.letters_view
    letter = _open_letter(qtbot, window, register["followup"].id)
    assert letter.heading.text().removeprefix(RLM) == "نامه صادره " + isolated("۲/ش/۱۴۰۵")
    assert [r.id for r in letter.resolutions_model.records()] == [register["resolution"].id]
    assert not letter.status_label.isVisible() and letter.void_button.isEnabled()

    def void(dialog) -> None:
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)  # no reason yet
        assert dialog.isVisible() and dialog.form.error("reason") == "دلیل ابطال را بنویسید."
        assert dialog.by.text() == SECRETARY
        type_text(dialog.reason, "گیرنده نامه اشتباه بود.")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(lambda: qtbot.mouseClick(letter.void_button, Qt.MouseButton.LeftButton), void)
    number = _cell(view, register["followup"].id, "number")
    assert number.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert number.data(Qt.ItemDataRole.ForegroundRole).name() == "#8a8f98"
    answer = _cell(view, register["followup"].id, "answer")
    assert answer.data() == wording.VOIDED and answer.data(Qt.ItemDataRole.FontRole) is None
    assert letter.status_label.isVisible() and letter.status_label.text() == wording.VOIDED
    assert not letter.void_button.isEnabled()
    assert "گیرنده نامه اشتباه بود." in letter.voided.text() and SECRETARY in letter.voided.text()
    assert window.statusBar().currentMessage() == "نامه " + isolated("۲/ش/۱۴۰۵") + " باطل شد."


def test_the_letter_window_opens_the_follow_up_of_its_resolution(qtbot, window, register):
    letter = _open_letter(qtbot, window, register["followup"].id)
    _double_click(qtbot, letter.resolutions_table, letter.resolutions_model.index(0, 0))
    [followup] = window.register_view.open_windows()
    qtbot.addWidget(followup)
    assert followup.resolution_id == register["resolution"].id
    assert followup.letters_tab.model.records()[0].id == register["followup"].id
    assert "۱ نامه پیگیری" in followup.letters.text()


def test_an_incoming_answer_to_a_resolution_reaches_its_follow_up_window_and_log(
    qtbot, window, services, register, run_modal, type_text, tmp_path, monkeypatch, message_boxes
):
    resolution = register["resolution"]
    followup = window.show_followup(resolution.id, resolution.meeting_id)
    assert followup is not None
    qtbot.addWidget(followup)
    assert followup.letters_tab.model.rowCount() == 1
    scan = tmp_path / "پاسخ شهرداری.pdf"
    scan.write_bytes(SCAN)
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(scan))
    view = window.letters_view

    def record(dialog: IncomingLetterDialog) -> None:
        assert dialog.received_on.text() == "۱۴۰۵/۰۹/۱۲"  # today, by default
        assert not dialog.form.widget("progress").isVisibleTo(dialog)
        dialog.party.set_agency_id(register["agencies"][MUNICIPALITY])
        type_text(dialog.their_number, "456/ر")
        type_text(dialog.their_date.lineEdit(), "1405/09/08")
        type_text(dialog.subject, "گزارش نصب تابلوها")
        qtbot.mouseClick(dialog.file.choose_button, Qt.MouseButton.LeftButton)
        dialog.set_answer_kind(RESOLUTION)
        assert dialog.form.widget("progress").isVisibleTo(dialog)
        offered = [dialog.answers_resolution.itemText(i) for i in range(dialog.answers_resolution.count())]
        assert offered == ["۱۴۰۴-۰۱-۰۱"]  # the agency's open resolution, offered
        dialog.answers_resolution.setCurrentIndex(0)
        type_text(dialog.progress, "60")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(lambda: qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton), record)
    received = services.letters.find("1/و/1405")
    assert received.resolution_ids == (resolution.id,) and received.document_name == scan.name
    assert view.selected_id() == received.id
    assert window.statusBar().currentMessage() == "نامه وارده " + isolated("۱/و/۱۴۰۵") + " ثبت شد."
    # The follow-up window heard it: the letter in its tab and its header, the answer in its log.
    assert [r.id for r in followup.letters_tab.model.records()] == [register["followup"].id, received.id]
    assert "۱ پاسخ" in followup.letters.text()
    entry = followup.log_model.records()[-1]
    assert "۴۵۶/ر" in entry.note and entry.progress == 60
    # Its row leads to the letter's window, which opens the scan.
    tab = followup.letters_tab
    followup.tabs.setCurrentWidget(tab)
    _double_click(qtbot, tab.table, tab.model.index(1, tab.model.column("subject")))
    letter = window.letters_view.windows.get(received.id)
    assert letter is not None
    qtbot.addWidget(letter)
    opened: list[Path] = []
    monkeypatch.setattr(desktop, "open_in_default_app", lambda path: opened.append(Path(path)) or True)
    qtbot.mouseClick(letter.open_button, Qt.MouseButton.LeftButton)
    assert [path.read_bytes() for path in opened] == [SCAN]
    copy = tmp_path / "نسخه.pdf"
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: str(copy))
    qtbot.mouseClick(letter.save_button, Qt.MouseButton.LeftButton)
    assert copy.read_bytes() == SCAN and message_boxes.shown == []


def test_an_answer_to_our_letter_shows_on_both_letters(qtbot, window, services, register, run_modal):
    view = window.letters_view

    def record(dialog: IncomingLetterDialog) -> None:
        dialog.party.set_agency_id(register["agencies"][POST])
        dialog.subject.setPlainText("ارسال گزارش ماهانه مهر")
        dialog.set_answer_kind(LETTER)
        assert [dialog.answers_letter.itemText(i) for i in range(dialog.answers_letter.count())] == [
            "۳/ش/۱۴۰۵"
        ]
        dialog.answers_letter.setCurrentIndex(0)
        dialog.accept()

    run_modal(view.add, record)
    assert _cell(view, register["reminder"].id, "answer").data() == wording.ANSWERED
    letter = _open_letter(qtbot, window, register["reminder"].id)
    assert letter.links.count() == 1 and "ارسال گزارش ماهانه مهر" in letter.links.item(0).text()


def test_a_refusal_shows_beside_its_field_and_nothing_is_lost(
    qtbot, services, database, register, run_modal, type_text, tmp_path, message_boxes
):
    dialog = IncomingLetterDialog(services, recorded_by=SECRETARY)
    qtbot.addWidget(dialog)
    dialog.show()
    text = tmp_path / "نامه.txt"
    text.write_text("not a scan", encoding="utf-8")
    with unchanged(database):
        type_text(dialog.party.lineEdit(), "دفتر نماینده مجلس")  # not a member agency: a typed sender
        dialog.received_on.setText("۱۴۰۵/۰۹/۲۰")  # after today
        dialog.their_date.setText("۱۴۰۵/۰۹/۱۵")
        dialog.set_answer_kind(MONTH)
        type_text(dialog.answers_month, "1405/13")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        errors = dialog.form.errors()
        assert set(errors) == {"received_on", "subject", "answers_month"}
        assert errors["received_on"] == "تاریخ دریافت هنوز نرسیده است."
        # The scan is read when saving: a text file is refused beside its own field.
        dialog.received_on.setText("۱۴۰۵/۰۹/۱۱")
        dialog.subject.setPlainText("درخواست گزارش جلسات")
        dialog.answers_month.setText("۱۴۰۵/۰۷")
        dialog.file.set_path(text)
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert set(dialog.form.errors()) == {"file"} and "PDF" in dialog.form.error("file")
        dialog.file.clear()
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.form.error("their_date") == "تاریخ نامه پس از تاریخ دریافت آن است."
        # Everything typed is still there.
        assert dialog.party.currentText() == "دفتر نماینده مجلس"
        assert dialog.subject.toPlainText() == "درخواست گزارش جلسات"
        assert dialog.answers_month.text() == "۱۴۰۵/۰۷"
    dialog.their_date.setText("۱۴۰۵/۰۹/۰۵")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = dialog.saved
    assert saved.party == "دفتر نماینده مجلس" and saved.agency_id is None
    assert saved.report_month is not None and saved.report_month.key == "1405/07"
    assert message_boxes.shown == []


def test_the_incoming_dialog_fits_a_laptop_and_asks_before_losing_what_was_typed(
    qtbot, services, register, message_boxes
):
    dialog = IncomingLetterDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_answer_kind(RESOLUTION)
    assert dialog.height() <= 768 - 48 and dialog.width() <= 1366
    dialog.subject.setPlainText("نامه")
    message_boxes.answer = False
    dialog.reject()
    assert dialog.isVisible() and message_boxes.shown == [
        ("confirm", "تغییرات ذخیره نشده‌اند. کنار گذاشته شوند؟")
    ]


def test_the_number_patterns_show_the_next_number_and_their_refusals(qtbot, window, services, register):
    dialog = PatternsDialog(services.letters, window)
    qtbot.addWidget(dialog)
    dialog.show()
    outgoing = dialog.edit_of(OUT)
    assert outgoing.text() == "{seq}/ش/{year}"
    assert dialog.outgoing.example.text().removeprefix(RLM) == "شماره نامه بعدی: " + isolated("۴/ش/۱۴۰۵")
    outgoing.setText("{seq}/ش")
    dialog.accept()
    assert dialog.isVisible() and "{year}" in dialog.form.error(OUT)
    assert not dialog.outgoing.example.isVisible()
    outgoing.setText("{seq}/د/{yy}")
    outgoing.textEdited.emit(outgoing.text())
    assert dialog.form.error(OUT) == ""
    assert dialog.outgoing.example.text().removeprefix(RLM) == "شماره نامه بعدی: " + isolated("۴/د/۰۵")
    dialog.edit_of(IN).setText("{seq}/د/{yy}")
    dialog.accept()
    assert dialog.isVisible() and "فرق" in dialog.form.error(IN)
    dialog.edit_of(IN).setText("{seq}/و/{yy}")
    dialog.accept()
    assert not dialog.isVisible()
    assert (services.letters.pattern(OUT), services.letters.pattern(IN)) == ("{seq}/د/{yy}", "{seq}/و/{yy}")


def test_the_home_page_counts_the_letters_awaiting_an_answer_and_opens_them(
    qtbot, window, services, register
):
    window.show_section(DASHBOARD)
    home = window.dashboard_view
    line = home.letters_line
    assert line.isVisible()
    assert line.text.text().removeprefix(RLM) == "نامه‌های بی‌پاسخ بیش از ۱۴ روز: ۱"
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    view = window.letters_view
    assert window.current_section() is view
    assert view.filters() == LetterQuery(direction=OUT, awaiting_answer=True)
    assert _shown_ids(view) == [register["followup"].id]
    # Answered, it leaves the home page's line, which is then not shown.
    services.letters.record_incoming(
        IncomingDraft(received_on="1405/09/11", subject="پاسخ", party="شهرداری", answers_letter="2/ش/1405")
    )
    window.show_section(DASHBOARD)
    assert not line.isVisible()


def test_the_follow_up_window_says_by_which_letters_its_resolution_was_communicated(
    qtbot, window, services, register
):
    resolution = register["resolution"]
    # A resolution no letter is about says nothing of letters in its header.
    other = with_resolution(services, resolution.meeting_id, register["agencies"][POST])
    quiet = window.show_followup(other.id, other.meeting_id)
    assert quiet is not None
    qtbot.addWidget(quiet)
    assert not quiet.letters.isVisible()
    assert quiet.tabs.tabText(quiet.tabs.indexOf(quiet.letters_tab)) == "نامه‌ها (۰)"
    followup = window.show_followup(resolution.id, resolution.meeting_id)
    assert followup is not None
    qtbot.addWidget(followup)
    assert followup.letters.isVisible()
    assert followup.letters.text().removeprefix(RLM) == "هنوز با نامه ابلاغ نشده است، ۱ نامه پیگیری"
    services.minutes.finalize(resolution.meeting_id, by=SECRETARY)
    services.communicate(resolution.meeting_id)
    assert followup.letters.text().removeprefix(RLM) == (
        "ابلاغ با نامه " + isolated("۵/ش/۱۴۰۵") + " مورخ ۱۴۰۵/۰۹/۱۲، ۱ نامه پیگیری"
    )
    assert followup.tabs.tabText(followup.tabs.indexOf(followup.letters_tab)) == "نامه‌ها (۲)"
    # Voided, the communication no longer counts; the letter stays in the tab, marked.
    services.letters.void("5/ش/1405", reason="دوباره صادر می‌شود")
    assert followup.letters.text().removeprefix(RLM).startswith("هنوز با نامه ابلاغ نشده است")
    kind = followup.letters_tab.model.index(1, followup.letters_tab.model.column("kind"))
    assert kind.data() == "ابلاغ مصوبات (باطل)"


def test_the_register_of_a_period_is_printed_from_the_reports_menu(qtbot, window, run_modal):
    """«دفتر نامه‌های یک دوره...»: a period asked, then the letters dated in it previewed."""
    from ui.reports.attendance_period_dialog import AttendancePeriodDialog

    opened = []

    def from_aban(dialog):
        assert isinstance(dialog, AttendancePeriodDialog) and dialog.windowTitle() == "دفتر نامه‌ها"
        dialog.start.setDate(jalali.from_jalali(1405, 8, 1))
        dialog.accept()

    run_modal(lambda: opened.append(window.print_letters_register()), from_aban)
    (preview,) = opened
    qtbot.addWidget(preview)
    assert preview.job.title == "دفتر نامه‌ها از ۱۴۰۵/۰۸/۰۱ تا ۱۴۰۵/۰۹/۱۲"
    qtbot.waitUntil(
        lambda: preview.is_ready() or preview.pages.currentWidget() is preview.message, timeout=20000
    )
    assert preview.is_ready(), preview.message.text()
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(preview.data)).pages)
    assert "پیگیری نصب تابلوهای" in text and "دعوت به جلسه شورا" not in text  # dated before Aban
