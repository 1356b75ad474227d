"""People, their roles at agencies over time, and membership decrees."""

import datetime as dt
import random

import jdatetime
import pytest
from sqlalchemy import func, select

from db.models import MembershipDecree, Person, Representation
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.members.agencies import AgencyDraft, AgencyQuery, AgencySort
from secretariat.members.people import (
    AppointmentDraft,
    DecreeDraft,
    PersonDraft,
    PersonQuery,
    PersonSort,
)
from secretariat.members.roles import Role

ZWNJ = "\u200c"


def j(year, month, day) -> dt.date:
    return jdatetime.date(year, month, day).togregorian()


@pytest.fixture
def agencies(secretariat):
    return secretariat.agencies


@pytest.fixture
def people(secretariat):
    return secretariat.people


@pytest.fixture
def agency(agencies):
    return agencies.add(AgencyDraft(name="اداره کل ارشاد اسلامی"))


def refused(call, *args) -> dict:
    with pytest.raises(ValidationError) as error:
        call(*args)
    return error.value.errors


def count(database, model) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


# -- people -----------------------------------------------------------------------


def test_add_stores_normalized_text(people):
    record = people.add(
        PersonDraft(
            full_name="  علي   كريمي ",
            honorific="دكتر",
            mobile="۰۹۱۲ ۱۲۳ ۴۵۶۷",
            email="karimi@pardis.ir",
            notes="  مدير روابط" + ZWNJ + "عمومي  ",
        )
    )
    assert record.full_name == "علی کریمی"
    assert record.honorific == "دکتر"
    assert record.display_name == "دکتر علی کریمی"
    assert record.notes == "مدیر روابط" + ZWNJ + "عمومی"  # ZWNJ kept
    assert record.mobile == "۰۹۱۲ ۱۲۳ ۴۵۶۷"  # digits as typed
    assert people.get(record.id) == record


def test_a_person_without_a_name_is_refused(people, database):
    for name in ["", "   ", ZWNJ]:
        assert refused(people.add, PersonDraft(full_name=name)) == {
            "full_name": "نام و نام خانوادگی را بنویسید."
        }
    assert count(database, Person) == 0


def test_a_person_with_a_bad_email_or_phone_is_refused(people, database):
    errors = refused(people.add, PersonDraft(full_name="علی کریمی", email="karimi@", mobile="ندارد"))
    assert set(errors) == {"email", "mobile"}
    assert "«karimi@»" in errors["email"]
    assert count(database, Person) == 0


def test_update_person(people):
    record = people.add(PersonDraft(full_name="علی کریمی"))
    updated = people.update(record.id, PersonDraft(full_name="علی كريمي‌نژاد", mobile="09121234567"))
    assert updated.full_name == "علی کریمی‌نژاد"
    assert people.get(record.id) == updated
    assert refused(people.update, record.id, PersonDraft(full_name="  ")) == {
        "full_name": "نام و نام خانوادگی را بنویسید."
    }
    assert people.get(record.id) == updated
    with pytest.raises(NotFoundError):
        people.get(404)


def test_people_search_in_any_spelling(people):
    people.add(PersonDraft(full_name="علی کریمی", mobile="09121234567"))
    people.add(PersonDraft(full_name="مریم یوسفی", mobile="۰۹۳۵۷۶۵۴۳۲۱", email="m.yousefi@pardis.ir"))
    people.add(PersonDraft(full_name="عبدالله" + ZWNJ + "زاده"))

    def found(search):
        query = PersonQuery(search=search)
        result = [row.full_name for row in people.page(query)]
        assert people.count(query) == len(result)
        return result

    assert found("كريمي") == ["علی کریمی"]
    assert found("۰۹۱۲۱") == ["علی کریمی"]
    assert found("09357") == ["مریم یوسفی"]
    assert found("yousefi") == ["مریم یوسفی"]
    assert found("عبدالله زاده") == ["عبدالله" + ZWNJ + "زاده"]
    assert found("عبداللهزاده") == ["عبدالله" + ZWNJ + "زاده"]
    assert found("رضا") == []
    assert found("") == ["عبدالله" + ZWNJ + "زاده", "علی کریمی", "مریم یوسفی"]


