"""How the command line opens the database: read-only commands never make or fill one."""

import pytest

from secretariat.cli import main

READ_ONLY_COMMANDS = [
    ["agencies", "list"],
    ["people", "list"],
    ["meetings", "list"],
    ["resolutions", "list"],
    ["resolutions", "dashboard"],
    ["monthly", "indicators"],
    ["monthly", "matrix", "--year", "1405"],
    ["monthly", "export", "--year", "1405", "--out", "{tmp}/monthly.xlsx"],
    ["backup", "--out", "{tmp}/copy.sqlite3"],
    ["report", "register", "--out", "{tmp}/register.pdf"],
    ["archive", "export", "--year", "1404", "--out", "{tmp}/archive.zip"],
]


def test_a_zero_byte_file_given_to_agencies_list_is_refused_and_stays_empty(tmp_path, capsys):
    path = tmp_path / "council.sqlite3"
    path.write_bytes(b"")
    assert main(["--db", str(path), "agencies", "list"]) == 2
    err = capsys.readouterr().err
    assert "خالی است" in err and "council.sqlite3" in err
    assert path.read_bytes() == b""
    assert [p.name for p in tmp_path.iterdir()] == ["council.sqlite3"]


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_read_only_commands_neither_create_nor_fill_a_database(tmp_path, capsys, command):
    args = [part.format(tmp=tmp_path) for part in command]
    missing = tmp_path / "missing.sqlite3"
    assert main(["--db", str(missing), *args]) == 2
    assert "پیدا نشد" in capsys.readouterr().err
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert main(["--db", str(empty), *args]) == 2
    assert "خالی است" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3"]
    assert empty.read_bytes() == b""


def test_a_truncated_database_is_refused_by_the_command_line_untouched(tmp_path, capsys):
    path = tmp_path / "council.sqlite3"
    assert main(["--db", str(path), "init", "--council", "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"]) == 0
    path.write_bytes(path.read_bytes()[:-1000])
    before = path.read_bytes()
    assert main(["--db", str(path), "agencies", "add", "--name", "شهرداری پردیس"]) == 2
    assert "آسیب دیده یا ناقص" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["council.sqlite3"]


def test_init_still_makes_a_new_database(tmp_path):
    path = tmp_path / "council.sqlite3"
    assert main(["--db", str(path), "init", "--council", "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"]) == 0
    assert main(["--db", str(path), "agencies", "list"]) == 0
