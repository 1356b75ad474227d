"""The agenda (دستور کار): items in order, presenters, notes, summaries, and the
review of the previous meetings' open resolutions."""

import pytest
from sqlalchemy import update

from db.models import Resolution
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings.agenda import REVIEW_TITLE, AgendaItemDraft
from tests.support.meetings import Council, unchanged


@pytest.fixture
def council(secretariat):
    return Council(secretariat)


@pytest.fixture
def meeting(council):
    council.agency("آموزش و پرورش")
    return council.plan("1404/07/15")


def titles(items) -> list[str]:
    return [item.title for item in items]


def positions(items) -> list[int]:
    return [item.position for item in items]


def add(council, meeting_id, *item_titles):
    return [council.agenda.add(meeting_id, AgendaItemDraft(title)) for title in item_titles]


# -- adding and editing --------------------------------------------------------------


def test_items_are_added_in_order(council, meeting):
    press = council.agency("اداره کل ارشاد اسلامی")
    first = council.agenda.add(
        meeting.id,
        AgendaItemDraft(
            "  تشکيل   شبکه ارتباط رسانه‌ای ",
            presenter_agency_id=press,
            notes=" پیشنهاد  دبیرخانه\nپيوست: فهرست خبرنگاران ",
        ),
    )
    second = council.agenda.add(meeting.id, AgendaItemDraft("گزارش ماهانه روابط عمومی‌ها"))

    assert first.position == 1
    assert first.title == "تشکیل شبکه ارتباط رسانه‌ای"
    assert first.presenter_agency_id == press
    assert first.presenter_agency_name == "اداره کل ارشاد اسلامی"
    assert first.notes == "پیشنهاد دبیرخانه\nپیوست: فهرست خبرنگاران"
    assert first.summary == ""
    assert not first.reviews_open_resolutions
    assert second.position == 2
    assert second.presenter_agency_name == ""
    assert titles(council.agenda.items(meeting.id)) == [
        "تشکیل شبکه ارتباط رسانه‌ای",
        "گزارش ماهانه روابط عمومی‌ها",
    ]


def test_an_item_needs_a_title_and_a_known_presenter(council, meeting, database):
    with unchanged(database):
        with pytest.raises(ValidationError) as error:
            council.agenda.add(meeting.id, AgendaItemDraft("  \u200c "))
        assert error.value.errors == {"title": "عنوان دستور کار را بنویسید."}
        with pytest.raises(ValidationError) as error:
            council.agenda.add(meeting.id, AgendaItemDraft("گزارش", presenter_agency_id=999))
        assert error.value.errors == {"presenter_agency_id": "دستگاه ارائه‌دهنده در فهرست نیست."}
        with pytest.raises(NotFoundError):
            council.agenda.add(999, AgendaItemDraft("گزارش"))


def test_update_changes_an_item_in_place(council, meeting):
    press = council.agency("اداره کل ارشاد اسلامی")
    first, second = add(council, meeting.id, "بند یک", "بند دو")
    updated = council.agenda.update(
        second.id, AgendaItemDraft("برنامه هفته روابط عمومی", press, "پیشنهاد ارشاد")
    )
    assert (updated.position, updated.title, updated.presenter_agency_name, updated.notes) == (
        2,
        "برنامه هفته روابط عمومی",
        "اداره کل ارشاد اسلامی",
        "پیشنهاد ارشاد",
    )
    assert titles(council.agenda.items(meeting.id)) == ["بند یک", "برنامه هفته روابط عمومی"]


def test_update_refuses_bad_input_and_unknown_items(council, meeting, database):
    (item,) = add(council, meeting.id, "بند یک")
    with unchanged(database):
        with pytest.raises(ValidationError):
            council.agenda.update(item.id, AgendaItemDraft(""))
        with pytest.raises(ValidationError):
            council.agenda.update(item.id, AgendaItemDraft("بند", presenter_agency_id=999))
        with pytest.raises(NotFoundError) as error:
            council.agenda.update(999, AgendaItemDraft("بند"))
        assert error.value.message == "این بند دستور کار در فهرست نیست."


def test_summaries_are_kept_per_item(council, meeting):
    first, second = add(council, meeting.id, "بند یک", "بند دو")
    council.hold(meeting.id)
    summary = council.agenda.set_summary(
        first.id, "  مدیر روابط عمومي   گزارشی ارائه کرد.\n  اعضا نظر دادند. "
    )
    assert summary.summary == "مدیر روابط عمومی گزارشی ارائه کرد.\nاعضا نظر دادند."
    items = council.agenda.items(meeting.id)
    assert [item.summary for item in items] == ["مدیر روابط عمومی گزارشی ارائه کرد.\nاعضا نظر دادند.", ""]


# -- order -------------------------------------------------------------------------------


def test_move_up_and_down(council, meeting):
    a, b, c, d = add(council, meeting.id, "الف", "ب", "پ", "ت")

    assert titles(council.agenda.move(c.id, -1)) == ["الف", "پ", "ب", "ت"]
    assert titles(council.agenda.move(a.id, +1)) == ["پ", "الف", "ب", "ت"]
    assert titles(council.agenda.move(d.id, -3)) == ["ت", "پ", "الف", "ب"]
    items = council.agenda.move(b.id, -2)
    assert titles(items) == ["ت", "ب", "پ", "الف"]
    assert positions(items) == [1, 2, 3, 4]
    assert titles(council.agenda.items(meeting.id)) == ["ت", "ب", "پ", "الف"]


