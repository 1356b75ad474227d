"""``python -m secretariat report ...``: every report to a PDF file, and the refusals."""

from __future__ import annotations

import json
import unicodedata

import pytest
from pypdf import PdfReader

from secretariat.cli import main
from secretariat.persian.text import to_persian_digits


def meetings(demo_copy, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "meetings", "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def report(demo_copy, tmp_path, *args) -> tuple[int, str]:
    out = tmp_path / "report.pdf"
    code = main(["--db", str(demo_copy), "report", *args, "--out", str(out)])
    if code != 0:
        return code, ""
    pages = PdfReader(out).pages
    return len(pages), unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in pages))


def test_the_minutes_of_a_finalized_meeting(demo_copy, tmp_path, capsys):
    finalized = next(m for m in meetings(demo_copy, capsys) if m["status"] == "finalized")
    pages, text = report(demo_copy, tmp_path, "minutes", "--meeting", str(finalized["id"]))
    assert pages >= 1
    assert "صورتجلسه" in text
    assert "پیش‌نویس" not in text
    assert "ذخیره شد" in capsys.readouterr().out


def test_invitations_one_per_agency_and_one_with_the_list(demo_copy, tmp_path, capsys):
    planned = next(m for m in meetings(demo_copy, capsys) if m["status"] == "planned")
    per_agency, text = report(demo_copy, tmp_path, "invitation", "--meeting", str(planned["id"]))
    assert "دعوت" in text
    one_letter, _ = report(demo_copy, tmp_path, "invitation", "--meeting", str(planned["id"]), "--list")
    assert per_agency > one_letter >= 1


def letters(demo_copy, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "letters", "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def shown(number: str) -> str:
    return to_persian_digits(number)


def test_invitations_are_registered_and_printed_again_as_copies_unless_new(demo_copy, tmp_path, capsys):
    planned = next(m for m in meetings(demo_copy, capsys) if m["status"] == "planned")
    before = {row["number"] for row in letters(demo_copy, capsys)}
    pages, text = report(demo_copy, tmp_path, "invitation", "--meeting", str(planned["id"]), "--new")
    assert "صادر و در دفتر ثبت شد" in capsys.readouterr().out
    issued = [row for row in letters(demo_copy, capsys) if row["number"] not in before]
    assert len(issued) == pages and all(row["direction"] == "out" for row in issued)
    assert all(f"شماره: {shown(row['number'])}" in text for row in issued)
    assert "رونوشت" not in text.split()
    _, again = report(demo_copy, tmp_path, "invitation", "--meeting", str(planned["id"]))
    assert "رونوشت آن چاپ شد" in capsys.readouterr().out
    assert all(f"شماره: {shown(row['number'])}" in again for row in issued)
    assert again.split().count("رونوشت") == pages  # the stamp on each letter
    assert len(letters(demo_copy, capsys)) == len(before) + pages  # a reprint registers nothing


def test_the_communication_of_finalized_minutes_is_issued_reprinted_and_issued_anew(
    demo_copy, tmp_path, capsys
):
    finalized = next(m for m in meetings(demo_copy, capsys) if m["status"] == "finalized")
    meeting = str(finalized["id"])
    before = {row["number"] for row in letters(demo_copy, capsys)}
    pages, text = report(demo_copy, tmp_path, "communication", "--meeting", meeting, "--new")
    assert pages >= 1 and "ابلاغ مصوبات" in text
    issued = [row for row in letters(demo_copy, capsys) if row["number"] not in before]
    assert issued and all(row["subject"].startswith("ابلاغ مصوبات") for row in issued)
    assert {row["concerns"] for row in issued} == {"resolutions"}
    assert all(f"شماره: {shown(row['number'])}" in text for row in issued)
    _, again = report(demo_copy, tmp_path, "communication", "--meeting", meeting)
    assert all(f"شماره: {shown(row['number'])}" in again for row in issued)
    assert again.split().count("رونوشت") == len(issued)
    report(demo_copy, tmp_path, "communication", "--meeting", meeting, "--new")
    assert len(letters(demo_copy, capsys)) == len(before) + 2 * len(issued)


def test_the_communication_before_the_minutes_are_finalized_is_refused(demo_copy, tmp_path, capsys):
    held = next(m for m in meetings(demo_copy, capsys) if m["status"] == "held")
    before = len(letters(demo_copy, capsys))
    out = tmp_path / "communication.pdf"
    code = main(
        ["--db", str(demo_copy), "report", "communication", "--meeting", str(held["id"]), "--out", str(out)]
    )
    assert code == 2
    assert "پس از نهایی شدن صورتجلسه ابلاغ می‌شود" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    assert len(letters(demo_copy, capsys)) == before


def test_follow_up_letters_to_one_agency_and_to_all_late_ones(demo_copy, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "resolutions", "dashboard", "--json"]) == 0
    worst = json.loads(capsys.readouterr().out)["worst_agencies"]
    pages, text = report(demo_copy, tmp_path, "followup-letter", "--agency", str(worst[0]["agency_id"]))
    assert pages >= 1 and "پیگیری" in text
    every, _ = report(demo_copy, tmp_path, "followup-letter", "--all")
    assert every >= len(worst)


