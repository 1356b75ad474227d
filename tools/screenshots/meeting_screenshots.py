"""The meetings' screens for ``--screenshots``: the calendar, the list, the
meeting window in each of its states, and every meeting dialog.

Meetings are picked from the database by what they show (a postponed one,
one with an amendment ...); when the data has none of a kind, a step shows
the nearest thing it has, so that every step still yields a picture.
Nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from secretariat import clock
from secretariat.meetings.attachments import IncomingFile
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.meetings.records import MeetingDetail, MeetingRow
from secretariat.persian import jalali
from tools.screenshots.stage import Stage
from ui.meetings.cancel_meeting_dialog import CancelMeetingDialog
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.postpone_dialog import PostponeDialog
from ui.meetings.window.agenda_item_dialog import AgendaItemDialog
from ui.meetings.window.amendment_dialog import ResolutionAmendmentDialog, SummaryAmendmentDialog
from ui.meetings.window.attachment_dialog import AttachDialog, DescriptionDialog
from ui.meetings.window.finalize_dialog import FinalizeDialog
from ui.meetings.window.guest_dialog import GuestDialog
from ui.meetings.window.invite_agency_dialog import InviteAgencyDialog
from ui.meetings.window.meeting_window import MeetingWindow
from ui.meetings.window.resolution_dialog import ResolutionDialog
from ui.people.person_picker import PersonPicker
from ui.window.main_window import MEETINGS

FRIDAY = 4
# Searching with Arabic letters shows that the search folds them.
_ARABIC_VARIANTS = str.maketrans({"ی": "ي", "ک": "ك"})


# -- finding meetings to show --------------------------------------------------------


def _rows(stage: Stage, status: MeetingStatus | None = None) -> list[MeetingRow]:
    return stage.services.meetings.page(MeetingQuery(status=status), limit=None)


def _find(
    stage: Stage, status: MeetingStatus | None, wanted: Callable[[MeetingDetail], bool]
) -> MeetingDetail | None:
    """The newest meeting of ``status`` for which ``wanted(detail)``, else the newest of ``status``."""
    rows = _rows(stage, status)
    first = None
    for row in rows[:40]:
        detail = stage.services.meetings.detail(row.id)
        first = first or detail
        if wanted(detail):
            return detail
    return first


def _any(_detail: MeetingDetail) -> bool:
    return True


def planned(stage: Stage) -> MeetingDetail | None:
    return _find(stage, MeetingStatus.PLANNED, lambda d: bool(d.agenda)) or postponed(stage)


def postponed(stage: Stage) -> MeetingDetail | None:
    """A meeting postponed and not yet held, else one held after a postponement."""

    def was_postponed(detail: MeetingDetail) -> bool:
        return bool(detail.meeting.postponements)

    found = _find(stage, MeetingStatus.POSTPONED, _any) or _find(stage, None, was_postponed)
    if found is not None and was_postponed(found):
        return found
    return _find(stage, MeetingStatus.PLANNED, _any)


def held(stage: Stage) -> MeetingDetail | None:
    """A held meeting with its attendance taken and some resolutions written."""
    detail = _find(stage, MeetingStatus.HELD, lambda d: bool(d.resolutions) and d.quorum.present > 0)
    return detail or finalized(stage)


def finalized(stage: Stage, *, amended: bool = False, signed: bool | None = None) -> MeetingDetail | None:
    def wanted(detail: MeetingDetail) -> bool:
        return (not amended or bool(detail.amendments)) and (
            signed is None or detail.meeting.signed == signed
        )

    return _find(stage, MeetingStatus.FINALIZED, wanted) or _find(stage, None, _any)


def cancelled(stage: Stage) -> MeetingDetail | None:
    return _find(stage, MeetingStatus.CANCELLED, _any) or _find(stage, None, _any)


def upcoming(stage: Stage) -> MeetingDetail | None:
    """A meeting not yet held, postponed if there is one."""
    found = _find(stage, MeetingStatus.POSTPONED, _any) or _find(stage, MeetingStatus.PLANNED, _any)
    return found or planned(stage)


# -- the section ----------------------------------------------------------------------


def _busiest_month(stage: Stage) -> tuple[int, int]:
    """Of the recent months, the one with the most meetings (of equals, the nearest to today)."""
    today = jalali.to_jalali(clock.today())
    counts: dict[tuple[int, int], int] = {}
    for row in _rows(stage)[:40]:
        day = jalali.to_jalali(row.date)
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
    if not counts:
        return today.year, today.month
    now = today.year * 12 + today.month
    return max(counts, key=lambda month: (counts[month], -abs(month[0] * 12 + month[1] - now)))


def calendar(stage: Stage) -> QWidget:
    stage.window.show_section(MEETINGS)
    view = stage.window.meetings_view
    view.show_calendar()
    view.calendar_page.show_month(*_busiest_month(stage))
    rows = view.calendar_page.listed()
    if rows:
        view.calendar_page.show_date(rows[0].date)
    return stage.window


def meeting_list(stage: Stage) -> QWidget:
    stage.window.show_section(MEETINGS)
    view = stage.window.meetings_view
    view.show_list()
    rows = _rows(stage)
    view.list.set_year(jalali.jalali_year(rows[0].date) if rows else None)
    return stage.window


def meeting_list_search(stage: Stage) -> QWidget:
    """The list searched by a word of the newest meeting's host, typed with Arabic ي and ك."""
    stage.window.show_section(MEETINGS)
    view = stage.window.meetings_view
    view.show_list()
    view.list.set_year(None)
    hosted = next((r for r in _rows(stage) if r.host_agency_name), None)
    name = hosted.host_agency_name if hosted else "جلسه"
    words = sorted(name.split(), key=lambda word: ("ی" in word or "ک" in word, len(word)))
    view.list.search_box.setText(words[-1].translate(_ARABIC_VARIANTS))
    view.list.search_box.flush()
    return stage.window


