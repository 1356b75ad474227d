"""Two desks on one database editing the same record: the second save is refused, never written over.

Each test opens the database twice (two ``Secretariat`` objects, as two PCs
would), on SQLite and, with the test server's URL, on PostgreSQL. Both read
a record; the first saves; the second's save, made from the version it read,
is refused with «این رکورد را … در ساعت … تغییر داده است» naming the first
desk's user, and nothing of it is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from sqlalchemy import func, select

from db.models import Agency, AuditEntry
from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import ConflictError
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.members.agencies import AgencyDraft, draft_from_record
from secretariat.members.people import PersonDraft
from secretariat.office.accounts import UserDraft
from tests.support.backends import BACKENDS, database_location, needs_postgres
from tests.support.meetings import Council

NOW = dt.datetime(2025, 5, 3, 14, 35, 20)  # 1404/02/13, ۱۴:۳۵
FIRST_USER = "مریم احمدی"
SECOND_USER = "علی رضایی"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW.astimezone())
    monkeypatch.setattr(clock, "today", lambda: NOW.date())


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path):
    return database_location(request.param, tmp_path)


@pytest.fixture
def desks(location) -> Iterator[tuple[Secretariat, Secretariat]]:
    """Two desks on one database: the secretary at the first, an expert at the second."""
    with ExitStack() as stack:
        first = stack.enter_context(Secretariat.open(location))
        first.users.add(UserDraft("maryam", FIRST_USER, "secretary", "maryam-pass-1404"))
        first.users.add(UserDraft("ali", SECOND_USER, "expert", "ali-pass-1404"))
        second = stack.enter_context(Secretariat.open(location))
        second.users.sign_in("ali", "ali-pass-1404")
        yield first, second


def conflict_message(who: str) -> str:
    return (
        f"این رکورد را {who} در ساعت ۱۴:۳۵ تغییر داده است؛ آخرین نسخه نمایش داده شد. "
        "تغییرات خود را دوباره وارد کنید."
    )


def test_the_second_desk_saving_an_agency_it_read_before_is_refused_naming_the_first(desks):
    first, second = desks
    added = first.agencies.add(AgencyDraft(name="اداره کل آموزش و پرورش", phones="021-1111"))
    assert added.version == 1
    at_first = first.agencies.get(added.id)
    at_second = second.agencies.get(added.id)
    assert at_first.version == at_second.version == 1

    draft = draft_from_record(at_first)
    saved = first.agencies.update(
        added.id, AgencyDraft(**{**vars(draft), "phones": "021-2222"}), expected_version=at_first.version
    )
    assert saved.version == 2

    mine = draft_from_record(at_second)
    with pytest.raises(ConflictError) as refused:
        second.agencies.update(
            added.id,
            AgencyDraft(**{**vars(mine), "name": "آموزش و پرورش استان"}),
            expected_version=at_second.version,
        )
    assert refused.value.message == conflict_message(FIRST_USER)
    now = second.agencies.get(added.id)
    assert (now.name, now.phones, now.version) == ("اداره کل آموزش و پرورش", "021-2222", 2)
    assert [row.username for row in second.audit.history("agency", added.id)] == ["maryam", "maryam"]

    # Read again (as the window does on the refusal), the second desk's change goes through.
    again = second.agencies.update(
        added.id,
        AgencyDraft(**{**vars(draft_from_record(now)), "name": "آموزش و پرورش استان"}),
        expected_version=now.version,
    )
    assert (again.name, again.phones, again.version) == ("آموزش و پرورش استان", "021-2222", 3)
    assert second.audit.last_change("agency", added.id).username == "ali"


def test_without_accounts_the_message_names_another_desk(location):
    with Secretariat.open(location) as first, Secretariat.open(location) as second:
        person = first.people.add(PersonDraft(full_name="زهرا کریمی"))
        read = second.people.get(person.id)
        first.people.update(person.id, PersonDraft(full_name="زهرا کریمی", mobile="09121234567"))
        with pytest.raises(ConflictError) as refused:
            second.people.update(
                person.id, PersonDraft(full_name="زهرا کریمی‌نژاد"), expected_version=read.version
            )
        assert refused.value.message == conflict_message("میز دیگری")
        assert second.people.get(person.id).full_name == "زهرا کریمی"
        assert second.people.get(person.id).mobile == "09121234567"


def test_a_change_on_another_day_is_told_with_its_jalali_day(desks, monkeypatch):
    first, second = desks
    added = first.agencies.add(AgencyDraft(name="بانک ملی"))
    first.agencies.update(added.id, AgencyDraft(name="بانک ملی ایران"), expected_version=1)
    monkeypatch.setattr(clock, "today", lambda: NOW.date() + dt.timedelta(days=2))
    with pytest.raises(ConflictError) as refused:
        second.agencies.update(added.id, AgencyDraft(name="بانک ملی شعبه پردیس"), expected_version=1)
    assert f"{FIRST_USER} در ساعت ۱۴:۳۵ روز ۱۴۰۴/۰۲/۱۳ تغییر داده است" in refused.value.message


def test_meetings_and_resolutions_are_guarded_on_every_edit_path(desks):
    first, second = desks
    council = Council(first)
    lead, other = council.agency("فرمانداری"), council.agency("شهرداری")
    upcoming = council.plan("1420/01/15", venue="سالن اجتماعات")
    read = second.meetings.get(upcoming.id)
    first.meetings.update(
        upcoming.id, MeetingDraft(date="1420/01/15", venue="سالن شهرداری"), expected_version=read.version
    )
    for save in (
        lambda: second.meetings.update(
            upcoming.id, MeetingDraft(date="1420/01/15", venue="تالار"), expected_version=read.version
        ),
        lambda: second.meetings.postpone(upcoming.id, "1420/02/01", "سفر", expected_version=read.version),
        lambda: second.meetings.cancel(upcoming.id, "تعطیلی", expected_version=read.version),
    ):
        with pytest.raises(ConflictError) as refused:
            save()
        assert refused.value.message == conflict_message(FIRST_USER)
    meeting = second.meetings.get(upcoming.id)
    assert (meeting.venue, meeting.status.value, meeting.postponements) == ("سالن شهرداری", "planned", ())

    held = council.plan("1403/05/10")
    council.hold(held.id)
    resolution = council.resolve(held.id, "برگزاری نمایشگاه", lead)
    read = second.minutes.resolution(resolution.id)
    # Only its agencies change at the first desk: a change all the same.
    first.minutes.update_resolution(
        resolution.id,
        ResolutionDraft(
            text="برگزاری نمایشگاه",
            lead_agency_id=lead,
            collaborator_agency_ids=(other,),
            due_next_meeting=True,
        ),
        expected_version=read.version,
    )
    with pytest.raises(ConflictError) as refused:
        second.minutes.update_resolution(
            resolution.id,
            ResolutionDraft(text="برگزاری نمایشگاه کتاب", lead_agency_id=lead, due_next_meeting=True),
            expected_version=read.version,
        )
    assert refused.value.message == conflict_message(FIRST_USER)
    now = second.minutes.resolution(resolution.id)
    assert (now.text, [a.agency_id for a in now.collaborators]) == ("برگزاری نمایشگاه", [other])

    # Its deadline moved at the first desk: the second's deadline change and amendment are refused.
    read = second.minutes.resolution(resolution.id)
    first.followup.change_deadline(
        resolution.id,
        new_due="1404/06/01",
        reason="درخواست دستگاه",
        by=FIRST_USER,
        expected_version=read.version,
    )
    with pytest.raises(ConflictError):
        second.followup.change_deadline(
            resolution.id,
            new_due="1404/07/01",
            reason="درخواست دستگاه",
            by=SECOND_USER,
            expected_version=read.version,
        )
    assert second.minutes.resolution(resolution.id).due_date == dt.date(2025, 8, 23)  # 1404/06/01


def test_amendments_of_finalized_minutes_are_guarded(desks):
    first, second = desks
    council = Council(first)
    lead = council.agency("فرمانداری")
    held = council.plan("1403/05/10")
    council.hold(held.id)
    resolution = council.resolve(held.id, "برگزاری نمایشگاه", lead)
    council.minutes.finalize(held.id, by=FIRST_USER)
    read = second.minutes.resolution(resolution.id)
    first.minutes.amend_resolution(
        resolution.id,
        reason="خطای تایپی",
        author=FIRST_USER,
        text="برگزاری نمایشگاه کتاب",
        expected_version=read.version,
    )
    with pytest.raises(ConflictError) as refused:
        second.minutes.amend_resolution(
            resolution.id,
            reason="روشن‌تر",
            author=SECOND_USER,
            text="برپایی نمایشگاه",
            expected_version=read.version,
        )
    assert refused.value.message == conflict_message(FIRST_USER)
    now = second.minutes.resolution(resolution.id)
    assert [a.amended for a in now.amendments] == ["برگزاری نمایشگاه کتاب"]
    assert now.version > read.version


def test_without_an_expected_version_a_save_goes_through_as_before(desks):
    first, second = desks
    added = first.agencies.add(AgencyDraft(name="سازمان تبلیغات اسلامی"))
    first.agencies.update(added.id, AgencyDraft(name="سازمان تبلیغات"))
    assert second.agencies.update(added.id, AgencyDraft(name="تبلیغات اسلامی")).version == 3


@needs_postgres
def test_two_saves_at_the_same_moment_the_later_is_refused_naming_the_first(tmp_path):
    """Both read version 1 and pass the check; the first commits while the second is still saving.

    On PostgreSQL the second's UPDATE then finds no row at the version it read
    (SQLAlchemy's StaleDataError): the same refusal. (On SQLite a save holds the
    database's write lock from its first statement, so the first would wait.)
    """
    location = database_location("postgresql", tmp_path)
    with Secretariat.open(location) as first, Secretariat.open(location) as second:
        first.users.add(UserDraft("maryam", FIRST_USER, "secretary", "maryam-pass-1404"))
        first.users.add(UserDraft("ali", SECOND_USER, "expert", "ali-pass-1404"))
        second.users.sign_in("ali", "ali-pass-1404")
        added = first.agencies.add(AgencyDraft(name="دانشگاه آزاد", phones="021-1111"))
        with pytest.raises(ConflictError) as refused, second.database.transaction() as session:
            agency = session.get(Agency, added.id)
            assert agency is not None and agency.version == 1
            first.agencies.update(added.id, AgencyDraft(name="دانشگاه آزاد اسلامی"), expected_version=1)
            agency.phones = "021-9999"
        assert refused.value.message == conflict_message(FIRST_USER)
        now = second.agencies.get(added.id)
        assert (now.name, now.phones, now.version) == ("دانشگاه آزاد اسلامی", "", 2)
        with second.database.reading() as session:
            changes = session.scalars(select(AuditEntry.changes).where(AuditEntry.kind == "agency")).all()
            assert not any("021-9999" in text for text in changes)
            assert session.scalar(select(func.count(Agency.id))) == 1
