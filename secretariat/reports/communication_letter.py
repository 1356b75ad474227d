"""The communication of resolutions (ابلاغ مصوبات): a letter to each agency responsible for them.

Once a meeting's minutes are finalized, each agency named on one of its
resolutions, as the lead (مسئول اجرا) or a collaborator (همکار), gets one
office letter to its PR manager by name («مدیر محترم روابط عمومی ...»
alone if it has none), as the follow-up letters are addressed: the meeting
and its date, a table of its resolutions (the code, the text in force after
any amendment, the agency's role, and for a collaborator the lead it works
with, and the deadline), those it leads first, and the request to carry them
out by their deadlines and report on them. Signed by the council's
secretary, a copy to its chair when one is on record. Each letter on its own
pages, in Persian order of the agencies.

The letters are registered as they are issued (``issuing``), each linked to
its resolutions, so that a resolution records that it was communicated and
by which letter (``LetterService.of_resolution``); the same agency's letter
for the same meeting printed again is reprinted as «رونوشت» with its
number, unless new letters are asked for. Minutes not yet finalized, or no
agency responsible for any resolution, are refused with a Persian message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.letters.communication import CommunicatedResolution, CommunicationPlan, plan_communication
from secretariat.letters.printed import Issuing, PrintedLetter, PrintedLetters
from secretariat.meetings.deadline import deadline_text
from secretariat.meetings.kinds import AssignmentRole, display_code
from secretariat.members.council import CouncilRecord
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from secretariat.reports import styles
from secretariat.reports.issuing import letter_head, print_letters
from secretariat.reports.letter import (
    BODY,
    RUNNING_HEAD,
    Addressee,
    chair_copies,
    closing,
    council_of,
    opening,
    pr_manager_addressee,
)
from secretariat.reports.page import CONTENT_WIDTH, PageSetup, build_pdf, letters_story
from secretariat.reports.paragraph import RtlParagraph
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Cell, Column, rtl_table

# -- the words ----------------------------------------------------------------------
TITLE = "ابلاغ مصوبات {meeting} {council}"  # the PDF's title
INTRO = (
    "احتراماً، به استحضار می‌رساند در {meeting} {council} که در تاریخ {date} برگزار شد، {what} به تصویب "
    "رسید {whose}. بدین‌وسیله {these} برای اجرا ابلاغ می‌شود."
)
WHAT = "{count} مصوبه زیر"
WHAT_ONE = "مصوبه زیر"
LEADS = "که اجرای {them} بر عهده آن دستگاه است"
COLLABORATES = "که آن دستگاه در اجرای {them} همکار است"
BOTH = "که اجرای برخی از آن‌ها بر عهده آن دستگاه است و آن دستگاه در اجرای برخی دیگر همکار است"
THEM, IT = "آن‌ها", "آن"
REQUEST = (
    "خواهشمند است دستور فرمایید اقدامات لازم برای اجرای {these} در مهلت تعیین‌شده انجام شود و گزارش "
    "پیشرفت کار، همراه با مستندات مربوط، به دبیرخانه شورا ارسال گردد."
)
THESE = "این مصوبات"
THIS_ONE = "این مصوبه"
WITH_LEAD = " در مصوباتی که آن دستگاه همکار است، هماهنگی لازم با دستگاه مسئول اجرا به عمل آید."
WITH_LEAD_ONE = " هماهنگی لازم با دستگاه مسئول اجرای آن به عمل آید."
THANKS = " پیشاپیش از حسن همکاری آن دستگاه سپاسگزاری می‌شود."
CODE = "شناسه"
TEXT = "متن مصوبه"
ROLE = "نقش دستگاه"
DEADLINE = "مهلت اجرا"
LEAD = "(مسئول اجرا: {lead})"

GATHERED = 0.3  # the share of the progress bar for reading the records

# -- the look -------------------------------------------------------------------------
CELL = ParagraphStyle("communication_cell", parent=styles.CELL, fontSize=9, leading=16)
COLUMNS = [  # after «ردیف», from the right
    Column(CODE, 1.25, centered=True),
    Column(TEXT, 4.9),
    Column(ROLE, 2.2, centered=True),
    Column(DEADLINE, 1.2, centered=True),
]


@dataclass(frozen=True)
class CommunicationData:
    council: CouncilRecord
    plan: CommunicationPlan
    addressees: tuple[Addressee, ...]  # each letter's, in the plan's order

    @property
    def title(self) -> str:
        return TITLE.format(meeting=self.plan.meeting.title, council=self.council.name)


def gather_communication(secretariat: Secretariat, meeting_id: int) -> CommunicationData:
    """The letters to issue and their addressees; refused before the minutes are finalized."""
    council = council_of(secretariat)
    plan = plan_communication(
        secretariat.meetings, secretariat.minutes, meeting_id, recorded_by=council.secretary
    )
    managers = secretariat.people.pr_managers_on(letter.agency_id for letter in plan.letters)
    addressees = tuple(
        pr_manager_addressee(letter.agency, managers.get(letter.agency_id)) for letter in plan.letters
    )
    return CommunicationData(council, plan, addressees)


def render_communication(
    secretariat: Secretariat,
    meeting_id: int,
    *,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The communication letters of a finalized meeting, as PDF bytes (see ``print_communication``)."""
    return print_communication(
        secretariat,
        meeting_id,
        issuing=issuing,
        printed_on=printed_on,
        progress=progress,
        cancelled=cancelled,
    ).pdf


