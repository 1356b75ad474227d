"""The printed page: A4 portrait with the council's letterhead and footer.

- First page: the letterhead. «بسمه تعالی» at the top; on the right the
  council's emblem (drawn here, no image file needed), its name and
  «دبیرخانه»; on the left the print date and, for a finalized document,
  its code and QR code (see ``fingerprint``), or the «پیش‌نویس» stamp.
- Later pages: a running head with the document's title.
- Every page: a footer with the council's name, «صفحه ۲ از ۵» and the print
  date, all in Persian digits, and a diagonal «پیش‌نویس» watermark on drafts.
- A wide table (``PageSetup.landscape``) is set on A4 turned on its side,
  with the same letterhead, running heads and footers across its width.
- A letter (``PageSetup.letter_fields``) has «تاریخ: ...»، «شماره: ...» and
  «پیوست: ...» in the letterhead's left block, where an office letter has
  them, instead of the print date. Letters registered one by one
  (``PageSetup.letter_heads``) each bring their own (a ``LetterHead`` on
  their ``LetterStart``): the number and date the register gave them, and
  a stamp beside them: «رونوشت» on a reprint of a letter issued before,
  «پیش‌نویس» on the preview of one not yet issued. The stamp is on each of
  the letter's pages: beside the block on the first, at the left of the
  running head on the others.
- Several letters in one document (``letters_story``): each starts on a new
  page with the letterhead, its later pages carry its own running head, and
  its pages are numbered on their own («صفحه ۱ از ۱» for each one-page
  letter): a ``LetterStart`` at the top of each letter tells the canvas. A
  document whose letters each carry their own seal (``PageSetup.sealed_letters``:
  score cards, each with its own code) draws each letter's QR code and code at
  the end of its first page, once the ``LetterStart`` has told the canvas.
- A book-like document (``PageSetup.cover``) opens with a cover page drawn
  by the story's first flowables: no letterhead, running head or footer on
  it, but it counts as page 1, so the next page says «صفحه ۲ از ۵».
- What is known only once every page is laid out (a table of contents'
  page numbers) is drawn then: a flowable hands the canvas a callable
  (``draw_when_saved``), which draws it on that page when the document is saved.

The page count is known only once the last page is laid out: the canvas
keeps each finished page and writes the footers when the document is saved
(one pass, no second layout).

Bookmarks (the PDF's outline, in Persian): an ``outlined_heading``, a
``Bookmarked`` paragraph or table cell, or a ``LetterStart`` adds an entry
pointing at where it is drawn; a document of several pages that has
any opens with the outline shown. Every font the canvas is asked for is an
embedded Vazirmatn face (reportlab's tables and charts ask for Helvetica,
which a PDF/A file may not use unembedded). The information dictionary and
the XMP metadata are ``metadata``'s; a document for the yearly archive
(``PageSetup.archival``) is finished as PDF/A-2b there.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate

import secretariat
from secretariat import clock
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.fingerprint import Seal, draw_qr
from secretariat.reports.fonts import BOLD, MEDIUM, REGULAR, register_fonts
from secretariat.reports.layout import UnfailingDocTemplate, reported_layout_failure
from secretariat.reports.metadata import DocumentMetadata, pdfa_2b, write_metadata
from secretariat.reports.paragraph import balanced_wrap, text_width, wrap_text
from secretariat.reports.progress import ReportRun
from secretariat.reports.typeset import READING_RIGHT_TO_LEFT, Line, LogicalText, draw_text_line

PAGE_WIDTH, PAGE_HEIGHT = A4
SIDE_MARGIN = 48.0
TOP_MARGIN = 38.0
LETTERHEAD_HEIGHT = 92.0
RUNNING_HEAD_HEIGHT = 24.0
FOOTER_HEIGHT = 58.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN
QR_SIZE = 72.0
EMBLEM_RADIUS = 21.0
COUNCIL_NAME_WIDTH = 250.0
LEFT_BLOCK_TEXT_WIDTH = 110.0
DRAFT_STAMP_WIDTH = 84.0
LETTER_FIELD_LEADING = 16.0
LETTER_FIELD = "{label}: {value}"  # «شماره: ۱۲/ش/۱۴۰۵»
# A letter's stamp («رونوشت»): beside its letter block on the first page, smaller by the running head after.
STAMP_SIZE = 13.0
STAMP_HEIGHT = 28.0
STAMP_PADDING = 16.0  # the word's width plus this: the frame
STAMP_ROOM = 72.0  # the widest stamp («پیش‌نویس»), kept free of the council's name
STAMP_GAP = 10.0
RUNNING_STAMP_SIZE = 9.5
RUNNING_STAMP_HEIGHT = 15.0
RUNNING_STAMP_PADDING = 12.0
CREATOR = "council-secretariat {version}"  # the program that made the PDF (its Creator, xmp:CreatorTool)


@dataclass(frozen=True)
class PageSetup:
    """What every page of a document shows besides its content."""

    council_name: str
    title: str  # the running head of later pages and the PDF's title
    printed_on: dt.date
    draft: bool = False
    seal: Seal | None = None
    # A letter's (label, value) lines in the letterhead's left block, in
    # place of the print date: (("تاریخ", "۱۴۰۴/۰۲/۲۷"), ("شماره", "........")).
    letter_fields: tuple[tuple[str, str], ...] = ()
    # A cover page first (the story's first flowables, then a page break):
    # no letterhead, running head or footer on it; later pages have the running head.
    cover: bool = False
    # When the PDF was made (its CreationDate): None is now (``clock.now()``).
    # Not the print date above, which is a day on the page.
    created_at: dt.datetime | None = None
    # For the yearly archive: PDF/A-2b (see ``metadata.pdfa_2b``).
    archival: bool = False
    # A4 turned on its side: a table too wide for a portrait page.
    landscape: bool = False
    # Each letter carries its own seal (``LetterStart``'s) in its letterhead and footers.
    sealed_letters: bool = False
    # Each letter carries its own «تاریخ»، «شماره» and «پیوست», and its stamp (``LetterStart``'s head).
    letter_heads: bool = False

    @property
    def page_size(self) -> tuple[float, float]:
        return (A4[1], A4[0]) if self.landscape else (A4[0], A4[1])

    @property
    def content_width(self) -> float:
        return self.page_size[0] - 2 * SIDE_MARGIN

    def metadata(self) -> DocumentMetadata:
        return DocumentMetadata(
            title=self.title,
            author=self.council_name,
            subject=self.title,
            creator=CREATOR.format(version=secretariat.__version__),
            created=self.created_at or clock.now(),
            pdfa=self.archival,
        )


def build_pdf(
    story: Sequence[Flowable], setup: PageSetup, run: ReportRun | None = None, *, layout_from: float = 0.0
) -> bytes:
    """Lay ``story`` out on the council's pages; the PDF's bytes.

    Progress during layout goes from ``layout_from`` to 1.
    """
    register_fonts()
    run = run or ReportRun()
    buffer = io.BytesIO()
    page_width, page_height = setup.page_size
    right = page_width - SIDE_MARGIN
    first_top = page_height - TOP_MARGIN - LETTERHEAD_HEIGHT
    later_top = page_height - TOP_MARGIN - RUNNING_HEAD_HEIGHT

    def frame(top: float, name: str) -> Frame:
        return Frame(
            SIDE_MARGIN,
            FOOTER_HEIGHT,
            right - SIDE_MARGIN,
            top - FOOTER_HEIGHT,
            id=name,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    first = PageTemplate(
        id="first",
        autoNextPageTemplate="later",
        frames=[frame(first_top, "first")],
        onPage=lambda canvas, _doc: _first_page(canvas, setup),
        # A letter's own seal is known once its ``LetterStart`` is drawn on the page.
        onPageEnd=lambda canvas, _doc: _letter_seal(canvas, setup),
    )
    later = PageTemplate(
        id="later", frames=[frame(later_top, "later")], onPage=lambda canvas, _doc: _later_page(canvas, setup)
    )
    templates = [first, later]
    if setup.cover:
        cover = PageTemplate(
            id="cover",
            autoNextPageTemplate="later",
            frames=[frame(page_height - TOP_MARGIN, "cover")],
            onPage=lambda canvas, _doc: _cover_page(canvas),
        )
        templates = [cover, later]
    document = UnfailingDocTemplate(
        buffer,
        pagesize=setup.page_size,
        pageTemplates=templates,
        title=setup.title,
        author=setup.council_name,
        subject=setup.title,
        lang="fa-IR",
        direction="R2L",
        # reportlab reads no clock: the dates are the metadata's (``created_at``), so that the
        # bytes depend only on the document and that time, and a test can fix both.
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=10,
    )
    document.setProgressCallBack(run.layout_callback(layout_from, 1.0))
    with reported_layout_failure(setup.title):
        document.build(list(story), canvasmaker=_numbered_canvas(setup, setup.metadata()))
    pdf = buffer.getvalue()
    if setup.archival:
        pdf = pdfa_2b(pdf)
    run.advance(1.0)
    return pdf


@dataclass(frozen=True)
class LetterHead:
    """One letter's own lines of the letterhead's left block, and its stamp (``PageSetup.letter_heads``)."""

    # (label, value): (("تاریخ", "۱۴۰۵/۰۹/۱۲"), ("شماره", "۱۲/ش/۱۴۰۵"), ("پیوست", "ندارد")).
    fields: tuple[tuple[str, str], ...]
    stamp: str = ""  # «رونوشت» on a reprint, «پیش‌نویس» on a letter not yet issued; or none
    stamp_color: Color = styles.ACCENT


class LetterStart(Flowable):
    """The top of one letter in a document of several (see ``letters_story``).

    It takes no room; drawn, it tells the canvas that this page starts a
    letter, so that the pages are numbered per letter and the letter's later
    pages carry ``title`` as their running head.
    """

    _ZEROSIZE = True

    def __init__(
        self, title: str = "", outline: str = "", seal: Seal | None = None, head: LetterHead | None = None
    ):
        super().__init__()
        self.title = title
        self.outline = outline or title  # the letter's bookmark: its addressee, say
        self.seal = seal  # the letter's own code (``PageSetup.sealed_letters``)
        self.head = head  # the letter's own number and date (``PageSetup.letter_heads``)
        self.width = self.height = 0.0

    def __repr__(self) -> str:
        return f"LetterStart({self.title[:40]!r})"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        return 0.0, 0.0

    def draw(self) -> None:
        start = getattr(self.canv, "start_letter", None)
        if start is not None:
            start(self.title, self.seal, self.head)
        if self.outline:  # each letter of a document of several is a bookmark
            bookmark(self.canv, self.outline, top=self.canv._pagesize[1])


# -- bookmarks ----------------------------------------------------------------


def bookmark(canvas: Canvas, title: str, level: int = 0, *, top: float | None = None) -> None:
    """An outline entry ``title`` pointing at this page (at height ``top``, in page
    coordinates, or wherever the viewer is); levels nest by one at most.

    On the numbered canvas it is made when the page is written out (a bookmark
    made now would point at the first page: the pages are kept until then).
    """
    add = getattr(canvas, "add_bookmark", None)
    if add is not None:
        add(title, level, top)
    else:
        key = f"outline-{canvas.getPageNumber()}-{title}"
        canvas.bookmarkPage(key, fit="XYZ", top=top)
        canvas.addOutlineEntry(title, key, level=level)


def outlined_heading(flowables: Sequence[Flowable], title: str, level: int = 0) -> list[Flowable]:
    """A heading's flowables (``paragraph.heading``), its text bookmarked: after what
    keeps it off the foot of a page, so on the page it is drawn on."""
    *before, text = flowables
    return [*before, Bookmarked(text, title, level)]


class Bookmarked(Flowable):
    """``flowable`` as it is, with a bookmark at its top: a heading, or a table's
    cell (the first row of a group). Split, the bookmark goes with the first part.

    A wrapper rather than a flowable of its own before it: the frame would take
    an empty flowable between two paragraphs as space, and keep-with-next would
    keep the heading with it instead of with what follows."""

    def __init__(self, flowable: Flowable, title: str, level: int = 0):
        super().__init__()
        self.flowable = flowable
        self.title = title
        self.level = level
        self.hAlign = getattr(flowable, "hAlign", "LEFT")

    def __repr__(self) -> str:
        return f"Bookmarked({self.flowable!r}, {self.title[:40]!r})"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        self.width, self.height = self.flowable.wrap(availWidth, availHeight)
        return self.width, self.height

    def minWidth(self) -> float:
        width: float = self.flowable.minWidth()
        return width

    def getSpaceBefore(self) -> float:  # platypus names them
        space: float = self.flowable.getSpaceBefore()
        return space

    def getSpaceAfter(self) -> float:
        space: float = self.flowable.getSpaceAfter()
        return space

    def getKeepWithNext(self) -> bool:
        return bool(self.flowable.getKeepWithNext())

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = self.flowable.split(availWidth, availHeight)
        if not parts:
            return []
        return [Bookmarked(parts[0], self.title, self.level), *parts[1:]]

    def draw(self) -> None:
        bookmark(self.canv, self.title, self.level, top=self.canv.absolutePosition(0, self.height)[1])
        self.flowable.drawOn(self.canv, 0, 0)


def letters_story(
    letters: Iterable[
        tuple[str, Sequence[Flowable]]
        | tuple[str, Sequence[Flowable], str]
        | tuple[str, Sequence[Flowable], str, Seal | None]
        | tuple[str, Sequence[Flowable], str, Seal | None, LetterHead | None]
    ],
) -> list[Flowable]:
    """Several letters, each ``(running head, flowables)``, ``(running head, flowables,
    bookmark)``, ``(running head, flowables, bookmark, seal)`` or ``(running head, flowables,
    bookmark, seal, head)``, as one story for ``build_pdf``.

    Each letter starts on a new page with the letterhead and has its own
    page numbers, and is a bookmark (its running head unless given); a single
    letter is laid out as any other document.
    """
    story: list[Flowable] = []
    for index, (title, flowables, *outline) in enumerate(letters):
        if index:
            # Not PageBreak(nextTemplate="first"): on a letter's first page the
            # template is still "first", so platypus would take it as no change
            # and go on to "later".
            story += [NextPageTemplate("first"), PageBreak()]
        story.append(LetterStart(title, *outline))
        story.extend(flowables)
    return story


def _numbered_canvas(setup: PageSetup, metadata: DocumentMetadata) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps the finished pages and writes «صفحه n از N» on each when saved.

        Pages are counted per letter: a ``LetterStart`` drawn on a page
        starts a new count there (a document without one is one count).
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:  # as reportlab's Canvas takes them
            super().__init__(*args, **kwargs)
            self._finished_pages: list[dict[str, Any]] = []  # each page's state of the canvas
            self._letter = 0
            self.letter_title = ""
            self.letter_seal: Seal | None = None
            self.letter_head: LetterHead | None = None
            self._bare_page = False
            self._when_saved: list[Callable[[Canvas], None]] = []
            self._bookmarks = 0  # made on the page being written out (for their keys)

        def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
            # reportlab's Table sets its cells' default font, Helvetica, and its
            # graphics their default, before the text that sets its own: a font
            # that would not be embedded becomes the regular face.
            if pdfmetrics.getFont(psfontname).face.builtIn:
                psfontname = REGULAR
            super().setFont(psfontname, size, leading)

        def add_bookmark(self, title: str, level: int, top: float | None) -> None:
            def mark(canvas: Canvas) -> None:
                self._bookmarks += 1
                key = f"outline-{self.getPageNumber()}-{self._bookmarks}"
                canvas.bookmarkPage(key, fit="XYZ", top=top)
                canvas.addOutlineEntry(title, key, level=level, closed=level > 0)

            self._when_saved.append(mark)

        def start_letter(self, title: str, seal: Seal | None = None, head: LetterHead | None = None) -> None:
            self._letter += 1
            self.letter_title = title
            self.letter_seal = seal
            self.letter_head = head
            if setup.letter_heads:
                # Now, before the letter's text: its number and date read first, as on paper. Drawn
                # from the letter's first flowable, in the page's own coordinates.
                x, y = self.absolutePosition(0, 0)
                self.saveState()
                self.translate(-x, -y)
                _letter_head(self, setup, head)
                self.restoreState()

        def bare_page(self) -> None:
            """This page (a cover) has no footer."""
            self._bare_page = True

        def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
            """A ``LogicalText`` (a chart's label) is set as Persian; anything else as reportlab sets it."""
            if isinstance(text, LogicalText):
                draw_text(self, x, y, text, font=self._fontname, size=self._fontsize, align="left")
            else:
                super().drawString(x, y, text, *args, **kwargs)

        def draw_when_saved(self, draw: Callable[[Canvas], None]) -> None:
            """Call ``draw(canvas)`` on this page once every page is laid out (when saved)."""
            self._when_saved.append(draw)

        def showPage(self) -> None:  # reportlab names the method
            self._finished_pages.append(dict(self.__dict__))
            self._startPage()
            setattr(self, READING_RIGHT_TO_LEFT, False)  # a reader reads each page afresh
            self._bare_page = False
            self._when_saved = []

        def save(self) -> None:
            letters = [state["_letter"] for state in self._finished_pages]
            totals = Counter(letters)
            numbers: dict[int, int] = {}
            for state, letter in zip(self._finished_pages, letters, strict=True):
                self.__dict__.update(state)
                numbers[letter] = numbers.get(letter, 0) + 1
                if not self._bare_page:
                    _footer(self, setup, numbers[letter], totals[letter])
                _watermark(self, setup)
                self._bookmarks = 0
                for draw in self._when_saved:
                    draw(self)
                Canvas.showPage(self)
            if self._doc.outline.destinationnamestotitles and len(self._finished_pages) > 1:
                self.showOutline()  # bookmarked (here or by the yearly report); one page needs no map
            write_metadata(self, metadata)
            Canvas.save(self)

    return NumberedCanvas


# -- drawing ------------------------------------------------------------------


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    font: str = REGULAR,
    size: float = 9.0,
    align: str = "right",
    mute: bool = False,
) -> None:
    """One Persian line, its right end (or centre, or left end) at ``x``; ``mute``: not in the text layer."""
    text_object = canvas.beginText()
    draw_text_line(text_object, Line.of(text), font, size, x, y, align=align, mute=mute)
    canvas.drawText(text_object)


