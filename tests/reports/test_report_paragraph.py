"""The right-to-left paragraph: wrapped before reordering, aligned, split across pages."""

import glob
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from secretariat.reports import styles
from secretariat.reports.fonts import REGULAR
from secretariat.reports.paragraph import RtlParagraph, text_width, wrap_text
from tests.support.reports import logical_text, page_count, readable, rtl, text_runs

WORDS = (
    "شورای هماهنگی روابط عمومی‌های شهرستان پردیس با حضور مدیران روابط‌عمومی دستگاه‌های اجرایی "
    "(۳) ۱۴۰۳/۰۲/۲۷ pr@pardis.ir 09121234567 «خبرنویسی» برگزار شد و مقرر شد گزارش‌ها ارسال شود"
).split()
SIZE = 10.5
MARGIN = 50.0
FRAME_PADDING = 6.0  # SimpleDocTemplate's frame
RIGHT = A4[0] - MARGIN - FRAME_PADDING
LEFT = MARGIN + FRAME_PADDING
REFERENCE = sorted(glob.glob("/work/shared/reference/003_*.txt"))


def reference_text() -> str:
    if REFERENCE:
        with open(REFERENCE[0], encoding="utf-8") as handle:
            return " ".join(line.strip() for line in handle if line.strip())
    return " ".join(WORDS * 40)


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=60), width=st.floats(90, 450))
def test_wrapped_lines_fit_and_keep_every_word_in_order(words, width):
    lines = wrap_text(" ".join(words), width, REGULAR, SIZE)
    assert " ".join(lines).split() == words
    assert all(text_width(line, REGULAR, SIZE) <= width + 1e-6 for line in lines)


def test_a_line_breaks_at_spaces_never_at_a_zwnj():
    lines = wrap_text("روابط‌عمومی‌ها " * 12, 120, REGULAR, SIZE)
    assert all(word == "روابط‌عمومی‌ها" for line in lines for word in line.split())


def test_a_word_wider_than_the_line_is_broken_after_its_separators():
    address = "public-relations.coordination.council@pardis-governorate.example.ir"
    lines = wrap_text(f"نشانی {address}", 80, REGULAR, SIZE)
    assert "".join(lines[1:]) == address
    assert all(text_width(line, REGULAR, SIZE) <= 80 for line in lines)
    assert all(line[-1] in "/.@-_?&=" for line in lines[1:-1])  # never inside a name


def test_a_word_without_separators_is_broken_between_characters():
    word = "x" * 120
    lines = wrap_text(word, 80, REGULAR, SIZE)
    assert "".join(lines) == word and len(lines) > 1
    assert all(text_width(line, REGULAR, SIZE) <= 80 for line in lines)


def test_the_texts_own_line_breaks_are_kept():
    assert wrap_text("بند نخست\nبند دوم", 400, REGULAR, SIZE) == ["بند نخست", "بند دوم"]


def build(flowables) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN
    )
    document.build(flowables)
    return buffer.getvalue()


def test_a_long_paragraph_splits_across_pages_with_every_line_once_and_in_order():
    text = reference_text() * 3
    pdf = build([RtlParagraph(text, styles.BODY)])
    assert page_count(pdf) >= 2
    width = RIGHT - LEFT
    expected = wrap_text(text, width, REGULAR, styles.BODY.fontSize)
    assert sum(len(page) for page in text_runs(pdf)) == len(expected)  # one drawn line for each
    assert logical_text(pdf) == " ".join(" ".join(expected).split())  # every line once, in order


def test_each_line_of_a_wrapped_paragraph_reads_right_to_left_in_its_own_words():
    """Wrap first, reorder after: the first line holds the first words, drawn from the right."""
    text = "نخست دوم سوم چهارم پنجم ششم هفتم هشتم نهم دهم " * 4
    pdf = build([RtlParagraph(text.strip(), styles.BODY)])
    lines = [readable(run.text) for run in text_runs(pdf)[0]]
    assert lines[0].endswith(rtl("نخست دوم سوم"))
    assert lines[-1].startswith(rtl("نهم دهم"))


def test_lines_are_right_aligned_to_the_frame():
    pdf = build([RtlParagraph(reference_text()[:900], styles.BODY)])
    runs = text_runs(pdf)[0]
    assert len(runs) > 3
    assert all(abs(run.right - RIGHT) < 0.05 for run in runs)
    assert all(run.x >= LEFT - 0.05 for run in runs)


def test_centred_lines_are_centred():
    centred = ParagraphStyle("centred", parent=styles.BODY, alignment=TA_CENTER)
    pdf = build([RtlParagraph(reference_text()[:600], centred)])
    for run in text_runs(pdf)[0]:
        assert abs((run.x + run.right) / 2 - A4[0] / 2) < 0.05


def test_a_bullet_hangs_at_the_right_of_the_first_line():
    pdf = build([RtlParagraph(" ".join(WORDS * 3), styles.BODY, bullet="۱.")])
    runs = text_runs(pdf)[0]
    bullet, first = runs[0], runs[1]
    assert (
        readable(bullet.text).strip() == ".۱" and abs(bullet.right - RIGHT) < 0.05
    )  # the dot to the left of the number
    assert first.right < bullet.x
    assert all(run.right <= first.right + 0.05 for run in runs[2:])


def test_mixed_runs_read_right_on_the_page():
    text = "رایانامه pr@pardis.ir و تلفن 09121234567 از ۱۴۰۳/۰۲/۲۷ با کد ۱۴۰۴-۰۷-۰۳ (۳)"
    (line,) = [readable(run.text) for run in text_runs(build([RtlParagraph(text, styles.BODY)]))[0]]
    assert line == (  # a drawn bracket reads as the one it stands for: «(۳)» drawn is «)۳(» here
        ")۳( ۱۴۰۴-۰۷-۰۳ "
        + rtl("با کد")
        + " ۱۴۰۳/۰۲/۲۷ "
        + rtl("از")
        + " 09121234567 "
        + rtl("و تلفن")
        + " pr@pardis.ir "
        + rtl("رایانامه")
    )


def test_a_sentence_of_a_reference_article_on_the_page():
    # From the news report of a PR council meeting (reference/002).
    sentence = "روابط عمومی در سازمانی که حدود ۵۰ میلیون ذینفع و بیش از ۷۰ هزار نفر نیروی انسانی دارد"
    (line,) = [readable(run.text) for run in text_runs(build([RtlParagraph(sentence, styles.BODY)]))[0]]
    assert line == (
        rtl("هزار نفر نیروی انسانی دارد")
        + " ۷۰ "
        + rtl("میلیون ذینفع و بیش از")
        + " ۵۰ "
        + rtl("روابط عمومی در سازمانی که حدود")
    )
