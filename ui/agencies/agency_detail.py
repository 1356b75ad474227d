"""The selected agency: its particulars, its current people and the history
of roles and membership decrees, with the actions on them; «تاریخچه…» opens
who changed any of it, and when."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.changes import Changes
from secretariat.errors import NotFoundError
from secretariat.members.agencies import AgencyRecord
from secretariat.members.people import RepresentationRecord
from secretariat.office.roles import Permission
from secretariat.persian.jalali import format_short
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.audit import wording as audit_wording
from ui.audit.record_history import RecordHistoryDialog, show_history
from ui.office.gate import guard
from ui.people.appointment_dialog import AppointmentDialog
from ui.people.decree_dialog import DecreeDialog
from ui.people.end_role_dialog import EndRoleDialog
from ui.people.role_history_model import RoleHistoryModel
from ui.rtl import phone_text, rtl
from ui.services import Services
from ui.widgets.table_setup import configure_table, select_row

_FIELDS = (
    ("short_name", strings.DETAIL_SHORT_NAME),
    ("category", strings.DETAIL_CATEGORY),
    ("parent_ministry", strings.DETAIL_PARENT),
    ("joined_on", strings.DETAIL_JOINED),
    ("phones", strings.DETAIL_PHONES),
    ("email", strings.DETAIL_EMAIL),
    ("website", strings.DETAIL_WEBSITE),
    ("address", strings.DETAIL_ADDRESS),
    ("current_people", strings.DETAIL_CURRENT_PEOPLE),
)


def _touches_agency(changes: Changes, agency_id: int) -> bool:
    return changes.everything or agency_id in changes.agencies or agency_id in changes.roles


class AgencyDetailPanel(QWidget):
    message = Signal(str)  # what was just done, for the status bar

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._agency: AgencyRecord | None = None
        self._pages = QStackedWidget()
        empty = QLabel(strings.NO_AGENCY_SELECTED)
        empty.setObjectName("emptyState")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self._pages.addWidget(empty)
        self._pages.addWidget(self._detail_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)
        services.changes.changed.connect(self._on_changes)
        guard(services, Permission.EDIT, self.appoint_button, self.end_button, self.decree_button)

    # -- building -------------------------------------------------------------

    def _detail_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.addWidget(self._fields_box(), 3)
        row.addWidget(self._history_box(), 8)
        layout.addLayout(row, 1)
        return page

    def _fields_box(self) -> QGroupBox:
        box = QGroupBox(strings.DETAIL_FIELDS)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self._values: dict[str, QLabel] = {}
        for key, caption in _FIELDS:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName("detailValue")
            caption_label = QLabel(caption)
            caption_label.setObjectName("detailCaption")
            form.addRow(caption_label, value)
            self._values[key] = value
        return box

    def _history_box(self) -> QGroupBox:
        box = QGroupBox(strings.DETAIL_HISTORY)
        layout = QVBoxLayout(box)
        self.history_model = RoleHistoryModel(self)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        configure_table(self.history)
        self.history.setWordWrap(True)
        # Wrapped cells (several decrees) need their rows re-measured when columns change width.
        self.history.horizontalHeader().sectionResized.connect(lambda *_: self.history.resizeRowsToContents())
        self.history.selectionModel().selectionChanged.connect(self._update_buttons)
        self.appoint_button = QPushButton(strings.APPOINT)
        self.end_button = QPushButton(strings.END_ROLE)
        self.decree_button = QPushButton(strings.ADD_DECREE)
        self.appoint_button.clicked.connect(self.appoint)
        self.end_button.clicked.connect(self.end_role)
        self.decree_button.clicked.connect(self.add_decree)
        buttons = QHBoxLayout()
        buttons.addWidget(self.appoint_button)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.decree_button)
        buttons.addStretch(1)
        self.audit_button = QPushButton(audit_wording.HISTORY_BUTTON)
        self.audit_button.setToolTip(audit_wording.HISTORY_BUTTON_TIP)
        self.audit_button.clicked.connect(self.show_changes)
        buttons.addWidget(self.audit_button)
        layout.addLayout(buttons)
        layout.addWidget(self.history, 1)
        return box

    # -- showing ------------------------------------------------------------------

    def agency(self) -> AgencyRecord | None:
        return self._agency

    def show_agency(self, agency_id: int | None) -> None:
        try:
            self._agency = self._services.agencies.get(agency_id) if agency_id is not None else None
        except NotFoundError:
            self._agency = None
        if self._agency is None:
            self._pages.setCurrentIndex(0)
            self.history_model.set_records([])
            return
        self._pages.setCurrentIndex(1)
        self._show_fields(self._agency)
        self._show_history(self._agency.id)

    def refresh(self) -> None:
        self.show_agency(self._agency.id if self._agency else None)

    def _on_changes(self, changes: Changes) -> None:
        if self._agency is None:
            return
        shown = self._agency.id
        # A person's name shows in the history of every agency they served.
        if changes.touches("people") or shown in changes.agencies or shown in changes.roles:
            self.refresh()

    def _show_fields(self, agency: AgencyRecord) -> None:
        status = "" if agency.active else f" ({strings.INACTIVE})"
        self.title.setText(agency.name + status)
        values = {
            "short_name": agency.short_name,
            "category": agency.category.label,
            "parent_ministry": agency.parent_ministry,
            "joined_on": format_short(agency.joined_on),
            "phones": phone_text(agency.phones),
            "email": agency.email,
            "website": agency.website,
            "address": to_persian_digits(agency.address),  # house numbers read as Persian
        }
        for key, text in values.items():
            self._values[key].setText(rtl(text or "—"))

    def _show_history(self, agency_id: int) -> None:
        previous = self.selected_representation()
        records = self._services.people.history(agency_id)
        self.history_model.set_records(records)
        current = [r for r in records if r.is_current]
        people = "\n".join(f"{r.role.label}: {r.person_name}" for r in current)
        self._values["current_people"].setText(rtl(people) or strings.DETAIL_NOBODY)
        self.history.resizeRowsToContents()
        if records:
            ids = [r.id for r in records]
            keep = previous is not None and previous.agency_id == agency_id and previous.id in ids
            select_row(self.history, ids.index(previous.id) if keep and previous is not None else 0)
        self._update_buttons()

    # -- actions --------------------------------------------------------------------

    def selected_representation(self) -> RepresentationRecord | None:
        rows = self.history.selectionModel().selectedRows()
        return self.history_model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        selected = self.selected_representation()
        active = self._agency is not None and self._agency.active
        self.appoint_button.setEnabled(active)
        self.end_button.setEnabled(selected is not None and selected.is_current)
        self.decree_button.setEnabled(selected is not None)

    def show_changes(self) -> RecordHistoryDialog | None:
        """The agency's history: its particulars, PR managers and decrees, who changed them and when."""
        if self._agency is None:
            return None
        return show_history(
            self, self._services, "agency", self._agency.id, self._agency.name, touches=_touches_agency
        )

    def appoint(self) -> None:
        if self._agency is None:
            return
        dialog = AppointmentDialog(self._services.people, self._agency, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            record = cast(RepresentationRecord, dialog.saved)  # what an AppointmentDialog saves
            self.message.emit(
                strings.APPOINTED.format(
                    name=record.person_name, agency=record.agency_name, role=record.role.label
                )
            )

    def end_role(self) -> None:
        selected = self.selected_representation()
        if selected is None:
            return
        dialog = EndRoleDialog(self._services.people, selected, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.emit(strings.ROLE_ENDED.format(name=selected.person_name))

    def add_decree(self) -> None:
        selected = self.selected_representation()
        if selected is None:
            return
        dialog = DecreeDialog(self._services.people, selected, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.emit(strings.DECREE_SAVED.format(name=selected.person_name))
