"""``report evaluation|scorecards|certificates``: the evaluation's printouts from the command line,
and their refusals (exit 2, a Persian message, no file written)."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from secretariat.cli import main
from secretariat.core import Secretariat
from tests.support import evaluation as world


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """The evaluation's council (``tests/support/evaluation.py``), with a draft of 1405."""
    path = tmp_path_factory.mktemp("evaluation-cli") / "council.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        world.fix_today(patch)
        with Secretariat.open(path) as secretariat:
            world.evaluation_world(secretariat)
            secretariat.evaluations.create(1405, copy_from=1404)
    return path


def report(database, tmp_path, *args) -> tuple[int, list[str]]:
    out = tmp_path / "out.pdf"
    code = main(["--db", str(database), "report", *args, "--out", str(out)])
    if code != 0:
        assert not out.exists()
        return code, []
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    return code, [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]


def test_the_ranking(database, tmp_path, capsys):
    code, pages = report(database, tmp_path, "evaluation", "--year", "۱۴۰۴")
    assert code == 0 and "رتبه‌بندی ارزیابی" in pages[0]
    assert "ذخیره شد" in capsys.readouterr().out


def test_the_score_cards_of_every_agency_and_of_one(database, tmp_path):
    code, pages = report(database, tmp_path, "scorecards", "--year", "1404")
    assert code == 0 and len(pages) == 4
    code, pages = report(database, tmp_path, "scorecards", "--year", "1404", "--agency", world.SPORTS)
    assert code == 0 and len(pages) == 1 and world.SPORTS in pages[0]


def test_certificates_for_the_top_ranks_and_for_a_tier(database, tmp_path):
    code, pages = report(database, tmp_path, "certificates", "--year", "1404", "--top", "1")
    assert code == 0 and len(pages) == 1 and "لوح تقدیر" in pages[0]
    code, pages = report(database, tmp_path, "certificates", "--year", "1404", "--tier", "برتر")
    assert code == 0 and len(pages) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["evaluation"], "--year"),
        (["evaluation", "--year", "1399"], "ساخته نشده"),
        (["scorecards", "--year", "1403", "--agency", world.UNIVERSITY], "در ارزیابی سال ۱۴۰۳ نیست"),
        (["certificates", "--year", "1404"], "--top"),
        (["certificates", "--year", "1404", "--top", "2", "--tier", "ممتاز"], "--top"),
        (["certificates", "--year", "1404", "--top", "0"], "شمار رتبه‌ها"),
        (["certificates", "--year", "1404", "--tier", "عالی"], "رده «عالی»"),
        (["certificates", "--year", "1405", "--top", "3"], "منتشر نشده"),
    ],
)
def test_refusals_exit_2_with_a_persian_message(database, tmp_path, capsys, args, message):
    capsys.readouterr()
    assert report(database, tmp_path, *args)[0] == 2
    assert message in capsys.readouterr().err