def test_people_sort_in_persian_order_and_page(people):
    in_order = [
        "آرش",
        "احمد",
        "بهرام",
        "پرویز",
        "تینا",
        "جواد",
        "چنگیز",
        "حسن",
        "ژاله",
        "سارا",
        "گلناز",
        "لیلا",
        "وحید",
        "هادی",
        "یاسر",
    ]
    for name in random.Random(5).sample(in_order, len(in_order)):
        people.add(PersonDraft(full_name=name))
    assert [row.full_name for row in people.page(limit=None)] == in_order
    descending = people.page(PersonQuery(sort=PersonSort.NAME, descending=True), limit=None)
    assert [row.full_name for row in descending] == list(reversed(in_order))
    pages = [people.page(offset=offset, limit=4) for offset in range(0, 16, 4)]
    assert [row.full_name for page in pages for row in page] == in_order
    assert [len(page) for page in pages] == [4, 4, 4, 3]


# -- the PR manager over time -------------------------------------------------------


def test_a_new_pr_manager_ends_the_previous_term_and_history_keeps_both(people, agencies, agency):
    first = people.add(PersonDraft(full_name="علی کریمی"))
    second = people.add(PersonDraft(full_name="مریم یوسفی"))

    one = people.appoint(
        AppointmentDraft(agency.id, first.id, start_date="۱۴۰۰/۰۱/۱۵", title="مدير روابط عمومي")
    )
    assert one.start_date == j(1400, 1, 15)
    assert one.end_date is None and one.is_current
    assert one.title == "مدیر روابط عمومی"  # stored normalized
    assert one.role is Role.PR_MANAGER
    assert people.current_pr_manager(agency.id) == first

    two = people.appoint(AppointmentDraft(agency.id, second.id, start_date="1402/6/1"))
    assert people.current_pr_manager(agency.id) == second

    history = people.history(agency.id)
    assert [(rep.person_name, rep.start_date, rep.end_date) for rep in history] == [
        ("مریم یوسفی", j(1402, 6, 1), None),
        ("علی کریمی", j(1400, 1, 15), j(1402, 6, 1)),  # ended the day the new one started
    ]
    assert history[0].id == two.id
    assert [rep.is_current for rep in history] == [True, False]
    assert [row.pr_manager for row in agencies.page()] == ["مریم یوسفی"]
    assert agencies.count(AgencyQuery(search="کریمی")) == 0  # no longer the PR manager
    assert agencies.count(AgencyQuery(search="یوسفی")) == 1


def test_a_third_pr_manager_leaves_one_current_holder(people, agency, database):
    for year, name in [(1398, "الف"), (1400, "ب"), (1402, "پ")]:
        person = people.add(PersonDraft(full_name=name))
        people.appoint(AppointmentDraft(agency.id, person.id, start_date=f"{year}/01/01"))
    history = people.history(agency.id)
    assert [rep.person_name for rep in history] == ["پ", "ب", "الف"]
    assert [rep.end_date for rep in history] == [None, j(1402, 1, 1), j(1400, 1, 1)]
    assert people.current_pr_manager(agency.id).full_name == "پ"


def test_a_start_before_the_current_holders_start_is_refused(people, agency):
    first = people.add(PersonDraft(full_name="علی کریمی"))
    second = people.add(PersonDraft(full_name="مریم یوسفی"))
    people.appoint(AppointmentDraft(agency.id, first.id, start_date="۱۴۰۲/۰۶/۰۱"))

    errors = refused(people.appoint, AppointmentDraft(agency.id, second.id, start_date="۱۴۰۲/۰۵/۳۱"))
    assert list(errors) == ["start_date"]
    assert "علی کریمی" in errors["start_date"]
    assert "۱۴۰۲/۰۶/۰۱" in errors["start_date"]
    # Nothing changed: the first holder's term is still open.
    assert people.current_pr_manager(agency.id) == first
    assert [(rep.person_name, rep.end_date) for rep in people.history(agency.id)] == [("علی کریمی", None)]


