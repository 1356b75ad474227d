"""Certificates of appreciation (لوح تقدیر) for the best PR units of a published evaluation.

One A4 landscape page per agency honoured: the top N by rank (those sharing
the Nth rank too) or every agency of a tier. Each is addressed to the
agency's PR manager on the print date, by honorific and name, over «مدیر
محترم روابط عمومی ...», and says, in a few centred lines, what is honoured:
the rank or the tier won in the year's evaluation, on روز ارتباطات و روابط
عمومی. The council's emblem and name stand at the top as its letterhead,
«لوح تقدیر» under them in large type; the date (Jalali, in words), the
chair's and the secretary's names with a line to sign on, and a document
code with its QR code (``evaluation_data.certificate_seal``) at the foot.
A double rule frames the page, with an eight-pointed star at each corner,
drawn here: no image files.

A certificate honours a published result: a draft evaluation is refused, as
is a choice that names no agency.

Each certificate is registered as a letter when it is issued (see
``issuing``): one per evaluation year and agency. Its number and date stand
at the top left, inside the frame, as on the council's letters; printed
again it keeps them and is stamped «رونوشت».
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

import secretariat
from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.evaluation.service import Standing
from secretariat.letters.printed import Issuing, PrintedLetter, PrintedLetters
from secretariat.letters.register import Concerns, LetterKind, OutgoingDraft
from secretariat.members.people import PersonRecord
from secretariat.persian import jalali
from secretariat.persian.ordinals import ordinal_after
from secretariat.persian.text import fold, to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.evaluation_data import EvaluationPrint, certificate_seal, gather_evaluation
from secretariat.reports.fingerprint import Seal, draw_qr
from secretariat.reports.fonts import BOLD, MEDIUM, REGULAR, register_fonts
from secretariat.reports.issuing import letter_head, print_letters
from secretariat.reports.letter import PR_MANAGER_POST, SECRETARY_TITLE, formal_name
from secretariat.reports.metadata import DocumentMetadata, pdfa_2b, write_metadata
from secretariat.reports.page import (
    CREATOR,
    LETTER_FIELD,
    LetterHead,
    bookmark,
    draw_emblem,
    draw_stamp,
    draw_text,
)
from secretariat.reports.paragraph import RtlParagraph, balanced_wrap, text_width
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportRun
from secretariat.reports.typeset import READING_RIGHT_TO_LEFT

# -- the words ------------------------------------------------------------------------
DOCUMENT_TITLE = "لوح‌های تقدیر ارزیابی عملکرد روابط عمومی‌ها؛ سال {year}"
TITLE = "لوح تقدیر"
# The council is named above as the letterhead: «شورا» here. No-break spaces keep «رتبه اول»
# and «به دست آورد» whole on a line.
BODY_RANK = (
    "به پاس تلاش‌های ارزشمند شما و همکارانتان در روابط عمومی {agency}، که در ارزیابی عملکرد "
    "روابط عمومی‌های دستگاه‌های عضو شورا در سال {year} رتبه\u00a0{rank} را به\u00a0دست\u00a0آورد، "
    "به مناسبت روز ارتباطات و روابط عمومی از شما صمیمانه قدردانی می‌شود."
)
BODY_TIER = (
    "به پاس تلاش‌های ارزشمند شما و همکارانتان در روابط عمومی {agency}، که در ارزیابی عملکرد "
    "روابط عمومی‌های دستگاه‌های عضو شورا در سال {year} در رده\u00a0«{tier}» جای\u00a0گرفت، "
    "به مناسبت روز ارتباطات و روابط عمومی از شما صمیمانه قدردانی می‌شود."
)
WISH = "توفیق روزافزون شما را در خدمت به مردم از خداوند متعال خواستاریم."
CHAIR_TITLE = "رئیس {council}"
NOT_PUBLISHED = (
    "ارزیابی سال {year} هنوز منتشر نشده است؛ لوح تقدیر برای نتیجه منتشرشده چاپ می‌شود. "
    "نخست ارزیابی را منتشر کنید."
)
CHOOSE = "برگزیدگان را با شمار نخستین رتبه‌ها (مثلاً ۳) یا با نام یک رده بدهید، نه هر دو."
TOP_TOO_SMALL = "شمار رتبه‌ها باید دست‌کم ۱ باشد."
UNKNOWN_TIER = "رده «{tier}» در ارزیابی سال {year} نیست؛ رده‌ها: {tiers}."
NOBODY_IN_TIER = "در ارزیابی سال {year} دستگاهی در رده «{tier}» نیست؛ لوح تقدیری برای چاپ نیست."
NOBODY = "در ارزیابی سال {year} دستگاهی نیست که لوح تقدیر بگیرد."

RANK, TIER = "rank", "tier"  # what a certificate honours
GATHERED = 0.3

# -- the look -------------------------------------------------------------------------
PAGE_WIDTH, PAGE_HEIGHT = A4[1], A4[0]
GOLD = colors.HexColor("#9a7b36")
NAVY = styles.ACCENT
OUTER_INSET = 22.0  # the page's edge to the outer rule
INNER_INSET = 30.0  # to the inner rule
STAR_RADIUS = 13.0  # the corner stars
TEXT_WIDTH = 560.0  # the body's lines
ADDRESSEE_WIDTH = 640.0
BODY_FLOOR = 172.0  # the body ends above this: the date and the signatures are below it
DATE_BASELINE = 150.0
PARAGRAPH_GAP = 4.0
BODY_SCALES = (1.0, 0.93, 0.86, 0.8, 0.74)
BODY = ParagraphStyle(
    "certificate_body", fontName=REGULAR, fontSize=14, leading=29, alignment=TA_CENTER, textColor=styles.INK
)
WISH_STYLE = ParagraphStyle("certificate_wish", parent=BODY, fontSize=12.5, leading=24)
SIGNATURE_BLOCK = 250.0  # each signature's width
SIGNATURE_CENTRE = 175.0  # from the page's side to the centre of a signature
QR_SIZE = 58.0
HEAD_RIGHT = 200.0  # the number and date: their right end, inside the frame at the top left
HEAD_TOP = 540.0  # the first one's baseline
HEAD_LEADING = 16.0
STAMP_HEIGHT = 26.0
SUBJECT = "لوح تقدیر ارزیابی عملکرد روابط عمومی سال {year}"  # as the letter register lists it


@dataclass(frozen=True)
class Honoured:
    """One certificate: the agency's standing, its PR manager by name, what it honours, its seal."""

    standing: Standing
    recipient: str  # «جناب آقای مهندس رضا قاسمی»; empty if the agency has no PR manager now
    honour: str  # RANK or TIER
    seal: Seal