def test_the_register_for_a_filter_and_the_directory_and_attendance(demo_copy, tmp_path, capsys):
    pages, text = report(demo_copy, tmp_path, "register", "--overdue")
    assert pages >= 1 and "معوق" in text
    pages, text = report(demo_copy, tmp_path, "directory")
    assert pages >= 1 and "شهرداری پردیس" in text
    pages, text = report(demo_copy, tmp_path, "attendance", "--from", "1300/01/01", "--to", "1500/12/29")
    assert pages >= 1 and "حضور" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["minutes"], "--meeting"),
        (["invitation"], "--meeting"),
        (["followup-letter"], "--agency"),
        (["attendance", "--from", "1404/01/01"], "--to"),
        (["attendance", "--from", "1404/13/01", "--to", "1404/12/01"], "--from"),
        (["minutes", "--meeting", "99999"], "جلسه"),
        (["communication"], "--meeting"),
        (["directory", "--new"], "--new تنها برای نامه‌هاست"),
        # Letters to every invited or responsible agency: not one of them, so no numbers used up.
        (["invitation", "--meeting", "1", "--agency", "شهرداری پردیس"], "--agency در گزارش «invitation»"),
        (["communication", "--meeting", "1", "--agency", "1"], "--agency در گزارش «communication»"),
    ],
)
def test_refusals_exit_2_and_write_nothing(demo_copy, tmp_path, capsys, args, message):
    out = tmp_path / "report.pdf"
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "report", *args, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))


def test_the_output_must_be_a_pdf(demo_copy, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "report", "directory", "--out", str(tmp_path / "report.txt")]) == 2
    assert "pdf" in capsys.readouterr().err
    assert not (tmp_path / "report.txt").exists()


def test_a_report_that_cannot_be_laid_out_is_refused_in_persian_and_logged(
    demo_copy, tmp_path, capsys, monkeypatch
):
    from reportlab.platypus import Spacer

    from secretariat.reports import directory, layout

    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    # Taller than any page, and the last resort made to fail too, as a bug in it would.
    monkeypatch.setattr(directory, "directory_story", lambda data, printed_on: [Spacer(1, 5000)])
    monkeypatch.setattr(layout, "slices", lambda flowable, width, height, page: [flowable])
    out = tmp_path / "directory.pdf"
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "report", "directory", "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert "متنی در این گزارش بلندتر از آن است که در صفحه جا شود" in error
    assert "Traceback" not in error and "LayoutError" not in error
    log = tmp_path / "data" / "logs" / layout.LOG_NAME
    assert str(log) in error
    assert "LayoutError" in log.read_text(encoding="utf-8")  # reportlab's words, for whoever fixes it
    assert not out.exists()