# -- the letterhead -------------------------------------------------------------

GOD_BASELINE = 8.0  # «بسمه تعالی», below the top margin
GOD_SIZE = 10.0
SECRETARIAT_SIZE = 10.5
SECRETARIAT_GAP = 20.0  # from the name's last baseline to «دبیرخانه»'s
NAME_CLEARANCE = 12.0  # between a widened name and the left block's text
# The council's name: 12 pt on one or two lines; a longer name shrinks to the
# floor and then takes a third line, then a wider block (what the left block
# leaves free), and only then, very long, goes below the floor: never cut.
NAME_SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5)
NAME_FLOOR = 9.5
NAME_BELOW_FLOOR = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)


@dataclass(frozen=True)
class NameLayout:
    """The council's name as the letterhead draws it: its size and its lines."""

    size: float
    lines: tuple[str, ...]

    @property
    def leading(self) -> float:
        """The font's whole glyph box (marks and dots included): lines never touch."""
        return self.size * _box_height(BOLD)


def council_name_layout(name: str, widest: float = COUNCIL_NAME_WIDTH) -> NameLayout:
    """The council's name in at most three lines, every word kept.

    ``widest`` is the room the left block leaves: used only when the name
    does not fit three lines of the usual ``COUNCIL_NAME_WIDTH`` at the floor.
    """
    register_fonts()
    widest = max(widest, COUNCIL_NAME_WIDTH)
    tries = [(size, 2, COUNCIL_NAME_WIDTH) for size in NAME_SIZES]
    tries += [(NAME_FLOOR, 3, COUNCIL_NAME_WIDTH), (NAME_FLOOR, 3, widest)]
    tries += [(size, 3, widest) for size in NAME_BELOW_FLOOR]
    lines: list[str] = []
    size = NAME_FLOOR
    for size, most, width in tries:
        lines = balanced_wrap(name, width, BOLD, size)
        if len(lines) <= most:
            break
    # Past the last try a name of hundreds of characters keeps all its lines.
    return NameLayout(size, tuple(lines) or ("",))


