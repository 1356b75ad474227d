"""The evaluation and the letter register in the yearly archive (schema version 4): the year's
evaluation with its printouts, and its letters with their documents, travel with the year,
come back the same (the same ranking, the same numbers and bytes), the codes printed on the
evaluation's documents are checked against the records, and a tampered archive is refused
whole. The council is ``tests.support.archive_world``'s."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from secretariat.archive import export_archive, import_archive, verify_document
from secretariat.archive.schema import SCHEMA_VERSION, TABLES
from secretariat.cli import main
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.letters.register import LetterKind, LetterQuery, LetterSort, OutgoingDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports.evaluation_data import gather_evaluation, ranking_seal, scorecard_seal
from tests.support.archive import import_in_year, rewrite_zip, tampered, yearbook_available
from tests.support.archive_world import (
    ACTIVITY,
    ANSWER_SCAN,
    FOLLOWUP_PDF,
    NEWS,
    VOID_REASON,
    World,
    build,
)
from tests.support.backends import BACKENDS, fresh_postgres, table_rows
from tests.support.evaluation import (
    CHAIR,
    COUNCIL,
    EDUCATION,
    INNOVATION,
    MUNICIPALITY,
    SECRETARY,
    UNIVERSITY,
    fix_today,
)

YEARS = (1403, 1404, 1405)
DATA_FILES = ("data/records.json", *(f"data/csv/{table.name}.csv" for table in TABLES))
CODE = re.compile(r"E1404-(?:R|C\d{3})-[0-9A-F]{8}")


@pytest.fixture(scope="module", autouse=True)
def yearbook():
    with yearbook_available():
        yield


@pytest.fixture(autouse=True)
def today(monkeypatch):
    fix_today(monkeypatch)  # 1405/02/15


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> tuple[Path, World, dict[int, Path]]:
    """The council's database, its world, and its archive of each year, made once."""
    folder = tmp_path_factory.mktemp("evaluation-letters-archive")
    with pytest.MonkeyPatch.context() as patch:
        fix_today(patch)
        with Secretariat.open(folder / "source.sqlite3") as secretariat:
            world = build(secretariat)
            archives = {
                year: export_archive(secretariat.database, year, folder / f"archive-{year}.zip").path
                for year in YEARS
            }
    return folder / "source.sqlite3", world, archives


@pytest.fixture
def archives(source) -> dict[int, Path]:
    return source[2]


@pytest.fixture
def world(source) -> World:
    return source[1]


@pytest.fixture
def original(source):
    with Secretariat.open(source[0]) as secretariat:
        yield secretariat


@pytest.fixture
def empty(tmp_path):
    database = open_database(tmp_path / "empty.sqlite3")
    yield database
    database.close()


