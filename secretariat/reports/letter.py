"""The parts of the secretariat's office letter (نامه اداری), shared by the letters.

An Iranian office letter, as the secretariat sends it: the letterhead with
«تاریخ»، «شماره» and «پیوست» at its left (the number and date the letter
register gave it, see ``issuing``), the addressee at the right in
bold («سرکار خانم دکتر مریم احمدی» over «مدیر محترم روابط عمومی ...»), or
«به: اعضای محترم شورای ...» for a circular, the subject («موضوع: ...»),
«با سلام و احترام،», the body, and the secretary's signature at the left:
name, and «دبیر شورای هماهنگی روابط عمومی‌های ...» under it.

The gender of a person is not in the register; only an honorific that says
it («آقای»، «خانم»، «جناب آقای مهندس»...) gives «جناب آقای» or «سرکار
خانم». Otherwise the name is written with its honorific alone («دکتر مریم
احمدی»), never a guessed «آقای» or «خانم»: the post under it carries the
courtesy («معاون محترم بهره‌برداری ...»). A guest's name is typed whole, so
an honorific typed at its start («خانم دکتر ...») is read as one.

Copies (رونوشت) are listed at the foot, after the signature, in smaller
type: «رونوشت:» then «- محمدرضا صالحی، رئیس محترم شورای ... جهت استحضار».
The secretariat sends the council's chair a copy of its invitations and
follow-up letters; a council with no chair on record has no copies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from secretariat.core import Secretariat
from secretariat.errors import NotFoundError
from secretariat.members.council import CouncilRecord
from secretariat.members.people import PersonRecord
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.fonts import BOLD, MEDIUM
from secretariat.reports.page import CONTENT_WIDTH
from secretariat.reports.paragraph import RtlParagraph

# -- the words of every letter ------------------------------------------------------
DATE_LABEL = "تاریخ"
NUMBER_LABEL = "شماره"
ATTACHMENT_LABEL = "پیوست"
NOT_NUMBERED = "پس از صدور"  # a letter previewed before it is issued has no number yet
NO_ATTACHMENT = "ندارد"
SUBJECT = "موضوع: {subject}"
GREETING = "با سلام و احترام،"
TO = "به: {to}"
COUNCIL_MEMBERS = "اعضای محترم {council}"
PR_MANAGER_POST = "مدیر محترم روابط عمومی {agency}"
SECRETARY_TITLE = "دبیر {council}"
MR = "جناب آقای"
MRS = "سرکار خانم"
NO_COUNCIL = "هنوز شورایی ساخته نشده است."
RUNNING_HEAD = "{subject}؛ {addressee}"

# The words of an honorific that tell a man or a woman.
_MALE_WORDS = frozenset({"آقا", "آقای", "جناب", "جناب‌آقای"})
_FEMALE_WORDS = frozenset({"خانم", "سرکار", "سرکارخانم", "سرکار‌خانم"})

# -- the look -------------------------------------------------------------------------
ADDRESSEE = ParagraphStyle(
    "letter_addressee", parent=styles.BODY, fontName=BOLD, fontSize=11, leading=21, spaceAfter=0
)
SUBJECT_STYLE = ParagraphStyle(
    "letter_subject",
    parent=styles.BODY,
    fontName=BOLD,
    fontSize=10.5,
    leading=20,
    spaceBefore=12,
    spaceAfter=10,
)
BODY = styles.LETTER_BODY  # justified; its short lines below (the particulars, the agenda) right-aligned
FIELD = ParagraphStyle(
    "letter_field", parent=BODY, fontName=MEDIUM, rightIndent=14, spaceAfter=1, alignment=TA_RIGHT
)
ITEM = ParagraphStyle("letter_item", parent=BODY, rightIndent=14, spaceAfter=1, alignment=TA_RIGHT)
CLOSING = ParagraphStyle("letter_closing", parent=BODY, spaceBefore=8)
SIGNER = ParagraphStyle(
    "letter_signer", parent=styles.BODY, fontName=BOLD, fontSize=11, leading=20, alignment=1, spaceAfter=0
)
SIGNER_TITLE = ParagraphStyle(
    "letter_signer_title",
    parent=styles.BODY,
    fontName=MEDIUM,
    fontSize=10,
    leading=18,
    alignment=1,
    spaceAfter=0,
)
COPIES_HEAD = ParagraphStyle(
    "letter_copies_head", parent=styles.BODY, fontName=MEDIUM, fontSize=9, leading=16, spaceAfter=0
)
COPY = ParagraphStyle(
    "letter_copy", parent=styles.BODY, fontSize=8.5, leading=15, rightIndent=8, spaceAfter=0
)
COPIES_ROOM = 14.0  # between the signature and «رونوشت:»
SIGNATURE_WIDTH = 0.46 * CONTENT_WIDTH
SIGNATURE_ROOM = 18.0  # above the name: the letter is signed and stamped there


@dataclass(frozen=True)
class Addressee:
    """Who a letter is to: the person («سرکار خانم ...»; empty if nobody) and their post."""

    name: str
    post: str

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(line for line in (self.name, self.post) if line)


def council_of(secretariat: Secretariat) -> CouncilRecord:
    council = secretariat.council.get()
    if council is None:
        raise NotFoundError(NO_COUNCIL)
    return council


@dataclass(frozen=True)
class Copy:
    """One line of «رونوشت»: who gets a copy («..., رئیس محترم شورا») and why («استحضار»)."""

    recipient: str
    purpose: str = wording.FOR_INFORMATION

    @property
    def line(self) -> str:
        return wording.COPY_LINE.format(recipient=self.recipient, purpose=self.purpose)


def formal_name(full_name: str, honorific: str = "") -> str:
    """«جناب آقای مهندس رضا قاسمی» when the honorific tells a man, «سرکار خانم
    ...» a woman; otherwise the name with its honorific as recorded («دکتر مریم احمدی»)."""
    words = honorific.split()
    rest = [word for word in words if word not in _MALE_WORDS | _FEMALE_WORDS]
    if any(word in _FEMALE_WORDS for word in words):
        prefix = [MRS]
    elif any(word in _MALE_WORDS for word in words):
        prefix = [MR]
    else:
        prefix = []
    return " ".join([*prefix, *rest, full_name]).strip()


def addressed_name(typed: str) -> str:
    """A name typed whole, perhaps with its honorific first («خانم دکتر مریم احمدی»),
    as ``formal_name`` writes it («سرکار خانم دکتر مریم احمدی»)."""
    words = typed.split()
    honorific_words = _MALE_WORDS | _FEMALE_WORDS | frozenset(wording.TITLE_WORDS)
    leading = 0
    while leading < len(words) - 1 and words[leading] in honorific_words:
        leading += 1
    return formal_name(" ".join(words[leading:]), " ".join(words[:leading]))


def esteemed_post(post: str) -> str:
    """«معاون بهره‌برداری» as a letter addresses it: «معاون محترم بهره‌برداری»."""
    words = post.split()
    if not words or wording.ESTEEMED in words:
        return post.strip()
    head = 2 if " ".join(words[:2]) in wording.TWO_WORD_POSTS else 1
    return " ".join([*words[:head], wording.ESTEEMED, *words[head:]])


def guest_addressee(name: str, title: str, organization: str) -> Addressee:
    """A guest by name with the honorific the typed name says, over their post and organisation.

    Without a post, and with no «جناب آقای» or «سرکار خانم» known, the name
    itself carries the courtesy («علی رضایی محترم»): the letter never opens
    on a bare name, and never guesses a man or a woman.
    """
    formal = addressed_name(name)
    post = " ".join(part for part in (esteemed_post(title), organization.strip()) if part)
    if not title.strip() and not formal.startswith((MR, MRS)):
        formal = f"{formal} {wording.ESTEEMED}"
    return Addressee(name=formal, post=post)


def chair_copies(council: CouncilRecord) -> tuple[Copy, ...]:
    """A copy of the letter to the council's chair, for information; none if no chair is on record."""
    if not council.chair.strip():
        return ()
    post = wording.CHAIR_POST.format(council=council.name)
    return (Copy(wording.COPY_RECIPIENT.format(name=addressed_name(council.chair), post=post)),)


