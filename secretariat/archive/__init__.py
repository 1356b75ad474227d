"""The yearly archive (بایگانی سالانه): export, check, import. No Qt here.

One ZIP per Jalali year holds the yearly report, the finalized minutes, the
files the meetings keep, the evaluation's printouts, the letters' documents,
the year's records as JSON and CSV, and a manifest of every file's SHA-256
(layout and data schema: ``docs/archive-schema.md``).

- ``schema``: the tables and fields of the data (version 5), and the document;
- ``keys``: how rows name each other without database ids;
- ``records``: the year's records read as plain rows (the evaluation's in
  ``evaluation_records``, the letter register's in ``letter_records``, the audit trail's in
  ``audit_records``);
- ``formats``: those rows as ``records.json`` and CSV files;
- ``layout``, ``manifest``: where files sit in the ZIP, and the list of them;
- ``package``: ``export_archive``, the ZIP written whole or not at all (the
  evaluation printed by ``evaluation_printouts``);
- ``verify``: ``verify_archive`` (every file against the manifest) and
  ``verify_document`` (a printed code or QR payload against the records; an
  evaluation's codes in ``evaluation_codes``);
- ``source``, ``importing``: ``import_archive``, reading a ZIP or a JSON file
  into a database in one transaction.

May import: ``secretariat.reports`` (the yearly report), the other core packages, ``db``.
"""

from secretariat.archive.importing import ImportResult, import_archive
from secretariat.archive.package import ArchiveCancelled, ArchiveResult, export_archive
from secretariat.archive.verify import DocumentCheck, VerifyResult, verify_archive, verify_document

__all__ = [
    "ArchiveCancelled",
    "ArchiveResult",
    "DocumentCheck",
    "ImportResult",
    "VerifyResult",
    "export_archive",
    "import_archive",
    "verify_archive",
    "verify_document",
]