def records(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        data: dict[str, Any] = json.loads(archive.read("data/records.json"))
        return data


def csv_header(path: Path, table: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(f"data/csv/{table}.csv").decode("utf-8-sig").split("\r\n", 1)[0]


def printed_codes(path: Path, member: str) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        pdf = PdfReader(io.BytesIO(archive.read(member)))
    return [code for page in pdf.pages for code in CODE.findall(page.extract_text())]


def ranking(secretariat: Secretariat, year: int) -> dict[str, Any]:
    """What a user sees of a year's evaluation: its rules, and every agency's scores and standing."""
    found = secretariat.evaluations.ranking(year)
    evaluation = found.evaluation
    names = {criterion.id: criterion.name for criterion in evaluation.criteria}
    return {
        "status": (evaluation.status, evaluation.published_by, evaluation.jury_rule),
        "published_at": evaluation.published_at and evaluation.published_at.replace(microsecond=0),
        "criteria": [
            (c.group, c.name, c.max_score, c.source.value, c.indicator, c.position, c.formula)
            for c in evaluation.criteria
        ],
        "tiers": evaluation.tiers,
        "exclusions": sorted((e.agency, e.reason) for e in evaluation.exclusions),
        "standings": [
            (
                s.agency,
                s.total,
                s.rank,
                s.tier,
                s.previous_rank,
                {
                    names[criterion_id]: (
                        cell.score,
                        cell.explanation,
                        cell.original,
                        [(j.evaluator, j.score, j.note) for j in cell.jury],
                        [(a.previous_score, a.score, a.reason, a.by) for a in cell.amendments],
                    )
                    for criterion_id, cell in s.cells.items()
                },
            )
            for s in found.standings
        ],
    }


def register(secretariat: Secretariat, year: int) -> list[tuple[Any, ...]]:
    """Every letter of the year as its window shows it: fields, links and the document's bytes."""
    letters = secretariat.letters
    rows = []
    for row in letters.page(LetterQuery(year=year, sort=LetterSort.NUMBER, descending=False), limit=None):
        letter = letters.get(row.id)
        meeting = secretariat.meetings.get(letter.meeting_id) if letter.meeting_id else None
        rows.append(
            (
                letter.number,
                letter.direction,
                letter.date,
                letter.kind,
                secretariat.agencies.get(letter.agency_id).name if letter.agency_id else None,
                letter.party,
                letter.subject,
                letter.attachments,
                letter.concerns,
                (meeting.date, meeting.number) if meeting else None,
                letter.report_month,
                letter.their_number,
                letter.their_date,
                letters.get(letter.answers_letter_id).number if letter.answers_letter_id else None,
                sorted(letters.get(answer).number for answer in letter.answered_by),
                letter.recorded_by,
                letter.recorded_at.replace(microsecond=0),
                (letter.voided, letter.voided_reason, letter.voided_by),
                [r.code for r in letters.resolutions(letter.id)],
                letters.document(letter.id) if letter.has_document else None,
            )
        )
    return rows


# -- export ----------------------------------------------------------------------------------


def test_the_archive_holds_the_evaluation_its_ranking_and_the_top_threes_certificates(archives):
    data = records(archives[1404])
    assert data["version"] == SCHEMA_VERSION == 5
    tables = data["tables"]
    agencies = {row["key"]: row["name"] for row in tables["agencies"]}
    [evaluation] = tables["evaluations"]
    assert (evaluation["status"], evaluation["published_by"], evaluation["jury_rule"]) == (
        "published",
        SECRETARY,
        "mean",
    )
    criteria = {row["key"]: row for row in tables["evaluation_criteria"]}
    assert [(c["name"], c["max_score"], c["source"]) for c in criteria.values()] == [
        ("حضور در جلسات شورا", 20, "attendance"),
        ("کیفیت محتوا و اطلاع\u200cرسانی", 40, "manual"),
        (INNOVATION, 40, "manual"),
    ]
    assert [(t["name"], t["min_score"]) for t in tables["evaluation_tiers"]] == [
        ("ممتاز", 85),
        ("برتر", 70),
        ("خوب", 50),
        ("نیازمند بهبود", 0),
    ]
    assert len(tables["jury_scores"]) == 16  # four agencies, two criteria, two evaluators
    assert len(tables["evaluation_results"]) == 12
    notes = [row["note"] for row in tables["jury_scores"] if row["note"]]
    assert notes == ["نوآوری در روایت خبری کم بود"]
    [amendment] = tables["evaluation_amendments"]
    assert (agencies[amendment["agency"]], criteria[amendment["criterion"]]["name"]) == (
        EDUCATION,
        INNOVATION,
    )
    assert (amendment["previous_score"], amendment["score"]) == (34, 36)
    with zipfile.ZipFile(archives[1404]) as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("manifest.json"))
        readme = z.read("README.txt").decode("utf-8-sig")
        certificates = PdfReader(io.BytesIO(z.read(evaluation["certificates_file"])))
        assert z.read(evaluation["ranking_file"]).startswith(b"%PDF")
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert {"evaluation/ranking-1404.pdf", "evaluation/certificates-1404.pdf"} <= names & listed.keys()
    assert len(certificates.pages) == 3  # ranks 1, 2 and 2 (shared)
    texts = [page.extract_text() for page in certificates.pages]
    assert "مریم احمدی" in texts[1] or "مریم احمدی" in texts[2]
    assert manifest["counts"]["evaluations"] == 1 and "evaluation/" in readme
    header = csv_header(archives[1404], "jury_scores")
    assert header == "criterion,agency,evaluator,score,note,recorded_at,recorded_at_jalali"


def test_a_draft_is_archived_with_its_ranking_marked_a_draft_and_no_certificates(archives):
    data = records(archives[1405])
    tables = data["tables"]
    [evaluation] = tables["evaluations"]
    assert evaluation["status"] == "draft" and evaluation["published_at"] is None
    assert evaluation["certificates_file"] == "" and not tables["evaluation_results"]
    activity = next(row for row in tables["evaluation_criteria"] if row["name"] == ACTIVITY)
    indicator = next(row for row in tables["indicators"] if row["key"] == activity["indicator"])
    assert indicator["name"] == NEWS
    agencies = {row["key"]: row["name"] for row in tables["agencies"]}
    assert [agencies[row["agency"]] for row in tables["evaluation_exclusions"]] == [
        "اداره ورزش و جوانان شهرستان پردیس"
    ]
    with zipfile.ZipFile(archives[1405]) as z:
        names = z.namelist()
        ranking_pdf = PdfReader(io.BytesIO(z.read("evaluation/ranking-1405.pdf")))
    assert not any(name.startswith("evaluation/certificates") for name in names)
    assert "پیش‌نویس" in ranking_pdf.pages[0].extract_text()


def test_the_archive_holds_the_years_letters_their_links_and_documents(archives, world):
    data = records(archives[1404])
    tables = data["tables"]
    letters = {row["number"]: row for row in tables["letters"]}
    assert list(letters) == ["1/ش/1404", "2/ش/1404", "3/ش/1404", "1/و/1404", "2/و/1404"]
    followup, invitation, other, answer, report = letters.values()
    assert (followup["kind"], followup["meeting"], followup["attachments"]) == ("followup", "1404-01", 1)
    assert followup["source_key"] == world.followup_source_key
    assert (invitation["voided_reason"], invitation["voided_by"]) == (VOID_REASON, SECRETARY)
    assert invitation["voided_at"] is not None
    assert other["agency"] is None and other["party"].startswith("جناب آقای دکتر")
    assert (answer["answers_letter"], answer["their_number"], answer["their_date_jalali"]) == (
        "1/ش/1404",
        "۷۸۹/ص",
        "1404/04/18",
    )
    links = {(row["letter"], row["resolution"]) for row in tables["letter_resolutions"]}
    code = world.resolution_code
    assert links == {("1/ش/1404", code), ("1/و/1404", code), ("2/و/1404", code)}
    documents = {row["letter"]: row for row in tables["letter_documents"]}
    assert set(documents) == {"1/ش/1404", "1/و/1404"}
    assert documents["1/ش/1404"]["path"] == "letters/out/1_ش_1404.pdf"
    assert documents["1/و/1404"]["path"] == "letters/in/1_و_1404.png"
    with zipfile.ZipFile(archives[1404]) as z:
        manifest = {entry["path"]: entry for entry in json.loads(z.read("manifest.json"))["files"]}
        assert z.read("letters/out/1_ش_1404.pdf") == FOLLOWUP_PDF
        assert z.read("letters/in/1_و_1404.png") == ANSWER_SCAN
        for row in documents.values():
            assert (
                manifest[row["path"]]["sha256"]
                == row["sha256"]
                == hashlib.sha256(z.read(row["path"])).hexdigest()
            )
    # A letter of 1405 names 1404's meeting, resolution and letter by their keys.
    later = {row["number"]: row for row in records(archives[1405])["tables"]["letters"]}
    assert later["1/ش/1405"]["meeting"] == "1404-01"
    assert later["1/و/1405"]["answers_letter"] == "1/ش/1404"
    assert csv_header(archives[1404], "letters").startswith("number,direction,year,seq,date,date_jalali,kind")


# -- import ---------------------------------------------------------------------------------


def test_imported_into_an_empty_database_the_years_read_and_export_the_same(
    original, archives, world, empty, tmp_path, monkeypatch
):
    import_in_year(monkeypatch, YEARS[-1] + 1)  # the trail of the import itself is of another year
    before = {year: (ranking(original, year), register(original, year)) for year in YEARS}
    results = {year: import_archive(empty, archives[year]) for year in YEARS}
    assert results[1404].evaluation and results[1404].letters == 5 and results[1404].letter_documents == 2
    assert "دفتر نامه‌ها" in results[1404].summary() and not results[1405].notes
    imported = Secretariat(empty)
    after = {year: (ranking(imported, year), register(imported, year)) for year in YEARS}
    assert after == before
    standings = after[1404][0]["standings"]
    assert [(s[0], s[1], s[2], s[3]) for s in standings] == [
        (EDUCATION, 92, 1, "ممتاز"),
        (UNIVERSITY, 80, 2, "برتر"),
        (MUNICIPALITY, 80, 2, "برتر"),
        ("اداره ورزش و جوانان شهرستان پردیس", 42, 4, "نیازمند بهبود"),
    ]
    assert after[1405][0]["status"][0] == "draft"
    for year in YEARS:
        again = export_archive(empty, year, tmp_path / f"again-{year}.zip").path
        with zipfile.ZipFile(archives[year]) as first, zipfile.ZipFile(again) as second:
            for name in DATA_FILES:
                assert first.read(name) == second.read(name), (year, name)
            documents = [n for n in first.namelist() if n.startswith("letters/")]
            assert documents == [n for n in second.namelist() if n.startswith("letters/")]
            assert all(first.read(n) == second.read(n) for n in documents)


def test_the_evaluations_printed_codes_match_the_imported_records(archives, empty):
    for year in (1403, 1404):  # last year's ranks are part of 1404's printouts
        import_archive(empty, archives[year])
    codes = printed_codes(archives[1404], "evaluation/ranking-1404.pdf")
    codes += printed_codes(archives[1404], "evaluation/certificates-1404.pdf")
    assert len({c for c in codes if c.startswith("E1404-R-")}) == 1
    assert len({c for c in codes if c.startswith("E1404-C")}) == 3
    for code in set(codes):
        check = verify_document(empty, code)
        assert check.matches and not check.amended_since, check.message


def test_a_reprint_in_the_importing_database_is_a_new_letter_not_the_imported_one(
    original, archives, world, empty
):
    draft = OutgoingDraft(
        kind=LetterKind.FOLLOWUP.value,
        source_key=world.followup_source_key,
        party=EDUCATION,
        subject="پیگیری",
    )
    assert original.letters.issue(draft).copy  # where it was issued: a copy of 1/ش/1404
    for year in YEARS:
        import_archive(empty, archives[year])
    issued = Secretariat(empty).letters.issue(draft)
    assert not issued.copy and issued.number == "2/ش/1405"  # numbering goes on after the imported ones


def test_a_year_imported_alone_leaves_what_it_names_outside_unlinked_and_says_so(archives, empty):
    result = import_archive(empty, archives[1405])
    notes = "\n".join(result.notes)
    assert "1404-01" in notes and "۱/ش/۱۴۰۴" in notes and "۱۴۰۴-۰۱-۰۱" in notes
    letters = Secretariat(empty).letters
    answer = letters.find("1/و/1405")
    communication = letters.find("1/ش/1405")
    assert answer.answers_letter_id is None and communication.meeting_id is None
    assert not communication.resolution_ids


def test_an_existing_council_keeps_its_agencies_and_indicators_and_the_draft_ranks_them(archives, empty):
    secretariat = Secretariat(empty)
    secretariat.council.create(CouncilDraft(name=COUNCIL, city="پردیس", chair=CHAIR, secretary=SECRETARY))
    spelled = EDUCATION.replace("اداره", "ادارهٔ")  # the same agency, spelled another way
    ours = secretariat.agencies.add(AgencyDraft(name=spelled)).id
    news = next(i for i in secretariat.indicators.list() if i.name == NEWS)
    result = import_archive(empty, archives[1405])
    assert result.evaluation and result.agencies_matched == 1
    evaluation = secretariat.evaluations.get(1405)
    activity = evaluation.criterion(ACTIVITY)
    assert activity.indicator_id == news.id
    standings = {s.agency_id: s for s in secretariat.evaluations.ranking(1405).standings}
    assert standings[ours].agency == spelled
    cell = standings[ours].cells[activity.id]
    assert cell.score == pytest.approx(4)  # 12 of the best 30, out of 10


def test_an_archive_of_schema_version_3_still_imports(archives, empty, tmp_path):
    data = records(archives[1404])
    data["version"] = 3
    for table in TABLES:
        if table.since == 4:
            del data["tables"][table.name], data["counts"][table.name]
    path = tmp_path / "version-3.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = import_archive(empty, path)
    assert result.meetings == 2 and not result.evaluation and result.letters == 0
    assert Secretariat(empty).evaluations.years() == ()


def test_a_bare_json_file_imports_the_letters_without_their_documents(archives, empty, tmp_path):
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records(archives[1404]), ensure_ascii=False), encoding="utf-8")
    result = import_archive(empty, path)
    assert (result.letters, result.letter_documents, result.letter_documents_skipped) == (5, 0, 2)
    assert "پرونده نامه وارد نشد" in result.summary()
    assert not Secretariat(empty).letters.find("1/ش/1404").has_document


