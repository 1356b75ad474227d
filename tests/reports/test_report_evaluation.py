"""The evaluation on paper: the ranking, the score cards and the certificates.

A council whose evaluation of 1404 is known by hand (``tests/support/evaluation.py``):
آموزش و پرورش first, the university and the municipality sharing the second rank, the
sports office fourth; one score amended after publishing.
"""

import io

import pytest
from pypdf import PdfReader

from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.letters.printed import Issuing
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports.certificates import print_certificates, render_certificates
from secretariat.reports.evaluation_report import render_evaluation
from secretariat.reports.scorecards import improvements, render_scorecards
from tests.support import evaluation as world
from tests.support.reports import PRINTED_ON, logical_text, page_count, page_texts, watermarks

LANDSCAPE = (842, 595)  # A4 on its side, in whole points
PREVIEW = Issuing.PREVIEW  # the shared council is only read: its certificates are previewed, not issued


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    """(the secretariat, each agency's id by name), built once: the tests only read it."""
    with pytest.MonkeyPatch.context() as patch:
        world.fix_today(patch)
        opened = Secretariat.open(tmp_path_factory.mktemp("evaluation") / "council.sqlite3")
        ids = world.evaluation_world(opened)
        # A draft of 1405 to refuse: last year's criteria, no jury score yet.
        opened.evaluations.create(1405, copy_from=1404)
        yield opened, ids
        opened.close()


@pytest.fixture(scope="module")
def ranking_pdf(council):
    return render_evaluation(council[0], 1404, printed_on=PRINTED_ON)


