"""«تاریخچه تغییرات»: the secretary's browser of the whole audit trail.

Every change to the records, newest first, read a page at a time from the
database (``AuditService.page``), filtered there by user, by kind of record
(a meeting's kind also finds its agenda, invitations and files) and by a
Jalali period typed in any digits. The selected change is shown in full
below: each field by its Persian name, before and after. «چاپ…» prints the
trail as filtered, oldest first (``secretariat.reports.audit_report``).
The window follows every save (the core's announcements): a change made
anywhere, at this desk or another, appears at the top.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
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
from secretariat.office.audit import KIND_LABELS, AuditQuery, AuditRow
from secretariat.persian.collation import sort_key
from secretariat.persian.text import format_int
from ui.audit import wording
from ui.audit.audit_models import AuditTableModel
from ui.audit.change_details import ChangeDetails
from ui.reports.report_jobs import audit_job, show_report
from ui.reports.report_preview import ReportPreview
from ui.services import Services
from ui.widgets.jalali_date_edit import JalaliDateEdit
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.table_setup import configure_table

WINDOW_SIZE = (1240, 720)
BACKWARD_PERIOD = "«تا تاریخ» پیش از «از تاریخ» است."


class AuditBrowser(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("auditBrowser")
        self.setWindowTitle(wording.AUDIT_TITLE)
        self._services = services

        intro = QLabel(wording.AUDIT_INTRO)
        intro.setObjectName("note")
        intro.setWordWrap(True)
        self.user_filter = QComboBox()
        self.user_filter.setMinimumContentsLength(18)
        self.kind_filter = QComboBox()
        self.kind_filter.setMinimumContentsLength(16)
        self.kind_filter.addItem(wording.ALL_KINDS, "")
        for kind, label in sorted(KIND_LABELS.items(), key=lambda item: sort_key(item[1])):
            self.kind_filter.addItem(label, kind)
        self.from_filter = JalaliDateEdit(placeholder=wording.FROM_PLACEHOLDER)
        self.to_filter = JalaliDateEdit(placeholder=wording.TO_PLACEHOLDER)
        for edit in (self.from_filter, self.to_filter):
            edit.setMaximumWidth(150)
            edit.dateChanged.connect(lambda _date: self.apply_filters())
        self.clear_button = QPushButton(wording.CLEAR_FILTERS)
        self.clear_button.clicked.connect(self.clear_filters)
        self._fill_users()
        for combo in (self.user_filter, self.kind_filter):
            combo.currentIndexChanged.connect(lambda _index: self.apply_filters())
        filters = QHBoxLayout()
        filters.addWidget(self.user_filter)
        filters.addWidget(self.kind_filter)
        filters.addSpacing(12)
        filters.addWidget(QLabel(wording.PERIOD), 0, Qt.AlignmentFlag.AlignTop)
        filters.addWidget(self.from_filter, 0, Qt.AlignmentFlag.AlignTop)
        filters.addWidget(self.to_filter, 0, Qt.AlignmentFlag.AlignTop)
        filters.addStretch(1)
        filters.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)

        self.model = AuditTableModel(services.audit, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.model.watch(self.table)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.model.rowsRemoved.connect(lambda *_: self._show_count())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.details = ChangeDetails()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.count = QLabel()
        self.count.setObjectName("resultCount")
        self.print_button = QPushButton(wording.PRINT)
        self.print_button.setToolTip(wording.PRINT_TIP)
        self.print_button.clicked.connect(self.print_trail)
        close_button = QPushButton(wording.CLOSE)
        close_button.clicked.connect(self.close)
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        foot.addWidget(self.print_button)
        foot.addWidget(close_button)
        for button in (self.clear_button, self.print_button, close_button):
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(foot)
        fit_to_screen(self, *WINDOW_SIZE)
        self._show_count()
        self._listening = True
        services.changes.changed.connect(self._on_changes)

    # -- filters ---------------------------------------------------------------------------

    def _fill_users(self) -> None:
        """Everyone the trail names, by full name where the council still has the account."""
        names = {user.username: user.full_name for user in self._services.users.list()}
        chosen = self.user_filter.currentData()
        self.user_filter.blockSignals(True)
        self.user_filter.clear()
        self.user_filter.addItem(wording.ALL_USERS, "")
        for username in self._services.audit.usernames():
            if username:  # entries before the council had accounts have none
                name = names.get(username)
                self.user_filter.addItem(f"{name} ({username})" if name else username, username)
        self.user_filter.setCurrentIndex(max(0, self.user_filter.findData(chosen)))
        self.user_filter.blockSignals(False)

    def query(self) -> AuditQuery:
        return AuditQuery(
            username=self.user_filter.currentData() or "",
            kind=self.kind_filter.currentData() or "",
            start=self.from_filter.date(),
            end=self.to_filter.date(),
        )

    def apply_filters(self) -> None:
        query = self.query()
        backward = query.start is not None and query.end is not None and query.end < query.start
        self.to_filter.set_error(BACKWARD_PERIOD if backward else "")
        if backward:
            return
        self.model.set_query(query)
        self.details.show_entry(self.selected_entry())

    def clear_filters(self) -> None:
        for widget in (self.user_filter, self.kind_filter, self.from_filter, self.to_filter):
            widget.blockSignals(True)
        self.user_filter.setCurrentIndex(0)
        self.kind_filter.setCurrentIndex(0)
        self.from_filter.setDate(None)
        self.to_filter.setDate(None)
        for widget in (self.user_filter, self.kind_filter, self.from_filter, self.to_filter):
            widget.blockSignals(False)
        self.apply_filters()

    # -- rows ------------------------------------------------------------------------------

    def selected_entry(self) -> AuditRow | None:
        rows = self.table.selectionModel().selectedRows()
        entry: AuditRow | None = self.model.record(rows[0].row()) if rows else None
        return entry

    def _show_selected(self) -> None:
        self.details.show_entry(self.selected_entry())

    def _show_count(self) -> None:
        total = self.model.total()
        self.count.setText(wording.FOUND.format(count=format_int(total)) if total else wording.NONE_FOUND)
        self.print_button.setEnabled(total > 0)
        if not self.table.selectionModel().hasSelection():
            self.details.show_entry(None)

    def _on_changes(self, changes: Changes) -> None:
        if not changes:
            return
        self._fill_users()  # a user who saved for the first time
        self.model.reload()

    # -- printing --------------------------------------------------------------------------

    def print_trail(self) -> ReportPreview:
        """The trail as filtered, on paper: previewed, made in the background."""
        return show_report(self, audit_job(self._services, self.query()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._listening:
            self._listening = False
            self._services.changes.changed.disconnect(self._on_changes)
        super().closeEvent(event)
