"""The register of member agencies, through AgencyService on a real database."""

import datetime as dt
import random

import jdatetime
import pytest

from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.members.agencies import (
    AgencyCategory,
    AgencyDraft,
    AgencyQuery,
    AgencySort,
    draft_from_record,
)
from secretariat.members.people import AppointmentDraft, PersonDraft

ZWNJ = "\u200c"

# Hand-sorted in Persian order; code-point order would move پ چ ژ گ and و/ه.
NAMES_IN_ORDER = [
    "آموزش و پرورش",
    "اداره کل ارشاد اسلامی",
    "بانک ملی",
    "پست",
    "تعزیرات حکومتی",
    "جهاد کشاورزی",
    "چاپ و نشر",
    "حج و زیارت",
    "دادگستری",
    "ژئوفیزیک",
    "سازمان بهزیستی",
    "شهرداری",
    "صدا و سیما",
    "فرمانداری",
    "کمیته امداد",
    "گمرک",
    "میراث فرهنگی",
    "نیروی انتظامی",
    "ورزش و جوانان",
    "هلال احمر",
    "یگان حفاظت",
]


@pytest.fixture
def agencies(secretariat):
    return secretariat.agencies


@pytest.fixture
def people(secretariat):
    return secretariat.people


def names(rows):
    return [row.name for row in rows]


def jalali_text(day: dt.date) -> str:
    j = jdatetime.date.fromgregorian(date=day)
    return f"{j.year}/{j.month}/{j.day}"


def refused(call, *args) -> dict:
    with pytest.raises(ValidationError) as error:
        call(*args)
    return error.value.errors


# -- add, edit, deactivate ------------------------------------------------------


def test_add_keeps_what_was_typed_in_its_stored_form(agencies):
    record = agencies.add(
        AgencyDraft(
            name="  اداره كل   ارشاد اسلامي ",
            short_name="ارشاد",
            category="directorate",
            parent_ministry="وزارت فرهنگ و ارشاد اسلامی",
            address="پردیس، بلوار امام\nساختمان اداری",
            phones="۰۲۱-۷۶۲۵۵۰۵۰، 76255051",
            email="pr@ershad.ir",
            website="ershad.ir",
            joined_on="۱۴۰۰/۰۱/۱۵",
        )
    )
    assert record.name == "اداره کل ارشاد اسلامی"
    assert record.category is AgencyCategory.DIRECTORATE
    assert record.joined_on == dt.date(2021, 4, 4)
    assert record.active
    assert agencies.get(record.id) == record
    assert agencies.count() == 1


def test_category_may_be_given_by_its_persian_label(agencies):
    assert (
        agencies.add(AgencyDraft(name="شهرداری پردیس", category="شهرداري")).category
        is AgencyCategory.MUNICIPALITY
    )


def test_an_unknown_category_is_refused(agencies):
    assert "category" in refused(agencies.add, AgencyDraft(name="شهرداری", category="شرکت خصوصی"))
    assert agencies.count() == 0


def test_edit(agencies):
    record = agencies.add(AgencyDraft(name="اداره ارشاد", phones="021-1"))
    draft = draft_from_record(record)
    edited = agencies.update(
        record.id,
        AgencyDraft(
            **{**draft.__dict__, "name": "اداره کل ارشاد", "email": "pr@ershad.ir", "joined_on": "1401/7/30"}
        ),
    )
    assert edited.name == "اداره کل ارشاد"
    assert edited.email == "pr@ershad.ir"
    assert edited.phones == "021-1"
    assert edited.joined_on == jdatetime.date(1401, 7, 30).togregorian()
    assert agencies.get(record.id) == edited
    assert agencies.count() == 1


def test_an_agency_may_be_saved_again_under_its_own_name_in_another_spelling(agencies):
    record = agencies.add(AgencyDraft(name="کمیته امداد"))
    assert agencies.update(record.id, AgencyDraft(name="كميته  امداد")).name == "کمیته امداد"