@pytest.mark.parametrize(
    "prepare, message",
    [
        pytest.param(
            lambda s: s.evaluations.create(1404),
            "از پیش ارزیابی عملکرد روابط عمومی‌های سال ۱۴۰۴",
            id="the-years-evaluation",
        ),
        pytest.param(
            lambda s: s.letters.issue(_letter(), on=jalali.from_jalali(1404, 2, 1)),
            "نامه‌ای با شماره «۱/ش/۱۴۰۴» در این پایگاه داده هست",
            id="a-letter-number",
        ),
        pytest.param(
            lambda s: (
                s.letters.set_pattern("{seq}-د-{year}"),
                s.letters.issue(_letter(), on=jalali.from_jalali(1404, 2, 1)),
            ),
            "ردیف ۱ نامه‌های صادره سال ۱۴۰۴",
            id="a-place-in-the-sequence",
        ),
    ],
)
def test_a_database_with_the_years_evaluation_or_letters_is_refused_and_nothing_changes(
    archives, empty, tmp_path, capsys, prepare, message
):
    secretariat = Secretariat(empty)
    secretariat.council.create(CouncilDraft(name=COUNCIL, city="پردیس", chair=CHAIR, secretary=SECRETARY))
    prepare(secretariat)
    before = table_rows(tmp_path / "empty.sqlite3")
    with pytest.raises(DomainError, match=message) as refused:
        import_archive(empty, archives[1404])
    assert "چیزی وارد نشد" in refused.value.message
    assert table_rows(tmp_path / "empty.sqlite3") == before


