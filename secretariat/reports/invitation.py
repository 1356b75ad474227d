"""The meeting invitation (دعوت‌نامه): an office letter for a meeting to come.

Per agency (the default): one letter to each invitee, each on its own pages
with its own page numbers, to the member agency's current PR manager by
name («مدیر محترم روابط عمومی ...» alone if it has none) or to the guest
(«جناب آقای ...»/«سرکار خانم ...» when the typed name says so, over «معاون
محترم ...» of their organisation).
Otherwise one circular «به: اعضای محترم شورای ...» with the list of its
recipients (گیرندگان) after the signature.

Each letter: the subject «دعوت به هفتمین جلسه شورای ...», the greeting, a
sentence in the voice of the council's letters, the time (Jalali date with
its weekday, start and end), the venue and the host, the agenda numbered,
the request to come in person or send an informed substitute with a letter
of introduction (a guest is only asked to come), the secretary's
signature, and a copy to the council's chair («رونوشت») when one is on
record. A postponed meeting's letter recalls the date first planned.

Only a meeting still to be held (planned or postponed) with someone invited
is invitable; a cancelled or held meeting is refused with a Persian message.

Each letter is registered as it is issued (see ``issuing``): one per
meeting, meeting date and invitee (or the circular), so that printing it
again reprints its number as «رونوشت», and a meeting postponed to another
day is invited to by new letters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from reportlab.platypus import CondPageBreak, Flowable

from secretariat import clock
from secretariat.clock import format_time
from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.letters.printed import Issuing, PrintedLetter, PrintedLetters
from secretariat.letters.register import Concerns, LetterKind, OutgoingDraft
from secretariat.meetings.kinds import MeetingKind, MeetingStatus
from secretariat.meetings.records import AgendaItemRecord, InvitationRecord, MeetingRecord
from secretariat.members.council import CouncilRecord
from secretariat.members.people import PeopleService
from secretariat.persian import jalali
from secretariat.persian.ordinals import ordinal
from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles
from secretariat.reports.issuing import letter_head, print_letters
from secretariat.reports.letter import (
    BODY,
    COUNCIL_MEMBERS,
    FIELD,
    ITEM,
    RUNNING_HEAD,
    TO,
    Addressee,
    chair_copies,
    closing,
    council_of,
    guest_addressee,
    opening,
    pr_manager_addressee,
)
from secretariat.reports.page import CONTENT_WIDTH, PageSetup, build_pdf, letters_story
from secretariat.reports.paragraph import HEADING_ROOM, RtlParagraph
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.table import Column, rtl_table

# -- the words ----------------------------------------------------------------------
TITLE = "دعوت‌نامه {meeting} {council}"  # the PDF's title
SUBJECT = "دعوت به {meeting} {council}"
EXTRAORDINARY = "{ordinal} جلسه فوق‌العاده"  # «دومین جلسه (فوق‌العاده)» as a phrase of a sentence
INTRO = "بدین‌وسیله به استحضار می‌رساند {meeting} {council} به شرح زیر برگزار می‌شود:"
WHEN = "زمان: {when}"
WHEN_WITH_TIME = "{date}، ساعت {time}"
TIME_RANGE = "{start} تا {end}"
WHERE = "مکان: {where}"
HOST = "میزبان: {host}"
TO_BE_ANNOUNCED = "متعاقباً اعلام می‌شود"
AGENDA = "دستور جلسه:"
AGENDA_LATER = "دستور جلسه: متعاقباً اعلام می‌شود."
PRESENTER = "(ارائه: {agency})"
POSTPONED = "این جلسه پیش‌تر برای {from_date} پیش‌بینی شده بود و به زمان یادشده موکول شده است."
ATTEND_MEMBER = (
    "خواهشمند است ترتیبی اتخاذ فرمایید تا شخصاً در جلسه حضور یابید و در صورت عدم امکان حضور، "
    "جانشین مطلع خود را با معرفی‌نامه کتبی به جلسه اعزام فرمایید. "
    "پیشاپیش از حضور به‌موقع و همکاری شما سپاسگزاری می‌شود."
)
ATTEND_GUEST = (
    "خواهشمند است با حضور در این جلسه، شورا را از دیدگاه‌های ارزشمند خود بهره‌مند فرمایید. "
    "پیشاپیش از حضور شما سپاسگزاری می‌شود."
)
ATTEND_ALL = (
    "خواهشمند است مدیران محترم روابط عمومی شخصاً در جلسه حضور یابند و در صورت عدم امکان حضور، "
    "جانشین مطلع خود را با معرفی‌نامه کتبی به جلسه اعزام فرمایند. "
    "پیشاپیش از حضور به‌موقع و همکاری اعضای محترم سپاسگزاری می‌شود."
)
RECIPIENTS = "گیرندگان"
RECIPIENT_AGENCY = "دستگاه / سازمان"
RECIPIENT_PERSON = "مدیر روابط عمومی / مدعو"
NOBODY = "—"
LIST_SEPARATOR = "، "
REFUSED_CANCELLED = "این جلسه لغو شده است؛ برای آن دعوت‌نامه چاپ نمی‌شود."
REFUSED_HELD = "این جلسه برگزار شده است؛ دعوت‌نامه فقط برای جلسه‌ای چاپ می‌شود که هنوز برگزار نشده است."
REFUSED_NO_INVITEES = "هیچ دستگاه یا مهمانی به این جلسه دعوت نشده است؛ نخست دعوت‌شدگان را تعیین کنید."

GATHERED = 0.3  # the share of the progress bar for reading the records


@dataclass(frozen=True)
class Invitee:
    """One addressee of the invitation: a member agency or a guest."""

    agency_name: str  # the agency, or the guest's organisation
    addressee: Addressee
    is_guest: bool
    listed_as: str  # in the circular's list of recipients: the PR manager, or the guest and their title
    invitation_id: int = 0
    agency_id: int | None = None  # a member agency; None for a guest


@dataclass(frozen=True)
class InvitationData:
    council: CouncilRecord
    meeting: MeetingRecord
    agenda: tuple[AgendaItemRecord, ...]
    invitees: tuple[Invitee, ...]  # member agencies in Persian order, then guests as invited

    @property
    def meeting_phrase(self) -> str:
        """The meeting as a sentence names it: «هفتمین جلسه»، «دومین جلسه فوق‌العاده»."""
        meeting = self.meeting
        if meeting.kind is MeetingKind.EXTRAORDINARY and meeting.number is not None:
            return EXTRAORDINARY.format(ordinal=ordinal(meeting.number))
        return meeting.title

    @property
    def subject(self) -> str:
        return SUBJECT.format(meeting=self.meeting_phrase, council=self.council.name)

    @property
    def title(self) -> str:
        return TITLE.format(meeting=self.meeting_phrase, council=self.council.name)


def gather_invitation(
    secretariat: Secretariat, meeting_id: int, run: ReportRun | None = None
) -> InvitationData:
    """The meeting, its agenda and its invitees with their addressees; refused unless invitable."""
    run = run or ReportRun()
    detail = secretariat.meetings.detail(meeting_id)
    meeting = detail.meeting
    if meeting.status is MeetingStatus.CANCELLED:
        raise DomainError(REFUSED_CANCELLED)
    if not meeting.status.upcoming:
        raise DomainError(REFUSED_HELD)
    if not detail.invitations:
        raise DomainError(REFUSED_NO_INVITEES)
    council = council_of(secretariat)
    people = secretariat.people
    invitees = []
    for index, invitation in enumerate(detail.invitations, start=1):
        invitees.append(_invitee(people, invitation))
        run.advance(GATHERED * index / len(detail.invitations))
    return InvitationData(council, meeting, detail.agenda, tuple(invitees))


def _invitee(people: PeopleService, invitation: InvitationRecord) -> Invitee:
    if invitation.is_guest:
        addressee = guest_addressee(invitation.guest_name, invitation.guest_title, invitation.agency_name)
        listed_as = LIST_SEPARATOR.join(
            part for part in (invitation.guest_name, invitation.guest_title) if part
        )
        return Invitee(
            invitation.agency_name, addressee, is_guest=True, listed_as=listed_as, invitation_id=invitation.id
        )
    # Not a guest: a member's invitation has its agency.
    agency_id = cast(int, invitation.agency_id)
    manager = people.current_pr_manager(agency_id)
    addressee = pr_manager_addressee(invitation.agency_name, manager)
    return Invitee(
        invitation.agency_name,
        addressee,
        is_guest=False,
        listed_as=addressee.name,
        invitation_id=invitation.id,
        agency_id=agency_id,
    )


def render_invitation(
    secretariat: Secretariat,
    meeting_id: int,
    *,
    per_agency: bool = True,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The invitation to a meeting to come, as PDF bytes (see ``print_invitation``)."""
    return print_invitation(
        secretariat,
        meeting_id,
        per_agency=per_agency,
        issuing=issuing,
        printed_on=printed_on,
        progress=progress,
        cancelled=cancelled,
    ).pdf