def name_baselines(name: NameLayout, top: float, emblem_y: float) -> list[float]:
    """Where the name's lines sit: the name and «دبیرخانه» centred on the emblem,
    but never up into «بسمه تعالی» above them."""
    span = (len(name.lines) - 1) * name.leading + SECRETARIAT_GAP
    god_bottom = top - GOD_BASELINE - _descent(MEDIUM, GOD_SIZE)
    first = min(emblem_y + span / 2, god_bottom - _ascent(BOLD, name.size))
    return [first - index * name.leading for index in range(len(name.lines))]


def letterhead_rule_y(page_height: float = PAGE_HEIGHT) -> float:
    """The double rule under the letterhead (its upper line)."""
    rule_y: float = page_height - TOP_MARGIN - LETTERHEAD_HEIGHT + 8
    return rule_y


def _left_block_right(setup: PageSetup) -> float:
    """The right end of the letterhead's left block (the seal, or the letter's fields)."""
    if setup.seal is not None or setup.sealed_letters:
        return SIDE_MARGIN + QR_SIZE + 4 + LEFT_BLOCK_TEXT_WIDTH
    if setup.letter_heads:  # room for a letter's stamp beside its block
        return SIDE_MARGIN + LEFT_BLOCK_TEXT_WIDTH + STAMP_GAP + STAMP_ROOM
    return SIDE_MARGIN + LEFT_BLOCK_TEXT_WIDTH


