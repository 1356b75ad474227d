"""One entry of the trail in full: who did what and when, then each field with its value before
and after (a creation or an event: its values), each field by its Persian name."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from secretariat.office.audit import AuditRow
from secretariat.office.audit_text import change_lines, when
from ui.audit import wording
from ui.audit.audit_models import ChangeModel
from ui.rtl import rtl
from ui.widgets.table_setup import configure_table


class ChangeDetails(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel(wording.DETAILS_NONE)
        self.heading.setObjectName("panelTitle")
        self.heading.setWordWrap(True)
        self.model = ChangeModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.setWordWrap(True)
        self.model.modelReset.connect(self._lay_out)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)

    def show_entry(self, entry: AuditRow | None) -> None:
        if entry is None:
            self.heading.setText(wording.DETAILS_NONE)
            self.model.show_lines([])
            return
        lines = change_lines(entry)
        heading = wording.DETAILS_HEADING.format(
            action=entry.action_label, kind=entry.kind_label, when=when(entry.at), who=entry.who
        )
        self.heading.setText(rtl(heading if lines else f"{heading}؛ {wording.DETAILS_EMPTY}"))
        self.model.show_lines(lines)

    def _lay_out(self) -> None:
        # The columns change between a change (before, after) and a creation (its values).
        header = self.table.horizontalHeader()
        for at, column in enumerate(self.model.columns):
            if column.stretch:
                header.setSectionResizeMode(at, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(at, QHeaderView.ResizeMode.Interactive)
                if column.width is not None:
                    self.table.setColumnWidth(at, column.width)
        self.table.resizeRowsToContents()