def test_draft_from_record_gives_back_the_same_agency(agencies):
    record = agencies.add(AgencyDraft(name="بانک ملی", category="bank", joined_on="۱۳۹۹/۱۲/۳۰"))
    assert agencies.update(record.id, draft_from_record(record)) == record


def test_deactivate_and_reactivate(agencies):
    kept = agencies.add(AgencyDraft(name="شهرداری"))
    left = agencies.add(AgencyDraft(name="بانک ملی"))

    assert not agencies.set_active(left.id, False).active
    assert names(agencies.page()) == ["شهرداری"]
    assert agencies.count() == 1
    assert names(agencies.page(AgencyQuery(include_inactive=True))) == ["بانک ملی", "شهرداری"]
    assert agencies.count(AgencyQuery(include_inactive=True)) == 2
    assert not agencies.get(left.id).active

    assert agencies.set_active(left.id, True).active
    assert names(agencies.page()) == ["بانک ملی", "شهرداری"]
    assert agencies.get(kept.id).active


def test_an_inactive_agency_still_holds_its_name(agencies):
    record = agencies.add(AgencyDraft(name="بانک ملی"))
    agencies.set_active(record.id, False)
    assert "name" in refused(agencies.add, AgencyDraft(name="بانک ملي"))


def test_find_by_name_in_any_spelling(agencies):
    record = agencies.add(AgencyDraft(name="روابط" + ZWNJ + "عمومی استانداری"))
    assert agencies.find_by_name("روابط عمومي استانداري") == record
    assert agencies.find_by_name("استانداری") is None


def test_a_missing_agency_is_not_found(agencies):
    with pytest.raises(NotFoundError):
        agencies.get(404)
    with pytest.raises(NotFoundError):
        agencies.update(404, AgencyDraft(name="شهرداری"))
    with pytest.raises(NotFoundError):
        agencies.set_active(404, False)


# -- one name, one agency -------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "مدیریت روابط عمومی شهرداری",  # the same
        "مديريت روابط عمومي شهرداري",  # Arabic yeh
        "مدیریت روابط عمومی شهرداری".replace("ی", "ي").replace("ک", "ك"),
        "مدیریت  روابط عمومی   شهرداری ",  # extra spaces
        "مدیریت روابط" + ZWNJ + "عمومی شهرداری",  # ZWNJ instead of a space
        "مدیریت روابطعمومی شهرداری",  # no space at all
        "مدیریت روابط\u00a0عمومی شهرداری",  # a no-break space
        "مدیریت روابـــط عمومی شهرداری",  # tatweel
    ],
)
def test_a_duplicate_name_is_refused_on_add(agencies, spelling):
    agencies.add(AgencyDraft(name="مدیریت روابط عمومی شهرداری"))
    errors = refused(agencies.add, AgencyDraft(name=spelling))
    assert list(errors) == ["name"]
    assert "«مدیریت روابط عمومی شهرداری» از پیش در فهرست هست" in errors["name"]
    assert agencies.count(AgencyQuery(include_inactive=True)) == 1


@pytest.mark.parametrize(
    "spelling",
    ["كميته امداد", "کمیته  امداد", "کمیته" + ZWNJ + "امداد", "کمیتـــه امداد"],
)
def test_a_duplicate_name_is_refused_on_update(agencies, spelling):
    agencies.add(AgencyDraft(name="کمیته امداد"))
    other = agencies.add(AgencyDraft(name="هلال احمر"))
    errors = refused(agencies.update, other.id, AgencyDraft(name=spelling))
    assert list(errors) == ["name"]
    assert "«کمیته امداد»" in errors["name"]
    assert agencies.get(other.id).name == "هلال احمر"
    assert agencies.count() == 2


def test_different_names_are_not_duplicates(agencies):
    agencies.add(AgencyDraft(name="اداره کل ارشاد"))
    agencies.add(AgencyDraft(name="اداره ارشاد"))
    agencies.add(AgencyDraft(name="اداره کل ارشاد ۲"))
    assert agencies.count() == 3


