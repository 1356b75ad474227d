"""The audit trail on paper (سابقه تغییرات): who changed what, and when, as the browser filters it.

The entries of the filter (a user, a kind of record, a period), oldest first
as a log is read, on landscape pages: from the right ردیف، زمان، کاربر، کار،
نوع رکورد and what changed («مهلت: از ۱۴۰۴/۰۳/۰۱ به ۱۴۰۴/۰۴/۰۱»), each line read
as the window reads it (``secretariat.office.audit_text``). Under the title,
the filter and how many entries it holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import DomainError, NotFoundError
from secretariat.office.audit import KIND_LABELS, AuditQuery, AuditRow
from secretariat.office.audit_text import summary, when
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from secretariat.reports import styles
from secretariat.reports.page import Bookmarked, PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Column, rtl_table

TITLE = "سابقه تغییرات"
WHEN, USER, ACTION, KIND, CHANGE = "زمان", "کاربر", "کار", "نوع رکورد", "شرح تغییر"
EVERYTHING = "همه تغییرات ثبت‌شده"
BY_USER = "کاربر: {user}"
OF_KIND = "نوع رکورد: {kind}"
SINCE, UNTIL, BETWEEN = "از {start}", "تا {end}", "از {start} تا {end}"
COUNT = "{count} تغییر، از قدیم به جدید."
NOTHING = "با این فیلترها تغییری در سابقه نیست؛ فیلترها را گسترده‌تر کنید."
GATHERED = 0.3

CELL = ParagraphStyle("audit_cell", parent=styles.CELL, fontSize=8.5, leading=14.5)


@dataclass(frozen=True)
class AuditData:
    council_name: str
    query: AuditQuery
    entries: tuple[AuditRow, ...]  # oldest first


def gather_audit(secretariat: Secretariat, query: AuditQuery, *, run: ReportRun | None = None) -> AuditData:
    """The entries of ``query``, oldest first; refused when there are none."""
    run = run or ReportRun()
    council = secretariat.council.get()
    if council is None:
        raise NotFoundError("هنوز شورایی ساخته نشده است.")
    entries = tuple(reversed(secretariat.audit.page(query, limit=None)))
    if not entries:
        raise DomainError(NOTHING)
    run.advance(GATHERED)
    return AuditData(council.name, query, entries)


def render_audit(
    secretariat: Secretariat,
    query: AuditQuery | None = None,
    *,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The trail that ``query`` filters (none: the whole trail), as PDF bytes."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    data = gather_audit(secretariat, query or AuditQuery(), run=run)
    setup = PageSetup(
        council_name=data.council_name, title=TITLE, printed_on=printed_on or clock.today(), landscape=True
    )
    return build_pdf(audit_story(data, setup.content_width), setup, run, layout_from=GATHERED)


def filter_text(query: AuditQuery) -> str:
    """«کاربر: zahra؛ نوع رکورد: جلسه؛ از ۱۴۰۴/۰۱/۰۱ تا ۱۴۰۴/۱۲/۲۹», or that it is the whole trail."""
    parts = []
    if query.username:
        parts.append(BY_USER.format(user=query.username))
    if query.kind:
        parts.append(OF_KIND.format(kind=KIND_LABELS.get(query.kind, query.kind)))
    start, end = (jalali.format_short(day) if day else "" for day in (query.start, query.end))
    if start and end:
        parts.append(BETWEEN.format(start=start, end=end))
    elif start:
        parts.append(SINCE.format(start=start))
    elif end:
        parts.append(UNTIL.format(end=end))
    return "؛ ".join(parts) or EVERYTHING


def audit_story(data: AuditData, width: float) -> list[Flowable]:
    columns = [
        Column(WHEN, 1.35, centered=True),
        Column(USER, 1.5),
        Column(ACTION, 1.0, centered=True),
        Column(KIND, 1.6),
        Column(CHANGE, 6.0),
    ]
    rows = [
        [when(entry.at), entry.who, entry.action_label, entry.kind_label, summary(entry) or "—"]
        for entry in data.entries
    ]
    return [
        Bookmarked(RtlParagraph(TITLE, styles.TITLE, balanced=True), TITLE),
        RtlParagraph(filter_text(data.query), styles.SUBTITLE),
        RtlParagraph(COUNT.format(count=format_int(len(data.entries))), styles.BODY),
        rtl_table(columns, rows, width=width, numbered=True, cell_style=CELL),
    ]