def _letter() -> OutgoingDraft:
    return OutgoingDraft(kind=LetterKind.OTHER.value, source_key="", party="اداره ثبت", subject="استعلام")


def test_a_letter_document_whose_bytes_changed_stops_the_import_after_the_rest_was_written(
    archives, empty, tmp_path
):
    """All or nothing: the documents are read last; the manifest made to agree, the SHA-256 refuses."""
    victim = "letters/out/1_ش_1404.pdf"
    with zipfile.ZipFile(archives[1404]) as z:
        manifest = json.loads(z.read("manifest.json"))
        data = z.read(victim)
    altered = data[:20] + bytes([data[20] ^ 1]) + data[21:]
    for entry in manifest["files"]:
        if entry["path"] == victim:
            entry["sha256"] = hashlib.sha256(altered).hexdigest()
    changed = tmp_path / "changed.zip"
    rewrite_zip(
        archives[1404],
        changed,
        change=lambda name, content: (
            altered
            if name == victim
            else json.dumps(manifest).encode()
            if name == "manifest.json"
            else content
        ),
    )
    before = table_rows(tmp_path / "empty.sqlite3")
    with pytest.raises(DomainError, match="پرونده نامه ۱/ش/۱۴۰۴.*چکیده"):
        import_archive(empty, changed)
    assert table_rows(tmp_path / "empty.sqlite3") == before