# -- refusals, field by field ---------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["", "   ", "\t\n", ZWNJ, " " + ZWNJ + " ", "\u200f", "\u0640\u0640", "\u064e"],
    ids=["empty", "spaces", "tab-newline", "zwnj", "zwnj-spaces", "rlm", "tatweel", "fatha"],
)
def test_an_empty_name_is_refused(agencies, name):
    # Nothing to read is no name, even if invisible characters were pasted.
    errors = refused(agencies.add, AgencyDraft(name=name))
    assert errors == {"name": "نام دستگاه را بنویسید."}
    assert agencies.count(AgencyQuery(include_inactive=True)) == 0


def test_an_invalid_email_is_refused(agencies):
    errors = refused(agencies.add, AgencyDraft(name="شهرداری", email="pr.pardis.ir"))
    assert list(errors) == ["email"]
    assert "«pr.pardis.ir»" in errors["email"] and "رایانامه" in errors["email"]
    assert agencies.count() == 0


def test_an_impossible_joined_date_is_refused(agencies):
    errors = refused(agencies.add, AgencyDraft(name="شهرداری", joined_on="۱۴۰۴/۱۲/۳۰"))
    assert list(errors) == ["joined_on"]
    assert "کبیسه نیست" in errors["joined_on"]
    errors = refused(agencies.add, AgencyDraft(name="شهرداری", joined_on="دیروز"))
    assert "تاریخ نیست" in errors["joined_on"]
    assert agencies.count() == 0


def test_a_joined_date_in_the_future_is_refused(agencies):
    tomorrow = jalali_text(dt.date.today() + dt.timedelta(days=1))
    errors = refused(agencies.add, AgencyDraft(name="شهرداری", joined_on=tomorrow))
    assert list(errors) == ["joined_on"]
    assert "آینده" in errors["joined_on"]
    assert agencies.count() == 0
    # Today is not the future.
    today = agencies.add(AgencyDraft(name="شهرداری", joined_on=jalali_text(dt.date.today())))
    assert today.joined_on == dt.date.today()


def test_every_bad_field_is_reported_at_once_and_nothing_is_saved(agencies):
    errors = refused(
        agencies.add,
        AgencyDraft(name=" ", email="pr@", website="not a site", phones="تلفن ندارد", joined_on="۱۴۰۳/۱۳/۰۱"),
    )
    assert set(errors) == {"name", "email", "website", "phones", "joined_on"}
    assert "ماه ۱۳" in errors["joined_on"]
    assert agencies.count(AgencyQuery(include_inactive=True)) == 0


def test_a_refused_edit_changes_nothing(agencies):
    record = agencies.add(AgencyDraft(name="شهرداری", email="pr@pardis.ir"))
    errors = refused(agencies.update, record.id, AgencyDraft(name="شهرداری پردیس", email="bad"))
    assert list(errors) == ["email"]
    assert agencies.get(record.id) == record


# -- delete -----------------------------------------------------------------------


def test_an_agency_nothing_refers_to_can_be_deleted(agencies):
    record = agencies.add(AgencyDraft(name="دستگاه اشتباهی"))
    assert not agencies.is_referenced(record.id)
    agencies.delete(record.id)
    with pytest.raises(NotFoundError):
        agencies.get(record.id)
    assert agencies.count(AgencyQuery(include_inactive=True)) == 0
    # The name is free again.
    agencies.add(AgencyDraft(name="دستگاه اشتباهی"))


def test_an_agency_with_a_representative_is_not_deleted(agencies, people):
    record = agencies.add(AgencyDraft(name="شهرداری پردیس"))
    person = people.add(PersonDraft(full_name="علی کریمی"))
    representation = people.appoint(AppointmentDraft(record.id, person.id, start_date="۱۴۰۲/۰۱/۱۵"))
    people.end(representation.id, "۱۴۰۳/۰۱/۱۵")  # even after the term has ended

    assert agencies.is_referenced(record.id)
    with pytest.raises(DomainError) as error:
        agencies.delete(record.id)
    assert "«شهرداری پردیس»" in error.value.message
    assert "غیرفعال" in error.value.message  # says what to do instead
    assert agencies.get(record.id) == record
    assert len(people.history(record.id)) == 1