def test_the_same_person_cannot_be_appointed_twice(people, agency):
    person = people.add(PersonDraft(full_name="علی کریمی"))
    people.appoint(AppointmentDraft(agency.id, person.id, start_date="۱۴۰۰/۰۱/۰۱"))
    errors = refused(people.appoint, AppointmentDraft(agency.id, person.id, start_date="۱۴۰۱/۰۱/۰۱"))
    assert list(errors) == ["person"]
    assert len(people.history(agency.id)) == 1


def test_a_deputy_does_not_end_the_pr_managers_term(people, agency):
    manager = people.add(PersonDraft(full_name="علی کریمی"))
    deputy = people.add(PersonDraft(full_name="مریم یوسفی"))
    second_deputy = people.add(PersonDraft(full_name="رضا احمدی"))
    people.appoint(AppointmentDraft(agency.id, manager.id, start_date="۱۴۰۰/۰۱/۰۱"))
    people.appoint(AppointmentDraft(agency.id, deputy.id, role="deputy", start_date="۱۴۰۱/۰۱/۰۱"))
    people.appoint(AppointmentDraft(agency.id, second_deputy.id, role="deputy", start_date="۱۴۰۱/۰۲/۰۱"))
    assert people.current_pr_manager(agency.id) == manager
    assert all(rep.is_current for rep in people.history(agency.id))


def test_an_appointment_needs_a_real_date_and_role(people, agency, database):
    person = people.add(PersonDraft(full_name="علی کریمی"))
    assert "start_date" in refused(people.appoint, AppointmentDraft(agency.id, person.id, start_date=""))
    errors = refused(people.appoint, AppointmentDraft(agency.id, person.id, start_date="۱۴۰۴/۱۲/۳۰"))
    assert "کبیسه نیست" in errors["start_date"]
    assert "role" in refused(
        people.appoint, AppointmentDraft(agency.id, person.id, role="boss", start_date="۱۴۰۰/۱/۱")
    )
    assert count(database, Representation) == 0


def test_appointing_at_an_inactive_agency_is_refused(people, agencies, agency, database):
    person = people.add(PersonDraft(full_name="علی کریمی"))
    agencies.set_active(agency.id, False)
    with pytest.raises(DomainError) as error:
        people.appoint(AppointmentDraft(agency.id, person.id, start_date="۱۴۰۲/۰۱/۰۱"))
    assert "«اداره کل ارشاد اسلامی» غیرفعال است" in error.value.message
    assert count(database, Representation) == 0
    assert people.current_pr_manager(agency.id) is None


def test_appointing_at_a_missing_agency_or_person_is_refused(people, agency):
    person = people.add(PersonDraft(full_name="علی کریمی"))
    with pytest.raises(NotFoundError):
        people.appoint(AppointmentDraft(404, person.id, start_date="۱۴۰۲/۰۱/۰۱"))
    with pytest.raises(NotFoundError):
        people.appoint(AppointmentDraft(agency.id, 404, start_date="۱۴۰۲/۰۱/۰۱"))


def test_end_a_term(people, agency):
    person = people.add(PersonDraft(full_name="علی کریمی"))
    rep = people.appoint(AppointmentDraft(agency.id, person.id, start_date="۱۴۰۰/۰۱/۱۵"))
    ended = people.end(rep.id, "۱۴۰۳/۰۲/۲۷")
    assert ended.end_date == dt.date(2024, 5, 16)
    assert not ended.is_current
    assert people.current_pr_manager(agency.id) is None


