"""``users ...`` and ``--user``: the first account, signing in before every command once a council
has accounts, passwords from the terminal or the environment, wrong passwords slowed down."""

from __future__ import annotations

import getpass
import json
import sys

import pytest

from secretariat.cli import main
from tests.support.office_accounts import ACCOUNTS, add_accounts_to, password

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"


@pytest.fixture
def council(tmp_path, monkeypatch):
    """A council without accounts, and no password in the environment."""
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SECRETARIAT_PASSWORD", raising=False)
    monkeypatch.delenv("SECRETARIAT_NEW_PASSWORD", raising=False)
    path = tmp_path / "council.sqlite3"
    assert main(["--db", str(path), "init", "--council", COUNCIL]) == 0
    return path


@pytest.fixture
def office(council):
    """The council with a secretary (dabir), an expert (karshenas) and a viewer (nazer)."""
    add_accounts_to(council)
    return council


def run(path, *args, user=None, secret=None, monkeypatch=None):
    if monkeypatch is not None:
        if secret is None:
            monkeypatch.delenv("SECRETARIAT_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("SECRETARIAT_PASSWORD", secret)
    head = ["--db", str(path)] + (["--user", user] if user else [])
    return main([*head, *args])


def as_user(path, monkeypatch, user, *args):
    return run(path, *args, user=user, secret=password(user), monkeypatch=monkeypatch)


def agencies(path, monkeypatch, capsys, user="dabir"):
    capsys.readouterr()
    assert as_user(path, monkeypatch, user, "agencies", "list", "--json") == 0
    return [row["name"] for row in json.loads(capsys.readouterr().out)]


def test_the_first_account_is_the_secretary_and_then_every_command_signs_in(council, monkeypatch, capsys):
    monkeypatch.setenv("SECRETARIAT_PASSWORD", "dabir-secret")
    assert (
        run(council, "users", "add", "--username", "Dabir", "--name", "مریم احمدی", "--role", "viewer") == 0
    )
    out = capsys.readouterr().out
    assert "«dabir»" in out and "«دبیر»" in out and "نخستین حساب شورا دبیر آن است" in out

    monkeypatch.delenv("SECRETARIAT_PASSWORD")
    assert run(council, "agencies", "list") == 2
    assert "--user" in capsys.readouterr().err
    assert run(council, "agencies", "list", user="dabir", secret="dabir-secret", monkeypatch=monkeypatch) == 0
    assert "دستگاه" in capsys.readouterr().out


def test_a_council_without_accounts_works_as_before_and_refuses_a_user(council, monkeypatch, capsys):
    assert run(council, "agencies", "add", "--name", "اداره پست") == 0
    capsys.readouterr()
    assert run(council, "agencies", "list", user="dabir", secret="x", monkeypatch=monkeypatch) == 2
    assert "هنوز حساب کاربری ندارد" in capsys.readouterr().err
    assert run(council, "users", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_users_list_says_username_name_role_and_whether_active(office, monkeypatch, capsys):
    assert as_user(office, monkeypatch, "nazer", "users", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {"username": name, "name": full, "role": role, "role_label": label, "active": True}
        for (name, (full, role, _)), label in zip(ACCOUNTS.items(), ["دبیر", "کارشناس", "ناظر"], strict=True)
    ]
    assert as_user(office, monkeypatch, "nazer", "users", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["نام کاربری", "نام", "نقش", "وضعیت"]
    assert lines[2].split("\t") == ["karshenas", "علی رضایی", "کارشناس", "فعال"]
    assert lines[-1] == "۳ کاربر"


def test_a_wrong_password_is_refused_and_changes_nothing(office, monkeypatch, capsys):
    assert (
        run(
            office,
            "agencies",
            "add",
            "--name",
            "اداره پست",
            user="dabir",
            secret="wrong!",
            monkeypatch=monkeypatch,
        )
        == 2
    )
    assert capsys.readouterr().err.strip() == "خطا: نام کاربری یا گذرواژه درست نیست."
    assert run(office, "agencies", "list", user="nobody", secret="wrong!", monkeypatch=monkeypatch) == 2
    assert "نام کاربری یا گذرواژه درست نیست" in capsys.readouterr().err
    assert agencies(office, monkeypatch, capsys) == []


def test_after_three_wrong_passwords_even_the_right_one_waits(office, monkeypatch, capsys):
    for _ in range(3):
        assert run(office, "agencies", "list", user="nazer", secret="guess", monkeypatch=monkeypatch) == 2
    capsys.readouterr()
    assert as_user(office, monkeypatch, "nazer", "agencies", "list") == 2
    error = capsys.readouterr().err
    assert "چند بار پیاپی گذرواژه نادرست وارد شد" in error and "ثانیه دیگر دوباره بکوشید" in error
    assert as_user(office, monkeypatch, "dabir", "agencies", "list") == 0  # another account is not slowed


def test_without_a_terminal_or_the_variable_the_password_is_refused(office, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", _Stdin(tty=False))
    assert run(office, "agencies", "list", user="dabir", monkeypatch=monkeypatch) == 2
    assert "SECRETARIAT_PASSWORD" in capsys.readouterr().err


def test_the_password_is_read_from_the_terminal_without_echo(office, monkeypatch, capsys):
    typed = iter([password("dabir")])
    prompts = []
    monkeypatch.setattr(sys, "stdin", _Stdin(tty=True))
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or next(typed))
    assert run(office, "agencies", "add", "--name", "اداره پست", user="dabir", monkeypatch=monkeypatch) == 0
    assert prompts == ["گذرواژه «dabir»: "]
    assert agencies(office, monkeypatch, capsys) == ["اداره پست"]


def test_a_new_password_typed_twice_must_match(office, monkeypatch, capsys):
    typed = iter([password("dabir"), "new-secret-1", "new-secret-2"])
    monkeypatch.setattr(sys, "stdin", _Stdin(tty=True))
    monkeypatch.setattr(getpass, "getpass", lambda _prompt: next(typed))
    args = ["users", "add", "--username", "reza", "--name", "رضا موسوی", "--role", "expert"]
    assert run(office, *args, user="dabir", monkeypatch=monkeypatch) == 2
    assert "دو گذرواژه یکی نبودند" in capsys.readouterr().err
    assert "reza" not in _usernames(office, monkeypatch, capsys)


def test_the_secretary_adds_a_user_whose_password_comes_from_the_second_variable(office, monkeypatch, capsys):
    monkeypatch.setenv("SECRETARIAT_NEW_PASSWORD", "reza-secret")
    args = ["users", "add", "--username", "reza", "--name", "رضا موسوی", "--role", "کارشناس"]
    assert as_user(office, monkeypatch, "dabir", *args) == 0
    assert "«کارشناس»" in capsys.readouterr().out
    assert run(office, "agencies", "list", user="reza", secret="reza-secret", monkeypatch=monkeypatch) == 0


@pytest.mark.parametrize("user", ["karshenas", "nazer"])
def test_only_the_secretary_manages_users(office, monkeypatch, capsys, user):
    monkeypatch.setenv("SECRETARIAT_NEW_PASSWORD", "reza-secret")
    for args in (
        ["users", "add", "--username", "reza", "--name", "رضا موسوی", "--role", "viewer"],
        ["users", "deactivate", "dabir"],
        ["users", "role", "dabir", "--role", "viewer"],
        ["users", "passwd", "dabir"],
    ):
        assert as_user(office, monkeypatch, user, *args) == 2, args
        assert "«مدیریت کاربران» در اختیار نقش" in capsys.readouterr().err
    assert as_user(office, monkeypatch, "dabir", "users", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["username"], r["role"], r["active"]) for r in rows] == [
        ("dabir", "secretary", True),
        ("karshenas", "expert", True),
        ("nazer", "viewer", True),
    ]
    assert (
        run(office, "agencies", "list", user="dabir", secret=password("dabir"), monkeypatch=monkeypatch) == 0
    )


def test_each_user_changes_their_own_password_the_sign_in_one_being_the_old(office, monkeypatch, capsys):
    monkeypatch.setenv("SECRETARIAT_NEW_PASSWORD", "nazer-new-secret")
    assert as_user(office, monkeypatch, "nazer", "users", "passwd", "nazer") == 0
    assert "گذرواژه شما تغییر کرد" in capsys.readouterr().out
    monkeypatch.delenv("SECRETARIAT_NEW_PASSWORD")
    assert as_user(office, monkeypatch, "nazer", "agencies", "list") == 2
    assert (
        run(office, "agencies", "list", user="nazer", secret="nazer-new-secret", monkeypatch=monkeypatch) == 0
    )


def test_the_secretary_resets_a_password_deactivates_and_changes_a_role(office, monkeypatch, capsys):
    monkeypatch.setenv("SECRETARIAT_NEW_PASSWORD", "reset-secret")
    assert as_user(office, monkeypatch, "dabir", "users", "passwd", "karshenas") == 0
    assert (
        run(office, "agencies", "list", user="karshenas", secret="reset-secret", monkeypatch=monkeypatch) == 0
    )
    assert as_user(office, monkeypatch, "dabir", "users", "role", "nazer", "--role", "expert") == 0
    assert "«کارشناس»" in capsys.readouterr().out
    assert as_user(office, monkeypatch, "nazer", "agencies", "add", "--name", "اداره پست") == 0
    assert as_user(office, monkeypatch, "dabir", "users", "deactivate", "nazer") == 0
    capsys.readouterr()
    assert as_user(office, monkeypatch, "nazer", "agencies", "list") == 2
    assert "غیرفعال" in capsys.readouterr().err


def test_the_council_keeps_a_secretary(office, monkeypatch, capsys):
    assert as_user(office, monkeypatch, "dabir", "users", "role", "dabir", "--role", "viewer") == 2
    assert "دست‌کم یک دبیر" in capsys.readouterr().err
    assert as_user(office, monkeypatch, "dabir", "users", "role", "nazer", "--role", "boss") == 2
    assert "نقش «boss» شناخته نیست" in capsys.readouterr().err


def _usernames(path, monkeypatch, capsys) -> list[str]:
    monkeypatch.setattr(sys, "stdin", _Stdin(tty=False))
    capsys.readouterr()
    assert as_user(path, monkeypatch, "dabir", "users", "list", "--json") == 0
    return [row["username"] for row in json.loads(capsys.readouterr().out)]


class _Stdin:
    """Standard input that is, or is not, a terminal (the password is then asked with getpass)."""

    def __init__(self, *, tty: bool):
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty

    def read(self, *_args):
        raise AssertionError("the password is never read from plain standard input")

    readline = read