# -- printed codes ----------------------------------------------------------------------------


def test_a_copy_printed_before_the_amendment_still_matches_and_says_so(original):
    data = gather_evaluation(original, 1404)
    education = next(s for s in data.standings if s.agency == EDUCATION)
    innovation = next(c for c in data.evaluation.criteria if c.name == INNOVATION)
    cell = education.cells[innovation.id]
    assert (cell.original, cell.score) == (34, 36)
    # As printed before the amendment: 34 on innovation, 90 in all; still first and ممتاز.
    before_cell = replace(cell, score=34, original=None, amendments=())
    before_standing = replace(education, cells={**education.cells, innovation.id: before_cell}, total=90)
    before = replace(
        data,
        ranking=replace(
            data.ranking,
            standings=tuple(before_standing if s is education else s for s in data.standings),
        ),
    )
    for earlier, now in (
        (ranking_seal(before), ranking_seal(data)),
        (scorecard_seal(before, before_standing), scorecard_seal(data, education)),
    ):
        check = verify_document(original.database, earlier.code)
        assert check.matches and check.amended_since and check.current_code == now.code, check.message
        assert now.code in check.message
        assert verify_document(original.database, earlier.payload).matches


def test_a_changed_or_unknown_evaluation_code_does_not_match(original):
    data = gather_evaluation(original, 1404)
    seal = ranking_seal(data)
    wrong = seal.code[:-1] + ("0" if seal.code[-1] != "0" else "1")
    check = verify_document(original.database, wrong)
    assert not check.matches and check.current_code == seal.code and "نمی‌خواند" in check.message
    card = scorecard_seal(data, data.standings[0])
    assert verify_document(original.database, to_persian_digits(card.code.lower())).matches
    forged = card.payload[:-1] + ("0" if card.payload[-1] != "0" else "1")
    assert not verify_document(original.database, forged).matches
    draft = verify_document(original.database, "E1405-R-ABCDEF12")
    assert not draft.matches and "منتشر نشده" in draft.message
    assert "ارزیابی سال ۱۳۹۹" in verify_document(original.database, "E1399-S001-ABCDEF12").message