def test_an_end_before_the_start_is_refused(people, agency):
    person = people.add(PersonDraft(full_name="علی کریمی"))
    rep = people.appoint(AppointmentDraft(agency.id, person.id, start_date="۱۴۰۰/۰۱/۱۵"))
    errors = refused(people.end, rep.id, "۱۴۰۰/۰۱/۱۴")
    assert list(errors) == ["end_date"]
    assert "۱۴۰۰/۰۱/۱۵" in errors["end_date"]
    assert people.current_pr_manager(agency.id) == person
    # The same day is a (short) term, not an error.
    assert people.end(rep.id, "۱۴۰۰/۰۱/۱۵").end_date == j(1400, 1, 15)


def test_roles_of_a_person_and_their_current_roles_in_the_list(people, agencies, agency):
    other = agencies.add(AgencyDraft(name="بانک ملی"))
    person = people.add(PersonDraft(full_name="علی کریمی"))
    people.appoint(AppointmentDraft(agency.id, person.id, start_date="۱۴۰۰/۰۱/۰۱"))
    people.appoint(AppointmentDraft(other.id, person.id, role="expert", start_date="۱۴۰۱/۰۱/۰۱"))
    assert [rep.agency_name for rep in people.roles_of(person.id)] == ["بانک ملی", "اداره کل ارشاد اسلامی"]
    (row,) = people.page()
    assert row.current_roles == "مدیر روابط عمومی، اداره کل ارشاد اسلامی؛ کارشناس روابط عمومی، بانک ملی"


# -- decrees ----------------------------------------------------------------------


@pytest.fixture
def representation(people, agency):
    person = people.add(PersonDraft(full_name="علی کریمی"))
    return people.appoint(AppointmentDraft(agency.id, person.id, start_date="۱۴۰۲/۰۱/۱۵"))


def test_add_a_decree(people, agency, representation):
    decree = people.add_decree(
        DecreeDraft(
            representation.id,
            number=" ۱۲۳/ص/۱۴۰۲ ",
            issued_on="۱۴۰۲/۰۱/۲۰",
            issued_by="استاندار  تهران",
            term_end="۱۴۰۴/۰۱/۲۰",
            notes="حكم دو ساله",
        )
    )
    assert decree.number == "۱۲۳/ص/۱۴۰۲"
    assert decree.issued_on == j(1402, 1, 20)
    assert decree.term_end == j(1404, 1, 20)
    assert decree.issued_by == "استاندار تهران"
    assert decree.notes == "حکم دو ساله"
    (current,) = people.history(agency.id)
    assert current.decrees == (decree,)


def test_a_decree_term_ending_before_it_was_issued_is_refused(people, representation, database):
    errors = refused(
        people.add_decree,
        DecreeDraft(representation.id, number="۱۲۳", issued_on="۱۴۰۲/۰۱/۲۰", term_end="۱۴۰۲/۰۱/۱۹"),
    )
    assert list(errors) == ["term_end"]
    assert "پیش از تاریخ صدور" in errors["term_end"]
    assert count(database, MembershipDecree) == 0


def test_a_decree_needs_a_number_and_a_real_issue_date(people, representation, database):
    errors = refused(people.add_decree, DecreeDraft(representation.id, number=" ", issued_on="۱۴۰۲/۱۳/۰۱"))
    assert set(errors) == {"number", "issued_on"}
    assert "ماه ۱۳" in errors["issued_on"]
    assert "issued_on" in refused(people.add_decree, DecreeDraft(representation.id, number="۱", issued_on=""))
    assert count(database, MembershipDecree) == 0


def test_a_decree_for_a_missing_representation_is_refused(people, database):
    with pytest.raises(NotFoundError):
        people.add_decree(DecreeDraft(404, number="۱", issued_on="۱۴۰۲/۰۱/۰۱"))
    assert count(database, MembershipDecree) == 0


