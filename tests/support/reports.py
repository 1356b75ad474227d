"""Reading our PDFs back, and a large meeting to print.

Two ways of reading a PDF's text, both with pypdf and no system tool:

- ``drawn_lines``: what is drawn, line by line, in drawing order (left to
  right): each glyph's text (through its font's ToUnicode map: the plain
  letters it stands for) put where the glyph is drawn. A line here is one
  line the reports drew (it starts with ``Tm``; its segments continue it
  with ``Td``). «مصوبه (۳)» drawn right is «(۳) هبوصم» here but for the
  brackets, which read as the logical characters they stand for (a drawn
  «)» that stands for «(» reads «(»): «)۳( هبوصم»; a ligature's letters are
  read the other way round, as the rest of a right-to-left line
  (``readable`` keeps this reading for the older tests' sake).
- ``page_text``: pypdf's ``extract_text``: the logical text, as a user
  copying from a viewer gets it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ContentStream

from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from secretariat.persian.text import to_persian_digits

PRINTED_ON = dt.date(2025, 5, 17)  # ۱۴۰۴/۰۲/۲۷: the print date of the report tests

_BFCHAR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")
_RIGHT_TO_LEFT_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")


def _to_unicode(font) -> dict[int, str]:
    data = font["/ToUnicode"].get_data().decode("latin-1")
    mapping = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in _BFCHAR.findall(block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, start in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(int(start, 16) + offset)
    return mapping


def _raw_bytes(operand) -> bytes:
    if isinstance(operand, bytes):
        return bytes(operand)
    # pypdf decodes a hex string of two-byte codes as UTF-16 text; its bytes as written:
    original = getattr(operand, "_original_bytes", None)
    return bytes(original) if original is not None else operand.get_original_bytes()


@dataclass
class Glyph:
    x: float  # on the page
    width: float
    text: str
    along: float  # along its line, in text space: the drawing order


@dataclass
class Run:
    """One line as drawn: where it starts on the page, how wide it is, its glyphs.

    ``text`` is the glyphs' text in drawing order (see the module's notes);
    ``written`` is their text in the order the PDF holds them (what a reader
    of the content stream gets before its own reordering).
    """

    x: float
    y: float
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def width(self) -> float:
        if not self.glyphs:
            return 0.0
        return max(glyph.x + glyph.width for glyph in self.glyphs) - self.x

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def text(self) -> str:
        drawn = sorted(
            self.glyphs, key=lambda glyph: round(glyph.along, 1)
        )  # ties (a ZWNJ, a mark): as written
        return "".join(
            glyph.text[::-1]
            if len(glyph.text) > 1 and _RIGHT_TO_LEFT_LETTER.match(glyph.text)
            else glyph.text
            for glyph in drawn
        )

    @property
    def written(self) -> str:
        return "".join(glyph.text for glyph in self.glyphs)


@dataclass
class _Font:
    to_unicode: dict[int, str]
    two_byte: bool
    widths: dict[int, float]
    default_width: float

    def width(self, code: int) -> float:
        return self.widths.get(code, self.default_width)

    def codes(self, data: bytes) -> list[int]:
        if self.two_byte:
            return [int.from_bytes(data[index : index + 2], "big") for index in range(0, len(data), 2)]
        return list(data)


def _font(font) -> _Font:
    to_unicode = _to_unicode(font)
    if font["/Subtype"] == "/Type0":
        descendant = font["/DescendantFonts"][0].get_object()
        widths: dict[int, float] = {}
        spec = list(descendant.get("/W", []))
        index = 0
        while index < len(spec):
            first = int(spec[index])
            if isinstance(spec[index + 1], list) or hasattr(spec[index + 1], "__iter__"):
                for offset, width in enumerate(spec[index + 1]):
                    widths[first + offset] = float(width)
                index += 2
            else:
                for code in range(first, int(spec[index + 1]) + 1):
                    widths[code] = float(spec[index + 2])
                index += 3
        return _Font(to_unicode, True, widths, float(descendant.get("/DW", 1000)))
    first = int(font["/FirstChar"])
    widths = {first + offset: float(width) for offset, width in enumerate(font["/Widths"])}
    return _Font(to_unicode, False, widths, 0.0)


def _fonts(page) -> dict[str, _Font]:
    fonts = {}
    for name, reference in page["/Resources"]["/Font"].items():
        font = reference.get_object()
        if "/ToUnicode" in font:
            fonts[name] = _font(font)
    return fonts


def _multiply(m, n):
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def text_runs(pdf: bytes) -> list[list[Run]]:
    """Each page's lines as drawn, glyph by glyph, with their place on the page."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = []
    for page in reader.pages:
        fonts = _fonts(page)
        runs: list[Run] = []
        ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        saved = []
        font, size = None, 0.0
        run = None
        line_x = line_y = pen = 0.0
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(ctm)
            elif operator == b"Q":
                ctm = saved.pop()
            elif operator == b"cm":
                ctm = _multiply([float(v) for v in operands], ctm)
            elif operator == b"Tm":
                line_x, line_y, pen = float(operands[4]), float(operands[5]), 0.0
                run = Run(
                    line_x * ctm[0] + line_y * ctm[2] + ctm[4], line_x * ctm[1] + line_y * ctm[3] + ctm[5]
                )
                runs.append(run)
            elif operator == b"Td":
                line_x, line_y, pen = line_x + float(operands[0]), line_y + float(operands[1]), 0.0
                if float(operands[1]) or run is None:
                    run = Run(
                        line_x * ctm[0] + line_y * ctm[2] + ctm[4], line_x * ctm[1] + line_y * ctm[3] + ctm[5]
                    )
                    runs.append(run)
            elif operator == b"Tf":
                font, size = fonts.get(operands[0]), float(operands[1])
            elif operator in (b"Tj", b"TJ") and run is not None and font is not None:
                items = operands[0] if operator == b"TJ" else [operands[0]]
                for item in items:
                    if not isinstance(item, (bytes, str)):
                        pen -= float(item) * size / 1000
                        continue
                    for code in font.codes(_raw_bytes(item)):
                        width = font.width(code) * size / 1000
                        along = line_x + pen
                        x = along * ctm[0] + line_y * ctm[2] + ctm[4]
                        text = font.to_unicode.get(code, "\ufffd")
                        run.glyphs.append(Glyph(x, width * abs(ctm[0]), text, along))
                        pen += width
        for each in runs:
            if each.glyphs:
                each.x = min(glyph.x for glyph in each.glyphs)
        pages.append([each for each in runs if each.glyphs])
    return pages