def test_the_command_line_checks_an_evaluation_code(source, archives, capsys):
    database_path = str(source[0])
    [code] = {c for c in printed_codes(archives[1404], "evaluation/ranking-1404.pdf")}
    assert main(["--db", database_path, "archive", "verify-document", code]) == 0
    assert "رتبه‌بندی ارزیابی سال ۱۴۰۴" in capsys.readouterr().out
    changed = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert main(["--db", database_path, "archive", "verify-document", changed]) == 1
    assert main(["--db", database_path, "archive", "verify-document", "E1404-X-1"]) == 2
    assert "E1404-R-9F3A1C2B" in capsys.readouterr().err


# -- tampered values ------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path) -> str:
    if request.param == "postgresql":
        return fresh_postgres()
    return str(tmp_path / "target.sqlite3")


def place(data: dict[str, Any], table: str, found: dict[str, Any], field: str) -> str:
    number = next(i for i, r in enumerate(data["tables"][table], start=1) if r is found)
    return f"جدول {table}، ردیف {to_persian_digits(number)}، ستون {field}"


def row(data: dict[str, Any], table: str, **match: Any) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in data["tables"][table] if all(r[k] == v for k, v in match.items()))
    return found


def _a_jury_score_above_its_maximum(data):
    found = data["tables"]["jury_scores"][0]
    found["score"] = 41
    return "امتیاز ۴۱ پذیرفتنی نیست (از ۰ تا ۴۰)", place(data, "jury_scores", found, "score")


def _a_negative_result(data):
    found = data["tables"]["evaluation_results"][0]
    found["score"] = -1
    return "پذیرفتنی نیست", place(data, "evaluation_results", found, "score")