def test_agencies_sort_by_their_current_pr_manager(people, agencies):
    for agency_name, manager in [("بانک ملی", "هادی"), ("شهرداری", "وحید"), ("پست", "چنگیز")]:
        agency_id = agencies.add(AgencyDraft(name=agency_name)).id
        person = people.add(PersonDraft(full_name=manager))
        people.appoint(AppointmentDraft(agency_id, person.id, start_date="۱۴۰۲/۰۱/۰۱"))
    rows = agencies.page(AgencyQuery(sort=AgencySort.PR_MANAGER))
    assert [row.pr_manager for row in rows] == ["چنگیز", "وحید", "هادی"]


# -- the PR manager on a day ---------------------------------------------------------


def test_the_pr_manager_on_a_day_before_on_and_after_an_appointment_with_a_successor(
    people, agencies, agency
):
    first = people.add(PersonDraft(full_name="علی کریمی"))
    second = people.add(PersonDraft(full_name="مریم یوسفی"))
    people.appoint(AppointmentDraft(agency.id, first.id, start_date="۱۴۰۰/۰۱/۱۵"))
    people.appoint(AppointmentDraft(agency.id, second.id, start_date="۱۴۰۲/۰۶/۰۱"))

    def manager_on(day):
        return people.pr_managers_on({agency.id}, day).get(agency.id)

    # Before anyone's term the register has nobody for the day: the current holder.
    assert manager_on(j(1399, 12, 1)) == second
    assert manager_on(j(1400, 1, 15)) == first  # the first day of the first term
    assert manager_on(j(1402, 5, 31)) == first
    assert manager_on(j(1402, 6, 1)) == second  # the day of the change: the one who starts
    assert manager_on(j(1403, 1, 1)) == second
    assert manager_on(None) == people.current_pr_manager(agency.id) == second


def test_the_pr_manager_on_a_day_is_the_same_everywhere(people, agencies, agency, database):
    from secretariat.meetings.attendance import AttendanceService

    other = agencies.add(AgencyDraft(name="شهرداری پردیس"))
    nobody = agencies.add(AgencyDraft(name="دانشگاه پیام نور"))
    first = people.add(PersonDraft(full_name="علی کریمی"))
    second = people.add(PersonDraft(full_name="مریم یوسفی"))
    third = people.add(PersonDraft(full_name="رضا احمدی"))
    people.appoint(AppointmentDraft(agency.id, first.id, start_date="۱۴۰۰/۰۱/۱۵"))
    people.appoint(AppointmentDraft(agency.id, second.id, start_date="۱۴۰۲/۰۶/۰۱"))
    ended = people.appoint(AppointmentDraft(other.id, third.id, start_date="۱۴۰۱/۰۱/۰۱"))
    people.end(ended.id, "۱۴۰۱/۱۲/۲۹")

    day = j(1401, 6, 1)
    managers = people.pr_managers_on({agency.id, other.id, nobody.id}, day)
    assert managers == {agency.id: first, other.id: third}
    # After a term ended without a successor, nobody: there is no current holder to fall back on.
    assert people.pr_managers_on({other.id}, j(1402, 1, 1)) == {}
    attendance = AttendanceService(database)
    assert attendance.default_attendee(agency.id, day) == (first.id, first.full_name)
    assert attendance.default_attendee(other.id, day) == (third.id, third.full_name)
    assert attendance.default_attendee(nobody.id, day) is None
    # Now: the second holder; the ended term leaves its agency without one.
    assert people.pr_managers_on({agency.id, other.id, nobody.id}) == {agency.id: second}
    assert attendance.default_attendee(agency.id) == (second.id, second.full_name)
    rows = {row.name: row.pr_manager for row in agencies.page(AgencyQuery(include_inactive=True))}
    assert rows == {agency.name: second.full_name, other.name: "", nobody.name: ""}
    assert people.pr_managers_on(set()) == {}
