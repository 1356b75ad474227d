"""Printed reports: PDF documents that read right in Persian (no Qt here).

The toolkit:
- ``fonts``: the bundled Vazirmatn faces, registered with reportlab;
- ``visual``: one line of Persian text shaped, reordered and mirrored for drawing;
- ``paragraph``: ``RtlParagraph``, wrapped by measured width before reordering;
- ``table``: ``rtl_table``, columns from the right and the header on every page;
- ``page``: A4 pages with the letterhead, «صفحه ۲ از ۵» footers and the draft watermark;
- ``fingerprint``: a finalized document's code, SHA-256 fingerprint and QR code;
- ``progress``: progress and cancelling for a worker thread (``ReportCancelled``);
- ``styles`` and ``wording``: the look and the words of every report.

The reports, each ``render_*(database, ...) -> bytes``:
- ``minutes``: the minutes (صورتجلسه) for the members present to sign, from
  ``minutes_data`` (what they hold, their canonical content and seal);
- ``directory``: the member agencies and their PR managers.
"""

from secretariat.reports.directory import render_directory
from secretariat.reports.minutes import render_minutes
from secretariat.reports.progress import ReportCancelled

__all__ = ["ReportCancelled", "render_directory", "render_minutes"]