def _window(stage: Stage, detail: MeetingDetail | None, tab: str) -> QWidget:
    if detail is None:
        return calendar(stage)
    window = MeetingWindow(stage.services, detail.meeting.id, stage.window)
    window.show_tab(getattr(window, tab))
    stage.track(window)
    window.show()  # at the size it opens at on this screen
    return window


def window_planned(stage: Stage) -> QWidget:
    return _window(stage, planned(stage), "agenda")


def window_invitees(stage: Stage) -> QWidget:
    return _window(stage, upcoming(stage), "invitees")


def window_postponed(stage: Stage) -> QWidget:
    return _window(stage, postponed(stage), "details")


def window_attendance(stage: Stage) -> QWidget:
    return _window(stage, held(stage), "attendance")


def window_attendee_picker(stage: Stage) -> QWidget:
    """Who came, with the list F4 opens: the agency's people (the one with the most on record)."""
    detail = held(stage)
    window = _window(stage, detail, "attendance")
    if not isinstance(window, MeetingWindow) or detail is None:
        return window
    tab = window.attendance
    model, table = tab.model, tab.table
    attendance = stage.services.attendance
    rows = [row for row in range(model.rowCount()) if model.line(row).takes_attendee]
    if not rows:
        return window

    def people_at(row: int) -> int:
        agency_id = model.line(row).invitation.agency_id
        return len(attendance.attendee_choices(agency_id, detail.meeting.date)) if agency_id else 0

    row = max(rows[:30], key=people_at)
    index = model.index(row, model.column("attendee"))
    table.scrollTo(index)
    table.setCurrentIndex(index)
    table.edit(index)
    picker = table.indexWidget(index)
    if not isinstance(picker, PersonPicker):
        return window
    picker.show_matches()
    QApplication.processEvents()
    popup = picker.completer().popup()
    return stage.track(_with_popup(window, popup)) if popup is not None else window


def _with_popup(window: QWidget, popup: QWidget) -> QWidget:
    """The window with its open drop-down painted in place: a drop-down is a window of its own,
    which a picture of the window leaves out."""
    picture = window.grab()
    if popup.isVisible():
        painter = QPainter(picture)
        painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
        painter.end()
    shown = QLabel()
    shown.setPixmap(picture)
    shown.resize(picture.size())
    return shown


def window_minutes(stage: Stage) -> QWidget:
    return _window(stage, held(stage), "resolutions")


def window_summaries(stage: Stage) -> QWidget:
    return _window(stage, held(stage), "summaries")


