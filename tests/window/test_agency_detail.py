"""The selected agency's panel: people, role history, appointments, decrees."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from secretariat.members.agencies import AgencyDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from ui.agencies.agencies_view import AgenciesView
from ui.people.appointment_dialog import AppointmentDialog
from ui.people.decree_dialog import DecreeDialog
from ui.people.end_role_dialog import EndRoleDialog


@pytest.fixture
def agency(services, council):
    return services.agencies.add(AgencyDraft(name="اداره آموزش و پرورش پردیس"))


@pytest.fixture
def view(qtbot, services, agency):
    view = AgenciesView(services)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.select_agency(agency.id)
    return view


def history_rows(view: AgenciesView) -> list[list[str]]:
    model = view.detail.history_model
    columns = range(model.columnCount())
    return [[model.index(row, column).data() for column in columns] for row in range(model.rowCount())]


def set_date(edit, text: str) -> None:
    edit.lineEdit().clear()
    edit.setText(text)


def test_appointing_a_new_person_inline_then_a_successor(qtbot, services, view, agency, type_text, run_modal):
    def appoint_new(dialog: AppointmentDialog) -> None:
        qtbot.mouseClick(dialog.new_choice, Qt.MouseButton.LeftButton)
        type_text(dialog.new_person.full_name, "مریم احمدی")
        set_date(dialog.start_date, "۱۴۰۲/۰۱/۱۵")
        type_text(dialog.title, "مدیر روابط عمومی")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(view.detail.appoint_button.click, appoint_new)
    assert history_rows(view) == [
        ["مریم احمدی", "مدیر روابط عمومی", "مدیر روابط عمومی", "۱۴۰۲/۰۱/۱۵", "تاکنون", ""]
    ]
    assert view.model.index(view.model.row_of(agency.id), 3).data() == "مریم احمدی"

    successor = services.people.add(PersonDraft(full_name="حمید یوسفی"))

    def appoint_existing(dialog: AppointmentDialog) -> None:
        assert "مریم احمدی" in dialog.replaces_note.text()  # says who is replaced
        dialog.person.set_person(successor)
        set_date(dialog.start_date, "۱۴۰۳/۰۷/۰۱")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(view.detail.appoint_button.click, appoint_existing)
    assert [row[0] for row in history_rows(view)] == ["حمید یوسفی", "مریم احمدی"]
    assert history_rows(view)[1][4] == "۱۴۰۳/۰۷/۰۱"
    assert view.model.index(view.model.row_of(agency.id), 3).data() == "حمید یوسفی"


def test_the_appointment_dialog_asks_for_a_person_and_a_valid_date(qtbot, services, agency):
    dialog = AppointmentDialog(services.people, agency)
    qtbot.addWidget(dialog)
    dialog.show()
    set_date(dialog.start_date, "۱۴۰۴/۱۲/۳۰")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.error("person")
    assert "کبیسه" in dialog.form.error("start_date")
    assert services.people.history(agency.id) == []


def test_a_refused_appointment_does_not_add_the_new_person_twice(qtbot, services, agency, type_text):
    first = services.people.add(PersonDraft(full_name="سارا جعفری"))
    services.people.appoint(
        AppointmentDraft(agency_id=agency.id, person_id=first.id, start_date="1403/01/01")
    )
    dialog = AppointmentDialog(services.people, agency)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_choice.setChecked(True)
    type_text(dialog.new_person.full_name, "رضا قاسمی")
    set_date(dialog.start_date, "۱۴۰۲/۰۱/۰۱")  # before سارا جعفری started: refused
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "سارا جعفری" in dialog.form.error("start_date")

    set_date(dialog.start_date, "۱۴۰۳/۰۶/۰۱")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert services.people.count() == 2
    assert services.people.current_pr_manager(agency.id).full_name == "رضا قاسمی"


def test_ending_a_role_and_recording_a_decree(qtbot, services, view, agency, run_modal):
    person = services.people.add(PersonDraft(full_name="علی رضایی"))
    services.people.appoint(
        AppointmentDraft(agency_id=agency.id, person_id=person.id, start_date="1402/01/01")
    )
    assert view.detail.end_button.isEnabled()  # the core announced the appointment: the panel shows it

    def decree(dialog: DecreeDialog) -> None:
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)  # no number: refused
        assert dialog.form.error("number") == "شماره حکم را بنویسید."
        dialog.number.setText("۱۲۳۴/ص/۱۴۰۲")
        set_date(dialog.issued_on, "۱۴۰۲/۰۱/۰۵")
        dialog.issued_by.setText("فرماندار شهرستان پردیس")
        set_date(dialog.term_end, "۱۴۰۱/۰۱/۰۱")  # before the issue date: refused
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert "پیش از تاریخ صدور" in dialog.form.error("term_end")
        set_date(dialog.term_end, "۱۴۰۴/۰۱/۰۵")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(view.detail.decree_button.click, decree)
    assert history_rows(view)[0][view.detail.history_model.column("decrees")] == (
        "شماره ۱۲۳۴/ص/۱۴۰۲ مورخ ۱۴۰۲/۰۱/۰۵، صادرکننده: فرماندار شهرستان پردیس، اعتبار تا ۱۴۰۴/۰۱/۰۵"
    )

    def end(dialog: EndRoleDialog) -> None:
        set_date(dialog.end_date, "۱۴۰۳/۰۳/۳۱")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(view.detail.end_button.click, end)
    assert history_rows(view)[0][view.detail.history_model.column("end")] == "۱۴۰۳/۰۳/۳۱"
    assert services.people.history(agency.id)[0].end_date == dt.date(2024, 6, 20)
    assert not view.detail.end_button.isEnabled()  # the role is over
    assert view.model.index(view.model.row_of(agency.id), 3).data() == ""


def test_the_agency_pane_shows_only_while_an_agency_is_selected(qtbot, services, council):
    sport = services.agencies.add(AgencyDraft(name="اداره کل ورزش و جوانان"))
    view = AgenciesView(services)
    qtbot.addWidget(view)
    view.resize(1100, 640)
    view.show()
    view.table.clearSelection()
    assert not view.detail_area.isVisible()  # the list has the whole height
    view.select_agency(sport.id)
    assert view.detail_area.isVisible()
    assert view.detail.agency().name == sport.name
    view.table.clearSelection()
    assert not view.detail_area.isVisible()