# -- listing: search, sort, pages -------------------------------------------------


@pytest.fixture
def register(agencies, people):
    """A small register with PR managers, phones and one inactive agency."""
    ids = {}
    for name, phones, email in [
        ("مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس", "021-76255050", "pr@pardis.ir"),
        ("اداره کل ارشاد اسلامی", "۰۲۱-۷۶۲۰۱۲۳۴", ""),
        ("کمیته امداد امام خمینی", "", "emdad@example.ir"),
        ("بانک ملی", "", ""),
        ("دانشگاه آزاد", "", ""),
    ]:
        ids[name] = agencies.add(AgencyDraft(name=name, phones=phones, email=email)).id
    managers = {
        "اداره کل ارشاد اسلامی": "مریم یوسفی",
        "کمیته امداد امام خمینی": "علی کریمی",
        "بانک ملی": "پرویز احمدی",
    }
    for agency, full_name in managers.items():
        person = people.add(PersonDraft(full_name=full_name))
        people.appoint(AppointmentDraft(ids[agency], person.id, start_date="۱۴۰۲/۰۱/۱۵"))
    agencies.set_active(ids["دانشگاه آزاد"], False)
    return ids


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("مدير", ["مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس"]),  # Arabic yeh
        ("روابط عمومی", ["مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس"]),  # space vs ZWNJ
        ("روابطعمومی", ["مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس"]),
        ("كميته", ["کمیته امداد امام خمینی"]),  # Arabic kaf and yeh
        ("ارشاد اسلامی", ["اداره کل ارشاد اسلامی"]),
        ("اسلامی ارشاد", ["اداره کل ارشاد اسلامی"]),  # terms in any order
        ("۷۶۲۵۵", ["مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس"]),  # Persian digits, Latin phone
        ("76201", ["اداره کل ارشاد اسلامی"]),  # Latin digits, Persian phone
        ("٧٦٢", ["اداره کل ارشاد اسلامی", "مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس"]),
        ("pardis.ir", ["مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس"]),
        ("كريمي", ["کمیته امداد امام خمینی"]),  # the PR manager's name
        ("مریم", ["اداره کل ارشاد اسلامی"]),
        ("پرویز احمدی", ["بانک ملی"]),
        ("کریمی ارشاد", []),  # every term must match
        ("آزاد", []),  # inactive
        ("بانک%", []),  # LIKE wildcards are plain characters
        (
            "",
            [
                "اداره کل ارشاد اسلامی",
                "بانک ملی",
                "کمیته امداد امام خمینی",
                "مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس",
            ],
        ),
    ],
)
def test_search_in_any_spelling(agencies, register, search, expected):
    query = AgencyQuery(search=search)
    assert names(agencies.page(query)) == expected
    assert agencies.count(query) == len(expected)


def test_search_includes_inactive_agencies_only_when_asked(agencies, register):
    query = AgencyQuery(search="دانشگاه", include_inactive=True)
    assert names(agencies.page(query)) == ["دانشگاه آزاد"]
    assert agencies.count(query) == 1
    assert agencies.count(AgencyQuery(search="دانشگاه")) == 0


def test_rows_show_the_current_pr_manager(agencies, register):
    rows = {row.name: row.pr_manager for row in agencies.page()}
    assert rows["بانک ملی"] == "پرویز احمدی"
    assert rows["کمیته امداد امام خمینی"] == "علی کریمی"
    assert rows["مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس"] == ""


def test_filter_by_category(agencies):
    agencies.add(AgencyDraft(name="بانک ملی", category="bank"))
    agencies.add(AgencyDraft(name="بانک سپه", category="bank"))
    agencies.add(AgencyDraft(name="شهرداری", category="municipality"))
    query = AgencyQuery(category=AgencyCategory.BANK)
    assert names(agencies.page(query)) == ["بانک سپه", "بانک ملی"]
    assert agencies.count(query) == 2


