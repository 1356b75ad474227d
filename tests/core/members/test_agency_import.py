"""Importing agencies and their PR managers from a sheet: the preview row by row, then all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.errors import DomainError
from secretariat.members import agency_import
from secretariat.members.agencies import AgencyCategory, AgencyDraft, AgencyQuery
from secretariat.members.agency_import import CHANGED_MESSAGE, RowStatus
from secretariat.members.agency_sheet import SheetError
from secretariat.members.council import CouncilDraft
from secretariat.members.people import AppointmentDraft, PersonDraft, PersonQuery
from secretariat.persian.jalali import from_jalali
from tests.support.agency_sheets import agency_row, write_sheet

TODAY = dt.date(2026, 5, 20)


@pytest.fixture
def council(secretariat):
    return secretariat.council.create(CouncilDraft(name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس"))


def preview_of(secretariat, tmp_path, rows, **kwargs):
    return secretariat.agency_import.preview(write_sheet(tmp_path / "list.xlsx", rows, **kwargs), today=TODAY)


def agency_count(secretariat) -> int:
    return secretariat.agencies.count(AgencyQuery(include_inactive=True))


def appoint(secretariat, agency_id: int, name: str, start: str, mobile: str = "") -> None:
    person = secretariat.people.add(PersonDraft(full_name=name, mobile=mobile))
    secretariat.people.appoint(AppointmentDraft(agency_id=agency_id, person_id=person.id, start_date=start))


def test_a_sheet_becomes_agencies_with_their_pr_managers(secretariat, council, tmp_path):
    preview = preview_of(
        secretariat,
        tmp_path,
        [
            agency_row(
                "اداره کل آموزش و پرورش",
                short_name="آموزش و پرورش",
                category="اداره کل",
                phones="۰۲۱-۷۶۲۴۰۰۰۰",
                email="pr@edu.example.ir",
                joined_on="۱۴۰۲/۰۳/۱۵",
                first_name="مریم",
                last_name="احمدی",
                mobile="٠٩١٢١٢٣٤٥٦٧",  # Arabic-Indic digits
                start="1403/01/15",
            ),
            agency_row("شهرداری پردیس", category="شهرداری"),
        ],
    )
    assert [row.status for row in preview.rows] == [RowStatus.NEW, RowStatus.NEW]
    assert preview.summary() == "۲ دستگاه جدید، ۰ موجود، ۰ ردیف با خطا"
    first = preview.rows[0]
    assert first.action == "افزودن دستگاه و مدیر روابط عمومی از ۱۴۰۳/۰۱/۱۵"
    assert agency_count(secretariat) == 0  # the preview saves nothing

    result = secretariat.agency_import.import_preview(preview)
    assert (result.agencies, result.appointments, result.people, result.left_out) == (2, 1, 1, 0)
    record = secretariat.agencies.find_by_name("اداره کل آموزش و پرورش")
    assert record.category is AgencyCategory.DIRECTORATE
    assert record.joined_on == from_jalali(1402, 3, 15)
    assert record.phones == "۰۲۱-۷۶۲۴۰۰۰۰"
    manager = secretariat.people.current_pr_manager(record.id)
    assert manager.full_name == "مریم احمدی"
    assert manager.mobile == "٠٩١٢١٢٣٤٥٦٧"  # as typed, as the person form keeps it
    assert secretariat.people.history(record.id)[0].start_date == from_jalali(1403, 1, 15)
    other = secretariat.agencies.find_by_name("شهرداری پردیس")
    assert other.category is AgencyCategory.MUNICIPALITY
    assert secretariat.people.current_pr_manager(other.id) is None


def test_arabic_letters_and_digits_of_every_script_read_alike(secretariat, council, tmp_path):
    preview = preview_of(
        secretariat,
        tmp_path,
        [
            agency_row("شهرداري بومهن", category="شهرداري", joined_on="1402/03/15"),
            agency_row("بانك ملي", category="بانك", joined_on="١٤٠٢/٠٣/١٥"),
            agency_row("دانشگاه پیام نور", category="دانشگاه", joined_on="۱۴۰۲-۰۳-۱۵"),
        ],
    )
    assert [row.status for row in preview.rows] == [RowStatus.NEW] * 3
    assert [row.name for row in preview.rows] == ["شهرداری بومهن", "بانک ملی", "دانشگاه پیام نور"]
    assert {row.joined_on for row in preview.rows} == {from_jalali(1402, 3, 15)}
    assert [row.category for row in preview.rows] == [
        AgencyCategory.MUNICIPALITY,
        AgencyCategory.BANK,
        AgencyCategory.UNIVERSITY,
    ]


def test_an_excel_date_cell_is_the_jalali_date_of_that_day(secretariat, council, tmp_path):
    preview = preview_of(
        secretariat,
        tmp_path,
        [
            agency_row(
                "شهرداری پردیس",
                joined_on=dt.datetime(2023, 6, 5),
                first_name="علی",
                start=dt.date(2024, 3, 20),
            )
        ],
    )
    row = preview.rows[0]
    assert row.joined_on == dt.date(2023, 6, 5)
    assert row.manager.start_date == dt.date(2024, 3, 20)


def test_a_manager_without_a_start_date_starts_on_the_day_of_the_import(secretariat, council, tmp_path):
    preview = preview_of(
        secretariat, tmp_path, [agency_row("شهرداری پردیس", first_name="علی", last_name="رضایی")]
    )
    row = preview.rows[0]
    assert row.manager.start_date == TODAY and not row.manager.start_given
    assert "امروز" in row.action


def test_a_name_twice_in_the_sheet_is_an_error_on_both_rows(secretariat, council, tmp_path):
    preview = preview_of(
        secretariat,
        tmp_path,
        [agency_row("شهرداری پردیس"), agency_row("بانک ملی"), agency_row("شهرداري  پرديس")],
    )
    first, bank, second = preview.rows
    assert (first.status, bank.status, second.status) == (RowStatus.ERROR, RowStatus.NEW, RowStatus.ERROR)
    assert "ردیف ۴ هم آمده است" in first.action
    assert "ردیف ۲ هم آمده است" in second.action


def test_an_existing_agency_is_left_as_it_is(secretariat, council, tmp_path):
    agency = secretariat.agencies.add(
        AgencyDraft(name="شهرداری پردیس", phones="021-1", category="municipality")
    )
    appoint(secretariat, agency.id, "مریم احمدی", "1400/01/01")
    preview = preview_of(
        secretariat,
        tmp_path,
        [
            agency_row(
                "شهرداري پرديس", phones="021-999", category="سایر", first_name="مريم", last_name="احمدي"
            )
        ],
    )
    row = preview.rows[0]
    assert (row.status, row.appoints, row.agency_id) == (RowStatus.EXISTING, False, agency.id)
    assert row.action == "بدون تغییر؛ همان مدیر روابط عمومی کنونی"
    assert not preview.importable
    with pytest.raises(DomainError, match="ردیفی برای ورود نیست"):
        secretariat.agency_import.import_preview(preview)
    assert secretariat.agencies.get(agency.id).phones == "021-1"
    assert len(secretariat.people.history(agency.id)) == 1


def test_an_existing_agency_gets_its_new_pr_manager_and_the_old_term_ends(secretariat, council, tmp_path):
    agency = secretariat.agencies.add(AgencyDraft(name="شهرداری پردیس"))
    appoint(secretariat, agency.id, "مریم احمدی", "1400/01/01")
    preview = preview_of(
        secretariat,
        tmp_path,
        [agency_row("شهرداری پردیس", first_name="علی", last_name="رضایی", start="۱۴۰۴/۰۷/۰۱")],
    )
    row = preview.rows[0]
    assert (row.status, row.appoints, row.replaces) == (RowStatus.EXISTING, True, "مریم احمدی")
    assert preview.summary() == "۰ دستگاه جدید، ۱ موجود (۱ با مدیر روابط عمومی تازه)، ۰ ردیف با خطا"
    assert row.action == "مدیر روابط عمومی تازه از ۱۴۰۴/۰۷/۰۱؛ پایان کار مریم احمدی"
    result = secretariat.agency_import.import_preview(preview)
    assert (result.agencies, result.appointments) == (0, 1)
    current, former = secretariat.people.history(agency.id)
    assert (current.person_name, current.end_date) == ("علی رضایی", None)
    assert (former.person_name, former.end_date) == ("مریم احمدی", from_jalali(1404, 7, 1))


def test_a_new_manager_before_the_current_ones_start_is_refused_as_the_form_refuses(
    secretariat, council, tmp_path
):
    agency = secretariat.agencies.add(AgencyDraft(name="شهرداری پردیس"))
    appoint(secretariat, agency.id, "مریم احمدی", "1403/01/01")
    inactive = secretariat.agencies.add(AgencyDraft(name="بانک ملی"))
    secretariat.agencies.set_active(inactive.id, False)
    preview = preview_of(
        secretariat,
        tmp_path,
        [
            agency_row("شهرداری پردیس", first_name="علی", start="1402/01/01"),
            agency_row("بانک ملی", first_name="رضا"),
        ],
    )
    early, closed = preview.rows
    assert early.status is RowStatus.ERROR
    assert early.action == "«تاریخ شروع مسئولیت»: تاریخ شروع پیش از آغاز کار مریم احمدی (۱۴۰۳/۰۱/۰۱) است."
    assert closed.status is RowStatus.ERROR and "غیرفعال است" in closed.action


def test_an_unknown_category_lists_the_allowed_ones_and_common_labels_are_read(
    secretariat, council, tmp_path
):
    preview = preview_of(
        secretariat,
        tmp_path,
        [
            agency_row("بانک ملی", category="بانکی"),
            agency_row("فرمانداری پردیس", category="فرمانداری"),
            agency_row("شرکت گاز", category="state_company"),
            agency_row("هلال احمر", category=""),
        ],
    )
    unknown, governorate, company, blank = preview.rows
    assert unknown.status is RowStatus.ERROR
    assert unknown.action.startswith("«دسته»: «بانکی» شناخته نیست؛ یکی از این‌ها را بنویسید: اداره کل، ")
    for category in AgencyCategory:
        assert category.label in unknown.action
    assert governorate.category is AgencyCategory.GOVERNORATE
    assert company.category is AgencyCategory.STATE_COMPANY
    assert blank.category is AgencyCategory.OTHER  # as the agency form proposes


def test_each_field_is_held_to_the_forms_rules_and_named_by_its_column(secretariat, council, tmp_path):
    preview = preview_of(
        secretariat,
        tmp_path,
        [
            agency_row("", phones="021"),
            agency_row("اداره پست", email="pr@post", joined_on="1404/12/30"),
            agency_row("اداره گاز", mobile="09121234567"),  # a manager without a name
            agency_row("ا" * 201),
            agency_row("اداره برق", website="not a site", joined_on="1500/01/01"),
        ],
    )
    empty, post, gas, long, power = preview.rows
    assert all(row.status is RowStatus.ERROR for row in preview.rows)
    assert empty.action == "«نام دستگاه»: نام دستگاه را بنویسید."
    assert "«پست الکترونیک»: نشانی رایانامه «pr@post» درست نیست" in post.action
    assert "«تاریخ عضویت»: سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد." in post.action
    assert gas.action == "«نام مدیر روابط عمومی»: نام و نام خانوادگی را بنویسید."
    assert long.action == "«نام دستگاه»: حداکثر ۲۰۰ نویسه؛ این متن ۲۰۱ نویسه است."
    assert "«وبگاه»" in power.action and "تاریخ عضویت نمی‌تواند در آینده باشد" in power.action


def test_rows_with_errors_are_left_out_and_the_rest_imported(secretariat, council, tmp_path):
    preview = preview_of(
        secretariat,
        tmp_path,
        [agency_row("شهرداری پردیس"), agency_row("بانک ملی", category="بانکی"), agency_row("اداره پست")],
    )
    assert preview.summary() == "۲ دستگاه جدید، ۰ موجود، ۱ ردیف با خطا"
    assert preview.notes()[0].startswith("ردیف‌های خطادار وارد نمی‌شوند")
    result = secretariat.agency_import.import_preview(preview)
    assert result.summary() == "۲ دستگاه افزوده شد و ۰ مدیر روابط عمومی ثبت شد؛ ۱ ردیف با خطا وارد نشد."
    assert [row.name for row in secretariat.agencies.page()] == ["اداره پست", "شهرداری پردیس"]


def test_a_person_of_the_register_is_not_added_twice(secretariat, council, tmp_path):
    known = secretariat.people.add(PersonDraft(full_name="علی رضایی", mobile="09120000001"))
    preview = preview_of(
        secretariat,
        tmp_path,
        [
            agency_row("شهرداری پردیس", first_name="علي", last_name="رضايي", mobile="۰۹۱۲۰۰۰۰۰۰۱"),
            agency_row("بانک ملی", first_name="زهرا", last_name="کاظمی", mobile="09121111111"),
            agency_row("اداره پست", first_name="زهرا", last_name="کاظمی"),  # the same, for two agencies
            agency_row("اداره گاز", first_name="علی", last_name="رضایی", mobile="09129999999"),  # another Ali
        ],
    )
    ali, zahra, zahra_again, other_ali = preview.rows
    assert ali.person_id == known.id and "شخص از فهرست افراد" in ali.action
    assert zahra.person_id is None and zahra.same_person_as is None
    assert zahra_again.same_person_as == 3 and "همان شخص ردیف ۳" in zahra_again.action
    assert other_ali.person_id is None and other_ali.same_person_as is None
    result = secretariat.agency_import.import_preview(preview)
    assert (result.appointments, result.people) == (4, 2)
    assert secretariat.people.count(PersonQuery()) == 3
    post = secretariat.agencies.find_by_name("اداره پست")
    bank = secretariat.agencies.find_by_name("بانک ملی")
    assert secretariat.people.current_pr_manager(post.id) == secretariat.people.current_pr_manager(bank.id)


def test_cancelling_after_the_preview_saves_nothing(secretariat, council, tmp_path):
    preview_of(secretariat, tmp_path, [agency_row("شهرداری پردیس", first_name="علی")])
    assert agency_count(secretariat) == 0
    assert secretariat.people.count(PersonQuery()) == 0


def test_the_register_changed_since_the_preview_saves_nothing(secretariat, council, tmp_path):
    preview = preview_of(secretariat, tmp_path, [agency_row("شهرداری پردیس"), agency_row("بانک ملی")])
    secretariat.agencies.add(AgencyDraft(name="بانك ملي"))  # another PC, meanwhile
    with pytest.raises(DomainError, match="از هنگام پیش‌نمایش تغییر کرده است") as refusal:
        secretariat.agency_import.import_preview(preview)
    assert refusal.value.message == CHANGED_MESSAGE
    assert [row.name for row in secretariat.agencies.page()] == ["بانک ملی"]


def test_a_failure_halfway_saves_nothing(secretariat, council, tmp_path, monkeypatch):
    preview = preview_of(
        secretariat,
        tmp_path,
        [agency_row(f"دستگاه {n}", first_name=f"نام {n}") for n in range(5)],
    )
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise DomainError("دیسک پر است")
        return real(*args, **kwargs)

    real = agency_import.record_appointment
    monkeypatch.setattr(agency_import, "record_appointment", failing)
    with pytest.raises(DomainError, match="دیسک پر است"):
        secretariat.agency_import.import_preview(preview)
    assert agency_count(secretariat) == 0
    assert secretariat.people.count(PersonQuery()) == 0


def test_a_bad_file_is_refused_before_anything_is_read(secretariat, council, tmp_path):
    path = tmp_path / "agencies.xlsx"
    path.write_text("این یک پرونده متنی است", encoding="utf-8")
    with pytest.raises(SheetError, match="کاربرگ اکسل \\(xlsx\\) نیست"):
        secretariat.agency_import.preview(path)
