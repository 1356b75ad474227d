"""Printed letters registered as they are issued: one path for the command line and the window.

Every letter the app prints to an agency or a guest (an invitation, a
follow-up letter, a monthly reminder, the communication of resolutions, a
certificate) goes through ``print_letters``: the report gathers what it
prints (refusing, with its Persian message, before anything is registered),
hands over one ``OutgoingDraft`` per letter, and lays the letters out with
what it gets back. How:

- ``Issuing.ISSUE`` (printing): a letter printed for the first time gets the
  register's next number and today's date (``LetterService.issue_many``); a
  letter issued before (the same ``source_key``) and not void is printed
  again with the same number and date, stamped «رونوشت», never a new number.
- ``Issuing.NEW``: each letter is issued anew, with a new number.
- ``Issuing.PREVIEW``: nothing is registered. A letter issued before shows
  what printing gives (its number, «رونوشت»); one not yet issued shows
  «پس از صدور» for its number and the «پیش‌نویس» stamp. The window's preview
  opens so, and issues only when asked (``ui.reports.letter_preview``).

Once letters are registered, the work is no longer cancellable: their
numbers are taken, and the PDF is finished so that what was issued is what
is printed. Each letter issued now is laid out once more on its own, and
that PDF is kept in the register as the letter as issued
(``LetterService.keep_pdf``); a reprint keeps nothing. What the register
said of each letter comes back with the PDF (``letters.printed``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from secretariat import clock
from secretariat.letters import numbering
from secretariat.letters.printed import Issuing, PrintedLetter, PrintedLetters
from secretariat.letters.register import LetterRecord, LetterService, OutgoingDraft
from secretariat.reports import styles, wording
from secretariat.reports.letter import NOT_NUMBERED, letter_fields
from secretariat.reports.page import LetterHead
from secretariat.reports.progress import ReportRun

COPY_STAMP = "رونوشت"  # a letter issued before, printed again with its number
ISSUED_FILE = "نامه-{number}.pdf"  # the PDF kept for a letter as issued


def letter_head(letter: PrintedLetter) -> LetterHead:
    """A letter's «تاریخ»، «شماره» and «پیوست», and its stamp: «رونوشت» on a reprint,
    «پیش‌نویس» (and no number yet) on a letter previewed before it is issued."""
    record = letter.record
    if record is None:
        fields = letter_fields(letter.date, NOT_NUMBERED, letter.draft.attachments)
        return LetterHead(fields, stamp=wording.DRAFT, stamp_color=styles.DRAFT_RED)
    fields = letter_fields(record.date, record.shown_number, record.attachments)
    return LetterHead(fields, stamp=COPY_STAMP if record.copy else "")


# Lays out the letters given, in order, as PDF bytes (all of them, or one to keep), with a run's
# progress, or none.
Layout = Callable[[Sequence[PrintedLetter], ReportRun | None], bytes]


def print_letters(
    letters: LetterService,
    drafts: Sequence[OutgoingDraft],
    layout: Layout,
    *,
    issuing: Issuing = Issuing.ISSUE,
    on: dt.date | None = None,
    run: ReportRun | None = None,
) -> PrintedLetters:
    """Register ``drafts`` as ``issuing`` says (dated ``on``, by default today), lay them out,
    and keep the PDF of each letter issued now."""
    run = run or ReportRun()
    day = on or clock.today()
    records: Sequence[LetterRecord | None]
    if issuing is Issuing.PREVIEW:
        records = [letters.reprint_of(draft.source_key) for draft in drafts]
    else:
        run.check()  # the last moment a cancel is heard: from here on, the numbers are taken
        records = letters.issue_many(drafts, new=issuing is Issuing.NEW, on=on)
        run.cannot_cancel()
    printed = tuple(
        PrintedLetter(index, draft, record, record.date if record is not None else day)
        for index, (draft, record) in enumerate(zip(drafts, records, strict=True))
    )
    pdf = layout(printed, run)
    for letter in printed:
        record = letter.record
        if record is not None and not record.copy:
            letters.keep_pdf(record.id, issued_filename(record), layout([letter], None))
    return PrintedLetters(pdf, printed)


def issued_filename(record: LetterRecord) -> str:
    """«نامه-۱۲-ش-۱۴۰۵.pdf»: the number without the slashes a file name cannot have."""
    number = "".join("-" if c in '\\/:*?"<>|' else c for c in numbering.shown(record.number))
    return ISSUED_FILE.format(number=number)
