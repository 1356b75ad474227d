"""Every table's header, widths and sorting come from its model's one tuple of ``Column``s."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCalendarWidget, QHeaderView, QTableView, QWidget

from secretariat.database import open_database
from secretariat.followup.register import ResolutionQuery
from secretariat.letters.register import LetterKind, LetterQuery, OutgoingDraft
from secretariat.meetings.planning import MeetingQuery
from ui.agencies.agencies_view import AgenciesView
from ui.letters.letter_window import LetterWindow
from ui.letters.letters_view import LettersView
from ui.meetings.meetings_view import MeetingsView
from ui.meetings.window.meeting_window import MeetingWindow
from ui.people.people_view import PeopleView
from ui.resolutions.followup_window import FollowUpWindow
from ui.resolutions.register_view import RegisterView
from ui.services import Services
from ui.widgets.list_section import ListSection
from ui.widgets.record_table_model import RECORD_ROLE, RecordTableModel

# Every table model of the app: a new one is expected to declare its columns too.
TABLE_MODELS = {
    "AgencyTableModel",
    "RoleHistoryModel",
    "PeopleTableModel",
    "MeetingTableModel",
    "MonthMeetingsModel",
    "PostponementModel",
    "InviteeModel",
    "AgendaModel",
    "AttendanceSheetModel",
    "SummaryModel",
    "ResolutionModel",
    "AmendmentModel",
    "AttachmentModel",
    "RegisterTableModel",
    "FollowUpLogModel",
    "DeadlineHistoryModel",
    "LetterTableModel",
    "LinkedResolutionModel",
    "ResolutionLettersModel",
    # A record's history (the audit trail's entries about it, and one entry's changes).
    "HistoryModel",
    "ChangeModel",
}


@pytest.fixture
def demo_services(demo_copy, persian_app):
    database = open_database(demo_copy)
    yield Services(database)
    database.close()


def _shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1500, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _tables(widget: QWidget) -> list[QTableView]:
    """The app's tables in ``widget``: not the month grid inside a calendar widget."""
    return [view for view in widget.findChildren(QTableView) if not _inside_calendar(view)]


def _inside_calendar(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def _every_table_widget(services: Services) -> list[QWidget]:
    """The sections and windows that, between them, show every table model of the app."""
    [meeting] = services.meetings.page(MeetingQuery(), offset=0, limit=1)
    [resolution] = services.register.page(ResolutionQuery(), offset=0, limit=1)
    letters = services.letters.page(LetterQuery(), limit=1) or [_a_letter(services, resolution.id)]
    return [
        AgenciesView(services),
        PeopleView(services),
        MeetingsView(services),
        RegisterView(services),
        MeetingWindow(services, meeting.id),
        FollowUpWindow(services, resolution.id, resolution.meeting_id),
        LettersView(services),
        LetterWindow(services, letters[0].id),
    ]


def _a_letter(services: Services, resolution_id: int):
    """A follow-up letter about a resolution, for a demo council without letters."""
    draft = OutgoingDraft(
        kind=LetterKind.FOLLOWUP.value,
        source_key="columns-test",
        party="شهرداری",
        subject="پیگیری مصوبه",
        resolution_ids=[resolution_id],
    )
    return services.letters.issue(draft)


def test_every_table_shows_the_titles_and_widths_of_its_columns(qtbot, demo_services):
    seen = set()
    for widget in _every_table_widget(demo_services):
        for view in _tables(_shown(qtbot, widget)):
            model, header = view.model(), view.horizontalHeader()
            seen.add(type(model).__name__)
            columns = model.columns
            assert model.columnCount() == len(columns)
            assert len({column.key for column in columns}) == len(columns)
            assert [model.headerData(at, Qt.Orientation.Horizontal) for at in range(len(columns))] == [
                column.title for column in columns
            ]
            assert all(column.title for column in columns)
            assert [column.key for column in columns if column.stretch] == [
                columns[at].key
                for at in range(len(columns))
                if header.sectionResizeMode(at) == QHeaderView.ResizeMode.Stretch
            ]
            for at, column in enumerate(columns):
                assert model.column(column.key) == at
                if column.width is not None:
                    assert view.columnWidth(at) == column.width, (type(model).__name__, column.key)
    assert seen == TABLE_MODELS


# Every role a view or the code asks of a cell: what it paints, its tooltip, the models' own.
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.SizeHintRole,
    Qt.ItemDataRole.UserRole + 1,
    Qt.ItemDataRole.UserRole + 2,
)


