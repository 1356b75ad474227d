"""What the register's window asks of the core: the list's orders and its «awaiting answer» filter,
the patterns saved together, the next number's example, the scan read in, a letter's resolutions."""

import pytest

from secretariat.errors import DomainError, ValidationError
from secretariat.letters.numbering import IN, OUT
from secretariat.letters.register import IncomingDraft, LetterKind, LetterQuery, LetterSort, OutgoingDraft
from secretariat.persian import jalali
from tests.support import files
from tests.support.meetings import Council
from tests.support.monthly import fix_today

TODAY = jalali.from_jalali(1405, 9, 12)


@pytest.fixture
def council(secretariat, monkeypatch):
    fix_today(monkeypatch, TODAY)
    return Council(secretariat)


def letter(party: str, key: str, kind: LetterKind = LetterKind.FOLLOWUP, **fields) -> OutgoingDraft:
    return OutgoingDraft(kind=kind.value, source_key=key, party=party, subject=f"پیگیری {key}", **fields)


def test_the_register_sorts_by_party_in_persian_order_and_by_number(secretariat, council):
    letters = secretariat.letters
    for party, key in (("بانک ملی", "a"), ("آموزش و پرورش", "b"), ("پست", "c")):
        letters.issue(letter(party, key))
    by_party = letters.page(LetterQuery(sort=LetterSort.PARTY, descending=False))
    assert [row.party for row in by_party] == ["آموزش و پرورش", "بانک ملی", "پست"]
    by_number = letters.page(LetterQuery(sort=LetterSort.NUMBER, descending=False))
    assert [row.number for row in by_number] == ["1/ش/1405", "2/ش/1405", "3/ش/1405"]
    assert [row.number for row in letters.page()] == ["3/ش/1405", "2/ش/1405", "1/ش/1405"]


def test_the_awaiting_filter_lists_what_the_home_page_counts(secretariat, council):
    letters = secretariat.letters
    agency = council.agency("بانک ملی")
    long_ago = jalali.from_jalali(1405, 8, 1)
    letters.issue(letter("بانک ملی", "old", agency_id=agency), on=long_ago)
    letters.issue(letter("بانک ملی", "recent", agency_id=agency), on=jalali.from_jalali(1405, 9, 5))
    letters.issue(letter("بانک ملی", "no answer asked", LetterKind.INVITATION), on=long_ago)
    answered = letters.issue(letter("پست", "answered"), on=long_ago)
    answer = letters.record_incoming(
        IncomingDraft(received_on="1405/08/20", subject="پاسخ", party="پست", answers_letter=answered.number)
    )
    awaiting = LetterQuery(awaiting_answer=True)
    assert letters.answer_days() == 14
    assert [row.subject for row in letters.page(awaiting)] == ["پیگیری old"]
    assert letters.count(awaiting) == letters.awaiting_answer() == 1
    assert next(row for row in letters.page() if row.id == answered.id).answered
    # An answer voided answers nothing: the letter awaits its answer again.
    letters.void(answer.number, reason="به نامه دیگری پاسخ می‌داد")
    assert not next(row for row in letters.page() if row.id == answered.id).answered
    assert letters.count(awaiting) == letters.awaiting_answer() == 2


def test_both_patterns_are_saved_together_or_neither(secretariat, council):
    letters = secretariat.letters
    with pytest.raises(ValidationError) as refused:
        letters.set_patterns(outgoing="{seq}", incoming="{seq}/و/{year}")
    assert set(refused.value.errors) == {OUT}
    with pytest.raises(ValidationError) as same:
        letters.set_patterns(outgoing="{seq}/{year}", incoming=" {seq}/{year}")
    assert set(same.value.errors) == {IN}
    assert (letters.pattern(OUT), letters.pattern(IN)) == ("{seq}/ش/{year}", "{seq}/و/{year}")
    letters.set_patterns(outgoing="{seq}/د/{yy}", incoming="{seq}/دو/{yy}")
    assert (letters.pattern(OUT), letters.pattern(IN)) == ("{seq}/د/{yy}", "{seq}/دو/{yy}")
    assert letters.next_sequence(OUT) == (1405, 1)
    assert letters.issue(letter("پست", "a")).number == "1/د/05"
    assert letters.next_sequence(OUT) == (1405, 2) and letters.next_sequence(IN) == (1405, 1)


def test_one_pattern_set_alone_may_not_be_the_other_directions(secretariat, council):
    letters = secretariat.letters
    for direction, other in ((IN, OUT), (OUT, IN)):
        with pytest.raises(ValidationError) as same:
            letters.set_pattern(letters.pattern(other), direction)
        assert set(same.value.errors) == {"pattern"}
    assert (letters.pattern(OUT), letters.pattern(IN)) == ("{seq}/ش/{year}", "{seq}/و/{year}")
    letters.set_pattern("{seq}/ص/{year}", OUT)
    assert letters.pattern(OUT) == "{seq}/ص/{year}"


def test_a_scan_is_a_pdf_or_an_image_and_keeps_its_name(secretariat, council, tmp_path):
    letters = secretariat.letters
    text = tmp_path / "نامه.txt"
    text.write_text("not a scan", encoding="utf-8")
    with pytest.raises(DomainError, match="PDF"):
        letters.read_file(text)
    scan = tmp_path / "نامه ۴۵۶.pdf"
    scan.write_bytes(files.pdf())
    received = letters.record_incoming(
        IncomingDraft(received_on="1405/09/10", subject="گزارش", party="پست", file=letters.read_file(scan))
    )
    assert letters.get(received.id).document_name == "نامه ۴۵۶.pdf"
    assert letters.issue(letter("پست", "b")).document_name == ""


def test_a_letter_lists_the_resolutions_it_is_about_by_code(secretariat, council):
    agency = council.agency("اداره کل ورزش و جوانان")
    meeting = council.plan("1405/08/20")
    council.hold(meeting.id)
    first = council.resolve(meeting.id, "مقرر شد ویژه‌نامه منتشر شود.", agency)
    second = council.resolve(meeting.id, "مقرر شد همایش برگزار شود.", agency)
    sent = secretariat.letters.issue(letter("ورزش", "r", resolution_ids=[second.id, first.id]))
    linked = secretariat.letters.resolutions(sent.id)
    assert [r.id for r in linked] == [first.id, second.id]
    assert linked[0].meeting_id == meeting.id and linked[0].code == first.code
