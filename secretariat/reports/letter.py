"""The parts of the secretariat's office letter (نامه اداری), shared by the letters.

An Iranian office letter, as the secretariat sends it: the letterhead with
«تاریخ»، «شماره» and «پیوست» at its left (the number left as dots, for the
registry to write in by hand from its log), the addressee at the right in
bold («سرکار خانم دکتر مریم احمدی» over «مدیر محترم روابط عمومی ...»), or
«به: اعضای محترم شورای ...» for a circular, the subject («موضوع: ...»),
«با سلام و احترام،», the body, and the secretary's signature at the left:
name, and «دبیر شورای هماهنگی روابط عمومی‌های ...» under it.

The gender of a person is not in the register; only an honorific that says
it («آقای»، «خانم»، «جناب آقای مهندس»...) gives «جناب آقای» or «سرکار
خانم». Otherwise the name is written with its honorific alone («دکتر مریم
احمدی»), never a guessed «آقای» or «خانم».
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from secretariat.core import Secretariat
from secretariat.errors import NotFoundError
from secretariat.members.council import CouncilRecord
from secretariat.members.people import PersonRecord
from secretariat.persian import jalali
from secretariat.reports import styles
from secretariat.reports.fonts import BOLD, MEDIUM
from secretariat.reports.page import CONTENT_WIDTH
from secretariat.reports.paragraph import RtlParagraph

# -- the words of every letter ------------------------------------------------------
DATE_LABEL = "تاریخ"
NUMBER_LABEL = "شماره"
ATTACHMENT_LABEL = "پیوست"
NUMBER_BLANK = "........"  # the registry writes the letter's number in by hand
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
BODY = ParagraphStyle("letter_body", parent=styles.BODY, leading=21, spaceAfter=5)
FIELD = ParagraphStyle("letter_field", parent=BODY, fontName=MEDIUM, rightIndent=14, spaceAfter=1)
ITEM = ParagraphStyle("letter_item", parent=BODY, rightIndent=14, spaceAfter=1)
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


def pr_manager_addressee(agency_name: str, manager: PersonRecord | None) -> Addressee:
    """A member agency's PR manager by name, or the post alone if the agency has none now."""
    name = formal_name(manager.full_name, manager.honorific) if manager is not None else ""
    return Addressee(name=name, post=PR_MANAGER_POST.format(agency=agency_name))


def letter_fields(printed_on: dt.date, *, attachment: str = NO_ATTACHMENT) -> tuple[tuple[str, str], ...]:
    """The letterhead's «تاریخ»، «شماره» (left for the registry) and «پیوست»."""
    return (
        (DATE_LABEL, jalali.format_short(printed_on)),
        (NUMBER_LABEL, NUMBER_BLANK),
        (ATTACHMENT_LABEL, attachment),
    )


def opening(addressee_lines: Sequence[str], subject: str) -> list[Flowable]:
    """The addressee, the subject and the greeting."""
    flowables: list[Flowable] = [RtlParagraph(line, ADDRESSEE) for line in addressee_lines]
    flowables.append(RtlParagraph(SUBJECT.format(subject=subject), SUBJECT_STYLE))
    flowables.append(RtlParagraph(GREETING, BODY))
    return flowables


def closing(last_paragraph: str, council: CouncilRecord) -> Flowable:
    """The last paragraph and the secretary's signature, kept on one page."""
    return KeepTogether(
        [RtlParagraph(last_paragraph, CLOSING), Spacer(1, SIGNATURE_ROOM), signature(council)]
    )


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
