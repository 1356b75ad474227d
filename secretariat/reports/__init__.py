"""Printed reports: PDF documents that read right in Persian (no Qt here).

The toolkit:
- ``fonts``: the bundled Vazirmatn faces, registered with reportlab;
- ``visual``: one line of Persian text shaped, reordered and mirrored for drawing;
- ``paragraph``: ``RtlParagraph``, wrapped by measured width before reordering;
- ``table``: ``rtl_table``, columns from the right and the header on every page;
- ``page``: A4 pages with the letterhead, «صفحه ۲ از ۵» footers and the draft
  watermark; several letters in one document, each numbered on its own;
- ``letter``: the parts every letter shares (date, number, addressee, signature);
- ``issuing``: the letters registered as they are printed, their numbers on the page, «رونوشت» on
  a reprint (one path for the command line and the window: each letter report's ``print_*``);
- ``fingerprint``: a finalized document's code, SHA-256 fingerprint and QR code;
- ``progress``: progress and cancelling for a worker thread (``ReportCancelled``);
- ``month_grid``: a table of rows × the twelve Jalali months on a portrait page;
- ``styles`` and ``wording``: the look and the words of every report.

The reports, each ``render_*(secretariat, ...) -> bytes`` over a ``secretariat.core.Secretariat``:
- ``minutes``: the minutes (صورتجلسه) for the members present to sign;
- ``invitation``: the invitation, one letter per agency or one with the recipients;
- ``followup_letter``: the follow-up letter to one agency, or to every agency
  with overdue resolutions;
- ``register_report``: the resolutions of any filter of the register, with totals;
- ``attendance_report``: each agency's attendance in a period, worst first;
- ``directory``: the member agencies and their PR managers;
- ``monthly_reminder``: the reminders for a month's missing monthly reports, a
  letter per agency or one with the list;
- ``communication_letter``: the communication of a finalized meeting's resolutions (ابلاغ
  مصوبات), a letter to each responsible agency;
- ``monthly_summary``: the yearly summary of the monthly reports (punctuality,
  the matrix, charts, the indicators' figures);
- ``yearbook``: the yearly report (کارنامه سالانه) that opens the yearly archive.
- ``evaluation_report``, ``scorecards``, ``certificates``: the yearly evaluation's ranking, one
  score card per agency, and the certificates of appreciation (لوح تقدیر) of a published one
  (what they share, and their seals: ``evaluation_data``).
"""

from secretariat.reports.attendance_report import render_attendance
from secretariat.reports.communication_letter import render_communication
from secretariat.reports.directory import render_directory
from secretariat.reports.followup_letter import render_followup_letter, render_followup_letters
from secretariat.reports.invitation import render_invitation
from secretariat.reports.minutes import render_minutes
from secretariat.reports.monthly_reminder import render_monthly_reminders
from secretariat.reports.monthly_summary import render_monthly_summary
from secretariat.reports.progress import ReportCancelled
from secretariat.reports.register_report import render_register
from secretariat.reports.yearbook import render_yearbook

__all__ = [
    "ReportCancelled",
    "render_attendance",
    "render_communication",
    "render_directory",
    "render_followup_letter",
    "render_followup_letters",
    "render_invitation",
    "render_minutes",
    "render_monthly_reminders",
    "render_monthly_summary",
    "render_register",
    "render_yearbook",
]
