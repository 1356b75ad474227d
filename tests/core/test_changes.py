"""What a committed unit of work announces on ``database.changes``.

Views refresh from these announcements, so an id left out is a view that
keeps showing the old record, and an announcement of a failed save is a
view that reads for nothing.
"""

import pytest

from secretariat.changes import Changes
from secretariat.core import Secretariat
from secretariat.errors import DomainError, ValidationError
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.members.agencies import AgencyDraft
from tests.support.meetings import Council


@pytest.fixture
def council(database):
    return Council(database)


@pytest.fixture
def heard(database):
    """Every announcement, in order."""
    announcements: list[Changes] = []
    unsubscribe = database.changes.subscribe(announcements.append)
    yield announcements
    unsubscribe()


def test_a_committed_save_announces_the_ids_it_wrote(database, heard):
    agency = Secretariat(database).agencies.add(AgencyDraft(name="آموزش و پرورش"))

    assert heard == [Changes(agencies=frozenset({agency.id}))]


def test_a_failed_save_announces_nothing(council, heard):
    education = council.agency("آموزش و پرورش")
    heard.clear()

    with pytest.raises(ValidationError):
        council.agencies.add(AgencyDraft(name=""))
    with pytest.raises(DomainError):
        with council.database.transaction() as session:
            council.agencies.get(education)  # a read in between does not matter
            session.add_all([])
            raise DomainError("نیمه‌کاره")

    assert heard == []


def test_an_amendment_announces_its_resolution_and_meeting(council, heard):
    lead = council.agency("آموزش و پرورش")
    meeting = council.plan("1404/02/10")
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "برگزاری نمایشگاه کتاب", lead, due_date="1404/04/01")
    council.finalize(meeting.id)
    heard.clear()

    council.minutes.amend_resolution(
        resolution.id, reason="اصلاح تاریخ", author="دبیر", due_date="1404/05/01"
    )

    [changes] = heard
    assert changes.touches_resolution(resolution.id)
    assert meeting.id in changes.meetings


def test_a_follow_up_announces_its_resolution(council, heard):
    lead = council.agency("آموزش و پرورش")
    meeting = council.plan("1404/02/10")
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "برگزاری نمایشگاه کتاب", lead, due_date="1404/04/01")
    heard.clear()

    Secretariat(council.database).followup.mark_done(resolution.id, evidence="نامه ۱۲۳", on="1404/03/01")

    [changes] = heard
    assert resolution.id in changes.resolutions


def test_cancelling_a_meeting_announces_the_meetings_renumbered_after_it(council, heard):
    council.agency("آموزش و پرورش")
    first, second, third = (council.plan(day) for day in ("1420/01/15", "1420/02/15", "1420/03/15"))
    heard.clear()

    council.meetings.cancel(first.id, "هم‌زمانی با تعطیلات")

    [changes] = heard
    assert changes.meetings == {first.id, second.id, third.id}
    assert [council.meetings.get(m.id).number for m in (first, second, third)] == [None, 1, 2]


def test_removing_an_agenda_item_announces_the_resolutions_it_held(council, heard):
    lead = council.agency("آموزش و پرورش")
    meeting = council.plan("1404/02/10")
    item = council.agenda.add(meeting.id, AgendaItemDraft(title="هفته کتاب"))
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "برگزاری نمایشگاه کتاب", lead, agenda_item_id=item.id)
    heard.clear()

    # The resolution stays, under no item: a bulk update that no flushed row reports.
    council.agenda.remove(item.id)

    [changes] = heard
    assert resolution.id in changes.resolutions
    assert meeting.id in changes.meetings


def test_an_unsubscribed_listener_hears_nothing_more(database, heard):
    late: list[Changes] = []
    unsubscribe = database.changes.subscribe(late.append)
    unsubscribe()

    Secretariat(database).agencies.add(AgencyDraft(name="شهرداری پردیس"))

    assert late == []
    assert len(heard) == 1
