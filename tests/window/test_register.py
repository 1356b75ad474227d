"""The resolution register and the follow-up window, driven through their
real filters, tables and dialogs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.persian import jalali
from tests.support import files
from tests.support.meetings import unchanged
from tests.support.window_meetings import AGENCIES, HELD_DATE, SECRETARY, held_meeting, make_council, plan
from ui import desktop
from ui.resolutions.followup_window import FollowUpWindow
from ui.resolutions.register_view import OVERDUE
from ui.rtl import RLM
from ui.widgets import file_choice
from ui.window.main_window import RESOLUTIONS, MainWindow

PAST_DUE = "1404/03/31"  # after the meeting (1404/02/25), long past when the tests run


@pytest.fixture
def council_data(services):
    """A held meeting with three resolutions: two overdue (one per lead agency), one «تا جلسه بعد»."""
    agencies = make_council(services)
    meeting = held_meeting(services, agencies)
    first, second, third = (agencies[name] for name in AGENCIES[:3])
    add = services.minutes.add_resolution
    overdue = add(
        meeting.id,
        ResolutionDraft(
            text="مقرر شد شهرداری گزارش نصب تابلوهای اطلاع‌رسانی را ارسال کند.",
            lead_agency_id=first,
            collaborator_agency_ids=(third,),
            due_date=PAST_DUE,
        ),
    )
    other = add(
        meeting.id,
        ResolutionDraft(
            text="مقرر شد آموزش و پرورش برنامه هفته روابط عمومی را تدوین کند.",
            lead_agency_id=second,
            due_date=PAST_DUE,
        ),
    )
    later = add(
        meeting.id,
        ResolutionDraft(
            text="مقرر شد بانک گزارش ماهانه را ارسال کند.", lead_agency_id=second, due_next_meeting=True
        ),
    )
    return {"agencies": agencies, "meeting": meeting, "overdue": overdue, "other": other, "later": later}


@pytest.fixture
def window(qtbot, services, council_data):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1300, 800)
    main.show()
    main.show_section(RESOLUTIONS)
    return main


def _shown(label) -> str:
    return label.text().removeprefix(RLM)


def _open(qtbot, view, resolution_id: int) -> FollowUpWindow:
    row = view.model.row_of(resolution_id)
    qtbot.waitExposed(view.table)
    rect = view.table.visualRect(view.model.index(row, view.model.column("text")))
    # QTest's double click is the second click only: the first one comes before it.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [followup] = view.open_windows()
    assert followup.resolution_id == resolution_id
    qtbot.addWidget(followup)
    return followup


def test_the_section_lists_every_resolution_with_its_count(window, council_data):
    view = window.register_view
    assert window.current_section() is view
    assert view.model.total() == 3
    assert view.result_label.text() == "۳ مصوبه"
    row = view.model.row_of(council_data["overdue"].id)
    status = view.model.index(row, view.model.column("status"))
    assert status.data() == "معوق (باز)"
    assert status.data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    later = view.model.index(view.model.row_of(council_data["later"].id), view.model.column("due"))
    assert later.data() == "تا جلسه بعد"
    assert view.model.index(row, view.model.column("due")).data() == "۱۴۰۴/۰۳/۳۱"


def test_search_folds_arabic_letters(qtbot, window, council_data, type_text):
    view = window.register_view
    type_text(view.search_box, "تابلوهاي")  # Arabic ي
    view.search_box.flush()
    assert [view.model.record(0).id] == [council_data["overdue"].id]
    assert view.result_label.text() == "۱ مصوبه"


def test_overdue_of_one_agency_followed_up_through_the_dialog(
    qtbot, window, services, council_data, run_modal, type_text
):
    view = window.register_view
    collaborator = council_data["agencies"][AGENCIES[2]]
    view.status_filter.setCurrentIndex(view.status_filter.findData(OVERDUE))
    view.agency_filter.set_agency_id(collaborator)  # the collaborator on the first one only
    assert [view.model.record(r).id for r in range(view.model.rowCount())] == [council_data["overdue"].id]

    followup = _open(qtbot, view, council_data["overdue"].id)
    assert _shown(followup.collaborators) == AGENCIES[2]
    assert _shown(followup.lead) == AGENCIES[0]
    assert followup.log_model.rowCount() == 0

    def record(dialog) -> None:
        assert dialog.recorded_by.text() == SECRETARY
        dialog.kind.setCurrentIndex(dialog.kind.findText("گزارش دستگاه"))
        type_text(dialog.note, "گزارش پیشرفت نصب تابلوها رسید.")
        type_text(dialog.progress, "۴۰")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(lambda: qtbot.mouseClick(followup.record_button, Qt.MouseButton.LeftButton), record)

    assert followup.row.status is ResolutionStatus.IN_PROGRESS
    assert followup.status_label.text() == "معوق (در حال اجرا)"
    assert followup.log_model.rowCount() == 1
    assert followup.log_model.index(0, 3).data() == "۴۰٪"
    assert followup.log_model.index(0, 1).data() == "گزارش دستگاه"
    # Still overdue, so still listed; under «باز» it is gone.
    assert view.model.total() == 1
    view.status_filter.setCurrentIndex(view.status_filter.findData(ResolutionStatus.OPEN.value))
    assert view.model.total() == 0
    view.status_filter.setCurrentIndex(view.status_filter.findData(ResolutionStatus.IN_PROGRESS.value))
    assert view.model.total() == 1


def test_refusals_stay_beside_the_fields(
    qtbot, window, services, council_data, run_modal, type_text, message_boxes
):
    view = window.register_view
    followup = _open(qtbot, view, council_data["other"].id)

    def refused(dialog) -> None:
        type_text(dialog.progress, "150")
        dialog.date.setText("1404/02/01")  # before the meeting
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.form.error("progress") == "پیشرفت باید درصدی بین ۰ و ۱۰۰ باشد."
        # The core checks the fields first, then the meeting: fix progress, then the date is refused.
        dialog.progress.clear()
        type_text(dialog.progress, "20")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert "پیش از جلسه" in dialog.form.error("date")
        assert dialog.form.error("progress") == ""
        dialog.reject()  # what was typed is thrown away only once the person agrees
        assert message_boxes.shown == [("confirm", "تغییرات ذخیره نشده‌اند. کنار گذاشته شوند؟")]

    run_modal(followup.record_followup, refused)
    assert services.followup.log(council_data["other"].id) == ()
    assert followup.row.status is ResolutionStatus.OPEN


def test_done_asks_for_evidence_and_reopen_for_a_reason(
    qtbot, window, services, council_data, run_modal, type_text
):
    view = window.register_view
    followup = _open(qtbot, view, council_data["later"].id)

    def done(dialog) -> None:
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert "مستند" in dialog.form.error("evidence")
        type_text(dialog.evidence, "نامه شماره ۴۵۶")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.mark_done, done)
    assert followup.row.status is ResolutionStatus.DONE
    assert not followup.record_button.isEnabled()
    assert followup.reopen_button.isEnabled()
    assert view.model.record(view.model.row_of(council_data["later"].id)).status is ResolutionStatus.DONE

    def reopen(dialog) -> None:
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "دلیل" in dialog.form.error("reason")
        type_text(dialog.reason, "گزارش ناقص بود")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.reopen, reopen)
    assert followup.row.status is ResolutionStatus.OPEN


def test_deadline_change_is_kept_in_the_history(qtbot, window, services, council_data, run_modal, type_text):
    view = window.register_view
    followup = _open(qtbot, view, council_data["other"].id)

    def change(dialog) -> None:
        dialog.new_due.setText("1404/01/10")  # before the meeting
        type_text(dialog.reason, "درخواست دستگاه")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "پیش از تاریخ جلسه" in dialog.form.error("new_due")
        dialog.new_due.setText("1404/06/31")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.change_deadline, change)
    assert followup.deadline_model.rowCount() == 1
    assert followup.deadline_model.index(0, 0).data() == "۱۴۰۴/۰۳/۳۱"
    assert followup.deadline_model.index(0, 1).data() == "۱۴۰۴/۰۶/۳۱"
    assert _shown(followup.due) == "۱۴۰۴/۰۶/۳۱"
    assert (
        view.model.index(view.model.row_of(council_data["other"].id), view.model.column("due")).data()
        == "۱۴۰۴/۰۶/۳۱"
    )


def test_defer_to_an_upcoming_meeting_and_cancel(qtbot, window, services, council_data, run_modal, type_text):
    upcoming = plan(services, "1420/01/15")
    view = window.register_view
    followup = _open(qtbot, view, council_data["other"].id)

    def defer(dialog) -> None:
        assert dialog.meeting.count() == 1
        assert dialog.meeting.currentData() == upcoming.id
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.defer, defer)
    assert followup.row.status is ResolutionStatus.DEFERRED
    assert followup.status_label.text() == "ارجاع به جلسه بعد"

    def cancel(dialog) -> None:
        type_text(dialog.reason, "منتفی شد")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.cancel_resolution, cancel)
    assert followup.row.status is ResolutionStatus.CANCELLED
    assert HELD_DATE  # the meeting the resolutions came from


# -- a follow-up's document ----------------------------------------------------------------------

SCAN = files.pdf("نامه شماره ۲۱۵/ش/۱۴۰۴", binary=bytes(range(256)) * 8)


def _followup_window(qtbot, services, resolution) -> FollowUpWindow:
    window = FollowUpWindow(services, resolution.id, resolution.meeting_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _double_click(qtbot, table, index) -> None:
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_follow_up_keeps_its_document_which_opens_and_saves(
    qtbot, services, council_data, run_modal, type_text, tmp_path, monkeypatch, message_boxes
):
    scan = tmp_path / "نامه ۲۱۵-ش.pdf"
    scan.write_bytes(SCAN)
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(scan))
    followup = _followup_window(qtbot, services, council_data["other"])
    assert not followup.log_tab.open_button.isEnabled()

    def record(dialog) -> None:
        assert dialog.document.path() == "" and not dialog.document.clear_button.isEnabled()
        qtbot.mouseClick(dialog.document.choose_button, Qt.MouseButton.LeftButton)
        assert dialog.document.name.text() == scan.name
        assert dialog.document.name.toolTip() == str(scan)
        type_text(dialog.note, "نامه پیگیری به دستگاه ارسال شد.")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(lambda: qtbot.mouseClick(followup.record_button, Qt.MouseButton.LeftButton), record)
    scan.unlink()  # the database keeps its own copy

    document = followup.log_model.index(0, followup.log_model.column("document"))
    assert (
        followup.log_model.headerData(followup.log_model.column("document"), Qt.Orientation.Horizontal)
        == "سند"
    )
    assert document.data() == scan.name
    assert not document.data(Qt.ItemDataRole.DecorationRole).isNull()
    opened = []
    monkeypatch.setattr(desktop, "open_in_default_app", lambda path: opened.append(Path(path)) or True)
    _double_click(qtbot, followup.log_table, document)
    assert [path.name for path in opened] == [scan.name]
    assert opened[0].read_bytes() == SCAN
    assert followup.log_tab.open_button.isEnabled() and followup.log_tab.save_button.isEnabled()

    copy = tmp_path / "نسخه.pdf"
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: str(copy))
    qtbot.mouseClick(followup.log_tab.save_button, Qt.MouseButton.LeftButton)
    assert copy.read_bytes() == SCAN
    qtbot.mouseClick(followup.log_tab.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 2 and opened[1] != opened[0]  # a fresh copy each time
    assert message_boxes.shown == []


def test_a_document_that_cannot_be_read_is_refused_beside_its_field(
    qtbot, services, database, council_data, run_modal, type_text, tmp_path, message_boxes
):
    missing = tmp_path / "نیست.pdf"
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    followup = _followup_window(qtbot, services, council_data["other"])

    def refused(dialog) -> None:
        dialog.document.set_path(missing)
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.form.error("document") == f"پرونده «{missing}» پیدا نشد."
        qtbot.mouseClick(dialog.document.clear_button, Qt.MouseButton.LeftButton)
        assert dialog.document.path() == "" and dialog.form.error("document") == ""
        # A good file with a refused progress: still nothing is kept.
        dialog.document.set_path(scan)
        type_text(dialog.progress, "150")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "۰ و ۱۰۰" in dialog.form.error("progress")
        dialog.reject()

    with unchanged(database):
        run_modal(followup.record_followup, refused)
    assert followup.log_model.rowCount() == 0


def test_a_damaged_document_is_reported_not_opened(
    qtbot, services, database, council_data, tmp_path, monkeypatch, message_boxes
):
    from sqlalchemy import update

    from db.models import AttachmentContent
    from secretariat.followup.lifecycle import FollowUpDraft

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    entry = services.followup.add(council_data["other"].id, FollowUpDraft(date=HELD_DATE, document=scan))
    with database.transaction() as session:
        session.execute(
            update(AttachmentContent)
            .where(AttachmentContent.attachment_id == entry.attachment_id)
            .values(data=b"%PDF-1.4 changed")
        )
    opened = []
    monkeypatch.setattr(desktop, "open_in_default_app", lambda path: opened.append(path) or True)
    followup = _followup_window(qtbot, services, council_data["other"])
    _double_click(
        qtbot, followup.log_table, followup.log_model.index(0, followup.log_model.column("document"))
    )
    assert opened == []
    assert message_boxes.shown == [("warn", "پیوست «scan.pdf» آسیب دیده است (چکیده آن نمی‌خواند).")]


# -- what the status rests on, in the window's header ------------------------------------------------


def _state_lines(followup: FollowUpWindow) -> list[str]:
    return [line.removeprefix(RLM) for line in followup.state.text().split("\n")]


def test_the_header_shows_the_evidence_once_done_and_the_reason_once_reopened(
    qtbot, services, council_data, run_modal, type_text
):
    followup = _followup_window(qtbot, services, council_data["later"])
    assert not followup.state.isVisibleTo(followup)

    def done(dialog) -> None:
        type_text(dialog.evidence, "نامه شماره ۴۵۶ بانک")
        dialog.on.setText("1404/03/20")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.mark_done, done)
    assert followup.state.isVisibleTo(followup)
    assert followup.state_caption.text() == "مستند انجام"
    assert _state_lines(followup) == ["نامه شماره ۴۵۶ بانک", "تاریخ انجام: ۱۴۰۴/۰۳/۲۰"]

    def reopen(dialog) -> None:
        type_text(dialog.reason, "گزارش ناقص بود")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.reopen, reopen)
    assert followup.state_caption.text() == "دلیل بازگشایی"
    assert _state_lines(followup) == ["گزارش ناقص بود"]


def test_the_header_shows_the_meeting_referred_to_and_the_reason_of_a_cancellation(
    qtbot, services, council_data, run_modal, type_text
):
    upcoming = plan(services, "1420/01/15")
    followup = _followup_window(qtbot, services, council_data["other"])

    def defer(dialog) -> None:
        type_text(dialog.reason, "نیاز به گزارش کامل")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.defer, defer)
    assert followup.state_caption.text() == "ارجاع به"
    assert _state_lines(followup) == [
        f"دومین جلسه، {jalali.format_long(upcoming.date)}",
        "یادداشت: نیاز به گزارش کامل",
    ]

    def cancel(dialog) -> None:
        type_text(dialog.reason, "منتفی شد")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.cancel_resolution, cancel)
    assert followup.state_caption.text() == "دلیل لغو"
    assert _state_lines(followup) == ["منتفی شد", f"تاریخ لغو: {jalali.format_short(dt.date.today())}"]