def pr_manager_addressee(agency_name: str, manager: PersonRecord | None) -> Addressee:
    """A member agency's PR manager by name, or the post alone if the agency has none now."""
    name = formal_name(manager.full_name, manager.honorific) if manager is not None else ""
    return Addressee(name=name, post=PR_MANAGER_POST.format(agency=agency_name))


def letter_fields(date: dt.date, number: str, attachments: int = 0) -> tuple[tuple[str, str], ...]:
    """The letterhead's «تاریخ»، «شماره» (as the register shows it: «۱۲/ش/۱۴۰۵») and «پیوست»
    (how many, or «ندارد»)."""
    return (
        (DATE_LABEL, jalali.format_short(date)),
        (NUMBER_LABEL, number),
        (ATTACHMENT_LABEL, to_persian_digits(attachments) if attachments else NO_ATTACHMENT),
    )


def opening(addressee_lines: Sequence[str], subject: str) -> list[Flowable]:
    """The addressee, the subject and the greeting."""
    flowables: list[Flowable] = [RtlParagraph(line, ADDRESSEE) for line in addressee_lines]
    flowables.append(RtlParagraph(SUBJECT.format(subject=subject), SUBJECT_STYLE))
    flowables.append(RtlParagraph(GREETING, BODY))
    return flowables


def closing(last_paragraph: str, council: CouncilRecord, copies: Sequence[Copy] = ()) -> Flowable:
    """The last paragraph, the secretary's signature and the copies, kept on one page."""
    return KeepTogether(
        [
            RtlParagraph(last_paragraph, CLOSING),
            Spacer(1, SIGNATURE_ROOM),
            signature(council),
            *copies_block(copies),
        ]
    )


def copies_block(copies: Sequence[Copy]) -> list[Flowable]:
    """«رونوشت:» and a line for each copy, at the right under the signature; nothing if none."""
    if not copies:
        return []
    return [
        Spacer(1, COPIES_ROOM),
        RtlParagraph(wording.COPIES, COPIES_HEAD),
        *(RtlParagraph(copy.line, COPY, bullet=wording.COPY_BULLET) for copy in copies),
    ]


def signature(council: CouncilRecord) -> Table:
    """The secretary's name and title, centred in a block at the left of the page."""
    cell: list[Flowable] = []
    if council.secretary:
        cell.append(RtlParagraph(council.secretary, SIGNER))
    cell.append(RtlParagraph(SECRETARY_TITLE.format(council=council.name), SIGNER_TITLE, balanced=True))
    # reportlab's first column is on the left: the signature, then the empty right side.
    table = Table([[cell, ""]], colWidths=[SIGNATURE_WIDTH, CONTENT_WIDTH - SIGNATURE_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
