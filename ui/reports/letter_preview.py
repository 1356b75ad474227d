"""The preview of letters (invitations, follow-up letters, the communication of resolutions,
reminders, certificates): seen first, then issued with their numbers.

Opening the preview registers nothing: the letters are laid out as printing
would give them (``Issuing.PREVIEW``), a letter not yet issued marked
«پیش‌نویس» with «شماره: پس از صدور», one issued before with its number and
«رونوشت». A bar above the pages says which, and:

- «صدور نامه‌ها» issues the letters not yet issued (the register's next
  numbers, today's date) and lays them out again with their numbers; only
  then can they be printed or saved. A letter is issued when it is made to
  go out, not when someone looks at it: a preview closed, or cancelled, takes
  no number.
- «صدور نامه تازه...» (once every letter has its number) issues them all
  anew, after asking: the earlier ones stay in the register, to be voided
  there if they never went out.

Issuing is not cancellable once it has begun: the numbers taken are printed.
The core does the rest, as the command line does (``secretariat.reports.issuing``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from secretariat.letters.printed import Issuing, PrintedLetters
from secretariat.persian.text import format_int
from ui import messages, strings
from ui.reports.report_preview import ReportPreview
from ui.reports.report_worker import ReportJob, ReportWorker
from ui.rtl import rtl
from ui.worker import CancelCheck, Progress, Worker

PrintLetters = Callable[[Issuing, Progress, CancelCheck], PrintedLetters]


@dataclass(frozen=True)
class LetterJob:
    title: str  # the preview window's title, e.g. «ابلاغ مصوبات هفتمین جلسه»
    filename: str  # suggested when saving
    print_letters: PrintLetters  # the core's ``print_*`` for these letters
    refused: str = ""  # why this desk may not issue them (its role), or ""


class LetterWorker(ReportWorker):
    """Makes the letters as ``issuing`` says; what the register said comes back by ``printed``,
    then the PDF by ``made``."""

    printed = Signal(object)  # PrintedLetters

    def __init__(self, job: LetterJob, issuing: Issuing, parent: QObject | None = None):
        def work(progress: Progress, cancelled: CancelCheck) -> PrintedLetters:
            return job.print_letters(issuing, progress, cancelled)

        # Not ReportWorker's: the work gives back the letters with their PDF, not the PDF alone.
        Worker.__init__(self, work, parent)
        self.job = ReportJob(job.title, job.filename, render=lambda _progress, _cancelled: b"")
        self.issuing = issuing

    def deliver(self, result: object) -> None:
        if self.is_cancelled():
            self.stopped.emit()
            return
        printed = cast(PrintedLetters, result)  # what job.print_letters returned
        self.printed.emit(printed)
        self.made.emit(printed.pdf)


class LetterPreview(ReportPreview):
    def __init__(self, job: LetterJob, parent: QWidget | None = None):
        # Read by the first worker, started by the preview's own constructor.
        self.letter_job = job
        self.issuing = Issuing.PREVIEW
        self.printed: PrintedLetters | None = None
        super().__init__(ReportJob(job.title, job.filename, render=lambda _progress, _cancelled: b""), parent)
        self.setObjectName("letterPreview")

        self.letters_label = QLabel()
        self.letters_label.setObjectName("letterState")
        self.letters_label.setWordWrap(True)
        self.issue_button = QPushButton(strings.LETTERS_ISSUE)
        self.issue_button.setObjectName("primaryButton")
        self.issue_button.clicked.connect(self.issue)
        self.new_button = QPushButton(strings.LETTERS_ISSUE_NEW)
        self.new_button.clicked.connect(self.issue_new)
        self.letters_bar = QFrame()
        self.letters_bar.setObjectName("letterBar")
        bar = QHBoxLayout(self.letters_bar)
        bar.addWidget(self.letters_label, 1)
        bar.addWidget(self.issue_button)
        bar.addWidget(self.new_button)
        self.letters_bar.setVisible(False)  # until the letters are made
        cast(QVBoxLayout, self.layout()).insertWidget(1, self.letters_bar)

    def _make_worker(self) -> ReportWorker:
        worker = LetterWorker(self.letter_job, self.issuing, self)
        worker.printed.connect(self._on_printed)
        return worker

    # -- issuing ----------------------------------------------------------------------------

    def issue(self) -> None:
        """Issue the letters not issued yet (the others are reprinted), and show them numbered."""
        self._make_again(Issuing.ISSUE)

    def issue_new(self) -> bool:
        """After asking: every letter issued anew, with new numbers."""
        count = len(self.printed.letters) if self.printed is not None else 0
        question = strings.LETTERS_NEW_CONFIRM.format(count=format_int(count))
        if not messages.confirm(self, question, yes=strings.LETTERS_ISSUE_NEW.rstrip(".")):
            return False
        self._make_again(Issuing.NEW)
        return True

    def _make_again(self, issuing: Issuing) -> None:
        if self.letter_job.refused:  # the buttons are greyed out: a role that may not save
            return
        self.issuing = issuing
        self.data = None
        self._set_ready(False)
        for button in (self.issue_button, self.new_button):
            button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress_label.setText(strings.LETTERS_ISSUING)
        self.cancel_button.setEnabled(False)  # the numbers, once taken, are printed
        self.pages.setCurrentIndex(0)  # the progress, where the pages will be
        self.worker = self._start_worker()

    # -- what the register said -----------------------------------------------------------------

    def _on_printed(self, printed: PrintedLetters) -> None:
        self.printed = printed
        pending = printed.pending
        if pending:
            text = strings.LETTERS_PENDING.format(count=format_int(pending), issue=strings.LETTERS_ISSUE)
            if printed.copies:
                text += strings.LETTERS_PENDING_COPIES.format(count=format_int(printed.copies))
        elif self.issuing is Issuing.PREVIEW:
            text = strings.LETTERS_REPRINT.format(new=strings.LETTERS_ISSUE_NEW.rstrip("."))
        else:
            text = printed.summary()
            self._announce(text)
        self.letters_label.setText(rtl(text))
        self.letters_bar.setProperty("pending", pending > 0)
        self.letters_bar.style().unpolish(self.letters_bar)
        self.letters_bar.style().polish(self.letters_bar)
        self.issue_button.setVisible(pending > 0)
        self.new_button.setVisible(pending == 0)
        refused = self.letter_job.refused
        for button in (self.issue_button, self.new_button):
            button.setEnabled(not refused)
            button.setToolTip(refused)
        self.letters_bar.setVisible(True)

    def _on_failed(self, text: str) -> None:
        super()._on_failed(text)
        self.letters_bar.setVisible(False)

    def pending(self) -> int:
        """Letters shown that printing would issue (0 once issued, or for reprints)."""
        return self.printed.pending if self.printed is not None else 0

    def _set_ready(self, ready: bool) -> None:
        super()._set_ready(ready)
        # A letter with no number yet is not printed nor saved: it is issued first.
        waiting = self.pending() > 0
        for button in (self.print_button, self.save_button):
            button.setEnabled(ready and not waiting)
            button.setToolTip(strings.LETTERS_ISSUE_FIRST if waiting else "")

    def print_report(self) -> bool:
        return False if self.pending() else super().print_report()

    def save_report(self) -> Path | None:
        return None if self.pending() else super().save_report()
