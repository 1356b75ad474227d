"""The letter register's screens for ``--screenshots``: the register (all, and the letters
awaiting an answer, as the home page's line opens it), a letter's window (one with its
resolutions and the answer it got, and one voided), recording a letter received (filled in,
and refused with the messages beside the fields), voiding, the number patterns, the
follow-up window's letters, and the register of a council with no letter yet.

A demo database with no letters gets a few here (``_letters``), made as the
app makes them: the communication of the last finalized meeting's
resolutions, follow-up letters for overdue resolutions, an invitation and a
reminder, an agency's answer (to a letter and a resolution, with a scan)
and a letter voided. Only then is anything saved; a demo with letters is
shown as it is.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QTableView, QWidget
from reportlab.pdfgen import canvas

from secretariat import clock
from secretariat.errors import DomainError
from secretariat.followup.register import ResolutionQuery
from secretariat.letters.numbering import IN, OUT
from secretariat.letters.register import (
    Concerns,
    IncomingDraft,
    LetterKind,
    LetterQuery,
    LetterRecord,
    OutgoingDraft,
)
from secretariat.meetings.attachments import IncomingFile
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from tools.screenshots.stage import Stage
from ui.letters.incoming_dialog import LETTER, RESOLUTION, IncomingLetterDialog
from ui.letters.letter_window import LetterWindow
from ui.letters.patterns_dialog import PatternsDialog
from ui.letters.void_dialog import VoidLetterDialog
from ui.resolutions.followup_window import FollowUpWindow
from ui.widgets.table_setup import select_row
from ui.window.main_window import LETTERS

LOOK_AT = 200  # letters of the register looked through for a good example


@dataclass(frozen=True)
class DemoLetters:
    answered: LetterRecord | None  # a follow-up letter with resolutions and an answer
    voided: LetterRecord | None


def _days_ago(days: int) -> dt.date:
    return clock.today() - dt.timedelta(days=days)


def _scan() -> IncomingFile:
    """A one-page PDF standing for the scan of the agency's letter (made in memory)."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "3210/R/1405")
    page.save()
    return IncomingFile("پاسخ دستگاه ۳۲۱۰-ر.pdf", buffer.getvalue(), "application/pdf")


def _make_letters(stage: Stage) -> None:
    """A few weeks of letters, as the app registers them (see the module's docstring)."""
    services = stage.services
    letters = services.letters
    finalized = services.meetings.page(MeetingQuery(status=MeetingStatus.FINALIZED), limit=1)
    if finalized:
        try:
            services.communicate(finalized[0].id)
        except DomainError:
            pass  # its resolutions have no responsible agency: nothing to communicate
    overdue = services.register.page(ResolutionQuery(overdue=True), limit=4)
    sent = []
    for days, row in zip((40, 33, 26, 19), overdue, strict=False):
        sent.append(
            letters.issue(
                OutgoingDraft(
                    kind=LetterKind.FOLLOWUP.value,
                    source_key=f"screenshots-followup:{row.id}",
                    party=row.lead_agency_name,
                    subject=f"پیگیری اجرای مصوبات {row.meeting_title}",
                    agency_id=row.lead_agency_id,
                    concerns=Concerns.RESOLUTIONS.value,
                    resolution_ids=[row.id],
                ),
                on=_days_ago(days),
            )
        )
    upcoming = services.meetings.page(MeetingQuery(status=MeetingStatus.PLANNED), limit=1)
    agencies = services.agencies.page(limit=3)
    if upcoming and agencies:
        letters.issue(
            OutgoingDraft(
                kind=LetterKind.INVITATION.value,
                source_key=f"screenshots-invitation:{upcoming[0].id}",
                party=agencies[0].name,
                subject=f"دعوت به {upcoming[0].title}",
                agency_id=agencies[0].id,
                attachments=1,
                concerns=Concerns.MEETING.value,
                meeting_id=upcoming[0].id,
            ),
            on=_days_ago(5),
        )
    if sent:
        first = overdue[0]
        letters.record_incoming(
            IncomingDraft(
                received_on=jalali.format_short(_days_ago(12), persian_digits=False),
                their_date=jalali.format_short(_days_ago(14), persian_digits=False),
                their_number="۳۲۱۰/ر/۱۴۰۵",
                subject="گزارش پیشرفت اجرای مصوبه",
                agency_id=first.lead_agency_id,
                party="" if first.lead_agency_id else first.lead_agency_name,
                file=_scan(),
                answers_letter=sent[0].number,
                answers_resolution=first.code,
                progress="60",
                recorded_by=_secretary(stage),
            )
        )
    if len(agencies) > 1:
        mistaken = letters.issue(
            OutgoingDraft(
                kind=LetterKind.FOLLOWUP.value,
                source_key="screenshots-mistaken",
                party=agencies[1].name,
                subject="پیگیری ارسال گزارش عملکرد",
                agency_id=agencies[1].id,
            ),
            on=_days_ago(8),
        )
        letters.void(
            mistaken.number, reason="گیرنده نامه اشتباه بود؛ نامه فرستاده نشد.", by=_secretary(stage)
        )


def _letters(stage: Stage) -> DemoLetters:
    letters = stage.services.letters
    if letters.count() == 0:
        _make_letters(stage)
    rows = letters.page(LetterQuery(), limit=LOOK_AT)
    answered = next(
        (
            letters.get(row.id)
            for row in rows
            if row.direction == OUT and row.answered and letters.get(row.id).resolution_ids
        ),
        None,
    )
    if answered is None:
        answered = next((letters.get(row.id) for row in rows if row.direction == OUT), None)
    voided = next((letters.get(row.id) for row in rows if row.voided), None)
    return DemoLetters(answered, voided)


