"""The minutes (صورتجلسه) on paper, for the members present to sign.

The letterhead, then the title («صورتجلسه هفتمین جلسه شورای ...»), the
meeting's particulars (Jalali date with its weekday, time, place, chair,
quorum), the agenda, the summary of each item, the resolutions with their
responsible and collaborating agencies and deadlines, who was present
(stand-ins marked), absent and excused, and a signature table with a box
for every member present. Minutes not yet finalized are a draft and say so
on every page; finalized minutes carry their document code and QR code
(see ``fingerprint``). Amendments made after finalizing follow the minutes
as finalized, each with its reason, author and date.

What is printed comes from ``minutes_data`` (read from the records, with
the seal); ``minutes_pdf`` lays it out and ``render_minutes`` does both.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, HRFlowable, Spacer, Table, TableStyle

from secretariat import clock
from secretariat.clock import format_time
from secretariat.core import Secretariat
from secretariat.meetings.deadline import deadline_text, kept_deadline_text
from secretariat.meetings.kinds import display_code
from secretariat.meetings.records import AmendmentRecord, ResolutionRecord
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.minutes_data import (
    MinutesData,
    amended_subject,
    due_next_meeting,
    gather_minutes,
    minutes_seal,
    original_due,
)
from secretariat.reports.page import CONTENT_WIDTH, Bookmarked, PageSetup, build_pdf, outlined_heading
from secretariat.reports.paragraph import RtlParagraph, heading, keep_headings_with_their_tables
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.splitting_table import SplittingTable
from secretariat.reports.table import Column, details_table, rtl_table

SIGNATURE_ROW_HEIGHT = 34.0
SIGNATURE_WIDTH = 130.0  # room for a hand's signature, whatever the names beside it


def render_minutes(
    secretariat: Secretariat,
    meeting_id: int,
    *,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The printable minutes of a held meeting, as PDF bytes."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    data = gather_minutes(secretariat, meeting_id)
    return minutes_pdf(data, printed_on=printed_on, run=run)


def minutes_pdf(
    data: MinutesData,
    *,
    printed_on: dt.date | None = None,
    run: ReportRun | None = None,
    archived_at: dt.datetime | None = None,
) -> bytes:
    """The minutes of ``data`` as PDF bytes: a draft, or sealed once finalized.

    ``archived_at``: printed for the yearly archive made at that time, as PDF/A-2b.
    """
    run = run or ReportRun()
    run.advance(0.15)
    story = keep_headings_with_their_tables(minutes_story(data))
    run.advance(0.3)
    setup = PageSetup(
        council_name=data.council.name,
        title=data.title,
        printed_on=printed_on or clock.today(),
        draft=not data.finalized,
        seal=minutes_seal(data) if data.finalized else None,
        created_at=archived_at,
        archival=archived_at is not None,
    )
    return build_pdf(story, setup, run, layout_from=0.3)


def minutes_story(data: MinutesData) -> list[Flowable]:
    """The flowables of the minutes, top to bottom."""
    story: list[Flowable] = [RtlParagraph(data.title, styles.TITLE, balanced=True)]
    story.append(details_table(_particulars(data), width=CONTENT_WIDTH))
    meeting = data.meeting
    for postponement in meeting.postponements:
        story.append(
            RtlParagraph(
                wording.POSTPONED_FROM.format(
                    from_date=jalali.format_short(postponement.from_date),
                    to_date=jalali.format_short(postponement.to_date),
                    reason=postponement.reason,
                ),
                styles.NOTE,
            )
        )
    story += _agenda(data)
    story += _discussion(data)
    story += _resolutions(data)
    story += _attendance(data)
    story += _signatures(data)
    story += _amendments(data)
    return story


def _particulars(data: MinutesData) -> list[tuple[str, str]]:
    meeting = data.meeting
    date = f"{jalali.format_long(meeting.date)} ({jalali.format_short(meeting.date)})"
    time = format_time(meeting.start_time)
    if meeting.start_time and meeting.end_time:
        time = wording.TIME_RANGE.format(start=time, end=format_time(meeting.end_time))
    place = wording.LIST_SEPARATOR.join(part for part in (meeting.host_agency_name, meeting.venue) if part)
    kind = meeting.kind.label
    quorum = data.detail.quorum
    quorum_text = (wording.QUORUM_MET if quorum.met else wording.QUORUM_NOT_MET).format(
        present=format_int(quorum.present),
        members=format_int(quorum.members),
        required=format_int(quorum.required),
    )
    pairs = [
        (wording.DATE, date),
        (wording.TIME, time or wording.NONE),
        (wording.PLACE, place or wording.NONE),
        (wording.CHAIR, meeting.chair or wording.NONE),
        (wording.KIND, kind),
        (wording.QUORUM, quorum_text),
    ]
    if meeting.occasion:
        pairs.insert(5, (wording.OCCASION, meeting.occasion))
    return pairs


def _section(title: str, level: int = 0) -> list[Flowable]:
    """A section's heading, and its bookmark: the outline lists the sections, the
    discussion of each agenda item and the lists of attendance under them."""
    return outlined_heading(heading(title, styles.HEADING), title, level)


def _agenda(data: MinutesData) -> list[Flowable]:
    flowables: list[Flowable] = _section(wording.AGENDA)
    for item in data.detail.agenda:
        text = item.title
        if item.presenter_agency_name:
            text += " " + wording.PRESENTER.format(agency=item.presenter_agency_name)
        flowables.append(RtlParagraph(text, styles.BODY, bullet=f"{to_persian_digits(item.position)}."))
    return flowables


def _discussion(data: MinutesData) -> list[Flowable]:
    flowables: list[Flowable] = _section(wording.DISCUSSION)
    for item in data.detail.agenda:
        number = f"{to_persian_digits(item.position)}."
        title = RtlParagraph(item.title, styles.ITEM_TITLE, bullet=number)
        flowables.append(Bookmarked(title, f"{number} {item.title}", level=1))
        if item.summary:
            flowables.append(RtlParagraph(item.summary, styles.BODY))
        else:
            flowables.append(RtlParagraph(wording.NO_SUMMARY, styles.NOTE))
    return flowables


def _due_text(resolution: ResolutionRecord) -> str:
    """The deadline as the minutes were finalized (an amendment is listed below them)."""
    return deadline_text(original_due(resolution), due_next_meeting(resolution))


def _resolutions(data: MinutesData) -> list[Flowable]:
    """A row a resolution: its number at the right; its code, its text, and who carries it
    out by when, one under the other.

    Nothing stands beside the text: a reader of the PDF's text (a search,
    ``pdftotext``) that joins the lines of neighbouring cells finds each
    resolution whole (the number stands level with the code's line).
    """
    flowables: list[Flowable] = _section(wording.RESOLUTIONS)
    if not data.detail.resolutions:
        return [*flowables, RtlParagraph(wording.NO_RESOLUTIONS, styles.NOTE)]
    columns = [Column(wording.ROW_NUMBER, 0.7, centered=True), Column(wording.RESOLUTION_TEXT, 11.0)]
    rows = [[to_persian_digits(r.number), _resolution_cell(r)] for r in data.detail.resolutions]
    table = rtl_table(columns, rows, width=CONTENT_WIDTH)
    table.setStyle(TableStyle([("VALIGN", (0, 1), (-1, -1), "TOP")]))
    return [*flowables, table]


def _resolution_cell(resolution: ResolutionRecord) -> list[Flowable]:
    """«شناسه: …», the text, then «مسئول اجرا: …؛ مهلت: …» and «همکاران: …» in smaller type."""
    lead = resolution.lead.agency_name if resolution.lead else wording.NONE
    details = [wording.RESOLUTION_DUTY.format(lead=lead, due=_due_text(resolution))]
    names = [assignment.agency_name for assignment in resolution.collaborators]
    if names:
        details.append(
            wording.LABELLED.format(label=wording.COLLABORATORS, value=wording.LIST_SEPARATOR.join(names))
        )
    code = wording.LABELLED.format(label=wording.RESOLUTION_CODE, value=display_code(resolution.code))
    return [
        RtlParagraph(code, styles.CELL_CODE),
        RtlParagraph(resolution.text, styles.CELL),
        *(RtlParagraph(line, styles.CELL_DETAIL) for line in details),
    ]


def _attendance(data: MinutesData) -> list[Flowable]:
    flowables: list[Flowable] = _section(wording.PRESENT)
    present_rows = []
    for member in data.present:
        remarks = [wording.SUBSTITUTE] if member.substitute else []
        if member.late:
            remarks.append(wording.LATE)
        present_rows.append(
            [member.agency_name, member.attendee_name or wording.NONE, wording.LIST_SEPARATOR.join(remarks)]
        )
    flowables.append(
        rtl_table(
            [Column(wording.AGENCY, 3.2), Column(wording.REPRESENTATIVE, 2.4), Column(wording.REMARK, 1.9)],
            present_rows,
            width=CONTENT_WIDTH,
            numbered=True,
        )
    )
    if data.guests:
        flowables += _section(wording.GUESTS, level=1)
        flowables.append(
            rtl_table(
                [
                    Column(wording.GUEST_NAME, 2.2),
                    Column(wording.GUEST_TITLE, 2.0),
                    Column(wording.GUEST_ORGANIZATION, 3.3),
                ],
                [[g.guest_name, g.guest_title, g.agency_name] for g in data.guests],
                width=CONTENT_WIDTH,
                numbered=True,
            )
        )
    if data.absent:
        flowables += _section(wording.ABSENT, level=1)
        flowables.append(
            rtl_table(
                [
                    Column(wording.AGENCY, 3.2),
                    Column(wording.ABSENCE, 1.3, centered=True),
                    Column(wording.REASON, 3.0),
                ],
                [[m.agency_name, m.attendance.label, m.excuse] for m in data.absent],
                width=CONTENT_WIDTH,
                numbered=True,
            )
        )
    return flowables


def _signatures(data: MinutesData) -> list[Flowable]:
    flowables: list[Flowable] = _section(wording.SIGNATURES)
    flowables.append(
        rtl_table(
            [
                Column(wording.FULL_NAME, 2.4),
                Column(wording.AGENCY, 3.2),
                Column(wording.SIGNATURE, 2.0, least=SIGNATURE_WIDTH),
            ],
            [[m.attendee_name or wording.NONE, m.agency_name, ""] for m in data.present],
            width=CONTENT_WIDTH,
            numbered=True,
            zebra=False,
            min_row_height=SIGNATURE_ROW_HEIGHT,
        )
    )
    flowables.append(Spacer(1, 14))
    flowables.append(_officers_block(data))
    if data.finalized and data.meeting.finalized_at:
        flowables.append(Spacer(1, 6))
        flowables.append(
            RtlParagraph(
                wording.FINALIZED.format(
                    date=jalali.format_short(data.meeting.finalized_at.date()),
                    by=data.meeting.finalized_by,
                ),
                styles.NOTE,
            )
        )
    return flowables


def _officers_block(data: MinutesData) -> Table:
    """The chair's and the secretary's signatures, side by side under the table."""
    officers = [(wording.CHAIR, data.meeting.chair), (wording.SECRETARY, data.council.secretary)]
    cells = [
        [
            RtlParagraph(title, styles.LABEL_CELL_CENTER),
            RtlParagraph(name or " ", styles.CELL_CENTER),
            Spacer(1, 30),
            HRFlowable(width="55%", thickness=0.5, color=styles.RULE, dash=(1, 2)),
            RtlParagraph(wording.SIGNATURE, styles.SMALL_CENTER),
        ]
        for title, name in officers
    ]
    half = CONTENT_WIDTH / 2
    # Reading order: the chair on the right, so the secretary's cell comes first for reportlab.
    table = SplittingTable([[cells[1], cells[0]]], colWidths=[half, half])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table


def _amended_value(amendment: AmendmentRecord, value: str) -> str:
    return kept_deadline_text(value) if amendment.field == "due_date" else value


def _amendments(data: MinutesData) -> list[Flowable]:
    if not data.detail.amendments:
        return []
    columns = [
        Column(wording.AMENDED_ITEM, 1.3, centered=True),
        Column(wording.AMENDED_FIELD, 1.0, centered=True),
        Column(wording.AMENDED_FROM, 2.1),
        Column(wording.AMENDED_TO, 2.1),
        Column(wording.REASON, 2.6),
        Column(wording.AMENDMENT_RECORDED, 1.5),
    ]
    rows = [
        [
            amended_subject(data, a),
            wording.AMENDMENT_FIELDS.get(a.field, a.field),
            _amended_value(a, a.original),
            _amended_value(a, a.amended),
            a.reason,
            wording.AMENDMENT_AUTHOR.format(author=a.author, date=jalali.format_short(a.recorded_at.date())),
        ]
        for a in data.detail.amendments
    ]
    return [
        *_section(wording.AMENDMENTS),
        RtlParagraph(wording.AMENDMENTS_NOTE, styles.NOTE),
        rtl_table(columns, rows, width=CONTENT_WIDTH),
    ]