def window_finalized(stage: Stage) -> QWidget:
    return _window(stage, finalized(stage, amended=True), "resolutions")


def window_signed(stage: Stage) -> QWidget:
    return _window(stage, finalized(stage, signed=True), "attachments")


def window_cancelled(stage: Stage) -> QWidget:
    return _window(stage, cancelled(stage), "details")


# -- dialogs ------------------------------------------------------------------------------


def plan_dialog(stage: Stage) -> QWidget:
    """Planning on a Friday at the last host: the warnings show, without blocking."""
    services = stage.services
    council = services.council.get()
    day = clock.today() + dt.timedelta(days=(FRIDAY - clock.today().weekday()) % 7 + 14)
    last = next((r for r in _rows(stage) if r.status is not MeetingStatus.CANCELLED and r.date < day), None)
    dialog = MeetingDialog(
        services.meetings,
        services.agencies,
        date=day,
        chair=council.chair if council else "",
        parent=stage.window,
    )
    if last is not None:
        record = services.meetings.get(last.id)
        dialog.host.set_agency_id(record.host_agency_id)
        dialog.venue.setText(record.venue)
    dialog.start_time.setText("۱۰:۰۰")
    dialog.end_time.setText("۱۲:۰۰")
    dialog.occasion.setText("هفته روابط عمومی")
    dialog.update_warnings()
    return stage.open(dialog)


def edit_dialog(stage: Stage) -> QWidget:
    detail = upcoming(stage)
    if detail is None:
        return plan_dialog(stage)
    services = stage.services
    return stage.open(
        MeetingDialog(services.meetings, services.agencies, detail.meeting, parent=stage.window)
    )


def postpone_dialog(stage: Stage) -> QWidget:
    detail = upcoming(stage)
    if detail is None:
        return plan_dialog(stage)
    dialog = PostponeDialog(stage.services.meetings, detail.meeting, stage.window)
    dialog.date.setDate(detail.meeting.date + dt.timedelta(days=7))
    dialog.reason.setPlainText("هم‌زمانی با سفر استاندار به شهرستان")
    return stage.open(dialog)


def cancel_dialog(stage: Stage) -> QWidget:
    detail = upcoming(stage)
    if detail is None:
        return plan_dialog(stage)
    dialog = CancelMeetingDialog(stage.services.meetings, detail.meeting, stage.window)
    dialog.reason.setPlainText("نرسیدن گزارش‌های دستگاه‌ها")
    return stage.open(dialog)


def agenda_item_dialog(stage: Stage) -> QWidget:
    detail = upcoming(stage) or held(stage)
    if detail is None:
        return plan_dialog(stage)
    services = stage.services
    item = detail.agenda[0] if detail.agenda else None
    return stage.open(
        AgendaItemDialog(services.agenda, services.agencies, detail.meeting.id, item, stage.window)
    )


def invite_agency_dialog(stage: Stage) -> QWidget:
    detail = upcoming(stage)
    if detail is None:
        return plan_dialog(stage)
    services = stage.services
    # Every active agency is invited at planning: offer them all, as after a removal.
    return stage.open(
        InviteAgencyDialog(services.attendance, services.agencies, detail.meeting.id, [], stage.window)
    )


def guest_dialog(stage: Stage) -> QWidget:
    detail = upcoming(stage)
    if detail is None:
        return plan_dialog(stage)
    dialog = GuestDialog(stage.services.attendance, detail.meeting.id, stage.window)
    dialog.name.setText("حسن نوری")
    dialog.title.setText("خبرنگار")
    dialog.organization.setText("خبرگزاری ایرنا")
    return stage.open(dialog)


def _resolution_dialog(stage: Stage, detail: MeetingDetail) -> ResolutionDialog:
    services = stage.services
    record = detail.resolutions[0] if detail.resolutions else None
    return ResolutionDialog(
        services.minutes, services.agencies, detail.meeting, detail.agenda, record, parent=stage.window
    )


def resolution_dialog(stage: Stage) -> QWidget:
    detail = held(stage)
    if detail is None:
        return plan_dialog(stage)
    return stage.open(_resolution_dialog(stage, detail))