def render_certificates(
    secretariat: Secretariat,
    year: int,
    *,
    top: int | None = None,
    tier: str | None = None,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The certificates of the top ``top`` ranks, or of every agency in ``tier``, as PDF bytes."""
    return print_certificates(
        secretariat,
        year,
        top=top,
        tier=tier,
        issuing=issuing,
        printed_on=printed_on,
        progress=progress,
        cancelled=cancelled,
    ).pdf


def print_certificates(
    secretariat: Secretariat,
    year: int,
    *,
    top: int | None = None,
    tier: str | None = None,
    issuing: Issuing = Issuing.ISSUE,
    printed_on: dt.date | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> PrintedLetters:
    """The certificates of the top ``top`` ranks, or of every agency in ``tier``, each
    registered as ``issuing`` says."""
    run = ReportRun(progress, cancelled)
    run.advance(0.0)
    printed_on = printed_on or clock.today()
    data = gather_evaluation(secretariat, year)
    standings = honoured_standings(data, top=top, tier=tier)
    managers = secretariat.people.pr_managers_on({s.agency_id for s in standings}, printed_on)
    honour = RANK if top is not None else TIER
    honoured = [_honoured(data, standing, managers.get(standing.agency_id), honour) for standing in standings]
    run.advance(GATHERED)

    def layout(letters: Sequence[PrintedLetter], layout_run: ReportRun | None) -> bytes:
        pages = [(honoured[letter.index], letter.date, letter_head(letter)) for letter in letters]
        return certificates_pdf(data, pages, printed_on=printed_on, run=layout_run)

    drafts = [certificate_draft(data, each) for each in honoured]
    return print_letters(secretariat.letters, drafts, layout, issuing=issuing, on=printed_on, run=run)


def certificate_draft(data: EvaluationPrint, honoured: Honoured) -> OutgoingDraft:
    """The certificate as the register keeps it: one per evaluation year and agency."""
    standing = honoured.standing
    return OutgoingDraft(
        kind=LetterKind.CERTIFICATE.value,
        source_key=f"certificate:{data.year}:{standing.agency_id}",
        party=standing.agency,
        subject=SUBJECT.format(year=to_persian_digits(data.year)),
        agency_id=standing.agency_id,
        concerns=Concerns.EVALUATION.value,
        recorded_by=data.council.secretary,
    )


def honoured_standings(data: EvaluationPrint, *, top: int | None, tier: str | None) -> list[Standing]:
    """The agencies honoured, in rank order; refused for a draft, or a choice that names none."""
    year = to_persian_digits(data.year)
    if not data.evaluation.published:
        raise DomainError(NOT_PUBLISHED.format(year=year))
    if (top is None) == (tier is None or not tier.strip()):
        raise DomainError(CHOOSE)
    if top is not None:
        if top < 1:
            raise DomainError(TOP_TOO_SMALL)
        chosen = [s for s in data.standings if s.rank <= top]
        if not chosen:
            raise DomainError(NOBODY.format(year=year))
        return chosen
    assert tier is not None
    names = [t.name for t in data.evaluation.tiers]
    named = next((name for name in names if fold(name) == fold(tier)), None)
    if named is None:
        tiers = wording.LIST_SEPARATOR.join(names) or wording.NONE
        raise DomainError(UNKNOWN_TIER.format(tier=tier.strip(), year=year, tiers=tiers))
    chosen = [s for s in data.standings if s.tier == named]
    if not chosen:
        raise DomainError(NOBODY_IN_TIER.format(year=year, tier=named))
    return chosen


def _honoured(
    data: EvaluationPrint, standing: Standing, manager: PersonRecord | None, honour: str
) -> Honoured:
    recipient = formal_name(manager.full_name, manager.honorific) if manager else ""
    return Honoured(
        standing, recipient, honour, certificate_seal(data, standing, recipient=recipient, honour=honour)
    )


def body_text(data: EvaluationPrint, honoured: Honoured) -> str:
    standing = honoured.standing
    common = {
        "agency": standing.agency,
        "year": to_persian_digits(data.year),
    }
    if honoured.honour == RANK:
        return BODY_RANK.format(rank=ordinal_after(standing.rank), **common)
    return BODY_TIER.format(tier=standing.tier, **common)


def certificates_pdf(
    data: EvaluationPrint,
    pages: Sequence[tuple[Honoured, dt.date, LetterHead | None]],
    *,
    printed_on: dt.date,
    run: ReportRun | None = None,
    archived_at: dt.datetime | None = None,
) -> bytes:
    """The certificates, one a page, each with its date and its number (a letter's head, or none);
    ``archived_at``: for the yearly archive, as PDF/A-2b."""
    register_fonts()
    run = run or ReportRun()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=10,
    )
    canvas.setViewerPreference("Direction", "R2L")
    for index, (each, dated, head) in enumerate(pages):
        draw_certificate(canvas, data, each, dated, head)
        canvas.showPage()
        setattr(canvas, READING_RIGHT_TO_LEFT, False)  # a reader reads each page afresh
        run.advance(GATHERED + (1 - GATHERED) * (index + 1) / len(pages))
    if len(pages) > 1:
        canvas.showOutline()
    title = DOCUMENT_TITLE.format(year=to_persian_digits(data.year))
    write_metadata(
        canvas,
        DocumentMetadata(
            title=title,
            author=data.council.name,
            subject=title,
            creator=CREATOR.format(version=secretariat.__version__),
            created=archived_at or clock.now(),
            pdfa=archived_at is not None,
        ),
    )
    canvas.save()
    pdf = buffer.getvalue()
    return pdfa_2b(pdf) if archived_at is not None else pdf


# -- one certificate -------------------------------------------------------------------------


def draw_certificate(
    canvas: Canvas, data: EvaluationPrint, honoured: Honoured, dated: dt.date, head: LetterHead | None = None
) -> None:
    """One certificate on the canvas's page, in reading order (the text layer reads it so)."""
    centre = PAGE_WIDTH / 2
    standing = honoured.standing
    council = data.council
    bookmark(canvas, standing.agency, top=PAGE_HEIGHT)
    _frame(canvas)
    if head is not None:
        _head(canvas, head)

    # The council's letterhead: «بسمه تعالی», its emblem and name.
    canvas.setFillColor(styles.INK)
    draw_text(canvas, centre, 536, wording.IN_THE_NAME_OF_GOD, font=MEDIUM, size=10.5, align="center")
    draw_emblem(canvas, centre, 502, 19)
    canvas.setFillColor(NAVY)
    y = 462.0
    for line in balanced_wrap(council.name, 520, BOLD, 14):
        draw_text(canvas, centre, y, line, font=BOLD, size=14, align="center")
        y -= 22

    # «لوح تقدیر» and the ornament under it.
    canvas.setFillColor(NAVY)
    title_y = y - 36
    draw_text(canvas, centre, title_y, TITLE, font=BOLD, size=40, align="center")
    _divider(canvas, centre, title_y - 22)

    # The addressee: name, then post (a long one in two lines).
    y = title_y - 60
    canvas.setFillColor(styles.INK)
    if honoured.recipient:
        for line in balanced_wrap(honoured.recipient, ADDRESSEE_WIDTH, BOLD, 17):
            draw_text(canvas, centre, y, line, font=BOLD, size=17, align="center")
            y -= 27
    for line in balanced_wrap(PR_MANAGER_POST.format(agency=standing.agency), ADDRESSEE_WIDTH, MEDIUM, 14):
        draw_text(canvas, centre, y, line, font=MEDIUM, size=14, align="center")
        y -= 23

    # The body and the wish, centred in the room left above the date; smaller type if long
    # names leave them too little.
    y += 5
    paragraphs = _body(body_text(data, honoured), room=y - BODY_FLOOR)
    height = sum(p.wrap(TEXT_WIDTH, PAGE_HEIGHT)[1] + PARAGRAPH_GAP for p in paragraphs)
    y -= max(0.0, (y - BODY_FLOOR - height) / 2)
    for paragraph in paragraphs:
        y -= paragraph.height
        paragraph.drawOn(canvas, centre - TEXT_WIDTH / 2, y)
        y -= PARAGRAPH_GAP

    # The date, then the signatures (the chair at the right) and the seal between them.
    canvas.setFillColor(styles.INK)
    draw_text(canvas, centre, DATE_BASELINE, jalali.format_long(dated), font=MEDIUM, size=12, align="center")
    _signature(canvas, PAGE_WIDTH - SIGNATURE_CENTRE, council.chair, CHAIR_TITLE.format(council=council.name))
    _signature(canvas, SIGNATURE_CENTRE, council.secretary, SECRETARY_TITLE.format(council=council.name))
    _seal(canvas, centre, honoured.seal)


def _head(canvas: Canvas, head: LetterHead) -> None:
    """The certificate's number and date at the top left, as a letter has them, and its stamp under them."""
    canvas.saveState()
    canvas.setFillColor(styles.INK)
    y = HEAD_TOP
    for label, value in head.fields[:2]:  # «تاریخ» and «شماره»: a certificate has no attachment
        draw_text(canvas, HEAD_RIGHT, y, LETTER_FIELD.format(label=label, value=value), size=10)
        y -= HEAD_LEADING
    if head.stamp:  # under them, at their right
        width = text_width(head.stamp, BOLD, 13) + 16
        bottom = y - STAMP_HEIGHT + 4
        draw_stamp(canvas, head.stamp, HEAD_RIGHT - width, bottom, width, STAMP_HEIGHT, head.stamp_color, 13)
    canvas.restoreState()


def _body(text: str, room: float) -> list[RtlParagraph]:
    """The body and the wish, in the largest type that fits ``room`` points of height."""
    for scale in BODY_SCALES:
        paragraphs = [
            RtlParagraph(text, _scaled(BODY, scale), balanced=True),
            RtlParagraph(WISH, _scaled(WISH_STYLE, scale), balanced=True),
        ]
        height = sum(p.wrap(TEXT_WIDTH, PAGE_HEIGHT)[1] + PARAGRAPH_GAP for p in paragraphs)
        if height <= room:
            break
    return paragraphs


def _scaled(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    if scale == 1:
        return style
    return ParagraphStyle(
        f"{style.name}_{scale}", parent=style, fontSize=style.fontSize * scale, leading=style.leading * scale
    )


def _signature(canvas: Canvas, x: float, name: str, title: str) -> None:
    """A line to sign on, the name under it, and the post in one or two lines."""
    canvas.saveState()
    canvas.setStrokeColor(styles.RULE)
    canvas.setLineWidth(0.6)
    canvas.setDash(1, 2)
    canvas.line(x - 85, 128, x + 85, 128)
    canvas.restoreState()
    canvas.setFillColor(styles.INK)
    if name.strip():
        draw_text(canvas, x, 110, name, font=BOLD, size=12.5, align="center")
    y = 92.0
    canvas.setFillColor(styles.MUTED)
    for line in balanced_wrap(title, SIGNATURE_BLOCK, MEDIUM, 10):
        draw_text(canvas, x, y, line, font=MEDIUM, size=10, align="center")
        y -= 16


def _seal(canvas: Canvas, x: float, seal: Seal) -> None:
    draw_qr(canvas, seal.payload, x - QR_SIZE / 2, 66, QR_SIZE)
    canvas.setFillColor(styles.MUTED)
    draw_text(canvas, x, 54, wording.DOCUMENT_CODE.format(code=seal.code), size=7.5, align="center")


# -- the ornament -------------------------------------------------------------------------


def _frame(canvas: Canvas) -> None:
    """The double rule round the page: a strong navy one outside, a fine gold one inside, and a
    star at each corner of the inner rule."""
    canvas.saveState()
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(2.4)
    canvas.rect(OUTER_INSET, OUTER_INSET, PAGE_WIDTH - 2 * OUTER_INSET, PAGE_HEIGHT - 2 * OUTER_INSET)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.9)
    canvas.rect(INNER_INSET, INNER_INSET, PAGE_WIDTH - 2 * INNER_INSET, PAGE_HEIGHT - 2 * INNER_INSET)
    for x in (INNER_INSET, PAGE_WIDTH - INNER_INSET):
        for y in (INNER_INSET, PAGE_HEIGHT - INNER_INSET):
            _star(canvas, x, y, STAR_RADIUS)
    canvas.restoreState()


def _star(canvas: Canvas, x: float, y: float, radius: float) -> None:
    """An eight-pointed star (two squares, one turned by 45°) with a navy dot at its heart."""
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.9)
    path = canvas.beginPath()
    for point in range(16):
        angle = math.pi / 8 * point + math.pi / 2
        reach = radius if point % 2 == 0 else radius * 0.72
        px, py = x + reach * math.cos(angle), y + reach * math.sin(angle)
        if point == 0:
            path.moveTo(px, py)
        else:
            path.lineTo(px, py)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)
    canvas.setFillColor(NAVY)
    canvas.circle(x, y, radius * 0.22, stroke=0, fill=1)
    canvas.restoreState()


def _divider(canvas: Canvas, x: float, y: float) -> None:
    """Two gold rules from a small diamond, under the title."""
    canvas.saveState()
    canvas.setStrokeColor(GOLD)
    canvas.setFillColor(GOLD)
    canvas.setLineWidth(0.8)
    canvas.line(x - 130, y, x - 12, y)
    canvas.line(x + 12, y, x + 130, y)
    size = 5.0
    path = canvas.beginPath()
    path.moveTo(x, y + size)
    path.lineTo(x + size, y)
    path.lineTo(x, y - size)
    path.lineTo(x - size, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    for end in (x - 134, x + 134):
        canvas.circle(end, y, 1.6, stroke=0, fill=1)
    canvas.restoreState()