def _same(shown: Any, made: Any) -> bool:
    if isinstance(made, QIcon):  # icons do not compare: the same picture
        return isinstance(shown, QIcon) and shown.cacheKey() == made.cacheKey()
    return type(shown) is type(made) and shown == made


def test_every_cell_shows_what_its_column_makes_of_the_record(qtbot, demo_services):
    """The texts, colours, fonts and icons a model keeps for its rows are those its columns'
    functions make of each record (a whole row's, ``_row_data``, first), whatever the role."""
    [resolution] = demo_services.register.page(ResolutionQuery(), offset=0, limit=1)
    widgets = [*_every_table_widget(demo_services), MeetingWindow(demo_services, resolution.meeting_id)]
    checked = set()
    for widget in widgets:
        for view in _tables(_shown(qtbot, widget)):
            model = view.model()
            if not isinstance(model, RecordTableModel):
                continue  # the attendance sheet is edited in place: no record columns
            for row in range(model.rowCount()):
                record = model.record(row)
                assert model.data(model.index(row, 0), RECORD_ROLE) is record
                for at, column in enumerate(model.columns):
                    index = model.index(row, at)
                    for role in ROLES:
                        whole = model._row_data(record, role)
                        made = whole if whole is not None else column.data(record, role)
                        assert _same(model.data(index, role), made), (type(model).__name__, column.key, role)
                checked.add(type(model).__name__)
    # The demo council leaves some tables empty (a meeting's files, a deadline moved): not these.
    assert checked >= {
        "AgencyTableModel",
        "PeopleTableModel",
        "MeetingTableModel",
        "RegisterTableModel",
        "AgendaModel",
        "InviteeModel",
        "ResolutionModel",
        "SummaryModel",
        "FollowUpLogModel",
    }, checked


def _click_header(qtbot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    # Right-to-left: the first column is the rightmost; the header knows where each one is drawn.
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    point = QPoint(x, header.height() // 2)
    assert header.logicalIndexAt(point) == column
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.parametrize(
    ("view_class", "part", "service"),
    [
        (AgenciesView, None, "agencies"),
        (PeopleView, None, "people"),
        (MeetingsView, "list", "meetings"),
        (RegisterView, None, "register"),
        (LettersView, None, "letters"),
    ],
    ids=["agencies", "people", "meetings", "register", "letters"],
)
def test_a_header_click_sorts_in_the_database_by_its_columns_sort(
    qtbot, demo_services, view_class, part, service
):
    top = _shown(qtbot, view_class(demo_services))
    section: ListSection = getattr(top, part) if part else top
    if isinstance(top, MeetingsView):
        top.show_list()
        qtbot.waitExposed(section.table)
    view, model = section.table, section.model
    header = view.horizontalHeader()

    def rows() -> list[int]:
        return [model.item_id(row) for row in range(model.rowCount())]

    for at, column in enumerate(model.columns):
        before, indicator = model.query, header.sortIndicatorSection()
        shown = rows()
        _click_header(qtbot, view, at)
        if column.sort is None:
            assert model.query == before, column.key
            assert header.sortIndicatorSection() == indicator, column.key
            assert rows() == shown, column.key
            continue
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert model.query == replace(before, sort=column.sort, descending=descending), column.key
        assert header.sortIndicatorSection() == at
        # What the table shows is the database's order for that sort (Persian collation).
        ordered = getattr(demo_services, service).page(model.query, offset=0, limit=len(shown))
        assert rows() == [row.id for row in ordered], column.key

        _click_header(qtbot, view, at)
        assert model.query.descending is not descending, column.key
    assert any(column.sortable for column in model.columns) is (service != "meetings")