def resolution_dialog_errors(stage: Stage) -> QWidget:
    """The refusals: no lead agency, a deadline before the meeting."""
    detail = held(stage)
    if detail is None:
        return plan_dialog(stage)
    services = stage.services
    dialog = ResolutionDialog(
        services.minutes, services.agencies, detail.meeting, detail.agenda, parent=stage.window
    )
    stage.open(dialog)
    dialog.text.setPlainText(
        "مقرر شد دوره آموزشی «خبرنویسی و عکاسی خبری» برای کارشناسان روابط عمومی برگزار شود."
    )
    dialog.due_date.setDate(detail.meeting.date - dt.timedelta(days=10))
    dialog.accept()  # refused: the errors show under the fields (the dialog fits itself)
    return dialog


def finalize_dialog(stage: Stage) -> QWidget:
    detail = held(stage)
    if detail is None:
        return plan_dialog(stage)
    council = stage.services.council.get()
    dialog = FinalizeDialog(
        stage.services.minutes, detail, by=council.secretary if council else "", parent=stage.window
    )
    return stage.open(dialog)


def amendment_dialog(stage: Stage) -> QWidget:
    detail = finalized(stage, amended=True)
    if detail is None or not detail.resolutions:
        return plan_dialog(stage)
    council = stage.services.council.get()
    resolution = detail.resolutions[-1]
    dialog = ResolutionAmendmentDialog(
        stage.services.minutes, resolution, author=council.secretary if council else "", parent=stage.window
    )
    dialog.reason.setText("اشتباه در نام دستگاه مسئول")
    return stage.open(dialog)


def attach_dialog(stage: Stage) -> QWidget:
    """Attaching the signed scan of finalized minutes: its description proposed from the file's name."""
    detail = finalized(stage)
    if detail is None:
        return plan_dialog(stage)
    name = f"صورتجلسه_امضاشده_{detail.meeting.title.replace(' ', '_')}.pdf"
    scan = IncomingFile(name, bytes(250_000), "application/pdf")  # shown, not saved
    dialog = AttachDialog(
        stage.services.attachments, detail.meeting, scan, signed_minutes=True, parent=stage.window
    )
    return stage.open(dialog)


def description_dialog(stage: Stage) -> QWidget:
    """Changing the description of a file kept with the meeting."""
    detail = finalized(stage, signed=True)
    if detail is None or not detail.attachments:
        return attach_dialog(stage)
    return stage.open(DescriptionDialog(stage.services.attachments, detail.attachments[0], stage.window))


def summary_amendment_dialog(stage: Stage) -> QWidget:
    detail = finalized(stage)
    if detail is None or not detail.agenda:
        return plan_dialog(stage)
    council = stage.services.council.get()
    item = detail.agenda[0]
    dialog = SummaryAmendmentDialog(
        stage.services.minutes,
        item,
        item.summary,
        author=council.secretary if council else "",
        parent=stage.window,
    )
    return stage.open(dialog)


SHOTS: list[tuple[str, Callable[[Stage], QWidget]]] = [
    ("meetings-calendar", calendar),
    ("meetings-list", meeting_list),
    ("meetings-list-search", meeting_list_search),
    ("meeting-planned", window_planned),
    ("meeting-invitees", window_invitees),
    ("meeting-postponed", window_postponed),
    ("meeting-held-attendance", window_attendance),
    ("meeting-attendee-picker", window_attendee_picker),
    ("meeting-minutes-summaries", window_summaries),
    ("meeting-minutes-resolutions", window_minutes),
    ("meeting-finalized-amended", window_finalized),
    ("meeting-signed", window_signed),
    ("meeting-cancelled", window_cancelled),
    ("meeting-form", plan_dialog),
    ("meeting-form-edit", edit_dialog),
    ("postpone", postpone_dialog),
    ("cancel-meeting", cancel_dialog),
    ("agenda-item", agenda_item_dialog),
    ("invite-agency", invite_agency_dialog),
    ("invite-guest", guest_dialog),
    ("resolution", resolution_dialog),
    ("resolution-errors", resolution_dialog_errors),
    ("finalize", finalize_dialog),
    ("amendment", amendment_dialog),
    ("summary-amendment", summary_amendment_dialog),
    ("attach-file", attach_dialog),
    ("attachment-description", description_dialog),
]
