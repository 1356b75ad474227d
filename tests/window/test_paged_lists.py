"""The long lists hold only the rows around what their view shows, read in the background.

Pages are made small here (``PAGE_SIZE``) so that the demo council's 46
resolutions, or a few dozen people, make a list of many pages.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from secretariat.database import BUSY_MESSAGE, open_database
from secretariat.errors import DatabaseBusyError
from secretariat.followup.register import RegisterSort, ResolutionQuery
from secretariat.followup.status import RUNNING
from secretariat.members.people import PersonDraft, PersonQuery
from secretariat.persian.text import to_persian_digits
from ui.people.people_table_model import PeopleTableModel
from ui.people.people_view import PeopleView
from ui.resolutions.register_table_model import RegisterTableModel
from ui.resolutions.register_view import RegisterView
from ui.services import Services
from ui.widgets.paged_table_model import PagedTableModel
from ui.widgets.table_setup import configure_table


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(PagedTableModel, "PAGE_SIZE", 5)
    monkeypatch.setattr(PagedTableModel, "HELD_PAGES", 3)


@pytest.fixture
def demo_services(demo_copy, persian_app):
    database = open_database(demo_copy)
    yield Services(database)
    database.close()


def _shown(qtbot, widget, height: int = 420):
    qtbot.addWidget(widget)
    widget.resize(1100, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _rows_in_view(table: QTableView) -> range:
    top = table.rowAt(0)
    bottom = table.rowAt(table.viewport().height() - 1)
    return range(top, (bottom if bottom >= 0 else table.model().rowCount() - 1) + 1)


def _scroll_to_end(qtbot, table: QTableView) -> None:
    table.scrollToBottom()
    qtbot.waitUntil(lambda: not table.model().reading())
    table.viewport().repaint()  # the view asks for the rows it shows


def test_a_reload_after_a_change_keeps_the_view_where_it_was_and_shows_the_change(
    qtbot, demo_services, small_pages
):
    view = _shown(qtbot, RegisterView(demo_services))
    table, model = view.table, view.model
    _scroll_to_end(qtbot, table)
    in_view = _rows_in_view(table)
    assert in_view.stop == model.rowCount() > 5 * len(in_view)
    row = next(row for row in reversed(in_view) if model.record(row).status.value in RUNNING)
    resolution_id = model.item_id(row)
    assert view.select(resolution_id)
    scrolled = table.verticalScrollBar().value()

    # Saved elsewhere (the follow-up window): the core announces it and the register reloads.
    demo_services.followup.change_deadline(
        resolution_id, new_due="1420/01/01", reason="درخواست دستگاه", by="دبیر شورا"
    )
    qtbot.waitUntil(lambda: not model.reading())

    assert table.verticalScrollBar().value() == scrolled
    assert view.selected_id() == resolution_id and model.row_of(resolution_id) == row
    assert model.index(row, model.column("due")).data() == to_persian_digits("1420/01/01")
    # Only the rows in view (and a few around them) were read again.
    assert model.held_rows() < 3 * len(in_view)
    assert not model.is_held(0)


def test_a_row_added_above_moves_the_selection_with_its_record_and_the_view_stays(
    qtbot, services, small_pages
):
    for number in range(10, 50):
        services.people.add(PersonDraft(full_name=f"کارمند {number}"))
    view = _shown(qtbot, PeopleView(services))
    table, model = view.table, view.model
    _scroll_to_end(qtbot, table)
    row = _rows_in_view(table)[-2]
    person_id = model.item_id(row)
    assert view.select(person_id)
    scrolled = table.verticalScrollBar().value()

    services.people.add(PersonDraft(full_name="آرش احمدی"))  # first in Persian order
    qtbot.waitUntil(lambda: not model.reading())

    assert model.rowCount() == 41
    assert table.verticalScrollBar().value() == scrolled
    assert view.selected_id() == person_id and model.row_of(person_id) == row + 1
    assert view.edit_button.isEnabled()
    assert view.result_label.text() == "۴۱ نفر"


def test_the_selection_goes_when_a_change_takes_its_record_out_of_the_list(qtbot, demo_services, small_pages):
    view = _shown(qtbot, RegisterView(demo_services))
    view.status_filter.setCurrentIndex(view.status_filter.findData("overdue"))
    qtbot.waitUntil(lambda: not view.model.reading())
    resolution_id = view.model.item_id(0)
    assert view.select(resolution_id) and view.edit_button.isEnabled()
    overdue = view.model.total()

    demo_services.followup.change_deadline(
        resolution_id, new_due="1420/01/01", reason="درخواست دستگاه", by="دبیر شورا"
    )
    qtbot.waitUntil(lambda: not view.model.reading())

    assert view.model.total() == overdue - 1
    assert view.model.row_of(resolution_id) is None
    assert view.selected_id() is None and not view.edit_button.isEnabled()


def test_rows_far_from_the_view_are_dropped_as_it_scrolls(qtbot, demo_services, small_pages):
    view = _shown(qtbot, RegisterView(demo_services))
    table, model = view.table, view.model
    bar = table.verticalScrollBar()
    codes = model.column("code")
    most = 0
    for value in range(bar.minimum(), bar.maximum() + 1):
        bar.setValue(value)
        table.viewport().repaint()
        most = max(most, model.held_rows())
        for row in _rows_in_view(table):  # every row in view shows its code, read as it came into view
            assert model.index(row, codes).data(), row
    in_view = len(_rows_in_view(table))
    assert model.rowCount() == 46
    # The pages around the view, and the rows in it: never the whole list.
    assert most <= (PagedTableModel.HELD_PAGES + 1) * PagedTableModel.PAGE_SIZE + in_view < model.rowCount()
    assert not model.is_held(0) and model.is_held(model.rowCount() - 1)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", list(RegisterSort))
def test_the_last_rows_come_in_the_lists_order(demo_services, small_pages, sort, descending):
    model = RegisterTableModel(demo_services.register)
    query = ResolutionQuery(sort=sort, descending=descending)
    model.sort(model.column(next(c.key for c in model.columns if c.sort is sort)), _order(descending))
    assert model.query == query
    whole = [row.id for row in demo_services.register.page(query, offset=0, limit=None)]
    # A page at a time from the end, as a view scrolled to the end asks for them (the
    # register reads a page nearer the end from the end).
    assert [model.item_id(row) for row in reversed(range(model.rowCount()))] == whole[::-1]


def _order(descending: bool) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder


class _Gated:
    """The people service, whose reads wait while the gate is shut (a slow database)."""

    def __init__(self, people: Any) -> None:
        self._people = people
        self.open = threading.Event()
        self.open.set()
        self.fail: Exception | None = None  # raised by the next read

    def count(self, query: PersonQuery) -> int:
        self.open.wait(10)
        failure, self.fail = self.fail, None
        if failure is not None:
            raise failure
        return int(self._people.count(query))

    def page(self, query: PersonQuery, *, offset: int, limit: int | None) -> list[Any]:
        self.open.wait(10)
        return list(self._people.page(query, offset=offset, limit=limit))


def test_a_slow_read_leaves_the_window_answering_and_its_rows_come_when_it_ends(
    qtbot, services, small_pages, monkeypatch
):
    for name in ("زهرا کریمی", "علی رضایی", "مریم احمدی"):
        services.people.add(PersonDraft(full_name=name))
    gated = _Gated(services.people)
    model = PeopleTableModel(gated)  # type: ignore[arg-type]
    table = QTableView()
    table.setModel(model)
    configure_table(table)
    model.watch(table)
    _shown(qtbot, table)
    names = lambda: [model.index(row, 0).data() for row in range(model.rowCount())]  # noqa: E731
    assert names() == ["زهرا کریمی", "علی رضایی", "مریم احمدی"]

    monkeypatch.setattr(PagedTableModel, "WAIT_MS", 0)
    gated.open.clear()
    model.set_search("رضایی")  # returns while the read waits at the gate
    assert model.reading()
    assert names() == ["زهرا کریمی", "علی رضایی", "مریم احمدی"]  # what was shown stays meanwhile

    with qtbot.waitSignal(model.modelReset):
        gated.open.set()
    assert not model.reading()
    assert names() == ["علی رضایی"]


def test_rows_scrolled_to_during_a_slow_read_are_blank_then_painted(
    qtbot, services, small_pages, monkeypatch
):
    for number in range(10, 40):
        services.people.add(PersonDraft(full_name=f"کارمند {number}"))
    gated = _Gated(services.people)
    model = PeopleTableModel(gated)  # type: ignore[arg-type]
    monkeypatch.setattr(PagedTableModel, "WAIT_MS", 0)
    gated.open.clear()
    last = model.index(model.rowCount() - 1, 0)
    assert last.data() is None  # asked for: read in the background
    assert model.reading()

    with qtbot.waitSignal(model.dataChanged) as changed:
        gated.open.set()
    first, end = changed.args[0], changed.args[1]
    assert first.row() <= last.row() <= end.row() and end.column() == len(model.columns) - 1
    assert last.data() == "کارمند 39"


def test_a_read_that_fails_says_why_where_it_was_asked_and_the_list_goes_on(qtbot, services, small_pages):
    for name in ("زهرا کریمی", "علی رضایی"):
        services.people.add(PersonDraft(full_name=name))
    gated = _Gated(services.people)
    model = PeopleTableModel(gated)  # type: ignore[arg-type]
    gated.fail = DatabaseBusyError(BUSY_MESSAGE)
    with pytest.raises(DatabaseBusyError):
        model.reload()
    assert not model.reading() and model.rowCount() == 2

    services.people.add(PersonDraft(full_name="مریم احمدی"))
    model.reload()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "زهرا کریمی",
        "علی رضایی",
        "مریم احمدی",
    ]