@pytest.fixture(scope="module")
def cards_pdf(council):
    return render_scorecards(council[0], 1404, printed_on=PRINTED_ON)


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    return [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def rows_in_order(text: str, names: list[str]) -> list[int]:
    return [text.index(name) for name in names]


# -- the ranking -----------------------------------------------------------------------------


def test_the_ranking_lists_the_agencies_in_rank_order_with_the_shared_rank_said(ranking_pdf):
    text = logical_text(ranking_pdf)
    places = rows_in_order(text, world.ORDER_1404)
    assert places == sorted(places)
    # Each row ends with its rank (the rightmost column, read last); ties say they are shared.
    assert f"{world.EDUCATION} ۱ " in text
    assert f"{world.UNIVERSITY} ۲ (مشترک)" in text
    assert f"{world.MUNICIPALITY} ۲ (مشترک)" in text
    assert f"{world.SPORTS} ۴" in text and "۳ (مشترک)" not in text


def test_the_ranking_is_landscape_sealed_and_says_who_published_it(ranking_pdf):
    assert set(page_sizes(ranking_pdf)) == {LANDSCAPE}
    text = logical_text(ranking_pdf)
    assert "رتبه‌بندی ارزیابی عملکرد روابط عمومی‌ها؛ سال ۱۴۰۴" in text
    assert f"به دست {world.SECRETARY}" in text and "منتشر نشده" not in text
    assert "شناسه سند: E1404-R-" in text
    assert watermarks(ranking_pdf) == [0] * page_count(ranking_pdf)


def test_the_criteria_with_their_maxima_and_formulas_in_words(ranking_pdf):
    text = logical_text(ranking_pdf)
    assert "نسبت حضور در جلسات شورا در سال ۱۴۰۴ × ۲۰" in text
    assert "رده‌ها: ممتاز از ۸۵، برتر از ۷۰، خوب از ۵۰، نیازمند بهبود از ۰." in text


def test_an_amended_score_is_marked_and_its_amendment_listed_with_its_reason(ranking_pdf):
    text = logical_text(ranking_pdf)
    # The education office's row: change, last year's rank, tier, total 92, then 36* 36 20.
    assert f"۹۲ ۳۶* ۳۶ ۲۰ {world.EDUCATION}" in text
    assert "*: امتیاز پس از انتشار اصلاح شده است" in text
    amendments = text[text.index("اصلاحیه‌ها ") :]
    assert world.AMENDMENT_REASON in amendments and "۳۶ ۳۴ ابتکار و نوآوری" in amendments


def test_the_change_of_rank_since_last_year(ranking_pdf):
    text = logical_text(ranking_pdf)
    assert "۱ پله بالاتر ۲ ممتاز" in text  # education: 2nd in 1403, 1st now
    assert "۱ پله پایین‌تر ۱ برتر" in text  # the municipality: 1st in 1403
    assert "رتبه‌ای نداشت — برتر" in text  # the university: not ranked in 1403


def test_a_draft_ranking_is_marked_and_watermarked_and_not_sealed(council):
    pdf = render_evaluation(council[0], 1405, printed_on=PRINTED_ON)
    text = logical_text(pdf)
    assert "وضعیت: پیش‌نویس — منتشر نشده" in text
    assert "E1405" not in text
    assert all(count >= 1 for count in watermarks(pdf))
    assert "—: امتیاز داوری هنوز ثبت نشده است (۸ امتیاز)" in text


# -- the score cards -------------------------------------------------------------------------


def test_one_score_card_a_page_each_with_its_own_code(cards_pdf):
    texts = page_texts(cards_pdf)
    assert len(texts) == 4
    codes = set()
    for text, name in zip(texts, world.ORDER_1404, strict=True):
        assert name in text
        assert "صفحه ۱ از ۱" in text
        code = next(line for line in text.splitlines() if line.startswith("E1404-S"))
        codes.add(code)
    assert len(codes) == 4


def test_a_score_card_shows_where_each_score_came_from(cards_pdf):
    sports = " ".join(page_texts(cards_pdf)[3].split())
    assert "حاضر در ۱ جلسه از ۲ جلسه‌ای که دعوت شد" in sports
    assert "میانگین امتیاز ۲ داور (داور اول: ۲۱، داور دوم: ۱۹)" in sports
    assert "۴ از ۴ دستگاه" in sports
    assert "۳ (امسال ۱ پله پایین‌تر)" in sports
    assert "نیازمند بهبود" in sports and "۴۲ از ۱۰۰" in sports
    assert "جمع گروه: ۳۲" in sports  # the jury's two criteria: 20 + 12


def test_the_advice_names_the_weakest_criterion_first(council, cards_pdf):
    sports = " ".join(page_texts(cards_pdf)[3].split())
    advice = sports[sports.index("پیشنهاد برای بهبود") :]
    first, second = advice.index(world.INNOVATION), advice.index(world.QUALITY)
    assert first < second  # 12 of 40 lost more of its maximum than 20 of 40 or 10 of 20
    assert "ابتکار و نوآوری: ۱۲ از ۴۰ (۳۰٪)" in advice
    assert "«نوآوری در روایت خبری کم بود»" in advice  # the jury's note


def test_the_advice_is_two_or_three_criteria_by_the_share_lost(council):
    from secretariat.reports.evaluation_data import gather_evaluation

    data = gather_evaluation(council[0], 1404)
    by_name = {s.agency: s for s in data.standings}
    sports = [a.criterion.name for a in improvements(data, by_name[world.SPORTS])]
    assert sports == [world.INNOVATION, world.QUALITY, world.ATTENDANCE]
    # The municipality lost 8 of 40 and 12 of 40, nothing on attendance: two pieces of advice.
    municipality = [a.criterion.name for a in improvements(data, by_name[world.MUNICIPALITY])]
    assert municipality == [world.INNOVATION, world.QUALITY]


def test_the_score_card_of_one_agency_and_its_amendment(council):
    secretariat, ids = council
    pdf = render_scorecards(secretariat, 1404, agency_id=ids[world.EDUCATION], printed_on=PRINTED_ON)
    assert page_count(pdf) == 1
    text = " ".join(page_texts(pdf)[0].split())
    assert "پس از انتشار از ۳۴ به ۳۶ اصلاح شد." in text
    assert world.AMENDMENT_REASON in text


def test_a_score_card_for_an_agency_not_evaluated_is_refused(council):
    secretariat, ids = council
    with pytest.raises(DomainError, match="در ارزیابی سال ۱۴۰۳ نیست"):
        render_scorecards(secretariat, 1403, agency_id=ids[world.UNIVERSITY])


# -- the certificates ------------------------------------------------------------------------


def test_certificates_for_the_top_two_honour_the_shared_second_rank_too(council):
    pdf = render_certificates(council[0], 1404, top=2, issuing=PREVIEW, printed_on=PRINTED_ON)
    texts = [" ".join(text.split()) for text in page_texts(pdf)]
    assert len(texts) == 3  # 1st, and the two 2nds
    assert page_sizes(pdf) == [LANDSCAPE] * 3
    for text, agency in zip(texts, world.ORDER_1404, strict=False):
        assert "لوح تقدیر" in text
        assert f"مدیر محترم روابط عمومی {agency}" in text
        assert world.CHAIR in text and world.SECRETARY in text
        assert "روز ارتباطات و روابط عمومی" in text
        assert "شناسه سند: E1404-C" in text
        assert "۲۷ اردیبهشت ۱۴۰۴" in text
    assert "جناب آقای مهندس رضا قاسمی" in texts[0] and "رتبه اول" in texts[0]
    assert "سرکار خانم دکتر مریم احمدی" in texts[1] and "رتبه دوم" in texts[1]
    assert "علی رضایی" in texts[2] and "رتبه دوم" in texts[2]
    assert "سال ۱۴۰۴" in texts[0]


def test_certificates_for_a_tier(council):
    pdf = render_certificates(council[0], 1404, tier="ممتاز", issuing=PREVIEW, printed_on=PRINTED_ON)
    texts = page_texts(pdf)
    assert len(texts) == 1
    assert "در رده «ممتاز» جای گرفت" in " ".join(texts[0].split())


def test_a_certificate_is_issued_with_its_number_and_printed_again_as_a_copy(tmp_path, monkeypatch):
    world.fix_today(monkeypatch)
    with Secretariat.open(tmp_path / "council.sqlite3") as secretariat:
        world.evaluation_world(secretariat)
        first = print_certificates(secretariat, 1404, top=1, printed_on=PRINTED_ON)
        (text,) = [" ".join(text.split()) for text in page_texts(first.pdf)]
        assert "شماره: ۱/ش/۱۴۰۴" in text and "تاریخ: ۱۴۰۴/۰۲/۲۷" in text and "رونوشت" not in text
        (letter,) = first.issued
        assert letter.kind.value == "certificate" and letter.agency_id is not None
        again = print_certificates(secretariat, 1404, top=1, printed_on=jalali.from_jalali(1404, 3, 1))
        (text,) = [" ".join(text.split()) for text in page_texts(again.pdf)]
        assert "شماره: ۱/ش/۱۴۰۴" in text and "رونوشت" in text
        assert "۲۷ اردیبهشت ۱۴۰۴" in text  # the certificate's own date, not the reprint's
        top_two = print_certificates(secretariat, 1404, top=2, printed_on=PRINTED_ON)
        assert [each.copy for each in top_two.letters] == [True, False, False]
        assert secretariat.letters.count() == 3


def test_an_agency_without_a_pr_manager_is_addressed_by_the_post(council):
    pdf = render_certificates(council[0], 1404, tier="نیازمند بهبود", issuing=PREVIEW, printed_on=PRINTED_ON)
    text = page_texts(pdf)[0]
    lines = [line.strip() for line in text.splitlines()]
    post = lines.index(f"مدیر محترم روابط عمومی {world.SPORTS}")
    assert lines[post - 1] == "لوح تقدیر"  # no name above the post


@pytest.mark.parametrize(
    ("year", "choice", "message"),
    [
        (1405, {"top": 3}, "هنوز منتشر نشده است؛ لوح تقدیر برای نتیجه منتشرشده چاپ می‌شود"),
        (1404, {"tier": "عالی"}, "رده «عالی» در ارزیابی سال ۱۴۰۴ نیست"),
        (1404, {"tier": "خوب"}, "دستگاهی در رده «خوب» نیست"),
        (1404, {}, "نه هر دو"),
        (1404, {"top": 2, "tier": "ممتاز"}, "نه هر دو"),
        (1404, {"top": 0}, "دست‌کم ۱"),
    ],
)
def test_certificates_are_refused_without_a_published_result_or_an_agency_to_honour(
    council, year, choice, message
):
    with pytest.raises(DomainError, match=message):
        render_certificates(council[0], year, issuing=PREVIEW, printed_on=PRINTED_ON, **choice)


def test_the_same_records_print_the_same_codes(council, ranking_pdf):
    again = render_evaluation(council[0], 1404, printed_on=jalali.from_jalali(1404, 3, 1))
    code = next(line for line in page_texts(ranking_pdf)[0].splitlines() if line.startswith("E1404-R-"))
    assert code in page_texts(again)[0]  # the print date is not part of the seal
    assert to_persian_digits("1404/03/01") in page_texts(again)[0]
