"""The people section, the person form and the person picker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from secretariat.members.agencies import AgencyDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from ui.people.people_table_model import PERSON_ID_ROLE
from ui.people.people_view import PeopleView
from ui.people.person_dialog import PersonDialog
from ui.people.person_picker import PersonPicker


@pytest.fixture
def view(qtbot, services, council):
    view = PeopleView(services)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    return view


def names(view: PeopleView) -> list[str]:
    return [view.model.index(row, view.model.column("name")).data() for row in range(view.model.rowCount())]


def test_a_person_added_through_the_dialog_is_listed_and_found(qtbot, services, view, type_text, run_modal):
    services.people.add(PersonDraft(full_name="زهرا کریمی"))

    def fill_in(dialog: PersonDialog) -> None:
        type_text(dialog.fields.full_name, "علی رضایی")
        type_text(dialog.fields.mobile, "۰۹۱۲۱۲۳۴۵۶۷")
        type_text(dialog.fields.email, "ali@pardis.ir")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(view.add_button.click, fill_in)

    assert names(view) == ["زهرا کریمی", "علی رضایی"]
    assert view.selected_person_id() is not None
    type_text(view.search_box, "علي")  # Arabic yeh
    with qtbot.waitSignal(view.model.modelReset, timeout=2000):
        pass
    assert names(view) == ["علی رضایی"]
    assert view.model.index(0, view.model.column("mobile")).data() == "۰۹۱۲۱۲۳۴۵۶۷"


def test_the_person_dialog_refuses_a_missing_name_and_a_bad_email(qtbot, services):
    dialog = PersonDialog(services.people)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.fields.email, "ali@")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.error("full_name") == "نام و نام خانوادگی را بنویسید."
    assert "ali@" in dialog.form.error("email")
    assert services.people.count() == 0


def test_people_are_listed_in_persian_order_with_their_current_roles(services, view):
    for name in ["یاسمن نجفی", "گلناز پورمحمدی", "پریسا رحیمی", "تینا توکلی", "هادی صادقی", "وحید ملکی"]:
        services.people.add(PersonDraft(full_name=name))
    agency = services.agencies.add(AgencyDraft(name="اداره پست پردیس"))
    person = services.people.page()[0]
    services.people.appoint(
        AppointmentDraft(agency_id=agency.id, person_id=person.id, start_date="1403/01/01")
    )
    view.model.reload()
    assert names(view) == [
        "پریسا رحیمی",
        "تینا توکلی",
        "گلناز پورمحمدی",
        "وحید ملکی",
        "هادی صادقی",
        "یاسمن نجفی",
    ]
    assert (
        view.model.index(0, view.model.column("current_roles")).data() == "مدیر روابط عمومی، اداره پست پردیس"
    )
    assert view.model.index(0, 0).data(PERSON_ID_ROLE) == person.id


def test_the_current_roles_column_does_not_change_the_order(services, view):
    for name in ["بهروز شریفی", "آرش سلیمانی"]:
        services.people.add(PersonDraft(full_name=name))
    view.model.reload()
    view.table.sortByColumn(view.model.column("current_roles"), Qt.SortOrder.DescendingOrder)
    assert names(view) == ["آرش سلیمانی", "بهروز شریفی"]
    assert view.table.horizontalHeader().sortIndicatorSection() == view.model.column("name")
    view.table.sortByColumn(view.model.column("name"), Qt.SortOrder.DescendingOrder)
    assert names(view) == ["بهروز شریفی", "آرش سلیمانی"]


def test_the_picker_finds_people_by_any_spelling(qtbot, services, type_text):
    services.people.add(PersonDraft(full_name="کامران توکلی"))
    wanted = services.people.add(PersonDraft(full_name="علی یوسفی"))
    picker = PersonPicker(services.people)
    qtbot.addWidget(picker)
    picker.show()
    type_text(picker.lineEdit(), "يوسف")  # Arabic yeh
    model = picker.model()
    assert model.rowCount() == 1
    assert model.index(0).data(Qt.ItemDataRole.EditRole) == "علی یوسفی"
    assert picker.person_id() is None  # typing is not choosing

    popup = picker.completer().popup()
    assert popup.isVisible()
    first = popup.visualRect(popup.model().index(0, 0)).center()
    with qtbot.waitSignal(picker.personChanged):
        qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert picker.person_id() == wanted.id
    assert picker.lineEdit().text() == "علی یوسفی"

    type_text(picker.lineEdit(), "x")  # changing the name drops the choice
    assert picker.person_id() is None
