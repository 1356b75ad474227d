"""Reading our PDFs back, and a large meeting to print.

Two ways of reading a PDF's text, both with pypdf and no system tool:

- ``drawn_lines``: what is drawn, line by line, in drawing order (left to
  right), decoded through each font's ToUnicode map. Each line the reports
  draw starts with its own text position, so a line here is one line of
  the page. ``readable`` turns the shaped letters (Arabic presentation
  forms) back into plain letters, still in drawing order: «مصوبه (۳)»
  drawn right is «(۳) هبوصم» here, a reversed line is «مصوبه )۳(», an
  unmirrored bracket «)۳( هبوصم», and digits drawn backwards «۳۰۴۱».
- ``page_text``: pypdf's ``extract_text``. pypdf reverses every run it
  takes for right-to-left (Persian letters, with the spaces and Persian
  digits among them), so a Persian phrase comes out in reading order, but
  the digits inside it come out reversed and brackets unmirrored: only use
  it for words.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream

from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from secretariat.persian.text import to_persian_digits

PRINTED_ON = dt.date(2025, 5, 17)  # ۱۴۰۴/۰۲/۲۷: the print date of the report tests

_BFCHAR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


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
    return operand.get_original_bytes()


@dataclass
class Run:
    """One line as drawn: where it starts on the page, how wide it is, its glyphs."""

    x: float
    y: float
    width: float = 0.0
    text: str = ""

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass
class _Font:
    to_unicode: dict[int, str]
    first_char: int
    widths: list[float]

    def width(self, code: int) -> float:
        index = code - self.first_char
        return self.widths[index] if 0 <= index < len(self.widths) else 0.0


def _fonts(page) -> dict[str, _Font]:
    fonts = {}
    for name, reference in page["/Resources"]["/Font"].items():
        font = reference.get_object()
        if "/ToUnicode" in font:
            fonts[name] = _Font(
                _to_unicode(font), int(font["/FirstChar"]), [float(w) for w in font["/Widths"]]
            )
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
    """Each page's lines as drawn, glyph by glyph left to right, with their place on the page."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = []
    for page in reader.pages:
        fonts = _fonts(page)
        runs: list[Run] = []
        ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        saved = []
        font, size = None, 0.0
        run = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(ctm)
            elif operator == b"Q":
                ctm = saved.pop()
            elif operator == b"cm":
                ctm = _multiply([float(v) for v in operands], ctm)
            elif operator in (b"Tm", b"Td"):
                x, y = (float(operands[4]), float(operands[5])) if operator == b"Tm" else map(float, operands)
                run = Run(x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5])
                runs.append(run)
            elif operator == b"Tf":
                font, size = fonts.get(operands[0]), float(operands[1])
            elif operator in (b"Tj", b"TJ") and run is not None and font is not None:
                strings = operands[0] if operator == b"TJ" else [operands[0]]
                for string in strings:
                    if isinstance(string, (bytes, str)):
                        for code in _raw_bytes(string):
                            run.text += font.to_unicode.get(code, "\ufffd")
                            run.width += font.width(code) * size / 1000
        pages.append([run for run in runs if run.text])
    return pages


def drawn_lines(pdf: bytes) -> list[list[str]]:
    """Each page's lines as drawn, glyph by glyph, left to right."""
    return [[run.text for run in page] for page in text_runs(pdf)]


def readable(drawn: str) -> str:
    """Drawn glyphs as plain letters, still in drawing order.

    A ligature (لا) is one glyph for two letters; in drawing order its
    letters are read the other way round (ال), as the rest of the line.
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


def page_texts(pdf: bytes) -> list[str]:
    """pypdf's text of each page, with presentation forms made plain letters."""
    reader = PdfReader(io.BytesIO(pdf))
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]


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