def print_invitation(
    secretariat: Secretariat,
    meeting_id: int,
    *,
    per_agency: bool = True,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> PrintedLetters:
    """The invitation to a meeting to come: a letter to each invitee (``per_agency``), or one
    circular to the council's members, each registered as ``issuing`` says."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    data = gather_invitation(secretariat, meeting_id, run)
    printed_on = printed_on or clock.today()

    def layout(letters: Sequence[PrintedLetter], layout_run: ReportRun | None) -> bytes:
        return invitation_pdf(data, letters, per_agency=per_agency, printed_on=printed_on, run=layout_run)

    drafts = invitation_drafts(data, per_agency=per_agency)
    return print_letters(secretariat.letters, drafts, layout, issuing=issuing, on=printed_on, run=run)


def invitation_drafts(data: InvitationData, *, per_agency: bool) -> list[OutgoingDraft]:
    """The letters to register: one per invitee, or the circular."""
    meeting = data.meeting
    key = f"invitation:{meeting.id}:{meeting.date.isoformat()}"

    def draft(source: str, party: str, agency_id: int | None = None) -> OutgoingDraft:
        return OutgoingDraft(
            kind=LetterKind.INVITATION.value,
            source_key=f"{key}:{source}",
            party=party,
            subject=data.subject,
            agency_id=agency_id,
            concerns=Concerns.MEETING.value,
            meeting_id=meeting.id,
            recorded_by=data.council.secretary,
        )

    if not per_agency:
        return [draft("members", COUNCIL_MEMBERS.format(council=data.council.name))]
    return [
        draft(f"guest:{invitee.invitation_id}", _guest_party(invitee))
        if invitee.is_guest
        else draft(f"agency:{invitee.agency_id}", invitee.agency_name, invitee.agency_id)
        for invitee in data.invitees
    ]


def _guest_party(invitee: Invitee) -> str:
    """A guest as the register names them: «سرکار خانم دکتر نرگس طاهری، دانشگاه تهران»."""
    return LIST_SEPARATOR.join(part for part in (invitee.addressee.name, invitee.agency_name) if part)


def invitation_pdf(
    data: InvitationData,
    letters: Sequence[PrintedLetter],
    *,
    per_agency: bool = True,
    printed_on: dt.date | None = None,
    run: ReportRun | None = None,
) -> bytes:
    """``letters`` (of ``invitation_drafts``) laid out, each with its number and date."""
    printed_on = printed_on or clock.today()
    setup = PageSetup(
        council_name=data.council.name, title=data.title, printed_on=printed_on, letter_heads=True
    )
    if per_agency:
        story = letters_story(
            (
                RUNNING_HEAD.format(
                    subject=data.subject, addressee=invitee.agency_name or invitee.addressee.name
                ),
                invitation_letter(data, invitee.addressee.lines, guest=invitee.is_guest),
                invitee.agency_name or invitee.addressee.name,
                None,
                letter_head(letter),
            )
            for letter in letters
            for invitee in (data.invitees[letter.index],)
        )
    else:
        story = letters_story(
            (data.title, circular_letter(data), data.title, None, letter_head(letter)) for letter in letters
        )
    return build_pdf(story, setup, run, layout_from=GATHERED)


def invitation_letter(
    data: InvitationData, addressee_lines: tuple[str, ...], *, guest: bool = False, request: str | None = None
) -> list[Flowable]:
    """One letter's flowables, top to bottom."""
    story = opening(addressee_lines, data.subject)
    story.append(RtlParagraph(INTRO.format(meeting=data.meeting_phrase, council=data.council.name), BODY))
    story += [RtlParagraph(line, FIELD) for line in particulars(data.meeting)]
    if data.meeting.status is MeetingStatus.POSTPONED and data.meeting.postponements:
        first_planned = data.meeting.postponements[0].from_date
        story.append(RtlParagraph(POSTPONED.format(from_date=jalali.format_long(first_planned)), BODY))
    if data.agenda:
        story += [CondPageBreak(HEADING_ROOM), RtlParagraph(AGENDA, FIELD)]
        story += [
            RtlParagraph(agenda_line(item), ITEM, bullet=f"{to_persian_digits(item.position)}.")
            for item in data.agenda
        ]
    else:
        story.append(RtlParagraph(AGENDA_LATER, FIELD))
    if request is None:
        request = ATTEND_GUEST if guest else ATTEND_MEMBER
    story.append(closing(request, data.council, chair_copies(data.council)))
    return story


def particulars(meeting: MeetingRecord) -> list[str]:
    """«زمان: ...»، «مکان: ...» and «میزبان: ...» (when there is a host)."""
    when = jalali.format_long(meeting.date)
    if meeting.start_time is not None:
        time = format_time(meeting.start_time)
        if meeting.end_time is not None:
            time = TIME_RANGE.format(start=time, end=format_time(meeting.end_time))
        when = WHEN_WITH_TIME.format(date=when, time=time)
    lines = [
        WHEN.format(when=when),
        WHERE.format(where=meeting.venue or meeting.host_agency_name or TO_BE_ANNOUNCED),
    ]
    if meeting.host_agency_name:
        lines.append(HOST.format(host=meeting.host_agency_name))
    return lines


def agenda_line(item: AgendaItemRecord) -> str:
    if item.presenter_agency_name:
        return f"{item.title} {PRESENTER.format(agency=item.presenter_agency_name)}"
    return item.title


def circular_letter(data: InvitationData) -> list[Flowable]:
    """One letter to all the members, with the list of its recipients."""
    to = TO.format(to=COUNCIL_MEMBERS.format(council=data.council.name))
    story = invitation_letter(data, (to,), request=ATTEND_ALL)
    rows = [[invitee.agency_name, invitee.listed_as or NOBODY] for invitee in data.invitees]
    story += [
        CondPageBreak(HEADING_ROOM),
        RtlParagraph(RECIPIENTS, styles.HEADING),
        rtl_table(
            [Column(RECIPIENT_AGENCY, 3.4), Column(RECIPIENT_PERSON, 2.4)],
            rows,
            width=CONTENT_WIDTH,
            numbered=True,
        ),
    ]
    return story
