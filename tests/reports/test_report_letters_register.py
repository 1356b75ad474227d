"""The letter register of a period on paper: the letters dated in it, oldest first, with their
numbers as the council numbers them, and what became of them."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from secretariat.cli import main
from secretariat.errors import DomainError
from secretariat.letters.register import IncomingDraft, LetterKind, OutgoingDraft
from secretariat.persian import jalali
from secretariat.reports.letters_report import render_letters
from tests.support.meetings import Council
from tests.support.monthly import fix_today


@pytest.fixture
def register(secretariat, monkeypatch):
    fix_today(monkeypatch, jalali.from_jalali(1405, 9, 12))
    council = Council(secretariat)
    bank = council.agency("بانک ملی")
    letters = secretariat.letters

    def send(day, subject, key):
        return letters.issue(
            OutgoingDraft(
                kind=LetterKind.FOLLOWUP.value,
                source_key=key,
                party="بانک ملی",
                subject=subject,
                agency_id=bank,
            ),
            on=jalali.from_jalali(1405, *day),
        )

    send((6, 1), "پیگیری مصوبات جلسه چهارم", "a")
    sent = send((7, 2), "پیگیری مصوبات جلسه پنجم", "b")
    send((8, 3), "ارسال نامه به نشانی نادرست", "c")
    letters.void("3/ش/1405", reason="نشانی نادرست")
    letters.record_incoming(
        IncomingDraft(
            received_on="1405/07/20", subject="پاسخ پیگیری", agency_id=bank, answers_letter=sent.number
        )
    )
    return secretariat


def lines(pdf: bytes) -> str:
    """The pages' text as a reader copies it (logical order), whitespace collapsed."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in pages)


def test_the_period_lists_its_letters_oldest_first_with_their_state(register):
    text = lines(render_letters(register, jalali.from_jalali(1405, 7, 1), jalali.from_jalali(1405, 8, 30)))
    assert "دفتر نامه‌های دبیرخانه" in text
    assert "۳ نامه: ۲ صادره و ۱ وارده؛ ۱ نامه باطل شده است." in text
    assert "پیگیری مصوبات جلسه چهارم" not in text  # dated before the period
    assert text.index("پیگیری مصوبات جلسه پنجم") < text.index("پاسخ پیگیری") < text.index("نشانی نادرست")
    assert "پاسخ رسید" in text and "باطل" in text
    assert "۲/ش/۱۴۰۵" in text


def test_an_empty_or_backward_period_is_refused(register):
    with pytest.raises(DomainError):
        render_letters(register, jalali.from_jalali(1405, 1, 1), jalali.from_jalali(1405, 2, 1))
    with pytest.raises(DomainError):
        render_letters(register, jalali.from_jalali(1405, 8, 1), jalali.from_jalali(1405, 7, 1))


def test_the_command_line_prints_the_register_of_a_period(register, tmp_path, capsys):
    location = str(register.database.path)
    out = tmp_path / "letters.pdf"
    args = [
        "--db",
        location,
        "report",
        "letters",
        "--from",
        "1405/06/01",
        "--to",
        "1405/09/12",
        "--out",
        str(out),
    ]
    assert main([*args, "--direction", "out"]) == 0
    assert "بانک ملی" in lines(out.read_bytes())
    assert main([*args[:-2], "--out", str(tmp_path / "x.pdf"), "--direction", "sideways"]) == 2
    assert main(["--db", location, "report", "letters", "--from", "1405/06/01", "--out", str(out)]) == 2


def test_a_letter_that_asks_for_an_answer_says_how_long_it_has_waited_on_the_day_printed(register):
    pdf = render_letters(
        register,
        jalali.from_jalali(1405, 6, 1),
        jalali.from_jalali(1405, 6, 31),
        printed_on=jalali.from_jalali(1405, 9, 12),
    )
    # Sent on 1405/06/01 and never answered: 31 + 30 + 30 + 11 days on 1405/09/12.
    assert "بی‌پاسخ، ۱۰۲ روز" in lines(pdf)