def _box_height(font: str) -> float:
    face = pdfmetrics.getFont(font).face
    height: float = (face.ascent - face.descent) / 1000
    return height


def _ascent(font: str, size: float) -> float:
    ascent: float = pdfmetrics.getFont(font).face.ascent * size / 1000
    return ascent


def _descent(font: str, size: float) -> float:
    """Below the baseline, as a positive length."""
    descent: float = -pdfmetrics.getFont(font).face.descent * size / 1000
    return descent


def _first_page(canvas: Canvas, setup: PageSetup) -> None:
    canvas.saveState()
    page_width, page_height = setup.page_size
    top = page_height - TOP_MARGIN
    right = page_width - SIDE_MARGIN
    canvas.setFillColor(styles.INK)
    draw_text(
        canvas,
        page_width / 2,
        top - GOD_BASELINE,
        wording.IN_THE_NAME_OF_GOD,
        font=MEDIUM,
        size=GOD_SIZE,
        align="center",
    )

    # Right: the emblem, the council's name and «دبیرخانه».
    emblem_x, emblem_y = right - EMBLEM_RADIUS, top - 46
    draw_emblem(canvas, emblem_x, emblem_y, EMBLEM_RADIUS)
    name_right = right - 2 * EMBLEM_RADIUS - 10
    name = council_name_layout(setup.council_name, name_right - _left_block_right(setup) - NAME_CLEARANCE)
    canvas.setFillColor(styles.ACCENT)
    baselines = name_baselines(name, top, emblem_y)
    for line, y in zip(name.lines, baselines, strict=True):
        draw_text(canvas, name_right, y, line, font=BOLD, size=name.size)
    canvas.setFillColor(styles.INK)
    draw_text(
        canvas,
        name_right,
        baselines[-1] - SECRETARIAT_GAP,
        wording.SECRETARIAT,
        font=MEDIUM,
        size=SECRETARIAT_SIZE,
    )

    # Left: the seal (QR and code) or the draft stamp, and the print date; a letter's own
    # seal is drawn once the letter has begun (``_letter_seal``).
    left = SIDE_MARGIN
    if setup.seal is not None:
        _seal_block(canvas, setup, setup.seal)
    elif setup.letter_fields and not setup.letter_heads:
        _letter_fields(canvas, setup, setup.letter_fields)
    elif not setup.sealed_letters and not setup.letter_heads:
        text_right = left + LEFT_BLOCK_TEXT_WIDTH
        if setup.draft:
            _draft_stamp(canvas, text_right - DRAFT_STAMP_WIDTH, top - 46)
        draw_text(canvas, text_right, top - 62, _printed_on(setup), size=9)

    rule_y = letterhead_rule_y(page_height)
    canvas.setStrokeColor(styles.ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(SIDE_MARGIN, rule_y, right, rule_y)
    canvas.setLineWidth(0.4)
    canvas.line(SIDE_MARGIN, rule_y - 2.5, right, rule_y - 2.5)
    canvas.restoreState()


def _seal_block(canvas: Canvas, setup: PageSetup, seal: Seal) -> None:
    """The letterhead's left block of a sealed document: the QR code, its code and the print date."""
    top = setup.page_size[1] - TOP_MARGIN
    draw_qr(canvas, seal.payload, SIDE_MARGIN, top - 8 - QR_SIZE, QR_SIZE)
    text_right = _left_block_right(setup)
    canvas.setFillColor(styles.INK)
    draw_text(canvas, text_right, top - 30, wording.DOCUMENT_CODE_LABEL, font=MEDIUM, size=9)
    draw_text(canvas, text_right, top - 44, seal.code, size=9)
    draw_text(canvas, text_right, top - 62, _printed_on(setup), size=9)


def _letter_fields(canvas: Canvas, setup: PageSetup, fields: Sequence[tuple[str, str]]) -> None:
    """«تاریخ: ...»، «شماره: ...» and «پیوست: ...», one under the other, in the letterhead's left block."""
    text_right = SIDE_MARGIN + LEFT_BLOCK_TEXT_WIDTH
    y = setup.page_size[1] - TOP_MARGIN - 30
    for label, value in fields:
        draw_text(canvas, text_right, y, LETTER_FIELD.format(label=label, value=value), size=9.5)
        y -= LETTER_FIELD_LEADING


def _letter_head(canvas: Canvas, setup: PageSetup, head: LetterHead | None) -> None:
    """A letter's own number and date in the letterhead's left block, and its stamp beside them
    (``PageSetup.letter_heads``); a letter without one has the document's fields, if any."""
    canvas.setFillColor(styles.INK)
    _letter_fields(canvas, setup, head.fields if head is not None else setup.letter_fields)
    if head is not None and head.stamp:
        top = setup.page_size[1] - TOP_MARGIN
        left = SIDE_MARGIN + LEFT_BLOCK_TEXT_WIDTH + STAMP_GAP
        width = text_width(head.stamp, BOLD, STAMP_SIZE) + STAMP_PADDING
        draw_stamp(canvas, head.stamp, left, top - 59, width, STAMP_HEIGHT, head.stamp_color, STAMP_SIZE)


def _letter_seal(canvas: Canvas, setup: PageSetup) -> None:
    """At the end of a letter's first page: its own seal (``PageSetup.sealed_letters``), or
    the print date alone for a letter without one."""
    if not setup.sealed_letters or setup.seal is not None:
        return
    seal = getattr(canvas, "letter_seal", None)
    canvas.saveState()
    if seal is not None:
        _seal_block(canvas, setup, seal)
    else:
        canvas.setFillColor(styles.INK)
        top = setup.page_size[1] - TOP_MARGIN
        draw_text(canvas, SIDE_MARGIN + LEFT_BLOCK_TEXT_WIDTH, top - 62, _printed_on(setup), size=9)
    canvas.restoreState()


def _cover_page(canvas: Canvas) -> None:
    bare = getattr(canvas, "bare_page", None)
    if bare is not None:
        bare()


def _later_page(canvas: Canvas, setup: PageSetup) -> None:
    canvas.saveState()
    page_width, page_height = setup.page_size
    top = page_height - TOP_MARGIN
    right = page_width - SIDE_MARGIN
    canvas.setFillColor(styles.MUTED)
    # The stamp of a letter's every page («رونوشت»), at the left of its running head.
    head: LetterHead | None = getattr(canvas, "letter_head", None) if setup.letter_heads else None
    width = setup.content_width
    if head is not None and head.stamp:
        stamp_width = text_width(head.stamp, BOLD, RUNNING_STAMP_SIZE) + RUNNING_STAMP_PADDING
        draw_stamp(
            canvas,
            head.stamp,
            SIDE_MARGIN,
            top - 11,
            stamp_width,
            RUNNING_STAMP_HEIGHT,
            head.stamp_color,
            RUNNING_STAMP_SIZE,
            double=False,
        )
        width -= stamp_width + STAMP_GAP
    # In a document of several letters, the running head of the letter the page belongs to.
    title = wrap_text(getattr(canvas, "letter_title", "") or setup.title, width, REGULAR, 8.5)
    draw_text(canvas, right, top - 8, title[0] + ("…" if len(title) > 1 else ""), size=8.5)
    canvas.setStrokeColor(styles.RULE)
    canvas.setLineWidth(0.5)
    canvas.line(SIDE_MARGIN, top - 14, right, top - 14)
    canvas.restoreState()


def _footer(canvas: Canvas, setup: PageSetup, page: int, total: int) -> None:
    canvas.saveState()
    page_width = setup.page_size[0]
    content_width = setup.content_width
    right = page_width - SIDE_MARGIN
    rule_y = FOOTER_HEIGHT - 16
    canvas.setStrokeColor(styles.RULE)
    canvas.setLineWidth(0.5)
    canvas.line(SIDE_MARGIN, rule_y, right, rule_y)
    canvas.setFillColor(styles.MUTED)
    y = rule_y - 12
    name = setup.council_name
    if text_width(name, REGULAR, 8) > content_width / 2 - 50:
        name = wrap_text(name, content_width / 2 - 60, REGULAR, 8)[0] + "…"
    draw_text(canvas, right, y, name, size=8)
    page_text = wording.PAGE_OF.format(page=to_persian_digits(page), total=to_persian_digits(total))
    draw_text(canvas, page_width / 2, y, page_text, font=MEDIUM, size=8.5, align="center")
    left_right = SIDE_MARGIN + 150
    draw_text(canvas, left_right, y, _printed_on(setup), size=8)
    seal = setup.seal or getattr(canvas, "letter_seal", None)
    if seal is not None:
        draw_text(canvas, left_right, y - 11, wording.DOCUMENT_CODE.format(code=seal.code), size=8)
    canvas.restoreState()


def _printed_on(setup: PageSetup) -> str:
    return wording.PRINTED_ON.format(date=jalali.format_short(setup.printed_on))


def _watermark(canvas: Canvas, setup: PageSetup) -> None:
    """The diagonal «پیش‌نویس» across a draft's page, over its content (the
    tables' filled rows would hide it underneath) and light enough to read through."""
    if not setup.draft:
        return
    canvas.saveState()
    page_width, page_height = setup.page_size
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(math.degrees(math.atan2(page_height, page_width)))
    canvas.setFillColor(styles.WATERMARK)
    canvas.setFillAlpha(0.22)
    # Not in the text layer: a search, a copy or pdftotext would find «پیش‌نویس» mixed
    # into every page's text (the stamp in the letterhead says it, in the text).
    draw_text(canvas, 0, -40, wording.DRAFT, font=BOLD, size=120, align="center", mute=True)
    canvas.restoreState()


def draw_stamp(
    canvas: Canvas,
    text: str,
    left: float,
    bottom: float,
    width: float,
    height: float,
    color: Color,
    size: float,
    *,
    double: bool = True,
) -> None:
    """A framed word, as an office's rubber stamp puts it («رونوشت»): a rule and, ``double``,
    a finer one inside it; the word centred in bold. In the text layer: it says what the page is."""
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setFillColor(color)
    canvas.setLineWidth(1.3)
    canvas.roundRect(left, bottom, width, height, 3, stroke=1, fill=0)
    if double:
        canvas.setLineWidth(0.5)
        canvas.roundRect(left + 2.5, bottom + 2.5, width - 5, height - 5, 2, stroke=1, fill=0)
    baseline = bottom + height / 2 - size * 0.32
    draw_text(canvas, left + width / 2, baseline, text, font=BOLD, size=size, align="center")
    canvas.restoreState()


def _draft_stamp(canvas: Canvas, left: float, y: float) -> None:
    """A framed «پیش‌نویس» where a finalized document has its code."""
    canvas.saveState()
    width, height = DRAFT_STAMP_WIDTH, 26.0
    canvas.setStrokeColor(styles.DRAFT_RED)
    canvas.setFillColor(styles.DRAFT_RED)
    canvas.setLineWidth(1.2)
    canvas.roundRect(left, y, width, height, 4, stroke=1, fill=0)
    draw_text(canvas, left + width / 2, y + 8, wording.DRAFT, font=BOLD, size=13, align="center")
    canvas.restoreState()


def draw_emblem(canvas: Canvas, x: float, y: float, radius: float) -> None:
    """The council's emblem: a ring, and waves going out both ways from a
    centre, for communication between the agencies."""
    canvas.saveState()
    canvas.setStrokeColor(styles.ACCENT)
    canvas.setFillColor(styles.ACCENT)
    canvas.setLineWidth(1.4)
    canvas.circle(x, y, radius, stroke=1, fill=0)
    canvas.setLineWidth(0.5)
    canvas.circle(x, y, radius - 3, stroke=1, fill=0)
    canvas.circle(x, y, radius * 0.16, stroke=0, fill=1)
    canvas.setLineWidth(1.1)
    for step in (0.38, 0.58, 0.78):
        r = radius * step
        canvas.arc(x - r, y - r, x + r, y + r, startAng=-35, extent=70)
        canvas.arc(x - r, y - r, x + r, y + r, startAng=145, extent=70)
    canvas.restoreState()
