"""The agency directory: the active member agencies and their PR managers.

One table in Persian alphabetical order of the agencies' names (the order
the register sorts in, with the database's Persian collation): the agency,
its current PR manager with their honorific, the manager's mobile, the
agency's phones and e-mail. Phone numbers and addresses typed with Latin
digits are printed as typed; the row numbers and the date in Persian digits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import NotFoundError
from secretariat.members.agencies import AgencyQuery
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from secretariat.reports import styles, wording
from secretariat.reports.page import CONTENT_WIDTH, Bookmarked, PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Column, rtl_table

GATHERED = 0.4  # the share of the progress bar for reading the records


@dataclass(frozen=True)
class DirectoryEntry:
    agency_name: str
    pr_manager: str  # with the honorific («دکتر مریم احمدی»); empty if none
    mobile: str
    phones: str
    email: str


@dataclass(frozen=True)
class DirectoryData:
    council_name: str
    entries: tuple[DirectoryEntry, ...]


def gather_directory(secretariat: Secretariat, run: ReportRun | None = None) -> DirectoryData:
    """The active agencies in Persian order, with their current PR managers."""
    run = run or ReportRun()
    council = secretariat.council.get()
    if council is None:
        raise NotFoundError("هنوز شورایی ساخته نشده است.")
    agencies = secretariat.agencies
    rows = agencies.page(AgencyQuery(), limit=None)
    managers = secretariat.people.pr_managers_on(row.id for row in rows)
    entries = []
    for index, row in enumerate(rows, start=1):
        agency = agencies.get(row.id)
        manager = managers.get(row.id)
        entries.append(
            DirectoryEntry(
                agency_name=row.name,
                pr_manager=manager.display_name if manager else "",
                mobile=manager.mobile if manager else "",
                phones=agency.phones,
                email=agency.email,
            )
        )
        run.advance(GATHERED * index / len(rows))
    return DirectoryData(council.name, tuple(entries))


def render_directory(
    secretariat: Secretariat,
    *,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The printable agency directory, as PDF bytes."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    return directory_pdf(gather_directory(secretariat, run), printed_on=printed_on, run=run)


def directory_pdf(
    data: DirectoryData, *, printed_on: dt.date | None = None, run: ReportRun | None = None
) -> bytes:
    """The directory of ``data`` as PDF bytes."""
    printed_on = printed_on or clock.today()
    setup = PageSetup(council_name=data.council_name, title=wording.DIRECTORY_TITLE, printed_on=printed_on)
    return build_pdf(directory_story(data, printed_on), setup, run, layout_from=GATHERED)


def directory_story(data: DirectoryData, printed_on: dt.date) -> list[Flowable]:
    subtitle = wording.DIRECTORY_SUBTITLE.format(
        council=data.council_name,
        count=format_int(len(data.entries)),
        date=jalali.format_long(printed_on),
    )
    columns = [
        Column(wording.AGENCY, 3.2),
        Column(wording.PR_MANAGER, 2.1),
        Column(wording.MOBILE, 1.5, centered=True),
        Column(wording.PHONES, 1.5, centered=True),
        Column(wording.EMAIL, 2.2, centered=True),
    ]
    # Each agency is a bookmark: the outline is the directory's index, in its order.
    rows = [
        [
            Bookmarked(RtlParagraph(entry.agency_name, styles.CELL), entry.agency_name),
            entry.pr_manager or wording.NONE,
            entry.mobile or wording.NONE,
            entry.phones or wording.NONE,
            entry.email or wording.NONE,
        ]
        for entry in data.entries
    ]
    return [
        RtlParagraph(wording.DIRECTORY_TITLE, styles.TITLE, balanced=True),
        RtlParagraph(subtitle, styles.SUBTITLE),
        rtl_table(columns, rows, width=CONTENT_WIDTH, numbered=True),
    ]
