"""The audit trail's screens for ``--screenshots``: the secretary's browser (the whole trail, one
user's changes to resolutions, and the printed trail's preview), and a record's history in the
meeting window and the follow-up window.

The demo is built without accounts, so its trail names nobody. These steps
work on a copy of the demo of their own (deleted at the end) where two
people sign in and work as an office does: the secretary adds the accounts,
the expert records a follow-up, moves a deadline and corrects an agency's
e-mail, and the secretary amends a resolution of finalized minutes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from secretariat.errors import DomainError
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.followup.register import ResolutionQuery
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.members.agencies import AgencyDraft, AgencyRecord
from secretariat.office.accounts import UserDraft
from secretariat.office.audit import AuditQuery
from tools.screenshots.stage import Stage
from ui.audit.audit_browser import AuditBrowser
from ui.meetings.window.meeting_window import MeetingWindow
from ui.reports.report_jobs import audit_job
from ui.reports.report_preview import ReportPreview
from ui.resolutions.followup_window import FollowUpWindow
from ui.services import Services
from ui.widgets.table_setup import select_row

SECRETARY = UserDraft("zahra", "زهرا موسوی", "secretary", "screenshots-1")
EXPERT = UserDraft("ali", "علی رضایی", "expert", "screenshots-2")


@dataclass(frozen=True)
class Office:
    services: Services
    resolution: tuple[int, int] | None  # (id, meeting id) the expert followed up
    meeting: int | None  # the finalized meeting whose resolution the secretary amended


def _office(stage: Stage) -> Office:
    return stage.shared("audit-office", lambda: _make_office(stage))


def _make_office(stage: Stage) -> tuple[Office, Callable[[], None]]:
    from secretariat.database import open_database
    from secretariat.maintenance.backup import backup_to

    folder = tempfile.TemporaryDirectory(prefix="screenshots-")
    path = Path(folder.name) / "council.sqlite3"
    backup_to(stage.services.database, path)
    services = Services.for_database(open_database(path))
    resolution, meeting = _work(services)

    def close() -> None:
        services.close()
        folder.cleanup()

    return Office(services, resolution, meeting), close


def _work(services: Services) -> tuple[tuple[int, int] | None, int | None]:
    """A morning at the secretariat, by two people signed in (see the module's docstring)."""
    services.users.add(SECRETARY)  # the first account: the secretary, signed in
    services.users.add(EXPERT)
    services.users.sign_in(EXPERT.username, EXPERT.password)
    followed: tuple[int, int] | None = None
    overdue = services.register.page(ResolutionQuery(overdue=True), limit=1)
    if overdue:
        row = overdue[0]
        followed = (row.id, row.meeting_id)
        note = "تماس با مدیر روابط عمومی؛ گزارش تا پایان هفته می‌رسد"
        services.followup.add(row.id, FollowUpDraft(date=_today(), kind="phone", note=note, progress="60"))
        try:
            services.followup.change_deadline(
                row.id, new_due=_in_days(30), reason="درخواست دستگاه مسئول", by=EXPERT.full_name
            )
        except DomainError:
            pass  # its status no longer takes a new deadline
    agencies = services.agencies.page(limit=1)
    if agencies:
        agency = services.agencies.get(agencies[0].id)
        services.agencies.update(agency.id, _with_email(agency, "pr@example.ir"))
    services.users.sign_in(SECRETARY.username, SECRETARY.password)
    finalized = services.meetings.page(MeetingQuery(status=MeetingStatus.FINALIZED), limit=1)
    amended: int | None = None
    if finalized:
        resolutions = services.minutes.resolutions(finalized[0].id)
        if resolutions:
            services.minutes.amend_resolution(
                resolutions[0].id, due_date=_in_days(45), reason="تعطیلات نوروز", author=SECRETARY.full_name
            )
            amended = finalized[0].id
    return followed, amended


def _today() -> str:
    from secretariat import clock
    from secretariat.persian import jalali

    return jalali.format_short(clock.today(), persian_digits=False)


def _in_days(days: int) -> str:
    import datetime as dt

    from secretariat import clock
    from secretariat.persian import jalali

    return jalali.format_short(clock.today() + dt.timedelta(days=days), persian_digits=False)


def _with_email(agency: AgencyRecord, email: str) -> AgencyDraft:
    """The agency's draft as its form would save it, with another e-mail."""
    from secretariat.persian import jalali

    joined = agency.joined_on
    return AgencyDraft(
        name=agency.name,
        short_name=agency.short_name,
        category=agency.category.value,
        parent_ministry=agency.parent_ministry,
        address=agency.address,
        phones=agency.phones,
        website=agency.website,
        joined_on=jalali.format_short(joined, persian_digits=False) if joined else "",
        email=email,
    )


REPORT_WAIT_MS = 30000
PAGES_DRAWN_MS = 1500


def _made(preview: ReportPreview) -> ReportPreview:
    """Wait (events running) until the preview's report is made or has failed, and drawn."""
    timer = QElapsedTimer()
    timer.start()
    while preview.pages.currentIndex() == 0 and timer.elapsed() < REPORT_WAIT_MS:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    shown = QElapsedTimer()
    shown.start()
    while shown.elapsed() < PAGES_DRAWN_MS:  # the view draws its pages in a thread of its own
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return preview


# -- the steps --------------------------------------------------------------------------------


def browser(stage: Stage) -> QWidget:
    """The whole trail, newest first, the newest change selected and shown in full."""
    office = _office(stage)
    window = AuditBrowser(office.services, stage.window)
    stage.track(window)
    window.show()  # at the size it opens at on this screen
    select_row(window.table, 0)
    return window


def browser_filtered(stage: Stage) -> QWidget:
    """The expert's changes to resolutions, their follow-ups and deadlines."""
    office = _office(stage)
    window = AuditBrowser(office.services, stage.window)
    stage.track(window)
    window.show()
    window.user_filter.setCurrentIndex(max(0, window.user_filter.findData(EXPERT.username)))
    window.kind_filter.setCurrentIndex(max(0, window.kind_filter.findData("resolution")))
    window.model.wait_for_reads()
    if window.model.rowCount():
        select_row(window.table, window.model.rowCount() - 1)
    return window


def printed(stage: Stage) -> QWidget:
    """The printed trail of the day's work by signed-in users (the demo's own has no user)."""
    office = _office(stage)
    preview = ReportPreview(audit_job(office.services, AuditQuery(username=EXPERT.username)), stage.window)
    stage.track(preview)
    preview.show()
    return _made(preview)


def meeting_history(stage: Stage) -> QWidget:
    """A finalized meeting's history: from its planning to the amendment of its minutes."""
    office = _office(stage)
    meeting = office.meeting
    if meeting is None:
        rows = office.services.meetings.page(limit=1)
        if not rows:
            return stage.window
        meeting = rows[0].id
    window = MeetingWindow(office.services, meeting, stage.window)
    stage.track(window)
    window.show()
    window.tabs.setCurrentWidget(window.history)
    return window


def followup_history(stage: Stage) -> QWidget:
    """The resolution the expert followed up: its follow-up and new deadline, by name."""
    office = _office(stage)
    if office.resolution is None:
        return stage.window
    resolution_id, meeting_id = office.resolution
    window = FollowUpWindow(office.services, resolution_id, meeting_id, stage.window)
    stage.track(window)
    window.show()
    window.tabs.setCurrentWidget(window.history)
    return window


SHOTS: list[tuple[str, Callable[[Stage], QWidget]]] = [
    ("audit-browser", browser),
    ("audit-browser-filtered", browser_filtered),
    ("audit-printed", printed),
    ("meeting-history", meeting_history),
    ("followup-history", followup_history),
]
