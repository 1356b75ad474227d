"""The agencies section and the agency form, driven through the real widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from secretariat.members.agencies import AgencyDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from ui.agencies.agencies_view import AgenciesView
from ui.agencies.agency_dialog import AgencyDialog
from ui.agencies.agency_table_model import AGENCY_ID_ROLE, INACTIVE_COLOUR, AgencyTableModel


@pytest.fixture
def view(qtbot, services, council):
    view = AgenciesView(services)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def names_in_view(model: AgencyTableModel) -> list[str]:
    return [model.index(row, model.column("name")).data() for row in range(model.rowCount())]


def search(qtbot, view: AgenciesView, type_text, text: str) -> None:
    view.search_box.clear()
    type_text(view.search_box, text)
    # The box filters after a short pause in typing.
    with qtbot.waitSignal(view.model.modelReset, timeout=2000):
        pass


def test_agency_added_through_the_dialog_is_found_by_a_spelling_variant(
    qtbot, services, view, type_text, run_modal
):
    services.agencies.add(AgencyDraft(name="اداره ورزش و جوانان"))

    def fill_in(dialog: AgencyDialog) -> None:
        type_text(dialog.name, "مدیریت روابط‌عمومی شبکه بهداشت")
        type_text(dialog.short_name, "بهداشت")
        type_text(dialog.email, "pr@behdasht.ir")
        type_text(dialog.joined_on.lineEdit(), "۱۴۰۳/۰۲/۲۷")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(view.add_button.click, fill_in)

    saved = services.agencies.find_by_name("مدیریت روابط‌عمومی شبکه بهداشت")
    assert saved is not None
    assert saved.joined_on == dt.date(2024, 5, 16)
    assert view.selected_agency_id() == saved.id

    # Arabic yeh (ي) in the query still finds مدیریت.
    search(qtbot, view, type_text, "مدير")
    assert names_in_view(view.model) == ["مدیریت روابط‌عمومی شبکه بهداشت"]
    # A space where the name has a zero-width non-joiner.
    search(qtbot, view, type_text, "روابط عمومی")
    assert names_in_view(view.model) == ["مدیریت روابط‌عمومی شبکه بهداشت"]
    search(qtbot, view, type_text, "جوانان")
    assert names_in_view(view.model) == ["اداره ورزش و جوانان"]


def test_the_dialog_refuses_an_empty_name_and_stays_open(qtbot, services):
    dialog = AgencyDialog(services.agencies)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.email, "pr@pardis")

    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form.error("name") == "نام دستگاه را بنویسید."
    assert "pr@pardis" in dialog.form.error("email")
    assert dialog.email.text() == "pr@pardis"
    assert services.agencies.count() == 0


def test_the_dialog_refuses_a_duplicate_name_in_another_spelling(qtbot, services, type_text):
    services.agencies.add(AgencyDraft(name="اداره کل ورزش و جوانان"))
    dialog = AgencyDialog(services.agencies)
    qtbot.addWidget(dialog)
    dialog.show()
    # Arabic kaf (ك): the same name to a person, another string to Python.
    type_text(dialog.name, "اداره كل ورزش و جوانان")
    type_text(dialog.phones, "021-76250011")

    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert "از پیش در فهرست هست" in dialog.form.error("name")
    assert dialog.name.text() == "اداره كل ورزش و جوانان"
    assert dialog.phones.text() == "۰۲۱-۷۶۲۵۰۰۱۱"  # kept, in the Persian digits the field shows
    assert services.agencies.count() == 1


def test_an_error_goes_away_once_the_field_is_fixed(qtbot, services, type_text):
    dialog = AgencyDialog(services.agencies)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.joined_on.lineEdit(), "۱۴۰۴/۱۲/۳۰")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert dialog.form.error("name")
    assert "کبیسه" in dialog.form.error("joined_on")

    type_text(dialog.name, "شهرداری پردیس")
    assert dialog.form.error("name") == ""
    assert "کبیسه" in dialog.form.error("joined_on")

    dialog.joined_on.lineEdit().clear()
    type_text(dialog.joined_on.lineEdit(), "۱۴۰۳/۱۲/۳۰")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.saved.joined_on == dt.date(2025, 3, 20)


def test_editing_keeps_the_fields_and_saves_changes(qtbot, services, type_text):
    record = services.agencies.add(AgencyDraft(name="اداره پست", email="pr@post.ir", joined_on="1400/01/15"))
    dialog = AgencyDialog(services.agencies, record)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == "اداره پست"
    assert dialog.joined_on.date() == record.joined_on
    dialog.name.selectAll()
    type_text(dialog.name, "اداره پست پردیس")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert services.agencies.get(record.id).name == "اداره پست پردیس"
    assert services.agencies.get(record.id).email == "pr@post.ir"


def test_the_table_sorts_by_name_in_persian_order(qtbot, services, view):
    names = [
        "یگان حفاظت",
        "گمرک",
        "پست",
        "لوازم",
        "تربیت بدنی",
        "آب منطقه‌ای",
        "ژاندارمری",
        "چاپخانه",
        "بانک ملی",
        "هلال احمر",
        "وزارت نیرو",
    ]
    for name in names:
        services.agencies.add(AgencyDraft(name=name))
    persian = [
        "آب منطقه‌ای",
        "بانک ملی",
        "پست",
        "تربیت بدنی",
        "چاپخانه",
        "ژاندارمری",
        "گمرک",
        "لوازم",
        "وزارت نیرو",
        "هلال احمر",
        "یگان حفاظت",
    ]
    assert sorted(names) != persian  # code-point order would be wrong

    view.model.reload()
    assert names_in_view(view.model) == persian

    view.table.sortByColumn(view.model.column("name"), Qt.SortOrder.DescendingOrder)
    assert names_in_view(view.model) == persian[::-1]


def test_the_model_reads_pages_as_they_are_asked_for_and_keeps_the_order_across_pages(services):
    for number in range(1, 231):
        services.agencies.add(AgencyDraft(name=f"دستگاه {number}"))
    model = AgencyTableModel(services.agencies)
    assert model.total() == model.rowCount() == 230
    assert model.held_rows() == AgencyTableModel.PAGE_SIZE  # the first page only, until more is asked
    # Numbers compare by value in the Persian collation: 2 before 10.
    assert [model.index(row, 0).data() for row in (0, 1, 9, 229)] == [
        "دستگاه 1",
        "دستگاه 2",
        "دستگاه 10",
        "دستگاه 230",
    ]
    assert model.index(5, 0).data(AGENCY_ID_ROLE) == model.agency_id(5)


def test_deactivating_hides_the_agency_unless_inactive_ones_are_shown(qtbot, services, view):
    agency = services.agencies.add(AgencyDraft(name="اداره ثبت اسناد", joined_on="1401/02/22"))
    services.agencies.add(AgencyDraft(name="اداره گاز"))
    view.model.reload()
    assert view.select_agency(agency.id)
    assert view.toggle_button.text() == "غیرفعال کردن"

    qtbot.mouseClick(view.toggle_button, Qt.MouseButton.LeftButton)

    assert not services.agencies.get(agency.id).active
    assert names_in_view(view.model) == ["اداره گاز"]
    assert view.detail.agency() is None

    view.show_inactive.setChecked(True)
    assert names_in_view(view.model) == ["اداره ثبت اسناد", "اداره گاز"]
    row = view.model.row_of(agency.id)
    assert view.model.index(row, view.model.column("status")).data() == "غیرفعال"
    assert view.model.index(row, view.model.column("joined_on")).data() == "۱۴۰۱/۰۲/۲۲"
    assert (
        view.model.index(row, view.model.column("name")).data(Qt.ItemDataRole.ForegroundRole)
        == INACTIVE_COLOUR
    )
    view.select_agency(agency.id)
    assert view.toggle_button.text() == "فعال کردن"

    qtbot.mouseClick(view.toggle_button, Qt.MouseButton.LeftButton)
    assert services.agencies.get(agency.id).active
    assert view.toggle_button.text() == "غیرفعال کردن"


def test_an_agency_with_a_history_is_not_deleted_but_one_added_by_mistake_is(
    qtbot, services, view, message_boxes
):
    kept = services.agencies.add(AgencyDraft(name="اداره فرهنگ و ارشاد اسلامی"))
    mistake = services.agencies.add(AgencyDraft(name="اداره فرهنگ و ارشاد (تکراری)"))
    person = services.people.add(PersonDraft(full_name="مریم احمدی"))
    services.people.appoint(AppointmentDraft(agency_id=kept.id, person_id=person.id, start_date="1402/01/01"))
    view.model.reload()

    view.select_agency(kept.id)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _text in message_boxes.shown] == ["warn"]
    assert "غیرفعال کنید" in message_boxes.shown[0][1]
    assert services.agencies.count() == 2

    view.select_agency(mistake.id)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown[-1][0] == "confirm"
    assert names_in_view(view.model) == ["اداره فرهنگ و ارشاد اسلامی"]
    assert services.agencies.find_by_name("اداره فرهنگ و ارشاد (تکراری)") is None


def test_the_table_shows_the_current_pr_manager_and_persian_dates(services, view):
    agency = services.agencies.add(
        AgencyDraft(name="شهرداری پردیس", phones="021-76240000", joined_on="۱۳۹۸/۰۵/۱۲")
    )
    person = services.people.add(PersonDraft(full_name="علی رضایی"))
    services.people.appoint(
        AppointmentDraft(agency_id=agency.id, person_id=person.id, start_date="1402/01/01")
    )
    view.model.reload()
    row = view.model.row_of(agency.id)
    cells = [view.model.index(row, column).data() for column in range(view.model.columnCount())]
    phones = "\u2066۰۲۱-۷۶۲۴۰۰۰۰\u2069"  # Persian digits, the number kept left to right (issue 14, point 5)
    assert cells == ["شهرداری پردیس", "", "سایر", "علی رضایی", phones, "۱۳۹۸/۰۵/۱۲", "فعال"]