def _an_amendment_above_its_maximum(data):
    found = data["tables"]["evaluation_amendments"][0]
    found["score"] = 45
    return "امتیاز ۴۵", place(data, "evaluation_amendments", found, "score")


def _an_amendment_of_another_score(data):
    found = data["tables"]["evaluation_amendments"][0]
    found["previous_score"] = 30
    return "امتیاز در جریان", place(data, "evaluation_amendments", found, "previous_score")


def _a_criterion_worth_nothing(data):
    found = data["tables"]["evaluation_criteria"][0]
    found["max_score"] = 0
    return "بیشینه امتیاز", place(data, "evaluation_criteria", found, "max_score")


def _an_unknown_source(data):
    found = data["tables"]["evaluation_criteria"][0]
    found["source"] = "lottery"
    return "lottery", place(data, "evaluation_criteria", found, "source")


def _an_unknown_jury_rule(data):
    found = data["tables"]["evaluations"][0]
    found["jury_rule"] = "loudest"
    return "loudest", place(data, "evaluations", found, "jury_rule")


def _a_jury_score_for_a_computed_criterion(data):
    found = data["tables"]["jury_scores"][0]
    found["criterion"] = "C01"
    return "از سوابق حساب می‌شود", place(data, "jury_scores", found, "criterion")


def _a_jury_score_twice(data):
    first, second = data["tables"]["jury_scores"][:2]
    second["evaluator"] = first["evaluator"].replace("ی", "ي")
    return "دو بار امتیاز", place(data, "jury_scores", second, "evaluator")


def _results_of_a_draft(data):
    found = data["tables"]["evaluations"][0]
    found["status"], found["published_at"] = "draft", None
    return "پیش‌نویس", "جدول evaluation_results، ردیف ۱"


def _a_missing_result(data):
    del data["tables"]["evaluation_results"][0]
    return "نتیجه منتشرشده ندارد", "جدول evaluation_results"


def _a_published_evaluation_without_its_time(data):
    found = data["tables"]["evaluations"][0]
    found["published_at"] = None
    return "زمان انتشار", place(data, "evaluations", found, "published_at")


def _an_evaluation_of_another_year(data):
    found = data["tables"]["evaluations"][0]
    found["year"] = 1403
    return "ارزیابی از سال ۱۴۰۳", place(data, "evaluations", found, "year")


def _two_criteria_of_one_name(data):
    first, second = data["tables"]["evaluation_criteria"][1:3]
    second["name"] = first["name"].replace("ی", "ي")
    return "معیار دیگری", place(data, "evaluation_criteria", second, "name")


def _a_tier_above_the_total(data):
    found = data["tables"]["evaluation_tiers"][0]
    found["min_score"] = 150
    return "امتیاز ۱۵۰", place(data, "evaluation_tiers", found, "min_score")


def _a_dangling_criterion(data):
    found = data["tables"]["jury_scores"][0]
    found["criterion"] = "C99"
    return "C99", place(data, "jury_scores", found, "criterion")


def _a_dangling_agency(data):
    found = data["tables"]["evaluation_results"][0]
    found["agency"] = "A999"
    return "A999", place(data, "evaluation_results", found, "agency")


def _a_letter_of_another_year(data):
    found = row(data, "letters", number="3/ش/1404")
    found["year"] = 1405
    return "نامه از سال ۱۴۰۵", place(data, "letters", found, "year")


def _a_letter_dated_outside_its_year(data):
    found = row(data, "letters", number="3/ش/1404")
    found["date"] = "2026-04-01"
    return "در سال ۱۴۰۴ نیست", place(data, "letters", found, "date")


def _a_place_in_the_sequence_twice(data):
    found = row(data, "letters", number="2/ش/1404")
    found["seq"] = 1
    return "ردیف ۱", place(data, "letters", found, "seq")


def _an_unknown_letter_kind(data):
    found = row(data, "letters", number="1/ش/1404")
    found["kind"] = "telegram"
    return "telegram", place(data, "letters", found, "kind")


def _an_unknown_direction(data):
    found = row(data, "letters", number="1/ش/1404")
    found["direction"] = "sideways"
    return "sideways", place(data, "letters", found, "direction")


