"""``evaluation ...`` on the command line: the window's rules, exit 2 and a Persian message for
every refusal, and the JSON shapes scripts read."""

import json
import shutil

import pytest

from secretariat.cli import main

AGENCIES = ["بانک ملی", "اداره کل ورزش و جوانان", "دانشگاه پیام نور"]


@pytest.fixture(scope="module")
def council_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("council") / "council.sqlite3"

    def run(*args):
        assert main(["--db", str(path), *args]) == 0

    run("init", "--council", "شورای هماهنگی روابط عمومی‌های استان البرز")
    for name in AGENCIES:
        run("agencies", "add", "--name", name)
    run("evaluation", "create", "--year", "۱۴۰۴")
    return path


@pytest.fixture
def cli(council_file, tmp_path, capsys):
    path = tmp_path / "council.sqlite3"
    shutil.copyfile(council_file, path)

    def run(*args):
        capsys.readouterr()
        code = main(["--db", str(path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def as_json(cli, *args):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def refused(cli, *args) -> str:
    code, out, err = cli(*args)
    assert code == 2, out
    assert err.startswith("خطا: ")
    return err


def jury_criteria(cli):
    return [c for c in as_json(cli, "evaluation", "criteria", "--year", "1404") if c["source"] == "manual"]


def score_everyone(cli, value="10"):
    for criterion in jury_criteria(cli):
        for agency in AGENCIES:
            code, _out, err = cli(
                "evaluation", "score", "--year", "1404", "--agency", agency,
                "--criterion", str(criterion["id"]), "--score", value, "--by", "داور",
            )  # fmt: skip
            assert code == 0, err


def test_criteria_list_their_source_and_maximum(cli):
    criteria = as_json(cli, "evaluation", "criteria", "--year", "1404")
    assert {"id", "name", "max_score", "source"} <= set(criteria[0])
    assert sum(c["max_score"] for c in criteria) == 100
    assert {c["source"] for c in criteria} == {
        "attendance",
        "resolutions",
        "monthly_reports",
        "activity",
        "manual",
    }


def test_a_second_evaluation_of_the_year_is_refused(cli):
    assert "پیش‌تر" in refused(cli, "evaluation", "create", "--year", "1404")
    assert "سال" in refused(cli, "evaluation", "create", "--year", "هزار")


def test_scores_are_refused_above_the_maximum_or_for_a_computed_criterion(cli):
    manual = jury_criteria(cli)[0]
    computed = next(
        c for c in as_json(cli, "evaluation", "criteria", "--year", "1404") if c["source"] == "attendance"
    )
    args = ("evaluation", "score", "--year", "1404", "--agency", "بانک ملي", "--by", "داور")
    assert "میان ۰ و" in refused(cli, *args, "--criterion", manual["name"], "--score", "۹۹")
    assert "از سوابق" in refused(cli, *args, "--criterion", str(computed["id"]), "--score", "5")
    assert "پیدا نشد" in refused(
        cli, "evaluation", "score", "--year", "1404", "--agency", "ناشناس",
        "--criterion", "1", "--score", "1", "--by", "داور",
    )  # fmt: skip
    code, out, _err = cli(*args, "--criterion", manual["name"], "--score", "۱۲٫۵")
    assert code == 0 and "۱۲٫۵" in out


def test_the_ranking_shares_ties_in_persian_order(cli):
    score_everyone(cli)
    ranking = as_json(cli, "evaluation", "ranking", "--year", "1404")
    assert [row["rank"] for row in ranking] == [1, 1, 1]
    assert [row["agency"] for row in ranking] == ["اداره کل ورزش و جوانان", "بانک ملی", "دانشگاه پیام نور"]
    assert {"rank", "agency_id", "agency", "total", "tier", "previous_rank"} <= set(ranking[0])


def test_publish_waits_for_the_jury_then_freezes_and_amend_corrects(cli):
    assert "ثبت نشده" in refused(cli, "evaluation", "publish", "--year", "1404", "--by", "دبیر شورا")
    score_everyone(cli)
    code, _out, err = cli("evaluation", "publish", "--year", "1404", "--by", "دبیر شورا")
    assert code == 0, err
    manual = jury_criteria(cli)[0]
    assert "منتشر شده" in refused(
        cli, "evaluation", "score", "--year", "1404", "--agency", "بانک ملی",
        "--criterion", str(manual["id"]), "--score", "12", "--by", "داور",
    )  # fmt: skip
    code, out, err = cli(
        "evaluation", "amend", "--year", "1404", "--agency", "بانک ملی", "--criterion", str(manual["id"]),
        "--score", "14", "--reason", "نمره داور دوم جا افتاده بود", "--by", "دبیر شورا",
    )  # fmt: skip
    assert code == 0, err
    ranking = as_json(cli, "evaluation", "ranking", "--year", "1404")
    assert ranking[0]["agency"] == "بانک ملی" and ranking[0]["rank"] == 1 and ranking[1]["rank"] == 2
