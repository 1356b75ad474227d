"""Start-up on a PC that saved a shared database: it opens that one; when it cannot, it says
why and offers this PC's own SQLite council (or to end the app), never a traceback."""

from __future__ import annotations

import pytest

from secretariat import paths
from secretariat.core import Secretariat
from secretariat.members.council import CouncilDraft
from secretariat.office import connection
from secretariat.office.connection import PASSWORD_VARIABLE
from tests.support import keyrings
from tests.support.backends import needs_postgres
from tests.support.postgres_databases import empty_postgres
from ui import messages
from ui.office import wording
from ui.start import startup
from ui.start.startup import Source, StartupCancelled, choose_database, start_source

LOCAL_COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
SHARED_COUNCIL = "شورای هماهنگی روابط عمومی‌های استان تهران"


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)


@pytest.fixture(autouse=True)
def memory_keyring():
    with keyrings.using(keyrings.memory()) as backend:
        yield backend


@pytest.fixture
def local_council():
    with Secretariat.open(paths.default_database_path()) as local:
        local.council.create(CouncilDraft(name=LOCAL_COUNCIL, city="پردیس"))


@pytest.fixture
def asked(monkeypatch):
    questions: list[str] = []
    reply = {"yes": True}

    def confirm(_parent, text, **_kwargs):
        questions.append(text)
        return reply["yes"]

    monkeypatch.setattr(messages, "confirm", confirm)
    return questions, reply


def council_name(database) -> str:
    record = Secretariat(database).council.get()
    assert record is not None
    return record.name


def test_the_source_is_the_demo_then_db_then_the_saved_connection_then_the_local_file():
    assert start_source(demo_requested=False, db_path=None) is Source.LOCAL
    connection.save("postgresql://dabir:pw@127.0.0.1:1/council")
    assert start_source(demo_requested=False, db_path=None) is Source.SHARED
    assert start_source(demo_requested=False, db_path="other.sqlite3") is Source.GIVEN
    assert start_source(demo_requested=True, db_path=None) is Source.DEMO
    connection.forget()
    assert start_source(demo_requested=False, db_path=None) is Source.LOCAL


def test_a_shared_database_out_of_reach_offers_the_local_council(persian_app, local_council, asked):
    questions, _reply = asked
    connection.save("postgresql://dabir:pw@127.0.0.1:1/council")
    database = choose_database(demo_requested=False, db_path=None)
    try:
        assert database.engine.dialect.name == "sqlite" and council_name(database) == LOCAL_COUNCIL
    finally:
        database.close()
    assert len(questions) == 1
    assert "127.0.0.1:1/council" in questions[0] and "پاسخ نداد" in questions[0]
    assert "pw" not in questions[0].replace("postgresql", "") and "Traceback" not in questions[0]


def test_declining_the_local_council_ends_the_app(persian_app, local_council, asked):
    _questions, reply = asked
    reply["yes"] = False
    connection.save("postgresql://dabir:pw@127.0.0.1:1/council")
    with pytest.raises(StartupCancelled) as cancelled:
        choose_database(demo_requested=False, db_path=None)
    assert cancelled.value.exit_code == 1


def test_without_a_keyring_the_password_is_asked_and_a_cancel_offers_the_local_council(
    persian_app, local_council, asked, monkeypatch
):
    questions, _reply = asked
    with keyrings.using(keyrings.none()):
        connection.save("postgresql://dabir:pw@127.0.0.1:1/council")
    prompts = []
    monkeypatch.setattr(startup, "ask_password", lambda saved: prompts.append(saved.address.user))
    database = choose_database(demo_requested=False, db_path=None)
    database.close()
    assert prompts == ["dabir"]
    assert wording.SHARED_NO_PASSWORD.format(user="dabir") in questions[0]


@needs_postgres
def test_the_saved_connection_opens_the_shared_council(persian_app, local_council, asked):
    with empty_postgres("secretariat_connection_start") as url:
        with Secretariat.open(url) as shared:
            shared.council.create(CouncilDraft(name=SHARED_COUNCIL, city="تهران"))
        connection.save(url)
        database = choose_database(demo_requested=False, db_path=None)
        try:
            assert database.engine.dialect.name == "postgresql"
            assert council_name(database) == SHARED_COUNCIL
        finally:
            database.close()
    assert asked[0] == []