def print_communication(
    secretariat: Secretariat,
    meeting_id: int,
    *,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> PrintedLetters:
    """A letter to each agency responsible for a resolution of the meeting, registered as
    ``issuing`` says and linked to its resolutions."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    data = gather_communication(secretariat, meeting_id)
    run.advance(GATHERED)
    printed_on = printed_on or clock.today()

    def layout(letters: Sequence[PrintedLetter], layout_run: ReportRun | None) -> bytes:
        return communication_pdf(data, letters, printed_on=printed_on, run=layout_run)

    drafts = [planned.draft for planned in data.plan.letters]
    return print_letters(secretariat.letters, drafts, layout, issuing=issuing, on=printed_on, run=run)


def communication_pdf(
    data: CommunicationData,
    letters: Sequence[PrintedLetter],
    *,
    printed_on: dt.date,
    run: ReportRun | None = None,
) -> bytes:
    """``letters`` (of the plan) laid out, each with its number and date."""
    setup = PageSetup(
        council_name=data.council.name, title=data.title, printed_on=printed_on, letter_heads=True
    )
    subject = data.plan.subject
    story = letters_story(
        (
            RUNNING_HEAD.format(subject=subject, addressee=planned.agency),
            communication_letter(data, letter.index),
            planned.agency,
            None,
            letter_head(letter),
        )
        for letter in letters
        for planned in (data.plan.letters[letter.index],)
    )
    return build_pdf(story, setup, run, layout_from=GATHERED)


def communication_letter(data: CommunicationData, index: int) -> list[Flowable]:
    """One agency's letter, top to bottom."""
    planned = data.plan.letters[index]
    meeting = data.plan.meeting
    resolutions = planned.resolutions
    story = opening(data.addressees[index].lines, data.plan.subject)
    one = len(resolutions) == 1
    roles = {r.role for r in resolutions}
    if len(roles) > 1:
        whose = BOTH
    else:
        whose = (LEADS if AssignmentRole.LEAD in roles else COLLABORATES).format(them=IT if one else THEM)
    intro = INTRO.format(
        meeting=meeting.title,
        council=data.council.name,
        date=jalali.format_short(meeting.date),
        what=WHAT_ONE if one else WHAT.format(count=format_int(len(resolutions))),
        whose=whose,
        these=THIS_ONE if one else THESE,
    )
    story += [RtlParagraph(intro, BODY), Spacer(1, 4)]
    rows = [_row(resolution) for resolution in resolutions]
    story.append(rtl_table(COLUMNS, rows, width=CONTENT_WIDTH, numbered=True, cell_style=CELL))
    request = REQUEST.format(these=THIS_ONE if one else THESE)
    if any(r.role is AssignmentRole.COLLABORATOR for r in resolutions):
        request += WITH_LEAD_ONE if one else WITH_LEAD
    story.append(closing(request + THANKS, data.council, chair_copies(data.council)))
    return story


def _row(resolution: CommunicatedResolution) -> list[Cell]:
    role = resolution.role.label
    if resolution.lead:
        role = f"{role}\n{LEAD.format(lead=resolution.lead)}"
    return [
        display_code(resolution.code),
        resolution.text,
        role,
        deadline_text(resolution.due_date, resolution.due_next_meeting),
    ]
