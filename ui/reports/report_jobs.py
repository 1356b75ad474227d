"""The reports a user can print, as jobs for the preview window.

Each function names a report and gives the call that makes it from the
core's ``secretariat.reports``; ``show_report`` opens its preview, where it
is made in the background. The letters (invitations, follow-up letters, the
communication of resolutions, reminders, certificates) are ``LetterJob``s:
their preview registers nothing until the letters are issued from it
(``letter_preview``). The core's reports are imported when a report is
made, not when the app starts: reportlab and the shaping libraries load
only for someone who prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from secretariat.followup.register import ResolutionQuery
from secretariat.letters.printed import Issuing, PrintedLetters
from secretariat.monthly.months import Month
from secretariat.office.audit import AuditQuery
from secretariat.office.roles import Permission
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.audit import wording as audit_wording
from ui.office.gate import why_not
from ui.reports.letter_preview import LetterJob, LetterPreview, PrintLetters
from ui.reports.report_preview import ReportPreview
from ui.reports.report_worker import ReportJob
from ui.services import Services
from ui.worker import Progress


def show_report(parent: QWidget, job: ReportJob | LetterJob) -> ReportPreview:
    window = parent.window() if parent is not None else None
    preview = LetterPreview(job, window) if isinstance(job, LetterJob) else ReportPreview(job, window)
    preview.show()
    preview.raise_()
    preview.activateWindow()
    return preview


def _letters(services: Services, title: str, make: PrintLetters) -> LetterJob:
    """Letters previewed; issued (numbered in the register, a save) only where the role may."""
    refused = why_not(services, Permission.EDIT)
    return LetterJob(title=title, filename=_file(title), print_letters=make, refused=refused)


def _file(title: str) -> str:
    """A file name from a title: the words joined, nothing a file system refuses."""
    cleaned = "".join(c for c in title if c not in '\\/:*?"<>|«»،').split()
    return "-".join(cleaned) + ".pdf"


def minutes_job(services: Services, meeting_id: int, meeting_title: str) -> ReportJob:
    def render(progress: Progress, cancelled: Callable[[], bool]) -> bytes:
        from secretariat.reports import render_minutes

        return render_minutes(services, meeting_id, progress=progress, cancelled=cancelled)

    title = strings.REPORT_MINUTES.format(meeting=meeting_title)
    return ReportJob(title=title, filename=_file(title), render=render)


def invitation_job(services: Services, meeting_id: int, meeting_title: str, *, per_agency: bool) -> LetterJob:
    def make(issuing: Issuing, progress: Progress, cancelled: Callable[[], bool]) -> PrintedLetters:
        from secretariat.reports.invitation import print_invitation

        return print_invitation(
            services,
            meeting_id,
            per_agency=per_agency,
            issuing=issuing,
            progress=progress,
            cancelled=cancelled,
        )

    title = strings.REPORT_INVITATION.format(meeting=meeting_title)
    return _letters(services, title, make)


def communication_job(services: Services, meeting_id: int, meeting_title: str) -> LetterJob:
    """The letters communicating a finalized meeting's resolutions to the agencies responsible."""

    def make(issuing: Issuing, progress: Progress, cancelled: Callable[[], bool]) -> PrintedLetters:
        from secretariat.reports.communication_letter import print_communication

        return print_communication(
            services, meeting_id, issuing=issuing, progress=progress, cancelled=cancelled
        )

    title = strings.REPORT_COMMUNICATION.format(meeting=meeting_title)
    return _letters(services, title, make)


def followup_letter_job(services: Services, agency_id: int, agency_name: str) -> LetterJob:
    def make(issuing: Issuing, progress: Progress, cancelled: Callable[[], bool]) -> PrintedLetters:
        from secretariat.reports.followup_letter import print_followup_letter

        return print_followup_letter(
            services, agency_id, issuing=issuing, progress=progress, cancelled=cancelled
        )

    title = strings.REPORT_FOLLOWUP_LETTER.format(agency=agency_name)
    return _letters(services, title, make)


def followup_letters_job(services: Services) -> LetterJob:
    def make(issuing: Issuing, progress: Progress, cancelled: Callable[[], bool]) -> PrintedLetters:
        from secretariat.reports.followup_letter import print_followup_letters

        return print_followup_letters(services, issuing=issuing, progress=progress, cancelled=cancelled)

    title = strings.REPORT_FOLLOWUP_LETTERS
    return _letters(services, title, make)


def register_job(services: Services, query: ResolutionQuery) -> ReportJob:
    def render(progress: Progress, cancelled: Callable[[], bool]) -> bytes:
        from secretariat.reports.register_report import render_register

        return render_register(services, query, progress=progress, cancelled=cancelled)

    title = strings.REPORT_REGISTER
    return ReportJob(title=title, filename=_file(title), render=render)