def _an_outgoing_letter_of_the_incoming_kind(data):
    found = row(data, "letters", number="3/ش/1404")
    found["kind"] = "incoming"
    return "سوی نامه", place(data, "letters", found, "kind")


def _an_answer_to_a_letter_received(data):
    found = row(data, "letters", number="2/و/1404")
    found["answers_letter"] = "1/و/1404"
    return "صادره", place(data, "letters", found, "answers_letter")


def _their_date_after_receipt(data):
    found = row(data, "letters", number="1/و/1404")
    found["their_date"] = "2025-07-20"
    return "پس از تاریخ دریافت", place(data, "letters", found, "their_date")


def _a_voided_letter_without_its_reason(data):
    found = row(data, "letters", number="2/ش/1404")
    found["voided_reason"] = " "
    return "دلیل ابطال", place(data, "letters", found, "voided_reason")


def _a_report_month_13(data):
    found = row(data, "letters", number="3/ش/1404")
    found["report_year"], found["report_month"] = 1404, 13
    return "ماه ۱۳", place(data, "letters", found, "report_month")


def _a_link_to_a_letter_not_there(data):
    found = data["tables"]["letter_resolutions"][0]
    found["letter"] = "9/ش/1404"
    return "9/ش/1404", place(data, "letter_resolutions", found, "letter")


def _a_document_outside_its_folder(data):
    found = data["tables"]["letter_documents"][0]
    found["path"] = "attachments/x.pdf"
    return "letters/", place(data, "letter_documents", found, "path")


def _a_document_that_is_not_a_letter(data):
    found = data["tables"]["letter_documents"][0]
    found["media_type"] = "text/html"
    return "PDF یا تصویر", place(data, "letter_documents", found, "media_type")


def _a_document_twice(data):
    data["tables"]["letter_documents"].append(dict(data["tables"]["letter_documents"][0]))
    return "دو پرونده", "جدول letter_documents"


TAMPERING = [
    _a_jury_score_above_its_maximum,
    _a_negative_result,
    _an_amendment_above_its_maximum,
    _an_amendment_of_another_score,
    _a_criterion_worth_nothing,
    _an_unknown_source,
    _an_unknown_jury_rule,
    _a_jury_score_for_a_computed_criterion,
    _a_jury_score_twice,
    _results_of_a_draft,
    _a_missing_result,
    _a_published_evaluation_without_its_time,
    _an_evaluation_of_another_year,
    _two_criteria_of_one_name,
    _a_tier_above_the_total,
    _a_dangling_criterion,
    _a_dangling_agency,
    _a_letter_of_another_year,
    _a_letter_dated_outside_its_year,
    _a_place_in_the_sequence_twice,
    _an_unknown_letter_kind,
    _an_unknown_direction,
    _an_outgoing_letter_of_the_incoming_kind,
    _an_answer_to_a_letter_received,
    _their_date_after_receipt,
    _a_voided_letter_without_its_reason,
    _a_report_month_13,
    _a_link_to_a_letter_not_there,
    _a_document_outside_its_folder,
    _a_document_that_is_not_a_letter,
    _a_document_twice,
]


@pytest.mark.parametrize("tamper", TAMPERING, ids=lambda f: f.__name__.strip("_"))
def test_a_tampered_evaluation_or_letter_is_refused_and_changes_nothing(
    archives, tmp_path, target, capsys, tamper
):
    data = records(archives[1404])
    fragments = tamper(data)
    bad = tampered(archives[1404], tmp_path / "tampered.zip", data)
    database = open_database(target)
    try:
        before = table_rows(target)
        with pytest.raises(DomainError) as refused:
            import_archive(database, bad)
        message = refused.value.message
        assert all(fragment in message for fragment in fragments), message
        assert "چیزی وارد نشد" in message
        assert table_rows(target) == before
    finally:
        database.close()
    capsys.readouterr()
    assert main(["--db", target, "archive", "import", str(bad)]) == 2
    assert fragments[0] in capsys.readouterr().err
    assert table_rows(target) == before
