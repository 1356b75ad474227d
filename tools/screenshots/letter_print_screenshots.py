"""The printed letters' preview for ``--screenshots``: the communication of a finalized
meeting's resolutions as it opens (not yet issued: no number, «پیش‌نویس»), once issued from it
(numbered, ready to print), and opened again (the same numbers, «رونوشت»), and the meeting
window's steps with the communication done.

Issuing saves letters in the demo's register, as the secretary's «صدور نامه‌ها» does: a
meeting whose resolutions were not yet communicated is chosen, if the demo has one."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from secretariat.letters.register import LetterKind
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.meetings.records import MeetingRow
from tools.screenshots.stage import Stage
from ui.meetings.window.meeting_window import MeetingWindow
from ui.reports.letter_preview import LetterPreview
from ui.reports.report_jobs import communication_job

REPORT_WAIT_MS = 30000
PAGES_DRAWN_MS = 1500


def _communicable(stage: Stage) -> MeetingRow | None:
    """A finalized meeting with responsible agencies, not yet communicated if there is one."""
    services = stage.services
    finalized = [
        meeting
        for meeting in services.meetings.page(MeetingQuery(status=MeetingStatus.FINALIZED), limit=None)
        if any(r.assignments for r in services.minutes.resolutions(meeting.id))
    ]
    fresh = [m for m in finalized if not services.letters.of_meeting(m.id, LetterKind.COMMUNICATION)]
    chosen = fresh or finalized
    return chosen[0] if chosen else None


def _wait(preview: LetterPreview, *, issued: bool) -> LetterPreview:
    """Until the letters are made (and, ``issued``, have their numbers), and their pages drawn."""
    timer = QElapsedTimer()
    timer.start()

    def made() -> bool:
        if preview.pages.currentWidget() is preview.message:
            return True
        return preview.is_ready() and (not issued or (preview.printed is not None and not preview.pending()))

    while not made() and timer.elapsed() < REPORT_WAIT_MS:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    shown = QElapsedTimer()
    shown.start()
    while shown.elapsed() < PAGES_DRAWN_MS:  # the view draws its pages in a thread of its own
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return preview


def _open(stage: Stage, meeting: MeetingRow) -> LetterPreview:
    preview = LetterPreview(communication_job(stage.services, meeting.id, meeting.title), stage.window)
    stage.track(preview)
    preview.show()  # at the size it opens at on this screen
    return preview


_chosen: list[MeetingRow] = []  # the meeting of the first shot, for the next ones


def communication_preview(stage: Stage) -> QWidget:
    meeting = _communicable(stage)
    if meeting is None:
        return stage.window
    _chosen[:] = [meeting]
    return _wait(_open(stage, meeting), issued=False)


def communication_issued(stage: Stage) -> QWidget:
    if not _chosen:
        return stage.window
    preview = _wait(_open(stage, _chosen[0]), issued=False)
    if preview.pending():
        preview.issue()
    return _wait(preview, issued=True)


def communication_copy(stage: Stage) -> QWidget:
    if not _chosen:
        return stage.window
    return _wait(_open(stage, _chosen[0]), issued=True)


def communication_step_done(stage: Stage) -> QWidget:
    if not _chosen:
        return stage.window
    window = MeetingWindow(stage.services, _chosen[0].id, stage.window)
    stage.track(window)
    window.show()  # at the size it opens at on this screen
    return window


SHOTS = [
    ("letters-communication-preview", communication_preview),
    ("letters-communication-issued", communication_issued),
    ("letters-communication-copy", communication_copy),
    ("letters-communication-step", communication_step_done),
]