def test_sort_by_name_in_persian_order(agencies):
    assert sorted(NAMES_IN_ORDER) != NAMES_IN_ORDER  # code-point order is wrong here
    for name in random.Random(1403).sample(NAMES_IN_ORDER, len(NAMES_IN_ORDER)):
        agencies.add(AgencyDraft(name=name))
    assert names(agencies.page(limit=None)) == NAMES_IN_ORDER
    descending = agencies.page(AgencyQuery(descending=True), limit=None)
    assert names(descending) == list(reversed(NAMES_IN_ORDER))


def test_names_typed_with_arabic_letters_sort_with_their_persian_spelling(agencies):
    for name in ["گمرک", "كميته امداد", "قوه قضاییه", "يگان حفاظت", "هلال احمر"]:
        agencies.add(AgencyDraft(name=name))
    assert names(agencies.page()) == ["قوه قضاییه", "کمیته امداد", "گمرک", "هلال احمر", "یگان حفاظت"]


def test_sort_by_pr_manager(agencies, register):
    rows = agencies.page(AgencyQuery(sort=AgencySort.PR_MANAGER))
    # No manager first, then پرویز < علی < مریم (پ before ع before م).
    assert [(row.pr_manager, row.name) for row in rows] == [
        ("", "مدیریت روابط" + ZWNJ + "عمومی شهرداری پردیس"),
        ("پرویز احمدی", "بانک ملی"),
        ("علی کریمی", "کمیته امداد امام خمینی"),
        ("مریم یوسفی", "اداره کل ارشاد اسلامی"),
    ]
    descending = agencies.page(AgencyQuery(sort=AgencySort.PR_MANAGER, descending=True))
    assert [row.pr_manager for row in descending] == ["مریم یوسفی", "علی کریمی", "پرویز احمدی", ""]


def test_sort_by_joined_on_breaks_ties_by_name(agencies):
    agencies.add(AgencyDraft(name="هلال احمر", joined_on="۱۴۰۰/۰۱/۰۱"))
    agencies.add(AgencyDraft(name="پست", joined_on="۱۴۰۱/۰۱/۰۱"))
    agencies.add(AgencyDraft(name="ورزش و جوانان", joined_on="۱۴۰۰/۰۱/۰۱"))
    rows = agencies.page(AgencyQuery(sort=AgencySort.JOINED_ON))
    assert names(rows) == ["ورزش و جوانان", "هلال احمر", "پست"]


def test_pages_are_consecutive_and_do_not_overlap(agencies):
    for name in random.Random(7).sample(NAMES_IN_ORDER, len(NAMES_IN_ORDER)):
        agencies.add(AgencyDraft(name=name))
    for query in [AgencyQuery(), AgencyQuery(descending=True), AgencyQuery(sort=AgencySort.PR_MANAGER)]:
        whole = agencies.page(query, limit=None)
        assert len(whole) == agencies.count(query) == len(NAMES_IN_ORDER)
        pages = [agencies.page(query, offset=offset, limit=5) for offset in range(0, 25, 5)]
        assert [len(page) for page in pages] == [5, 5, 5, 5, 1]
        joined = [row.id for page in pages for row in page]
        assert joined == [row.id for row in whole]
        assert len(set(joined)) == len(joined)
        assert agencies.page(query, offset=len(whole), limit=5) == []


def test_pages_of_a_search(agencies):
    for i in range(1, 13):
        agencies.add(AgencyDraft(name=f"شهرداری منطقه {i}"))
    agencies.add(AgencyDraft(name="بانک ملی"))
    query = AgencyQuery(search="شهرداري")
    assert agencies.count(query) == 12
    first, second, third = (agencies.page(query, offset=o, limit=5) for o in (0, 5, 10))
    # Numbers sort by value: منطقه ۲ before منطقه ۱۰.
    assert names(first) == [f"شهرداری منطقه {i}" for i in range(1, 6)]
    assert names(second) == [f"شهرداری منطقه {i}" for i in range(6, 11)]
    assert names(third) == ["شهرداری منطقه 11", "شهرداری منطقه 12"]