def watermarks(pdf: bytes) -> list[int]:
    """Each page's count of watermarks: a wide line of glyphs that read as blanks
    (the «پیش‌نویس» across a draft is drawn, not part of its text)."""
    return [
        sum(1 for run in page if len(run.glyphs) >= 7 and not run.text.strip() and run.width > 200)
        for page in text_runs(pdf)
    ]


def drawn_lines(pdf: bytes) -> list[list[str]]:
    """Each page's lines as drawn, glyph by glyph, left to right."""
    return [[run.text.strip() for run in page] for page in text_runs(pdf)]


def readable(drawn: str) -> str:
    """Drawn glyphs as plain letters, still in drawing order.

    The glyphs' text is plain letters already (the fonts' ToUnicode maps
    give them); presentation forms, where a test still has them, are made
    plain, a ligature's letters read the other way round (ال), as the rest
    of the line.
    """
    plain = []
    for char in drawn:
        letters = unicodedata.normalize("NFKC", char)
        is_presentation_form = "\ufb50" <= char <= "\ufeff"
        plain.append(letters[::-1] if is_presentation_form and len(letters) > 1 else letters)
    return "".join(plain)


def readable_lines(pdf: bytes) -> list[list[str]]:
    return [[readable(line) for line in page] for page in drawn_lines(pdf)]


def all_readable(pdf: bytes) -> str:
    return "\n".join(line for page in readable_lines(pdf) for line in page)


def rtl(text: str) -> str:
    """A run of Persian words as it is drawn: the characters right to left.

    The expectations of the tests are built from this and from the runs
    that keep their order (numbers, Latin) by hand, not by the code under test.
    """
    return text[::-1]


def number_field(seq: int, year: int) -> str:
    """«شماره: ۱۲/ش/۱۴۰۵» (the default pattern) as drawn: the label at the right, then, leftwards,
    the sequence, «/ش/» and the year, each number read left to right."""
    return f"{to_persian_digits(year)}/ش/{to_persian_digits(seq)} :" + rtl("شماره")


def page_texts(pdf: bytes) -> list[str]:
    """pypdf's text of each page (presentation forms, where a PDF still has them, made plain letters)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]


def logical_text(pdf: bytes) -> str:
    """The whole document's text as a reader copies it (pypdf), whitespace collapsed."""
    return " ".join(" ".join(text.split()) for text in page_texts(pdf))


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


# -- a large meeting: 60 invitees, 25 resolutions ---------------------------------