def test_moving_past_either_end_stops_there(council, meeting):
    a, b, c = add(council, meeting.id, "الف", "ب", "پ")
    assert titles(council.agenda.move(a.id, -1)) == ["الف", "ب", "پ"]
    assert titles(council.agenda.move(b.id, +5)) == ["الف", "پ", "ب"]
    assert titles(council.agenda.move(b.id, -9)) == ["ب", "الف", "پ"]
    assert positions(council.agenda.items(meeting.id)) == [1, 2, 3]


def test_remove_closes_the_gap(council, meeting):
    a, b, c, d = add(council, meeting.id, "الف", "ب", "پ", "ت")
    council.agenda.remove(b.id)
    items = council.agenda.items(meeting.id)
    assert titles(items) == ["الف", "پ", "ت"]
    assert positions(items) == [1, 2, 3]
    council.agenda.remove(a.id)
    assert positions(council.agenda.items(meeting.id)) == [1, 2]
    # A new item goes last, after the closed gap.
    assert council.agenda.add(meeting.id, AgendaItemDraft("ث")).position == 3


def test_removing_an_item_keeps_its_resolutions(council, meeting):
    lead = council.agency("اداره کل ارشاد اسلامی")
    item, other = add(council, meeting.id, "شبکه ارتباط رسانه‌ای", "سایر موارد")
    council.hold(meeting.id)
    resolution = council.resolve(
        meeting.id, "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود.", lead, agenda_item_id=item.id
    )
    assert resolution.agenda_item_id == item.id

    council.agenda.remove(item.id)

    (kept,) = council.minutes.resolutions(meeting.id)
    assert kept.text == "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود."
    assert kept.agenda_item_id is None
    assert positions(council.agenda.items(meeting.id)) == [1]


def test_unknown_items_are_not_found(council, meeting):
    for call in (
        lambda: council.agenda.remove(999),
        lambda: council.agenda.move(999, 1),
        lambda: council.agenda.set_summary(999, "خلاصه"),
    ):
        with pytest.raises(NotFoundError):
            call()


def test_a_cancelled_meetings_agenda_does_not_change(council, meeting, database):
    (item,) = add(council, meeting.id, "بند یک")
    council.meetings.cancel(meeting.id, "نبود حد نصاب")
    with unchanged(database):
        for call in (
            lambda: council.agenda.add(meeting.id, AgendaItemDraft("بند دو")),
            lambda: council.agenda.update(item.id, AgendaItemDraft("بند تازه")),
            lambda: council.agenda.remove(item.id),
            lambda: council.agenda.move(item.id, 1),
            lambda: council.agenda.add_open_resolutions_review(meeting.id),
        ):
            with pytest.raises(DomainError) as error:
                call()
            assert error.value.message == "این جلسه لغو شده است."


# -- reviewing the open resolutions --------------------------------------------------------


def test_the_review_item_lists_the_previous_meetings_open_resolutions_and_goes_first(council, database):
    council.agency("آموزش و پرورش")
    press = council.agency("اداره کل ارشاد اسلامی")
    municipality = council.agency("شهرداری پردیس")

    first = council.plan("1404/05/01")
    second = council.plan("1404/06/01")
    current = council.plan("1404/07/15")
    after = council.plan("1404/08/10")
    council.hold(first.id)
    council.resolve(first.id, "مقرر شد دوره آموزشی خبرنویسی برگزار شود.", press)
    council.resolve(first.id, "مقرر شد صفحه دستگاه‌ها در درگاه فرمانداری به‌روز شود.", municipality)
    done = council.resolve(first.id, "مقرر شد گزارش ماهانه به دبیرخانه ارسال شود.", press)
    council.hold(second.id)
    council.resolve(second.id, "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود.", press)
    council.hold(after.id)  # held after the current meeting's date: not "previous"
    council.resolve(after.id, "مقرر شد جشنواره رسانه‌ای برگزار شود.", press)
    with database.transaction() as session:
        session.execute(update(Resolution).where(Resolution.id == done.id).values(status="done"))

    add(council, current.id, "تشکیل کارگروه فضای مجازی", "سایر موارد")
    review = council.agenda.add_open_resolutions_review(current.id)

    assert review.position == 1
    assert review.title == REVIEW_TITLE == "گزارش پیگیری مصوبات باز جلسات پیشین"
    assert review.reviews_open_resolutions
    assert review.notes == (
        "\u2066۱۴۰۴\u200e-\u200e۰۱\u200e-\u200e۰۱\u2069: مقرر شد دوره آموزشی خبرنویسی برگزار شود.\n"
        "\u2066۱۴۰۴\u200e-\u200e۰۱\u200e-\u200e۰۲\u2069: مقرر شد صفحه دستگاه‌ها در درگاه فرمانداری به‌روز "
        "شود.\n\u2066۱۴۰۴\u200e-\u200e۰۲\u200e-\u200e۰۱\u2069: مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود."
    )
    items = council.agenda.items(current.id)
    assert titles(items) == [REVIEW_TITLE, "تشکیل کارگروه فضای مجازی", "سایر موارد"]
    assert positions(items) == [1, 2, 3]


def test_asking_for_the_review_again_refreshes_the_one_item(council, meeting):
    add(council, meeting.id, "تشکیل کارگروه فضای مجازی", "سایر موارد")
    first = council.agenda.add_open_resolutions_review(meeting.id)
    again = council.agenda.add_open_resolutions_review(meeting.id)
    items = council.agenda.items(meeting.id)
    assert again.id == first.id
    assert [item.reviews_open_resolutions for item in items] == [True, False, False]


def test_the_review_item_of_a_first_meeting_is_empty(council, meeting):
    review = council.agenda.add_open_resolutions_review(meeting.id)
    assert (review.position, review.notes, review.reviews_open_resolutions) == (1, "", True)
