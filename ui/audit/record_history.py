"""A record's history (تاریخچه): every change to it and to what belongs to it, oldest first, with
who made it and when; the selected change in full below.

One widget for every window that has a record: the meeting's (its agenda,
invitations and files too), the resolution's follow-up window (its
follow-ups, deadlines, amendments), an agency's (its PR managers and
decrees), a letter's. It reads the trail (``AuditService.history``) only
while it is shown, and again when a save touches its record
(``touches``, on the core's announcement of every commit).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.changes import Changes
from secretariat.office.audit import AuditRow
from secretariat.persian.text import format_int
from ui.audit import wording
from ui.audit.audit_models import HistoryModel
from ui.audit.change_details import ChangeDetails
from ui.services import Services
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.table_setup import configure_table, select_row

Touches = Callable[[Changes, int], bool]


def any_change(_changes: Changes, _record_id: int) -> bool:
    return True


class RecordHistory(QWidget):
    def __init__(
        self, services: Services, kind: str, *, touches: Touches = any_change, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._services = services
        self.kind = kind
        self._touches = touches
        self.record_id: int | None = None
        self._stale = False
        self.count = QLabel()
        self.count.setObjectName("resultCount")
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.details = ChangeDetails()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(splitter, 1)
        # After the save that announced it has returned: one read for a burst of announcements.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        services.changes.changed.connect(self._on_changes)

    def show_record(self, record_id: int) -> None:
        """Show this record's history: read now if the widget is shown, else when it is."""
        if record_id != self.record_id:
            self.model.set_records([])
        self.record_id = record_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        if self.record_id is None:
            return
        self._stale = False
        selected = self.selected_entry()
        # The newest selected follows the newest; another one stays selected.
        if selected is not None and self.model.row_of(selected.id) == self.model.rowCount() - 1:
            selected = None
        entries = self._services.audit.history(self.kind, self.record_id)
        self.model.set_records(entries)
        self.count.setText(
            wording.HISTORY_COUNT.format(count=format_int(len(entries))) if entries else wording.HISTORY_EMPTY
        )
        if entries:
            row = self.model.row_of(selected.id) if selected is not None else None
            select_row(self.table, row if row is not None else len(entries) - 1)  # else the newest
        else:
            self.details.show_entry(None)

    def entries(self) -> list[AuditRow]:
        return self.model.records()

    def selected_entry(self) -> AuditRow | None:
        rows = self.table.selectionModel().selectedRows()
        entry: AuditRow | None = self.model.record(rows[0].row()) if rows else None
        return entry

    def _show_selected(self) -> None:
        self.details.show_entry(self.selected_entry())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if self.record_id is None or not self._touches(changes, self.record_id):
            return
        self._stale = True
        if self.isVisible():
            self._reload_timer.start()


class RecordHistoryDialog(QDialog):
    """A record's history in a window of its own (an agency's, a letter's)."""

    def __init__(
        self,
        services: Services,
        kind: str,
        record_id: int,
        name: str,
        *,
        touches: Touches = any_change,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(wording.HISTORY_TITLE.format(name=name))
        self.history = RecordHistory(services, kind, touches=touches)
        close_button = QPushButton(wording.CLOSE)
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 600)
        self.history.show_record(record_id)


def show_history(
    parent: QWidget,
    services: Services,
    kind: str,
    record_id: int,
    name: str,
    *,
    touches: Touches = any_change,
) -> RecordHistoryDialog:
    dialog = RecordHistoryDialog(services, kind, record_id, name, touches=touches, parent=parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