AGENCY_SUBJECTS = [
    "آموزش و پرورش",
    "بهزیستی",
    "تأمین اجتماعی",
    "فرهنگ و ارشاد اسلامی",
    "ورزش و جوانان",
    "جهاد کشاورزی",
    "میراث فرهنگی، گردشگری و صنایع دستی",
    "راه و شهرسازی",
    "منابع طبیعی و آبخیزداری",
    "آب و فاضلاب",
    "گاز",
    "توزیع نیروی برق",
    "ثبت اسناد و املاک",
    "کتابخانه‌های عمومی",
    "امور مالیاتی",
    "استاندارد",
    "حفاظت محیط زیست",
    "تعاون، کار و رفاه اجتماعی",
    "صنعت، معدن و تجارت",
    "پست",
    "مخابرات",
    "دامپزشکی",
    "هواشناسی",
    "ثبت احوال",
    "اوقاف و امور خیریه",
    "پزشکی قانونی",
    "نوسازی مدارس",
    "بیمه سلامت",
    "آموزش فنی و حرفه‌ای",
    "علوم پزشکی",
]
PLACES = ["استان تهران", "شهرستان پردیس"]
FIRST_NAMES = ["علی", "مریم", "حسین", "زهرا", "رضا", "پریسا", "ژیلا", "چنگیز", "گلاره", "کامران"]
LAST_NAMES = ["احمدی", "کریمی", "موسوی", "رحیمی", "نوروزی", "قاسمی", "جعفری", "یزدانی", "طاهری", "ولی‌زاده"]
RESOLUTION = (
    "مقرر شد {n} برنامه اطلاع‌رسانی هماهنگ دستگاه‌های عضو درباره طرح‌های خدمت‌رسانی با همکاری "
    "روابط عمومی‌ها تهیه و گزارش پیشرفت آن (شامل شاخص‌های ارزیابی) تا مهلت تعیین‌شده به دبیرخانه شورا ارسال شود."
)


def build_large_meeting(council) -> int:
    """A held and finalized meeting of 60 invited agencies and 25 resolutions; its id.

    ``council`` is a ``meetings_support.Council``.
    """
    agency_ids = []
    for index in range(60):
        subject = AGENCY_SUBJECTS[index % len(AGENCY_SUBJECTS)]
        name = f"اداره کل {subject} {PLACES[index // len(AGENCY_SUBJECTS)]}"
        agency_id = council.agencies.add(AgencyDraft(name=name, phones=f"021-7625{index:04d}")).id
        person = council.people.add(
            PersonDraft(
                full_name=f"{FIRST_NAMES[index % 10]} {LAST_NAMES[index // 10 % 10]}",
                mobile=f"0912111{index:04d}",
            )
        )
        council.people.appoint(
            AppointmentDraft(agency_id=agency_id, person_id=person.id, start_date="1400/01/01")
        )
        agency_ids.append(agency_id)
    meeting = council.plan(
        "1403/10/11",
        start_time="09:00",
        end_time="12:00",
        host_agency_id=agency_ids[0],
        venue="سالن اجتماعات",
    )
    items = [
        council.agenda.add(
            meeting.id,
            AgendaItemDraft(
                title=f"بند شماره {to_persian_digits(n)} دستور کار",
                presenter_agency_id=agency_ids[n],
            ),
        )
        for n in range(1, 6)
    ]
    for item in items:
        council.agenda.set_summary(item.id, " ".join([RESOLUTION.format(n="خلاصه")] * 2))
    entries = []
    for number, invitation in enumerate(council.attendance.invitations(meeting.id)):
        if number % 10 == 3:
            entries.append(AttendanceEntry(invitation.id, "excused", excuse="مأموریت اداری (استانی)"))
        elif number % 10 == 7:
            entries.append(AttendanceEntry(invitation.id, "absent"))
        elif number % 10 == 5:
            entries.append(AttendanceEntry(invitation.id, "present", substitute_name="کارشناس جانشین"))
        else:
            entries.append(AttendanceEntry(invitation.id, "late" if number % 10 == 9 else "present"))
    council.attendance.record(meeting.id, entries)
    for n in range(25):
        council.minutes.add_resolution(
            meeting.id,
            ResolutionDraft(
                text=RESOLUTION.format(n=to_persian_digits(n + 1)),
                lead_agency_id=agency_ids[n],
                collaborator_agency_ids=(agency_ids[n + 1], agency_ids[n + 2]),
                due_date="" if n % 3 == 0 else "1403/12/15",
                due_next_meeting=n % 3 == 0,
                agenda_item_id=items[n % 5].id,
            ),
        )
    council.finalize(meeting.id)
    return meeting.id