def _secretary(stage: Stage) -> str:
    council = stage.services.council.get()
    return council.secretary if council else ""


# -- the page ------------------------------------------------------------------------------


def register(stage: Stage) -> QWidget:
    _letters(stage)
    stage.window.show_section(LETTERS)
    view = stage.window.letters_view
    view.clear_filters()
    if view.model.rowCount():
        select_row(view.table, 0)
    return stage.window


def register_awaiting(stage: Stage) -> QWidget:
    """The register as the home page's line opens it: outgoing letters unanswered past the days."""
    _letters(stage)
    stage.window.show_letters(LetterQuery(direction=OUT, awaiting_answer=True))
    return stage.window


def empty_register(stage: Stage) -> QWidget:
    window = stage.empty_window()
    window.show_section(LETTERS)
    return window


# -- a letter's window ------------------------------------------------------------------------


def _letter_window(stage: Stage, letter: LetterRecord | None) -> QWidget:
    if letter is None:
        return register(stage)
    window = LetterWindow(stage.services, letter.id, stage.window)
    stage.track(window)
    window.show()  # at the size it opens at on this screen
    return window


def letter_window(stage: Stage) -> QWidget:
    return _letter_window(stage, _letters(stage).answered)


def letter_window_voided(stage: Stage) -> QWidget:
    return _letter_window(stage, _letters(stage).voided)


def followup_window_letters(stage: Stage) -> QWidget:
    """The follow-up window of a resolution answered by letter, on its letters' tab."""
    letter = _letters(stage).answered
    if letter is None or not letter.resolution_ids:
        return register(stage)
    [resolution] = [
        r for r in stage.services.letters.resolutions(letter.id) if r.id == letter.resolution_ids[0]
    ]
    window = FollowUpWindow(stage.services, resolution.id, resolution.meeting_id, stage.window)
    stage.track(window)
    window.show()
    window.tabs.setCurrentWidget(window.letters_tab)
    table: QTableView = window.letters_tab.table
    if window.letters_tab.model.rowCount():
        select_row(table, window.letters_tab.model.rowCount() - 1)
    return window


# -- dialogs ----------------------------------------------------------------------------------


def incoming(stage: Stage) -> QWidget:
    """An agency's answer to one of our letters, filled in (named, never read: nothing is saved)."""
    letters = _letters(stage)
    dialog = IncomingLetterDialog(stage.services, recorded_by=_secretary(stage), parent=stage.window)
    answered = letters.answered
    if answered is not None and answered.agency_id is not None:
        dialog.party.set_agency_id(answered.agency_id)
    dialog.their_number.setText("۴۵۶/ر/۱۴۰۵")
    dialog.their_date.setDate(_days_ago(2))
    dialog.subject.setPlainText("ارسال گزارش عملکرد روابط عمومی در هفته گذشته")
    dialog.file.set_path(Path.home() / "Documents" / "نامه ۴۵۶ روابط عمومی.pdf")
    dialog.set_answer_kind(LETTER)
    if answered is not None:
        dialog.answers_letter.setEditText(answered.shown_number)
    return stage.open(dialog)


def incoming_errors(stage: Stage) -> QWidget:
    """Refused: no subject, a receipt date to come, progress past 100; the messages beside them."""
    _letters(stage)
    dialog = IncomingLetterDialog(stage.services, recorded_by=_secretary(stage), parent=stage.window)
    stage.open(dialog)
    dialog.party.setEditText("دفتر نماینده مردم در مجلس")
    dialog.received_on.setDate(clock.today() + dt.timedelta(days=3))
    dialog.set_answer_kind(RESOLUTION)
    rows = stage.services.register.page(ResolutionQuery(still_open=True), limit=1)
    if rows:
        dialog.answers_resolution.setEditText(to_persian_digits(rows[0].code))
    dialog.progress.setText("۱۵۰")
    dialog.accept()  # refused before anything is written
    return dialog


def void(stage: Stage) -> QWidget:
    letter = _letters(stage).answered
    if letter is None:
        return register(stage)
    dialog = VoidLetterDialog(stage.services.letters, letter, by=_secretary(stage), parent=stage.window)
    dialog.reason.setPlainText("نامه با شماره دیگری دوباره صادر شد.")
    return stage.open(dialog)


def patterns(stage: Stage) -> QWidget:
    """The patterns, the outgoing one refused as typed: its message beside it."""
    dialog = PatternsDialog(stage.services.letters, stage.window)
    stage.open(dialog)
    dialog.edit_of(OUT).setText("{seq}/ش")
    dialog.accept()  # refused by the form's own check: nothing is saved
    dialog.edit_of(IN).setText(stage.services.letters.pattern(IN))
    return dialog


SHOTS: list[tuple[str, Callable[[Stage], QWidget]]] = [
    ("letters", register),
    ("letters-awaiting", register_awaiting),
    ("letter-window", letter_window),
    ("letter-window-voided", letter_window_voided),
    ("letter-incoming", incoming),
    ("letter-incoming-errors", incoming_errors),
    ("letter-void", void),
    ("letter-patterns", patterns),
    ("followup-window-letters", followup_window_letters),
    ("letters-empty", empty_register),
]