def letters_register_job(services: Services, start: dt.date, end: dt.date) -> ReportJob:
    def render(progress: Progress, cancelled: Callable[[], bool]) -> bytes:
        from secretariat.reports.letters_report import render_letters

        return render_letters(services, start, end, progress=progress, cancelled=cancelled)

    title = strings.REPORT_LETTERS.format(start=jalali.format_short(start), end=jalali.format_short(end))
    return ReportJob(title=title, filename=_file(title.replace("/", "-")), render=render)


def attendance_job(services: Services, start: dt.date, end: dt.date) -> ReportJob:
    def render(progress: Progress, cancelled: Callable[[], bool]) -> bytes:
        from secretariat.reports.attendance_report import render_attendance

        return render_attendance(services, start, end, progress=progress, cancelled=cancelled)

    title = strings.REPORT_ATTENDANCE.format(start=jalali.format_short(start), end=jalali.format_short(end))
    filename = _file(
        strings.REPORT_ATTENDANCE_FILE.format(
            start=to_persian_digits(jalali.format_short(start).replace("/", "-")),
            end=to_persian_digits(jalali.format_short(end).replace("/", "-")),
        )
    )
    return ReportJob(title=title, filename=filename, render=render)


def directory_job(services: Services) -> ReportJob:
    def render(progress: Progress, cancelled: Callable[[], bool]) -> bytes:
        from secretariat.reports import render_directory

        return render_directory(services, progress=progress, cancelled=cancelled)

    title = strings.REPORT_DIRECTORY
    return ReportJob(title=title, filename=_file(title), render=render)


def audit_job(services: Services, query: AuditQuery) -> ReportJob:
    """The audit trail as the browser filters it (``query``), oldest first."""

    def render(progress: Progress, cancelled: Callable[[], bool]) -> bytes:
        from secretariat.reports.audit_report import render_audit

        return render_audit(services, query, progress=progress, cancelled=cancelled)

    title = audit_wording.REPORT_AUDIT
    return ReportJob(title=title, filename=_file(title), render=render)


def monthly_reminders_job(services: Services, month: Month, *, one_letter: bool = False) -> LetterJob:
    """The reminders of ``month``: a letter to each agency whose report is missing, or one with the list."""

    def make(issuing: Issuing, progress: Progress, cancelled: Callable[[], bool]) -> PrintedLetters:
        from secretariat.reports.monthly_reminder import print_monthly_reminders

        return print_monthly_reminders(
            services, month, one_letter=one_letter, issuing=issuing, progress=progress, cancelled=cancelled
        )

    template = strings.REPORT_MONTHLY_REMINDER_LIST if one_letter else strings.REPORT_MONTHLY_REMINDERS
    title = template.format(month=month.label)
    return _letters(services, title, make)


def monthly_summary_job(services: Services, year: int) -> ReportJob:
    def render(progress: Progress, cancelled: Callable[[], bool]) -> bytes:
        from secretariat.reports.monthly_summary import render_monthly_summary

        return render_monthly_summary(services, year, progress=progress, cancelled=cancelled)

    title = strings.REPORT_MONTHLY_SUMMARY.format(year=to_persian_digits(year))
    return ReportJob(title=title, filename=_file(title), render=render)


def evaluation_job(services: Services, year: int) -> ReportJob:
    def render(progress: Progress, cancelled: Callable[[], bool]) -> bytes:
        from secretariat.reports.evaluation_report import render_evaluation

        return render_evaluation(services, year, progress=progress, cancelled=cancelled)

    title = strings.REPORT_EVALUATION.format(year=to_persian_digits(year))
    return ReportJob(title=title, filename=_file(title), render=render)


def scorecards_job(
    services: Services, year: int, agency_id: int | None = None, agency_name: str = ""
) -> ReportJob:
    def render(progress: Progress, cancelled: Callable[[], bool]) -> bytes:
        from secretariat.reports.scorecards import render_scorecards

        return render_scorecards(services, year, agency_id=agency_id, progress=progress, cancelled=cancelled)

    shown_year = to_persian_digits(year)
    if agency_id is None:
        title = strings.REPORT_SCORECARDS.format(year=shown_year)
    else:
        title = strings.REPORT_SCORECARD.format(year=shown_year, agency=agency_name)
    return ReportJob(title=title, filename=_file(title), render=render)


def certificates_job(
    services: Services, year: int, *, top: int | None = None, tier: str | None = None
) -> LetterJob:
    def make(issuing: Issuing, progress: Progress, cancelled: Callable[[], bool]) -> PrintedLetters:
        from secretariat.reports.certificates import print_certificates

        return print_certificates(
            services, year, top=top, tier=tier, issuing=issuing, progress=progress, cancelled=cancelled
        )

    title = strings.REPORT_CERTIFICATES.format(year=to_persian_digits(year))
    return _letters(services, title, make)
